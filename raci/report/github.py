"""GitHub Actions workflow commands: each finding becomes an annotation on the pull request.

``::error file=org.yaml,line=47,col=3,title=RACI001::task 'launch-posts' has …``; warnings
become ``::warning`` and info ``::notice``. Values are escaped as the runner expects (``%``,
``\\r`` and ``\\n`` everywhere; ``:`` and ``,`` too inside properties), so no department name
can end a command early or start a new one. A plain summary line closes the output.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from raci.i18n import gettext
from raci.model.severity import Severity
from raci.report import LOAD_ERROR_ID, fix_note, portable_path, summary_line, waived_note

if TYPE_CHECKING:
    from raci.checking.checker import CheckResult
    from raci.model.errors import Problem
    from raci.report import ReportOptions

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def report_github(results: Sequence[CheckResult], problems: Sequence[Problem], options: ReportOptions) -> str:
    lines = []
    for result in results:
        for finding in result.findings:
            message = finding.message
            if finding.hint and finding.hint.lower() not in message.lower():
                message = f"{message}\n{fix_note(finding.hint)}"
            lines.append(
                _command(
                    COMMANDS[finding.severity],
                    finding.file,
                    finding.line,
                    finding.column,
                    finding.code,
                    message,
                )
            )
        for finding in result.waived:
            # A waived finding stays visible as a notice, with the team's reason; it fails nothing.
            text = f"{finding.message}\n{waived_note(finding.waiver)}"
            title = gettext("%(code)s (waived)") % {"code": finding.code}
            lines.append(_command("notice", finding.file, finding.line, finding.column, title, text))
    for problem in problems:
        lines.append(
            _command("error", problem.source, problem.line, problem.column, LOAD_ERROR_ID, problem.message)
        )
    if not options.quiet:
        lines.append(f"raci: {summary_line(results, problems, options)}")
    return "".join(f"{line}\n" for line in lines)


def _command(command: str, file: str, line: int | None, column: int | None, title: str, message: str) -> str:
    properties = [("file", portable_path(file))]
    if line is not None:
        properties.append(("line", str(line)))
        if column is not None:
            properties.append(("col", str(column)))
    properties.append(("title", title))
    rendered = ",".join(f"{key}={escape_property(value)}" for key, value in properties)
    return f"::{command} {rendered}::{escape_data(message)}"


def escape_data(text: str) -> str:
    """Escape a command's message, as the Actions runner unescapes it."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a command property's value: also ``:`` and ``,``, which end it otherwise."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")
