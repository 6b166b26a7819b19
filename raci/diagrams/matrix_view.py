"""The matrix view: the RACI matrix teams keep in spreadsheets, with violations in their cells.

Tasks down the side (grouped by activity), departments across (grouped by function). Each
task row is one node of fixed-width cells, stacked in a column, so rows line up like a table
while a row with a finding is its own SVG element of class ``gap``. The cells a rule points
at are red: both A's of a task with two, the R's of a task with too many, the empty cell
where customer service should be Responsible, and so on.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import pairwise

import graphviz

from raci.checking.checker import CheckResult
from raci.diagrams import style
from raci.diagrams.escape import NodeIds, dot_string, html_lines, html_text, wrap
from raci.diagrams.gapmap import Flag, GapMap, build_gap_map, row_marks
from raci.diagrams.gaps_view import functions_in_order, subtitle
from raci.diagrams.options import MATRIX_MAX_COLUMNS, MATRIX_MAX_ROWS, ViewOptions
from raci.diagrams.words import departments_count, owner_note, tasks_count
from raci.i18n import gettext
from raci.model.organization import Organization
from raci.model.vocabulary import Activity, Function, Letter, format_letters

_NAME_WIDTH = 230
_CELL_WIDTH = 82
_FINDINGS_WIDTH = 190
_LINE = 14


#: Task rows a page holds: a 16:9 slide of a dozen departments' columns stays readable.
PAGE_TASKS = 14


def build(org: Organization, result: CheckResult, options: ViewOptions) -> graphviz.Digraph:
    return _Matrix(org, result, options).draw()


def build_pages(org: Organization, result: CheckResult, options: ViewOptions) -> list[graphviz.Digraph]:
    """The matrix on numbered pages of at most :data:`PAGE_TASKS` tasks, in drawing order
    (by activity); an activity with no task is drawn on the page where it falls."""
    whole = _Matrix(org, result, options)
    ordered = sorted(whole.tasks, key=lambda t: list(Activity).index(whole.graph.activity_of(t)))
    if len(ordered) <= PAGE_TASKS:
        return [whole.draw()]
    chunks = [ordered[start : start + PAGE_TASKS] for start in range(0, len(ordered), PAGE_TASKS)]
    activities = list(Activity)
    pages = []
    for number, chunk in enumerate(chunks, 1):
        page = _Matrix(org, result, options)
        page.notes = whole.notes
        page.tasks = chunk
        low = activities.index(whole.graph.activity_of(chunk[0])) if number > 1 else 0
        high = (
            activities.index(whole.graph.activity_of(chunks[number][0]))
            if number < len(chunks)
            else len(activities)
        )
        page.missing = [a for a in whole.missing if low <= activities.index(a) < high]
        page.page = (number, len(chunks), len(ordered))
        pages.append(page.draw())
    return pages


class _Matrix:
    def __init__(self, org: Organization, result: CheckResult, options: ViewOptions) -> None:
        self.org = org
        self.result = result
        self.graph = result.graph
        self.gaps: GapMap = build_gap_map(result)
        self.ids = NodeIds()
        self.notes: list[str] = []
        self.tasks = self._rows([t for t in org.tasks if options.shows(self.graph.activity_of(t))])
        functions = functions_in_order(self.graph.departments_by_function)
        by_function = self.graph.departments_by_function
        self.departments = self._columns([d for f in functions for d in by_function[f]])
        self.missing = [a for a in Activity if a in self.gaps.missing_activities and options.shows(a)]
        #: (page number, pages, tasks in all) when the matrix is split into pages.
        self.page: tuple[int, int, int] | None = None

    def _rows(self, tasks: list[str]) -> list[str]:
        """The tasks drawn: all, or the flagged ones when there are too many."""
        if len(tasks) <= MATRIX_MAX_ROWS:
            return tasks
        flagged = [t for t in tasks if t in self.gaps.tasks or self._owner_gaps(t)]
        numbers = {"count": len(tasks), "shown": min(len(flagged), MATRIX_MAX_ROWS)}
        if len(flagged) <= MATRIX_MAX_ROWS:
            note = gettext(
                "%(count)d tasks are too many for one matrix: only the %(shown)d with findings are drawn."
            )
        else:
            note = gettext(
                "%(count)d tasks are too many for one matrix: only the %(shown)d with findings are drawn "
                "(the first ones)."
            )
        self.notes.append(note % numbers)
        return flagged[:MATRIX_MAX_ROWS]

    def _columns(self, departments: list[str]) -> list[str]:
        """The departments drawn: all, or those on the drawn tasks or flagged when too many."""
        if len(departments) <= MATRIX_MAX_COLUMNS:
            return departments
        involved = {d for t in self.tasks for d in self.graph.assignments(t)} | set(self.gaps.departments)
        kept = [d for d in departments if d in involved][:MATRIX_MAX_COLUMNS]
        self.notes.append(
            gettext("%(count)d departments are too many for one matrix: %(shown)d are drawn.")
            % {"count": len(departments), "shown": len(kept)}
        )
        return kept

    def _owner_gaps(self, task_id: str) -> list[tuple[Function, Flag]]:
        return [
            (owner.function, owner.flag)
            for owner in self.gaps.missing_owners.values()
            if owner.task == task_id
        ]

    def draw(self) -> graphviz.Digraph:
        what = gettext("RACI matrix: %(tasks)s \u00d7 %(departments)s") % {
            "tasks": tasks_count(len(self.tasks)),
            "departments": departments_count(len(self.departments)),
        }
        if self.page is not None:
            number, pages, total = self.page
            what = gettext(
                "RACI matrix, page %(number)d of %(pages)d: %(shown)d of %(total)d tasks "
                "\u00d7 %(departments)s"
            ) % {
                "number": number,
                "pages": pages,
                "shown": len(self.tasks),
                "total": total,
                "departments": departments_count(len(self.departments)),
            }
        entries = [
            (
                style.box_sample(style.LETTER_STYLES[letter].fill, "white", 1),
                f"<B>{letter.value}</B>&#160;{html_text(style.LETTER_STYLES[letter].word)}",
            )
            for letter in style.STRENGTH
        ]
        if self.result.findings:
            entries.append(
                (
                    style.box_sample(style.GAP_FILL, style.GAP, 2),
                    html_text(gettext("a cell a finding points at (+R: should hold R)")),
                )
            )
        dot = style.new_digraph(
            "matrix",
            rankdir="TB",
            ranksep="0.02",
            nodesep="0.1",
            label=style.header(
                self.org.organization,
                subtitle(self.result, what),
                " ".join(self.notes) or None,
                style.legend(entries, per_row=len(entries)),
            ),
        )
        rows = [self._header()]
        by_activity: dict[Activity, list[str]] = {}
        for task_id in self.tasks:
            by_activity.setdefault(self.graph.activity_of(task_id), []).append(task_id)
        for activity in Activity:
            if activity in by_activity:
                rows.append(self._band(activity, None))
                rows.extend(self._row(task_id) for task_id in by_activity[activity])
            elif activity in self.missing:
                rows.append(self._band(activity, self.gaps.missing_activities[activity]))
        if not self.tasks and not self.missing:
            rows.append(
                (
                    self.ids("empty"),
                    {
                        "label": "<<I>" + html_text(gettext("no tasks")) + "</I>>",
                        "shape": "plaintext",
                        "class": "empty",
                    },
                )
            )
        for node, attrs in rows:
            dot.node(node, **attrs)
        for (upper, _), (lower, _) in pairwise(rows):
            dot.edge(upper, lower, style="invis")
        return dot

    # --- rows ------------------------------------------------------------------------------

    def _width(self) -> int:
        return _NAME_WIDTH + _CELL_WIDTH * len(self.departments) + _FINDINGS_WIDTH

    def _header(self) -> tuple[str, dict[str, str]]:
        band = self._function_band()
        names = "".join(self._department_name(dept_id) for dept_id in self.departments)
        task_head, findings_head = html_text(gettext("Task")), html_text(gettext("Findings"))
        label = (
            '<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="2">'
            f'<TR><TD WIDTH="{_NAME_WIDTH}"></TD>{band}<TD WIDTH="{_FINDINGS_WIDTH}"></TD></TR>'
            f'<TR><TD WIDTH="{_NAME_WIDTH}" HEIGHT="58" FIXEDSIZE="TRUE" ALIGN="LEFT" VALIGN="BOTTOM">'
            f"<B>{task_head}</B></TD>"
            f"{names}"
            f'<TD WIDTH="{_FINDINGS_WIDTH}" HEIGHT="58" FIXEDSIZE="TRUE" ALIGN="LEFT" VALIGN="BOTTOM">'
            f"<B>{findings_head}</B></TD></TR>"
            "</TABLE>>"
        )
        attrs = {"label": label, "shape": "plaintext", "margin": "0", "width": "0", "height": "0"}
        departments_flagged = [d for d in self.departments if d in self.gaps.departments]
        if departments_flagged:
            flag = Flag()
            for d in departments_flagged:
                flag.merge(self.gaps.departments[d])
            attrs["class"] = style.gap_class(flag.codes)
            attrs["tooltip"] = dot_string("\n".join(flag.messages))
        else:
            attrs["class"] = "header"
        return self.ids("header"), attrs

    def _function_band(self) -> str:
        """The header's top line: one cell per run of neighbouring departments of a function."""
        groups: list[tuple[Function, int]] = []
        for dept_id in self.departments:
            function = self.graph.function_of(dept_id)
            if groups and groups[-1][0] is function:
                groups[-1] = (function, groups[-1][1] + 1)
            else:
                groups.append((function, 1))
        return "".join(
            f'<TD COLSPAN="{count}" BGCOLOR="{style.function_fill(function)}" HEIGHT="28">'
            f'<FONT POINT-SIZE="9"><B>{html_lines(function.label, 14 * count, 2)}</B></FONT></TD>'
            for function, count in groups
        )

    def _department_name(self, dept_id: str) -> str:
        """A department's header cell: its name, red with its codes when flagged, or its
        waived codes in grey."""
        flag = self.gaps.departments.get(dept_id)
        color = style.severity_color(flag.severity) if flag else style.TEXT
        fill = style.severity_fill(flag.severity) if flag else "white"
        codes = f'<BR/><FONT POINT-SIZE="8">{html_text(" ".join(flag.codes))}</FONT>' if flag else ""
        waived = self.gaps.waived.departments.get(dept_id) if self.gaps.waived and not flag else None
        if waived is not None:
            codes = (
                f'<BR/><FONT POINT-SIZE="8" COLOR="{style.MUTED}">'
                + html_text(gettext("%(codes)s waived") % {"codes": " ".join(waived.codes)})
                + "</FONT>"
            )
        return (
            f'<TD WIDTH="{_CELL_WIDTH}" HEIGHT="58" FIXEDSIZE="TRUE" BGCOLOR="{fill}" VALIGN="BOTTOM">'
            f'<FONT POINT-SIZE="9" COLOR="{color}">'
            f"{html_lines(self.org.department_label(dept_id), 14, 3)}</FONT>{codes}</TD>"
        )

    def _band(self, activity: Activity, missing: Flag | None) -> tuple[str, dict[str, str]]:
        if missing is None:
            text = f"<B>{html_text(activity.label)}</B>"
            fill, color = style.ACTIVITY_FILL, style.TEXT
        else:
            codes = " ".join(missing.codes)
            text = (
                f"<B>{html_text(activity.label)}</B>: <I>" + html_text(gettext("no task")) + "</I>  "
                f'<FONT POINT-SIZE="9">{html_text(codes)}</FONT>'
            )
            fill, color = style.GAP_FILL, style.GAP
        label = (
            '<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="3">'
            f'<TR><TD WIDTH="{self._width()}" HEIGHT="20" FIXEDSIZE="TRUE" ALIGN="LEFT" BGCOLOR="{fill}">'
            f'<FONT COLOR="{color}" POINT-SIZE="11">{text}</FONT></TD></TR></TABLE>>'
        )
        attrs = {"label": label, "shape": "plaintext", "margin": "0", "width": "0", "height": "0"}
        if missing is not None:
            attrs["class"] = style.gap_class(missing.codes)
            attrs["tooltip"] = dot_string("\n".join(missing.messages))
        else:
            attrs["class"] = "activity"
        return self.ids(("band", activity)), attrs

    def _row(self, task_id: str) -> tuple[str, dict[str, str]]:
        org, graph = self.org, self.graph
        assignments = graph.assignments(task_id)
        flag = self.gaps.tasks.get(task_id)
        owners = self._owner_gaps(task_id)
        marks = row_marks(self.result, self.gaps, task_id, self.departments)
        pointed = set(marks.pointed)
        should = {dept_id: letters for dept_id, (letters, _) in marks.should.items()}
        findings = _findings(flag, owners)
        finding_lines = [wrap(f"{code} {note}", 32, 2) for code, note in findings]
        waived = _waived(self.gaps.waived, task_id)
        waived_lines = [
            wrap(gettext("%(code)s waived: %(note)s") % {"code": code, "note": note}, 32, 2)
            for code, note in waived
        ]
        name_lines = wrap(org.task_label(task_id), 34, 2)
        noted = sum(len(lines) for lines in finding_lines + waived_lines)
        height = max(len(name_lines), noted, 1) * _LINE + 10
        cells = []
        for dept_id in self.departments:
            letters = assignments.get(dept_id, frozenset())
            cells.append(self._cell(dept_id, task_id, letters, pointed, should.get(dept_id), height))
        # Worst severity wins: an error from a missing owner outranks the task's own info.
        severities = [*([flag.severity] if flag else []), *(f.severity for _, f in owners)]
        gap_color = style.severity_color(max(severities)) if severities else style.GAP
        findings_html = _findings_html(findings, finding_lines, gap_color)
        if waived:
            # Accepted findings: said, in a neutral colour, never drawn as gaps.
            shown = _findings_html(waived, waived_lines, style.MUTED)
            findings_html = f'{findings_html}<BR ALIGN="LEFT"/>{shown}' if findings_html else shown
        name = '<BR ALIGN="LEFT"/>'.join(html_text(line) for line in name_lines)
        label = (
            '<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="2">'
            f'<TR><TD WIDTH="{_NAME_WIDTH}" HEIGHT="{height}" FIXEDSIZE="TRUE" ALIGN="LEFT" BALIGN="LEFT">'
            f'<FONT POINT-SIZE="11">{name}</FONT></TD>'
            f"{''.join(cells)}"
            f'<TD WIDTH="{_FINDINGS_WIDTH}" HEIGHT="{height}" FIXEDSIZE="TRUE" ALIGN="LEFT" BALIGN="LEFT">'
            f"{findings_html}</TD></TR></TABLE>>"
        )
        attrs = self._row_attrs(task_id, label, flag, owners)
        return self.ids(("task", task_id)), attrs

    def _row_attrs(
        self, task_id: str, label: str, flag: Flag | None, owners: list[tuple[Function, Flag]]
    ) -> dict[str, str]:
        """A row node's attributes: its gap class and tooltip, or a plain task's."""
        attrs = {"label": label, "shape": "plaintext", "margin": "0", "width": "0", "height": "0"}
        codes = sorted({*(flag.codes if flag else []), *(c for _, f in owners for c in f.codes)})
        if codes:
            messages = [*(flag.messages if flag else []), *(m for _, f in owners for m in f.messages)]
            attrs["class"] = style.gap_class(codes)
            attrs["tooltip"] = dot_string("\n".join(dict.fromkeys(messages)))
        else:
            attrs["class"] = "task"
            attrs["tooltip"] = dot_string(f"{self.org.task_label(task_id)} ({task_id})")
        return attrs

    def _cell(
        self,
        dept_id: str,
        task_id: str,
        letters: frozenset[Letter],
        pointed: set[tuple[str, Letter]],
        should: str | None,
        height: int,
    ) -> str:
        written = format_letters(letters) if letters else ""
        hit = any((dept_id, letter) in pointed for letter in letters)
        size = f'WIDTH="{_CELL_WIDTH}" HEIGHT="{height}" FIXEDSIZE="TRUE" VALIGN="MIDDLE"'
        if hit or should:
            extra = f'<FONT POINT-SIZE="9"> +{html_text(should)}</FONT>' if should else ""
            return (
                f'<TD {size} BGCOLOR="{style.GAP_FILL}" BORDER="2" COLOR="{style.GAP}" SIDES="LRTB">'
                f'<FONT COLOR="{style.GAP}" POINT-SIZE="12"><B>{html_text(written)}</B>{extra}</FONT></TD>'
            )
        if not letters:
            return f'<TD {size} BGCOLOR="#fafbfc"></TD>'
        strongest = style.strongest(letters)
        assert strongest is not None
        look = style.LETTER_STYLES[strongest]
        return (
            f'<TD {size} BGCOLOR="{look.fill}"><FONT COLOR="{look.ink}" POINT-SIZE="12">'
            f"<B>{html_text(written)}</B></FONT></TD>"
        )


