"""`raci check`: load each file, check it, report, and choose the exit code."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from .. import LoadError, Problem
from ..api import load, load_config
from ..checker import CheckResult, check
from ..config import Config
from ..report import ReportOptions, render_report
from ..severity import Severity
from .settings import FlagError, config_from_flags
from .terminal import use_color, width

EXIT_CLEAN, EXIT_FINDINGS, EXIT_BAD_INPUT = 0, 1, 2
YAML_SUFFIXES = (".yaml", ".yml")


def run_check(
    files: Sequence[str],
    output_format: str,
    fail_on: str,
    select: Sequence[str],
    ignore: Sequence[str],
    severity: Sequence[str],
    settings: Sequence[str],
    config_path: Path | None,
    color: str,
    quiet: bool,
) -> int:
    try:
        config = _config(config_path, select, ignore, severity, settings)
    except (FlagError, LoadError) as error:
        _print_problems([str(error)], color)
        return EXIT_BAD_INPUT

    results: list[CheckResult] = []
    problems: list[Problem] = []
    for name in expand_paths(files, problems):
        try:
            results.append(check(load(name), config))
        except LoadError as error:
            problems.extend(error.problems)

    options = ReportOptions(color=use_color(color, sys.stdout), width=width(sys.stdout), quiet=quiet)
    _print_problems([str(problem) for problem in problems], color)
    sys.stdout.write(render_report(output_format, results, problems, options))
    sys.stdout.flush()
    if problems:
        return EXIT_BAD_INPUT
    threshold = Severity(fail_on)
    return EXIT_FINDINGS if any(result.fails(threshold) for result in results) else EXIT_CLEAN


def expand_paths(files: Sequence[str], problems: list[Problem]) -> list[str]:
    """Files as given; a directory stands for its *.yaml and *.yml files, sorted."""
    expanded: list[str] = []
    for name in files:
        path = Path(name)
        if name != "-" and path.is_dir():
            found = sorted(p for p in path.iterdir() if p.suffix in YAML_SUFFIXES and p.is_file())
            if not found:
                problems.append(Problem(name, None, None, "directory has no .yaml or .yml files"))
            expanded.extend(str(p) for p in found)
        else:
            expanded.append(name)
    return expanded


def _config(
    path: Path | None,
    select: Sequence[str],
    ignore: Sequence[str],
    severity: Sequence[str],
    settings: Sequence[str],
) -> Config | None:
    flags = config_from_flags(select, ignore, severity, settings)
    if flags is not None:
        problems = flags.problems()
        if problems:
            raise FlagError("; ".join(message for _, message, _ in problems))
    if path is None:
        return flags
    from_file = load_config(path)
    return from_file.overridden_by(flags) if flags is not None else from_file


def _print_problems(lines: Sequence[str], color: str) -> None:
    colored = use_color(color, sys.stderr)
    for line in lines:
        sys.stderr.write(f"\x1b[31m{line}\x1b[0m\n" if colored else f"{line}\n")
    sys.stderr.flush()
