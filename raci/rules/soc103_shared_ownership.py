from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from raci.i18n import N_, ngettext
from raci.model.principles import AUDIENCE_OWNER, NATURAL_ACTIVITY
from raci.model.severity import Severity
from raci.model.vocabulary import SHARING_FUNCTIONS, Activity, Function, Letter
from raci.rules.base import Rule, RuleContext, Violation
from raci.rules.wording import function_name, join_words, no_department, suggest_owner

if TYPE_CHECKING:
    from raci.graph import OrgGraph
    from raci.model.findings import Finding
    from raci.model.organization import Organization
    from raci.rules.fixes import Candidate, Planner
    from raci.rules.gaps import Gap


class SharedOwnership(Rule):
    """Customer service, PR and sales each share ownership (R or A) with marketing.

    Why:
        Misconception 3: marketing should not own social media alone. Customer service
        answers concerns, PR talks to the media and sales handles objections every day;
        those people must own part of the channel, while marketing crafts messages,
        monitors, publishes and measures.
    Passes:
        tasks:
          publish-posts: {activity: publish, raci: {marketing: RA}}
          answer-complaints: {activity: respond, raci: {care: RA}}
          handle-incidents: {activity: recover, raci: {pr: RA}}
          answer-leads: {activity: sell, raci: {sales: RA}}
    Fails:
        tasks:
          publish-posts: {activity: publish, raci: {marketing: RA}}
          answer-complaints: {activity: respond, raci: {marketing: RA, care: I}}
    Fix:
        Give each missing function R or A on the work it does every day: customer service
        on respond tasks, PR on recover or media relations, sales on sell tasks.
    """

    code = "SOC103"
    name = "shared-ownership"
    severity = Severity.ERROR
    organisation_wide = True
    principle = 3
    required_cells = ((Function.SALES, Activity.SELL, frozenset({Letter.RESPONSIBLE, Letter.ACCOUNTABLE})),)
    principle_check = N_("customer service, PR and sales each share ownership (R or A) with marketing")

    def check(self, context: RuleContext) -> Iterator[Violation]:
        graph = context.graph
        owned_by = channel_ownership(graph)
        marketing = owned_by.get(Function.MARKETING, 0)
        if not marketing:
            return
        missing = [f for f in SHARING_FUNCTIONS if f not in owned_by]
        if not missing:
            return
        names = join_words([function_name(f) for f in missing])
        suggestions = [
            suggest_owner(graph, f, NATURAL_ACTIVITY[f], tasks=counted_tasks(graph, f, NATURAL_ACTIVITY[f]))
            for f in missing
        ]
        # Two counts, two sentences' worth of grammar: marketing's share is a clause of its own.
        marketing_holds = ngettext(
            "marketing holds R or A on %(count)d task", "marketing holds R or A on %(count)d tasks", marketing
        ) % {"count": marketing}
        message = ngettext(
            "%(functions)s holds no R or A on any social task; %(marketing)s: ownership is not "
            "shared; %(hint)s",
            "%(functions)s hold no R or A on any social task; %(marketing)s: ownership is not "
            "shared; %(hint)s",
            len(missing),
        )
        values = {"functions": names[0].upper() + names[1:], "marketing": marketing_holds}
        yield Violation(
            message % {**values, "hint": "; ".join(suggestions)},
            section="tasks",
            function=missing[0] if len(missing) == 1 else None,
            hint="; ".join(suggestions),
        )

    @classmethod
    def fixes(cls, plan: Planner, finding: Finding) -> Iterator[Candidate]:
        owned = channel_ownership(plan.result.graph)
        for function in SHARING_FUNCTIONS:
            if function in owned:
                continue
            depts = plan.departments(function)
            if not depts:
                plan.note(finding, no_department(function))
                continue
            yield from _take_over_work(plan, function, depts)

    @classmethod
    def gaps(cls, finding: Finding, org: Organization, graph: OrgGraph) -> list[Gap]:
        from raci.rules.gaps import MissingOwnerGap, should_own

        owned = channel_ownership(graph)
        found: list[Gap] = []
        for missing in (f for f in SHARING_FUNCTIONS if f not in owned):
            target = NATURAL_ACTIVITY[missing]
            tasks = counted_tasks(graph, missing, target)
            on = tasks[0] if len(tasks) == 1 else None
            found.append(MissingOwnerGap(missing, target, on, "R or A", should_own("R or A")))
        return found


def counts_for(graph: OrgGraph, task_id: str, function: Function) -> bool:
    """Whether R or A on a task makes ``function`` an owner of the customer channel.

    Customer-facing social work counts for everyone; work for another audience counts only
    for the function that faces that audience (PR with journalists, sales with partners):
    replies to job candidates make neither customer service nor marketing a channel owner.
    """
    task = graph.org.tasks[task_id]
    if task.is_customer_facing:
        return True
    return task.is_social and AUDIENCE_OWNER.get(task.audience) is function


def channel_ownership(graph: OrgGraph) -> dict[Function, int]:
    """How many tasks each function owns (R or A) that count as owning the customer channel."""
    owned_by: dict[Function, int] = {}
    for task_id in graph.social_task_ids:
        for function in graph.owning_functions(task_id):
            if counts_for(graph, task_id, function):
                owned_by[function] = owned_by.get(function, 0) + 1
    return owned_by


def counted_tasks(graph: OrgGraph, function: Function, activity: Activity) -> list[str]:
    """Tasks of ``activity`` on which ``function``'s R or A would count, in file order."""
    return [t for t in graph.tasks_by_activity.get(activity, []) if counts_for(graph, t, function)]


def _take_over_work(plan: Planner, function: Function, depts: list[str]) -> Iterator[Candidate]:
    """Each department of ``function`` takes over its natural work, or a new task of it."""
    graph = plan.result.graph
    activities = [NATURAL_ACTIVITY[function]]
    if function is Function.PUBLIC_RELATIONS:
        activities.append(Activity.MEDIA_RELATIONS)
    tasks = [t for a in activities for t in counted_tasks(graph, function, a)]
    for dept in depts:
        for task_id in tasks:
            yield plan.take_over(task_id, dept)
        if not tasks and function is Function.PUBLIC_RELATIONS:
            yield plan.recover_task(dept)
        elif not tasks:
            others = plan.informed(None, Function.MARKETING, Function.CUSTOMER_SERVICE)
            yield plan.new_task(activities[0], dept, others)
