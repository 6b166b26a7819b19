"""The RACI matrix as a grid of cells: the one layout both the CSV and the XLSX export use.

::

    organization        | Acme Outdoor
    rules               | {"ignore": ["RACI007"]}            (only when the file has rules)
                        |
    department name     |      |          |        | Marketing | Customer Care
    function            |      |          |        | marketing | customer_service
    capacity_hours      |      |          |        | 60        | 80
    task                | name | activity | effort | marketing | care
    answer-complaints   | …    | respond  | 15     | I         | RA

Rows above the table are labelled in column A; the table's header row holds the task
columns and then one department id per column; each task row holds the task's fields and
then its letters. Optional rows and columns (description, roles, budget, review horizon,
channels) appear only when some department or task uses them.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from raci.i18n import gettext
from raci.model.vocabulary import format_letters, normalise_word
from raci.workshop.spreadsheet.headings import (
    POLISH_DEPT_LABELS,
    POLISH_ORG_LABELS,
    POLISH_TASK_COLUMNS,
    activity_word,
    audience_word,
    function_word,
    row_label_texts,
    task_column_texts,
)

if TYPE_CHECKING:
    from raci.model.organization import Organization

Cell = str | int | float | None

# Labels of the rows above the table (column A), and of the table's task columns.
ORGANIZATION = "organization"
ORG_DESCRIPTION = "organization description"
RULES = "rules"
DEPT_NAME = "department name"
DEPT_FUNCTION = "function"
DEPT_CAPACITY = "capacity_hours"
DEPT_ROLES = "roles"
DEPT_DESCRIPTION = "department description"
DEPT_WAIVE = "department waive"
TASK = "task"

ORG_LABELS: dict[str, str] = {
    "organization": ORGANIZATION,
    "organisation": ORGANIZATION,
    "company": ORGANIZATION,
    "organization description": ORG_DESCRIPTION,
    "organisation description": ORG_DESCRIPTION,
    "rules": RULES,
}

DEPT_LABELS: dict[str, str] = {
    "department name": DEPT_NAME,
    "department names": DEPT_NAME,
    "department": DEPT_NAME,
    "function": DEPT_FUNCTION,
    "department function": DEPT_FUNCTION,
    "capacity hours": DEPT_CAPACITY,
    "capacity": DEPT_CAPACITY,
    "capacity h week": DEPT_CAPACITY,
    "capacity hours week": DEPT_CAPACITY,
    "roles": DEPT_ROLES,
    "department roles": DEPT_ROLES,
    "department description": DEPT_DESCRIPTION,
    "department waive": DEPT_WAIVE,
    "department waivers": DEPT_WAIVE,
}

#: Task columns in the order they are written; the first four always are.
TASK_FIELDS = (
    "name",
    "phase",
    "activity",
    "effort_hours",
    "effort_split",
    "budget",
    "review_horizon_days",
    "channels",
    "description",
    "audience",
    "waive",
)
ALWAYS_TASK_FIELDS = ("name", "phase", "activity", "effort_hours")

TASK_COLUMN_LABELS: dict[str, str] = {
    "name": "name",
    "task name": "name",
    "title": "name",
    "phase": "phase",
    "activity": "activity",
    "effort hours": "effort_hours",
    "effort": "effort_hours",
    "effort h week": "effort_hours",
    "effort hours week": "effort_hours",
    "hours": "effort_hours",
    "hours per week": "effort_hours",
    "budget": "budget",
    "budget per month": "budget",
    "review horizon days": "review_horizon_days",
    "review horizon": "review_horizon_days",
    "horizon": "review_horizon_days",
    "effort split": "effort_split",
    "channels": "channels",
    "channel": "channels",
    "description": "description",
    "audience": "audience",
    "waive": "waive",
    "waivers": "waive",
}

# Polish words are read whatever language raci runs in; an English word spelt the same stays.
for _table, _polish in (
    (ORG_LABELS, POLISH_ORG_LABELS),
    (DEPT_LABELS, POLISH_DEPT_LABELS),
    (TASK_COLUMN_LABELS, POLISH_TASK_COLUMNS),
):
    for _word, _key in _polish.items():
        _table.setdefault(_word, _key)

#: The first two headings of the table raci export writes ("task | name | …"), in each language.
TASK_HEADINGS = frozenset({"task", "zadanie"})
NAME_HEADINGS = frozenset({"name", "nazwa"})

_UNITS = str.maketrans({"(": " ", ")": " ", "[": " ", "]": " ", ".": " ", ":": " "})


def label_key(value: Cell) -> str:
    """How a header or row label is compared: case, separators and brackets folded."""
    if not isinstance(value, str):
        return ""
    return normalise_word(value.translate(_UNITS))


@dataclass(frozen=True)
class Grid:
    """Rows of cell values, and where the table starts (0-based), for styling."""

    rows: list[list[Cell]]
    header_row: int
    first_department_column: int
    department_count: int

    @property
    def task_rows(self) -> range:
        return range(self.header_row + 1, len(self.rows))


def number(value: float | int | None) -> int | float | None:
    """Whole numbers as ints (15, not 15.0), so sheets and YAML read as people wrote them."""
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    return value


def join_list(items: Sequence[str]) -> str | None:
    """A list in one cell: ``a; b`` when that reads back unchanged, else a JSON array.

    Importing splits on ``;`` and ``,`` (teams write both), so an item holding either is
    written in the JSON form.
    """
    if not items:
        return None
    plain = "; ".join(items)
    awkward = any(";" in item or "," in item or item != item.strip() or not item for item in items)
    if awkward or plain.startswith("["):
        return json.dumps(items, ensure_ascii=False)
    return plain


def join_waivers(waivers: dict[str, str]) -> str | None:
    """Waivers in one cell, a ``CODE: reason`` line each; JSON when a reason has a line break.

    :func:`split_waivers` reads both back.
    """
    if not waivers:
        return None
    if any("\n" in reason or "\r" in reason for reason in waivers.values()):
        return json.dumps(waivers, ensure_ascii=False)
    return "\n".join(f"{code}: {reason}" for code, reason in waivers.items())


def split_waivers(text: str) -> tuple[dict[str, str], str | None]:
    """A waivers cell read back: ``{code: reason}``, and a problem (None when it reads)."""
    from raci.workshop.spreadsheet.wording import quote_word

    stripped = text.strip()
    if stripped.startswith("{"):
        try:
            data = json.loads(stripped)
        except ValueError:
            data = None
        if isinstance(data, dict) and all(isinstance(v, str) for v in data.values()):
            return {str(k): v for k, v in data.items()}, None
        return {}, gettext("waivers: write a CODE: reason line each, or a JSON object")
    waivers: dict[str, str] = {}
    for line in stripped.splitlines():
        if not line.strip():
            continue
        code, colon, reason = line.partition(":")
        if not colon or not code.strip():
            message = gettext("waivers: write a CODE: reason line each (found %(found)s)")
            return {}, message % {"found": quote_word(line.strip()[:30])}
        waivers[code.strip()] = reason.strip()
    return waivers, None


def join_mapping(items: dict[str, Any]) -> str:
    """An effort split in one cell: ``care: 12; pr: 8`` (or ``care: 60%; pr: 40%``)."""
    parts = (f"{key}: {number(value) if isinstance(value, float) else value}" for key, value in items.items())
    return "; ".join(parts)


def split_mapping(value: Cell) -> Any:
    """``care: 12; pr: 8`` -> {"care": "12", "pr": "8"}; anything else as it is, for the
    model to refuse at its cell."""
    if not isinstance(value, str):
        return value
    pairs = [part.partition(":") for part in value.replace(",", ";").split(";") if part.strip()]
    if not pairs or any(not sep or not key.strip() for key, sep, _ in pairs):
        return value
    return {key.strip(): amount.strip() for key, _, amount in pairs}


def build_grid(org: Organization) -> Grid:
    """The sheet's cells, labelled in the current language (English: the keys above)."""
    departments = list(org.departments.items())
    tasks = list(org.tasks.items())
    task_fields = _used_task_fields([task for _, task in tasks])
    first = 1 + len(task_fields)
    width = first + len(departments)
    labels = row_label_texts()

    def row(label: str, values: list[Cell]) -> list[Cell]:
        return [labels[label], *([None] * (first - 1)), *values]

    rows = _organization_rows(org, width, labels)
    rows.append([None] * width)
    rows.append(row(DEPT_NAME, [dept.name for _, dept in departments]))
    rows.append(row(DEPT_FUNCTION, [function_word(dept.function) for _, dept in departments]))
    rows.append(row(DEPT_CAPACITY, [number(dept.capacity_hours) for _, dept in departments]))
    for label, values in _optional_department_rows([dept for _, dept in departments]):
        rows.append(row(label, values))
    header_row = len(rows)
    headings = task_column_texts()
    rows.append([labels[TASK], *(headings[name] for name in task_fields), *(d for d, _ in departments)])
    for task_id, task in tasks:
        letters = [format_letters(task.raci[d]) if d in task.raci else None for d, _ in departments]
        rows.append([task_id, *(_task_value(task, name) for name in task_fields), *letters])
    return Grid(rows, header_row, first, len(departments))


