from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from raci.i18n import N_, gettext
from raci.model.principles import COSTLY_ACTIVITIES
from raci.model.severity import Severity
from raci.model.vocabulary import Activity, Function
from raci.rules.base import Rule, RuleContext, Violation, finding_activity
from raci.rules.wording import function_name

if TYPE_CHECKING:
    from raci.graph import OrgGraph
    from raci.model.findings import Finding
    from raci.model.organization import Organization
    from raci.rules.fixes import Candidate, Planner
    from raci.rules.gaps import Gap


class CostlyActivitiesCovered(Rule):
    """Each of discover, select, publish, respond and promote has a task.

    Why:
        Misconception 5: the article names five activities that cost time and money:
        discovering, selecting, publishing, responding and promoting. One without a task
        is one nobody budgets for; paid promotion in particular shrinks organic reach
        every year.
    Passes:
        tasks:
          find-content: {activity: discover, raci: {marketing: RA}}
          curate: {activity: select, raci: {marketing: RA}}
          publish-posts: {activity: publish, raci: {marketing: RA}}
          answer-complaints: {activity: respond, raci: {care: RA}}
          paid-social: {activity: promote, raci: {marketing: RA}}
    Fails:
        tasks:
          publish-posts: {activity: publish, raci: {marketing: RA}}
    Fix:
        Add a task for each missing activity, with its owner and its effort or budget.
    """

    code = "SOC402"
    name = "costly-activities-covered"
    severity = Severity.WARNING
    organisation_wide = True
    principle = 5
    principle_check = N_("the five activities are covered")

    def check(self, context: RuleContext) -> Iterator[Violation]:
        covered = context.graph.tasks_by_activity
        for activity in COSTLY_ACTIVITIES:
            if activity not in covered:
                yield Violation(
                    gettext(_MISSING[activity]),
                    section="tasks",
                    activity=activity,
                    hint=gettext("add a task with activity: %(activity)s") % {"activity": activity.value},
                )

    @classmethod
    def fixes(cls, plan: Planner, finding: Finding) -> Iterator[Candidate]:
        activity = finding_activity(finding)
        if activity is None or activity not in COSTLY_ACTIVITIES:
            return
        function = Function.CUSTOMER_SERVICE if activity is Activity.RESPOND else Function.MARKETING
        depts = plan.departments(function)
        if not depts:
            note = gettext("there is no %(function)s department to own it")
            plan.note(finding, note % {"function": function_name(function)})
            return
        inform = Function.MARKETING if function is Function.CUSTOMER_SERVICE else Function.CUSTOMER_SERVICE
        for dept in depts:
            yield plan.new_task(activity, dept, plan.informed(None, inform))

    @classmethod
    def gaps(cls, finding: Finding, org: Organization, graph: OrgGraph) -> list[Gap]:
        from raci.rules.gaps import MissingActivityGap, no_task_note

        activity = finding_activity(finding)
        if activity is None:
            return super().gaps(finding, org, graph)
        return [MissingActivityGap(activity, no_task_note(activity))]


#: The message for each costly activity without a task: one sentence each (Polish names
#: the work in its own words, not by the activity's label).
_MISSING = {
    Activity.DISCOVER: N_(
        "no discover task: discovering content costs time and money, and nobody is planned to do it"
    ),
    Activity.SELECT: N_(
        "no select task: selecting (curating) content costs time and money, and nobody is planned to do it"
    ),
    Activity.PUBLISH: N_("no publish task: publishing costs time and money, and nobody is planned to do it"),
    Activity.RESPOND: N_("no respond task: responding costs time and money, and nobody is planned to do it"),
    Activity.PROMOTE: N_(
        "no promote task: promoting (paid reach) costs time and money, and nobody is planned to do it"
    ),
}
