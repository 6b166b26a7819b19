from __future__ import annotations

from collections.abc import Iterator

from raci.model.severity import Severity
from raci.model.vocabulary import Activity, Function, Letter
from raci.rules.base import Rule, RuleContext, Violation
from raci.rules.wording import first_department


class RecoveryPlan(Rule):
    """A recover task exists, with an Accountable owner and PR involved (R, A or C).

    Why:
        Misconception 4: mistakes on social media rarely destroy a company; resolving one
        openly builds trust. That needs someone accountable for the recovery, and PR, who
        speaks for the company when the mistake spreads beyond the channel.
    Passes:
        tasks:
          handle-incidents: {activity: recover, raci: {pr: RA, marketing: C}}
    Fails:
        tasks:
          handle-incidents: {activity: recover, raci: {marketing: R, care: I}}
    Fix:
        Add a recover task (e.g. handle-incidents) with one A and PR as R, A or C.
    """

    code = "SOC301"
    name = "recovery-plan"
    severity = Severity.ERROR
    principle = 4

    def check(self, context: RuleContext) -> Iterator[Violation]:
        graph = context.graph
        pr = first_department(graph, Function.PUBLIC_RELATIONS)
        pr_name = context.org.department_label(pr) if pr else "a PR department"
        tasks = graph.tasks_by_activity.get(Activity.RECOVER, [])
        if not tasks:
            owner = f"{pr}: RA" if pr else "<pr department>: RA"
            yield Violation(
                "no recover task: nobody owns recovering from a public mistake "
                f"(add e.g. handle-incidents: {{activity: recover, raci: {{{owner}}}}})",
                section="tasks",
                activity=Activity.RECOVER,
                function=Function.PUBLIC_RELATIONS,
                hint=f"add a recover task with {pr_name} as R or A",
            )
            return
        involved = (Letter.RESPONSIBLE, Letter.ACCOUNTABLE, Letter.CONSULTED)
        for task_id in tasks:
            assignments = graph.assignments(task_id)
            if not any(Letter.ACCOUNTABLE in letters for letters in assignments.values()):
                yield Violation(
                    f"recover task '{task_id}' has no Accountable owner: "
                    "name one department that answers for the recovery",
                    task=task_id,
                    activity=Activity.RECOVER,
                    hint="give one department A",
                )
            pr_in = any(
                graph.function_of(d) is Function.PUBLIC_RELATIONS
                and any(letter in letters for letter in involved)
                for d, letters in assignments.items()
            )
            if not pr_in:
                yield Violation(
                    f"PR is neither R, A nor C on recover task '{task_id}': "
                    f"give {pr_name} C (or R) on {task_id}",
                    task=task_id,
                    activity=Activity.RECOVER,
                    function=Function.PUBLIC_RELATIONS,
                    hint=f"give {pr_name} C or R on {task_id}",
                )
