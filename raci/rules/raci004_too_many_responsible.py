from __future__ import annotations

from collections.abc import Iterator

from raci.model.severity import Severity
from raci.model.vocabulary import Letter
from raci.rules.base import Option, Rule, RuleContext, Violation
from raci.rules.wording import department_list


class TooManyResponsible(Rule):
    """A task has more Responsible departments than the threshold.

    Why:
        When many departments are Responsible for one task, each assumes another is doing
        it. A task that really needs four teams is several tasks.
    Passes:
        tasks:
          answer-complaints: {activity: respond, raci: {care: RA, pr: C}}
    Fails:
        tasks:
          answer-complaints: {activity: respond, raci: {care: RA, pr: R, sales: R, marketing: R}}
    Fix:
        Split the task into parts each with its own Responsible department, or turn some R
        into C.
    """

    code = "RACI004"
    name = "too-many-responsible"
    severity = Severity.WARNING
    options = (Option("max_responsible", 3, "most Responsible departments a task may have", 1),)

    def check(self, context: RuleContext) -> Iterator[Violation]:
        limit = context.options["max_responsible"]
        for task_id in context.graph.task_ids():
            responsible = context.graph.holders(task_id, Letter.RESPONSIBLE)
            if len(responsible) > limit:
                yield Violation(
                    f"task '{task_id}' has {len(responsible)} Responsible departments "
                    f"({department_list(context.org, responsible)}), more than {limit}: split it",
                    task=task_id,
                    hint="split the task, or turn some R into C",
                )
