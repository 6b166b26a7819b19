"""The one-call functions ``raci`` exports: check, draw, report, export and import, compare,
try changes and get suggestions, each taking what the step before gave.

Functions that work on a checked organisation take the :class:`~raci.CheckResult` (which
carries its organisation), or an :class:`~raci.Organization`, which they check first. They
never print or write files; bad input raises a :class:`raci.Error`.
"""

from __future__ import annotations

import dataclasses
import os
import tempfile
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from raci.i18n import gettext
from raci.model.errors import LoadError, Problem, RenderError, SheetError

if TYPE_CHECKING:
    import graphviz

    from raci.checking.checker import CheckResult
    from raci.checking.config import Config
    from raci.diagrams.engine import RenderLimits
    from raci.model.organization import Organization
    from raci.model.vocabulary import Activity
    from raci.types import Detail, ImageFormat, ImportFormat, SheetFormat, View
    from raci.workshop.diff import OrgDiff
    from raci.workshop.spreadsheet import ImportResult
    from raci.workshop.suggest import SuggestResult
    from raci.workshop.whatif import Step, WhatIf

#: Import formats -> the file suffix their reader goes by.
_IMPORT_SUFFIXES = {"xlsx": ".xlsx", "csv": ".csv", "tsv": ".tsv", "md": ".md"}


def checked(subject: CheckResult | Organization, config: Config | None = None) -> CheckResult:
    """``subject`` itself when it is a :class:`CheckResult`, else ``raci.check(subject, config)``."""
    from raci.checking.checker import CheckResult, check

    return subject if isinstance(subject, CheckResult) else check(subject, config)


def dumps(org: Organization) -> str:
    """The organisation as org-file YAML text; ``raci.loads`` of it gives an equal one."""
    from raci.yaml.writer import dump_organization

    return dump_organization(org)


def diagram(
    subject: CheckResult | Organization,
    legacy_result: CheckResult | None = None,
    /,
    *,
    view: View = "gaps",
    detail: Detail = "auto",
    activities: Sequence[Activity | str] = (),
) -> graphviz.Digraph:
    """The ``graphviz.Digraph`` of one view of a checked organisation, to restyle or lay out.

    ``activities`` (``Activity`` values or words such as ``"respond"``) limits the tasks
    drawn. Raises ``ValueError`` for an unknown view, detail or activity.
    """
    from raci.diagrams.api import diagram as build

    result = _result_of(subject, legacy_result, "diagram")
    return build(result.org, result, view=view, detail=detail, activities=activities)


def render(
    subject: CheckResult | Organization,
    legacy_result: CheckResult | None = None,
    /,
    *,
    view: View = "gaps",
    format: ImageFormat = "svg",
    detail: Detail = "auto",
    activities: Sequence[Activity | str] = (),
    limits: RenderLimits | None = None,
) -> bytes:
    """One view of a checked organisation drawn as SVG, PNG, PDF or DOT bytes.

    The same input gives the same bytes. SVG falls back to the embedded engine when
    Graphviz's ``dot`` is missing; PNG and PDF then raise :class:`raci.RenderError`, as does a
    run past ``limits``. ``render(org, result)``, the old form, still works and warns.
    """
    from raci.diagrams.api import render as draw

    result = _result_of(subject, legacy_result, "render")
    return draw(
        result.org, result, view=view, format=format, detail=detail, activities=activities, limits=limits
    )


def render_pages(
    subject: CheckResult | Organization,
    *,
    view: View = "gaps",
    format: ImageFormat = "svg",
    detail: Detail = "auto",
    activities: Sequence[Activity | str] = (),
    limits: RenderLimits | None = None,
) -> list[bytes]:
    """One view drawn as 16:9 slides, one picture each: the gaps view splits into numbered
    pages ("Page 1 of 3") when one slide cannot hold its gaps; other views give one."""
    from raci.diagrams.api import render_pages as draw

    result = checked(subject)
    return draw(
        result.org, result, view=view, format=format, detail=detail, activities=activities, limits=limits
    )


def slides(
    subject: CheckResult | Organization,
    *,
    before: CheckResult | Organization | None = None,
    limits: RenderLimits | None = None,
) -> bytes:
    """The 16:9 PDF workshop deck of a checked organisation; ``before``, the version before
    the workshop, adds what changed. Needs Graphviz's ``dot`` and a font with Polish letters
    (:class:`raci.RenderError` without either). The same input gives the same bytes."""
    from raci.workshop.slides import build_deck

    return build_deck(checked(subject), checked(before) if before is not None else None, limits=limits)


def _result_of(subject: CheckResult | Organization, legacy: CheckResult | None, name: str) -> CheckResult:
    if legacy is None:
        return checked(subject)
    warnings.warn(
        f"raci.{name}(org, result) is deprecated: pass the result alone, raci.{name}(result)",
        DeprecationWarning,
        stacklevel=3,
    )
    if legacy.org != subject:
        raise RenderError(f"raci.{name}: the result given is of another organisation than the one given")
    return legacy


