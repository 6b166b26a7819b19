from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from raci.i18n import N_, gettext
from raci.model.principles import NATURAL_OWNER
from raci.model.severity import Severity
from raci.model.vocabulary import Activity, Function, Letter
from raci.rules.base import Rule, RuleContext, Violation, finding_activity, finding_function, known_task
from raci.rules.wording import activity_name, function_name, give_on_task, no_department

if TYPE_CHECKING:
    from raci.graph import OrgGraph
    from raci.model.findings import Finding
    from raci.model.organization import Organization
    from raci.rules.fixes import Candidate, Planner
    from raci.rules.gaps import Gap

_NOT_MARKETINGS_WORK = (Activity.RESPOND, Activity.SELL, Activity.RECOVER)
#: The message by what marketing holds on the task: (the only R, the A).
_ROLES: dict[tuple[bool, bool], str] = {
    (True, False): N_(
        "marketing is the only R on %(activity)s task '%(task)s'; %(function)s should lead it: %(hint)s"
    ),
    (False, True): N_(
        "marketing is the A on %(activity)s task '%(task)s'; %(function)s should lead it: %(hint)s"
    ),
    (True, True): N_(
        "marketing is the only R and the A on %(activity)s task '%(task)s'; %(function)s should lead "
        "it: %(hint)s"
    ),
}


class MarketingNotSoleOwner(Rule):
    """Marketing is not the only Responsible, nor the Accountable, on response, sales or recovery tasks.

    Why:
        Misconception 3: answering complaints, handling objections and recovering from
        mistakes need the people who do that work every day. Marketing may help (C or I,
        or R beside them), but when it is the only R, or the A, the work is led by the
        department least prepared for it. Only customer-facing tasks are checked (a task
        whose audience is candidates, employees, media, investors or partners is not).
    Passes:
        tasks:
          answer-complaints: {activity: respond, raci: {care: RA, marketing: C}}
    Fails:
        tasks:
          answer-complaints: {activity: respond, raci: {care: R, marketing: A}}
    Fix:
        Move the A (and the R) to the natural owner: customer service for respond, sales for
        sell, PR for recover; keep marketing C or I.
    """

    code = "SOC104"
    name = "marketing-not-sole-owner"
    severity = Severity.WARNING
    principle = 3
    displaces = Function.MARKETING

    def check(self, context: RuleContext) -> Iterator[Violation]:
        graph = context.graph
        for activity in _NOT_MARKETINGS_WORK:
            owner = NATURAL_OWNER[activity]
            for task_id in graph.customer_facing(activity):
                responsible = graph.holders(task_id, Letter.RESPONSIBLE)
                accountable = graph.holders(task_id, Letter.ACCOUNTABLE)
                only_r = bool(responsible) and all(
                    graph.function_of(d) is Function.MARKETING for d in responsible
                )
                has_a = any(graph.function_of(d) is Function.MARKETING for d in accountable)
                if not (only_r or has_a):
                    continue
                suggestion = give_on_task(graph, owner, task_id, "RA" if has_a else "R")
                values = {
                    "activity": activity_name(activity),
                    "task": task_id,
                    "function": function_name(owner),
                    "hint": suggestion,
                }
                yield Violation(
                    gettext(_ROLES[only_r, has_a]) % values,
                    task=task_id,
                    activity=activity,
                    function=owner,
                    hint=suggestion,
                )

    @classmethod
    def fixes(cls, plan: Planner, finding: Finding) -> Iterator[Candidate]:
        task_id = finding.task
        if task_id is None:
            return
        owner = NATURAL_OWNER[plan.org.tasks[task_id].activity]
        depts = plan.departments(owner)
        if not depts:
            plan.note(finding, no_department(owner))
        for dept in depts:
            yield plan.take_over(task_id, dept)

    @classmethod
    def gaps(cls, finding: Finding, org: Organization, graph: OrgGraph) -> list[Gap]:
        from raci.rules.gaps import MissingOwnerGap, should_lead

        task = known_task(finding, org)
        function, activity = finding_function(finding), finding_activity(finding)
        if not (task and function and activity):
            return super().gaps(finding, org, graph)
        marketing_accountable = any(
            graph.function_of(d) is Function.MARKETING for d in graph.holders(task, Letter.ACCOUNTABLE)
        )
        letters = "RA" if marketing_accountable else "R"
        return [MissingOwnerGap(function, activity, task, letters, should_lead(letters))]
