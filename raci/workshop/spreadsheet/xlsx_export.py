"""The RACI matrix as an Excel workbook, formatted to be read in a workshop.

Sheet "RACI" holds the matrix (the layout of :mod:`raci.workshop.spreadsheet.layout`) with a frozen
header, sized columns and one colour per letter; sheet "Findings" lists what `raci check`
found. Text a spreadsheet would run as a formula is stored as text with the quote prefix.
The same organisation gives byte-identical files: timestamps inside the package are fixed.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from raci.i18n import gettext as _
from raci.workshop.spreadsheet.escape import is_dangerous
from raci.workshop.spreadsheet.headings import (
    findings_headings,
    findings_sheet_name,
    function_word,
    matrix_sheet_name,
    row_label_texts,
    workload_headings,
    workload_sheet_name,
)
from raci.workshop.spreadsheet.layout import DEPT_NAME, Cell, Grid, build_grid, number

if TYPE_CHECKING:
    from raci.model.findings import Finding
    from raci.model.organization import Organization


#: Letter -> (fill, font colour); a cell takes the colour of its strongest letter.
LETTER_COLOURS = {
    "A": ("F8CBAD", "833C0B"),
    "R": ("C6EFCE", "006100"),
    "S": ("E2EFDA", "375623"),
    "C": ("FFEB9C", "7F6000"),
    "I": ("DDEBF7", "1F4E78"),
}
SEVERITY_COLOURS = {"error": "C00000", "warning": "BF8F00", "info": "2F75B5"}
_HEADER_FILL = "E7E6E6"
_FIXED_TIME = datetime(2000, 1, 1)
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_CORE_TIMES = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")


def export_xlsx(org: Organization, findings: Sequence[Finding] = ()) -> bytes:
    """The workbook as bytes: the matrix of ``org`` and, on a second sheet, ``findings``;
    sheet names, labels and headings in the current language."""
    from openpyxl import Workbook

    workbook = Workbook()
    matrix = workbook.active
    matrix.title = matrix_sheet_name()
    _write_matrix(matrix, org)
    _write_findings(workbook.create_sheet(findings_sheet_name()), findings)
    _write_workload(workbook.create_sheet(workload_sheet_name()), org)
    workbook.properties.creator = "raci"
    workbook.properties.created = _FIXED_TIME
    buffer = io.BytesIO()
    workbook.save(buffer)
    return _reproducible(buffer.getvalue())


def _write_matrix(sheet: Any, org: Organization) -> None:
    from openpyxl.utils import get_column_letter

    grid = build_grid(org)
    look = _MatrixLook(grid)
    first = grid.first_department_column
    for r, values in enumerate(grid.rows, start=1):
        for c, value in enumerate(values, start=1):
            if value is None:
                continue
            look.style(_put(sheet, r, c, value), r - 1, c - 1, values)
    _size_columns(sheet, grid.rows, first)
    header = grid.header_row + 1
    sheet.freeze_panes = f"C{header + 1}"
    if grid.rows[header - 1]:
        end = get_column_letter(len(grid.rows[header - 1]))
        sheet.auto_filter.ref = f"A{header}:{end}{max(header, len(grid.rows))}"


class _MatrixLook:
    """How the matrix sheet's cells look: bold labels, shaded headers, coloured letters."""

    def __init__(self, grid: Grid) -> None:
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

        self.grid = grid
        self.bold = Font(bold=True)
        self.header_fill = PatternFill("solid", fgColor=_HEADER_FILL)
        self.underline = Border(bottom=Side(style="medium"))
        self.centred = Alignment(horizontal="center", vertical="center")
        self.wrapped = Alignment(horizontal="center", vertical="center", wrap_text=True)
        self.letter_styles = {
            letter: (PatternFill("solid", fgColor=fill), Font(bold=True, color=font))
            for letter, (fill, font) in LETTER_COLOURS.items()
        }
        self.first = grid.first_department_column
        self.last = grid.first_department_column + grid.department_count
        self.name_label = row_label_texts()[DEPT_NAME]

    def style(self, cell: Any, index: int, column: int, values: list[Cell]) -> None:
        """Style the cell of row ``index`` and column ``column`` (both from 0)."""
        header_row, first = self.grid.header_row, self.first
        value = values[column]
        if index < header_row and column == 0:
            cell.font = self.bold
        elif index < header_row and first <= column < self.last:
            cell.fill = self.header_fill
            cell.alignment = self.wrapped if values[0] == self.name_label else self.centred
        elif index == header_row:
            cell.font = self.bold
            cell.fill = self.header_fill
            cell.border = self.underline
            if column >= first:
                cell.alignment = self.centred
        elif column >= first and isinstance(value, str):
            strongest = next((letter for letter in "ARSCI" if letter in value), None)
            if strongest is not None:
                cell.fill, cell.font = self.letter_styles[strongest]
            cell.alignment = self.centred


