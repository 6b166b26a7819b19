"""`raci` command line. Thin by design: every command parses options, calls the library, and
returns an exit code; formatting lives in :mod:`raci.report`.

Exit codes: 0 clean, 1 findings at or above --fail-on, 2 bad input or usage, 3 internal error.
"""

from __future__ import annotations

import gc
import importlib
import os
import sys
import traceback
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, NoReturn

import click
import typer

from raci import __version__
from raci.cli.exit_codes import EXIT_BAD_INPUT, EXIT_CLEAN, EXIT_INTERNAL, FailLevel
from raci.report import FORMATS

app = typer.Typer(
    name="raci",
    help=(
        "Check who owns your social media work. Social media is a communication channel: "
        "customer service, PR and sales must share its ownership with marketing.\n\n"
        "Exit codes: 0 clean, 1 findings at or above --fail-on, 2 bad input or usage, "
        "3 internal error."
    ),
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)

_debug = False


# Report formats come from the reporter registry, so a new reporter needs no CLI change.
OutputFormat = Enum(  # type: ignore[misc]
    "OutputFormat", {name: name for name in FORMATS}, type=str
)

DEFAULT_FORMAT = OutputFormat("text")


class ListFormat(str, Enum):
    text = "text"
    json = "json"


class ColorChoice(str, Enum):
    auto = "auto"
    always = "always"
    never = "never"


class Template(str, Enum):
    social_media = "social-media"
    blank = "blank"


def _version(value: bool) -> None:
    if value:
        _write(f"raci {__version__}\n")
        raise typer.Exit(EXIT_CLEAN)


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks of internal errors.")] = False,
    max_file_size: Annotated[
        float | None,
        typer.Option(
            "--max-file-size",
            envvar="RACI_MAX_FILE_SIZE",
            min=0.001,
            help="Refuse org and config files larger than this many MiB (default: 64).",
        ),
    ] = None,
) -> None:
    global _debug
    _debug = debug
    from raci.cli.inputs import set_max_file_size

    set_max_file_size(max_file_size)


@app.command()
def check(
    files: Annotated[list[str], typer.Argument(help="Org files or directories ('-' reads stdin).")],
    output_format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="Report format.")
    ] = DEFAULT_FORMAT,
    fail_on: Annotated[
        FailLevel, typer.Option(help="Exit 1 when a finding is at or above this level.")
    ] = FailLevel.error,
    select: Annotated[
        list[str], typer.Option(help="Only these rule codes or prefixes (comma-separated).")
    ] = [],  # noqa: B006
    ignore: Annotated[list[str], typer.Option(help="Skip these rule codes or prefixes.")] = [],  # noqa: B006
    severity: Annotated[list[str], typer.Option(help="Change a rule's severity: CODE=level.")] = [],  # noqa: B006
    setting: Annotated[list[str], typer.Option("--set", help="Set a rule option: CODE.option=value.")] = [],  # noqa: B006
    config: Annotated[
        Path | None, typer.Option(help="A rules configuration file (YAML with a rules: section).")
    ] = None,
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
    show_waived: Annotated[
        bool, typer.Option("--show-waived", help="List waived findings with their reasons (text report).")
    ] = False,
) -> int:
    """Check org files against the RACI and social media ownership rules.

    Formats: text, json, sarif (SARIF 2.1.0), github (annotations), junit (JUnit XML), markdown.
    """
    from raci.cli.check_command import CheckRequest, run_check

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
            show_waived=show_waived,
        )
    )


@app.command("rules")
def rules_command(
    output_format: Annotated[ListFormat, typer.Option("--format", "-f")] = ListFormat.text,
) -> int:
    """List every rule: code, name, default severity and summary."""
    from raci.report.catalog import rule_list_json, rule_list_text

    _write(rule_list_json() if output_format is ListFormat.json else rule_list_text())
    return EXIT_CLEAN


@app.command()
def explain(code: Annotated[str, typer.Argument(help="A rule code (SOC103) or name.")]) -> int:
    """Explain a rule: the principle behind it, why it matters, examples, and how to fix."""
    from raci.report.catalog import explain_text
    from raci.rules import ALL_RULES, rule_for

    rule = rule_for(code)
    if rule is None:
        known = ", ".join(r.code for r in ALL_RULES)
        return _fail(f"unknown rule {code!r}; known rules: {known}")
    _write(explain_text(rule))
    return EXIT_CLEAN


@app.command()
def schema() -> int:
    """Print the JSON Schema of the org file format (for editors and validators)."""
    from raci.model.schema import json_schema_text

    _write(json_schema_text())
    return EXIT_CLEAN


@app.command()
def init(
    path: Annotated[Path, typer.Argument(help="Where to write the starter org file.")] = Path("org.yaml"),
    template: Annotated[Template, typer.Option(help="Which starter to write.")] = Template.social_media,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing file.")] = False,
) -> int:
    """Write a commented starter org file that passes `raci check` and teaches the principles."""
    from raci.files import OutputExistsError, write_atomic
    from raci.model.schema import json_schema_text
    from raci.templates import template_text

    # The starter names raci.schema.json for editors; write it beside the file unless one
    # is already there (it may be the user's, or shared by several org files).
    schema_path = path.parent / "raci.schema.json"
    try:
        write_atomic(path, template_text(template.value).encode("utf-8"), overwrite=force)
        # A link there (even a dangling one) counts as "already there": never written through.
        wrote_schema = not (schema_path.exists() or schema_path.is_symlink())
        if wrote_schema:
            write_atomic(schema_path, json_schema_text().encode("utf-8"), overwrite=False)
    except OutputExistsError as error:
        return _fail(str(error))
    except OSError as error:
        return _fail(f"cannot write {path}: {error.strerror or error}")
    also = f" and {schema_path} (for editors)" if wrote_schema else ""
    from raci.cli.streams import write_stderr_lines

    write_stderr_lines([f"wrote {path}{also}; next: raci check {path}"])
    return EXIT_CLEAN


