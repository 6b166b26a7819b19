from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from raci.i18n import N_, gettext
from raci.model.severity import Severity
from raci.rules.base import Rule, RuleContext, Violation

if TYPE_CHECKING:
    from raci.graph import OrgGraph
    from raci.model.findings import Finding
    from raci.model.organization import Organization


class TaskHasCost(Rule):
    """Every task says what it costs: effort_hours or a budget.

    Why:
        Misconception 5: social media is not free. Discovering, selecting, publishing,
        responding and promoting all take hours and money; work with no stated cost is work
        nobody planned for, and the first to be dropped. Work that is not social media
        (activity other) is not checked.
    Passes:
        tasks:
          publish-posts: {activity: publish, effort_hours: 6, raci: {marketing: RA}}
    Fails:
        tasks:
          publish-posts: {activity: publish, raci: {marketing: RA}}
    Fix:
        Add effort_hours (per week) or budget (per month) to the task.
    """

    code = "SOC401"
    name = "task-has-cost"
    severity = Severity.WARNING
    principle = 5
    principle_check = N_("every task has effort or budget")
    no_fix = N_("estimate its effort_hours (per week) or budget (per month): raci cannot know what it costs")

    def check(self, context: RuleContext) -> Iterator[Violation]:
        for task_id, task in context.org.tasks.items():
            if task.is_social and task.effort_hours is None and task.budget is None:
                yield Violation(
                    gettext("task '%(task)s' has no effort_hours or budget: social media is not free")
                    % {"task": task_id},
                    task=task_id,
                    hint=gettext("add effort_hours (per week) or budget (per month)"),
                )

    @classmethod
    def task_note(cls, finding: Finding, org: Organization, graph: OrgGraph, task_id: str) -> str:
        from raci.i18n import gettext

        return gettext("no effort or budget")
