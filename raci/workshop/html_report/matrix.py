"""The RACI matrix as an HTML table: tasks down the side, departments across, gaps marked.

The same reading of findings as the matrix diagram (:mod:`raci.diagrams.matrix_view`): the
cells a rule points at are marked (both A's of a task with two, the R's of a task with too
many, marketing's R/A where another function should lead), and an empty cell where a function
should hold a letter says which (``+R``). Rows with findings list their codes; departments
with findings (idle, over capacity) are marked in the header.
"""

from __future__ import annotations

from dataclasses import dataclass

from raci.checking.checker import CheckResult
from raci.diagrams.gapmap import Flag, GapMap, build_gap_map, row_marks
from raci.diagrams.gaps_view import functions_in_order
from raci.i18n import DEFAULT_LANGUAGE, current_language, gettext
from raci.model.severity import Severity
from raci.model.vocabulary import Activity, Function, Letter, format_letters
from raci.workshop.html_report.words import number

#: Rows and columns an HTML table stays readable with; past them only what has findings.
MAX_ROWS = 250
MAX_COLUMNS = 60

_STRENGTH = (Letter.ACCOUNTABLE, Letter.RESPONSIBLE, Letter.SUPPORT, Letter.CONSULTED, Letter.INFORMED)


@dataclass(frozen=True)
class Cell:
    letters: str
    #: The strongest letter held ("A", "R", "C", "I"), or "" for an empty cell.
    strongest: str
    #: A finding points at the letters held here.
    hit: bool
    #: Letters a function should hold here but does not ("R", "R/A"…), or "".
    should: str
    #: Rule codes that mark the cell, for its tooltip.
    codes: str


@dataclass(frozen=True)
class Column:
    department: str
    name: str
    function: str
    notes: tuple[tuple[str, str], ...]
    severity: str


@dataclass(frozen=True)
class Group:
    function: str
    label: str
    span: int


@dataclass(frozen=True)
class Row:
    #: "band" (an activity heading), "missing" (an activity with no task) or "task".
    kind: str
    label: str
    task: str
    activity: str
    cells: tuple[Cell, ...]
    notes: tuple[tuple[str, str], ...]
    severity: str


@dataclass(frozen=True)
class MatrixTable:
    groups: tuple[Group, ...]
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    notes: tuple[str, ...]
    tasks: int
    marked_cells: int


def build_matrix(result: CheckResult) -> MatrixTable:
    graph = result.graph
    gaps = build_gap_map(result)
    notes: list[str] = []
    tasks = _shown_tasks(list(result.org.tasks), gaps, notes)
    functions = functions_in_order(graph.departments_by_function)
    departments = _shown_departments(
        result, gaps, tasks, [d for f in functions for d in graph.departments_by_function[f]], notes
    )
    rows = _rows(result, gaps, tasks, departments)
    marked = sum(1 for row in rows for cell in row.cells if cell.hit or cell.should)
    columns = _columns(result, gaps, departments)
    return MatrixTable(_groups(result, departments), columns, rows, tuple(notes), len(tasks), marked)


def _shown_tasks(tasks: list[str], gaps: GapMap, notes: list[str]) -> list[str]:
    """All tasks, or past :data:`MAX_ROWS` only those with findings (saying so in ``notes``)."""
    if len(tasks) <= MAX_ROWS:
        return tasks
    flagged = [t for t in tasks if t in gaps.tasks or _owner_gaps(gaps, t)]
    counts = {"tasks": number(len(tasks)), "shown": number(min(len(flagged), MAX_ROWS))}
    if len(flagged) <= MAX_ROWS:
        notes.append(
            gettext("%(tasks)s tasks are too many for one table: only the %(shown)s with findings are shown.")
            % counts
        )
    else:
        notes.append(
            gettext(
                "%(tasks)s tasks are too many for one table: only the %(shown)s with findings are shown "
                "(the first ones)."
            )
            % counts
        )
    return flagged[:MAX_ROWS]


def _shown_departments(
    result: CheckResult, gaps: GapMap, tasks: list[str], departments: list[str], notes: list[str]
) -> list[str]:
    """All departments, or past :data:`MAX_COLUMNS` only those involved in the shown tasks or flagged."""
    if len(departments) <= MAX_COLUMNS:
        return departments
    involved = {d for t in tasks for d in result.graph.assignments(t)} | set(gaps.departments)
    kept = [d for d in departments if d in involved][:MAX_COLUMNS]
    counts = {"departments": number(len(departments)), "shown": number(len(kept))}
    notes.append(
        gettext("%(departments)s departments are too many for one table: %(shown)s are shown.") % counts
    )
    return kept