from raci.cli.render_command import (  # noqa: E402 - kept beside the one command that uses it
    DEFAULT_DETAIL,
    DEFAULT_VIEW_CHOICE,
    DetailChoice,
    RenderFormat,
    ViewChoice,
)


@app.command()
def render(
    file: Annotated[str, typer.Argument(help="The org file ('-' reads stdin).")],
    view: Annotated[
        ViewChoice, typer.Option("--view", "-v", help="What to draw: gaps, ownership, matrix or workload.")
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
    timeout: Annotated[float, typer.Option(min=0.1, help="Stop Graphviz after this many seconds.")] = 30.0,
    memory_limit: Annotated[
        int,
        typer.Option("--memory-limit", min=0, help="Stop Graphviz past this many MiB (0: no limit)."),
    ] = 2048,
) -> int:
    """Draw a diagram of the org and its gaps with Graphviz: SVG, PNG, PDF or DOT.

    Without Graphviz's `dot` installed, SVG still renders through the embedded engine.
    """
    from raci.cli.render_command import run_render

    return run_render(
        file,
        view.value,
        output,
        output_format.value if output_format is not None else None,
        detail.value,
        activity,
        timeout,
        memory_limit,
    )


# Workshop kit (issue 6): each command lives in its own module, heavy imports inside it.
from raci.cli import diff_command, export_command, import_command, suggest_command, whatif_command  # noqa: E402

app.command("export")(export_command.export)
app.command("import")(import_command.import_matrix)
app.command("diff")(diff_command.diff)
app.command("whatif")(whatif_command.whatif)
app.command("suggest")(suggest_command.suggest)

# The one-file HTML report (issue 6): a document for a screen, not a check reporter.
from raci.cli import report_command  # noqa: E402

app.command("report")(report_command.report)


def _write(text: str) -> None:
    from raci.cli.streams import write_stdout

    write_stdout(text)


def _fail(message: str) -> int:
    from raci.cli.streams import write_stderr_lines

    write_stderr_lines([f"raci: {message}"])
    return EXIT_BAD_INPUT


def main(argv: list[str] | None = None) -> NoReturn:
    """Console entry point: run a command and exit with its code, never with a traceback."""
    # A short run that builds hundreds of thousands of objects without cycles: the default
    # collection every 700 allocations costs a third of checking a large org, so collect
    # rarely (memory stays bounded, unlike switching the collector off).
    gc.set_threshold(100_000, 50, 100)
    # pydantic scans every installed package's entry points for plugins on first validation
    # (~10 ms a start); raci uses none. A user who wants plugins can still set the variable.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    sys.exit(run(argv))


def _typer_click(name: str) -> tuple[type[Any], ...]:
    """A class of the copy of click that newer typer releases carry inside them, if any."""
    try:
        module = importlib.import_module("typer._click.exceptions")
    except ImportError:
        return ()
    found = getattr(module, name, None)
    return (found,) if isinstance(found, type) else ()


# Usage errors, --help's exit and Ctrl-D come as click's classes, or as typer's own where
# typer vendors click: both must map to exit codes, never to "internal error".
_EXITS: tuple[type[BaseException], ...] = (click.exceptions.Exit, typer.Exit)
_ABORTS: tuple[type[BaseException], ...] = (click.exceptions.Abort, typer.Abort)
_USAGE_ERRORS: tuple[type[click.ClickException], ...] = (
    click.ClickException,
    *_typer_click("ClickException"),
)


def run(argv: list[str] | None = None) -> int:
    command = typer.main.get_command(app)
    try:
        result = command.main(args=argv, prog_name="raci", standalone_mode=False)
    except _EXITS as done:
        return int(getattr(done, "exit_code", 0))
    except _USAGE_ERRORS as error:
        error.show()
        return EXIT_BAD_INPUT
    except _ABORTS:
        typer.echo("raci: aborted", err=True)
        return EXIT_BAD_INPUT
    except BrokenPipeError:
        # The reader went away (`raci check … | head`) somewhere no command handled it:
        # stop quietly. (Commands write through cli.streams, which keeps their exit code.)
        _silence_stdout()
        return EXIT_CLEAN
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # a bug: say so briefly, trace only on request
        if _debug:
            traceback.print_exc()
        from raci.model.text_safety import shorten

        # The error's text may quote input: short and escaped, like every other message.
        typer.echo(
            f"raci: internal error: {type(error).__name__}: {shorten(_error_text(error), 200)}\n"
            "This is a bug in raci; run again with --debug for the traceback and please report it.",
            err=True,
        )
        return EXIT_INTERNAL
    return int(result) if isinstance(result, int) else EXIT_CLEAN


def _error_text(error: BaseException) -> str:
    try:
        return str(error)
    except Exception:
        return "(no description)"


def _silence_stdout() -> None:
    from raci.cli.streams import silence

    silence(sys.stdout)
    silence(sys.stderr)


if __name__ == "__main__":
    main()
