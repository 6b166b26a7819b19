"""A compact Markdown report for a pull-request comment: a summary line and a table per file.

Every user string (file names, organisation names, messages naming departments and tasks)
is escaped for GitHub-flavoured Markdown: HTML is entity-escaped, Markdown punctuation is
backslash-escaped (so ``|`` cannot split a table cell and ``[x](…)`` cannot become a link),
and line breaks become spaces, so a name cannot end the table, add markup or inject HTML.
Mentions and bare links are broken with a zero-width space written as an entity, as Renovate
does in its pull requests: a department called ``@org/everyone`` pings nobody, and
``https://…`` or ``www.…`` in a name is not made a link.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from raci.i18n import gettext, ngettext
from raci.model.severity import Severity
from raci.report import LOAD_ERROR_ID, portable_path, severity_counts, summary_line

if TYPE_CHECKING:
    from raci.checking.checker import CheckResult
    from raci.model.errors import Problem
    from raci.report import ReportOptions

ICONS = {Severity.ERROR: "🔴", Severity.WARNING: "🟡", Severity.INFO: "🔵"}

_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}
# What can start markup mid-line: emphasis, code, links and images ('!' needs '['), strike,
# table cells. '#', '>', '-', '+' and digits matter only at a line's start, where no user
# text ever stands; '<' and '>' are entity-escaped above.
_MARKDOWN = re.compile(r"([\\`*_\[\]|~])")
_BREAKS = re.compile(r"[\r\n\u2028\u2029\x85\x0b\x0c]+")
_ZERO_WIDTH_SPACE = "&#8203;"
# What GitHub turns into a notification or a link in plain text: @name, scheme://, www.
_AUTOLINKS = re.compile(r"@|://|(?<![\w.])www\.", re.IGNORECASE)


def report_markdown(
    results: Sequence[CheckResult], problems: Sequence[Problem], options: ReportOptions
) -> str:
    out: list[str] = []
    if not options.quiet:
        totals = severity_counts(results)
        mark = "🔴" if totals[Severity.ERROR] or problems else "🟡" if any(totals.values()) else "✅"
        out.append(f"### {mark} raci: {escape_markdown(summary_line(results, problems, options))}\n")
    for result in results:
        out += _result_section(result, options)
    by_file: dict[str, list[Problem]] = {}
    for problem in problems:
        by_file.setdefault(problem.source, []).append(problem)
    error = _severity(Severity.ERROR)
    for source, file_problems in by_file.items():
        if not options.quiet:
            name = escape_markdown(portable_path(source))
            out.append(gettext("**%(file)s**: could not be loaded") % {"file": name} + "\n")
        rows = [
            _row(error, LOAD_ERROR_ID, _line(problem.line), escape_markdown(problem.message))
            for problem in file_problems
        ]
        out.append(_header() + "".join(rows))
    return "\n".join(out)


def _result_section(result: CheckResult, options: ReportOptions) -> list[str]:
    """One file's heading (unless quiet) and its table of findings (if any)."""
    out: list[str] = []
    if not options.quiet:
        title = f"**{escape_markdown(portable_path(result.source))}**"
        organization = escape_markdown(result.org.organization)
        count = len(result.findings)
        line = ngettext(
            "%(file)s (%(organization)s): %(count)d finding, %(principles)s",
            "%(file)s (%(organization)s): %(count)d findings, %(principles)s",
            count,
        )
        words = {"file": title, "organization": organization, "principles": result.scorecard.honoured()}
        out.append(line % {**words, "count": count} + "\n")
    if result.findings:
        rows = [
            _row(
                _severity(finding.severity),
                finding.code,
                _line(finding.line),
                _message(finding.message, finding.hint),
            )
            for finding in result.findings
        ]
        out.append(_header() + "".join(rows))
    if result.waived:
        # Waived findings are listed apart, with the reason; they do not count.
        waived_rows = [
            _row(
                "⚪ " + gettext("waived (%(severity)s)") % {"severity": finding.severity.label},
                finding.code,
                _line(finding.line),
                escape_markdown(finding.message)
                + "<br>"
                + gettext("*waived:* %(reason)s") % {"reason": escape_markdown(finding.waiver or "")},
            )
            for finding in result.waived
        ]
        heading = gettext(
            "**Waived findings (%(count)d)**: accepted in the file, with the reason; not counted"
        )
        out.append(heading % {"count": len(result.waived)} + "\n")
        out.append(_header() + "".join(waived_rows))
    return out


def _header() -> str:
    """The table's heading row, in the current language."""
    names = (gettext("Severity"), gettext("Code"), gettext("Line"), gettext("Message"))
    return _row(*names) + "| --- | --- | ---: | --- |\n"


def _severity(severity: Severity) -> str:
    return f"{ICONS[severity]} {severity.label}"


def _line(line: int | None) -> str:
    return str(line) if line is not None else ""


def _row(*cells: str) -> str:
    return "| " + " | ".join(cells) + " |\n"


def _message(message: str, hint: str | None) -> str:
    text = escape_markdown(message)
    if hint and hint.lower() not in message.lower():
        text += "<br>" + gettext("*fix:* %(hint)s") % {"hint": escape_markdown(hint)}
    return text


def escape_markdown(text: str) -> str:
    """Make user text inert in a GitHub-flavoured Markdown table cell."""
    text = _BREAKS.sub(" ", text)
    text = "".join(_HTML.get(char, char) for char in text)
    text = _AUTOLINKS.sub(_broken, text)
    return _MARKDOWN.sub(r"\\\1", text)


def _broken(match: re.Match[str]) -> str:
    found = match.group()
    at = 3 if found[0] in "wW" else 1  # after "www", "@" or ":"
    return found[:at] + _ZERO_WIDTH_SPACE + found[at:]
