"""Reading a sheet into rows of plain values, and naming its cells in problems.

CSV problems read ``matrix.csv:7:2: message`` (row 7, column 2); XLSX problems name the
cell as a spreadsheet does, ``matrix.xlsx:RACI!B7: message``, and keep row and column as
the line and column numbers for tools.
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
import re
from dataclasses import dataclass, field
from typing import Any

from raci.files import InputTooLargeError, read_bounded
from raci.i18n import gettext as _
from raci.model.errors import LoadError, Problem
from raci.model.text_safety import escape
from raci.workshop.spreadsheet.encoding import decode_bytes
from raci.workshop.spreadsheet.escape import restore
from raci.workshop.spreadsheet.headings import MATRIX_SHEET_NAMES
from raci.workshop.spreadsheet.wording import grouped, quote_word, warning_line

Value = str | int | float | None

MAX_BYTES = 32 * 1024 * 1024
MAX_ROWS = 250_000
MAX_COLUMNS = 5_000
#: Cells kept in memory (empty ones included, up to each row's last value): rows and columns
#: are bounded one by one, but 250,000 rows of 5,000 columns would not fit anywhere.
MAX_CELLS = 10_000_000
#: What the parts of an .xlsx (a zip) may add up to once unpacked: a zip bomb is refused
#: from its directory, before anything is inflated.
MAX_UNPACKED_BYTES = 512 * 1024 * 1024
XLSX_SUFFIXES = (".xlsx", ".xlsm")
CSV_SUFFIXES = (".csv", ".tsv", ".txt")
MARKDOWN_SUFFIXES = (".md", ".markdown")


@dataclass(frozen=True, order=True)
class CellProblem(Problem):
    """A :class:`Problem` in a workbook: printed with the cell's name, ``file:Sheet!B7: …``."""

    cell: str | None = None

    def __str__(self) -> str:
        if self.cell is None:
            return super().__str__()
        return f"{escape(self.source)}:{escape(self.cell)}: {escape(self.message)}"


@dataclass
class Sheet:
    """The cells of one sheet as plain values (``None`` for empty), row by row."""

    source: str
    rows: list[list[Value]]
    #: The worksheet's name for XLSX; ``None`` for CSV and Markdown.
    sheet: str | None = None
    notes: list[Problem] = field(default_factory=list)
    #: Whether numbers are written with a decimal comma ("37,5"): a CSV separated by ";" or
    #: tabs, as Excel saves it where the comma is the decimal sign (Poland, most of Europe).
    decimal_comma: bool = False
    #: When the rows were rearranged (a table cut out of a page, a transposed matrix turned
    #: round): 1-based (row, column) here -> (row, column) in the file, or (line, column)
    #: for Markdown. Empty: the rows are the file's.
    origin: dict[tuple[int, int], tuple[int, int]] = field(default_factory=dict)

    def cell_name(self, row: int, column: int) -> str | None:
        """``RACI!B7`` for XLSX (1-based row and column), ``None`` for CSV."""
        if self.sheet is None:
            return None
        return f"{_quote_sheet(self.sheet)}!{column_letter(column)}{row}"

    def in_file(self, row: int, column: int) -> tuple[int, int]:
        """Where (row, column) of these rows is in the file."""
        if not self.origin:
            return row, column
        hit = self.origin.get((row, column))
        if hit is not None:
            return hit
        same_row = [place for (r, _), place in self.origin.items() if r == row]
        if same_row:
            return min(same_row)[0], column
        return row, column

    def problem(self, row: int, column: int, message: str) -> Problem:
        row, column = self.in_file(row, column)
        if self.sheet is None:
            return Problem(self.source, row, column, message)
        return CellProblem(self.source, row, column, message, cell=self.cell_name(row, column))

    def locate(self, problem: Problem) -> Problem:
        """A problem from validation (line = row, column = column) with this sheet's cell names."""
        if problem.line is None or isinstance(problem, CellProblem):
            return problem
        row, column = self.in_file(problem.line, problem.column or 1)
        if self.sheet is None:
            return Problem(problem.source, row, column, problem.message, problem.path)
        return CellProblem(
            problem.source, row, column, problem.message, problem.path, cell=self.cell_name(row, column)
        )


def column_letter(column: int) -> str:
    letters = ""
    while column > 0:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _quote_sheet(name: str) -> str:
    if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_.]*", name):
        return name
    return "'" + name.replace("'", "''") + "'"


