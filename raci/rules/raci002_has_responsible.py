from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from raci.i18n import gettext
from raci.model.severity import Severity
from raci.model.vocabulary import Letter
from raci.rules.base import Rule, RuleContext, Violation

if TYPE_CHECKING:
    from raci.graph import OrgGraph
    from raci.model.findings import Finding
    from raci.model.organization import Organization
    from raci.rules.fixes import Candidate, Planner


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
    lacks = Letter.RESPONSIBLE
    name = "has-responsible"
    severity = Severity.ERROR

    def check(self, context: RuleContext) -> Iterator[Violation]:
        for task_id in context.graph.task_ids():
            if not context.graph.holders(task_id, Letter.RESPONSIBLE):
                yield Violation(
                    gettext("task '%(task)s' has no Responsible department") % {"task": task_id},
                    task=task_id,
                    hint=gettext("give R to the department that does the work"),
                    letter=Letter.RESPONSIBLE,
                )

    @classmethod
    def fixes(cls, plan: Planner, finding: Finding) -> Iterator[Candidate]:
        task_id = finding.task
        if task_id is None:
            return
        on_task = list(plan.org.tasks[task_id].raci)
        accountable = plan.result.graph.holders(task_id, Letter.ACCOUNTABLE)
        function = plan.natural_function(task_id)
        natural = plan.departments(function) if function is not None else []
        for dept in dict.fromkeys([*accountable, *plan.owners_first(task_id, on_task), *natural]):
            yield plan.candidate(plan.give(task_id, dept, frozenset({Letter.RESPONSIBLE})))

    @classmethod
    def task_note(cls, finding: Finding, org: Organization, graph: OrgGraph, task_id: str) -> str:
        from raci.i18n import gettext

        return gettext("no Responsible")
