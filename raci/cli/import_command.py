"""`raci import matrix.xlsx|csv -o org.yaml`: a spreadsheet matrix into an org file."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from raci.cli.exit_codes import EXIT_BAD_INPUT, EXIT_CLEAN
from raci.cli.workshop_io import emit, print_lines, print_problems


def import_matrix(
    sheet_file: Annotated[Path, typer.Argument(help="A .xlsx or .csv RACI matrix.", dir_okay=False)],
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Where to write the org file (default: stdout).", dir_okay=False),
    ] = None,
    sheet: Annotated[
        str | None, typer.Option("--sheet", help="Which worksheet (default: 'RACI', else the first).")
    ] = None,
    organization: Annotated[
        str | None, typer.Option("--organization", help="The organisation's name, when the sheet has none.")
    ] = None,
) -> int:
    """Import a RACI matrix from Excel (.xlsx) or CSV into an org file.

    Reads the sheet `raci export` writes, or a plain one a team already keeps: first column
    tasks, one column per department, letters in the cells. Missing activities and
    functions are guessed from the names, with a warning for each guess. Problems are
    reported as file:row:column (file:Sheet!B7 for workbooks), exit 2, and nothing is
    written.
    """
    from raci import LoadError
    from raci.checking.checker import check
    from raci.workshop.spreadsheet.sheet_import import import_sheet
    from raci.yaml.writer import dump_organization

    try:
        imported = import_sheet(sheet_file, sheet=sheet, organization=organization)
    except LoadError as error:
        print_problems(error.problems)
        noun = "problem" if len(error.problems) == 1 else "problems"
        print_lines([f"raci: {sheet_file}: {len(error.problems)} {noun}; nothing written"])
        return EXIT_BAD_INPUT
    print_problems(imported.warnings)
    if not emit(dump_organization(imported.org), output):
        return EXIT_BAD_INPUT
    if output is not None and str(output) != "-":
        counts = check(imported.org).counts()
        found = ", ".join(
            f"{n} {s.value}{'s' if n != 1 and s.value != 'info' else ''}" for s, n in counts.items() if n
        )
        size = f"{len(imported.org.tasks)} tasks, {len(imported.org.departments)} departments"
        print_lines([f"wrote {output}: {size} ({found or 'no findings'}); next: raci check {output}"])
    return EXIT_CLEAN
