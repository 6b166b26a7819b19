"""The RACI matrix as a spreadsheet: export to XLSX or CSV, and import either back.

Export writes the layout of :mod:`raci.workshop.spreadsheet.layout`; import reads it, or a plain
matrix a team already keeps, into a validated organisation. openpyxl is imported only when
an XLSX file is written or read.
"""

from __future__ import annotations

from raci.workshop.spreadsheet.cells import CellProblem, Sheet, read_sheet
from raci.workshop.spreadsheet.csv_export import export_csv
from raci.workshop.spreadsheet.sheet_import import ImportResult, import_rows, import_sheet
from raci.workshop.spreadsheet.xlsx_export import export_xlsx

#: File suffix -> spreadsheet format.
SUFFIX_FORMATS = {".xlsx": "xlsx", ".csv": "csv"}

__all__ = [
    "SUFFIX_FORMATS",
    "CellProblem",
    "ImportResult",
    "Sheet",
    "export_csv",
    "export_xlsx",
    "import_rows",
    "import_sheet",
    "read_sheet",
]
