"""A matrix as people publish it, cut out of its page and set straight.

Published matrices carry titles, legends and notes around the table, start anywhere on the
sheet, group tasks under phase rows (a name and no letters), number their rows, write
``**RA**`` or ``R (Build)``, or turn the matrix round (``Task | R | A | C | I`` with names in
the cells). :func:`straighten` finds the table and returns it in the one shape the importer
reads -- a title, a header ``task | phase | description | <task fields> | <departments>``,
one row per task -- keeping for every cell where it came from, so problems still point at
the file's own cell.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from raci.i18n import gettext, ngettext
from raci.model.errors import LoadError, Problem
from raci.workshop.spreadsheet.cells import Sheet, Value
from raci.workshop.spreadsheet.layout import (
    DEPT_LABELS,
    NAME_HEADINGS,
    ORG_LABELS,
    TASK_COLUMN_LABELS,
    TASK_HEADINGS,
    label_key,
)
from raci.workshop.spreadsheet.letters import (
    clean_letter_cell,
    is_legend_text,
    is_letter_cell,
    is_no_letter,
    role_letter,
    strip_markup,
)
from raci.workshop.spreadsheet.wording import quote_word, warning_line

#: Header labels of columns that only number the rows.
_NUMBERING = frozenset({"#", "id", "no", "nr", "lp", "n", "\u2116", "ref", "wbs", "no.", "nr."})
#: Header labels of a phase column ("Phase", "Stage", "Étape", "Faza", "Этап").
_PHASE_LABELS = frozenset(
    {"phase", "stage", "step", "section", "workstream", "\u00e9tape", "etape", "faza", "etap"}
    | {"\u044d\u0442\u0430\u043f", "\u0444\u0430\u0437\u0430", "process", "processus", "proces"}
)
#: Header labels of free-text columns kept as the task's description.
_NOTE_LABELS = frozenset(
    {"notes", "note", "comments", "comment", "remarks", "remarques", "uwagi", "opis"}
    | {
        "\u043f\u0440\u0438\u043c\u0435\u0447\u0430\u043d\u0438\u0435",
        "\u043e\u043f\u0438\u0441\u0430\u043d\u0438\u0435",
    }
)
#: Header labels of the task column, for telling it from a grouping column before it.
_TASK_LABELS = frozenset(
    {"task", "tasks", "activity", "activities", "deliverable", "deliverables", "work item", "item"}
    | {"process step", "decision", "decisions", "t\u00e2che", "t\u00e2ches", "activit\u00e9", "livrable"}
    | {"zadanie", "zadania", "czynno\u015b\u0107", "\u0437\u0430\u0434\u0430\u0447\u0430"}
    | {"\u0434\u0435\u0439\u0441\u0442\u0432\u0438\u0435", "aufgabe", "aktivit\u00e4t", "tarea", "actividad"}
)
_PARTY_SPLIT = re.compile(r"\s*(?:[,;\n]|\s&\s|\s\+\s)\s*")
_SCAN_ROWS = 200


@dataclass
class _Out:
    """The straightened rows and where each cell came from."""

    source: Sheet
    rows: list[list[Value]] = field(default_factory=list)
    origin: dict[tuple[int, int], tuple[int, int]] = field(default_factory=dict)
    notes: list[Problem] = field(default_factory=list)

    def add(self, cells: list[tuple[Value, tuple[int, int] | None]]) -> None:
        """A row of (value, 0-based cell in the source) pairs."""
        self.rows.append([value for value, _ in cells])
        r = len(self.rows)
        for c, (_, place) in enumerate(cells, start=1):
            if place is not None:
                self.origin[(r, c)] = self.source.in_file(place[0] + 1, place[1] + 1)

    def warn(self, r: int, c: int, message: str) -> None:
        self.notes.append(self.source.problem(r + 1, c + 1, warning_line(message)))

    def sheet(self) -> Sheet:
        return Sheet(
            self.source.source,
            self.rows,
            self.source.sheet,
            [*self.source.notes, *self.notes],
            decimal_comma=self.source.decimal_comma,
            origin=self.origin,
        )


def is_export_layout(sheet: Sheet) -> bool:
    """Whether the sheet is the layout ``raci export`` writes (labelled rows, or ids and names)."""
    for row in sheet.rows[:_SCAN_ROWS]:
        filled = [value for value in row if value is not None]
        if not filled:
            continue
        label = label_key(filled[0])
        if (row[0] is not None and label in ORG_LABELS) or label in DEPT_LABELS:
            return True
        if label in TASK_HEADINGS and len(filled) > 1 and label_key(filled[1]) in NAME_HEADINGS:
            return True
    return False


def straighten(sheet: Sheet, letter_map: Mapping[str, str] | None = None) -> Sheet:
    """The matrix of a published sheet in the importer's shape; raises LoadError when none."""
    rows = sheet.rows
    transposed = _transposed_header(rows)
    if transposed is not None:
        return _Transposed(sheet, transposed, letter_map).build()
    first = next((r for r, row in enumerate(rows) if _is_letter_row(row, letter_map)), None)
    if first is None:  # half the letters wrong is still a matrix, with problems to report
        first = next((r for r, row in enumerate(rows) if _is_letter_row(row, letter_map, half=True)), None)
    if first is None:
        raise LoadError([Problem(sheet.source, None, None, _no_table_message(rows))])
    header = next(
        (r for r in range(first - 1, -1, -1) if _filled(rows[r]) >= 2 and not _is_legend_row(rows[r])), None
    )
    if header is None:
        message = gettext("the table has no header row above it (a row naming the departments)")
        raise LoadError([sheet.problem(first + 1, 1, message)])
    return _Matrix(sheet, header, letter_map).build()


