"""The text report for people: one line per finding, the principle scorecard, a summary.

Finding lines keep the ``file:line:col: severity CODE message`` shape editors and terminals
turn into links. The report is built as lines of (text, style) segments; without colour
they are joined as they are, with colour rich styles them. User text only ever becomes a
:class:`rich.text.Text` segment, never markup, so a department called ``[bold]`` stays a
name. rich loads only for coloured output: plain runs (CI logs, pipes) skip its import.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from raci.checking.scorecard import FAIL, PASS, Scorecard
from raci.model.severity import Severity
from raci.model.vocabulary import LETTER_ORDER, SHARING_FUNCTIONS, Function
from raci.report import waived_count

if TYPE_CHECKING:
    from raci.checking.checker import CheckResult
    from raci.model.errors import Problem
    from raci.model.findings import Finding
    from raci.report import ReportOptions

#: A run of text and its rich style ("" for none).
Segment = tuple[str, str]
Line = list[Segment]

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
    if not options.color:
        # Plain lines are joined directly: rich costs ~100 µs a line, which adds up to
        # seconds on organisations with thousands of findings.
        return "".join(_plain(line) + "\n" for line in report_lines(results, problems, options))
    return _styled(report_lines(results, problems, options), options.width)


def report_lines(
    results: Sequence[CheckResult], problems: Sequence[Problem], options: ReportOptions
) -> Iterator[Line]:
    for result in results:
        for finding in result.findings:
            yield _finding_line(finding)
            if _shows_hint(finding):
                yield [(f"    fix: {finding.hint}", "dim")]
        if options.show_waived:
            for finding in result.waived:
                yield _waived_line(finding)
        if not options.quiet:
            yield from _scorecard_lines(result)
    if not options.quiet:
        yield _summary(results, problems, options)


def _plain(line: Line) -> str:
    return "".join(text for text, _ in line).rstrip()


def _styled(lines: Iterator[Line], width: int) -> str:
    import io

    from rich.console import Console
    from rich.text import Text

    buffer = io.StringIO()
    console = Console(
        file=buffer, width=width, force_terminal=True, color_system="standard",
        highlight=False, markup=False, emoji=False, legacy_windows=False,
    )  # fmt: skip
    for line in lines:
        console.print(Text.assemble(*line), soft_wrap=True)
    return buffer.getvalue()


def _shows_hint(finding: Finding) -> bool:
    return bool(finding.hint) and str(finding.hint).lower() not in finding.message.lower()


def _finding_line(finding: Finding) -> Line:
    where = finding.file if finding.line is None else f"{finding.file}:{finding.line}:{finding.column}"
    return [
        (where, "bold"),
        (": ", ""),
        (finding.severity.value, SEVERITY_STYLE[finding.severity]),
        (" ", ""),
        (finding.code, "bold"),
        (" " + finding.message, ""),
    ]


def _waived_line(finding: Finding) -> Line:
    where = finding.file if finding.line is None else f"{finding.file}:{finding.line}:{finding.column}"
    return [
        (where, "bold"),
        (": ", ""),
        ("waived", "dim"),
        (" ", ""),
        (finding.code, "bold"),
        (" " + finding.message, "dim"),
        (f" (waived: {finding.waiver})", ""),
    ]


def _scorecard_lines(result: CheckResult) -> Iterator[Line]:
    scorecard = result.scorecard
    yield []
    yield [
        ("Principles", "bold"),
        (f" for {result.org.organization} ({result.source}): ", ""),
        (scorecard.honoured().removeprefix("principles ").replace(" principles", ""), "bold"),
    ]
    if not scorecard.applicable:
        yield [("  no task is social media work (all are activity other): RACI hygiene only", "dim")]
        return
    for entry in scorecard.principles:
        mark = STATUS_MARK.get(entry.status, "·")
        detail = f" ({entry.findings} finding{'s' if entry.findings != 1 else ''})" if entry.findings else ""
        yield [
            (f"  {mark} {entry.status:<4}", STATUS_STYLE.get(entry.status, "dim")),
            (f'  {entry.principle.number}. Not "{entry.principle.misconception}": ', ""),
            (entry.principle.checks, "dim"),
            (detail, ""),
        ]
    yield from _ownership_table(scorecard)


def _ownership_table(scorecard: Scorecard) -> Iterator[Line]:
    """Functions x activities, letters in cells: a fixed-width table, first column left."""
    header: Line = [("function", "bold")] + [
        (ACTIVITY_HEADERS[activity.value], "bold") for activity in scorecard.activities
    ]
    rows: list[Line] = []
    for function in scorecard.functions:
        row: Line = [(function.label, "bold" if function in _CORE else "")]
        for activity in scorecard.activities:
            cell = scorecard.cells[(function, activity)]
            letters = "".join(letter.value for letter in LETTER_ORDER if letter in cell.letters)
            if cell.missing:
                row.append((letters or "!", "bold red"))
            elif letters:
                row.append((letters, "bold" if cell.required is not None else ""))
            else:
                row.append(("·", "dim"))
        rows.append(row)
    widths = [max(len(line[column][0]) for line in (header, *rows)) for column in range(len(header))]
    total = sum(widths) + 3 * (len(widths) - 1)
    yield [("Ownership: letters each function holds on each activity", "")]
    yield _table_row(header, widths)
    yield [("─" * total, "")]
    yield from (_table_row(row, widths) for row in rows)
    yield [("! = a required owner is missing   · = no letter", "")]


def _table_row(cells: Line, widths: list[int]) -> Line:
    line: Line = [(cells[0][0].ljust(widths[0]), cells[0][1])]
    for (text, style), width in zip(cells[1:], widths[1:], strict=True):
        line += [("   ", ""), (text.center(width), style)]
    return line


def _summary(results: Sequence[CheckResult], problems: Sequence[Problem], options: ReportOptions) -> Line:
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
    # Waived findings never count, but a run always says how many it set aside.
    waived = waived_count(results)
    if waived:
        listed = "" if options.show_waived else " (--show-waived lists them)"
        baselined += f"; {waived} waived{listed}"
    if not parts:
        return [(f"✔ no findings{where}{baselined}", "bold green")]
    worst_style = "bold red" if totals[Severity.ERROR] or problems else "bold yellow"
    return [(f"✘ {', '.join(parts)}{where}{baselined}", worst_style)]