def report_html(subject: CheckResult | Organization, *, limits: RenderLimits | None = None) -> str:
    """The self-contained HTML report of a checked organisation, as text.

    A diagram that cannot be drawn is replaced by a note saying why; the rest is still built.
    """
    from raci.workshop.html_report import build_report

    result = checked(subject)
    return build_report(result.org, result, limits=limits)


def export_sheet(subject: CheckResult | Organization, format: SheetFormat = "xlsx") -> bytes:
    """The RACI matrix as XLSX (with the findings on a second sheet when ``subject`` is a
    checked result) or CSV bytes; text a spreadsheet would run as a formula is neutralised."""
    from raci.checking.checker import CheckResult
    from raci.workshop.spreadsheet import export_csv, export_xlsx

    if format == "csv":
        return export_csv(subject.org if isinstance(subject, CheckResult) else subject)
    if format == "xlsx":
        if isinstance(subject, CheckResult):
            return export_xlsx(subject.org, subject.findings)
        return export_xlsx(subject)
    raise ValueError(f"unknown sheet format {format!r}; choose xlsx or csv")


def import_sheet(
    data: bytes | str | os.PathLike[str],
    format: ImportFormat | None = None,
    *,
    source_name: str | None = None,
    sheet: str | None = None,
    organization: str | None = None,
) -> ImportResult:
    """A RACI matrix (XLSX, CSV, TSV or a Markdown table) -> ``ImportResult`` (``.org``,
    ``.warnings``, ``.guesses``).

    ``data`` is a path (the format then comes from its suffix unless given) or the file's
    bytes, e.g. an upload (``format`` required; problems name ``source_name``, default
    ``<upload>.xlsx``). Raises :class:`raci.SheetError` with every problem at its cell.
    """
    from raci.workshop.spreadsheet import import_sheet as read

    if isinstance(data, (bytes, bytearray, memoryview)):
        if format not in _IMPORT_SUFFIXES:
            message = gettext("the format of spreadsheet bytes must be given: xlsx, csv, tsv or md")
            raise SheetError([Problem(source_name or "<upload>", None, None, message)])
        name = source_name or f"<upload>{_IMPORT_SUFFIXES[format]}"
        with tempfile.TemporaryDirectory(prefix="raci-import-") as folder:
            path = Path(folder) / f"upload{_IMPORT_SUFFIXES[format]}"
            path.write_bytes(bytes(data))
            try:
                return _renamed(read(path, sheet=sheet, organization=organization), str(path), name)
            except LoadError as error:
                raise SheetError(_renamed_problem(p, str(path), name) for p in error.problems) from None
    if not isinstance(data, (str, os.PathLike)):
        message = gettext("import_sheet() takes bytes or a path, not %(type)s") % {
            "type": type(data).__name__
        }
        raise SheetError([Problem(source_name or "<upload>", None, None, message)])
    if format is not None:
        suffix = os.path.splitext(os.fspath(data))[1].lower()
        if _IMPORT_SUFFIXES.get(format) != suffix and not (format == "xlsx" and suffix == ".xlsm"):
            if suffix:
                message = gettext("the file is named %(suffix)s, not as %(format)s: rename it")
            else:
                message = gettext("the file is named without a suffix, not as %(format)s: rename it")
            message %= {"suffix": suffix, "format": format}
            raise SheetError([Problem(os.fspath(data), None, None, message)])
    try:
        return read(data, sheet=sheet, organization=organization)
    except LoadError as error:
        raise SheetError(error.problems) from None


def _renamed_problem(problem: Problem, old: str, new: str) -> Problem:
    if problem.source != old and old not in problem.message:
        return problem
    return dataclasses.replace(problem, source=new, message=problem.message.replace(old, new))


def _renamed(result: ImportResult, old: str, new: str) -> ImportResult:
    org = result.org
    if org.source_map is not None:
        org._source_map = dataclasses.replace(org.source_map, source=new)
    return dataclasses.replace(
        result,
        warnings=tuple(_renamed_problem(p, old, new) for p in result.warnings),
        guesses=tuple(_renamed_problem(p, old, new) for p in result.guesses),
    )


def diff(before: CheckResult | Organization, after: CheckResult | Organization) -> OrgDiff:
    """What changed from ``before`` to ``after``: tasks, departments, letters, findings
    resolved and introduced, principles honoured."""
    from raci.workshop.diff import diff as compare

    return compare(checked(before), checked(after))


def what_if(
    subject: CheckResult | Organization, steps: Sequence[Step], config: Config | None = None
) -> WhatIf:
    """Check the organisation as ``steps`` (``Without``, ``Move``, ``Assign``) would leave it,
    and say what breaks. Raises :class:`raci.ScenarioError` for a step naming what is not there."""
    from raci.workshop.whatif import what_if as scenario

    return scenario(checked(subject, config), steps, config)


def suggest(subject: CheckResult | Organization, config: Config | None = None) -> SuggestResult:
    """Changes that clear findings, each checked: ``.suggestions``, ``.unresolved``, and
    ``.org`` with every suggestion applied."""
    from raci.workshop.suggest import suggest as plan

    return plan(checked(subject, config), config)
