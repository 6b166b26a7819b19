"""`raci report FILE -o report.html`: one self-contained HTML page for a screen and for sharing."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from raci import LoadError
from raci.cli.exit_codes import EXIT_BAD_INPUT, EXIT_CLEAN
from raci.cli.options import (
    ConfigFile,
    Ignore,
    MemoryLimit,
    OrgFile,
    Select,
    SetFlag,
    SeverityFlag,
    Timeout,
)
from raci.cli.settings import FlagError, RuleFlags
from raci.cli.workshop_io import STDOUT, emit, load_org, print_lines, print_problems
from raci.i18n import gettext

#: The only extensions the report is written to: it is one page of HTML, never a PDF or text.
HTML_SUFFIXES = frozenset({".html", ".htm"})


def report(
    file: OrgFile,
    output: Annotated[
        str, typer.Option("--output", "-o", help="Where to write the HTML page ('-': stdout).")
    ] = STDOUT,
    timeout: Timeout = 30.0,
    memory_limit: MemoryLimit = 2048,
    select: Select = [],  # noqa: B006 - typer reads the default, never mutates it
    ignore: Ignore = [],  # noqa: B006
    severity: SeverityFlag = [],  # noqa: B006
    setting: SetFlag = [],  # noqa: B006
    config: ConfigFile = None,
) -> int:
    """Write a one-file HTML report: principles, diagrams, the RACI matrix, findings with fixes.

    Everything is inside the page (CSS, SVG diagrams, data; no script, no network), so it
    opens offline on a projector and prints well. A diagram that cannot be drawn is replaced
    by a note. Exit 0 when written (findings do not fail it; use `raci check` for that), 2 on
    bad input, and then nothing is written.
    """
    from raci.diagrams.engine import RenderLimits

    if output == STDOUT and sys.stdout.isatty():
        message = gettext(
            "the report is a page of HTML, not for a terminal: write it to a file with -o report.html"
        )
        print_lines(["raci: " + message])
        return EXIT_BAD_INPUT
    # A directory is refused when written to ("cannot write"), with its own reason.
    suffix = Path(output).suffix.lower() if output != STDOUT else ".html"
    if suffix not in HTML_SUFFIXES and not Path(output).is_dir():
        if suffix:
            message = gettext("the report is a page of HTML: name the file .html or .htm, not %(suffix)s")
        else:
            message = gettext("the report is a page of HTML: name the file .html or .htm, not no extension")
        print_lines(["raci: " + message % {"suffix": suffix}])
        return EXIT_BAD_INPUT
    limits = RenderLimits(timeout_seconds=timeout, memory_mib=memory_limit or None)
    try:
        rules = RuleFlags(select, ignore, severity, setting, config).config()
    except FlagError as error:
        print_lines([f"raci: {error}"])
        return EXIT_BAD_INPUT
    except LoadError as error:
        print_problems(error.problems)
        return EXIT_BAD_INPUT
    org = load_org(file)
    if org is None:
        return EXIT_BAD_INPUT
    from raci.checking.checker import check
    from raci.workshop.html_report import build_report

    result = check(org, rules)
    html = build_report(org, result, limits=limits)
    # To stdout, or written beside the target and renamed into place (whole or not at all).
    if not emit(html, Path(output)):
        return EXIT_BAD_INPUT
    if output != STDOUT:
        from raci.workshop.html_report.words import findings, number

        size = number(len(html.encode("utf-8")) // 1024)
        # Translators: the file written, the principles honoured, the findings and the page's size.
        wrote = gettext("wrote %(path)s: %(honoured)s, %(findings)s (%(size)s KiB)")
        print_lines(
            [
                wrote
                % {
                    "path": output,
                    "honoured": result.scorecard.honoured(),
                    "findings": findings(len(result.findings)),
                    "size": size,
                }
            ]
        )
    return EXIT_CLEAN
