from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from raci.i18n import gettext, ngettext
from raci.model.principles import MARKETING_ACTIVITIES
from raci.model.severity import Severity
from raci.model.vocabulary import Function, Letter
from raci.rules.base import Rule, RuleContext, Violation, finding_activity, known_task
from raci.rules.wording import activity_name, first_department, give

if TYPE_CHECKING:
    from raci.graph import OrgGraph
    from raci.model.findings import Finding
    from raci.model.organization import Organization
    from raci.rules.fixes import Candidate, Planner
    from raci.rules.gaps import Gap


class MarketingKeepsItsPart(Rule):
    """Marketing is Responsible for its own part: create, publish, monitor and measure.

    Why:
        Misconception 3 cuts both ways: sharing the channel does not mean marketing steps
        back. It crafts the messages, monitors the channel, publishes and measures impact.
        When it holds no R on that work, the company's voice has no author.
    Passes:
        tasks:
          publish-posts: {activity: publish, raci: {marketing: RA, care: I}}
    Fails:
        tasks:
          publish-posts: {activity: publish, raci: {care: RA, marketing: I}}
    Fix:
        Give a marketing department R on the create, publish, monitor and measure tasks.
    """

    code = "SOC105"
    name = "marketing-keeps-its-part"
    severity = Severity.WARNING
    principle = 3
    required_cells = tuple(
        (Function.MARKETING, activity, frozenset({Letter.RESPONSIBLE})) for activity in MARKETING_ACTIVITIES
    )

    def check(self, context: RuleContext) -> Iterator[Violation]:
        graph = context.graph
        marketing = first_department(graph, Function.MARKETING)
        for activity in MARKETING_ACTIVITIES:
            tasks = graph.tasks_by_activity.get(activity, [])
            if not tasks or any(_marketing_responsible(context, t) for t in tasks):
                continue
            if marketing:
                suggestion = give(context.org.department_label(marketing), "R", tasks[0])
            else:
                suggestion = gettext("give a marketing department R on %(task)s") % {"task": tasks[0]}
            message = ngettext(
                "marketing holds no R on any %(activity)s task (%(count)d task): its own part is "
                "unowned; %(hint)s",
                "marketing holds no R on any %(activity)s task (%(count)d tasks): its own part is "
                "unowned; %(hint)s",
                len(tasks),
            )
            yield Violation(
                message % {"activity": activity_name(activity), "count": len(tasks), "hint": suggestion},
                task=tasks[0],
                activity=activity,
                function=Function.MARKETING,
                hint=suggestion,
            )

    @classmethod
    def fixes(cls, plan: Planner, finding: Finding) -> Iterator[Candidate]:
        activity = finding_activity(finding)
        if activity is None:
            return
        tasks = plan.result.graph.tasks_by_activity.get(activity, [])
        for dept in plan.departments(Function.MARKETING):
            for task_id in tasks:
                yield plan.candidate(plan.give(task_id, dept, frozenset({Letter.RESPONSIBLE})))

    @classmethod
    def gaps(cls, finding: Finding, org: Organization, graph: OrgGraph) -> list[Gap]:
        from raci.rules.gaps import MissingOwnerGap, should_be

        activity = finding_activity(finding)
        if activity is None:
            return super().gaps(finding, org, graph)
        tasks = graph.tasks_by_activity.get(activity, [])
        on = known_task(finding, org) if len(tasks) <= 1 else None
        return [MissingOwnerGap(Function.MARKETING, activity, on, "R", should_be("R"))]


def _marketing_responsible(context: RuleContext, task_id: str) -> bool:
    graph = context.graph
    return any(graph.function_of(d) is Function.MARKETING for d in graph.holders(task_id, Letter.RESPONSIBLE))
