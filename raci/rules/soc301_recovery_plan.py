from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from raci.i18n import N_, gettext
from raci.model.severity import Severity
from raci.model.vocabulary import Activity, Function, Letter
from raci.rules.base import Rule, RuleContext, Violation, finding_function, known_task
from raci.rules.wording import accountable_note, first_department, give, no_department

if TYPE_CHECKING:
    from raci.graph import OrgGraph
    from raci.model.findings import Finding
    from raci.model.organization import Organization
    from raci.rules.fixes import Candidate, Planner
    from raci.rules.gaps import Gap


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
    required_cells = (
        (
            Function.PUBLIC_RELATIONS,
            Activity.RECOVER,
            frozenset({Letter.RESPONSIBLE, Letter.ACCOUNTABLE, Letter.CONSULTED}),
        ),
    )
    principle_check = N_("a recover task exists with an Accountable owner and PR involved")

    def check(self, context: RuleContext) -> Iterator[Violation]:
        graph = context.graph
        pr = first_department(graph, Function.PUBLIC_RELATIONS)
        pr_name = context.org.department_label(pr) if pr else None
        tasks = graph.tasks_by_activity.get(Activity.RECOVER, [])
        if not tasks:
            if pr_name is None:
                hint = gettext("add a recover task with a PR department as R or A")
            else:
                hint = gettext("add a recover task with %(department)s as R or A") % {"department": pr_name}
            yield Violation(
                gettext(
                    "no recover task: nobody owns recovering from a public mistake "
                    "(add e.g. handle-incidents: {activity: recover, raci: {%(owner)s: RA}})"
                )
                % {"owner": pr or gettext("<pr department>")},
                section="tasks",
                activity=Activity.RECOVER,
                function=Function.PUBLIC_RELATIONS,
                hint=hint,
            )
            return
        involved = (Letter.RESPONSIBLE, Letter.ACCOUNTABLE, Letter.CONSULTED)
        for task_id in tasks:
            assignments = graph.assignments(task_id)
            if not any(Letter.ACCOUNTABLE in letters for letters in assignments.values()):
                yield Violation(
                    gettext(
                        "recover task '%(task)s' has no Accountable owner: name one department "
                        "that answers for the recovery"
                    )
                    % {"task": task_id},
                    task=task_id,
                    activity=Activity.RECOVER,
                    hint=gettext("give one department A"),
                    letter=Letter.ACCOUNTABLE,
                )
            pr_in = any(
                graph.function_of(d) is Function.PUBLIC_RELATIONS
                and any(letter in letters for letter in involved)
                for d, letters in assignments.items()
            )
            if not pr_in:
                # The message carries the hint word for word, so reporters print it once.
                suggestion = _give_pr(pr_name, gettext("C (or R)"), task_id)
                yield Violation(
                    gettext("PR is neither R, A nor C on recover task '%(task)s': %(hint)s")
                    % {"task": task_id, "hint": suggestion},
                    task=task_id,
                    activity=Activity.RECOVER,
                    function=Function.PUBLIC_RELATIONS,
                    hint=suggestion,
                )

    @classmethod
    def fixes(cls, plan: Planner, finding: Finding) -> Iterator[Candidate]:
        from raci.rules.fixes import SetLetters

        task_id = finding.task
        pr = plan.departments(Function.PUBLIC_RELATIONS)
        if task_id is None:
            if not pr:
                plan.note(finding, no_department(Function.PUBLIC_RELATIONS))
            for dept in pr:
                yield plan.recover_task(dept)
            return
        graph = plan.result.graph
        if not graph.holders(task_id, Letter.ACCOUNTABLE):
            holders = [d for d in plan.org.tasks[task_id].raci if d in pr]
            for dept in dict.fromkeys(holders + graph.holders(task_id, Letter.RESPONSIBLE)):
                yield plan.candidate(plan.give(task_id, dept, frozenset({Letter.ACCOUNTABLE})))
        involved = {Letter.RESPONSIBLE, Letter.ACCOUNTABLE, Letter.CONSULTED}
        if not any(d in pr and plan.letters(task_id, d) & involved for d in plan.org.tasks[task_id].raci):
            if not pr:
                plan.note(finding, no_department(Function.PUBLIC_RELATIONS))
            for dept in pr:
                held = plan.letters(task_id, dept) - {Letter.INFORMED}
                yield plan.candidate(SetLetters(task_id, dept, held | {Letter.CONSULTED}))

    @classmethod
    def gaps(cls, finding: Finding, org: Organization, graph: OrgGraph) -> list[Gap]:
        from raci.rules.gaps import MissingActivityGap, MissingOwnerGap, no_task_note, should_be, should_own

        task = known_task(finding, org)
        if task is None:
            return [
                MissingActivityGap(Activity.RECOVER, no_task_note(Activity.RECOVER)),
                MissingOwnerGap(Function.PUBLIC_RELATIONS, Activity.RECOVER, None, "RA", should_own("RA")),
            ]
        if finding_function(finding) is Function.PUBLIC_RELATIONS:
            return [
                MissingOwnerGap(
                    Function.PUBLIC_RELATIONS, Activity.RECOVER, task, "R, A or C", should_be("R, A or C")
                )
            ]
        return super().gaps(finding, org, graph)

    @classmethod
    def task_note(cls, finding: Finding, org: Organization, graph: OrgGraph, task_id: str) -> str:
        return accountable_note(graph, task_id)


def _give_pr(pr_name: str | None, letters: str, task_id: str) -> str:
    """Give the PR department (or one the org should add) letters on a recover task."""
    if pr_name is None:
        return gettext("give a PR department %(letters)s on %(task)s") % {"letters": letters, "task": task_id}
    return give(pr_name, letters, task_id)