def _write_findings(sheet: Any, findings: Sequence[Finding]) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill

    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor=_HEADER_FILL)
    headings = findings_headings()
    for c, title in enumerate(headings, start=1):
        cell = sheet.cell(row=1, column=c, value=title)
        cell.font, cell.fill = bold, fill
    top = Alignment(vertical="top", wrap_text=True)
    severity_fonts = {name: Font(bold=True, color=colour) for name, colour in SEVERITY_COLOURS.items()}
    rows: list[list[Cell]] = []
    levels: list[str] = []
    for finding in findings:
        levels.append(finding.severity.value)
        row: list[Cell] = [
            finding.severity.label,
            finding.code,
            finding.task,
            finding.department,
            finding.message,
            finding.hint if finding.hint and finding.hint.lower() not in finding.message.lower() else None,
        ]
        rows.append(row)
    for r, values in enumerate(rows, start=2):
        for c, value in enumerate(values, start=1):
            if value is None:
                continue
            cell = _put(sheet, r, c, value)
            cell.alignment = top
            if c == 1:
                cell.font = severity_fonts.get(levels[r - 2], bold)
    from openpyxl.utils import get_column_letter

    from raci.model.severity import Severity

    # Wide enough for the headings and severity words of every language ("ostrzeżenie").
    word_width = max(len(level.label) for level in Severity) + 2
    for c, (width, title) in enumerate(zip((10, 10, 24, 18, 80, 50), headings, strict=True), start=1):
        sheet.column_dimensions[get_column_letter(c)].width = max(
            width, len(title) + 2, word_width if c == 1 else 0
        )
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:F{len(rows) + 1}"
    if not rows:
        sheet.cell(row=2, column=5, value=_("no findings"))


def _write_workload(sheet: Any, org: Organization) -> None:
    """Each department's share of the tasks' hours (:mod:`raci.model.effort`), and a total
    row that equals the sum of the tasks' effort_hours."""
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    from raci.model.effort import workload

    work = workload(org)
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor=_HEADER_FILL)
    headings = workload_headings()
    for c, title in enumerate(headings, start=1):
        cell = sheet.cell(row=1, column=c, value=title)
        cell.font, cell.fill = bold, fill
    rows: list[list[Cell]] = []
    for dept_id, dept in org.departments.items():
        hours, capacity = work.hours[dept_id], dept.capacity_hours
        over = number(round(hours - capacity, 6)) if capacity is not None and hours > capacity else None
        rows.append(
            [
                dept_id,
                dept.name,
                function_word(dept.function),
                number(hours),
                number(capacity),
                over,
                len(work.tasks[dept_id]),
            ]
        )
    if work.unassigned:
        rows.append(
            [
                # Translators: the Workload sheet's row of hours no department is R for.
                _("(nobody Responsible)"),
                None,
                None,
                number(work.unassigned),
                None,
                None,
                len(work.unassigned_tasks),
            ]
        )
    # Translators: the Workload sheet's last row, the sum of all tasks' hours.
    rows.append([_("total"), None, None, number(work.total), None, None, len(org.tasks)])
    for r, values in enumerate(rows, start=2):
        for c, value in enumerate(values, start=1):
            if value is not None:
                cell = _put(sheet, r, c, value)
                if r == len(rows) + 1:
                    cell.font = bold
    for c, (width, title) in enumerate(zip((18, 28, 18, 14, 10, 10, 8), headings, strict=True), start=1):
        sheet.column_dimensions[get_column_letter(c)].width = max(width, len(title) + 2)
    sheet.freeze_panes = "A2"


def _put(sheet: Any, row: int, column: int, value: Cell) -> Any:
    cell = sheet.cell(row=row, column=column)
    cell.value = value
    if isinstance(value, str) and is_dangerous(value):
        # Stored as text, shown as typed: Excel never evaluates it.
        cell.data_type = "s"
        cell.quotePrefix = True
    return cell


def _size_columns(sheet: Any, rows: list[list[Cell]], first: int) -> None:
    from openpyxl.utils import get_column_letter

    width = max((len(row) for row in rows), default=0)
    for column in range(width):
        texts = [str(row[column]) for row in rows if column < len(row) and row[column] is not None]
        longest = max((len(line) for text in texts for line in text.splitlines() or [""]), default=4)
        limit = 18 if column >= first else (28 if column == 0 else 48)
        sheet.column_dimensions[get_column_letter(column + 1)].width = max(6, min(limit, longest + 2))


def _reproducible(data: bytes) -> bytes:
    """The same package with fixed timestamps: openpyxl stamps the save time inside it."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = _CORE_TIMES.sub(rb"\g<1>2000-01-01T00:00:00Z\g<2>", content)
            fixed = zipfile.ZipInfo(info.filename, date_time=_ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o600 << 16
            target.writestr(fixed, content)
    return out.getvalue()
