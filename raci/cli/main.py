"""The `raci` console entry point: the start-up tweaks, then the command.

A plain ``raci check FILE…`` (files, and at most ``--format``, ``--fail-on``, ``--color``,
``--lang`` and ``--quiet``) runs straight from :mod:`raci.cli.check_run`, without importing typer and click
or building the command tree: that is a fifth of the start-up of a small check, and checking
in CI or an editor hook is what runs most often. Anything else (another command, other
options, ``--help``, a value typer should refuse) goes through :mod:`raci.cli.app`, so help
and usage errors are typer's own. Both paths share the internal-error handling below.
"""

from __future__ import annotations

import contextlib
import gc
import os
import sys
import traceback
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, NoReturn

from raci.cli.exit_codes import EXIT_BAD_INPUT, EXIT_CLEAN, EXIT_INTERNAL, FailLevel

if TYPE_CHECKING:
    from raci.cli.check_run import CheckRequest

_COLORS = ("auto", "always", "never")
_FAIL_LEVELS = tuple(level.value for level in FailLevel)
_LANGUAGES = ("en", "pl")  # raci.i18n.LANGUAGES, without importing it before it is needed
#: Environment variables typer reads as options: when set, the command goes through typer.
_ENVIRONMENT = ("RACI_MAX_FILE_SIZE",)


def main(argv: list[str] | None = None) -> NoReturn:
    """Run a command and exit with its code, never with a traceback."""
    # Measured by benchmarks/bench_check.py (raci check on the 20,000-task org): with the
    # default thresholds the collector runs every 700 allocations and costs about a third
    # of the check, while the objects built (models, graph, findings) hold no cycles.
    # Collecting rarely keeps memory bounded, unlike switching the collector off.
    gc.set_threshold(100_000, 50, 100)
    # Measured by benchmarks/bench_startup.py: pydantic looks through every installed
    # package's entry points for plugins on its first validation (about 10 ms in a plain
    # venv, more beside many packages); raci uses none. A user who wants plugins can set it.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    args = sys.argv[1:] if argv is None else list(argv)
    request = fast_check_request(args)
    if request is None:
        from raci.cli.app import run

        sys.exit(run(args))
    from raci.cli.check_run import run_check
    from raci.cli.language import run_in_language

    sys.exit(guarded(lambda: run_in_language(request.language, lambda: run_check(request))))


def fast_check_request(args: Sequence[str]) -> CheckRequest | None:
    """The request of a plain ``raci check`` command line, or None for typer to parse."""
    if len(args) < 2 or args[0] != "check" or any(name in os.environ for name in _ENVIRONMENT):
        return None
    from raci.report import FORMATS

    formats = tuple(FORMATS)
    choices = {
        "--format": formats,
        "-f": formats,
        "--color": _COLORS,
        "--fail-on": _FAIL_LEVELS,
        "--lang": _LANGUAGES,
    }
    values = {"--format": "text", "--color": "auto", "--fail-on": "error"}
    files: list[str] = []
    quiet = False
    rest = list(args[1:])
    while rest:
        token = rest.pop(0)
        name, has_value, value = token.partition("=")
        if token in ("-q", "--quiet"):
            quiet = True
        elif name in choices:
            if not has_value:
                if not rest:
                    return None
                value = rest.pop(0)
            if value not in choices[name]:
                return None
            values["--format" if name == "-f" else name] = value
        elif token == "-" or not token.startswith("-"):
            files.append(token)
        else:
            return None
    if not files:
        return None
    from raci.cli.check_run import CheckRequest

    return CheckRequest(
        files=files,
        output_format=values["--format"],
        fail_on=values["--fail-on"],
        color=values["--color"],
        quiet=quiet,
        language=values.get("--lang"),
    )


def guarded(command: Callable[[], int], *, debug_flag: Callable[[], bool] = lambda: False) -> int:
    """Run a command; a closed pipe, Ctrl-C or a bug becomes an exit code and one message.

    ``debug_flag`` is read after the command ran (``--debug`` is parsed with it): when true,
    a bug also prints its traceback.
    """
    try:
        return command()
    except BrokenPipeError:
        # The reader went away (`raci check … | head`) somewhere no command handled it:
        # stop quietly. (Commands write through cli.streams, which keeps their exit code.)
        from raci.cli.streams import silence

        silence(sys.stdout)
        silence(sys.stderr)
        return EXIT_CLEAN
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # a bug: say so briefly, trace only on request
        if _cannot_write(error):
            return EXIT_BAD_INPUT
        if debug_flag():
            traceback.print_exc()
        # The error's text may quote input: short and escaped, like every other message.
        from raci.i18n import gettext as _
        from raci.model.text_safety import shorten

        values = {"error": type(error).__name__, "detail": shorten(_error_text(error), 200)}
        sys.stderr.write(
            _("raci: internal error: %(error)s: %(detail)s") % values
            + "\n"
            + _("This is a bug in raci; run again with --debug for the traceback and please report it.")
            + "\n"
        )
        sys.stderr.flush()
        return EXIT_INTERNAL


def _cannot_write(error: Exception) -> bool:
    """A full disk or a failed device under stdout is no bug: one line, exit 2."""
    from raci.cli.streams import WRITE_FAILURES, OutputWriteError, silence

    if not isinstance(error, OSError) or not (
        isinstance(error, OutputWriteError) or error.errno in WRITE_FAILURES
    ):
        return False
    silence(sys.stdout)  # what is still buffered would fail again at exit
    with contextlib.suppress(OSError):
        from raci.files import os_reason
        from raci.i18n import gettext as _

        sys.stderr.write(_("raci: cannot write the output: %(reason)s") % {"reason": os_reason(error)} + "\n")
        sys.stderr.flush()
    return True


def _error_text(error: BaseException) -> str:
    try:
        return str(error)
    except Exception:
        return "(no description)"
