"""The organisation as graphs: who holds which letter, and where information flows.

Rules ask :class:`OrgGraph` questions ("who is accountable for this task?", "which functions
own respond tasks?") from plain indexes built once; the networkx graphs are built on demand
with networkx's public API, so callers (HR tooling, notebooks) can run any networkx analysis
on them. Node keys are ``("department", id)`` and ``("task", id)`` in every graph; all graphs
are frozen (read-only).

Three graphs, from the most literal to the most summarised:

``OrgGraph.graph`` (the letters)
    A :class:`networkx.DiGraph`; an edge runs from a department to each task it holds letters
    on and carries ``letters`` (a frozenset of :class:`~raci.model.vocabulary.Letter`).

``OrgGraph.flow`` / :func:`information_flow` (where information goes)
    A :class:`networkx.DiGraph` over the same nodes. A department that does or shapes a task
    (R, A, S or C) feeds it: an edge department -> task. A task reaches everyone holding a
    letter on it (C and I included): an edge task -> department. So a path
    ``owner -> task -> informed`` is a hand-off, and ``task -> department -> task`` is a
    department carrying what it heard on one task into another. Edges carry ``letters``.

``OrgGraph.handoffs`` / :func:`handoff_graph` (departments only)
    A :class:`networkx.DiGraph` of departments; an edge ``a -> b`` means ``a`` owns (R, A or
    S) some task that ``b`` holds another letter on (C, I, or R beside it). It carries
    ``tasks`` (the task ids, in file order) and ``weight`` (how many). Departments holding no
    letter are nodes without edges.

Node attributes: departments have ``kind="department"``, ``function`` and ``name``; tasks
have ``kind="task"``, ``activity`` and ``name``.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterable, Iterator
from functools import cached_property
from typing import TYPE_CHECKING, Any

from raci.model.organization import Organization
from raci.model.vocabulary import Activity, Function, Letter

if TYPE_CHECKING:
    import networkx as nx

DEPARTMENT = "department"
TASK = "task"

NodeKey = tuple[str, str]

#: Letters whose holders own the work: their hand-offs are what the hand-offs graph draws.
OWNING = frozenset({Letter.RESPONSIBLE, Letter.ACCOUNTABLE})
#: Letters whose holders do or shape the work, so information flows from them into the task.
FEEDING = OWNING | {Letter.CONSULTED}


class OrgGraph:
    """Departments and tasks with letters between them: indexes for rules, graphs for callers.

    networkx itself (a slow import) loads only when a caller or a rule asks for one of the
    networkx graphs.
    """

    def __init__(self, org: Organization) -> None:
        self.org = org
        by_task: dict[str, dict[str, frozenset[Letter]]] = {}
        by_department: dict[str, dict[str, frozenset[Letter]]] = {d: {} for d in org.departments}
        holders: dict[str, dict[Letter, list[str]]] = {}
        for task_id, task in org.tasks.items():
            assigned: dict[str, frozenset[Letter]] = {}
            by_letter: dict[Letter, list[str]] = {}
            for dept_id, letters in task.raci.items():
                held = by_department.get(dept_id)
                if held is None:
                    continue  # an unknown department; validation reports it
                assigned[dept_id] = letters
                held[task_id] = letters
                for letter in letters:
                    if letter in by_letter:
                        by_letter[letter].append(dept_id)
                    else:
                        by_letter[letter] = [dept_id]
            by_task[task_id] = assigned
            holders[task_id] = by_letter
        # Holders in the order the departments are declared, not the order a task's raci
        # happens to list them: findings then name them the same way whether the org came
        # from YAML, a spreadsheet (one column order for every row) or HR records.
        rank = {dept_id: index for index, dept_id in enumerate(org.departments)}
        for by_letter in holders.values():
            for found in by_letter.values():
                if len(found) > 1:
                    found.sort(key=rank.__getitem__)
        self._by_task = by_task
        self._by_department = by_department
        self._holders = holders

    # --- networkx graphs ---------------------------------------------------------------------

    @cached_property
    def graph(self) -> nx.DiGraph:
        """Departments -> tasks with ``letters`` on each edge (frozen)."""
        import networkx as nx

        graph = nx.DiGraph(name=self.org.organization)
        self._add_nodes(graph)
        graph.add_edges_from(
            ((DEPARTMENT, dept_id), (TASK, task_id), {"letters": letters})
            for dept_id, task_id, letters in self.edges()
        )
        return nx.freeze(graph)

    @cached_property
    def flow(self) -> nx.DiGraph:
        """Where information flows: department -> task it feeds, task -> everyone on it (frozen)."""
        import networkx as nx

        graph = nx.DiGraph(name=self.org.organization)
        self._add_nodes(graph)
        graph.add_edges_from(self._flow_edges(self._by_task))
        return nx.freeze(graph)

    def _flow_edges(self, task_ids: Iterable[str]) -> Iterator[tuple[NodeKey, NodeKey, dict[str, Any]]]:
        for task_id in task_ids:
            task = (TASK, task_id)
            for dept_id, letters in self._by_task[task_id].items():
                dept = (DEPARTMENT, dept_id)
                if letters & FEEDING:
                    yield dept, task, {"letters": letters}
                yield task, dept, {"letters": letters}

    def flow_from(self, task_ids: Iterable[str]) -> nx.DiGraph:
        """The edges of :attr:`flow` that leave these tasks: each task -> every department
        holding a letter on it (frozen).

        Rules that ask whom a few tasks reach build only this part: the whole flow graph of
        a 20,000-task organisation costs more than all the other rules together.
        """
        import networkx as nx

        around = [(TASK, task_id) for task_id in task_ids]
        graph = nx.DiGraph(name=self.org.organization)
        graph.add_nodes_from(around)
        graph.add_edges_from(
            (task, (DEPARTMENT, dept_id), {"letters": letters})
            for task in around
            for dept_id, letters in self._by_task[task[1]].items()
        )
        return nx.freeze(graph)

    @cached_property
    def department_links(self) -> nx.Graph:
        """Departments only, linked when they hold letters on a common task (frozen).

        Made for connectivity questions: each task links its departments in a chain rather
        than every pair, which keeps exactly who reaches whom (the components of :attr:`flow`
        read without direction) at a fraction of the cost. For weighted pairs use
        :attr:`handoffs`.
        """
        import networkx as nx

        graph = nx.Graph(name=self.org.organization)
        graph.add_nodes_from(self._by_department)
        graph.add_edges_from(
            pair
            for assigned in self._by_task.values()
            for pair in itertools.pairwise(assigned)
        )
        return nx.freeze(graph)

    @cached_property
    def handoffs(self) -> nx.DiGraph:
        """Departments only: ``a -> b`` when ``a`` owns a task ``b`` also holds letters on."""
        import networkx as nx

        org = self.org
        graph = nx.DiGraph(name=org.organization)
        graph.add_nodes_from(
            (dept_id, {"kind": DEPARTMENT, "function": dept.function, "name": org.department_label(dept_id)})
            for dept_id, dept in org.departments.items()
        )
        shared: dict[tuple[str, str], list[str]] = defaultdict(list)
        for task_id, assigned in self._by_task.items():
            owners = [d for d, letters in assigned.items() if letters & OWNING]
            for owner in owners:
                for other in assigned:
                    if other != owner:
                        shared[(owner, other)].append(task_id)
        graph.add_edges_from(
            (source, target, {"tasks": tuple(tasks), "weight": len(tasks)})
            for (source, target), tasks in shared.items()
        )
        return nx.freeze(graph)

    def _add_nodes(self, graph: nx.Graph) -> None:
        org = self.org
        graph.add_nodes_from(
            (
                (DEPARTMENT, dept_id),
                {"kind": DEPARTMENT, "function": dept.function, "name": org.department_label(dept_id)},
            )
            for dept_id, dept in org.departments.items()
        )
        graph.add_nodes_from(
            ((TASK, task_id), {"kind": TASK, "activity": task.activity, "name": org.task_label(task_id)})
            for task_id, task in org.tasks.items()
        )

    # --- nodes -----------------------------------------------------------------------------

    def department_ids(self) -> list[str]:
        return list(self.org.departments)

    def task_ids(self) -> list[str]:
        return list(self.org.tasks)

    def function_of(self, department_id: str) -> Function:
        return self.org.departments[department_id].function

    def activity_of(self, task_id: str) -> Activity:
        return self.org.tasks[task_id].activity

    @cached_property
    def tasks_by_activity(self) -> dict[Activity, list[str]]:
        index: dict[Activity, list[str]] = defaultdict(list)
        for task_id, task in self.org.tasks.items():
            index[task.activity].append(task_id)
        return dict(index)

    @cached_property
    def social_task_ids(self) -> list[str]:
        """Tasks that are social media work (activity other than ``other``), in file order."""
        return [task_id for task_id, task in self.org.tasks.items() if task.is_social]

    @property
    def has_social_work(self) -> bool:
        """False for an org with only non-social work: the article's rules do not apply."""
        return bool(self.social_task_ids)

    def is_customer_facing(self, task_id: str) -> bool:
        """Social work facing customers: the rules about answering customers look at it."""
        return self.org.tasks[task_id].is_customer_facing

    def customer_facing(self, activity: Activity) -> list[str]:
        """Customer-facing tasks of one activity, in file order."""
        tasks = self.org.tasks
        return [t for t in self.tasks_by_activity.get(activity, ()) if tasks[t].is_customer_facing]

    @cached_property
    def departments_by_function(self) -> dict[Function, list[str]]:
        index: dict[Function, list[str]] = defaultdict(list)
        for dept_id, dept in self.org.departments.items():
            index[dept.function].append(dept_id)
        return dict(index)

    def task_count(self, department_id: str) -> int:
        """On how many tasks a department holds letters."""
        return len(self._by_department[department_id])

    def idle_departments(self) -> list[str]:
        """Departments with no letter anywhere (networkx's isolates), in file order."""
        return [d for d, held in self._by_department.items() if not held]

    # --- edges -----------------------------------------------------------------------------

    def assignments(self, task_id: str) -> dict[str, frozenset[Letter]]:
        """Department id -> letters on one task, in the order the file gives them."""
        return dict(self._by_task[task_id])

    def holders(self, task_id: str, letter: Letter) -> list[str]:
        """Departments holding ``letter`` on a task, in file order."""
        return list(self._holders[task_id].get(letter, ()))

    def edges(self) -> Iterator[tuple[str, str, frozenset[Letter]]]:
        """Every (department id, task id, letters), task by task in file order."""
        for task_id, assigned in self._by_task.items():
            for dept_id, letters in assigned.items():
                yield dept_id, task_id, letters

    def letters_on(self, task_id: str) -> set[Letter]:
        """Which letters anyone holds on a task."""
        return set(self._holders[task_id])

    def tasks_of(self, department_id: str) -> dict[str, frozenset[Letter]]:
        """Task id -> letters the department holds, in file order."""
        return dict(self._by_department[department_id])

    def owning_functions(self, task_id: str) -> set[Function]:
        """Functions holding R or A on a task."""
        departments = self.org.departments
        return {
            departments[dept_id].function
            for dept_id, letters in self._by_task[task_id].items()
            if Letter.RESPONSIBLE in letters or Letter.ACCOUNTABLE in letters
        }


def information_flow(org: Organization) -> nx.DiGraph:
    """The information-flow graph of an organisation (see the module docstring), frozen."""
    return OrgGraph(org).flow


def handoff_graph(org: Organization) -> nx.DiGraph:
    """Departments and the hand-offs between them, weighted by tasks (see above), frozen."""
    return OrgGraph(org).handoffs


def department_keys(ids: Iterable[str]) -> list[NodeKey]:
    """Node keys of departments, for selecting them in :attr:`OrgGraph.flow`."""
    return [(DEPARTMENT, dept_id) for dept_id in ids]
