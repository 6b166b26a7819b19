from __future__ import annotations

from collections.abc import Iterator

from ..severity import Severity
from ..vocabulary import Letter
from .base import Option, Rule, RuleContext, Violation
from .wording import hours


class OverloadedDepartment(Rule):
    """A department's Responsible effort exceeds its capacity, or it holds too many A's.

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
    options = (Option("max_accountable", 12, "most tasks one department may be Accountable for", 1),)

    def check(self, context: RuleContext) -> Iterator[Violation]:
        org, graph = context.org, context.graph
        limit = context.options["max_accountable"]
        for dept_id in graph.department_ids():
            held = graph.tasks_of(dept_id)
            capacity = org.departments[dept_id].capacity_hours
            if capacity is not None:
                effort = sum(
                    org.tasks[task_id].effort_hours or 0.0
                    for task_id, letters in held.items()
                    if Letter.RESPONSIBLE in letters
                )
                if effort > capacity:
                    yield Violation(
                        f"department '{org.department_label(dept_id)}' is Responsible for "
                        f"{hours(effort)} of work a week but has capacity for {hours(capacity)}",
                        department=dept_id,
                        hint="raise capacity_hours, lower effort, or move R to another department",
                    )
            accountable = sum(1 for letters in held.values() if Letter.ACCOUNTABLE in letters)
            if accountable > limit:
                yield Violation(
                    f"department '{org.department_label(dept_id)}' is Accountable for "
                    f"{accountable} tasks, more than {limit}",
                    department=dept_id,
                    hint="share the A's out to the departments that do the work",
                )
