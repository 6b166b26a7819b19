"""`raci` command line. Thin by design: every command parses options, calls the library, and
returns an exit code; formatting lives in :mod:`raci.report`.

Exit codes: 0 clean, 1 findings at or above --fail-on, 2 bad input or usage, 3 internal error.
"""

from __future__ import annotations

import contextvars
import importlib
import sys
from collections.abc import Callable
from typing import Annotated, Any, NoReturn

import click
import typer

from raci import __version__
from raci.cli import (
    catalog_command,
    check_command,
    diff_command,
    doctor_command,
    export_command,
    import_command,
    init_command,
    render_command,
    report_command,
    slides_command,
    suggest_command,
    whatif_command,
)
from raci.cli.exit_codes import EXIT_BAD_INPUT, EXIT_CLEAN
from raci.cli.main import guarded
from raci.cli.options import with_language
from raci.cli.streams import write_stdout

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


def _version(value: bool) -> None:
    if value:
        write_stdout(f"raci {__version__}\n")
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
            help="Refuse org and config files larger than this many MiB (default: 32).",
        ),
    ] = None,
) -> None:
    global _debug
    _debug = debug
    from raci.cli.inputs import set_max_file_size

    set_max_file_size(max_file_size)


#: Every command, registered the same way: its function lives in its own module (which
#: imports what is heavy inside the function), in the order ``raci --help`` lists them.
COMMANDS: tuple[tuple[str, Callable[..., int]], ...] = (
    ("check", check_command.check),
    ("rules", catalog_command.rules),
    ("explain", catalog_command.explain),
    ("schema", catalog_command.schema),
    ("init", init_command.init),
    ("render", render_command.render),
    ("export", export_command.export),
    ("import", import_command.import_matrix),
    ("diff", diff_command.diff),
    ("whatif", whatif_command.whatif),
    ("suggest", suggest_command.suggest),
    ("slides", slides_command.slides),
    ("report", report_command.report),
    ("doctor", doctor_command.doctor),
)

for _name, _function in COMMANDS:
    app.command(_name)(with_language(_function))


def main(argv: list[str] | None = None) -> NoReturn:
    """The console entry point (kept here for callers of ``raci.cli.app:main``)."""
    from raci.cli.main import main as entry

    entry(argv)


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
    from raci.cli.help_words import name_values

    command = typer.main.get_command(app)
    name_values(command)

    def invoke() -> int:
        try:
            result = command.main(args=argv, prog_name="raci", standalone_mode=False)
        except _EXITS as done:
            return int(getattr(done, "exit_code", 0))
        except _USAGE_ERRORS as error:
            from raci.cli.usage_errors import show_usage_error

            show_usage_error(error, sys.argv[1:] if argv is None else argv)
            return EXIT_BAD_INPUT
        except _ABORTS:
            typer.echo("raci: aborted", err=True)
            return EXIT_BAD_INPUT
        return int(result) if isinstance(result, int) else EXIT_CLEAN

    # Read --debug after the command line is parsed (the root callback sets it). The run gets
    # its own context, so the language --lang sets ends with it (the CLI run in-process).
    return contextvars.copy_context().run(guarded, invoke, debug_flag=lambda: _debug)


if __name__ == "__main__":
    main()
