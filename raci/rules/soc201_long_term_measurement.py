from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from raci.i18n import N_, gettext, ngettext
from raci.model.severity import Severity
from raci.model.vocabulary import Activity, Function
from raci.rules.base import Option, Rule, RuleContext, Violation, known_task

if TYPE_CHECKING:
    from raci.graph import OrgGraph
    from raci.model.findings import Finding
    from raci.model.organization import Organization
    from raci.rules.fixes import Candidate, Planner
    from raci.rules.gaps import Gap


class LongTermMeasurement(Rule):
    """A measure task exists, and at least one reviews returns over a quarter or more.

    Why:
        Misconception 2: returns on social media cannot be read per post. Value comes first;
        an audience becomes a community, then authority and trust follow, and returns grow
        over years. Judged per post or per week, the work is cancelled before it pays.
    Passes:
        tasks:
          quarterly-roi-review: {activity: measure, review_horizon_days: 90, raci: {marketing: RA}}
    Fails:
        tasks:
          post-stats: {activity: measure, review_horizon_days: per post, raci: {marketing: RA}}
    Fix:
        Add (or lengthen) a measure task with review_horizon_days of 90 or more; weekly
        dashboards may stay beside it.
    """

    code = "SOC201"
    name = "long-term-measurement"
    severity = Severity.WARNING
    principle = 2
    options = (Option("min_horizon_days", 90, N_("shortest review horizon that counts as long term"), 1),)
    principle_check = N_("a measure task exists with a review horizon of a quarter or more")

    def check(self, context: RuleContext) -> Iterator[Violation]:
        minimum = context.options["min_horizon_days"]
        tasks = context.graph.tasks_by_activity.get(Activity.MEASURE, [])
        if not tasks:
            yield Violation(
                gettext(
                    "no measure task: returns are not reviewed (add e.g. quarterly-roi-review: "
                    "{activity: measure, review_horizon_days: %(days)s})"
                )
                % {"days": minimum},
                section="tasks",
                activity=Activity.MEASURE,
                hint=gettext("add a measure task with review_horizon_days: %(days)s") % {"days": minimum},
            )
            return
        horizons = {t: context.org.tasks[t].review_horizon_days for t in tasks}
        if any(days is not None and days >= minimum for days in horizons.values()):
            return
        for task_id, days in horizons.items():
            yield Violation(
                _short_horizon(days) % {"task": task_id, "count": days, "days": minimum},
                task=task_id,
                activity=Activity.MEASURE,
                hint=gettext("set review_horizon_days: %(days)s") % {"days": minimum},
            )

    @classmethod
    def fixes(cls, plan: Planner, finding: Finding) -> Iterator[Candidate]:
        from raci.rules.fixes import Candidate, SetField

        marketing = plan.departments(Function.MARKETING)
        owner = marketing[0] if marketing else next(iter(plan.org.departments), None)
        if owner is not None:
            others = plan.informed(None, Function.SALES, Function.EXECUTIVE)
            yield plan.new_task(Activity.MEASURE, owner, others, horizon=90)
        if finding.task is not None:
            yield Candidate(
                (SetField(finding.task, "review_horizon_days", 90),),
                gettext("review %(task)s every %(days)d days instead") % {"task": finding.task, "days": 90},
            )

    @classmethod
    def gaps(cls, finding: Finding, org: Organization, graph: OrgGraph) -> list[Gap]:
        from raci.rules.gaps import MissingActivityGap, no_task_note

        if known_task(finding, org) is None:
            return [MissingActivityGap(Activity.MEASURE, no_task_note(Activity.MEASURE))]
        return super().gaps(finding, org, graph)

    @classmethod
    def task_note(cls, finding: Finding, org: Organization, graph: OrgGraph, task_id: str) -> str:
        from raci.i18n import gettext, ngettext

        days = org.tasks[task_id].review_horizon_days
        if days is None:
            return gettext("no review horizon")
        if days == 0:
            return gettext("reviewed per post")
        return ngettext("reviewed every %(days)d day", "reviewed every %(days)d days", days) % {"days": days}


def _short_horizon(days: int | None) -> str:
    """The message about a measure task reviewed too soon (``%(count)d``: its horizon)."""
    if days is None:
        return gettext(
            "measure task '%(task)s' has no review_horizon_days; returns grow over quarters: "
            "set review_horizon_days to %(days)s or more"
        )
    if days == 0:
        return gettext(
            "measure task '%(task)s' is reviewed per post; returns grow over quarters: "
            "set review_horizon_days to %(days)s or more"
        )
    return ngettext(
        "measure task '%(task)s' is reviewed every %(count)d day; returns grow over quarters: "
        "set review_horizon_days to %(days)s or more",
        "measure task '%(task)s' is reviewed every %(count)d days; returns grow over quarters: "
        "set review_horizon_days to %(days)s or more",
        days,
    )
