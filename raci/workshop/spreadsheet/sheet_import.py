"""A RACI sheet -> a validated :class:`Organization`, every problem placed on its cell.

Two shapes are read (see ``docs/workshop.md``):

- the sheet ``raci export`` writes: labelled rows above the table (organization, department
  name, function, capacity_hours…), a header row ``task | name | activity | … | dept ids``,
  one row per task;
- a plain matrix a team already keeps: first column tasks, one column per department named
  in the header row, letters in the cells. Ids are made from the names; activities and
  functions are guessed from the names, and each guess is returned as a warning.

Nothing is written here: callers get the organisation and the warnings, or a
:class:`LoadError` carrying every problem as ``file:row:column`` (``file:Sheet!B7`` for XLSX).
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from raci.i18n import gettext as _
from raci.model.errors import LoadError, Problem
from raci.model.vocabulary import Activity, Audience, Function
from raci.workshop.spreadsheet.cells import Sheet, Value, read_sheet
from raci.workshop.spreadsheet.guessing import (
    OTHER,
    Guess,
    guess_department_function,
    guess_task_activity,
    guess_task_audience,
    slugify,
)
from raci.workshop.spreadsheet.headings import activity_word, audience_word, function_word, row_label_texts
from raci.workshop.spreadsheet.layout import (
    DEPT_CAPACITY,
    DEPT_DESCRIPTION,
    DEPT_FUNCTION,
    DEPT_LABELS,
    DEPT_NAME,
    DEPT_ROLES,
    DEPT_WAIVE,
    ORG_DESCRIPTION,
    ORG_LABELS,
    ORGANIZATION,
    RULES,
    TASK_COLUMN_LABELS,
    label_key,
    split_mapping,
    split_waivers,
)
from raci.workshop.spreadsheet.letters import NO_LETTER, apply_letter_map
from raci.workshop.spreadsheet.plain_matrix import is_export_layout, straighten
from raci.workshop.spreadsheet.wording import guess_line, quote, quote_word, warning_line
from raci.yaml.source_map import Path, Position, SourceMap

if TYPE_CHECKING:
    from raci.model.organization import Organization

_LINE_BREAK = re.compile("[ \t]*[\r\n\x0b\x0c\x85\u2028\u2029]+[ \t]*")

_LIST_FIELDS = frozenset({"channels"})
#: Fields holding one number, which a CSV from a European Excel writes with a decimal comma.
_NUMBER_FIELDS = frozenset({"capacity_hours", "effort_hours", "budget", "review_horizon_days"})
_DECIMAL_COMMA = re.compile(r"[+-]?\d+,\d+")


@dataclass(frozen=True)
class ImportResult:
    org: Organization
    #: Things the user should know (rows left out, a detected encoding…), located like problems.
    warnings: tuple[Problem, ...]
    #: Every activity and function read from a name, at its row: "guess: …".
    guesses: tuple[Problem, ...] = ()


def import_sheet(
    path: str | os.PathLike[str],
    *,
    sheet: str | None = None,
    organization: str | None = None,
    encoding: str | None = None,
    table: int | None = None,
    letter_map: Mapping[str, str] | None = None,
) -> ImportResult:
    """Read a CSV, TSV, Markdown or XLSX RACI matrix. Raises :class:`LoadError` with every
    problem located. ``letter_map`` says what other letters mean (``{"D": "A", "X": "-"}``)."""
    rows = read_sheet(path, sheet, encoding=encoding, table=table)
    return import_rows(rows, organization=organization, letter_map=letter_map)


def import_rows(
    sheet: Sheet, *, organization: str | None = None, letter_map: Mapping[str, str] | None = None
) -> ImportResult:
    """An organisation from a sheet: the layout ``raci export`` writes, or a matrix as people
    publish it (straightened first by :func:`~raci.workshop.spreadsheet.plain_matrix.straighten`)."""
    if not is_export_layout(sheet):
        sheet = straighten(sheet, letter_map)
    return _Builder(sheet, organization, letter_map).build()


@dataclass
class _Builder:
    sheet: Sheet
    organization: str | None
    letter_map: Mapping[str, str] | None = None
    data: dict[str, Any] = field(default_factory=dict)
    keys: dict[Path, Position] = field(default_factory=dict)
    values: dict[Path, Position] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    guesses: list[Problem] = field(default_factory=list)
    #: Label -> (row, value column) of the organisation rows; label -> row of department rows.
    org_rows: dict[str, tuple[int, int]] = field(default_factory=dict)
    dept_rows: dict[str, int] = field(default_factory=dict)
    dept_label_column: int = 0
    #: Single cells above the table: the first may name the organisation.
    titles: list[tuple[int, int]] = field(default_factory=list)
    header: int = 0
    task_columns: dict[str, int] = field(default_factory=dict)

    # --- helpers ---------------------------------------------------------------------------

    def cell(self, r: int, c: int) -> Value:
        row = self.sheet.rows[r]
        return row[c] if c < len(row) else None

    def problem(self, r: int, c: int, message: str) -> None:
        self.problems.append(self.sheet.problem(r + 1, c + 1, message))

    def warn(self, r: int, c: int, message: str) -> None:
        self.warnings.append(self.sheet.problem(r + 1, c + 1, warning_line(message)))

    def guessed(self, r: int, c: int, message: str) -> None:
        self.guesses.append(self.sheet.problem(r + 1, c + 1, guess_line(message)))

    def waivers(self, value: Value, path: Path, r: int, c: int) -> dict[str, str]:
        """A waivers cell (``CODE: reason`` lines) as a mapping; every waiver placed at the cell."""
        found, problem = split_waivers(str(value))
        if problem is not None:
            self.problem(r, c, problem)
        for code in found:
            self.place((*path, code), r, c)
            self.place((*path, code), r, c, key=True)
        return found

    def number(self, value: Value) -> Value:
        """A number cell as the model reads it: "37,5" is 37.5 in a CSV that writes decimal
        commas (no thousands separator is a comma there); anything else as it is."""
        if self.sheet.decimal_comma and isinstance(value, str) and _DECIMAL_COMMA.fullmatch(value.strip()):
            return value.strip().replace(",", ".")
        return value

    def one_line(self, text: str, r: int, c: int) -> str:
        """A name as one line: a line break in a cell is how a spreadsheet wraps a long
        header, so it is read as a space (names never hold line breaks), with a warning."""
        if not _LINE_BREAK.search(text):
            return text
        self.warn(r, c, _("a line break in a name was read as a space (names are one line)"))
        return _LINE_BREAK.sub(" ", text).strip()

    def place(self, path: Path, r: int, c: int, *, key: bool = False) -> None:
        (self.keys if key else self.values)[path] = (r + 1, c + 1)

    def filled(self, r: int) -> list[int]:
        return [c for c, value in enumerate(self.sheet.rows[r]) if value is not None]

    # --- the whole sheet -------------------------------------------------------------------

    def build(self) -> ImportResult:
        from raci.model.validation import build_organization

        header = self._read_top()
        if header is None:
            raise LoadError([*self.problems, Problem(self.sheet.source, None, None, self._no_table())])
        departments = self._read_departments(header)
        self._read_tasks(header, departments)
        self._finish_organization()
        source_map = SourceMap(self.sheet.source, self.keys, self.values)
        try:
            org = build_organization(self.data, source_map, self.problems)
        except LoadError as error:
            # The importer's own problems are placed in the file already; only the model's are
            # moved from the straightened rows to the file's cells.
            own = {id(problem) for problem in self.problems}
            located = (p if id(p) in own else self.sheet.locate(p) for p in error.problems)
            raise LoadError(_once(located)) from None
        warnings = sorted([*self.sheet.notes, *self.warnings], key=lambda p: (p.line or 0, p.column or 0))
        guesses = sorted(self.guesses, key=lambda p: (p.line or 0, p.column or 0))
        return ImportResult(org, tuple(warnings), tuple(guesses))

    def _no_table(self) -> str:
        if self.sheet.sheet is None:
            return _(
                "the file has no table: expected a header row "
                "(tasks in the first column, one column per department) and rows of letters"
            )
        message = _(
            "%(sheet)s has no table: expected a header row "
            "(tasks in the first column, one column per department) and rows of letters"
        )
        return message % {"sheet": self.sheet.sheet}

    def _second_row(self, r: int, c: int, kind: str, first: int) -> None:
        """A label given twice: the first row counts, the second is a problem."""
        message = _("a second %(label)s row (the first is row %(row)d)")
        self.problem(r, c, message % {"label": quote_word(_label_text(kind)), "row": first + 1})

    def _read_top(self) -> int | None:
        """Read the labelled rows above the table; return the header row's index."""
        for r in range(len(self.sheet.rows)):
            filled = self.filled(r)
            if not filled:
                continue
            first = filled[0]
            label = label_key(self.cell(r, first))
            if first == 0 and label in ORG_LABELS:
                self._org_row(r, ORG_LABELS[label], filled)
            elif label in DEPT_LABELS:
                kind = DEPT_LABELS[label]
                if kind in self.dept_rows:
                    self._second_row(r, first, kind, self.dept_rows[kind])
                else:
                    self.dept_rows[kind] = r
                    self.dept_label_column = max(self.dept_label_column, first)
            elif len(filled) >= 2:
                return r
            else:
                self.titles.append((r, first))
        return None

    def _org_row(self, r: int, kind: str, filled: list[int]) -> None:
        if kind in self.org_rows:
            self._second_row(r, 0, kind, self.org_rows[kind][0])
            return
        rest = [c for c in filled if c > 0]
        if len(rest) > 1:
            message = _("the %(label)s row holds one value, in column B")
            self.problem(r, rest[1], message % {"label": quote_word(_label_text(kind))})
        self.org_rows[kind] = (r, rest[0] if rest else 1)

    # --- departments -----------------------------------------------------------------------

    def _read_departments(self, header: int) -> list[tuple[int, str]]:
        """Split the header into task columns and department columns; read each department."""
        self.header = header
        departments: list[tuple[int, str]] = []
        names_given = DEPT_NAME in self.dept_rows
        seen: dict[str, int] = {}
        in_departments = False
        row = self.sheet.rows[header]
        width = max(len(r) for r in self.sheet.rows[header:]) if self.sheet.rows[header:] else 0
        for c in range(1, width):
            value = row[c] if c < len(row) else None
            if value is None:
                if self._column_has_data(c, header):
                    message = _("this column has cells below but no header: name its department")
                    self.problem(header, c, message)
                continue
            text = str(value)
            task_field = None if in_departments else self._new_task_column(c, text)
            if task_field is not None:
                self.task_columns[task_field] = c
                continue
            in_departments = True
            dept_id = (text.strip() if names_given else slugify(text)) or f"department-{len(departments) + 1}"
            if dept_id in seen:
                message = _("department %(department)s appears twice (also in column %(column)s)")
                column = self._column_name(seen[dept_id], header)
                self.problem(header, c, message % {"department": quote(dept_id), "column": column})
                continue
            seen[dept_id] = c
            departments.append((c, dept_id))
            self._read_department(c, dept_id, None if names_given else text)
        self._check_label_column(departments)
        return departments

    def _new_task_column(self, c: int, text: str) -> str | None:
        """The task field a header names, when it is not taken yet and the department rows
        leave its column empty."""
        task_field = TASK_COLUMN_LABELS.get(label_key(text))
        if task_field is None or task_field in self.task_columns or self._has_department_rows(c):
            return None
        return task_field

    def _check_label_column(self, departments: list[tuple[int, str]]) -> None:
        if self.dept_rows and departments and self.dept_label_column >= departments[0][0]:
            self.problem(
                min(self.dept_rows.values()),
                self.dept_label_column,
                _("labels of department rows belong left of the department columns"),
            )

    def _has_department_rows(self, c: int) -> bool:
        """Whether the department rows above the header (function, name…) fill column ``c``:
        then it is a department, even one whose id reads like a task column ("budget",
        "name"; found by tests/test_fuzz.py)."""
        return any(self.cell(r, c) is not None for r in self.dept_rows.values())

    def _column_has_data(self, c: int, header: int) -> bool:
        return any(c < len(row) and row[c] is not None for row in self.sheet.rows[header + 1 :])

    def _column_name(self, c: int, r: int) -> str:
        """Column ``c`` (of row ``r``) as the file names it: a straightened sheet moved it."""
        from raci.workshop.spreadsheet.cells import column_letter

        return column_letter(self.sheet.in_file(r + 1, c + 1)[1])

    def _read_department(self, c: int, dept_id: str, header_name: str | None) -> None:
        path: Path = ("departments", dept_id)
        department: dict[str, Any] = {}
        self.data.setdefault("departments", {})[dept_id] = department
        self.place(path, self.header, c, key=True)
        name: Value = header_name if header_name is not None and header_name.strip() != dept_id else None
        if DEPT_NAME in self.dept_rows:
            name = self.cell(self.dept_rows[DEPT_NAME], c)
            if name is not None:
                self.place((*path, "name"), self.dept_rows[DEPT_NAME], c)
        if name is not None:
            row = self.dept_rows.get(DEPT_NAME, self.header)
            department["name"] = self.one_line(name if isinstance(name, str) else str(name), row, c)
        function = self.cell(self.dept_rows[DEPT_FUNCTION], c) if DEPT_FUNCTION in self.dept_rows else None
        if function is not None:
            department["function"] = function
            self.place((*path, "function"), self.dept_rows[DEPT_FUNCTION], c)
        else:
            r = self.dept_rows.get(DEPT_FUNCTION, self.header)
            label = department.get("name") or dept_id
            guess = guess_department_function(str(label), dept_id)
            department["function"] = guess.value
            message = _("department %(department)s: function %(value)s (%(reason)s)")
            shown = quote_word(function_word(Function(guess.value)))
            self.guessed(r, c, message % {"department": quote(label), "value": shown, "reason": guess.reason})
            self.place((*path, "function"), r, c)
        self._department_fields(c, path, department)

    def _department_fields(self, c: int, path: Path, department: dict[str, Any]) -> None:
        """The department's optional rows: capacity, roles, description, waivers."""
        for kind, name_in_model in (
            (DEPT_CAPACITY, "capacity_hours"),
            (DEPT_ROLES, "roles"),
            (DEPT_DESCRIPTION, "description"),
            (DEPT_WAIVE, "waive"),
        ):
            if kind not in self.dept_rows:
                continue
            r = self.dept_rows[kind]
            value = self.cell(r, c)
            if value is None:
                continue
            read: Any = value
            if kind == DEPT_CAPACITY:
                read = self.number(value)
            elif kind == DEPT_WAIVE:
                read = self.waivers(value, (*path, "waive"), r, c)
            elif kind == DEPT_ROLES:
                read = split_list(value)
            department[name_in_model] = read
            self.place((*path, name_in_model), r, c)

    # --- tasks -----------------------------------------------------------------------------

    def _read_tasks(self, header: int, departments: list[tuple[int, str]]) -> None:
        tasks: dict[str, Any] = self.data.setdefault("tasks", {})
        ids_given = "name" in self.task_columns
        seen: dict[str, int] = {}
        unguessed: list[tuple[int, str, dict[str, Any]]] = []
        first_department = departments[0][0] if departments else None
        for r in range(header + 1, len(self.sheet.rows)):
            filled = self.filled(r)
            if not filled:
                continue
            head = self.cell(r, 0)
            if head is None:
                self.problem(r, 0, _("this row has cells but no task in column A"))
                continue
            text = self.one_line(head if isinstance(head, str) else str(head), r, 0)
            task_id = self._task_id(r, text, ids_given, seen)
            if task_id is None:
                continue
            seen[task_id] = r
            path: Path = ("tasks", task_id)
            task: dict[str, Any] = {}
            tasks[task_id] = task
            self.place(path, r, 0, key=True)
            if not ids_given and text.strip() != task_id:
                task["name"] = text
                self.place((*path, "name"), r, 0)
            self._task_fields(r, path, task)
            if "activity" not in task:
                unguessed.append((r, task_id, task))
            task["raci"] = self._letters(r, path, departments)
            self._report_stray_cells(r, filled, first_department)
        self._guess_activities(unguessed)

    def _task_id(self, r: int, text: str, ids_given: bool, seen: dict[str, int]) -> str | None:
        """Row ``r``'s task id; None (and a problem) when an earlier row has it."""
        task_id = (text.strip() if ids_given else slugify(text)) or f"task-{r + 1}"
        if task_id in seen and not ids_given:
            task_id = self._distinct_id(r, task_id, seen)
        if task_id in seen:
            first = self._row_number(seen[task_id])
            if self._is_markdown():
                message = _("task %(task)s appears twice (first in line %(row)d)")
            else:
                message = _("task %(task)s appears twice (first in row %(row)d)")
            self.problem(r, 0, message % {"task": quote(task_id), "row": first})
            return None
        return task_id

    def _report_stray_cells(self, r: int, filled: list[int], first_department: int | None) -> None:
        """Cells left of the departments under no task column."""
        stray = [
            c
            for c in filled
            if c > 0
            and c not in self.task_columns.values()
            and (first_department is None or c < first_department)
        ]
        for c in stray:
            self.problem(r, c, _("this cell is in no column: give the column a header"))

    def _task_fields(self, r: int, path: Path, task: dict[str, Any]) -> None:
        """The task's own columns (name, activity, effort…) of row ``r``."""
        for name, c in self.task_columns.items():
            value = self.cell(r, c)
            if value is None:
                continue
            if name == "name" and isinstance(value, str):
                value = self.one_line(value, r, c)
            if name == "waive":
                task[name] = self.waivers(value, (*path, "waive"), r, c)
                self.place((*path, name), r, c)
                continue
            if name in _NUMBER_FIELDS:
                value = self.number(value)
            elif name in _LIST_FIELDS:
                value = split_list(value)
            elif name == "effort_split":
                value = split_mapping(value)
            task[name] = value
            self.place((*path, name), r, c)

    def _letters(self, r: int, path: Path, departments: list[tuple[int, str]]) -> dict[str, Any]:
        """Department id -> the letters of row ``r`` (mapped by --letter-map), placed on their cells."""
        raci: dict[str, Any] = {}
        for c, dept_id in departments:
            value = self.cell(r, c)
            if isinstance(value, str) and self.letter_map:
                value = apply_letter_map(value, self.letter_map).strip(" ,/+&;|") or None
            if value is None or (isinstance(value, str) and value.strip().lower() in NO_LETTER):
                continue
            raci[dept_id] = value
            self.place((*path, "raci", dept_id), r, c)
            self.place((*path, "raci", dept_id), r, c, key=True)
        return raci

    def _guess_activities(self, unguessed: list[tuple[int, str, dict[str, Any]]]) -> None:
        """Guess each task's activity; in a matrix of mostly office work, words that office
        work uses too ("incident", "monitoring") are read as office work."""
        labels = [str(task.get("name", task_id)) for _, task_id, task in unguessed]
        other = sum(guess_task_activity(label).value == OTHER for label in labels)
        office_context = other * 2 > len(labels)
        for (r, task_id, task), label in zip(unguessed, labels, strict=True):
            self._guess_activity(
                r, task_id, task, guess_task_activity(label, task_id, office_context=office_context)
            )

    def _guess_activity(self, r: int, task_id: str, task: dict[str, Any], guess: Guess) -> None:
        c = self.task_columns.get("activity", 0)
        label = task.get("name", task_id)
        task["activity"] = guess.value
        self.place(("tasks", task_id, "activity"), r, c)
        message = _("task %(task)s: activity %(value)s (%(reason)s)")
        value = quote_word(activity_word(Activity(guess.value)))
        self.guessed(r, c, message % {"task": quote(label), "value": value, "reason": guess.reason})
        audience = (
            guess_task_audience(str(label)) if guess.value != OTHER and "audience" not in task else None
        )
        if audience is not None:
            task["audience"] = audience.value
            self.place(("tasks", task_id, "audience"), r, c)
            message = _("task %(task)s: audience %(value)s (%(reason)s)")
            value = quote_word(audience_word(Audience(audience.value)))
            self.guessed(r, c, message % {"task": quote(label), "value": value, "reason": audience.reason})

    def _distinct_id(self, r: int, task_id: str, seen: dict[str, int]) -> str:
        """An id for a name seen before: under its phase ("build-review"), else numbered, with
        a warning, since a matrix may list a task twice by mistake."""
        phase_column = self.task_columns.get("phase")
        phase = self.cell(r, phase_column) if phase_column is not None else None
        if phase is not None:
            short = slugify(re.split(r"[(:\u2013\u2014]| - ", str(phase))[0])[:24].strip("-")
            phased = f"{short}-{task_id}" if short else task_id
            if phased not in seen:
                return phased
        number = 2
        while f"{task_id}-{number}" in seen:
            number += 1
        if self._is_markdown():
            message = _(
                "task %(task)s appears twice (first in line %(row)d): imported as %(id)s; "
                "merge or rename them if they are one task"
            )
        else:
            message = _(
                "task %(task)s appears twice (first in row %(row)d): imported as %(id)s; "
                "merge or rename them if they are one task"
            )
        first = self._row_number(seen[task_id])
        self.warn(r, 0, message % {"task": quote(task_id), "row": first, "id": f"{task_id}-{number}"})
        return f"{task_id}-{number}"

    def _row_number(self, r: int) -> int:
        """Where row ``r`` is in the file: its row in a sheet, its line in Markdown."""
        return self.sheet.in_file(r + 1, 1)[0]

    def _is_markdown(self) -> bool:
        return self.sheet.source.lower().endswith((".md", ".markdown"))

    # --- the organisation ------------------------------------------------------------------

    def _finish_organization(self) -> None:
        data = self.data
        ordered: dict[str, Any] = {}
        used_title: tuple[int, int] | None = None
        if ORGANIZATION in self.org_rows:
            r, c = self.org_rows[ORGANIZATION]
            value = self.cell(r, c)
            ordered["organization"] = value if value is None or isinstance(value, str) else str(value)
            self.place(("organization",), r, c)
            if value is None:
                ordered.pop("organization")
                self.problem(r, c, _("the organization row has no name in column B"))
        elif self.organization is not None:
            ordered["organization"] = self.organization
        elif self.titles:
            used_title = self.titles[0]
            r, c = used_title
            ordered["organization"] = self.one_line(str(self.cell(r, c)), r, c)
            self.place(("organization",), r, c)
            message = _("organization name taken from the title %(title)s")
            self.warn(r, c, message % {"title": quote(ordered["organization"])})
        else:
            stem = os.path.splitext(os.path.basename(self.sheet.source))[0] or "organization"
            ordered["organization"] = stem
            self.warnings.append(
                Problem(
                    self.sheet.source,
                    None,
                    None,
                    warning_line(
                        _("no organization row: named %(name)s after the file (use --organization to choose)")
                        % {"name": quote(stem)}
                    ),
                )
            )
        for r, c in self.titles:
            if (r, c) != used_title:
                message = _("row ignored: %(text)s is neither a label nor a table row")
                self.warn(r, c, message % {"text": quote(self.cell(r, c))})
        if ORG_DESCRIPTION in self.org_rows:
            r, c = self.org_rows[ORG_DESCRIPTION]
            if self.cell(r, c) is not None:
                ordered["description"] = self.cell(r, c)
                self.place(("description",), r, c)
        ordered["departments"] = data.get("departments", {})
        ordered["tasks"] = data.get("tasks", {})
        if RULES in self.org_rows:
            r, c = self.org_rows[RULES]
            ordered_rules = self._rules(r, c)
            if ordered_rules is not None:
                ordered["rules"] = ordered_rules
                self.place(("rules",), r, c)
        self.data = ordered

    def _rules(self, r: int, c: int) -> Any:
        value = self.cell(r, c)
        if value is None:
            return None
        try:
            rules = json.loads(str(value))
        except json.JSONDecodeError as error:
            message = _("rules must be JSON, as raci export writes them: %(error)s at character %(position)d")
            self.problem(r, c, message % {"error": error.msg, "position": error.pos + 1})
            return None
        if not isinstance(rules, dict):
            self.problem(r, c, _('rules must be a JSON object, e.g. {"ignore": ["RACI007"]}'))
            return None
        return rules


def _label_text(kind: str) -> str:
    """A row label as this language writes it ('department name', „nazwa działu”)."""
    return row_label_texts().get(kind, kind)


def _once(problems: Any) -> list[Problem]:
    """Each problem once, however many paths of the model it reached."""
    seen: set[tuple[int | None, int | None, str]] = set()
    kept = []
    for problem in problems:
        key = (problem.line, problem.column, problem.message)
        if key not in seen:
            seen.add(key)
            kept.append(problem)
    return kept


def split_list(value: Value) -> Any:
    """``a; b`` or ``a, b`` -> ["a", "b"]; a JSON array as written by export is read as such."""
    if not isinstance(value, str):
        return [str(value)]
    text = value.strip()
    if text.startswith("["):
        try:
            items = json.loads(text)
        except ValueError:
            items = None
        if isinstance(items, list) and all(isinstance(item, str) for item in items):
            return items
    parts = [part.strip() for part in text.replace(";", ",").split(",")]
    return [part for part in parts if part]