def _waived(waived: GapMap | None, task_id: str) -> list[tuple[str, str]]:
    """A task's waived findings, on it or on the owners it misses (as :func:`_findings` words them)."""
    if waived is None:
        return []
    owners = [(o.function, o.flag) for o in waived.missing_owners.values() if o.task == task_id]
    return _findings(waived.tasks.get(task_id), owners)


def _findings(flag: Flag | None, owners: Iterable[tuple[Function, Flag]]) -> list[tuple[str, str]]:
    items: list[tuple[str, str]] = list(flag.items) if flag else []
    for function, owner_flag in owners:
        for code, note in owner_flag.items:
            items.append((code, owner_note(function, note)))
    seen: dict[tuple[str, str], None] = dict.fromkeys(items)
    return list(seen)[:6]


def _findings_html(findings: list[tuple[str, str]], finding_lines: list[list[str]], color: str) -> str:
    """A row's findings column: each code in bold, its note wrapped, in the worst gap colour."""
    return '<BR ALIGN="LEFT"/>'.join(
        f'<FONT POINT-SIZE="9" COLOR="{color}"><B>{html_text(lines[0][: len(code)])}</B>'
        f"{html_text(lines[0][len(code) :])}"
        + "".join(f'<BR ALIGN="LEFT"/>{html_text(more)}' for more in lines[1:])
        + "</FONT>"
        for (code, _), lines in zip(findings, finding_lines, strict=True)
    )
