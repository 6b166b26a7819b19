"""`raci import matrix.xlsx|csv|md -o org.yaml`: a RACI matrix into an org file."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from raci.cli.exit_codes import EXIT_BAD_INPUT, EXIT_CLEAN
from raci.cli.workshop_io import emit, print_lines, print_problems
from raci.i18n import gettext as _
from raci.i18n import ngettext

if TYPE_CHECKING:
    from raci.model.organization import Organization
    from raci.model.severity import Severity


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
        count = len(error.problems)
        message = ngettext(
            "raci: %(file)s: %(count)d problem; nothing written",
            "raci: %(file)s: %(count)d problems; nothing written",
            count,
        )
        print_lines([message % {"file": sheet_file, "count": count}])
        return EXIT_BAD_INPUT
    print_problems(imported.warnings)
    if imported.guesses:
        count = len(imported.guesses)
        message = ngettext(
            "raci: %(count)d guess from names; check them and fix any wrong one:",
            "raci: %(count)d guesses from names; check them and fix any wrong one:",
            count,
        )
        print_lines([message % {"count": count}])
        print_problems(imported.guesses)
    if not emit(dump_organization(imported.org), output):
        return EXIT_BAD_INPUT
    if output is not None and str(output) != "-":
        print_lines([_wrote(output, imported.org, check(imported.org).counts())])
    return EXIT_CLEAN


def _wrote(output: Path, org: Organization, counts: Mapping[Severity, int]) -> str:
    """What was written: the org's size, what a check finds in it, and what to run next."""
    found = ", ".join(severity.counted(n) for severity, n in counts.items() if n)
    tasks, departments = len(org.tasks), len(org.departments)
    return _("wrote %(output)s: %(tasks)s, %(departments)s (%(found)s); next: raci check %(output)s") % {
        "output": output,
        "tasks": ngettext("%(count)d task", "%(count)d tasks", tasks) % {"count": tasks},
        "departments": ngettext("%(count)d department", "%(count)d departments", departments)
        % {"count": departments},
        "found": found or _("no findings"),
    }



def _letter_map(pairs: list[str], source: str) -> dict[str, str]:
    """``["D=A", "X=-"]`` -> ``{"D": "A", "X": ""}``; a malformed pair is bad input."""
    from raci import LoadError
    from raci.model.errors import Problem
    from raci.model.vocabulary import parse_letter_map

    try:
        return parse_letter_map(pairs)
    except ValueError as error:
        raise LoadError([Problem(source, None, None, str(error))]) from None
