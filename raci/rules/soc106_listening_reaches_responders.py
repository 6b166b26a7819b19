from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from raci.graph import TASK, department_keys
from raci.i18n import N_, gettext
from raci.model.severity import Severity
from raci.model.vocabulary import Activity, Letter
from raci.rules.base import Rule, RuleContext, Violation
from raci.rules.flow import customer_facing_tasks
from raci.rules.wording import give

if TYPE_CHECKING:
    from raci.model.findings import Finding
    from raci.rules.fixes import Candidate, Planner


class ListeningReachesResponders(Rule):
    """Every monitor task reaches a department that answers customers.

    Why:
        Misconception 1: the first thing that arrives on social media is usually a complaint.
        Listening is worth something only if what it hears reaches the people who answer in
        public; when the listeners tell nobody who responds, complaints wait until a customer
        repeats them louder.
    Passes:
        tasks:
          listen: {activity: monitor, raci: {marketing: RA, care: I}}
          answer: {activity: respond, raci: {care: RA, marketing: I}}
    Fails:
        tasks:
          listen: {activity: monitor, raci: {marketing: RA, pr: I}}
          answer: {activity: respond, raci: {care: RA, marketing: I}}
    Fix:
        Give the department that is Responsible for answering customers a letter on the
        monitor task (I is enough; C if it should shape what is listened for).
    """

    code = "SOC106"
    name = "listening-reaches-responders"
    severity = Severity.WARNING
    principle = 1
    principle_check = N_("listening reaches the people who answer")

    def check(self, context: RuleContext) -> Iterator[Violation]:
        import networkx as nx

        graph = context.graph
        monitors = customer_facing_tasks(graph, Activity.MONITOR)
        answered = customer_facing_tasks(graph, Activity.RESPOND)
        # Who answers customers, and on how many respond tasks: the busiest one is named.
        answering: dict[str, list[str]] = {}
        for task_id in answered:
            for dept_id in graph.holders(task_id, Letter.RESPONSIBLE):
                answering.setdefault(dept_id, []).append(task_id)
        if not monitors or not answering:
            return  # no listening, or nobody answers: SOC101, SOC102 and SOC105 say so
        rank = {dept_id: index for index, dept_id in enumerate(context.org.departments)}
        responders = sorted(answering, key=lambda d: (-len(answering[d]), rank[d]))
        # Does the information on each monitor task flow to someone who answers? networkx reads
        # it from the information-flow graph (OrgGraph.flow) around the monitor tasks alone.
        flow = graph.flow_from(monitors)
        targets = department_keys(responders)
        for task_id in monitors:
            if nx.node_boundary(flow, [(TASK, task_id)], targets):
                continue
            dept_id = responders[0]
            who = context.org.department_label(dept_id)
            hint = give(who, "I", task_id)
            message = gettext(
                "monitor task '%(task)s' reaches nobody who answers customers: inform %(department)s "
                "(R on %(respond_task)s): %(hint)s"
            )
            values = {"task": task_id, "department": who, "respond_task": answering[dept_id][0], "hint": hint}
            yield Violation(
                message % values,
                task=task_id,
                department=dept_id,
                activity=Activity.MONITOR,
                function=graph.function_of(dept_id),
                hint=hint,
            )

    @classmethod
    def fixes(cls, plan: Planner, finding: Finding) -> Iterator[Candidate]:
        """Inform the named responder first, then any other department answering customers."""
        task_id = finding.task
        if task_id is None or task_id not in plan.org.tasks:
            return
        graph = plan.result.graph
        responders = [finding.department] if finding.department else []
        for respond_task in customer_facing_tasks(graph, Activity.RESPOND):
            responders += graph.holders(respond_task, Letter.RESPONSIBLE)
        for dept_id in dict.fromkeys(responders):
            if dept_id is not None and dept_id not in plan.org.tasks[task_id].raci:
                yield plan.candidate(plan.give(task_id, dept_id, frozenset({Letter.INFORMED})))
