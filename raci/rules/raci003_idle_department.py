from __future__ import annotations

from collections.abc import Iterator

from raci.model.severity import Severity
from raci.rules.base import Rule, RuleContext, Violation


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
            yield Violation(
                f"department '{context.org.department_label(dept_id)}' holds no letter on any task",
                department=dept_id,
                hint="give it the letters it really holds, or remove it",
            )
