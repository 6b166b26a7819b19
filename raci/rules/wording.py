"""Small helpers that phrase findings in the organisation's own names, in the current language.

Names the organisation chose (departments, tasks) and the functions' labels go into a message
as placeholders; Polish messages quote them in the nominative (zadanie „x”, dział „y”), so
they read right whatever the name and however Polish declines the words around it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from raci.i18n import DEFAULT_LANGUAGE, current_language, gettext, ngettext, number
from raci.model.organization import Organization
from raci.model.vocabulary import Activity, Function, Letter
from raci.rules.gaps import activity_word

if TYPE_CHECKING:
    from raci.graph import OrgGraph


def department_list(org: Organization, department_ids: Iterable[str]) -> str:
    return ", ".join(org.department_label(dept_id) for dept_id in department_ids)


def hours(value: float) -> str:
    """``51.25 h`` in English, ``51,25 h`` in Polish."""
    return f"{number(value)} h"


def join_words(words: list[str]) -> str:
    """["a", "b", "c"] -> "a, b and c" ("a, b i c" in Polish)."""
    if len(words) <= 1:
        return "".join(words)
    return gettext("%(items)s and %(last)s") % {"items": ", ".join(words[:-1]), "last": words[-1]}


def function_name(function: Function) -> str:
    """A function as a message names it, mid-sentence: "customer service", but "PR" (Polish
    "obsługa klienta"). Polish messages put it where the nominative reads right ("takie
    zadanie ma prowadzić obsługa klienta"), since Polish declines nouns around it."""
    # The views mark these words for the catalog (raci.diagrams.words.FUNCTION_PHRASES).
    return gettext(function.phrase)


def activity_name(activity: Activity) -> str:
    """An activity as a message names it: its canonical value in English ("respond", the word
    the org file takes), its short noun in other languages ("odpowiedzi", "naprawa wpadek":
    not the grid's label with its gloss in brackets)."""
    return activity.value if current_language() == DEFAULT_LANGUAGE else activity_word(activity)


def first_department(graph: OrgGraph, function: Function) -> str | None:
    found = graph.departments_by_function.get(function)
    return found[0] if found else None


def give(who: str, letters: str, task_id: str) -> str:
    """A department takes letters on a task: "give Customer Care R on answer-comments"."""
    return gettext("give %(department)s %(letters)s on %(task)s") % {
        "department": who,
        "letters": letters,
        "task": task_id,
    }


def add_department(function: Function, letter: str, task_id: str | None, activity: Activity) -> str:
    """The organisation lacks a department of ``function``: add one and give it ``letter``."""
    values = {"function": function_name(function), "value": function.value, "letters": letter}
    if task_id is not None:
        return gettext(
            "add a %(function)s department (function: %(value)s) and give it %(letters)s on %(task)s"
        ) % {**values, "task": task_id}
    return gettext(
        "add a %(function)s department (function: %(value)s) and give it %(letters)s on a %(activity)s task"
    ) % {**values, "activity": activity_name(activity)}


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
        return add_department(function, letter, tasks[0] if tasks else None, activity)
    who = org.department_label(department)
    if tasks:
        return give(who, letter, tasks[0])
    return gettext(
        "add a %(activity)s task with %(department)s as %(letters)s (raci: {%(id)s: %(letters)s})"
    ) % {"activity": activity_name(activity), "department": who, "letters": letter, "id": department}


def give_on_task(graph: OrgGraph, function: Function, task_id: str, letter: str) -> str:
    """Suggest a letter on one existing task for the first department of a function."""
    department = first_department(graph, function)
    if department is None:
        return add_department(function, letter, task_id, Activity.OTHER)
    return give(graph.org.department_label(department), letter, task_id)


def accountable_note(graph: OrgGraph, task_id: str) -> str:
    """A task flag's words about its Accountable count."""
    from raci.i18n import gettext

    held = len(graph.holders(task_id, Letter.ACCOUNTABLE))
    if held == 0:
        return gettext("no Accountable")
    return ngettext("%(count)d Accountable: keep one", "%(count)d Accountable: keep one", held) % {
        "count": held
    }


def no_department(function: Function) -> str:
    """Why no fix can be proposed when the organisation has no department of ``function``."""
    return gettext("there is no %(function)s department: add one (function: %(value)s)") % {
        "function": function_name(function),
        "value": function.value,
    }
