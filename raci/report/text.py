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

from raci.checking.scorecard import FAIL, NOT_APPLICABLE, NOT_CHECKED, PASS, Scorecard
from raci.i18n import N_, gettext, ngettext
from raci.model.severity import Severity
from raci.model.vocabulary import LETTER_ORDER, SHARING_FUNCTIONS, Function
from raci.report import fix_note, waived_count, waived_note

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
#: The scorecard's verdict words (the codes stay English in machine formats).
STATUS_WORD = {
    PASS: N_("PASS"),
    FAIL: N_("FAIL"),
    NOT_CHECKED: N_("NOT CHECKED"),
    NOT_APPLICABLE: N_("NOT APPLICABLE"),
}
#: The text grid stays within this many columns, the classic terminal's width.
GRID_WIDTH = 80


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
                yield [("    " + fix_note(str(finding.hint)), "dim")]
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
        (finding.severity.label, SEVERITY_STYLE[finding.severity]),
        (" ", ""),
        (finding.code, "bold"),
        (" " + finding.message, ""),
    ]


def _waived_line(finding: Finding) -> Line:
    where = finding.file if finding.line is None else f"{finding.file}:{finding.line}:{finding.column}"
    return [
        (where, "bold"),
        (": ", ""),
        (gettext("waived"), "dim"),
        (" ", ""),
        (finding.code, "bold"),
        (" " + finding.message, "dim"),
        (f" ({waived_note(finding.waiver)})", ""),
    ]


def _scorecard_lines(result: CheckResult) -> Iterator[Line]:
    scorecard = result.scorecard
    yield []
    heading = gettext("Principles for %(organization)s (%(source)s): ") % {
        "organization": result.org.organization,
        "source": result.source,
    }
    yield [(heading, "bold"), (scorecard.tally(), "bold")]
    if not scorecard.applicable:
        yield [(gettext("  no task is social media work (all are activity other): RACI hygiene only"), "dim")]
        return
    words = {status: gettext(word) for status, word in STATUS_WORD.items()}
    pad = max(len(words[PASS]), len(words[FAIL]))
    for entry in scorecard.principles:
        mark = STATUS_MARK.get(entry.status, "·")
        yield [
            (f"  {mark} {words[entry.status]:<{pad}}", STATUS_STYLE.get(entry.status, "dim")),
            (
                gettext('  %(number)d. Not "%(misconception)s". ')
                % {"number": entry.principle.number, "misconception": entry.principle.misconception},
                "",
            ),
            (gettext("Checked that %(checks)s:") % {"checks": entry.principle.checks}, "dim"),
            # The scorecard's own codes: a baseline hides findings from the list, not from it.
            *_verdict(entry.status, entry.findings, list(entry.fired)),
        ]
    yield from _ownership_table(result)


def _verdict(status: str, findings: int, codes: list[str]) -> Line:
    """Whether the check holds, in words: the check reads as a statement ("a respond task
    exists"), so a failing line must never read as true."""
    if status == PASS:
        return [(gettext(" yes"), "green")]
    if status == FAIL:
        count = ngettext("%(count)d finding", "%(count)d findings", findings) % {"count": findings}
        return [(gettext(" NO"), "bold red"), (f" ({count}: {', '.join(codes)})", "")]
    return [(gettext(" not checked (its rules are off)"), "dim")]


def _ownership_table(result: CheckResult) -> Iterator[Line]:
    """Activities down the side (full names), functions across: letters each function holds.

    Function names wrap onto two header lines; when the functions still do not fit in
    :data:`GRID_WIDTH` columns, the table is printed in parts, each repeating the activities.
    A cell is marked ``!`` only where a finding says a required owner is missing.
    """
    from raci.diagrams.gapmap import build_gap_map, cell_flag

    scorecard = result.scorecard
    gaps = build_gap_map(result)
    label_width = max(len(gettext("activity")), *(len(activity.label) for activity in scorecard.activities))
    columns = []
    for function in scorecard.functions:
        head = _two_lines(function.label)
        cells: list[Segment] = []
        for activity in scorecard.activities:
            cell = scorecard.cells[(function, activity)]
            letters = "".join(letter.value for letter in LETTER_ORDER if letter in cell.letters)
            if cell_flag(function, activity, cell.required is not None, gaps).items:
                cells.append((letters + "!", "bold red"))  # "I!": plain text shows it too
            elif letters:
                cells.append((letters, "bold" if cell.required is not None else ""))
            else:
                cells.append(("·", "dim"))
        width = max(4, *(len(part) for part in head))
        columns.append((function, head, cells, width))
    yield [(gettext("Ownership: letters each function holds on each activity"), "")]
    part: list[tuple[Function, tuple[str, str], list[Segment], int]] = []
    used = label_width
    for column in columns:
        if part and used + 2 + column[3] > GRID_WIDTH:
            yield from _grid_part(scorecard, part, label_width)
            yield []  # a blank line between the parts
            part, used = [], label_width
        part.append(column)
        used += 2 + column[3]
    if part:
        yield from _grid_part(scorecard, part, label_width)
    yield [(gettext("! = a finding says a required owner is missing here   · = no letter"), "")]


def _two_lines(label: str) -> tuple[str, str]:
    words = label.split()
    if len(words) < 2:
        return ("", label)
    return (" ".join(words[:-1]), words[-1])


def _grid_part(
    scorecard: Scorecard,
    part: list[tuple[Function, tuple[str, str], list[Segment], int]],
    label_width: int,
) -> Iterator[Line]:
    for line in (0, 1):
        heads = [(head[line], width, "bold" if f in _CORE else "") for f, head, _, width in part]
        if line == 0 and not any(text for text, _, _ in heads):
            continue
        row: Line = [((gettext("activity") if line == 1 else "").ljust(label_width), "bold")]
        for text, width, style in heads:
            row += [("  ", ""), (text.center(width), style)]
        yield row
    yield [("─" * (label_width + sum(2 + width for *_, width in part)), "")]
    for index, activity in enumerate(scorecard.activities):
        row = [(activity.label.ljust(label_width), "")]
        for _, _, cells, width in part:
            text, style = cells[index]
            row += [("  ", ""), (text.center(width), style)]
        yield row


def _summary(results: Sequence[CheckResult], problems: Sequence[Problem], options: ReportOptions) -> Line:
    from raci.report import summary_line

    text = summary_line(results, problems, options)
    # Waived findings never count, but a run always says how many it set aside (the summary
    # line counts them) and how to list them.
    if waived_count(results) and not options.show_waived:
        text += gettext(" (--show-waived lists them)")
    if not problems and not any(result.findings for result in results):
        return [(f"✔ {text}", "bold green")]
    errors = any(finding.severity is Severity.ERROR for result in results for finding in result.findings)
    return [(f"✘ {text}", "bold red" if errors or problems else "bold yellow")]