def _no_table_message(rows: list[list[Value]]) -> str:
    """Why no table was found; a matrix marked with another letter ("x", "D") is named."""
    marks = Counter(
        strip_markup(value).upper()
        for row in rows[:_SCAN_ROWS]
        for value in row[1:]
        if isinstance(value, str) and len(strip_markup(value)) == 1 and strip_markup(value).isalpha()
    )
    if marks:
        mark = marks.most_common(1)[0][0]
        message = gettext(
            "no RACI table found: cells are marked %(mark)s, which is not a RACI letter; "
            "say what it means, e.g. --letter-map %(letter)s=R"
        )
        return message % {"mark": quote_word(mark), "letter": mark}
    return gettext(
        "no RACI table found: expected a header row (tasks, then one column per department) and "
        "rows of letters R, A, C, I (or S); for other letters say what they mean, e.g. --letter-map D=A"
    )


def _filled(row: list[Value]) -> int:
    return sum(value is not None for value in row)


def _is_letter_row(row: list[Value], letter_map: Mapping[str, str] | None, *, half: bool = False) -> bool:
    """Most filled cells past the first hold letters (or half of them, when ``half``)."""
    filled = [value for value in row if value is not None and not is_no_letter(value)][1:]
    if not filled:
        return False
    letters = sum(is_letter_cell(value) or _mapped(value, letter_map) for value in filled)
    return letters * 2 > len(filled) or (half and letters > 0 and letters * 2 == len(filled))


def _mapped(value: Value, letter_map: Mapping[str, str] | None) -> bool:
    if not letter_map or not isinstance(value, str):
        return False
    cell = clean_letter_cell(value, letter_map)
    return cell.text is None or is_letter_cell(cell.text)


def _is_legend_row(row: list[Value]) -> bool:
    filled = [value for value in row if value is not None]
    if any(is_legend_text(value) for value in filled):
        return True
    # A legend laid out as a table: "R | Responsible | does the work".
    return (
        len(filled) >= 2
        and isinstance(filled[0], str)
        and len(strip_markup(filled[0])) <= 3
        and role_letter(filled[0]) is not None
        and role_letter(filled[1]) is not None
    )


