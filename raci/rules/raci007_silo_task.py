from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from raci.i18n import gettext
from raci.model.principles import AUDIENCE_OWNER
from raci.model.severity import Severity
from raci.model.vocabulary import Function, Letter
from raci.rules.base import Rule, RuleContext, Violation

if TYPE_CHECKING:
    from raci.graph import OrgGraph
    from raci.model.findings import Finding
    from raci.model.organization import Organization
    from raci.rules.fixes import Candidate, Planner


class SiloTask(Rule):
    """A task has no Consulted or Informed department at all.

    Why:
        Social media is a communication channel shared across the company; a task that
        consults and informs nobody is done in a silo, and the rest of the company learns
        about it from customers.
    Passes:
        tasks:
          publish-posts: {activity: publish, raci: {marketing: RA, care: I}}
    Fails:
        tasks:
          publish-posts: {activity: publish, raci: {marketing: RA}}
    Fix:
        Inform the departments that customers will contact about the task's results; for
        work that does not face customers, the departments that work with it.
    """

    code = "RACI007"
    name = "silo-task"
    severity = Severity.INFO

    def check(self, context: RuleContext) -> Iterator[Violation]:
        for task_id in context.graph.task_ids():
            held = context.graph.letters_on(task_id)
            if Letter.CONSULTED not in held and Letter.INFORMED not in held:
                yield Violation(
                    gettext("task '%(task)s' consults and informs no department: it is done in a silo")
                    % {"task": task_id},
                    task=task_id,
                    hint=_hint(context.graph, task_id),
                )

    @classmethod
    def fixes(cls, plan: Planner, finding: Finding) -> Iterator[Candidate]:
        from raci.rules.fixes import SetLetters

        task_id = finding.task
        if task_id is None:
            return
        if not plan.result.graph.is_customer_facing(task_id):
            for dept in colleagues(plan.result.graph, task_id):
                yield plan.candidate(SetLetters(task_id, dept, frozenset({Letter.INFORMED})))
            return
        functions = (Function.CUSTOMER_SERVICE, Function.MARKETING, Function.PUBLIC_RELATIONS, Function.SALES)
        for dept, letter in plan.informed(task_id, *functions):
            yield plan.candidate(SetLetters(task_id, dept, frozenset({letter})))

    @classmethod
    def task_note(cls, finding: Finding, org: Organization, graph: OrgGraph, task_id: str) -> str:
        from raci.i18n import gettext

        return gettext("silo: nobody consulted or informed")


def _hint(graph: OrgGraph, task_id: str) -> str:
    if graph.is_customer_facing(task_id):
        return gettext("inform the departments customers will contact about it")
    return gettext("inform the departments that work with it")


def colleagues(graph: OrgGraph, task_id: str) -> list[str]:
    """Departments not on a task that work with it, in file order, never customer service.

    For work that does not face customers: first the departments facing the task's audience
    (HR for candidates), then those sharing another task with one of the task's departments.
    """
    org = graph.org
    task = org.tasks[task_id]
    on_task = set(task.raci)
    facing = AUDIENCE_OWNER.get(task.audience) if task.is_social else None
    near = {d for other in org.tasks.values() if on_task & set(other.raci) for d in other.raci}
    found = [
        d
        for d, dept in org.departments.items()
        if d not in on_task
        and dept.function is not Function.CUSTOMER_SERVICE
        and (d in near or dept.function is facing)
    ]
    return sorted(found, key=lambda d: org.departments[d].function is not facing)
