"""The workshop deck: what a facilitator puts on the screen, as one 16:9 PDF.

Pages: the title with the scorecard; one page per failing principle (its gaps drawn, its
findings, and fixes in the organisation's own names); classic RACI gaps; the ownership grid;
the matrix, as many pages as its rows need; the workload; and, given the version before the
workshop, what changed.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from raci import __version__
from raci.checking.scorecard import FAIL, NOT_APPLICABLE, NOT_CHECKED, PASS
from raci.diagrams import style
from raci.diagrams.api import render_source
from raci.diagrams.engine import RenderLimits
from raci.diagrams.gaps_focus import note_lines
from raci.diagrams.options import FOCUS, ViewOptions
from raci.diagrams.words import departments_count, tasks_count
from raci.i18n import N_, gettext, inner_quotes, ngettext, number
from raci.model.severity import Severity
from raci.model.vocabulary import Letter, format_letters
from raci.workshop.diff import ADDED, CHANGED, REMOVED
from raci.workshop.slides.fonts import find_font
from raci.workshop.slides.pdf import (
    AMBER,
    GREEN,
    HEIGHT,
    MARGIN,
    MUTED,
    RED,
    TEXT,
    WIDTH,
    Pages,
    picture_size,
    text,
)

if TYPE_CHECKING:
    from raci.checking.checker import CheckResult
    from raci.checking.scorecard import Cell
    from raci.diagrams.gapmap import Flag, GapMap
    from raci.model.findings import Finding
    from raci.model.organization import Organization
    from raci.workshop.diff import OrgDiff
    from raci.workshop.suggest import Operation, Suggestion

#: Matrix rows on one page at most (fewer when long names take two lines).
MATRIX_ROWS = 16
#: The largest a gaps drawing is blown up: its 9 to 11 pt words at most as big as the titles.
_GAPS_SCALE = 1.8
#: Shares of the width the findings and fixes may take beside a drawing, narrowest first.
_TEXT_SHARES = (0.28, 0.34, 0.40)
#: Ids in a finding's message: quoted ('t05', Polish „t05”) or id-shaped (answer-comments, t05).
_IDS = re.compile(r"'([^'\s]+)'|„([^”\s]+)”|(?<![\w-])([A-Za-z][\w]*[-_0-9][\w-]*)(?![\w-])")
#: Space above and below a matrix row's words, and under the last row (the footer's).
_ROW_PADDING = 3.0
_MATRIX_BOTTOM = 30.0
_COLORS = {Severity.ERROR: RED, Severity.WARNING: RED, Severity.INFO: AMBER}


def build_deck(
    result: CheckResult, before: CheckResult | None = None, *, limits: RenderLimits | None = None
) -> bytes:
    """The deck's PDF bytes; the same input gives the same bytes.

    Raises :class:`raci.diagrams.EngineMissingError` without Graphviz's ``dot`` and
    :class:`~raci.workshop.slides.fonts.FontMissingError` without a font with Polish letters.
    """
    from raci.workshop.suggest import suggest

    org = result.org
    pages = Pages(
        find_font(), gettext("%(organization)s: social media ownership") % {"organization": org.organization}
    )
    pages.footer = f"{org.organization} · {Path(org.source).name} · raci {__version__}"
    deck = _Deck(result, pages, limits or RenderLimits())
    fixes = suggest(result).suggestions if result.findings else ()
    deck.title_page()
    for status in result.scorecard.principles:
        if status.status == FAIL:
            deck.principle_page(status.principle.number, status.rules, fixes)
    deck.raci_page(fixes)
    if not result.findings:
        deck.owners_page()
    deck.ownership_page()
    deck.matrix_pages()
    deck.workload_page()
    deck.waived_page()
    if before is not None:
        deck.changes_page(before)
    return pages.finish()


class _Deck:
    def __init__(self, result: CheckResult, pages: Pages, limits: RenderLimits) -> None:
        self.result = result
        self.org = result.org
        self.pages = pages
        self.limits = limits

    @cached_property
    def over_capacity(self) -> dict[str, tuple[float, float]]:
        return self.result.workload.over(self.org)

    def pdf(self, source: str) -> bytes:
        return render_source(source, "pdf", limits=self.limits)

    # --- the title and scorecard ----------------------------------------------------------

    def title_page(self) -> None:
        org, result, pages = self.org, self.result, self.pages
        counts = result.counts()
        words = [s.counted(counts[s]) for s in _SEVERITIES if counts[s]]
        summary = " · ".join(words) if words else gettext("no findings: every rule passes")
        waived = len(result.waived)
        if waived:
            summary += " · " + gettext("%(count)d waived (see “Waived findings”)") % {"count": waived}
        y = pages.page(
            org.organization,
            " · ".join(
                (
                    gettext("Social media ownership"),
                    departments_count(len(org.departments)),
                    tasks_count(len(org.tasks)),
                    summary,
                )
            ),
        )
        card = result.scorecard
        held = (
            gettext("%(passed)d of %(total)d principles hold")
            % {"passed": card.passed, "total": len(card.principles)}
            if card.applicable
            else gettext("Principles not applicable: no social media task")
        )
        y -= pages.paragraph(f"<b>{text(held)}</b>", MARGIN, y, 600, 20) + 10
        marks = {status: (gettext(word), color) for status, (word, color) in _STATUS_MARKS.items()}
        # The status words' column: as wide as the widest word of this language needs.
        mark_width = max(80.0, *(pages.width_of(word, 16, bold=True) + 6 for word, _ in marks.values()))
        for status in card.principles:
            word, color = marks.get(status.status, (gettext("not checked"), MUTED))
            principle = status.principle
            pages.paragraph(f"<b>{text(word)}</b>", MARGIN, y, mark_width, 16, color)
            found = " · " + _findings(status.findings) if status.findings else ""
            heading = gettext("%(number)d. Not “%(misconception)s”") % {
                "number": principle.number,
                "misconception": principle.misconception,
            }
            height = pages.paragraph(
                f"<b>{text(heading)}</b>{text(found)}<br/>"
                f'<font color="{MUTED}">{text(principle.truth)}</font>',
                MARGIN + mark_width + 10,
                y,
                WIDTH - 2 * MARGIN - mark_width - 10,
                14,
            )
            y -= height + 12

    # --- a failing principle --------------------------------------------------------------

    def principle_page(self, number: int, rules: tuple[str, ...], fixes: tuple[Suggestion, ...]) -> None:
        from raci.model.principles import PRINCIPLES_BY_NUMBER

        principle = PRINCIPLES_BY_NUMBER[number]
        findings = [f for f in self.result.findings if f.code in rules]
        self.gaps_pages(
            gettext("Principle %(number)d fails: not “%(misconception)s”")
            % {"number": number, "misconception": principle.misconception},
            principle.truth,
            findings,
            fixes,
        )

    def raci_page(self, fixes: tuple[Suggestion, ...]) -> None:
        principled = {code for s in self.result.scorecard.principles for code in s.rules}
        findings = [f for f in self.result.findings if f.code not in principled]
        if findings:
            self.gaps_pages(
                gettext("Classic RACI gaps"),
                gettext("One Accountable per task, someone Responsible, no idle or overloaded department."),
                findings,
                fixes,
            )

    def gaps_pages(
        self, title: str, subtitle: str, findings: list[Finding], fixes: tuple[Suggestion, ...]
    ) -> None:
        from raci.diagrams.gaps_focus import build_pages

        focused = replace(self.result, findings=tuple(findings))
        drawings = build_pages(self.org, focused, ViewOptions(detail=FOCUS), bare=True)
        wanted = {_key(f) for f in findings}
        mine = [s for s in fixes if any(_key(f) in wanted for f in s.resolved)]
        entries = [
            (f"<b>{text(f.code)}</b> {text(self.finding_text(f))}", _COLORS[f.severity]) for f in findings
        ]
        fix_lines = self._gaps_fix_lines(findings, mine)
        # A few findings read from the back of the room; many (or long ones, as Polish
        # sentences are) need the smaller size.
        size = 12 if len(findings) <= 3 and len(mine) <= 3 else 10
        column_top = self.pages.content_top(_numbered(title, 1, len(drawings)), subtitle)
        if (
            self.words_height(entries + fix_lines, (WIDTH - 2 * MARGIN) * _TEXT_SHARES[-1], size)
            > column_top - 34
        ):
            size = 10
        for index, drawing in enumerate(drawings, 1):
            pages = self.pages
            top = pages.page(_numbered(title, index, len(drawings)), subtitle, RED)
            picture = self.pdf(drawing.source)
            if index > 1:
                pages.picture(picture, MARGIN, 64, WIDTH - 2 * MARGIN, top - 64, _GAPS_SCALE)
                pages.paragraph(_legend(), MARGIN, 56, WIDTH - 2 * MARGIN, 9, MUTED)
                continue
            self._first_gaps_page(picture, findings, entries, fix_lines, size, top)

    def _gaps_fix_lines(self, findings: list[Finding], mine: list[Suggestion]) -> list[tuple[str, str]]:
        """The fixes found for these findings, else their rules' hints, else a line saying none."""
        fix_lines = [(f"• {text(self.fix_text(s))}", TEXT) for s in mine]
        if not fix_lines:
            hints = dict.fromkeys(self.hint_text(f) for f in findings if f.hint)
            fix_lines = [(f"• {text(hint)}", TEXT) for hint in hints]
        return fix_lines or [(text(gettext("No change found that clears these.")), MUTED)]

    def _first_gaps_page(
        self,
        picture: bytes,
        findings: list[Finding],
        entries: list[tuple[str, str]],
        fix_lines: list[tuple[str, str]],
        size: float,
        top: float,
    ) -> None:
        """The drawing with the findings and fixes laid out beside or under it."""
        pages = self.pages
        layout = self.gaps_layout(picture_size(picture), entries, fix_lines, size, top)
        pages.picture(picture, *layout.picture, _GAPS_SCALE)
        pages.paragraph(_legend(), MARGIN, 56, layout.picture[2], 9, MUTED)
        x, width, column_top, bottom = layout.findings
        y = column_top - pages.paragraph(_bold(gettext("Findings")), x, column_top, width, 14)
        y = pages.items(entries, x, y - 4, width, bottom, size, more=lambda start: _rest(findings[start:]))
        x, width, column_top, bottom = layout.fixes
        # Fixes with no place of their own follow the findings.
        y = y - 6 if column_top < 0 else column_top
        y -= pages.paragraph(_bold(gettext("Fixes")), x, y, width, 14)
        pages.items(fix_lines, x, y - 4, width, bottom, size)

    def gaps_layout(
        self,
        natural: tuple[float, float],
        entries: list[tuple[str, str]],
        fix_lines: list[tuple[str, str]],
        size: float,
        top: float,
    ) -> _GapsLayout:
        """Where the drawing and the words go, whichever draws it largest: the words in the
        narrowest column beside the drawing that holds them; the findings beside it and the
        fixes under it; or all the words under a wide drawing."""
        usable, bottom = WIDTH - 2 * MARGIN, 64.0
        natural_width, natural_height = max(natural[0], 1.0), max(natural[1], 1.0)

        def scale(box: tuple[float, float, float, float]) -> float:
            return min(box[2] / natural_width, box[3] / natural_height, _GAPS_SCALE)

        def column(lines: list[tuple[str, str]], room: float) -> float:
            """The narrowest share of the width that holds these lines in ``room``."""
            for share in _TEXT_SHARES:
                if self.words_height(lines, usable * share, size) <= room:
                    return usable * share
            return usable * _TEXT_SHARES[-1]

        candidates = []
        # Beside: findings then fixes in one column on the right.
        width = column(entries + fix_lines, top - 34)
        x = WIDTH - MARGIN - width
        fixes_room = max(34 + self.words_height(fix_lines, width, size), HEIGHT * 0.25)
        if self.words_height(entries + fix_lines, width, size) > top - 34:
            # Not room for both: the findings keep at least the column's upper half.
            fixes_room = min(fixes_room, 34 + (top - 34) / 2)
        box = (MARGIN, bottom, usable - width - 14, top - bottom)
        candidates.append(_GapsLayout(box, (x, width, top, fixes_room), (x, width, -1, 34), scale(box)))
        # Findings beside, fixes under the drawing.
        width = column(entries, top - 34)
        x = WIDTH - MARGIN - width
        under = self.words_height(fix_lines, usable - width - 14, size)
        box = (MARGIN, bottom + under + 12, usable - width - 14, top - bottom - under - 12)
        if box[3] >= 120:
            fixes = (MARGIN, box[2], bottom + under, bottom)
            candidates.append(_GapsLayout(box, (x, width, top, 34), fixes, scale(box)))
        # Everything under a wide drawing, in two columns.
        half = (usable - 24) / 2
        under = max(self.words_height(entries, half, size), self.words_height(fix_lines, half, size))
        box = (MARGIN, bottom + under + 12, usable, top - bottom - under - 12)
        if box[3] >= 120:
            words_top = bottom + under
            findings_column = (MARGIN, half, words_top, bottom)
            fixes_column = (MARGIN + half + 24, half, words_top, bottom)
            candidates.append(_GapsLayout(box, findings_column, fixes_column, scale(box)))
        # Ties go to the first: a layout must draw clearly larger to win.
        best = candidates[0]
        for candidate in candidates[1:]:
            if candidate.scale > best.scale * 1.05:
                best = candidate
        return best

    def words_height(self, entries: list[tuple[str, str]], width: float, size: float) -> float:
        return sum(self.pages.height_of(markup, width, size) + size * 0.4 for markup, _ in entries) + 24

    def finding_text(self, finding: Finding, org: Organization | None = None) -> str:
        """The finding's message with the org's names for the ids it quotes, so the room can
        match it to the boxes of the drawing (which show names); ``org``: the one the finding
        was made on, when not this deck's (the version before the workshop)."""
        org = org or self.org

        def name(match: re.Match[str]) -> str:
            word = match.group(1) or match.group(2) or match.group(3)
            if word in org.tasks:
                return _quoted(org.task_label(word))
            if word in org.departments:
                return org.department_label(word)
            return match.group(0)

        return _IDS.sub(name, finding.message)

    def hint_text(self, finding: Finding) -> str:
        """The finding's hint; for a department past its capacity, in its own numbers."""
        org, work = self.org, self.result.workload
        dept_id = finding.department
        over = self.over_capacity.get(dept_id) if dept_id is not None else None
        if finding.code != "RACI006" or dept_id is None or over is None:
            return self.finding_text(replace(finding, message=finding.hint or ""))
        load, capacity = over
        shares = sorted(
            ((work.splits.get(t, {}).get(dept_id, 0.0), t) for t in work.tasks.get(dept_id, [])), reverse=True
        )
        values = {
            "department": org.department_label(dept_id),
            "load": number(load),
            "capacity": number(capacity),
            "excess": number(load - capacity),
        }
        if not shares:
            return (
                gettext(
                    "%(department)s has %(load)s h of work a week against %(capacity)s h: raise its"
                    " capacity_hours to %(load)s, lower the effort of its tasks by %(excess)s h, or move R"
                    " to another department"
                )
                % values
            )
        values.update(task=org.task_label(shares[0][1]), share=number(shares[0][0]))
        return (
            gettext(
                "%(department)s has %(load)s h of work a week against %(capacity)s h: raise its"
                " capacity_hours to %(load)s, lower the effort of its tasks by %(excess)s h, or move R"
                " on “%(task)s” (%(share)s h of its load) to another department"
            )
            % values
        )

    def fix_text(self, suggestion: Suggestion) -> str:
        return "; ".join(self.operation_text(op) for op in suggestion.operations)

    def operation_text(self, op: Operation) -> str:
        from raci.workshop.suggest import AddTask, SetField, SetLetters

        org = self.org
        if isinstance(op, SetLetters):
            task = org.tasks.get(op.task)
            held = task.raci.get(op.department) if task is not None else None
            return gettext("%(department)s: %(old)s → %(new)s on “%(task)s”") % {
                "department": org.department_label(op.department),
                "old": format_letters(frozenset(held)) if held else gettext("nothing"),
                "new": format_letters(op.letters) or gettext("nothing"),
                "task": org.task_label(op.task),
            }
        if isinstance(op, SetField):
            return gettext("“%(task)s”: set %(field)s to %(value)s") % {
                "task": org.task_label(op.task),
                "field": op.field,
                "value": op.value,
            }
        if isinstance(op, AddTask):
            owners = ", ".join(f"{org.department_label(d)} {format_letters(held)}" for d, held in op.raci)
            return gettext("add the %(activity)s task “%(name)s” (%(owners)s)") % {
                "activity": op.activity.label.partition(" (")[0],
                "name": op.name,
                "owners": owners,
            }
        return str(op)

    def owners_page(self) -> None:
        """A clean org still gets its picture: who is Accountable and Responsible for what."""
        from raci.diagrams.gaps_focus import build_pages

        drawings = build_pages(self.org, self.result, ViewOptions(detail=FOCUS), bare=True)
        for index, drawing in enumerate(drawings, 1):
            top = self.pages.page(
                _numbered(gettext("Who owns the work"), index, len(drawings)),
                gettext(
                    "Every rule passes. Lines: thick Accountable, thin Responsible"
                    " (C and I are counted in the boxes)."
                ),
                GREEN,
            )
            self.pages.picture(self.pdf(drawing.source), MARGIN, 30, WIDTH - 2 * MARGIN, top - 30)

    # --- whole-org pictures ---------------------------------------------------------------

    def diagram_page(self, view: str, title: str, subtitle: str) -> None:
        from raci.diagrams.api import diagram

        graph = diagram(self.org, self.result, view=view)
        top = self.pages.page(title, subtitle)
        self.pages.picture(self.pdf(graph.source), MARGIN, 30, WIDTH - 2 * MARGIN, top - 30)

    # --- the ownership grid ---------------------------------------------------------------

    def ownership_page(self) -> None:
        """Functions down the side, activities across, drawn at the page's size: the strongest
        letter per cell, cells the article requires outlined, gaps red with what they need."""
        from raci.diagrams.gapmap import build_gap_map

        result, pages = self.result, self.pages
        card = result.scorecard
        top = pages.page(
            gettext("Who owns what: functions \u00d7 activities"),
            gettext(
                "The letters each function holds per activity; outlined: the article requires an owner;"
                " red: a required owner is missing."
            ),
        )
        gaps = build_gap_map(result)
        head_width = 150.0
        column = (WIDTH - 2 * MARGIN - head_width) / max(1, len(card.activities))
        header = self.ownership_headings(MARGIN + head_width, top, column)
        key_rows = self.ownership_key_rows()
        bottom = 64.0 + _KEY_ROW * (len(key_rows) - 1)
        row = min(72.0, (top - header - bottom) / max(1, len(card.functions)))
        y = top - header
        for function in card.functions:
            count = len(result.graph.departments_by_function.get(function, []))
            pages.box(MARGIN, y - row + 2, head_width - 4, row - 4, style.function_fill(function))
            # Many functions make short rows: a smaller name, so both lines stay in the box.
            size = 13.0 if row >= 44 else 10.0
            label = (
                f"<b>{text(function.label)}</b><br/>"
                f'<font size="{size - 2:g}" color="{MUTED}">{text(departments_count(count))}</font>'
            )
            used = pages.height_of(label, head_width - 16, size)
            pages.paragraph(label, MARGIN + 8, y - row / 2 + used / 2, head_width - 16, size)
            for index, activity in enumerate(card.activities):
                self.ownership_cell(
                    card.cells[(function, activity)],
                    gaps,
                    MARGIN + head_width + column * index,
                    y,
                    column,
                    row,
                )
            y -= row
        self.ownership_key(key_rows, y - 8)

    def ownership_headings(self, left: float, top: float, column: float) -> float:
        """The activities across the top, each word whole on one line (a long word makes them
        all smaller); returns the height they take, at least 52 pt."""
        result, pages = self.result, self.pages
        headings = []
        for activity in result.scorecard.activities:
            word, _, gloss = activity.label.partition(" (")
            count = len(result.graph.tasks_by_activity.get(activity, []))
            tasks = tasks_count(count) if count else gettext("no task")
            gloss_line = f"({text(gloss)}<br/>" if gloss else ""
            small = f'<font size="9" color="{MUTED}">{gloss_line}{text(tasks)}</font>'
            headings.append((word, small))
        widest = max(
            (pages.width_of(w, 11, bold=True) for word, _ in headings for w in word.split()), default=1.0
        )
        size = min(11.0, int(22 * (column - 6) / widest) / 2)
        tallest = 0.0
        for index, (word, small) in enumerate(headings):
            tallest = max(
                tallest,
                pages.paragraph(
                    f"<b>{text(word)}</b><br/>{small}",
                    left + column * index + 2,
                    top,
                    column - 4,
                    size,
                    align="center",
                ),
            )
        return max(52.0, tallest + 8)

    def ownership_cell(
        self, cell: Cell, gaps: GapMap, left: float, top: float, width: float, height: float
    ) -> None:
        from raci.diagrams.ownership_view import cell_gap

        pages = self.pages
        letters = format_letters(cell.letters) if cell.letters else ""
        x, y, w, h = left + 2, top - height + 2, width - 4, height - 4
        gap = cell_gap(cell, gaps, self.result)
        if gap is not None:
            flag, need = gap
            pages.box(x, y, w, h, style.GAP_FILL, style.GAP, line=2.5)
            markup, size = _fit_gap_note(pages, letters, need, flag.codes, w - 4, h - 4)
            used = pages.height_of(markup, w - 4, size, align="center")
            pages.paragraph(markup, x + 2, y + h / 2 + used / 2, w - 4, size, RED, align="center")
            return
        strongest = style.strongest(cell.letters)
        if strongest is None:
            pages.box(
                x, y, w, h, "#fafbfc", TEXT if cell.required else "#e4e7eb", line=2 if cell.required else 1
            )
            return
        look = style.LETTER_STYLES[strongest]
        pages.box(x, y, w, h, look.fill, TEXT if cell.required else None, line=2.5)
        size = min(18.0, 18.0 * (w - 8) / max(1.0, pages.width_of(letters, 18)))
        pages.centred(letters, x + w / 2, y + h / 2 - size / 3, size, look.ink)

    def ownership_key_rows(self) -> list[list[tuple[float, str, str | None, str]]]:
        """The grid's key: (x, fill, outline, words) swatches in as many rows as the width needs."""
        pages = self.pages
        swatches: list[tuple[str, str | None, str]] = [
            (style.LETTER_STYLES[letter].fill, None, gettext(_LETTER_KEYS[letter]))
            for letter in style.STRENGTH
        ]
        swatches += [
            ("#ffffff", TEXT, gettext("required by the article")),
            (style.GAP_FILL, style.GAP, gettext("required, no owner")),
        ]
        rows: list[list[tuple[float, str, str | None, str]]] = [[]]
        x = MARGIN
        for fill, stroke, words in swatches:
            width = 28 + pages.width_of(words, 11)
            if rows[-1] and x + width > WIDTH - MARGIN:
                rows.append([])
                x = MARGIN
            rows[-1].append((x, fill, stroke, words))
            x += width + 6
        return rows

    def ownership_key(self, rows: list[list[tuple[float, str, str | None, str]]], top: float) -> None:
        pages = self.pages
        for row in rows:
            for x, fill, stroke, words in row:
                pages.box(x, top - 14, 22, 14, fill, stroke or fill, line=2 if stroke else 1)
                pages.paragraph(text(words), x + 28, top - 1, 160, 11, MUTED)
            top -= _KEY_ROW

    # --- the matrix -----------------------------------------------------------------------

    def matrix_pages(self) -> None:
        org, pages = self.org, self.pages
        tasks = list(org.tasks)
        departments = list(org.departments)
        flagged: dict[str, list[Finding]] = {}
        for finding in self.result.findings:
            if finding.task in org.tasks:
                flagged.setdefault(finding.task, []).append(finding)
        layout = _MatrixLayout.fit(len(departments))
        size, cell = layout.size, layout.cell
        labels = [org.department_label(d) for d in departments]
        header = pages.headings_height(labels, size)
        title = gettext("The RACI matrix")
        subtitle = f"{tasks_count(len(tasks))} \u00d7 {departments_count(len(departments))}"
        # Measured with the longest title a page may get.
        room = pages.content_top(_numbered(title, 2, 2), subtitle) - header - 6 - _MATRIX_BOTTOM
        rows = [self.matrix_row(task_id, flagged.get(task_id, []), layout) for task_id in tasks]
        chunks = _paginate(rows, room)
        for index, chunk in enumerate(chunks, 1):
            top = pages.page(_numbered(title, index, len(chunks)), subtitle)
            pages.vertical_headings(labels, MARGIN + layout.name_width, top, cell, size)
            codes_left = MARGIN + layout.name_width + cell * len(departments) + 4
            findings = _bold(gettext("Findings"))
            pages.paragraph(findings, codes_left, top - header + 14, layout.codes_width - 4, size - 1)
            y = top - header - 6
            # Bands first, words after: no band can cover the words of the row above it.
            band = y
            for row_number, row in enumerate(chunk):
                if row_number % 2 == 0:
                    pages.box(MARGIN, band - row.height, WIDTH - 2 * MARGIN, row.height, "#eef2f6", radius=0)
                band -= row.height
            for row in chunk:
                self.draw_matrix_row(row, departments, layout, y)
                y -= row.height

    def matrix_row(self, task_id: str, findings: list[Finding], layout: _MatrixLayout) -> _MatrixRow:
        """One task's row, measured: its full name wraps (never cut) in the name column."""
        pages = self.pages
        codes = " ".join(sorted({f.code for f in findings}))
        worst = max((f.severity for f in findings), default=None)
        name = text(self.org.task_label(task_id))
        used = max(
            pages.height_of(name, layout.name_width - 8, layout.size),
            pages.height_of(text(codes), layout.codes_width - 4, layout.size - 1) if codes else 0.0,
        )
        height = used + _ROW_PADDING * 2
        return _MatrixRow(task_id, name, codes, _COLORS[worst] if worst is not None else TEXT, height)

    def draw_matrix_row(
        self, row: _MatrixRow, departments: list[str], layout: _MatrixLayout, y: float
    ) -> None:
        pages, size, cell = self.pages, layout.size, layout.cell
        pages.paragraph(row.name, MARGIN + 4, y - _ROW_PADDING, layout.name_width - 8, size, row.color)
        x = MARGIN + layout.name_width
        raci = self.org.tasks[row.task].raci
        # Letters on the baseline of the name's first line.
        baseline = y - _ROW_PADDING - size
        for dept_id in departments:
            letters = raci.get(dept_id)
            if letters:
                pages.centred(format_letters(frozenset(letters)), x + cell / 2, baseline, size)
            x += cell
        if row.codes:
            pages.paragraph(
                text(row.codes), x + 4, y - _ROW_PADDING, layout.codes_width - 4, size - 1, row.color
            )

    # --- workload -------------------------------------------------------------------------

    def workload_page(self) -> None:
        """Each department's weekly hours (its share of the tasks it does) against its
        capacity, and its Accountable count: the numbers of the workload view, as a table."""
        from raci.diagrams.gapmap import build_gap_map
        from raci.diagrams.gaps_view import functions_in_order

        org, result, pages = self.org, self.result, self.pages
        graph, work = result.graph, result.workload
        gaps = build_gap_map(result)
        departments = [
            d
            for f in functions_in_order(graph.departments_by_function)
            for d in graph.departments_by_function[f]
        ]
        capacities = [org.departments[d].capacity_hours for d in departments]
        known = [c for c in capacities if c is not None]
        parts = [gettext("Hours a week: each task's hours shared among the departments that do it")]
        if known and len(known) == len(departments):
            parts.append(
                gettext("%(total)s h in all, capacity %(capacity)s h")
                % {"total": number(work.total), "capacity": number(sum(known))}
            )
        else:
            parts.append(gettext("%(total)s h in all") % {"total": number(work.total)})
        if work.unassigned:
            parts.append(
                gettext("%(hours)s h on tasks with no Responsible") % {"hours": number(work.unassigned)}
            )
        top = pages.page(gettext("Workload"), " · ".join(parts))
        biggest = max([1.0, *work.hours.values(), *known])
        panels = 2 if len(departments) > 10 else 1
        per_panel = -(-len(departments) // panels) if departments else 0
        width = (WIDTH - 2 * MARGIN - 24 * (panels - 1)) / panels
        row = min(40.0, (top - 40) / max(1, per_panel))
        columns = self._workload_columns(departments, width)
        for panel in range(panels):
            left = MARGIN + panel * (width + 24)
            y = top
            for dept_id in departments[panel * per_panel : (panel + 1) * per_panel]:
                used = self._workload_row(dept_id, left, y, columns, biggest, gaps.departments.get(dept_id))
                y -= max(row, used + 8)

    def _accountable_words(self, dept_id: str) -> str:
        """ "A on 3 tasks": how many tasks the department is Accountable for."""
        count = sum(1 for held in self.result.graph.tasks_of(dept_id).values() if Letter.ACCOUNTABLE in held)
        return ngettext("A on %(count)d task", "A on %(count)d tasks", count) % {"count": count}

    def _workload_columns(self, departments: list[str], width: float) -> tuple[float, float, float, float]:
        """The widths of a row's name, bar, hours and A count; an A count wider than its
        column (longer words, as Polish ones) takes its room from the bar rather than wrap."""
        name, bar, hours = width * 0.32, width * 0.28, width * 0.22
        counts = width - name - bar - hours
        widest = max((self.pages.width_of(self._accountable_words(d), 10) for d in departments), default=0.0)
        extra = min(max(0.0, widest + 4 - counts), bar * 0.4)
        return name, bar - extra, hours, counts + extra

    def _workload_row(
        self,
        dept_id: str,
        left: float,
        top: float,
        columns: tuple[float, float, float, float],
        biggest: float,
        flag: Flag | None,
    ) -> float:
        """One department's row; returns the height its words took."""
        org, pages = self.org, self.pages
        load = self.result.workload.hours.get(dept_id, 0.0)
        capacity = org.departments[dept_id].capacity_hours
        over = capacity is not None and load > capacity
        name_width, bar_width, hours_width, counts_width = columns
        bar_left = left + name_width
        used = self._workload_name(dept_id, left, top, name_width, flag)
        # RACI006 says "over capacity", "too many A's" or both: a second finding is the A's.
        overloads = sum(1 for f in self.result.findings if f.code == "RACI006" and f.department == dept_id)
        a_flagged = overloads > (1 if dept_id in self.over_capacity else 0)
        self._workload_bar(bar_left, top - 13, load, capacity, (bar_width - 8) / biggest)
        hours = (
            gettext("%(load)s h of %(capacity)s h") % {"load": number(load), "capacity": number(capacity)}
            if capacity is not None
            else gettext("%(load)s h (no capacity)") % {"load": number(load)}
        )
        pages.paragraph(
            f"<b>{text(hours)}</b>" if over else text(hours),
            bar_left + bar_width,
            top - 2,
            hours_width,
            10,
            RED if over else TEXT,
        )
        pages.paragraph(
            text(self._accountable_words(dept_id)),
            bar_left + bar_width + hours_width,
            top - 2,
            counts_width,
            10,
            RED if a_flagged else TEXT,
        )
        return used

    def _workload_name(self, dept_id: str, left: float, top: float, width: float, flag: Flag | None) -> float:
        """The department's name, and under it its gaps in red; returns the height they took."""
        pages = self.pages
        color = RED if flag is not None else TEXT
        used = pages.paragraph(
            f"<b>{text(self.org.department_label(dept_id))}</b>", left, top - 2, width - 6, 11, color
        )
        if flag is not None:
            notes = " · ".join(note_lines(flag))
            used += pages.paragraph(text(notes), left, top - 2 - used, width - 6, 8, RED)
        return used

    def _workload_bar(
        self, left: float, bottom: float, load: float, capacity: float | None, scale: float
    ) -> None:
        """Capacity in grey, the load up to it in blue, and any load past it in red."""
        pages = self.pages
        if capacity is not None:
            pages.bar(left, bottom, capacity * scale, "#e4e7eb")
        pages.bar(left, bottom, min(load, capacity if capacity is not None else load) * scale, "#4a90d9")
        if capacity is not None and load > capacity:
            pages.bar(left + capacity * scale, bottom, (load - capacity) * scale, RED)

    # --- waived findings ------------------------------------------------------------------

    def waived_page(self) -> None:
        """The findings the team accepted (``waive:`` entries), with their reasons."""
        waived = self.result.waived
        if not waived:
            return
        org, pages = self.org, self.pages
        top = pages.page(
            gettext("Waived findings"),
            ngettext(
                "%(count)d finding the team accepts: not counted, worth a look again",
                "%(count)d findings the team accepts: not counted, worth a look again",
                len(waived),
            )
            % {"count": len(waived)},
        )
        entries = []
        for finding in waived:
            if finding.task is not None and finding.task in org.tasks:
                where = gettext("task “%(task)s”") % {"task": org.task_label(finding.task)}
            elif finding.department is not None and finding.department in org.departments:
                where = gettext("department %(department)s") % {
                    "department": org.department_label(finding.department)
                }
            else:
                where = gettext("the organisation")
            if finding.line is not None:
                where = gettext("%(where)s, line %(line)d") % {"where": where, "line": finding.line}
            head = gettext("<b>%(code)s</b> on %(where)s: %(message)s") % {
                "code": text(finding.code),
                "where": text(where),
                "message": text(self.finding_text(finding)),
            }
            reason = gettext("Reason: %(reason)s") % {"reason": finding.waiver or ""}
            entries.append((f'{head}<br/><font color="{MUTED}">{text(reason)}</font>', TEXT))
        pages.items(entries, MARGIN, top, WIDTH - 2 * MARGIN, 34, 12)

    # --- before and after -----------------------------------------------------------------

    def changes_page(self, before: CheckResult) -> None:
        from raci.workshop.diff import diff

        changes = diff(before, self.result)
        pages = self.pages
        resolved, introduced = len(changes.resolved), len(changes.introduced)
        top = pages.page(
            gettext("What changed in the workshop"),
            " · ".join(
                (
                    gettext("Before: %(before)s") % {"before": Path(before.org.source).name},
                    gettext("after: %(after)s") % {"after": Path(self.org.source).name},
                    ngettext("%(count)d finding resolved", "%(count)d findings resolved", resolved)
                    % {"count": resolved}
                    + ", "
                    + ngettext("%(count)d new", "%(count)d new", introduced) % {"count": introduced},
                )
            ),
        )
        half = (WIDTH - 2 * MARGIN - 20) / 2
        y = pages.paragraph(_bold(gettext("Changes")), MARGIN, top, half, 14)
        left = _change_lines(changes) or [(text(gettext("No assignment changed.")), MUTED)]
        pages.items(left, MARGIN, top - y - 4, half, 34, 10)
        right = [
            (
                gettext("<b>resolved %(code)s</b> %(message)s")
                % _markup(code=f.code, message=self.finding_text(f, before.org)),
                GREEN,
            )
            for f in changes.resolved
        ]
        right += [
            (
                gettext("<b>new %(code)s</b> %(message)s")
                % _markup(code=f.code, message=self.finding_text(f)),
                RED,
            )
            for f in changes.introduced
        ]
        x = MARGIN + half + 20
        y = pages.paragraph(_bold(gettext("Findings")), x, top, half, 14)
        right = right or [(text(gettext("No finding resolved or added.")), MUTED)]
        pages.items(right, x, top - y - 4, half, 34, 10)


def _change_lines(changes: OrgDiff) -> list[tuple[str, str]]:
    """The changes column: principles that changed, letters moved, tasks and departments."""
    lines = [
        (
            gettext("<b>Principle %(number)d</b> %(misconception)s: %(old)s → <b>%(new)s</b>")
            % _markup(
                number=p.number,
                misconception=p.misconception,
                old=_status_word(p.old),
                new=_status_word(p.new),
            ),
            GREEN if p.new == PASS else RED,
        )
        for p in changes.principles
        if p.changed
    ]
    nothing = gettext("nothing")
    lines += [
        (
            gettext("%(department)s on “%(task)s”: %(old)s → <b>%(new)s</b>")
            % _markup(
                department=c.department_label,
                task=c.task_label,
                old=c.old_letters or nothing,
                new=c.new_letters or nothing,
            ),
            TEXT,
        )
        for c in changes.assignments
    ]
    lines += [(text(gettext(_TASK_CHANGES[c.change]) % {"label": c.label}), TEXT) for c in changes.tasks]
    lines += [
        (text(gettext(_DEPARTMENT_CHANGES[c.change]) % {"label": c.label}), TEXT) for c in changes.departments
    ]
    return lines


def _legend() -> str:
    """What the lines and boxes of a gaps drawing mean (the deck's drawings have no legend)."""
    colors = {"red": RED, "amber": AMBER}
    lines = gettext(
        "Lines: <b>thick</b> Accountable, <b>thin</b> Responsible (C and I are counted in the boxes), "
        '<font color="%(red)s"><b>red dashed</b></font> should own it.'
    )
    boxes = gettext(
        '<font color="%(red)s">Red</font> boxes: errors and warnings; '
        '<font color="%(amber)s">amber</font>: hints.'
    )
    return f"{lines % colors} {boxes % colors}"


_SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)
#: The height of a row of the ownership grid's key.
_KEY_ROW = 18.0
#: The scorecard's marks: the word (read through gettext) and its colour.
_STATUS_MARKS = {PASS: (N_("PASS"), GREEN), FAIL: (N_("FAIL"), RED), NOT_APPLICABLE: (N_("N/A"), MUTED)}
#: A principle's status as the changes page says it.
_STATUS_WORDS = {
    PASS: N_("pass"),
    FAIL: N_("fail"),
    NOT_APPLICABLE: N_("not applicable"),
    NOT_CHECKED: N_("not checked"),
}
#: The ownership grid's key: each letter and what it means.
_LETTER_KEYS = {
    Letter.ACCOUNTABLE: N_("A accountable"),
    Letter.RESPONSIBLE: N_("R responsible"),
    Letter.SUPPORT: N_("S support"),
    Letter.CONSULTED: N_("C consulted"),
    Letter.INFORMED: N_("I informed"),
}
#: A task or department added, removed or changed, by the diff's machine word.
_TASK_CHANGES = {
    ADDED: N_("added task “%(label)s”"),
    REMOVED: N_("removed task “%(label)s”"),
    CHANGED: N_("changed task “%(label)s”"),
}
_DEPARTMENT_CHANGES = {
    ADDED: N_("added department “%(label)s”"),
    REMOVED: N_("removed department “%(label)s”"),
    CHANGED: N_("changed department “%(label)s”"),
}


