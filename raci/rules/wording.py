"""Small helpers that phrase findings in the organisation's own names."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from raci.model.organization import Organization
from raci.model.vocabulary import Activity, Function, Letter

if TYPE_CHECKING:
    from raci.graph import OrgGraph


def department_list(org: Organization, department_ids: Iterable[str]) -> str:
    return ", ".join(org.department_label(dept_id) for dept_id in department_ids)


def hours(value: float) -> str:
    return f"{value:g} h"


def join_words(words: list[str]) -> str:
    """["a", "b", "c"] -> "a, b and c"."""
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


def first_department(graph: OrgGraph, function: Function) -> str | None:
    found = graph.departments_by_function.get(function)
    return found[0] if found else None


def suggest_owner(
    graph: OrgGraph,
    function: Function,
    activity: Activity,
    letter: str = "R",
    tasks: list[str] | None = None,
) -> str:
    """A concrete change in the org's own names: who should take which letter on what.

    ``tasks`` are the tasks the letter may go on (default: every task of ``activity``);
    with none, the suggestion is to add a task.
    """
    org = graph.org
    department = first_department(graph, function)
    if tasks is None:
        tasks = graph.tasks_by_activity.get(activity, [])
    if department is None:
        return (
            f"add a {function.phrase} department (function: {function.value}) and give it "
            f"{letter} on {tasks[0] if tasks else 'a ' + activity.value + ' task'}"
        )
    who = org.department_label(department)
    if tasks:
        return f"give {who} {letter} on {tasks[0]}"
    return f"add a {activity.value} task with {who} as {letter} (raci: {{{department}: {letter}}})"


def give_on_task(graph: OrgGraph, function: Function, task_id: str, letter: str) -> str:
    """Suggest a letter on one existing task for the first department of a function."""
    department = first_department(graph, function)
    if department is None:
        return (
            f"add a {function.phrase} department (function: {function.value}) and give it "
            f"{letter} on {task_id}"
        )
    return f"give {graph.org.department_label(department)} {letter} on {task_id}"


def accountable_note(graph: OrgGraph, task_id: str) -> str:
    """A task flag's words about its Accountable count."""
    from raci.i18n import gettext

    held = len(graph.holders(task_id, Letter.ACCOUNTABLE))
    if held == 0:
        return gettext("no Accountable")
    return gettext("%(count)d Accountable: keep one") % {"count": held}


def no_department(function: Function) -> str:
    """Why no fix can be proposed when the organisation has no department of ``function``."""
    return f"there is no {function.phrase} department: add one (function: {function.value})"


NO_CARE = "there is no customer service department: add one (function: customer_service)"