def _used_task_fields(tasks: list[Any]) -> list[str]:
    """The task columns: the ones always shown, and the others some task fills."""
    return [
        name
        for name in TASK_FIELDS
        if name in ALWAYS_TASK_FIELDS or any(_task_value(task, name) is not None for task in tasks)
    ]


def _organization_rows(org: Organization, width: int, labels: dict[str, str]) -> list[list[Cell]]:
    """The organisation's name, then its description and rules when it has them."""
    rows: list[list[Cell]] = [_pad([labels[ORGANIZATION], org.organization], width)]
    if org.description is not None:
        rows.append(_pad([labels[ORG_DESCRIPTION], org.description], width))
    if org.rules is not None:
        rules = org.rules.model_dump(mode="json", exclude_none=True)
        rows.append(_pad([labels[RULES], json.dumps(rules, ensure_ascii=False, sort_keys=True)], width))
    return rows


def _optional_department_rows(departments: list[Any]) -> list[tuple[str, list[Cell]]]:
    """Rows of department fields some department uses: roles, description, waivers."""
    rows = [
        (DEPT_ROLES, [join_list(dept.roles) for dept in departments]),
        (DEPT_DESCRIPTION, [dept.description for dept in departments]),
        (DEPT_WAIVE, [join_waivers(dept.waive) for dept in departments]),
    ]
    return [(label, values) for label, values in rows if any(value is not None for value in values)]


def _task_value(task: Any, name: str) -> Cell:
    value = getattr(task, name)
    if name == "activity":
        return activity_word(value)
    if name == "effort_split":
        return join_mapping(value) if value else None
    if name == "channels":
        return join_list(value)
    if name == "audience":
        # Customers is the default: the column appears only when some task faces others.
        return None if value.value == "customers" else audience_word(value)
    if name == "waive":
        return join_waivers(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return number(value)
    return value  # type: ignore[no-any-return]


def _pad(values: list[Cell], width: int) -> list[Cell]:
    return values + [None] * (width - len(values))
