"""Reporters, registered by name: each turns check results into text, never printing it.

A reporter takes the results of the files checked and the problems of the files that could
not be loaded, and returns the whole report as a string. The CLI picks one by ``--format``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..checker import CheckResult
    from ..errors import Problem


@dataclass(frozen=True)
class ReportOptions:
    color: bool = False
    width: int = 120
    #: Leave out the summary and scorecard: findings only.
    quiet: bool = False


Reporter = Callable[["Sequence[CheckResult]", "Sequence[Problem]", ReportOptions], str]

# name -> (module, function); modules load on use so that `--format json` never imports rich.
_REPORTERS: dict[str, tuple[str, str]] = {
    "text": ("text", "report_text"),
    "json": ("json_report", "report_json"),
}

FORMATS: tuple[str, ...] = tuple(_REPORTERS)


def get_reporter(name: str) -> Reporter:
    try:
        module, function = _REPORTERS[name]
    except KeyError:
        raise ValueError(f"unknown report format {name!r}; choose from {', '.join(FORMATS)}") from None
    reporter: Reporter = getattr(import_module(f".{module}", __name__), function)
    return reporter


def render_report(
    name: str,
    results: Sequence[CheckResult],
    problems: Sequence[Problem] = (),
    options: ReportOptions = ReportOptions(),
) -> str:
    return get_reporter(name)(results, problems, options)
