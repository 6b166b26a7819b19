"""The RACI matrix as CSV: UTF-8 with a BOM (so Excel reads accents right), CRLF rows.

Cells are separated and decimals written as Excel does where the language is spoken: commas
and decimal points in English; semicolons and decimal commas in Polish, so a double click
opens the file in columns with numbers as numbers. The importer reads both.
"""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING

from raci.i18n import current_language
from raci.workshop.spreadsheet.escape import neutralise
from raci.workshop.spreadsheet.layout import Cell, build_grid

if TYPE_CHECKING:
    from raci.model.organization import Organization


#: Language -> (cell separator, decimal sign) of Excel where it is spoken; English otherwise.
CSV_STYLES: dict[str, tuple[str, str]] = {"pl": (";", ",")}


def export_csv(org: Organization) -> bytes:
    """The matrix of ``org`` as CSV bytes; text a spreadsheet would run as a formula is neutralised."""
    delimiter, decimal = CSV_STYLES.get(current_language(), (",", "."))
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    for row in build_grid(org).rows:
        writer.writerow([_text(cell, decimal) for cell in _trim(row)])
    return b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8")


def _text(cell: Cell, decimal: str) -> str:
    if cell is None:
        return ""
    if isinstance(cell, str):
        return neutralise(cell)
    return repr(cell).replace(".", decimal) if isinstance(cell, float) else str(cell)


def _trim(row: list[Cell]) -> list[Cell]:
    """Rows without their empty tail, so label rows stay short."""
    end = len(row)
    while end > 0 and row[end - 1] is None:
        end -= 1
    return row[:end]
