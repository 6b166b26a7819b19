from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from raci.i18n import N_, gettext, ngettext
from raci.model.effort import workload
from raci.model.severity import Severity
from raci.model.vocabulary import Letter
from raci.rules.base import Option, Rule, RuleContext, Violation
from raci.rules.wording import hours

if TYPE_CHECKING:
    from raci.graph import OrgGraph
    from raci.model.findings import Finding
    from raci.model.organization import Organization
    from raci.rules.fixes import Candidate, Planner


class OverloadedDepartment(Rule):
    """A department's share of the work exceeds its capacity, or it holds too many A's.

    A task's effort is shared among its Responsible departments (equally, unless the task's
    ``effort_split`` says otherwise), so a 20-hour task with two R's costs each 10 hours.

    Why:
        Social media is not free (misconception 5): every task costs hours. A department
        Responsible for more hours than it has will drop the work that is least visible,
        usually the replies; one that is Accountable for everything cannot oversee anything.
    Passes:
        departments:
          care: {function: customer_service, capacity_hours: 20}
        tasks:
          answer-complaints: {activity: respond, effort_hours: 15, raci: {care: RA}}
    Fails:
        departments:
          care: {function: customer_service, capacity_hours: 10}
        tasks:
          answer-complaints: {activity: respond, effort_hours: 15, raci: {care: RA}}
    Fix:
        Raise the department's capacity_hours, lower the effort, or move R to another
        department; share out A's.
    """

    code = "RACI006"
    name = "overloaded-department"
    severity = Severity.WARNING
    principle = 5
    options = (Option("max_accountable", 12, N_("most tasks one department may be Accountable for"), 1),)
    principle_check = N_("no one is overloaded")

    def check(self, context: RuleContext) -> Iterator[Violation]:
        org, graph = context.org, context.graph
        limit = context.options["max_accountable"]
        over = workload(org).over(org)
        # One pass over the tasks rather than one per department: large orgs have hundreds.
        accountable: dict[str, int] = dict.fromkeys(org.departments, 0)
        for task_id in org.tasks:
            for dept_id in graph.holders(task_id, Letter.ACCOUNTABLE):
                accountable[dept_id] += 1
        for dept_id in org.departments:
            if dept_id in over:
                load, capacity = over[dept_id]
                message = gettext(
                    "department '%(department)s' has %(load)s of work a week (its share of the "
                    "tasks it is Responsible for) but capacity for %(capacity)s"
                )
                label = org.department_label(dept_id)
                yield Violation(
                    message % {"department": label, "load": hours(load), "capacity": hours(capacity)},
                    department=dept_id,
                    hint=gettext("raise capacity_hours, lower effort, or move R to another department"),
                )
            if accountable[dept_id] > limit:
                count = accountable[dept_id]
                message = ngettext(
                    "department '%(department)s' is Accountable for %(count)d task, more than %(limit)s",
                    "department '%(department)s' is Accountable for %(count)d tasks, more than %(limit)s",
                    count,
                )
                label = org.department_label(dept_id)
                yield Violation(
                    message % {"department": label, "count": count, "limit": limit},
                    department=dept_id,
                    hint=gettext("share the A's out to the departments that do the work"),
                    letter=Letter.ACCOUNTABLE,
                )

    @classmethod
    def fixes(cls, plan: Planner, finding: Finding) -> Iterator[Candidate]:
        from raci.rules.fixes import responsible_hours

        dept = finding.department
        if dept is None:
            return
        capacity = plan.org.departments[dept].capacity_hours
        if capacity is None or responsible_hours(plan.org)[dept] <= capacity:
            return  # too many A's: which to share out is the team's call
        function = plan.org.departments[dept].function
        held = plan.result.graph.tasks_of(dept)
        tasks = sorted(
            (t for t, letters in held.items() if Letter.RESPONSIBLE in letters),
            key=lambda t: -(plan.org.tasks[t].effort_hours or 0.0),
        )
        peers = [d for d in plan.departments(function) if d != dept]
        responsible = frozenset({Letter.RESPONSIBLE})
        for task_id in tasks:
            others = [d for d in plan.result.graph.holders(task_id, Letter.RESPONSIBLE) if d != dept]
            if others:
                yield plan.candidate(plan.take(task_id, dept, responsible))
            for peer in peers:
                yield plan.candidate(
                    plan.take(task_id, dept, responsible), plan.give(task_id, peer, responsible)
                )

    @classmethod
    def advice(cls, finding: Finding, org: Organization) -> str | None:
        from raci.rules.fixes import responsible_hours

        if finding.department not in org.departments:
            return None
        if finding.letter == Letter.ACCOUNTABLE.value:
            # Too many A's, not too many hours: no capacity to raise.
            return gettext(
                "share the A's out to the departments that do the work: which ones is the team's call"
            )
        load = responsible_hours(org)[finding.department]
        return gettext(
            "raise capacity_hours of %(department)s to %(load)s, lower effort_hours, or add a "
            "department to share the work"
        ) % {"department": org.department_label(finding.department), "load": hours(load)}

    @classmethod
    def department_note(cls, finding: Finding, org: Organization, graph: OrgGraph, dept_id: str) -> str:
        held = graph.tasks_of(dept_id)
        if finding.letter == Letter.ACCOUNTABLE.value:  # too many A's, not over capacity
            return accountable_note(sum(1 for letters in held.values() if Letter.ACCOUNTABLE in letters))
        from raci.i18n import gettext, number

        effort = workload(org).hours.get(dept_id, 0.0)
        capacity = org.departments[dept_id].capacity_hours or 0.0
        return gettext("over capacity: %(hours)s h of %(capacity)s h") % {
            "hours": number(effort),
            "capacity": number(capacity),
        }


def accountable_note(count: int) -> str:
    """The note on a department Accountable for too many tasks (the workload view finds it)."""
    from raci.i18n import gettext

    return gettext("Accountable for %(count)d tasks") % {"count": count}
