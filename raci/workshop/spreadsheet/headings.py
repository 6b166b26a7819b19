"""The words of an exported sheet in the current language, and the Polish words read back.

The export writes its labels, headings and sheet names in the language of the run (English:
exactly the layout's own keys, so English files never change). The importer reads every
language's words whatever language it runs in: a workbook exported in Polish imports in an
English shell, and a matrix kept in Polish ("Zadanie", "Etap", "Nakład") is understood.
``tests/test_spreadsheet_polish.py`` holds that each text written here is read back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from raci.i18n import DEFAULT_LANGUAGE, current_language
from raci.i18n import gettext as _
from raci.model.polish_words import without_diacritics

if TYPE_CHECKING:
    from raci.model.vocabulary import Activity, Audience, Function


def row_label_texts() -> dict[str, str]:
    """Labels of the rows above the table (column A), key -> text in the current language."""
    return {
        # Translators: row labels in column A of the exported RACI sheet; the importer reads them back.
        "organization": _("organization"),
        "organization description": _("organization description"),
        # Translators: a row holding the check's rule settings as JSON.
        "rules": _("rules"),
        "department name": _("department name"),
        "function": _("function"),
        # Translators: the hours a week a department can give (a row of the RACI sheet).
        "capacity_hours": _("capacity_hours"),
        "roles": _("roles"),
        "department description": _("department description"),
        # Translators: the rules a department is exempt from, with the reason ("waived").
        "department waive": _("department waive"),
        # Translators: the heading of the task id column of the RACI sheet.
        "task": _("task"),
    }


def task_column_texts() -> dict[str, str]:
    """Headings of the task columns, field -> text in the current language."""
    return {
        # Translators: headings of the task columns of the exported RACI sheet.
        "name": _("name"),
        "phase": _("phase"),
        "activity": _("activity"),
        # Translators: hours of work a week a task takes.
        "effort_hours": _("effort_hours"),
        # Translators: how a task's hours are shared between departments.
        "effort_split": _("effort_split"),
        # Translators: money a month a task costs.
        "budget": _("budget"),
        # Translators: after how many days a task's results are judged.
        "review_horizon_days": _("review_horizon_days"),
        "channels": _("channels"),
        "description": _("description"),
        "audience": _("audience"),
        # Translators: rules a task is exempt from, with the reason ("waived").
        "waive": _("waive"),
    }


def matrix_sheet_name() -> str:
    # Translators: the name of the workbook's sheet holding the matrix (at most 31 characters).
    return _("RACI")


def findings_sheet_name() -> str:
    # Translators: the name of the workbook's sheet listing the findings (at most 31 characters).
    return _("Findings")


def workload_sheet_name() -> str:
    # Translators: the name of the workbook's sheet of hours per department (at most 31 characters).
    return _("Workload")


def findings_headings() -> tuple[str, ...]:
    return (
        # Translators: headings of the Findings sheet.
        _("severity"),
        _("code"),
        _("task"),
        _("department"),
        _("message"),
        _("fix"),
    )


def workload_headings() -> tuple[str, ...]:
    return (
        # Translators: headings of the Workload sheet.
        _("department"),
        _("name"),
        _("function"),
        _("hours a week"),
        _("capacity"),
        _("over by"),
        _("tasks"),
    )


# --- read back -----------------------------------------------------------------------------
#
# Keys are compared folded as ``layout.label_key`` folds them (lower case, brackets and
# separators as spaces). Each Polish word is listed with its diacritics; the spelling
# without them is added, as people type both.

_POLISH_ORG_LABELS: dict[str, str] = {
    "organizacja": "organization",
    "nazwa organizacji": "organization",
    "firma": "organization",
    "nazwa firmy": "organization",
    "opis organizacji": "organization description",
    "opis firmy": "organization description",
    "reguły": "rules",
    "ustawienia reguł": "rules",
}

_POLISH_DEPT_LABELS: dict[str, str] = {
    "nazwa działu": "department name",
    "nazwy działów": "department name",
    "funkcja": "function",
    "funkcja działu": "function",
    "dostępny czas h tydz": "capacity_hours",
    "dostępny czas": "capacity_hours",
    "czas do dyspozycji h tydz": "capacity_hours",
    "czas do dyspozycji": "capacity_hours",
    "godziny do dyspozycji": "capacity_hours",
    "dostępne godziny": "capacity_hours",
    "dostępność h tydz": "capacity_hours",
    "role": "roles",
    "role w dziale": "roles",
    "opis działu": "department description",
    "wyłączenia działu": "department waive",
}

_POLISH_TASK_COLUMNS: dict[str, str] = {
    "nazwa": "name",
    "nazwa zadania": "name",
    "tytuł": "name",
    "etap": "phase",
    "faza": "phase",
    "czynność": "activity",
    "rodzaj czynności": "activity",
    "nakład h tydz": "effort_hours",
    "nakład": "effort_hours",
    "nakład pracy": "effort_hours",
    "nakład pracy h tydz": "effort_hours",
    "godziny": "effort_hours",
    "godziny w tygodniu": "effort_hours",
    "h tydz": "effort_hours",
    "podział nakładu": "effort_split",
    "budżet": "budget",
    "budżet miesięcznie": "budget",
    "budżet mies": "budget",
    "budżet na miesiąc": "budget",
    "ocena wyników po dniach": "review_horizon_days",
    "ocena wyników po dni": "review_horizon_days",
    "ocena wyników po": "review_horizon_days",
    "perspektywa oceny": "review_horizon_days",
    "perspektywa oceny dni": "review_horizon_days",
    "kanały": "channels",
    "kanał": "channels",
    "opis": "description",
    "odbiorcy": "audience",
    "wyłączenia": "waive",
}


def _with_plain(words: dict[str, str]) -> dict[str, str]:
    table: dict[str, str] = {}
    for word, key in words.items():
        table[word] = key
        table.setdefault(without_diacritics(word), key)
    return table


POLISH_ORG_LABELS = _with_plain(_POLISH_ORG_LABELS)
POLISH_DEPT_LABELS = _with_plain(_POLISH_DEPT_LABELS)
POLISH_TASK_COLUMNS = _with_plain(_POLISH_TASK_COLUMNS)

#: The matrix sheet's name in every language raci writes (the importer prefers it).
MATRIX_SHEET_NAMES = frozenset({"RACI", "Macierz RACI"})


# --- values --------------------------------------------------------------------------------


def function_word(function: Function) -> str:
    """A department's function as the sheet writes it: the canonical word in English, the
    label in another language when it reads back as the same function."""
    from raci.model.vocabulary import parse_function

    if current_language() == DEFAULT_LANGUAGE:
        return function.value
    word = function.label
    return word if parse_function(word) is function else function.value


def activity_word(activity: Activity) -> str:
    """A task's activity as the sheet writes it: the label without its gloss ("publikacja",
    not "promocja (płatna)") when it reads back as the same activity."""
    from raci.model.vocabulary import parse_activity

    if current_language() == DEFAULT_LANGUAGE:
        return activity.value
    word = activity.label.split(" (")[0]
    return word if parse_activity(word) is activity else activity.value


def audience_word(audience: Audience) -> str:
    from raci.model.vocabulary import parse_audience

    if current_language() == DEFAULT_LANGUAGE:
        return audience.value
    words = {
        # Translators: whom a task's work faces, in the audience column (one word the importer reads back).
        "customers": _("customers"),
        "candidates": _("candidates"),
        "employees": _("employees"),
        "media": _("media"),
        "investors": _("investors"),
        "partners": _("partners"),
    }
    word = words[audience.value]
    return word if parse_audience(word) is audience else audience.value
