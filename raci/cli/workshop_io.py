"""What the workshop commands (export, import, diff, whatif, suggest) share: options,
loading an org file with its problems printed, and writing output whole or not at all."""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from raci.i18n import gettext as _

if TYPE_CHECKING:
    from raci.model.errors import Problem
    from raci.model.organization import Organization

STDOUT = "-"


class ReportFormat(str, Enum):
    text = "text"
    json = "json"
    markdown = "markdown"


#: Report file extensions and the format each means.
REPORT_SUFFIXES = {
    ".txt": "text",
    ".text": "text",
    ".json": "json",
    ".md": "markdown",
    ".markdown": "markdown",
}


#: Extensions of formats these reports are not: refused rather than filled with text.
_OTHER_FORMATS = frozenset(
    {".html", ".htm", ".pdf", ".svg", ".png", ".xlsx", ".csv", ".xml", ".sarif", ".yaml", ".yml"}
)


def report_format(output: Path | None, given: ReportFormat | None) -> str | None:
    """The format a report is written in: ``--format``, else the output file's extension
    (.txt, .json, .md), else text. None (after saying why) when the two disagree or the
    extension names another format, so ``-o diff.html`` never holds plain text."""
    suffix = output.suffix.lower() if output is not None and str(output) != STDOUT else ""
    meant = REPORT_SUFFIXES.get(suffix)
    if suffix in _OTHER_FORMATS:
        message = _(
            "raci: this report is text, JSON or Markdown: name the file .txt, .json or .md, not %(suffix)s"
        )
        print_lines([message % {"suffix": suffix}])
        return None
    if given is not None and meant is not None and given.value != meant:
        message = _("raci: --format %(given)s does not match %(output)s (%(meant)s): change one of them")
        print_lines([message % {"given": given.value, "output": output, "meant": meant}])
        return None
    return given.value if given is not None else meant or ReportFormat.text.value


def print_lines(lines: Iterable[str]) -> None:
    from raci.cli.streams import write_stderr_lines

    write_stderr_lines(lines)


def print_problems(problems: Iterable[Problem]) -> None:
    print_lines(str(problem) for problem in problems)


def load_org(path: str) -> Organization | None:
    """The org file, or None after printing its problems (the caller exits 2)."""
    from raci import LoadError
    from raci.api import load
    from raci.cli.inputs import input_limits

    try:
        return load(path, limits=input_limits())
    except LoadError as error:
        print_problems(error.problems)
        return None


def emit(text: str, output: Path | None) -> bool:
    """Write a report to stdout, or atomically to ``output``; False (after saying why) on failure."""
    if output is None or str(output) == STDOUT:
        from raci.cli.streams import write_stdout

        write_stdout(text)
        return True
    return write_file(output, text.encode("utf-8"))


def write_file(path: Path, data: bytes) -> bool:
    from raci.files import write_atomic

    try:
        write_atomic(path, data)
    except OSError as error:
        print_lines(
            [_("raci: cannot write %(path)s: %(reason)s") % {"path": path, "reason": error.strerror or error}]
        )
        return False
    return True
