from __future__ import annotations

from collections.abc import Iterator, Mapping
from collections.abc import Set as AbstractSet

from raci.i18n import N_, gettext
from raci.model.severity import Severity
from raci.rules.base import Rule, RuleContext, Violation


class UnusedWaiver(Rule):
    """A waiver matches no finding: the problem it accepted is gone, or it names the wrong rule.

    Why:
        A waiver records that the team accepts a finding, and why. Once the finding is gone
        (the matrix changed) a waiver left in the file would silently hide the problem the
        day it comes back, as an unused noqa comment does in code. Waivers of rules that did
        not run (switched off, or social media rules in an org with no social media work)
        are not judged.
    Passes:
        tasks:
          answer-dms:
            activity: respond
            raci: {marketing: RA, care: I}
            waive: {SOC102: "marketing answers DMs until the care team is hired in Q3"}
    Fails:
        tasks:
          answer-dms:
            activity: respond
            raci: {care: RA, marketing: I}
            waive: {SOC102: "marketing answers DMs until the care team is hired in Q3"}
    Fix:
        Remove the waiver, or move it to the task or department whose finding it means.
    """

    code = "RACI009"
    name = "unused-waiver"
    severity = Severity.INFO
    reviews_findings = True
    waivable = False
    no_fix = N_("remove the waiver from the file: the finding it accepted is no longer there")

    def check(self, context: RuleContext) -> Iterator[Violation]:
        org = context.org
        tasks = {task_id: task.waive for task_id, task in org.tasks.items() if task.waive}
        departments = {dept_id: dept.waive for dept_id, dept in org.departments.items() if dept.waive}
        if not tasks and not departments:
            return  # most organisations waive nothing: no need to index the findings
        on_task = {(f.task, f.code) for f in context.findings if f.task is not None}
        on_department = {(f.department, f.code) for f in context.findings if f.department is not None}
        for task_id, code in _unmatched(tasks, on_task, context.ran):
            yield Violation(
                gettext(
                    "the waiver of %(code)s on task '%(task)s' matches no finding: remove it, or it "
                    "will hide the problem if it comes back"
                )
                % {"code": code, "task": task_id},
                task=task_id,
                hint=gettext("remove %(code)s from the waive list of task '%(task)s'")
                % {"code": code, "task": task_id},
            )
        for dept_id, code in _unmatched(departments, on_department, context.ran):
            values = {"code": code, "department": org.department_label(dept_id)}
            yield Violation(
                gettext(
                    "the waiver of %(code)s on department '%(department)s' matches no finding: "
                    "remove it, or it will hide the problem if it comes back"
                )
                % values,
                department=dept_id,
                hint=gettext("remove %(code)s from the waive list of department '%(department)s'") % values,
            )


def _unmatched(
    waivers: Mapping[str, Mapping[str, str]], found: AbstractSet[tuple[str, str]], ran: frozenset[str]
) -> Iterator[tuple[str, str]]:
    """(owner, code) of each waiver of a rule that ran and found nothing on its owner."""
    for owner, waive in waivers.items():
        for code in waive:
            if code in ran and (owner, code) not in found:
                yield owner, code
