from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from raci.i18n import gettext
from raci.model.severity import Severity
from raci.model.vocabulary import Activity, Function, Letter
from raci.rules.base import Rule, RuleContext, Violation, known_task
from raci.rules.wording import department_list, give_on_task, no_department

if TYPE_CHECKING:
    from raci.graph import OrgGraph
    from raci.model.findings import Finding
    from raci.model.organization import Organization
    from raci.rules.fixes import Candidate, Planner
    from raci.rules.gaps import Gap


class CustomerServiceResponds(Rule):
    """Customer service is Responsible on every respond task that faces customers.

    Why:
        Misconception 1: complaints and questions on social media are customer service
        work, done in public. Marketing is built for messages, not for resolving a
        customer's problem; when it answers alone, answers are slow or empty. Replies to
        other audiences (job candidates, journalists: the task's audience) are not
        customer service work and are not checked.
    Passes:
        tasks:
          answer-complaints: {activity: respond, raci: {care: RA, marketing: I}}
    Fails:
        tasks:
          answer-complaints: {activity: respond, raci: {marketing: RA, care: I}}
    Fix:
        Give a customer service department R on the task (marketing can stay C or I).
    """

    code = "SOC102"
    name = "customer-service-responds"
    severity = Severity.ERROR
    principle = 1
    required_cells = ((Function.CUSTOMER_SERVICE, Activity.RESPOND, frozenset({Letter.RESPONSIBLE})),)

    def check(self, context: RuleContext) -> Iterator[Violation]:
        graph = context.graph
        for task_id in graph.customer_facing(Activity.RESPOND):
            responsible = graph.holders(task_id, Letter.RESPONSIBLE)
            if any(graph.function_of(d) is Function.CUSTOMER_SERVICE for d in responsible):
                continue
            suggestion = give_on_task(graph, Function.CUSTOMER_SERVICE, task_id, "R")
            values = {"task": task_id, "hint": suggestion}
            if responsible:
                message = gettext(
                    "respond task '%(task)s' has no Responsible in customer service (R now: "
                    "%(departments)s): %(hint)s"
                ) % {**values, "departments": department_list(context.org, responsible)}
            else:
                message = (
                    gettext("respond task '%(task)s' has no Responsible in customer service: %(hint)s")
                    % values
                )
            yield Violation(
                message,
                task=task_id,
                activity=Activity.RESPOND,
                function=Function.CUSTOMER_SERVICE,
                hint=suggestion,
            )

    @classmethod
    def fixes(cls, plan: Planner, finding: Finding) -> Iterator[Candidate]:
        task_id = finding.task
        if task_id is None:
            return
        care = plan.departments(Function.CUSTOMER_SERVICE)
        if not care:
            plan.note(finding, no_department(Function.CUSTOMER_SERVICE))
        for dept in care:
            yield plan.take_over(task_id, dept)
            yield plan.candidate(plan.give(task_id, dept, frozenset({Letter.RESPONSIBLE})))

    @classmethod
    def gaps(cls, finding: Finding, org: Organization, graph: OrgGraph) -> list[Gap]:
        from raci.rules.gaps import MissingOwnerGap, should_be

        task = known_task(finding, org)
        if task is None:
            return super().gaps(finding, org, graph)
        return [MissingOwnerGap(Function.CUSTOMER_SERVICE, Activity.RESPOND, task, "R", should_be("R"))]
