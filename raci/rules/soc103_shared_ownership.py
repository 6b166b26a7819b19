from __future__ import annotations

from collections.abc import Iterator

from raci.model.principles import NATURAL_ACTIVITY
from raci.model.severity import Severity
from raci.model.vocabulary import SHARING_FUNCTIONS, Function
from raci.rules.base import Rule, RuleContext, Violation
from raci.rules.wording import join_words, suggest_owner


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
    principle = 3

    def check(self, context: RuleContext) -> Iterator[Violation]:
        graph = context.graph
        owned_by: dict[Function, int] = {}
        for task_id in graph.social_task_ids:
            for function in graph.owning_functions(task_id):
                owned_by[function] = owned_by.get(function, 0) + 1
        marketing = owned_by.get(Function.MARKETING, 0)
        if not marketing:
            return
        missing = [f for f in SHARING_FUNCTIONS if f not in owned_by]
        if not missing:
            return
        names = join_words([f.phrase for f in missing])
        verb = "holds" if len(missing) == 1 else "hold"
        suggestions = [suggest_owner(graph, f, NATURAL_ACTIVITY[f]) for f in missing]
        tasks = "task" if marketing == 1 else "tasks"
        yield Violation(
            f"{names[0].upper() + names[1:]} {verb} no R or A on any social task; marketing holds "
            f"R or A on {marketing} {tasks}: ownership is not shared; {'; '.join(suggestions)}",
            section="tasks",
            function=missing[0] if len(missing) == 1 else None,
            hint="; ".join(suggestions),
        )
