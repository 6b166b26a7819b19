from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from raci.i18n import gettext
from raci.model.principles import NATURAL_ACTIVITY
from raci.model.severity import Severity
from raci.model.vocabulary import Activity, Function, Letter
from raci.rules.base import Rule, RuleContext, Violation

if TYPE_CHECKING:
    from raci.graph import OrgGraph
    from raci.model.findings import Finding
    from raci.model.organization import Organization
    from raci.rules.fixes import Candidate, Planner


class IdleDepartment(Rule):
    """A department holds no letter on any task.

    Why:
        A department listed but never involved is either missing from the work (often the
        very department customers reach first) or should not be in the file.
    Passes:
        departments:
          marketing: {function: marketing}
        tasks:
          publish-posts: {activity: publish, raci: {marketing: RA}}
    Fails:
        departments:
          marketing: {function: marketing}
          legal: {function: legal}
        tasks:
          publish-posts: {activity: publish, raci: {marketing: RA}}
    Fix:
        Give the department the letters it really holds (C or I at least), or remove it.
    """

    code = "RACI003"
    name = "idle-department"
    severity = Severity.WARNING

    def check(self, context: RuleContext) -> Iterator[Violation]:
        for dept_id in context.graph.idle_departments():
            label = context.org.department_label(dept_id)
            yield Violation(
                gettext("department '%(department)s' holds no letter on any task") % {"department": label},
                department=dept_id,
                hint=gettext("give it the letters it really holds, or remove it"),
            )

    @classmethod
    def fixes(cls, plan: Planner, finding: Finding) -> Iterator[Candidate]:
        from raci.rules.fixes import SetLetters

        dept = finding.department
        if dept is None:
            return
        function = plan.org.departments[dept].function
        by_activity = plan.result.graph.tasks_by_activity
        natural = NATURAL_ACTIVITY.get(function)
        pool = [
            *(plan.result.graph.customer_facing(natural) if natural else []),
            *by_activity.get(Activity.MEASURE, []),
            *plan.org.tasks,
        ]
        if function is Function.CUSTOMER_SERVICE:
            # Customer service hears about work customers ask about, not payroll or hiring.
            graph = plan.result.graph
            pool = [t for t in pool if graph.is_customer_facing(t)]
        for task_id in list(dict.fromkeys(pool))[:3]:
            yield plan.candidate(SetLetters(task_id, dept, frozenset({Letter.INFORMED})))

    @classmethod
    def department_note(cls, finding: Finding, org: Organization, graph: OrgGraph, dept_id: str) -> str:
        from raci.i18n import gettext

        return gettext("idle: holds no letter")
