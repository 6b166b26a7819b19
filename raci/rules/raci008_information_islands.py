from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from raci.graph import OWNING, OrgGraph
from raci.i18n import N_, ngettext
from raci.model.severity import Severity
from raci.model.vocabulary import Letter
from raci.rules.base import Rule, RuleContext, Violation

if TYPE_CHECKING:
    from raci.model.findings import Finding
    from raci.rules.fixes import Candidate, Planner
from raci.rules.flow import busiest_department
from raci.rules.wording import department_list, give


def department_groups(graph: OrgGraph) -> list[list[str]]:
    """Departments grouped by who shares tasks with whom, directly or through others.

    The connected components of the information-flow graph read without direction, taken
    on its departments (those of ``OrgGraph.department_links``), in file order. The first group is
    the mainland: the one with the most departments (the first in file order on a tie); the
    others are islands. Departments holding no letter belong to none (RACI003 reports them).
    """
    from networkx.utils import UnionFind

    rank = {dept_id: index for index, dept_id in enumerate(graph.org.departments)}
    idle = set(graph.idle_departments())
    # networkx's union-find gives the same components as nx.connected_components on
    # graph.department_links (a test holds them equal), without building that graph: a
    # 20,000-task org has 100,000 links.
    components = UnionFind(graph.org.departments)
    for task_id in graph.task_ids():
        on_task = graph.assignments(task_id)
        if len(on_task) > 1:
            components.union(*on_task)
    groups: list[list[str]] = []
    for component in components.to_sets():
        departments = [dept_id for dept_id in component if dept_id not in idle]
        if departments:
            groups.append(sorted(departments, key=rank.__getitem__))
    groups.sort(key=lambda group: (-len(group), rank[group[0]]))
    return groups


def information_islands(graph: OrgGraph) -> list[list[str]]:
    """Every group of departments but the mainland (see :func:`department_groups`)."""
    return department_groups(graph)[1:]


class InformationIslands(Rule):
    """Departments that share no task, directly or through others, with the rest.

    Why:
        Social media is one channel for the whole company. A group of departments that holds
        letters only on tasks among themselves never hears what the others learn from
        customers, and the others never hear what it does: an information island.
    Passes:
        tasks:
          publish: {activity: publish, raci: {marketing: RA, care: I}}
          answer: {activity: respond, raci: {care: RA, sales: C}}
    Fails:
        tasks:
          publish: {activity: publish, raci: {marketing: RA, care: I}}
          answer: {activity: respond, raci: {sales: RA, legal: C}}
    Fix:
        Give the island a letter on a task of the rest of the company (or the other way round):
        usually I on the tasks whose results it needs, or C where its knowledge helps.
    """

    code = "RACI008"
    name = "information-islands"
    severity = Severity.WARNING
    principle = 3
    principle_check = N_("no information islands")

    def check(self, context: RuleContext) -> Iterator[Violation]:
        graph = context.graph
        groups = department_groups(graph)
        if len(groups) < 2:
            return
        # The mainland's busiest department is the likeliest bridge to name.
        bridge = context.org.department_label(busiest_department(graph, groups[0]))
        for island in groups[1:]:
            names = department_list(context.org, island)
            task_id = next(iter(graph.tasks_of(island[0])))
            hint = give(bridge, "I", task_id)
            message = ngettext(
                "information island: %(departments)s shares no task with the rest of the company, "
                "directly or through others: %(hint)s (or give the island a letter on a task the "
                "rest own)",
                "information island: %(departments)s share no task with the rest of the company, "
                "directly or through others: %(hint)s (or give the island a letter on a task the "
                "rest own)",
                len(island),
            )
            yield Violation(
                message % {"departments": names, "hint": hint},
                department=island[0],
                hint=hint,
            )

    @classmethod
    def fixes(cls, plan: Planner, finding: Finding) -> Iterator[Candidate]:
        """A bridge: the mainland's busiest department hears of the island's first task, or
        the island hears of the first task that department owns."""
        graph = plan.result.graph
        groups = department_groups(graph)
        island = next((group for group in groups[1:] if group[0] == finding.department), None)
        if island is None:
            return
        bridge = busiest_department(graph, groups[0])
        informed = frozenset({Letter.INFORMED})
        island_task = next(iter(graph.tasks_of(island[0])))
        yield plan.candidate(plan.give(island_task, bridge, informed))
        owned = [t for t, letters in graph.tasks_of(bridge).items() if letters & OWNING]
        if owned:
            yield plan.candidate(plan.give(owned[0], island[0], informed))