def _transposed_header(rows: list[list[Value]]) -> int | None:
    """The row of a ``Task | R | A | C | I`` header: three or more RACI roles as column names,
    above any row of letters, with names (not letters) in the rows below it."""
    for r, row in enumerate(rows[:_SCAN_ROWS]):
        filled = [value for value in row if value is not None]
        if not filled or _is_legend_row(row) or role_letter(filled[0]) is not None:
            continue
        if _names_roles(filled[1:]):
            return r if _names_below(rows, r) else None
        if _is_letter_row(row, None):
            return None
    return None


def _names_roles(values: Sequence[Value]) -> bool:
    """Three or more RACI roles, none twice ("R | A | C | I")."""
    named = [letter for value in values if (letter := role_letter(value)) is not None]
    return len(set(named)) >= 3 and len(named) == len(set(named))


def _names_below(rows: list[list[Value]], r: int) -> bool:
    """Whether the first row below ``r`` with two cells holds names rather than letters, in
    the row and under the roles: a row of letters ("1 | Monitoring | R | C | A") is no header."""
    below = next((rows[i] for i in range(r + 1, len(rows)) if _filled(rows[i]) >= 2), None)
    if below is None or _is_letter_row(below, None):
        return False
    roles = [c for c, value in enumerate(rows[r]) if c > 0 and role_letter(value) is not None]
    cells = [below[c] for c in roles if c < len(below) and below[c] is not None]
    return sum(is_letter_cell(value) for value in cells) * 2 < len(cells) or not cells


def _text(value: Value) -> str:
    return strip_markup(value) if isinstance(value, str) else str(value)


# --- the usual shape: tasks down, departments across --------------------------------------


