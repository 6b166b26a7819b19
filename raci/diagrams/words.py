"""Phrases several views put in their pictures, in the current language.

Each is one message for the translators, with its number inside (Polish declines the noun
after a number: 1 zadanie, 2 zadania, 5 zadań), so no view glues translated fragments.
"""

from __future__ import annotations

from raci.i18n import N_, gettext, ngettext, number
from raci.model.vocabulary import Activity, Function
from raci.rules.gaps import letters_text, no_task_note


def tasks_count(count: int) -> str:
    return ngettext("%(count)d task", "%(count)d tasks", count) % {"count": count}


def departments_count(count: int) -> str:
    return ngettext("%(count)d department", "%(count)d departments", count) % {"count": count}


def on_tasks(count: int) -> str:
    """``on 3 tasks`` (under a letter a function should hold)."""
    return ngettext("on %(count)d task", "on %(count)d tasks", count) % {"count": count}


def accountable_on(count: int) -> str:
    """``A on 2 tasks``: how many tasks a department is Accountable for."""
    return ngettext("A on %(count)d task", "A on %(count)d tasks", count) % {"count": count}


def hours_a_week(hours: float) -> str:
    """``12 h a week``."""
    return gettext("%(hours)s h a week") % {"hours": number(hours)}


def and_more(count: int) -> str:
    """The line under a list cut short: ``and 3 more``."""
    return gettext("and %(count)d more") % {"count": count}


def function_phrase(function: Function) -> str:
    """A function as it reads mid-sentence: "customer service", but "PR"."""
    return gettext(function.phrase)


def no_department(function: Function) -> str:
    """``no customer service department``."""
    return gettext("no %(function)s department") % {"function": function_phrase(function)}


def no_task(activity: Activity) -> str:
    """``no respond task``."""
    return no_task_note(activity)


def should_hold(letters: str) -> str:
    """``should hold R or A``: what a missing owner lacks."""
    return gettext("should hold %(letters)s") % {"letters": letters_text(letters)}


def owner_note(function: Function, note: str) -> str:
    """A missing owner's note with who it is about: "customer service should be R"."""
    return gettext("%(function)s %(note)s") % {"function": function_phrase(function), "note": note}


#: The functions' mid-sentence words (``Function.phrase``), marked so the catalog holds them.
FUNCTION_PHRASES = (
    N_("marketing"),
    N_("customer service"),
    N_("PR"),
    N_("sales"),
    N_("legal"),
    N_("HR"),
    N_("product"),
    N_("executive"),
    N_("other"),
)
