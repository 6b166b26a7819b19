from __future__ import annotations

from collections.abc import Iterator

from raci.model.severity import Severity
from raci.model.vocabulary import Letter
from raci.rules.base import Rule, RuleContext, Violation


class HasResponsible(Rule):
    """Every task has at least one Responsible department.

    Why:
        A task that nobody is Responsible for is a wish, not work: someone must do it.
    Passes:
        tasks:
          publish-posts: {activity: publish, raci: {marketing: RA}}
    Fails:
        tasks:
          publish-posts: {activity: publish, raci: {marketing: A, pr: C}}
    Fix:
        Give R to the department that does the work (it may also hold the A: write RA).
    """

    code = "RACI002"
    name = "has-responsible"
    severity = Severity.ERROR

    def check(self, context: RuleContext) -> Iterator[Violation]:
        for task_id in context.graph.task_ids():
            if not context.graph.holders(task_id, Letter.RESPONSIBLE):
                yield Violation(
                    f"task '{task_id}' has no Responsible department",
                    task=task_id,
                    hint="give R to the department that does the work",
                )