@dataclass
class _Matrix:
    sheet: Sheet
    header: int
    letter_map: Mapping[str, str] | None
    out: _Out = field(init=False)
    task_column: int = 0
    fields: dict[str, int] = field(default_factory=dict)
    departments: list[int] = field(default_factory=list)
    #: The last value of a phase column: a merged cell holds it on its first row only.
    column_phase: tuple[str, tuple[int, int]] | None = None

    def __post_init__(self) -> None:
        self.out = _Out(self.sheet)

    def build(self) -> Sheet:
        rows = self.sheet.rows
        self._columns()
        self._title()
        header_cells: list[tuple[Value, tuple[int, int] | None]] = [("task", (self.header, self.task_column))]
        header_cells += [(name, (self.header, c)) for name, c in self._field_columns()]
        header_cells += [(rows[self.header][c], (self.header, c)) for c in self.departments]
        self.out.add(header_cells)
        self._tasks()
        return self.out.sheet()

    def _columns(self) -> None:
        header = self.sheet.rows[self.header]
        letter_rows = [
            row for row in self.sheet.rows[self.header + 1 :] if _is_letter_row(row, self.letter_map)
        ]
        self.task_column = self._task_column(header, letter_rows)
        width = max(len(row) for row in [header, *letter_rows[:50]])
        for c in range(self.task_column + 1, width):
            self._sort_column(header, letter_rows, c)

    def _task_column(self, header: list[Value], letter_rows: list[list[Value]]) -> int:
        """The tasks' column: the first filled one, past a numbering or a phase column."""
        filled = [c for c, value in enumerate(header) if value is not None]
        first_data = min(
            (next(c for c, v in enumerate(row) if v is not None) for row in letter_rows[:5]), default=0
        )
        start = min(filled[0], first_data)
        while True:  # a "#", "ID" or "Phase" column first: the tasks are in the next one
            key, following = _header_key(header, start), _header_key(header, start + 1)
            if key in _NUMBERING or _numbers_only(letter_rows, start):
                pass
            elif key in _PHASE_LABELS and "phase" not in self.fields:
                self.fields["phase"] = start
            elif following in _TASK_LABELS and key not in _TASK_LABELS and "phase" not in self.fields:
                self.fields["phase"] = start  # "Area | Task | …": the first column groups the tasks
            else:
                return start
            start += 1

    def _sort_column(self, header: list[Value], letter_rows: list[list[Value]], c: int) -> None:
        """A column right of the tasks is a task field, a department, or (numbering) nothing."""
        value = header[c] if c < len(header) else None
        key = label_key(strip_markup(value)) if isinstance(value, str) else ""
        has_letters = any(c < len(row) and is_letter_cell(row[c]) for row in letter_rows)
        if key in _NUMBERING and not has_letters:
            return
        name = _field_name(key)
        if name is not None and not has_letters and name not in self.fields:
            self.fields[name] = c
        elif value is not None or any(c < len(row) and row[c] is not None for row in letter_rows):
            self.departments.append(c)

    def _field_columns(self) -> list[tuple[str, int]]:
        columns = [(name, c) for name, c in self.fields.items() if name not in ("phase", "description")]
        return [
            ("phase", self.fields.get("phase", self.task_column)),
            ("description", self.task_column),
            *columns,
        ]

    def _title(self) -> None:
        add_title(self.sheet, self.header, self.out)

    def _tasks(self) -> None:
        rows = self.sheet.rows
        phase: tuple[str, tuple[int, int]] | None = None
        pending: list[int] = []  # phase rows not yet followed by a task
        headings: list[int] = []  # phase rows with tasks under them
        seen_task = False
        end = len(rows)
        for r in range(self.header + 1, len(rows)):
            row = rows[r]
            if not _filled(row):
                if seen_task:
                    end = r
                    break
                continue
            if _is_legend_row(row):
                end = r
                break
            if not any(c < len(row) and row[c] is not None for c in self.departments):
                c = next(c for c, value in enumerate(row) if value is not None)
                phase = (_text(row[c]), (r, c))
                pending.append(r)
                continue
            headings += [] if not pending else [pending[-1]]
            pending = []
            seen_task = True
            self._task(r, phase)
        self._report_phases(headings)
        for r in pending:
            message = gettext("row ignored: %(name)s has no letters and no tasks follow it")
            self.out.warn(r, 0, message % {"name": quote_word(_text(_first(rows[r]))[:40])})
        self._rows_left(end)

    def _report_phases(self, headings: list[int]) -> None:
        """One line naming the rows read as phase headings: a task nobody holds yet would be
        one of them, and the user should see it."""
        if not headings:
            return
        rows = self.sheet.rows
        if self.sheet.source.lower().endswith((".md", ".markdown")):
            # Translators: a phase heading's name and where it is in a Markdown file.
            where = gettext("%(name)s (line %(row)d)")
        else:
            where = gettext("%(name)s (row %(row)d)")
        named = ", ".join(
            where % {"name": quote_word(_text(_first(rows[r]))[:30]), "row": self.sheet.in_file(r + 1, 1)[0]}
            for r in headings[:8]
        )
        left = len(headings) - 8
        more = (
            ngettext(" and %(count)d more", " and %(count)d more", left) % {"count": left} if left > 0 else ""
        )
        first = headings[0]
        column = next(c for c, value in enumerate(rows[first]) if value is not None)
        message = ngettext(
            "%(count)d row with a name and no letters read as a phase heading: %(rows)s%(more)s; "
            "a task nobody holds yet needs a '-' in its cells",
            "%(count)d rows with a name and no letters read as phase headings: %(rows)s%(more)s; "
            "a task nobody holds yet needs a '-' in its cells",
            len(headings),
        )
        self.out.warn(first, column, message % {"count": len(headings), "rows": named, "more": more})

    def _task(self, r: int, phase: tuple[str, tuple[int, int]] | None) -> None:
        row = self.sheet.rows[r]

        def at(c: int) -> Value:
            return row[c] if c < len(row) else None

        name = at(self.task_column)
        cells: list[tuple[Value, tuple[int, int] | None]] = [
            (_text(name) if name is not None else None, (r, self.task_column))
        ]
        if "phase" in self.fields:
            column = self.fields["phase"]
            if at(column) is not None:
                self.column_phase = (_text(at(column)), (r, column))
            phase = self.column_phase or phase
        cells.append((phase[0], phase[1]) if phase else (None, None))
        notes: list[str] = []
        note_place: tuple[int, int] | None = None
        if "description" in self.fields and at(self.fields["description"]) is not None:
            notes.append(_text(at(self.fields["description"])))
            note_place = (r, self.fields["description"])
        letters, note_place = self._letters(r, notes, note_place)
        cells.append(("; ".join(notes) or None, note_place))
        cells += [
            (at(c), (r, c)) for name_, c in self.fields.items() if name_ not in ("phase", "description")
        ]
        self.out.add(cells + letters)

    def _letters(
        self, r: int, notes: list[str], note_place: tuple[int, int] | None
    ) -> tuple[list[tuple[Value, tuple[int, int] | None]], tuple[int, int] | None]:
        """Row ``r``'s cleaned letter cells; what the cleaning took out goes to ``notes``, and
        ``note_place`` is the first cell a note came from."""
        row = self.sheet.rows[r]
        letters: list[tuple[Value, tuple[int, int] | None]] = []
        for c in self.departments:
            value = row[c] if c < len(row) else None
            if isinstance(value, str):
                cleaned = clean_letter_cell(value, self.letter_map)
                note = cleaned.note_text()
                if note:
                    notes.append(f"{_text(self.sheet.rows[self.header][c] or '')}: {note}")
                    note_place = note_place or (r, c)
                value = cleaned.text
            letters.append((value, (r, c)))
        return letters, note_place

    def _rows_left(self, end: int) -> None:
        rows = self.sheet.rows
        left = [r for r in range(end, len(rows)) if _filled(rows[r]) and not _is_legend_row(rows[r])]
        if left:
            first, last = left[0], left[-1]
            if first == last:
                message = gettext("row %(first)d below the table not read (a blank row or a legend ends it)")
            else:
                message = gettext(
                    "rows %(first)d-%(last)d below the table not read (a blank row or a legend ends it)"
                )
            column = next(c for c, value in enumerate(rows[first]) if value is not None)
            self.out.warn(first, column, message % {"first": first + 1, "last": last + 1})


