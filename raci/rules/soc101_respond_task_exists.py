from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from raci.i18n import N_, gettext
from raci.model.severity import Severity
from raci.model.vocabulary import Activity, Function
from raci.rules.base import Rule, RuleContext, Violation
from raci.rules.wording import first_department, no_department

if TYPE_CHECKING:
    from raci.graph import OrgGraph
    from raci.model.findings import Finding
    from raci.model.organization import Organization
    from raci.rules.fixes import Candidate, Planner
    from raci.rules.gaps import Gap


class RespondTaskExists(Rule):
    """There is a task for responding to complaints and questions.

    Why:
        Misconception 1: social media is not only a marketing channel, it is a communication
        channel. The first thing a company usually meets there is a complaint, answered while
        everyone watches. Without a respond task facing customers, nobody owns that answer.
    Passes:
        tasks:
          answer-complaints: {activity: respond, raci: {care: RA, marketing: I}}
    Fails:
        tasks:
          publish-posts: {activity: publish, raci: {marketing: RA}}
    Fix:
        Add a task with activity respond, Responsible in customer service, e.g.
        answer-complaints: {activity: respond, raci: {care: RA, pr: C, marketing: I}}.
    """

    code = "SOC101"
    name = "respond-task-exists"
    severity = Severity.ERROR
    organisation_wide = True
    principle = 1
    principle_check = N_("a respond task exists and customer service is Responsible for it")

    def check(self, context: RuleContext) -> Iterator[Violation]:
        graph = context.graph
        if graph.customer_facing(Activity.RESPOND):
            return
        care = first_department(graph, Function.CUSTOMER_SERVICE)
        owner = care or gettext("<customer service department>")
        yield Violation(
            gettext(
                "no task responds to complaints and questions: public complaints have no owner "
                "(add e.g. answer-complaints: {activity: respond, raci: {%(owner)s: RA}})"
            )
            % {"owner": owner},
            section="tasks",
            activity=Activity.RESPOND,
            function=Function.CUSTOMER_SERVICE,
            hint=gettext("add a respond task with customer service Responsible"),
        )

    @classmethod
    def fixes(cls, plan: Planner, finding: Finding) -> Iterator[Candidate]:
        care = plan.departments(Function.CUSTOMER_SERVICE)
        if not care:
            plan.note(finding, no_department(Function.CUSTOMER_SERVICE))
            return
        others = plan.informed(None, Function.MARKETING, Function.PUBLIC_RELATIONS)
        for dept in care:
            yield plan.new_task(Activity.RESPOND, dept, others)

    @classmethod
    def gaps(cls, finding: Finding, org: Organization, graph: OrgGraph) -> list[Gap]:
        from raci.rules.gaps import MissingActivityGap, MissingOwnerGap, no_task_note, should_be

        return [
            MissingActivityGap(Activity.RESPOND, no_task_note(Activity.RESPOND)),
            MissingOwnerGap(Function.CUSTOMER_SERVICE, Activity.RESPOND, None, "R", should_be("R")),
        ]
