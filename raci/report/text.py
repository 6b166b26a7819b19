"""The text report for people: one line per finding, the principle scorecard, a summary.

Finding lines keep the ``file:line:col: severity CODE message`` shape editors and terminals
turn into links. User text is added as plain :class:`rich.text.Text`, never as markup, so a
department called ``[bold]`` stays a name.
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..scorecard import FAIL, PASS, Scorecard
from ..severity import Severity
from ..vocabulary import LETTER_ORDER, SHARING_FUNCTIONS, Function

if TYPE_CHECKING:
    from ..checker import CheckResult
    from ..errors import Problem
    from ..findings import Finding
    from . import ReportOptions

_CORE = (Function.MARKETING, *SHARING_FUNCTIONS)
SEVERITY_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
STATUS_STYLE = {PASS: "green", FAIL: "bold red"}
STATUS_MARK = {PASS: "✔", FAIL: "✘"}
ACTIVITY_HEADERS = {
    "monitor": "listen",
    "discover": "discov",
    "select": "curate",
    "create": "create",
    "publish": "publsh",
    "respond": "respnd",
    "sell": "sell",
    "media_relations": "media",
    "promote": "promo",
    "recover": "recovr",
    "measure": "measur",
}


def report_text(results: Sequence[CheckResult], problems: Sequence[Problem], options: ReportOptions) -> str:
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=options.width,
        force_terminal=options.color,
        no_color=not options.color,
        color_system="standard" if options.color else None,
        highlight=False,
        markup=False,
        emoji=False,
        legacy_windows=False,
    )
    for result in results:
        if options.color:
            for finding in result.findings:
                console.print(_finding_line(finding), soft_wrap=True)
                if _shows_hint(finding):
                    console.print(Text(f"    fix: {finding.hint}", style="dim"), soft_wrap=True)
        else:
            # Plain lines are written directly: rich costs ~100 µs a line, which adds up to
            # seconds on organisations with thousands of findings.
            buffer.write("".join(_plain_finding_lines(result.findings)))
        if not options.quiet:
            _print_scorecard(console, result)
    if not options.quiet:
        console.print(_summary(results, problems, options))
    # Rich pads table lines to the full width; trailing blanks are noise in logs and diffs.
    return "".join(line.rstrip() + "\n" for line in buffer.getvalue().splitlines())


def _shows_hint(finding: Finding) -> bool:
    return bool(finding.hint) and str(finding.hint).lower() not in finding.message.lower()


def _plain_finding_lines(findings: Sequence[Finding]) -> Iterator[str]:
    for finding in findings:
        yield f"{_where(finding)}: {finding.severity.value} {finding.code} {finding.message}\n"
        if _shows_hint(finding):
            yield f"    fix: {finding.hint}\n"


def _where(finding: Finding) -> str:
    return finding.file if finding.line is None else f"{finding.file}:{finding.line}:{finding.column}"


def _finding_line(finding: Finding) -> Text:
    where = finding.file if finding.line is None else f"{finding.file}:{finding.line}:{finding.column}"
    return Text.assemble(
        (where, "bold"),
        ": ",
        (finding.severity.value, SEVERITY_STYLE[finding.severity]),
        " ",
        (finding.code, "bold"),
        " ",
        finding.message,
    )


def _print_scorecard(console: Console, result: CheckResult) -> None:
    scorecard = result.scorecard
    console.print()
    console.print(
        Text.assemble(
            ("Principles", "bold"),
            f" for {result.org.organization} ({result.source}): ",
            (f"{scorecard.passed} of {len(scorecard.principles)} honoured", "bold"),
        ),
        soft_wrap=True,
    )
    for entry in scorecard.principles:
        mark = STATUS_MARK.get(entry.status, "·")
        detail = f" ({entry.findings} finding{'s' if entry.findings != 1 else ''})" if entry.findings else ""
        console.print(
            Text.assemble(
                (f"  {mark} {entry.status:<4}", STATUS_STYLE.get(entry.status, "dim")),
                f'  {entry.principle.number}. Not "{entry.principle.misconception}": ',
                (entry.principle.checks, "dim"),
                detail,
            ),
            soft_wrap=True,
        )
    console.print(_ownership_table(scorecard))


def _ownership_table(scorecard: Scorecard) -> Table:
    table = Table(
        title="Ownership: letters each function holds on each activity",
        caption="! = a required owner is missing   · = no letter",
        title_justify="left",
        caption_justify="left",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
        show_edge=False,
        padding=(0, 1),
    )
    table.add_column("function", no_wrap=True)
    for activity in scorecard.activities:
        table.add_column(ACTIVITY_HEADERS[activity.value], justify="center", no_wrap=True)
    for function in scorecard.functions:
        row: list[Text] = [Text(function.label, style="bold" if function in _CORE else "")]
        for activity in scorecard.activities:
            cell = scorecard.cells[(function, activity)]
            letters = "".join(letter.value for letter in LETTER_ORDER if letter in cell.letters)
            if cell.missing:
                row.append(Text(letters or "!", style="bold red"))
            else:
                style = "bold" if cell.required is not None else ""
                row.append(Text(letters or "·", style=style if letters else "dim"))
        table.add_row(*row)
    return table


def _summary(results: Sequence[CheckResult], problems: Sequence[Problem], options: ReportOptions) -> Text:
    totals = {severity: 0 for severity in reversed(Severity)}
    for result in results:
        for severity, count in result.counts().items():
            totals[severity] += count
    files = len(results) + len({problem.source for problem in problems})
    parts = [
        f"{count} {severity.value}{'s' if count != 1 and severity is not Severity.INFO else ''}"
        for severity, count in totals.items()
        if count
    ]
    where = f" in {files} file{'s' if files != 1 else ''}"
    if problems:
        unloadable = len({problem.source for problem in problems})
        parts.append(f"{unloadable} file{'s' if unloadable != 1 else ''} not loaded")
    # A baseline in use is always mentioned, so a clean run says what it did not report.
    baselined = f"; {options.baselined_total} baselined" if options.baselined is not None else ""
    if not parts:
        return Text(f"✔ no findings{where}{baselined}", style="bold green")
    worst_style = "bold red" if totals[Severity.ERROR] or problems else "bold yellow"
    return Text(f"✘ {', '.join(parts)}{where}{baselined}", style=worst_style)
