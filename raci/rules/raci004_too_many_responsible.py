from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from raci.i18n import N_, gettext, ngettext
from raci.model.severity import Severity
from raci.model.vocabulary import Letter
from raci.rules.base import Option, Rule, RuleContext, Violation
from raci.rules.wording import department_list

if TYPE_CHECKING:
    from raci.graph import OrgGraph
    from raci.model.findings import Finding
    from raci.model.organization import Organization
    from raci.rules.fixes import Candidate, Planner


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
    options = (Option("max_responsible", 3, N_("most Responsible departments a task may have"), 1),)
    points_at = (Letter.RESPONSIBLE,)

    def check(self, context: RuleContext) -> Iterator[Violation]:
        limit = context.options["max_responsible"]
        for task_id in context.graph.task_ids():
            responsible = context.graph.holders(task_id, Letter.RESPONSIBLE)
            if len(responsible) > limit:
                message = ngettext(
                    "task '%(task)s' has %(count)d Responsible department (%(departments)s), "
                    "more than %(limit)s: split it",
                    "task '%(task)s' has %(count)d Responsible departments (%(departments)s), "
                    "more than %(limit)s: split it",
                    len(responsible),
                )
                values = {"task": task_id, "count": len(responsible), "limit": limit}
                yield Violation(
                    message % {**values, "departments": department_list(context.org, responsible)},
                    task=task_id,
                    hint=gettext("split the task, or turn some R into C"),
                    letter=Letter.RESPONSIBLE,
                )

    @classmethod
    def fixes(cls, plan: Planner, finding: Finding) -> Iterator[Candidate]:
        from raci.rules.fixes import SetLetters

        task_id = finding.task
        if task_id is None:
            return
        responsible = plan.result.graph.holders(task_id, Letter.RESPONSIBLE)
        excess = len(responsible) - plan.option(cls.code, "max_responsible", 3)
        natural = plan.natural_function(task_id)
        movable = [
            d
            for d in reversed(responsible)
            if Letter.ACCOUNTABLE not in plan.letters(task_id, d)
            and plan.org.departments[d].function is not natural
        ]
        if 0 < excess <= len(movable):
            ops = [
                SetLetters(task_id, d, (plan.letters(task_id, d) - {Letter.RESPONSIBLE}) | {Letter.CONSULTED})
                for d in movable[:excess]
            ]
            yield plan.candidate(*ops)

    @classmethod
    def task_note(cls, finding: Finding, org: Organization, graph: OrgGraph, task_id: str) -> str:
        from raci.i18n import gettext

        return gettext("%(count)d Responsible: split it") % {
            "count": len(graph.holders(task_id, Letter.RESPONSIBLE))
        }