def add_title(sheet: Sheet, header: int, out: _Out) -> None:
    """The first text row above the header names the organisation (when nothing else does)."""
    for r in range(header):
        row = sheet.rows[r]
        cells = [(c, v) for c, v in enumerate(row) if v is not None]
        if len(cells) == 1 and isinstance(cells[0][1], str) and not _is_legend_row(row):
            out.add([(strip_markup(cells[0][1]), (r, cells[0][0]))])
            break
    out.rows.append([])


def _first(row: list[Value]) -> Value:
    return next((value for value in row if value is not None), None)


_NUMBER = re.compile(r"\d+(?:\.\d+)*\.?")


def _numbers_only(rows: list[list[Value]], c: int) -> bool:
    """Whether column ``c`` only numbers the rows (1, 2, 3 or 1.1, 1.2) under a blank header."""
    values = [row[c] for row in rows if c < len(row) and row[c] is not None]
    return bool(values) and all(
        isinstance(v, (int, float)) or (isinstance(v, str) and _NUMBER.fullmatch(v.strip())) for v in values
    )


def _header_key(header: list[Value], c: int) -> str:
    cell = header[c] if c < len(header) else None
    return label_key(strip_markup(cell)) if isinstance(cell, str) else ""


def _field_name(key: str) -> str | None:
    if key in _PHASE_LABELS:
        return "phase"
    if key in _NOTE_LABELS:
        return "description"
    return TASK_COLUMN_LABELS.get(key)


# --- the transposed shape: Task | R | A | C | I, names in the cells --------------------------


#: (row, task name, party key -> (letters, first cell)) for one task of a transposed matrix.
_HeldTask = tuple[int, str | None, dict[str, tuple[str, tuple[int, int]]]]


