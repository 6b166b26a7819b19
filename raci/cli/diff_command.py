"""`raci diff OLD NEW`: the before/after of a workshop, and a pull-request check."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from raci.cli.exit_codes import EXIT_BAD_INPUT, EXIT_CLEAN, EXIT_FINDINGS, FailLevel
from raci.cli.workshop_io import ReportFormat, emit, load_org, report_format


def diff(
    old: Annotated[str, typer.Argument(help="The org file before.")],
    new: Annotated[str, typer.Argument(help="The org file after.")],
    output_format: Annotated[
        ReportFormat | None,
        typer.Option("--format", "-f", help="Report format (default: from --output's extension, else text)."),
    ] = None,
    fail_on: Annotated[
        FailLevel, typer.Option(help="Exit 1 when NEW introduces a finding at or above this level.")
    ] = FailLevel.error,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="Write the report to this file (.txt, .json or .md).", dir_okay=False
        ),
    ] = None,
) -> int:
    """Compare two org files: assignments, findings resolved and introduced, principles.

    Shows assignments added, removed and changed (by task and department), tasks and
    departments added, removed or changed, findings resolved and introduced, and principles
    that changed status. Exit 1 when NEW introduces findings at or above --fail-on (default: error).
    """
    from raci.checking.checker import check
    from raci.model.severity import Severity
    from raci.report.diff_report import render_diff
    from raci.workshop.diff import diff as compare

    chosen = report_format(output, output_format)
    if chosen is None:
        return EXIT_BAD_INPUT
    before, after = load_org(old), load_org(new)
    if before is None or after is None:
        return EXIT_BAD_INPUT
    changes = compare(check(before), check(after))
    if not emit(render_diff(changes, chosen), output):
        return EXIT_BAD_INPUT
    return EXIT_FINDINGS if changes.introduces(Severity(fail_on.value)) else EXIT_CLEAN
