"""`raci suggest FILE [--apply -o new.yaml]`: changes that clear findings within capacity."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from raci.cli.exit_codes import EXIT_BAD_INPUT, EXIT_CLEAN
from raci.cli.workshop_io import ReportFormat, emit, print_lines, print_problems, write_file
from raci.i18n import gettext as _


def suggest(
    file: Annotated[str, typer.Argument(help="The org file.")],
    apply: Annotated[
        bool, typer.Option("--apply", help="Write the org with every suggestion applied to --output.")
    ] = False,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="With --apply: where to write the new org file.", dir_okay=False),
    ] = None,
    output_format: Annotated[
        ReportFormat, typer.Option("--format", "-f", help="Report format.")
    ] = ReportFormat.text,
) -> int:
    """Suggest assignment changes that clear findings, within every department's capacity.

    Lists concrete changes (who takes which letter on which task) that clear principle and
    hygiene findings, never putting a department over its capacity_hours, and explains
    the trade-off for what stays.

    With --apply -o new.yaml, write the org with the changes applied. The file is edited in
    place where possible (comments and layout kept); otherwise it is written anew, which
    the output says.
    """
    from raci import LoadError
    from raci.api import STDIN, loads, read_text
    from raci.checking.checker import check
    from raci.cli.inputs import input_limits
    from raci.report.suggest_report import render_suggestions
    from raci.workshop.suggest import suggest as plan

    if apply and output is None:
        print_lines([_("raci: --apply needs --output FILE (it may be the input file itself)")])
        return EXIT_BAD_INPUT
    if output is not None and not apply:
        print_lines([_("raci: --output is for the new org file: add --apply")])
        return EXIT_BAD_INPUT
    try:
        # Read within the size bound, as every other command does.
        text = read_text(file, limits=input_limits())
        org = loads(text, "<stdin>" if file == STDIN else file, limits=input_limits())
    except LoadError as error:
        print_problems(error.problems)
        return EXIT_BAD_INPUT
    result = plan(check(org))
    emit(render_suggestions(result, output_format.value), None)
    if apply and output is not None:
        from raci.yaml.editor import Unsupported, edit_org_text
        from raci.yaml.writer import dump_organization

        try:
            new_text = edit_org_text(text, org, result.org)
            message = _(
                "wrote %(path)s (edited in place; comments kept); compare: raci diff %(file)s %(path)s"
            )
        except Unsupported:
            new_text = dump_organization(result.org)
            message = _(
                "wrote %(path)s (written anew; comments of the original are not kept); "
                "compare: raci diff %(file)s %(path)s"
            )
        if not write_file(output, new_text.encode("utf-8")):
            return EXIT_BAD_INPUT
        print_lines([message % {"path": output, "file": file}])
    return EXIT_CLEAN
