"""`raci export FILE -o matrix.xlsx|matrix.csv`: the RACI matrix as a spreadsheet."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from raci.cli.exit_codes import EXIT_BAD_INPUT, EXIT_CLEAN
from raci.cli.workshop_io import load_org, print_lines, write_file


class SheetFormat(str, Enum):
    xlsx = "xlsx"
    csv = "csv"


def export(
    file: Annotated[str, typer.Argument(help="The org file to export ('-' reads stdin).")],
    output: Annotated[
        Path, typer.Option("--output", "-o", help="Where to write: a .xlsx or .csv file.", dir_okay=False)
    ],
    sheet_format: Annotated[
        SheetFormat | None,
        typer.Option("--format", "-f", help="xlsx or csv (default: from the output's suffix)."),
    ] = None,
) -> int:
    """Export the RACI matrix to Excel (.xlsx) or CSV.

    Tasks are rows (with activity and effort), departments are columns (with function and
    capacity in header rows), letters fill the cells. The workbook has a frozen header,
    sized columns, one colour per letter and a second sheet listing the findings. Text a
    spreadsheet would run as a formula (=, +, -, @) is neutralised. `raci import` reads
    the file back into the same organisation.
    """
    chosen = sheet_format.value if sheet_format is not None else _format_of(output)
    if chosen is None:
        print_lines([f"raci: {output}: name the output .xlsx or .csv, or give --format"])
        return EXIT_BAD_INPUT
    org = load_org(file)
    if org is None:
        return EXIT_BAD_INPUT
    from raci.checking.checker import check

    result = check(org)
    if chosen == "xlsx":
        from raci.workshop.spreadsheet.xlsx_export import export_xlsx

        data = export_xlsx(org, result.findings)
    else:
        from raci.workshop.spreadsheet.csv_export import export_csv

        data = export_csv(org)
    if not write_file(output, data):
        return EXIT_BAD_INPUT
    extra = f", {len(result.findings)} findings on sheet Findings" if chosen == "xlsx" else ""
    print_lines([f"wrote {output}: {len(org.tasks)} tasks x {len(org.departments)} departments{extra}"])
    return EXIT_CLEAN


def _format_of(path: Path) -> str | None:
    return {".xlsx": "xlsx", ".csv": "csv"}.get(path.suffix.lower())
