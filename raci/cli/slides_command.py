"""`raci slides FILE -o deck.pdf`: the workshop deck, written whole or not at all."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from raci.cli.exit_codes import EXIT_BAD_INPUT, EXIT_CLEAN, EXIT_INTERNAL
from raci.cli.streams import write_stderr_lines, write_stdout
from raci.i18n import gettext


def slides(
    file: Annotated[str, typer.Argument(help="The org file (after the workshop, if --before is given).")],
    output: Annotated[str, typer.Option("--output", "-o", help="The PDF file to write.")] = "",
    before: Annotated[
        str | None, typer.Option("--before", help="The org file before the workshop: adds what changed.")
    ] = None,
    timeout: Annotated[float, typer.Option(min=0.1, help="Stop Graphviz after this many seconds.")] = 30.0,
) -> int:
    """Write a 16:9 PDF deck for a workshop: scorecard, one page per failing principle with
    its gaps and fixes, ownership grid, matrix, workload, and (with --before) what changed.

    Needs Graphviz's `dot` and a font with Polish letters (DejaVu Sans).
    """
    from raci.cli.workshop_io import load_org

    problem = _output_problem(output)
    if problem is not None:
        return _fail(problem)
    after_org = load_org(file)
    before_org = load_org(before) if before is not None else None
    if after_org is None or (before is not None and before_org is None):
        return EXIT_BAD_INPUT

    from raci.checking.checker import check
    from raci.diagrams.engine import EngineMissingError, RenderError, RenderLimitError, RenderLimits
    from raci.workshop.slides import FontMissingError, build_deck

    try:
        data = build_deck(
            check(after_org),
            check(before_org) if before_org is not None else None,
            limits=RenderLimits(timeout_seconds=timeout),
        )
    except (EngineMissingError, RenderLimitError, FontMissingError) as error:
        return _fail(str(error))
    except RenderError as error:
        write_stderr_lines([f"raci: {error}", gettext("This is a bug in raci; please report it.")])
        return EXIT_INTERNAL
    return _write_deck(output, data)


def _output_problem(output: str) -> str | None:
    """Why the deck cannot go to ``output`` (no name, not .pdf, a terminal), or None."""
    if not output:
        return gettext("say where to write the deck: raci slides FILE -o deck.pdf")
    if output != "-" and Path(output).suffix.lower() != ".pdf":
        suffix = Path(output).suffix
        if not suffix:
            return gettext("the deck is a PDF: name the output .pdf, not no extension (%(output)s)") % {
                "output": output
            }
        return gettext("the deck is a PDF: name the output .pdf, not '%(suffix)s' (%(output)s)") % {
            "suffix": suffix,
            "output": output,
        }
    if output == "-" and sys.stdout.isatty():
        return gettext("a PDF is binary: write it to a file (-o deck.pdf), not a terminal")
    return None


def _write_deck(output: str, data: bytes) -> int:
    """The deck to standard output (``-``) or written whole to the file."""
    from raci.files import os_reason, write_atomic

    if output == "-":
        write_stdout(data)  # a closed pipe ends quietly, a full disk is one line and exit 2
        return EXIT_CLEAN
    try:
        write_atomic(output, data)
    except OSError as error:
        return _fail(
            gettext("cannot write %(output)s: %(reason)s") % {"output": output, "reason": os_reason(error)}
        )
    write_stderr_lines(
        [
            gettext("wrote %(output)s (workshop deck, %(size)d KiB)")
            % {"output": output, "size": len(data) // 1024}
        ]
    )
    return EXIT_CLEAN


def _fail(message: str) -> int:
    write_stderr_lines([f"raci: {message}"])
    return EXIT_BAD_INPUT
