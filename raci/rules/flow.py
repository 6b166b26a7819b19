"""What the information-flow rules share: which tasks they look at, and who to name.

The flow rules (SOC106, SOC302, RACI008) ask networkx questions of
:attr:`raci.graph.OrgGraph.flow`; these helpers pick the tasks and phrase the departments.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from raci.model.vocabulary import Activity, Function

if TYPE_CHECKING:
    from raci.graph import OrgGraph


def social_tasks(graph: OrgGraph, activity: Activity) -> list[str]:
    """Tasks of one social activity, in file order (``other`` work is never social)."""
    return list(graph.tasks_by_activity.get(activity, [])) if activity.is_social else []


def customer_facing_tasks(graph: OrgGraph, activity: Activity) -> list[str]:
    """Tasks of one activity that face customers (their ``audience``), in file order."""
    return graph.customer_facing(activity)


def busiest_department(graph: OrgGraph, departments: list[str]) -> str:
    """The department holding letters on the most tasks (the first in file order on a tie):
    the one most likely to be the real front line of its function."""
    best = departments[0]
    for dept_id in departments[1:]:
        if graph.task_count(dept_id) > graph.task_count(best):
            best = dept_id
    return best


def front_line(graph: OrgGraph, function: Function) -> list[str]:
    """The departments of a function, in file order."""
    return list(graph.departments_by_function.get(function, []))
