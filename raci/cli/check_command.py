"""`raci check`: its options. What it does is in :mod:`raci.cli.check_run`."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from raci.cli.check_run import CheckRequest, run_check
from raci.cli.exit_codes import FailLevel
from raci.cli.options import ConfigFile, Ignore, Select, SetFlag, SeverityFlag
from raci.report import FORMATS

# Report formats come from the reporter registry, so a new reporter needs no CLI change.
OutputFormat = Enum(  # type: ignore[misc]
    "OutputFormat", {name: name for name in FORMATS}, type=str
)
DEFAULT_FORMAT = OutputFormat("text")


class ColorChoice(str, Enum):
    auto = "auto"
    always = "always"
    never = "never"


def check(
    files: Annotated[list[str], typer.Argument(help="Org files or directories ('-' reads stdin).")],
    output_format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="Report format.")
    ] = DEFAULT_FORMAT,
    fail_on: Annotated[
        FailLevel, typer.Option(help="Exit 1 when a finding is at or above this level.")
    ] = FailLevel.error,
    select: Select = [],  # noqa: B006 - typer reads the default, never mutates it
    ignore: Ignore = [],  # noqa: B006
    severity: SeverityFlag = [],  # noqa: B006
    setting: SetFlag = [],  # noqa: B006
    config: ConfigFile = None,
    color: Annotated[ColorChoice, typer.Option(help="Colour the text report.")] = ColorChoice.auto,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Findings only: no scorecard or summary.")
    ] = False,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Write the report to this file (atomically) instead of stdout.",
            dir_okay=False,
        ),
    ] = None,
    baseline: Annotated[
        Path | None,
        typer.Option(
            help="Report only findings not in this baseline file (see --write-baseline).", dir_okay=False
        ),
    ] = None,
    write_baseline: Annotated[
        Path | None,
        typer.Option(
            help="Record today's findings in this baseline file, then report with it applied.", dir_okay=False
        ),
    ] = None,
    letter_map: Annotated[
        list[str],
        typer.Option(
            "--letter-map",
            help="Read another RACI variant's letter: LETTER=LETTERS, e.g. D=A (X=- for none).",
        ),
    ] = [],  # noqa: B006
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            min=1,
            help="Check files in this many processes (default: one per core for 32 files or more). "
            "The output is the same whatever the number.",
        ),
    ] = None,
    show_waived: Annotated[
        bool, typer.Option("--show-waived", help="List waived findings with their reasons (text report).")
    ] = False,
) -> int:
    """Check org files against the RACI and social media ownership rules.

    Formats: text, json, sarif (SARIF 2.1.0), github (annotations), junit (JUnit XML), markdown.
    """
    return run_check(
        CheckRequest(
            files=files,
            output_format=output_format.value,
            fail_on=FailLevel(fail_on).value,
            select=select,
            ignore=ignore,
            severity=severity,
            settings=setting,
            config_path=config,
            color=color.value,
            quiet=quiet,
            baseline=baseline,
            write_baseline=write_baseline,
            output=output,
            letter_map=letter_map,
            jobs=jobs,
            show_waived=show_waived,
        )
    )