def read_sheet(
    path: str | os.PathLike[str],
    sheet: str | None = None,
    *,
    encoding: str | None = None,
    table: int | None = None,
) -> Sheet:
    """Read a CSV, TSV, Markdown or XLSX file; raises :class:`LoadError` with located problems.

    ``encoding`` names a text file's encoding (detected when None); ``table`` picks a
    Markdown table by its number in the file.
    """
    name = os.fspath(path)
    suffix = os.path.splitext(name)[1].lower()
    if suffix in XLSX_SUFFIXES:
        return read_xlsx(name, sheet)
    if suffix not in CSV_SUFFIXES + MARKDOWN_SUFFIXES:
        raise LoadError(
            [Problem(name, None, None, _("unknown spreadsheet type: name the file .xlsx, .csv, .tsv or .md"))]
        )
    if sheet is not None:
        raise LoadError([Problem(name, None, None, _("a text file has no sheets: leave out --sheet"))])
    data = _read_bytes(name)
    if suffix in MARKDOWN_SUFFIXES:
        from raci.workshop.spreadsheet.markdown import read_markdown_text

        decoded = decode_bytes(data, name, encoding)
        result = read_markdown_text(decoded.text, name, table)
        if decoded.note:
            result.notes.insert(0, Problem(name, None, None, warning_line(decoded.note)))
        return result
    if table is not None:
        message = _("--table is for Markdown files, which may hold several")
        raise LoadError([Problem(name, None, None, message)])
    return read_csv_bytes(data, name, encoding)