@dataclass
class _Transposed:
    sheet: Sheet
    header: int
    letter_map: Mapping[str, str] | None

    def build(self) -> Sheet:
        out = _Out(self.sheet)
        header = self.sheet.rows[self.header]
        roles = {c: role_letter(value) for c, value in enumerate(header)}
        role_columns = {c: letter for c, letter in roles.items() if letter is not None and c > 0}
        task_column = next(c for c, value in enumerate(header) if value is not None and c not in role_columns)
        parties: dict[str, tuple[str, tuple[int, int]]] = {}  # key -> (name, first cell)
        tasks, phases = self._read_tasks(role_columns, task_column, parties)
        order = list(parties)
        add_title(self.sheet, self.header, out)
        head: list[tuple[Value, tuple[int, int] | None]] = [
            ("task", (self.header, task_column)),
            ("phase", (self.header, task_column)),
        ]
        out.add(head + [(parties[key][0], parties[key][1]) for key in order])
        for r, task_name, held in tasks:
            phase_cell = phases.get(r)
            cells: list[tuple[Value, tuple[int, int] | None]] = [(task_name, (r, task_column))]
            cells.append(phase_cell if phase_cell else (None, None))
            cells += [(held[key][0], held[key][1]) if key in held else (None, None) for key in order]
            out.add(cells)
        out.notes.append(
            self.sheet.problem(
                self.header + 1,
                task_column + 1,
                warning_line(
                    ngettext(
                        "read as a transposed matrix (one column per letter, names in the cells): "
                        "%(count)d party became a department",
                        "read as a transposed matrix (one column per letter, names in the cells): "
                        "%(count)d parties became departments",
                        len(parties),
                    )
                    % {"count": len(parties)}
                ),
            )
        )
        return out.sheet()

    def _read_tasks(
        self,
        role_columns: dict[int, str],
        task_column: int,
        parties: dict[str, tuple[str, tuple[int, int]]],
    ) -> tuple[list[_HeldTask], dict[int, tuple[str, tuple[int, int]]]]:
        """The task rows with the letters each party holds, and the phase above each row;
        every party met goes to ``parties`` in the order met."""
        rows = self.sheet.rows
        tasks: list[_HeldTask] = []
        phases: dict[int, tuple[str, tuple[int, int]]] = {}
        phase: tuple[str, tuple[int, int]] | None = None
        for r in range(self.header + 1, len(rows)):
            row = rows[r]
            if not _filled(row):
                if tasks:
                    break
                continue
            if _is_legend_row(row):
                break
            held = _held_letters(row, r, role_columns, parties)
            if not held:
                c = next(c for c, value in enumerate(row) if value is not None)
                phase = (_text(row[c]), (r, c))
                continue
            task_name = row[task_column] if task_column < len(row) else None
            if phase is not None:
                phases[r] = phase
            tasks.append((r, _text(task_name) if task_name is not None else None, held))
        return tasks, phases


def _held_letters(
    row: list[Value],
    r: int,
    role_columns: dict[int, str],
    parties: dict[str, tuple[str, tuple[int, int]]],
) -> dict[str, tuple[str, tuple[int, int]]]:
    """Party key -> (the letters the row's role columns name it in, its first cell)."""
    held: dict[str, tuple[str, tuple[int, int]]] = {}
    for c, letter in role_columns.items():
        value = row[c] if c < len(row) else None
        for name in _party_names(value):
            key = name.lower()
            parties.setdefault(key, (name, (r, c)))
            letters, place = held.get(key, ("", (r, c)))
            held[key] = (letters + letter if letter not in letters else letters, place)
    return held


def _party_names(value: Value) -> list[str]:
    if value is None:
        return []
    text = _text(value)
    names = []
    for part in _PARTY_SPLIT.split(text):
        part = part.strip()
        if part and part.lower() not in ("-", "n/a", "na", "none", "\u2014", "\u2013"):
            names.append(part)
    return names
