from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from raci.graph import TASK, department_keys
from raci.i18n import N_, gettext
from raci.model.severity import Severity
from raci.model.vocabulary import Activity, Function, Letter
from raci.rules.base import Rule, RuleContext, Violation

if TYPE_CHECKING:
    from raci.model.findings import Finding
    from raci.rules.fixes import Candidate, Planner
from raci.rules.flow import busiest_department, front_line, social_tasks
from raci.rules.wording import function_name, give

#: The functions customers talk to first when something has gone wrong in public.
FRONT_LINE: tuple[Function, ...] = (Function.CUSTOMER_SERVICE, Function.SALES)


class FrontLineHearsOfCrises(Rule):
    """Every recover task reaches customer service and sales, where the org has them.

    Why:
        Misconception 4: a mistake handled openly builds trust, but only if the people
        customers talk to know what happened and what the company is doing about it.
        Customer service and sales hear about a crisis from customers otherwise, and answer
        with silence or a guess.
    Passes:
        tasks:
          handle-incidents: {activity: recover, raci: {pr: RA, care: I, sales: I}}
    Fails:
        tasks:
          handle-incidents: {activity: recover, raci: {pr: RA, care: I}}
    Fix:
        Give a customer service and a sales department at least I on the recover task (R, A
        or C count too).
    """

    code = "SOC302"
    name = "front-line-hears-of-crises"
    severity = Severity.WARNING
    principle = 4
    principle_check = N_("the front line hears about crises")

    def check(self, context: RuleContext) -> Iterator[Violation]:
        import networkx as nx

        graph = context.graph
        tasks = social_tasks(graph, Activity.RECOVER)
        if not tasks:
            return  # SOC301 asks for a recover task
        lines = [(function, front_line(graph, function)) for function in FRONT_LINE]
        # Who to name for each function: the same department for every recover task.
        named = {function: busiest_department(graph, found) for function, found in lines if found}
        # networkx reads who hears of each crisis from the information-flow graph around the
        # recover tasks (OrgGraph.flow_from).
        flow = graph.flow_from(tasks)
        targets = {function: department_keys(found) for function, found in lines}
        for task_id in tasks:
            for function, departments in lines:
                if not departments:
                    continue  # the org has no such department
                if nx.node_boundary(flow, [(TASK, task_id)], targets[function]):
                    continue
                dept_id = named[function]
                who = context.org.department_label(dept_id)
                hint = give(who, "I", task_id)
                message = gettext(
                    "recover task '%(task)s' does not reach %(function)s: %(hint)s so the front "
                    "line hears about the crisis"
                )
                yield Violation(
                    message % {"task": task_id, "function": function_name(function), "hint": hint},
                    task=task_id,
                    department=dept_id,
                    activity=Activity.RECOVER,
                    function=function,
                    hint=hint,
                )

    @classmethod
    def fixes(cls, plan: Planner, finding: Finding) -> Iterator[Candidate]:
        """Inform the named department first, then the others of its function."""
        task_id = finding.task
        if task_id is None or task_id not in plan.org.tasks:
            return
        function = Function(finding.function) if finding.function else None
        others = plan.departments(function) if function is not None else []
        for dept_id in dict.fromkeys([finding.department, *others]):
            if dept_id is not None and dept_id not in plan.org.tasks[task_id].raci:
                yield plan.candidate(plan.give(task_id, dept_id, frozenset({Letter.INFORMED})))