def _groups(result: CheckResult, departments: list[str]) -> tuple[Group, ...]:
    """Runs of neighbouring departments of the same function, for the header's top line."""
    groups: list[Group] = []
    for dept_id in departments:
        function = result.graph.function_of(dept_id)
        if groups and groups[-1].function == function.value:
            groups[-1] = Group(function.value, function.label, groups[-1].span + 1)
        else:
            groups.append(Group(function.value, function.label, 1))
    return tuple(groups)


def _columns(result: CheckResult, gaps: GapMap, departments: list[str]) -> tuple[Column, ...]:
    return tuple(_column(result, gaps, dept_id) for dept_id in departments)


def _column(result: CheckResult, gaps: GapMap, dept_id: str) -> Column:
    flag = gaps.departments.get(dept_id)
    return Column(
        dept_id,
        result.org.department_label(dept_id),
        result.graph.function_of(dept_id).value,
        tuple(flag.items) if flag is not None else (),
        flag.severity.value if flag is not None else "",
    )


def _rows(result: CheckResult, gaps: GapMap, tasks: list[str], departments: list[str]) -> tuple[Row, ...]:
    """A band row per activity with its task rows under it; a missing activity gets one flagged row."""
    by_activity: dict[Activity, list[str]] = {}
    for task_id in tasks:
        by_activity.setdefault(result.graph.activity_of(task_id), []).append(task_id)
    rows: list[Row] = []
    for activity in Activity:
        if activity in by_activity:
            rows.append(Row("band", activity.label, "", activity.value, (), (), ""))
            rows.extend(_task_row(result, gaps, task_id, departments) for task_id in by_activity[activity])
        elif activity in gaps.missing_activities:
            flag = gaps.missing_activities[activity]
            rows.append(
                Row("missing", activity.label, "", activity.value, (), tuple(flag.items), flag.severity.value)
            )
    return tuple(rows)


def _owner_gaps(gaps: GapMap, task_id: str) -> list[tuple[Function, Flag, str]]:
    return [
        (owner.function, owner.flag, owner.letters)
        for owner in gaps.missing_owners.values()
        if owner.task == task_id
    ]


def _task_row(result: CheckResult, gaps: GapMap, task_id: str, departments: list[str]) -> Row:
    graph = result.graph
    assignments = graph.assignments(task_id)
    flag = gaps.tasks.get(task_id)
    owners = _owner_gaps(gaps, task_id)
    marks = row_marks(result, gaps, task_id, departments)
    pointed, should = marks.pointed, marks.should
    cells = []
    for dept_id in departments:
        held = assignments.get(dept_id, frozenset())
        codes: set[str] = set()
        for letter in held:
            codes |= pointed.get((dept_id, letter), set())
        wanted, wanted_codes = should.get(dept_id, ("", set()))
        strongest = next((letter.value for letter in _STRENGTH if letter in held), "")
        cells.append(
            Cell(
                format_letters(held) if held else "",
                strongest,
                bool(codes),
                wanted,
                " ".join(sorted(codes | wanted_codes)),
            )
        )
    items: list[tuple[str, str]] = list(flag.items) if flag else []
    for function, owner_flag, _ in owners:
        items.extend((code, _owner_note(function, note)) for code, note in owner_flag.items)
    severities = [flag.severity] if flag else []
    severities += [owner_flag.severity for _, owner_flag, _ in owners]
    worst = max(severities, default=None)
    return Row(
        "task",
        result.org.task_label(task_id),
        task_id,
        graph.activity_of(task_id).value,
        tuple(cells),
        tuple(dict.fromkeys(items)),
        worst.value if isinstance(worst, Severity) else "",
    )


def _owner_note(function: Function, note: str) -> str:
    """Who should hold a letter, and the rule's note: "customer service should be R"."""
    if current_language() == DEFAULT_LANGUAGE:
        return f"{function.phrase} {note}"
    # The function's label stands alone, in the nominative: Polish declines names mid-sentence.
    # Translators: a function (department kind) and what it lacks, e.g. "should be R".
    return gettext("%(function)s: %(note)s") % {"function": function.label, "note": note}
