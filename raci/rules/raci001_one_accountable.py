from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from raci.i18n import gettext, ngettext
from raci.model.severity import Severity
from raci.model.vocabulary import Letter
from raci.rules.base import Rule, RuleContext, Violation
from raci.rules.wording import accountable_note, department_list

if TYPE_CHECKING:
    from raci.graph import OrgGraph
    from raci.model.findings import Finding
    from raci.model.organization import Organization
    from raci.rules.fixes import Candidate, Planner


class OneAccountable(Rule):
    """Every task has exactly one Accountable department.

    Why:
        Accountability that nobody holds is never exercised, and accountability that two
        departments hold turns into each waiting for the other. One A per task is the
        rule that makes a RACI matrix worth keeping.
    Passes:
        tasks:
          answer-complaints: {activity: respond, raci: {care: RA, marketing: I}}
    Fails:
        tasks:
          answer-complaints: {activity: respond, raci: {care: R, marketing: A, pr: A}}
    Fix:
        Give the A to the one department that answers for the outcome; make the others R, C
        or I.
    """

    code = "RACI001"
    name = "one-accountable"
    severity = Severity.ERROR
    points_at = (Letter.ACCOUNTABLE,)
    points_at_min = 2

    def check(self, context: RuleContext) -> Iterator[Violation]:
        org = context.org
        for task_id in context.graph.task_ids():
            accountable = context.graph.holders(task_id, Letter.ACCOUNTABLE)
            if not accountable:
                yield Violation(
                    gettext("task '%(task)s' has no Accountable department") % {"task": task_id},
                    task=task_id,
                    hint=gettext("give exactly one department the letter A"),
                    letter=Letter.ACCOUNTABLE,
                )
            elif len(accountable) > 1:
                message = ngettext(
                    "task '%(task)s' has %(count)d Accountable department (%(departments)s); "
                    "keep exactly one",
                    "task '%(task)s' has %(count)d Accountable departments (%(departments)s); "
                    "keep exactly one",
                    len(accountable),
                )
                departments = department_list(org, accountable)
                yield Violation(
                    message % {"task": task_id, "count": len(accountable), "departments": departments},
                    task=task_id,
                    hint=gettext("keep the A with the department that answers for the outcome"),
                    letter=Letter.ACCOUNTABLE,
                )

    @classmethod
    def fixes(cls, plan: Planner, finding: Finding) -> Iterator[Candidate]:
        task_id = finding.task
        if task_id is None:
            return
        graph = plan.result.graph
        accountable = graph.holders(task_id, Letter.ACCOUNTABLE)
        if not accountable:
            holders = graph.holders(task_id, Letter.RESPONSIBLE) or list(plan.org.tasks[task_id].raci)
            for dept in plan.owners_first(task_id, holders):
                yield plan.candidate(plan.give(task_id, dept, frozenset({Letter.ACCOUNTABLE})))
            return
        for keeper in plan.owners_first(task_id, accountable):
            drop = frozenset({Letter.ACCOUNTABLE})
            yield plan.candidate(*(plan.take(task_id, d, drop) for d in accountable if d != keeper))

    @classmethod
    def lacking_cells(cls, graph: OrgGraph, task_id: str) -> list[tuple[str, Letter]]:
        """A task with no A: its Responsible's cell (else its first department's) should hold
        the A, the department the suggested fix gives it to first."""
        if graph.holders(task_id, Letter.ACCOUNTABLE):
            return []
        holders = graph.holders(task_id, Letter.RESPONSIBLE) or list(graph.assignments(task_id))
        return [(dept_id, Letter.ACCOUNTABLE) for dept_id in holders[:1]]

    @classmethod
    def task_note(cls, finding: Finding, org: Organization, graph: OrgGraph, task_id: str) -> str:
        return accountable_note(graph, task_id)
