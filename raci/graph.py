"""The organisation as a graph: departments and tasks are nodes, letters sit on the edges.

Rules ask this graph questions ("who is accountable for this task?", "which functions own
respond tasks?") instead of walking the file again. Node keys are ``("department", id)`` and
``("task", id)``; edges run from department to task and carry ``letters``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from functools import cached_property

import networkx as nx

from .model import Organization
from .vocabulary import Activity, Function, Letter

DEPARTMENT = "department"
TASK = "task"


class OrgGraph:
    def __init__(self, org: Organization) -> None:
        self.org = org
        graph = nx.DiGraph()
        graph.add_nodes_from(
            ((DEPARTMENT, dept_id), {"kind": DEPARTMENT, "function": dept.function})
            for dept_id, dept in org.departments.items()
        )
        graph.add_nodes_from(
            ((TASK, task_id), {"kind": TASK, "activity": task.activity})
            for task_id, task in org.tasks.items()
        )
        graph.add_edges_from(
            ((DEPARTMENT, dept_id), (TASK, task_id), {"letters": letters})
            for task_id, task in org.tasks.items()
            for dept_id, letters in task.raci.items()
            if dept_id in org.departments
        )
        self.graph = graph

    # --- nodes -----------------------------------------------------------------------------

    def department_ids(self) -> Iterator[str]:
        return iter(self.org.departments)

    def task_ids(self) -> Iterator[str]:
        return iter(self.org.tasks)

    def function_of(self, department_id: str) -> Function:
        function: Function = self.graph.nodes[(DEPARTMENT, department_id)]["function"]
        return function

    def activity_of(self, task_id: str) -> Activity:
        activity: Activity = self.graph.nodes[(TASK, task_id)]["activity"]
        return activity

    @cached_property
    def tasks_by_activity(self) -> dict[Activity, list[str]]:
        index: dict[Activity, list[str]] = defaultdict(list)
        for task_id in self.org.tasks:
            index[self.activity_of(task_id)].append(task_id)
        return dict(index)

    @cached_property
    def departments_by_function(self) -> dict[Function, list[str]]:
        index: dict[Function, list[str]] = defaultdict(list)
        for dept_id in self.org.departments:
            index[self.function_of(dept_id)].append(dept_id)
        return dict(index)

    # --- edges -----------------------------------------------------------------------------

    def assignments(self, task_id: str) -> dict[str, frozenset[Letter]]:
        """Department id -> letters on one task, in the order the file gives them."""
        return {dept[1]: data["letters"] for dept, data in self.graph.pred[(TASK, task_id)].items()}

    def holders(self, task_id: str, letter: Letter) -> list[str]:
        return [
            dept[1] for dept, data in self.graph.pred[(TASK, task_id)].items() if letter in data["letters"]
        ]

    def tasks_of(self, department_id: str) -> dict[str, frozenset[Letter]]:
        """Task id -> letters the department holds, in file order."""
        return {
            task[1]: data["letters"] for task, data in self.graph.succ[(DEPARTMENT, department_id)].items()
        }

    def owning_functions(self, task_id: str) -> set[Function]:
        """Functions holding R or A on a task."""
        return {
            self.function_of(dept[1])
            for dept, data in self.graph.pred[(TASK, task_id)].items()
            if Letter.RESPONSIBLE in data["letters"] or Letter.ACCOUNTABLE in data["letters"]
        }

    def degree(self, department_id: str) -> int:
        return int(self.graph.out_degree((DEPARTMENT, department_id)))
