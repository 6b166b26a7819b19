from __future__ import annotations

from collections.abc import Iterator

from raci.model.principles import COSTLY_ACTIVITIES
from raci.model.severity import Severity
from raci.model.vocabulary import Activity
from raci.rules.base import Rule, RuleContext, Violation


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
    principle = 5

    def check(self, context: RuleContext) -> Iterator[Violation]:
        covered = context.graph.tasks_by_activity
        for activity in COSTLY_ACTIVITIES:
            if activity not in covered:
                yield Violation(
                    f"no {activity.value} task: {_GERUND[activity]} costs time and money, "
                    "and nobody is planned to do it",
                    section="tasks",
                    activity=activity,
                    hint=f"add a task with activity: {activity.value}",
                )


_GERUND = {
    Activity.DISCOVER: "discovering content",
    Activity.SELECT: "selecting (curating) content",
    Activity.PUBLISH: "publishing",
    Activity.RESPOND: "responding",
    Activity.PROMOTE: "promoting (paid reach)",
}
