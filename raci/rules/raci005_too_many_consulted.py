from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from raci.i18n import N_, gettext, ngettext
from raci.model.severity import Severity
from raci.model.vocabulary import Activity, Function, Letter
from raci.rules.base import Option, Rule, RuleContext, Violation
from raci.rules.wording import department_list

if TYPE_CHECKING:
    from raci.graph import OrgGraph
    from raci.model.findings import Finding
    from raci.model.organization import Organization
    from raci.rules.fixes import Candidate, Planner


class TooManyConsulted(Rule):
    """A task has more Consulted departments than the threshold.

    Why:
        Every Consulted department is a conversation before acting. On social media, where
        answers are expected within hours, a long list of C's means slow replies.
    Passes:
        tasks:
          answer-complaints: {activity: respond, raci: {care: RA, pr: C}}
    Fails:
        tasks:
          answer-complaints:
            activity: respond
            raci: {care: RA, pr: C, sales: C, marketing: C, legal: C, product: C}
    Fix:
        Keep as C only those whose input changes the outcome; make the rest I.
    """

    code = "RACI005"
    name = "too-many-consulted"
    severity = Severity.WARNING
    options = (Option("max_consulted", 4, N_("most Consulted departments a task may have"), 1),)
    points_at = (Letter.CONSULTED,)

    def check(self, context: RuleContext) -> Iterator[Violation]:
        limit = context.options["max_consulted"]
        for task_id in context.graph.task_ids():
            consulted = context.graph.holders(task_id, Letter.CONSULTED)
            if len(consulted) > limit:
                message = ngettext(
                    "task '%(task)s' has %(count)d Consulted department (%(departments)s), "
                    "more than %(limit)s: decisions will be slow",
                    "task '%(task)s' has %(count)d Consulted departments (%(departments)s), "
                    "more than %(limit)s: decisions will be slow",
                    len(consulted),
                )
                values = {"task": task_id, "count": len(consulted), "limit": limit}
                yield Violation(
                    message % {**values, "departments": department_list(context.org, consulted)},
                    task=task_id,
                    hint=gettext("keep as C only those whose input changes the outcome; make the rest I"),
                    letter=Letter.CONSULTED,
                )

    @classmethod
    def fixes(cls, plan: Planner, finding: Finding) -> Iterator[Candidate]:
        from raci.rules.fixes import SetLetters

        task_id = finding.task
        if task_id is None:
            return
        task = plan.org.tasks[task_id]
        consulted = plan.result.graph.holders(task_id, Letter.CONSULTED)
        excess = len(consulted) - plan.option(cls.code, "max_consulted", 4)
        movable = [
            d
            for d in reversed(consulted)
            if not (
                task.activity is Activity.RECOVER
                and plan.org.departments[d].function is Function.PUBLIC_RELATIONS
            )
        ]
        if 0 < excess <= len(movable):
            ops = [
                SetLetters(task_id, d, (plan.letters(task_id, d) - {Letter.CONSULTED}) | {Letter.INFORMED})
                for d in movable[:excess]
            ]
            yield plan.candidate(*ops)

    @classmethod
    def task_note(cls, finding: Finding, org: Organization, graph: OrgGraph, task_id: str) -> str:
        from raci.i18n import gettext

        return gettext("%(count)d Consulted: slow decisions") % {
            "count": len(graph.holders(task_id, Letter.CONSULTED))
        }
