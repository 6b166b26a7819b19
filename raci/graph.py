"""The organisation as a graph: departments and tasks are nodes, letters sit on the edges.

Rules ask this graph questions ("who is accountable for this task?", "which functions own
respond tasks?") instead of walking the file again. Node keys are ``("department", id)`` and
``("task", id)``; edges run from department to task and carry ``letters``.

The graph is a plain :class:`networkx.DiGraph`, so callers can run any networkx algorithm
on it. Treat it as read-only: it is frozen, and edges with the same letters share one
attribute dict.
"""

from __future__ import annotations

from collections import defaultdict
from functools import cached_property
from typing import Any

import networkx as nx

from .model import Organization
from .vocabulary import Activity, Function, Letter

DEPARTMENT = "department"
TASK = "task"


def build_digraph(org: Organization) -> Any:
    """The org as a networkx DiGraph, equal to one built edge by edge with add_edges_from.

    For 120,000 assignments the public add_* calls take most of a check's time, so the
    adjacency dicts are filled directly (tests compare the result with the public build).
    """
    graph = nx.DiGraph(name=org.organization)
    nodes, successors, predecessors = graph._node, graph._succ, graph._pred
    shared: dict[frozenset[Letter], dict[str, frozenset[Letter]]] = {}
    for dept_id, dept in org.departments.items():
        key = (DEPARTMENT, dept_id)
        nodes[key] = {"kind": DEPARTMENT, "function": dept.function}
        successors[key] = {}
        predecessors[key] = {}
    for task_id, task in org.tasks.items():
        key = (TASK, task_id)
        nodes[key] = {"kind": TASK, "activity": task.activity}
        successors[key] = {}
        incoming = predecessors[key] = {}
        for dept_id, letters in task.raci.items():
            dept_key = (DEPARTMENT, dept_id)
            if dept_key not in nodes:
                continue  # an unknown department; validation reports it
            data = shared.get(letters)
            if data is None:
                data = shared[letters] = {"letters": letters}
            successors[dept_key][key] = data
            incoming[dept_key] = data
    return nx.freeze(graph)


class OrgGraph:
    def __init__(self, org: Organization) -> None:
        self.org = org
        self.graph = build_digraph(org)
        # The raw adjacency: iterating networkx's read-only views costs ten times more.
        self._pred: dict[tuple[str, str], dict[tuple[str, str], dict[str, Any]]] = self.graph._pred
        self._succ: dict[tuple[str, str], dict[tuple[str, str], dict[str, Any]]] = self.graph._succ

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
    def departments_by_function(self) -> dict[Function, list[str]]:
        index: dict[Function, list[str]] = defaultdict(list)
        for dept_id, dept in self.org.departments.items():
            index[dept.function].append(dept_id)
        return dict(index)

    def idle_departments(self) -> list[str]:
        """Departments with no edge at all, in file order."""
        isolated = set(nx.isolates(self.graph))
        return [d for d in self.org.departments if (DEPARTMENT, d) in isolated]

    # --- edges -----------------------------------------------------------------------------

    def assignments(self, task_id: str) -> dict[str, frozenset[Letter]]:
        """Department id -> letters on one task, in the order the file gives them."""
        return {dept[1]: data["letters"] for dept, data in self._pred[(TASK, task_id)].items()}

    def holders(self, task_id: str, letter: Letter) -> list[str]:
        return [dept[1] for dept, data in self._pred[(TASK, task_id)].items() if letter in data["letters"]]

    def tasks_of(self, department_id: str) -> dict[str, frozenset[Letter]]:
        """Task id -> letters the department holds, in file order."""
        return {task[1]: data["letters"] for task, data in self._succ[(DEPARTMENT, department_id)].items()}

    def owning_functions(self, task_id: str) -> set[Function]:
        """Functions holding R or A on a task."""
        departments = self.org.departments
        return {
            departments[dept[1]].function
            for dept, data in self._pred[(TASK, task_id)].items()
            if Letter.RESPONSIBLE in data["letters"] or Letter.ACCOUNTABLE in data["letters"]
        }
