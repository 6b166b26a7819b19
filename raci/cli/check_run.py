"""What `raci check` does: load each file, check it, report, and choose the exit code.

Every file is checked even when another cannot be loaded: load problems go to stderr as
``file:line:col: message`` lines and into the report, and the exit code is the worst of all
(2 for a file that could not be loaded, else 1 for findings at or above --fail-on).

No typer here: :mod:`raci.cli.main` runs a plain ``raci check FILE…`` straight from this
module, without building the whole command line (see docs/architecture.md, start-up).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from raci import LoadError, Problem
from raci.cli.exit_codes import EXIT_BAD_INPUT, EXIT_CLEAN, EXIT_FINDINGS
from raci.cli.inputs import input_limits
from raci.cli.settings import FlagError, rule_config
from raci.cli.streams import write_stderr_lines, write_stdout
from raci.cli.terminal import use_color, width
from raci.i18n import gettext as _
from raci.i18n import ngettext
from raci.model.severity import Severity
from raci.model.vocabulary import parse_letter_map
from raci.report import ReportOptions, portable_path, render_report

if TYPE_CHECKING:
    from raci.checking.baseline import Baseline
    from raci.checking.checker import CheckResult
    from raci.checking.config import Config

YAML_SUFFIXES = (".yaml", ".yml")
STDOUT = "-"


@dataclass(frozen=True)
class CheckRequest:
    """What `raci check` was asked to do, parsed from the command line."""

    files: Sequence[str]
    output_format: str = "text"
    fail_on: str = "error"
    select: Sequence[str] = ()
    ignore: Sequence[str] = ()
    severity: Sequence[str] = ()
    settings: Sequence[str] = ()
    config_path: Path | None = None
    color: str = "auto"
    quiet: bool = False
    baseline: Path | None = None
    write_baseline: Path | None = None
    output: Path | None = None
    #: LETTER=LETTERS pairs: how to read another RACI variant's letters (D=A).
    letter_map: Sequence[str] = ()
    #: Worker processes; None: one per core when there are many files.
    jobs: int | None = None
    #: List waived findings one by one in the text report.
    show_waived: bool = False
    #: ``--lang`` on the fast path (typer's path sets the language as it parses).
    language: str | None = None


class _BadInput(Exception):
    """Ends the run with exit 2 once its lines (possibly none) are printed."""

    def __init__(self, lines: Sequence[str] = ()) -> None:
        super().__init__()
        self.lines = list(lines)


def run_check(request: CheckRequest) -> int:
    try:
        return _run(request)
    except _BadInput as stop:
        _print_problems(stop.lines, request.color)
        return EXIT_BAD_INPUT


def _run(request: CheckRequest) -> int:
    letter_map, config, baseline = _settings(request)
    names, problems = _inputs(request)
    results: list[CheckResult] = []
    from raci.checking.parallel import check_files

    outcomes = check_files(names, config, limits=input_limits(), letter_map=letter_map, jobs=request.jobs)
    for outcome in outcomes:
        if isinstance(outcome, LoadError):
            problems.extend(outcome.problems)
        else:
            results.append(outcome)
    if request.write_baseline is not None:
        baseline = _write_baseline(request, results, problems)
    baselined = None
    if baseline is not None:
        filtered = baseline.apply(results)
        results, baselined = list(filtered.results), filtered.baselined
    _print_problems([str(problem) for problem in problems], request.color)
    _emit_report(request, results, problems, baselined)
    if problems:
        return EXIT_BAD_INPUT
    threshold = Severity(request.fail_on)
    return EXIT_FINDINGS if any(result.fails(threshold) for result in results) else EXIT_CLEAN


def _settings(request: CheckRequest) -> tuple[dict[str, str], Config | None, Baseline | None]:
    """The letter map, the rule configuration and the baseline the flags ask for."""
    if request.baseline is not None and request.write_baseline is not None:
        raise _BadInput([_("--baseline and --write-baseline cannot be used together")])
    try:
        letter_map = parse_letter_map(request.letter_map)
    except ValueError as error:
        raise _BadInput([str(error)]) from None
    try:
        config = rule_config(
            request.config_path, request.select, request.ignore, request.severity, request.settings
        )
        baseline = None
        if request.baseline is not None:
            from raci.checking.baseline import load_baseline

            baseline = load_baseline(request.baseline)
    except FlagError as error:
        raise _BadInput([str(error)]) from None
    except LoadError as error:
        raise _BadInput([str(problem) for problem in error.problems]) from None
    return letter_map, config, baseline


def _inputs(request: CheckRequest) -> tuple[list[str], list[Problem]]:
    """The files to check (directories expanded) and the problems finding them."""
    problems: list[Problem] = []
    names = expand_paths(request.files, problems)
    clash = _overwrites_input(names, (request.output, request.write_baseline))
    if clash is not None:
        raise _BadInput(
            [_("%(path)s: is an input file; refusing to write a report over it") % {"path": clash}]
        )
    return names, problems


def _write_baseline(request: CheckRequest, results: list[CheckResult], problems: list[Problem]) -> Baseline:
    from raci.checking.baseline import Baseline

    target = request.write_baseline
    if target is None:  # pragma: no cover - called only with --write-baseline
        raise _BadInput()
    if problems:
        raise _BadInput(
            [
                *(str(problem) for problem in problems),
                _("%(path)s: not written, because some files could not be loaded") % {"path": target},
            ]
        )
    baseline = Baseline.from_results(results)
    if not _write_file(target, baseline.to_json(), request.color):
        raise _BadInput()
    if not request.quiet:
        message = ngettext(
            "raci: wrote %(path)s with %(count)d finding",
            "raci: wrote %(path)s with %(count)d findings",
            len(baseline),
        )
        write_stderr_lines([message % {"path": target, "count": len(baseline)}])
    return baseline


def _emit_report(
    request: CheckRequest,
    results: list[CheckResult],
    problems: list[Problem],
    baselined: Mapping[str, int] | None,
) -> None:
    """The report to stdout, or written whole to --output (not at all if a file failed to load)."""
    to_file = request.output is not None and str(request.output) != STDOUT
    stream = None if to_file else sys.stdout
    options = ReportOptions(
        color=request.color == "always" if stream is None else use_color(request.color, stream),
        width=120 if stream is None else width(stream),
        quiet=request.quiet,
        baselined=baselined,
        show_waived=request.show_waived,
    )
    if request.output is not None and to_file:
        if problems:
            # Bad input writes nothing: the problems are on stderr, exit 2.
            message = _("%(path)s: not written, because some files could not be loaded")
            raise _BadInput([message % {"path": request.output}])
        report = render_report(request.output_format, results, problems, options)
        if not _write_file(request.output, report, request.color):
            raise _BadInput()
        return
    write_stdout(render_report(request.output_format, results, problems, options))


def expand_paths(files: Sequence[str], problems: list[Problem]) -> list[str]:
    """Files as given; a directory stands for its *.yaml and *.yml files, sorted.

    A file named twice (directly and through its directory, or as ``./a.yaml`` and
    ``a.yaml``) is checked once.
    """
    expanded: list[str] = []
    seen: set[str] = set()
    for name in files:
        path = Path(name)
        if name != "-" and path.is_dir():
            found = sorted(p for p in path.iterdir() if p.suffix in YAML_SUFFIXES and p.is_file())
            if not found:
                problems.append(Problem(name, None, None, _("directory has no .yaml or .yml files")))
            candidates = [str(p) for p in found]
        else:
            candidates = [name]
        for candidate in candidates:
            key = candidate if candidate == "-" else portable_path(os.path.abspath(candidate))
            if key not in seen:
                seen.add(key)
                expanded.append(candidate)
    return expanded


def _overwrites_input(names: Sequence[str], outputs: Sequence[Path | None]) -> Path | None:
    inputs = {os.path.realpath(name) for name in names if name != "-"}
    for output in outputs:
        if output is not None and str(output) != STDOUT and os.path.realpath(output) in inputs:
            return output
    return None


def _write_file(path: Path, text: str, color: str) -> bool:
    from raci.files import write_atomic

    try:
        write_atomic(path, text.encode("utf-8", "replace"))
    except OSError as error:
        from raci.files import os_reason

        message = _("%(path)s: cannot write: %(reason)s") % {"path": path, "reason": os_reason(error)}
        _print_problems([message], color)
        return False
    return True


def _print_problems(lines: Sequence[str], color: str) -> None:
    write_stderr_lines(lines, color=use_color(color, sys.stderr))