def _findings(count: int) -> str:
    return ngettext("%(count)d finding", "%(count)d findings", count) % {"count": count}


def _bold(words: str) -> str:
    return f"<b>{text(words)}</b>"


def _numbered(title: str, index: int, count: int) -> str:
    """A title with "(2 of 3)" when its content takes more than one page."""
    if count <= 1:
        return title
    return gettext("%(title)s (%(index)d of %(count)d)") % {"title": title, "index": index, "count": count}


def _quoted(name: str) -> str:
    """A task's name in the language's quotation marks."""
    return gettext("“%(name)s”") % {"name": inner_quotes(name)}


def _status_word(status: str) -> str:
    return gettext(_STATUS_WORDS[status]) if status in _STATUS_WORDS else status


def _markup(**values: object) -> dict[str, object]:
    """Values for a message holding markup: text escaped, numbers as they are."""
    return {key: text(value) if isinstance(value, str) else value for key, value in values.items()}


def _fit_gap_note(
    pages: Pages, letters: str, need: list[str], codes: list[str], width: float, height: float
) -> tuple[str, float]:
    """A gap cell's words at the largest size that fits the cell: the letters held, what is
    needed, the codes; codes go first when even the small size does not fit."""
    head = f"<b>{text(letters or '—')}</b>"
    needs = [text(n) for n in need]
    variants = [[head, *needs, text(" ".join(codes))], [head, *needs], needs]
    for lines in variants:
        for size in (13.0, 11.0, 10.0, 9.0):
            markup = "<br/>".join(lines)
            if pages.height_of(markup, width, size, align="center") <= height:
                return markup, size
    return "<br/>".join(needs), 8.0


