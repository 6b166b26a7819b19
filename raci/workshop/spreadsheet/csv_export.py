"""The RACI matrix as CSV: UTF-8 with a BOM (so Excel reads accents right), CRLF rows."""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING

from raci.workshop.spreadsheet.escape import neutralise
from raci.workshop.spreadsheet.layout import Cell, build_grid

if TYPE_CHECKING:
    from raci.model.organization import Organization


def export_csv(org: Organization) -> bytes:
    """The matrix of ``org`` as CSV bytes; text a spreadsheet would run as a formula is neutralised."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for row in build_grid(org).rows:
        writer.writerow([_text(cell) for cell in _trim(row)])
    return b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8")


def _text(cell: Cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, str):
        return neutralise(cell)
    return repr(cell) if isinstance(cell, float) else str(cell)


def _trim(row: list[Cell]) -> list[Cell]:
    """Rows without their empty tail, so label rows stay short."""
    end = len(row)
    while end > 0 and row[end - 1] is None:
        end -= 1
    return row[:end]
