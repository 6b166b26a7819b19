"""Reporters, registered by name: each turns check results into text, never printing it.

A reporter takes the results of the files checked and the problems of the files that could
not be loaded, and returns the whole report as a string. The CLI picks one by ``--format``.
Reporters import nothing from the CLI, so tools can call :func:`render_report` directly.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path, PurePath
from typing import TYPE_CHECKING

from raci.i18n import gettext, ngettext
from raci.model.severity import Severity

if TYPE_CHECKING:
    from raci.checking.checker import CheckResult
    from raci.model.errors import Problem


@dataclass(frozen=True)
class ReportOptions:
    color: bool = False
    width: int = 120
    #: Leave out the summary and scorecard: findings only.
    quiet: bool = False
    #: Findings left out because a baseline lists them, per file; ``None`` when no baseline
    #: is in use (as opposed to a baseline that matched nothing).
    baselined: Mapping[str, int] | None = None
    #: List waived findings one by one (text report); other formats always carry them.
    show_waived: bool = False

    @property
    def baselined_total(self) -> int:
        return sum(self.baselined.values()) if self.baselined else 0


Reporter = Callable[["Sequence[CheckResult]", "Sequence[Problem]", ReportOptions], str]

# name -> (module, function); modules load on use so that `--format json` never imports rich.
_REPORTERS: dict[str, tuple[str, str]] = {
    "text": ("text", "report_text"),
    "json": ("json_report", "report_json"),
    "sarif": ("sarif", "report_sarif"),
    "github": ("github", "report_github"),
    "junit": ("junit", "report_junit"),
    "markdown": ("markdown", "report_markdown"),
}

FORMATS: tuple[str, ...] = tuple(_REPORTERS)

#: The rule id reporters give a file that could not be loaded (it is not a catalog rule).
LOAD_ERROR_ID = "load-error"


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


def portable_path(name: str, base: str | os.PathLike[str] | None = None) -> str:
    """A file name as CI tools want it: relative to ``base`` (the working directory) when
    inside it, with forward slashes, and without ``./`` or ``a/../`` detours.

    Names that are not paths (``<stdin>``) are kept as they are.
    """
    if name.startswith("<") and name.endswith(">"):
        return name
    path = Path(name)
    if path.is_absolute():
        root = Path(base) if base is not None else Path.cwd()
        try:
            path = path.relative_to(root)
        except ValueError:
            return path.as_posix()
    normal = os.path.normpath(path)
    return PurePath(normal).as_posix()


def severity_counts(results: Sequence[CheckResult]) -> dict[Severity, int]:
    """Findings per severity over all results, worst first."""
    totals = {severity: 0 for severity in reversed(Severity)}
    for result in results:
        for severity, count in result.counts().items():
            totals[severity] += count
    return totals


def summary_line(results: Sequence[CheckResult], problems: Sequence[Problem], options: ReportOptions) -> str:
    """``3 errors, 4 warnings, 1 info in 2 files; 1 file not loaded; 5 baselined`` (the
    files with findings are those that loaded)."""
    totals = severity_counts(results)
    parts = [severity.counted(count) for severity, count in totals.items() if count]
    unloadable = len({problem.source for problem in problems})
    checked = len(results)
    # Findings are counted over the files that loaded; the others are named apart, so a
    # missing file reads "1 file not loaded", never "1 file not loaded in 1 file".
    pieces = []
    if checked or not unloadable:
        found = ", ".join(parts) if parts else gettext("no findings")
        where = ngettext("in %(count)d file", "in %(count)d files", checked) % {"count": checked}
        pieces.append(f"{found} {where}")
    if unloadable:
        pieces.append(
            ngettext("%(count)d file not loaded", "%(count)d files not loaded", unloadable)
            % {"count": unloadable}
        )
    text = "; ".join(pieces)
    if options.baselined is not None:
        text += "; " + gettext("%(count)d baselined") % {"count": options.baselined_total}
    waived = waived_count(results)
    if waived:
        text += "; " + gettext("%(count)d waived") % {"count": waived}
    return text



def fix_note(hint: str) -> str:
    """``fix: give PR an R`` after a finding, in the current language."""
    return gettext("fix: %(hint)s") % {"hint": hint}


def waived_note(reason: str | None) -> str:
    """``waived: <the team's reason>`` after a waived finding, in the current language."""
    return gettext("waived: %(reason)s") % {"reason": reason}


def waived_count(results: Sequence[CheckResult]) -> int:
    """Findings the org files waive, over all results (they never count)."""
    return sum(len(result.waived) for result in results)
