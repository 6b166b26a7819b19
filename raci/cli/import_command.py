"""`raci import matrix.xlsx|csv|md -o org.yaml`: a RACI matrix into an org file."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from raci.cli.exit_codes import EXIT_BAD_INPUT, EXIT_CLEAN
from raci.cli.workshop_io import emit, print_lines, print_problems


def import_matrix(
    sheet_file: Annotated[
        Path, typer.Argument(help="A RACI matrix: .xlsx, .csv, .tsv or .md.", dir_okay=False)
    ],
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
    table: Annotated[
        int | None, typer.Option("--table", min=1, help="Which table of a Markdown file (1 = the first).")
    ] = None,
    encoding: Annotated[
        str | None,
        typer.Option("--encoding", help="The text file's encoding, e.g. windows-1250 (default: detected)."),
    ] = None,
    letter_map: Annotated[
        list[str] | None,
        typer.Option("--letter-map", help="What another letter means, e.g. D=A or X=R (X=- for none)."),
    ] = None,
) -> int:
    """Import a RACI matrix from Excel (.xlsx), CSV/TSV or Markdown (.md) into an org file.

    Reads the sheet `raci export` writes, or a matrix as teams publish it: tasks down,
    departments across (or the transposed Task | R | A | C | I), titles, legends and notes
    around it, phase rows, cells like **RA**, R (Build) or N/A. Activities and functions are
    guessed from the names and every guess is listed with its row. Problems are reported
    as file:row:column (file:Sheet!B7 for workbooks), exit 2, and nothing is written.
    """
    from raci import LoadError
    from raci.checking.checker import check
    from raci.workshop.spreadsheet.sheet_import import import_sheet
    from raci.yaml.writer import dump_organization

    try:
        imported = import_sheet(
            sheet_file,
            sheet=sheet,
            organization=organization,
            encoding=encoding,
            table=table,
            letter_map=_letter_map(letter_map or [], str(sheet_file)),
        )
    except LoadError as error:
        print_problems(error.problems)
        noun = "problem" if len(error.problems) == 1 else "problems"
        print_lines([f"raci: {sheet_file}: {len(error.problems)} {noun}; nothing written"])
        return EXIT_BAD_INPUT
    print_problems(imported.warnings)
    if imported.guesses:
        count = len(imported.guesses)
        print_lines(
            [f"raci: {count} guess{'es' if count != 1 else ''} from names; check them and fix any wrong one:"]
        )
        print_problems(imported.guesses)
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


def _letter_map(pairs: list[str], source: str) -> dict[str, str]:
    """``["D=A", "X=-"]`` -> ``{"D": "A", "X": ""}``; a malformed pair is bad input."""
    from raci import LoadError
    from raci.model.errors import Problem
    from raci.model.vocabulary import parse_letter_map

    try:
        return parse_letter_map(pairs)
    except ValueError as error:
        raise LoadError([Problem(source, None, None, str(error))]) from None
