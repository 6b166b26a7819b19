"""`raci whatif FILE --without DEPT --move DEPT:TASK:LETTERS`: what breaks if…"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from raci.cli.exit_codes import EXIT_BAD_INPUT, EXIT_CLEAN, EXIT_FINDINGS, FailLevel
from raci.cli.workshop_io import ReportFormat, emit, load_org, print_lines, report_format


def whatif(
    file: Annotated[str, typer.Argument(help="The org file ('-' reads stdin).")],
    without: Annotated[
        list[str], typer.Option("--without", help="A department (id or name) that is gone; repeatable.")
    ] = [],  # noqa: B006
    move: Annotated[
        list[str],
        typer.Option(
            "--move",
            help="DEPT:TASK:LETTERS sets a department's letters on a task (a moved A leaves its old "
            "holder; empty letters remove it); repeatable.",
        ),
    ] = [],  # noqa: B006
    output_format: Annotated[
        ReportFormat | None,
        typer.Option("--format", "-f", help="Report format (default: from --output's extension, else text)."),
    ] = None,
    fail_on: Annotated[
        FailLevel, typer.Option(help="Exit 1 when the scenario introduces a finding at or above this level.")
    ] = FailLevel.error,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="Write the report to this file (.txt, .json or .md).", dir_okay=False
        ),
    ] = None,
) -> int:
    """Try a change without making it: a department gone, a letter moved; what breaks.

    Shows the org as if the change were made: tasks that lose their R or A, principles
    that would fail, and the findings resolved and introduced.

    Steps apply in order: every --without, then every --move. Exit 1 when the scenario
    introduces findings at or above --fail-on.
    """
    from raci.checking.checker import check
    from raci.model.severity import Severity
    from raci.report.diff_report import render_whatif
    from raci.workshop.whatif import ScenarioError, Step, Without, parse_move, resolve_department, what_if

    chosen = report_format(output, output_format)
    if chosen is None:
        return EXIT_BAD_INPUT
    org = load_org(file)
    if org is None:
        return EXIT_BAD_INPUT
    try:
        steps: list[Step] = [Without(resolve_department(org, name)) for name in without]
        steps += [parse_move(org, text) for text in move]
        result = what_if(check(org), steps)
    except ScenarioError as error:
        print_lines([f"raci: {error}"])
        return EXIT_BAD_INPUT
    if not emit(render_whatif(result, chosen), output):
        return EXIT_BAD_INPUT
    return EXIT_FINDINGS if result.diff.introduces(Severity(fail_on.value)) else EXIT_CLEAN