def _read_bytes(name: str) -> bytes:
    """The whole file, within :data:`MAX_BYTES`; devices and FIFOs are refused unread."""
    try:
        return read_bounded(name, MAX_BYTES)
    except InputTooLargeError:
        message = _("file is larger than %(size)d MiB") % {"size": MAX_BYTES // 2**20}
        raise LoadError([Problem(name, None, None, message)]) from None
    except OSError as error:
        message = _("cannot read file: %(reason)s") % {"reason": error.strerror or error}
        raise LoadError([Problem(name, None, None, message)]) from None


def read_csv_bytes(data: bytes, source: str = "<csv>", encoding: str | None = None) -> Sheet:
    decoded = decode_bytes(data, source, encoding)
    notes: list[Problem] = []
    if decoded.note:
        notes.append(Problem(source, None, None, warning_line(decoded.note)))
    text = decoded.text
    delimiter = _delimiter(text[: 64 * 1024])
    rows: list[list[Value]] = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        for record in reader:
            if len(rows) >= MAX_ROWS:
                message = _("more than %(count)s rows") % {"count": grouped(MAX_ROWS)}
                raise LoadError([Problem(source, len(rows) + 1, 1, message)])
            if len(record) > MAX_COLUMNS:
                message = _("more than %(count)s columns") % {"count": grouped(MAX_COLUMNS)}
                raise LoadError([Problem(source, len(rows) + 1, 1, message)])
            rows.append([restore(value) if value.strip() else None for value in record])
    except csv.Error as error:
        message = _("not readable as CSV: %(error)s") % {"error": error}
        raise LoadError([Problem(source, len(rows) + 1, 1, message)]) from None
    return Sheet(source, rows, None, notes, decimal_comma=delimiter != ",")


def _delimiter(sample: str) -> str:
    """``,``, ``;`` (Excel in much of Europe), tab or ``|``: the one that splits the most rows
    into the same number of cells (a comma inside a name splits one row, not all)."""
    lines = [line for line in sample.splitlines()[:50] if line.strip()]
    best, best_score = ",", (-1, -1)
    for candidate in (",", ";", "\t", "|"):
        score = (0, 0)
        with contextlib.suppress(csv.Error):
            widths = [len(record) for record in csv.reader(lines, delimiter=candidate)]
            split = [w for w in widths if w > 1]
            common = max((split.count(w) for w in set(split)), default=0)
            score = (common, len(split))
        if score > best_score:
            best, best_score = candidate, score
    return best


def read_xlsx(source: str, sheet: str | None = None) -> Sheet:
    try:
        from openpyxl import load_workbook
    except ImportError:  # pragma: no cover - a declared dependency
        raise LoadError(
            [Problem(source, None, None, _("reading .xlsx needs openpyxl: pip install openpyxl"))]
        ) from None
    data = _read_bytes(source)
    _check_unpacked_size(source, data)
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception as error:  # zip, XML and openpyxl's own errors: the file is not a workbook
        detail = escape(str(error))[:120]
        message = _("not a readable .xlsx workbook (%(detail)s)") % {"detail": detail}
        raise LoadError([Problem(source, None, None, message)]) from None
    try:
        names = list(workbook.sheetnames)
        if sheet is not None and sheet not in names:
            message = _("no sheet named %(sheet)s; sheets: %(sheets)s")
            problem = message % {"sheet": quote_word(sheet), "sheets": ", ".join(names)}
            raise LoadError([Problem(source, None, None, problem)])
        asked = sheet
        sheet, rows, formulas = _raci_sheet(workbook, names, source, sheet)
    finally:
        workbook.close()
    result = Sheet(source, rows, sheet)
    if asked is None and len(names) > 1 and sheet not in MATRIX_SHEET_NAMES:
        others = ", ".join(quote_word(name) for name in names if name != sheet)
        message = _("read sheet %(sheet)s; also in the workbook: %(others)s (--sheet)")
        note = warning_line(message % {"sheet": quote_word(sheet), "others": others})
        result.notes.append(Problem(source, None, None, note))
    if formulas:
        _use_saved_values(result, formulas, data)
    return result


#: Sheet names that say "this is the matrix", in the languages matrices are kept in.
_RACI_SHEET_WORDS = ("raci", "rasci", "matrix", "matrice", "macierz", "\u043c\u0430\u0442\u0440\u0438\u0446")


def _raci_sheet(
    workbook: Any, names: list[str], source: str, sheet: str | None
) -> tuple[str, list[list[Value]], list[tuple[int, int]]]:
    """The sheet asked for; else one named like a RACI matrix; else the one with most letters."""
    if sheet is None:
        sheet = _sheet_named_like_a_matrix(names)
    if sheet is not None:
        return (sheet, *_worksheet_rows(workbook[sheet], source, sheet))
    return _sheet_with_most_letters(workbook, names, source)


def _sheet_named_like_a_matrix(names: list[str]) -> str | None:
    """The sheet called RACI, else the first named with a matrix word; else the only sheet."""
    named = [n for n in names if n in MATRIX_SHEET_NAMES] or [
        n for n in names if any(word in n.lower() for word in _RACI_SHEET_WORDS)
    ]
    if named or len(names) == 1:
        return (named or names)[0]
    return None


def _sheet_with_most_letters(
    workbook: Any, names: list[str], source: str
) -> tuple[str, list[list[Value]], list[tuple[int, int]]]:
    """The sheet with the most letter cells after its first column; the first one on a tie."""
    from raci.workshop.spreadsheet.letters import is_letter_cell

    best: tuple[int, str, list[list[Value]], list[tuple[int, int]]] | None = None
    for name in names:
        rows, formulas = _worksheet_rows(workbook[name], source, name)
        score = sum(is_letter_cell(cell) for row in rows for cell in row[1:])
        if best is None or score > best[0]:
            best = (score, name, rows, formulas)
    assert best is not None  # a workbook has at least one sheet
    return best[1], best[2], best[3]


def _check_unpacked_size(source: str, data: bytes) -> None:
    """Refuse a zip bomb from the zip's directory, and any XML part that declares a DTD (the
    door to entity bombs and external entities), naming the part, before openpyxl reads."""
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            unpacked = sum(info.file_size for info in infos)
            if unpacked <= MAX_UNPACKED_BYTES:
                hostile = next((info.filename for info in infos if _declares_dtd(archive, info)), None)
    except (OSError, zipfile.BadZipFile, ValueError, EOFError):
        return  # load_workbook says what is wrong with it
    if unpacked > MAX_UNPACKED_BYTES:
        message = _("workbook unpacks to more than %(size)d MiB; refusing to read it")
        raise LoadError([Problem(source, None, None, message % {"size": MAX_UNPACKED_BYTES // 2**20})])
    if hostile is not None:
        message = _(
            "part %(part)s of the workbook declares XML entities or a DTD, which are refused "
            "(entity expansion, external files); save the workbook again from a spreadsheet program"
        ) % {"part": escape(hostile)}
        raise LoadError([Problem(source, None, None, message)])


_PROLOG_BYTES = 64 * 1024


def _declares_dtd(archive: Any, info: Any) -> bool:
    # A DTD can only stand in the prolog, before the root element: the first bytes say.
    if not info.filename.endswith((".xml", ".rels", ".vml")):
        return False
    with archive.open(info) as stream:
        head = stream.read(_PROLOG_BYTES)
    return b"<!DOCTYPE" in head or b"<!ENTITY" in head


def _worksheet_rows(
    worksheet: Any, source: str, sheet: str
) -> tuple[list[list[Value]], list[tuple[int, int]]]:
    """The sheet's rows. openpyxl parses a sheet's XML only now, row by row: a truncated
    part, an entity bomb or an external entity (refused by defusedxml) surfaces here and is
    reported with the sheet and its member in the zip, never as a crash."""
    try:
        return _read_rows(worksheet, source, sheet)
    except LoadError:
        raise
    except Exception as error:  # expat, defusedxml, zlib, zipfile: the part is broken or hostile
        raise LoadError([_broken_part(source, sheet, worksheet, error)]) from None


def _broken_part(source: str, sheet: str, worksheet: Any, error: Exception) -> Problem:
    member = getattr(worksheet, "_worksheet_path", None)
    kind = type(error).__name__
    if kind in ("EntitiesForbidden", "ExternalReferenceForbidden", "DTDForbidden"):
        reason = _("it declares XML entities or a DTD, which are refused (entity expansion, external files)")
    else:
        reason = _("its XML cannot be read (%(kind)s: %(error)s)") % {
            "kind": kind,
            "error": escape(str(error))[:100],
        }
    if member:
        message = _("sheet %(sheet)s (%(member)s in the workbook) is broken or hostile: %(reason)s")
    else:
        message = _("sheet %(sheet)s is broken or hostile: %(reason)s")
    words = {"sheet": quote_word(sheet), "member": escape(str(member)), "reason": reason}
    return Problem(source, None, None, message % words)


def _read_rows(worksheet: Any, source: str, sheet: str) -> tuple[list[list[Value]], list[tuple[int, int]]]:
    rows: list[list[Value]] = []
    formulas: list[tuple[int, int]] = []
    kept = 0
    for r, cells in enumerate(worksheet.iter_rows(), start=1):
        if r > MAX_ROWS:
            message = _("sheet %(sheet)s has more than %(count)s rows")
            words = {"sheet": quote_word(sheet), "count": grouped(MAX_ROWS)}
            raise LoadError([Problem(source, None, None, message % words)])
        row: list[Value] = []
        for c, cell in enumerate(cells, start=1):
            if c > MAX_COLUMNS:
                message = _("sheet %(sheet)s has more than %(count)s columns")
                words = {"sheet": quote_word(sheet), "count": grouped(MAX_COLUMNS)}
                raise LoadError([Problem(source, None, None, message % words)])
            value = getattr(cell, "value", None)
            if getattr(cell, "data_type", None) == "f":
                formulas.append((r, c))
            if isinstance(value, str) and not value.strip():
                value = None
            row.append(value)
        while row and row[-1] is None:
            row.pop()
        kept += len(row) + 1
        if kept > MAX_CELLS:
            message = _("sheet %(sheet)s has more than %(count)s cells")
            words = {"sheet": quote_word(sheet), "count": grouped(MAX_CELLS)}
            raise LoadError([Problem(source, None, None, message % words)])
        rows.append(row)
    while rows and not rows[-1]:
        rows.pop()
    return rows, formulas


def _use_saved_values(sheet: Sheet, formulas: list[tuple[int, int]], data: bytes) -> None:
    """Formulas are read as the values Excel saved with them; one never computed is a problem."""
    from openpyxl import load_workbook

    wanted = set(formulas)
    workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        worksheet = workbook[sheet.sheet]
        try:
            saved = {
                (r, c): getattr(cell, "value", None)
                for r, cells in enumerate(worksheet.iter_rows(), start=1)
                for c, cell in enumerate(cells, start=1)
                if (r, c) in wanted
            }
        except Exception as error:  # read once already; kept for the same safety
            raise LoadError([_broken_part(sheet.source, str(sheet.sheet), worksheet, error)]) from None
    finally:
        workbook.close()
    problems = []
    for r, c in formulas:
        value = saved.get((r, c))
        if value is None:
            message = _("a formula with no saved value: open and save the file in Excel, or paste values")
            problems.append(sheet.problem(r, c, message))
        else:
            sheet.rows[r - 1][c - 1] = value
            sheet.notes.append(sheet.problem(r, c, warning_line(_("formula read as its saved value"))))
    if problems:
        raise LoadError(problems)
