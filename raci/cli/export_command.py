"""`raci export FILE -o matrix.xlsx|matrix.csv`: the RACI matrix as a spreadsheet."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from raci.cli.exit_codes import EXIT_BAD_INPUT, EXIT_CLEAN
from raci.cli.workshop_io import load_org, print_lines, write_file
from raci.i18n import gettext as _
from raci.i18n import ngettext

if TYPE_CHECKING:
    from raci.model.organization import Organization


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
        print_lines(
            [_("raci: %(output)s: name the output .xlsx or .csv, or give --format") % {"output": output}]
        )
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
    print_lines([_wrote(output, org, len(result.findings) if chosen == "xlsx" else None)])
    return EXIT_CLEAN


def _wrote(output: Path, org: Organization, findings: int | None) -> str:
    """What was written: the matrix's size, and for a workbook the findings on their sheet."""
    counts = {
        "output": output,
        "tasks": ngettext("%(count)d task", "%(count)d tasks", len(org.tasks)) % {"count": len(org.tasks)},
        "departments": ngettext("%(count)d department", "%(count)d departments", len(org.departments))
        % {"count": len(org.departments)},
    }
    if findings is None:
        return _("wrote %(output)s: %(tasks)s x %(departments)s") % counts
    from raci.workshop.spreadsheet.headings import findings_sheet_name

    counts["findings"] = ngettext("%(count)d finding", "%(count)d findings", findings) % {"count": findings}
    counts["sheet"] = findings_sheet_name()
    return _("wrote %(output)s: %(tasks)s x %(departments)s, %(findings)s on sheet %(sheet)s") % counts


def _format_of(path: Path) -> str | None:
    return {".xlsx": "xlsx", ".csv": "csv"}.get(path.suffix.lower())