def _key(finding: Finding) -> tuple[str, str | None, str | None, str | None, str | None]:
    from raci.workshop.diff import finding_key

    return finding_key(finding)


def _rest(findings: list[Finding]) -> str:
    """The findings a page has no room for, counted by code (so every code is on the page)."""
    counts = Counter(f.code for f in findings)
    codes = ", ".join(
        f"{code} \u00d7 {count}" if count > 1 else code for code, count in sorted(counts.items())
    )
    return ngettext("and %(count)d more: %(codes)s", "and %(count)d more: %(codes)s", len(findings)) % {
        "count": len(findings),
        "codes": codes,
    }


@dataclass(frozen=True)
class _GapsLayout:
    """A gaps page: the drawing's box (left, bottom, width, height); the findings' and the
    fixes' columns (left, width, top, bottom; a top below 0: right after the findings); the
    drawing's scale."""

    picture: tuple[float, float, float, float]
    findings: tuple[float, float, float, float]
    fixes: tuple[float, float, float, float]
    scale: float


@dataclass(frozen=True)
class _MatrixLayout:
    """The matrix's columns: task names take the width the departments leave."""

    cell: float
    size: float
    name_width: float
    #: The findings column, right of the cells; it starts 4 pt after them.
    codes_width: float = 120.0

    @classmethod
    def fit(cls, departments: int) -> _MatrixLayout:
        codes_width = 120.0
        usable = WIDTH - 2 * MARGIN - codes_width
        # At least 300 pt for names; columns between 30 and 60 pt.
        cell = max(30.0, min(60.0, (usable - 300.0) / max(1, departments)))
        size = 11.0 if departments <= 8 else 10.0
        return cls(cell, size, usable - cell * departments, codes_width)


@dataclass(frozen=True)
class _MatrixRow:
    task: str
    name: str
    codes: str
    color: str
    height: float


def _paginate(rows: list[_MatrixRow], room: float) -> list[list[_MatrixRow]]:
    """Rows in pages of at most MATRIX_ROWS whose heights fit ``room``."""
    chunks: list[list[_MatrixRow]] = [[]]
    used = 0.0
    for row in rows:
        if chunks[-1] and (used + row.height > room or len(chunks[-1]) == MATRIX_ROWS):
            chunks.append([])
            used = 0.0
        chunks[-1].append(row)
        used += row.height
    return chunks
