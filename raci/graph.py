"""The organisation as a graph: departments and tasks are nodes, letters sit on the edges.

Rules ask this graph questions ("who is accountable for this task?", "which functions own
respond tasks?") instead of walking the file again. Node keys are ``("department", id)`` and
``("task", id)``; edges run from department to task and carry ``letters``.

``OrgGraph.graph`` is a plain :class:`networkx.DiGraph`, so callers can run any networkx
algorithm on it. Treat it as read-only: it is frozen, and edges with the same letters share
one attribute dict.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from functools import cached_property
from typing import TYPE_CHECKING, Any

from raci.model.organization import Organization
from raci.model.vocabulary import Activity, Function, Letter

if TYPE_CHECKING:
    import networkx as nx

DEPARTMENT = "department"
TASK = "task"

NodeKey = tuple[str, str]
Adjacency = dict[NodeKey, dict[NodeKey, dict[str, Any]]]


class OrgGraph:
    """Departments and tasks with letters on the edges, stored the way networkx stores a
    DiGraph (``_node``, ``_succ``, ``_pred`` dicts), so :attr:`graph` can hand the very same
    dicts to networkx without copying. networkx itself (a slow import) loads only when a
    caller asks for :attr:`graph`; rules read the adjacency directly.
    """

    def __init__(self, org: Organization) -> None:
        self.org = org
        nodes: dict[NodeKey, dict[str, Any]] = {}
        successors: Adjacency = {}
        predecessors: Adjacency = {}
        # Edges with the same letters share one attribute dict: the graph is read-only.
        shared: dict[frozenset[Letter], dict[str, frozenset[Letter]]] = {}
        holders: dict[str, dict[Letter, list[str]]] = {}
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
            by_letter: dict[Letter, list[str]] = {}
            holders[task_id] = by_letter
            for dept_id, letters in task.raci.items():
                dept_key = (DEPARTMENT, dept_id)
                if dept_key not in nodes:
                    continue  # an unknown department; validation reports it
                data = shared.get(letters)
                if data is None:
                    data = shared[letters] = {"letters": letters}
                successors[dept_key][key] = data
                incoming[dept_key] = data
                for letter in letters:
                    if letter in by_letter:
                        by_letter[letter].append(dept_id)
                    else:
                        by_letter[letter] = [dept_id]
        # Holders in the order the departments are declared, not the order a task's raci
        # happens to list them: findings then name them the same way whether the org came
        # from YAML, a spreadsheet (one column order for every row) or HR records.
        rank = {dept_id: index for index, dept_id in enumerate(org.departments)}
        for by_letter in holders.values():
            for found in by_letter.values():
                if len(found) > 1:
                    found.sort(key=rank.__getitem__)
        self._node, self._succ, self._pred = nodes, successors, predecessors
        self._holders = holders

    @cached_property
    def graph(self) -> nx.DiGraph:
        """The organisation as a frozen :class:`networkx.DiGraph` (same dicts, no copy)."""
        import networkx as nx

        graph = nx.DiGraph(name=self.org.organization)
        graph._node = self._node
        graph._succ = graph._adj = self._succ
        graph._pred = self._pred
        return nx.freeze(graph)

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

    def idle_departments(self) -> list[str]:
        """Departments with no edge at all (networkx's isolates), in file order."""
        return [d for d in self.org.departments if not self._succ[(DEPARTMENT, d)]]

    # --- edges -----------------------------------------------------------------------------

    def assignments(self, task_id: str) -> dict[str, frozenset[Letter]]:
        """Department id -> letters on one task, in the order the file gives them."""
        return {dept[1]: data["letters"] for dept, data in self._pred[(TASK, task_id)].items()}

    def holders(self, task_id: str, letter: Letter) -> list[str]:
        """Departments holding ``letter`` on a task, in file order."""
        return list(self._holders[task_id].get(letter, ()))

    def edges(self) -> Iterator[tuple[str, str, frozenset[Letter]]]:
        """Every (department id, task id, letters), task by task in file order."""
        for (kind, task_id), incoming in self._pred.items():
            if kind == TASK:
                for dept, data in incoming.items():
                    yield dept[1], task_id, data["letters"]

    def letters_on(self, task_id: str) -> set[Letter]:
        """Which letters anyone holds on a task."""
        return set(self._holders[task_id])

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
