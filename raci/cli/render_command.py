"""`raci render`: load an org file, check it, draw one view, write it whole or not at all."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from raci.cli.inputs import input_limits
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
from raci.cli.streams import write_stderr_lines, write_stdout
from raci.diagrams.options import DETAILS, FORMATS
from raci.diagrams.views import DEFAULT_VIEW, VIEWS

if TYPE_CHECKING:
    from raci.model.vocabulary import Activity

from raci.cli.exit_codes import EXIT_BAD_INPUT, EXIT_CLEAN, EXIT_INTERNAL
from raci.i18n import gettext as _
from raci.i18n import ngettext

STDOUT = "-"
_SUFFIXES = {".svg": "svg", ".png": "png", ".pdf": "pdf", ".dot": "dot", ".gv": "dot"}
_BINARY = ("png", "pdf")
#: Formats never dumped on a terminal (DOT is short text people read).
_NOT_FOR_TERMINAL = ("svg", *_BINARY)

# Choices come from the registries, so a new view or format needs no CLI change.
ViewChoice = Enum(  # type: ignore[misc]
    "ViewChoice", {name: name for name in VIEWS}, type=str
)
RenderFormat = Enum(  # type: ignore[misc]
    "RenderFormat", {name: name for name in FORMATS}, type=str
)
DetailChoice = Enum(  # type: ignore[misc]
    "DetailChoice", {name: name for name in DETAILS}, type=str
)
DEFAULT_VIEW_CHOICE = ViewChoice(DEFAULT_VIEW)
DEFAULT_DETAIL = DetailChoice("auto")


def render(
    file: OrgFile,
    view: Annotated[
        ViewChoice,
        typer.Option("--view", "-v", help="What to draw: gaps, ownership, matrix, workload or handoffs."),
    ] = DEFAULT_VIEW_CHOICE,
    output: Annotated[
        str, typer.Option("--output", "-o", help="Output file; its extension sets the format ('-': stdout).")
    ] = "-",
    output_format: Annotated[
        RenderFormat | None,
        typer.Option("--format", "-f", help="svg, png, pdf or dot (default: from --output; SVG on stdout)."),
    ] = None,
    detail: Annotated[
        DetailChoice,
        typer.Option(
            help="gaps view: focus (the gaps only, split into numbered 16:9 slides when needed), "
            "full (every letter as a line), summary (function x activity) or auto by size."
        ),
    ] = DEFAULT_DETAIL,
    activity: Annotated[
        list[str],
        typer.Option("--activity", "-a", help="Draw only tasks of these activities (repeatable)."),
    ] = [],  # noqa: B006
    timeout: Timeout = 30.0,
    memory_limit: MemoryLimit = 2048,
    select: Select = [],  # noqa: B006 - typer reads the default, never mutates it
    ignore: Ignore = [],  # noqa: B006
    severity: SeverityFlag = [],  # noqa: B006
    setting: SetFlag = [],  # noqa: B006
    config: ConfigFile = None,
) -> int:
    """Draw a diagram of the org and its gaps with Graphviz: SVG, PNG, PDF or DOT.

    Without Graphviz's `dot` installed, SVG and PNG still render through the embedded engine.
    """
    return run_render(
        file,
        view.value,
        output,
        output_format.value if output_format is not None else None,
        detail.value,
        activity,
        timeout,
        memory_limit,
        RuleFlags(select, ignore, severity, setting, config),
    )


class UsageError(ValueError):
    """A command-line value is wrong; the message is one line for the user."""


def run_render(
    file: str,
    view: str,
    output: str,
    output_format: str | None,
    detail: str,
    activities: Sequence[str],
    timeout: float,
    memory_limit: int,
    rules: RuleFlags | None = None,
) -> int:
    from raci import LoadError
    from raci.api import load
    from raci.checking.checker import check
    from raci.diagrams import EngineMissingError, RenderError, RenderLimitError, RenderLimits, render_pages

    try:
        chosen = choose_format(output, output_format)
        wanted = parse_activities(activities)
        if output == STDOUT and chosen in _NOT_FOR_TERMINAL and sys.stdout.isatty():
            if chosen in _BINARY:
                message = _(
                    "%(format)s is binary, not for a terminal: write it to a file with "
                    "-o %(file)s (or pipe it on)"
                )
            else:
                message = _(
                    "%(format)s is pages of markup, not for a terminal: write it to a file with "
                    "-o %(file)s (or pipe it on)"
                )
            raise UsageError(message % {"format": chosen.upper(), "file": f"{view}.{chosen}"})
        limits = RenderLimits(timeout_seconds=timeout, memory_mib=memory_limit or None)
    except (UsageError, ValueError) as error:
        return _fail(str(error))

    try:
        config = rules.config() if rules is not None else None
        org = load(file, limits=input_limits())
        result = check(org, config)
    except FlagError as error:
        return _fail(str(error))
    except LoadError as error:
        write_stderr_lines(str(problem) for problem in error.problems)
        return EXIT_BAD_INPUT

    try:
        pages = render_pages(
            org, result, view=view, format=chosen, detail=detail, activities=wanted, limits=limits
        )
    except (EngineMissingError, RenderLimitError) as error:
        return _fail(str(error))
    except RenderError as error:
        write_stderr_lines([f"raci: {error}", _("This is a bug in raci; please report it.")])
        return EXIT_INTERNAL

    return _write_pages(pages, output, view, chosen)


def _write_pages(pages: Sequence[bytes], output: str, view: str, chosen: str) -> int:
    """One page to stdout, or every page written whole to its file."""
    if output == STDOUT:
        if len(pages) > 1:
            message = ngettext(
                "the %(view)s view needs %(count)d slide: write it to a file with -o %(file)s "
                "(%(first)s ... %(last)s)",
                "the %(view)s view needs %(count)d slides: write them to files with -o %(file)s "
                "(%(first)s ... %(last)s)",
                len(pages),
            )
            values = {
                "view": view,
                "count": len(pages),
                "file": f"{view}.{chosen}",
                "first": f"{view}-1.{chosen}",
                "last": f"{view}-{len(pages)}.{chosen}",
            }
            return _fail(message % values)
        write_stdout(pages[0])
        return EXIT_CLEAN
    from raci.files import os_reason, write_atomic

    paths = page_paths(output, len(pages))
    try:
        for path, data in zip(paths, pages, strict=True):
            write_atomic(path, data)
    except OSError as error:
        return _fail(_("cannot write %(path)s: %(reason)s") % {"path": output, "reason": os_reason(error)})
    total = sum(len(data) for data in pages)
    values = {
        "view": view,
        "format": chosen.upper(),
        "size": _size(total),
        "first": paths[0],
        "last": paths[-1],
    }
    if len(paths) == 1:
        message = _("wrote %(first)s (%(view)s view, %(format)s, %(size)s)")
    else:
        message = ngettext(
            "wrote %(count)d slide, %(first)s to %(last)s (%(view)s view, %(format)s, %(size)s)",
            "wrote %(count)d slides, %(first)s to %(last)s (%(view)s view, %(format)s, %(size)s)",
            len(paths),
        )
    write_stderr_lines([message % {**values, "count": len(paths)}])
    return EXIT_CLEAN


def page_paths(output: str, count: int) -> list[str]:
    """``out.svg`` for one page; ``out-1.svg``, ``out-2.svg``... for several."""
    if count == 1:
        return [output]
    path = Path(output)
    return [str(path.with_name(f"{path.stem}-{number}{path.suffix}")) for number in range(1, count + 1)]


def choose_format(output: str, output_format: str | None) -> str:
    """``--format`` if given, else the output file's extension; SVG for stdout."""
    if output_format:
        return output_format
    if output == STDOUT:
        return "svg"
    suffix = Path(output).suffix.lower()
    found = _SUFFIXES.get(suffix)
    if found is None:
        if suffix:
            message = _(
                "cannot tell the format of %(file)s ('%(suffix)s'): "
                "name it .svg, .png, .pdf or .dot, or pass --format"
            )
        else:
            message = _(
                "cannot tell the format of %(file)s (no extension): "
                "name it .svg, .png, .pdf or .dot, or pass --format"
            )
        raise UsageError(message % {"file": output, "suffix": suffix})
    return found


def parse_activities(values: Sequence[str]) -> tuple[Activity, ...]:
    """``--activity`` values, each possibly comma-separated."""
    from raci.diagrams.api import parse_activities as parse
    from raci.model.vocabulary import Activity, parse_activity

    words = [word.strip() for value in values for word in value.split(",") if word.strip()]
    for word in words:
        if parse_activity(word) is None:
            message = _("--activity: unknown activity %(word)s; use one of: %(allowed)s")
            allowed = ", ".join(activity.value for activity in Activity)
            raise UsageError(message % {"word": repr(word), "allowed": allowed})
    try:
        return parse(words)
    except ValueError as error:
        raise UsageError(f"--activity: {error}") from None


def _size(count: int) -> str:
    if count < 10_000:
        return ngettext("%(count)d byte", "%(count)d bytes", count) % {"count": count}
    return f"{count // 1024} KiB"


def _fail(message: str) -> int:
    write_stderr_lines([f"raci: {message}"])
    return EXIT_BAD_INPUT
