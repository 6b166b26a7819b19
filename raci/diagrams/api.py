"""Drawing an organisation: build a view's Digraph, then lay it out into bytes."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from raci.diagrams.engine import LAYOUT_FORMATS, RenderLimits, find_engine, run_engine
from raci.diagrams.options import FORMATS, ViewOptions
from raci.diagrams.views import DEFAULT_VIEW, get_view

if TYPE_CHECKING:
    import graphviz

    from raci.checking.checker import CheckResult
    from raci.model.organization import Organization
    from raci.model.vocabulary import Activity

_ALIASES = {"gv": "dot"}


def diagram(
    org: Organization,
    result: CheckResult | None = None,
    *,
    view: str = DEFAULT_VIEW,
    detail: str = "auto",
    activities: Sequence[Activity | str] = (),
) -> graphviz.Digraph:
    """The ``graphviz.Digraph`` of one view, for callers who want to restyle it.

    ``result`` defaults to ``raci.check(org)``. ``activities`` (``Activity`` values or words
    such as ``"respond"`` or ``"complaints"``) limits the tasks drawn. Node ids are synthetic
    (``n0``, ``n1``…); user text appears only in escaped labels and tooltips. Raises
    ``ValueError`` for an unknown view, detail or activity.
    """
    checked, options = _checked(org, result, detail, activities)
    return get_view(view).builder()(org, checked, options)


def render(
    org: Organization,
    result: CheckResult | None = None,
    *,
    view: str = DEFAULT_VIEW,
    format: str = "svg",
    detail: str = "auto",
    activities: Sequence[Activity | str] = (),
    limits: RenderLimits | None = None,
) -> bytes:
    """Draw one view of ``org`` as SVG, PNG, PDF or DOT bytes.

    When the gaps view needs several slides this is the first; :func:`render_pages` gives
    them all. The same input gives the same bytes. SVG falls back to the embedded engine when
    Graphviz's ``dot`` is missing; PNG and PDF then raise :class:`EngineMissingError`.
    A run past ``limits`` raises :class:`RenderLimitError`; any other failure
    :class:`RenderError`.
    """
    graph = diagram(org, result, view=view, detail=detail, activities=activities)
    return render_source(graph.source, format, limits=limits)


def diagram_pages(
    org: Organization,
    result: CheckResult | None = None,
    *,
    view: str = DEFAULT_VIEW,
    detail: str = "auto",
    activities: Sequence[Activity | str] = (),
) -> list[graphviz.Digraph]:
    """Like :func:`diagram`, one Digraph per slide: the gaps view splits when one 16:9 slide
    cannot hold its gaps (each page says "Page 1 of 3"); other views give one."""
    checked, options = _checked(org, result, detail, activities)
    return get_view(view).pages_builder()(org, checked, options)


def render_pages(
    org: Organization,
    result: CheckResult | None = None,
    *,
    view: str = DEFAULT_VIEW,
    format: str = "svg",
    detail: str = "auto",
    activities: Sequence[Activity | str] = (),
    limits: RenderLimits | None = None,
) -> list[bytes]:
    """Like :func:`render`, one picture per slide (see :func:`diagram_pages`)."""
    pages = diagram_pages(org, result, view=view, detail=detail, activities=activities)
    return [render_source(page.source, format, limits=limits) for page in pages]


def render_source(source: str, format: str, *, limits: RenderLimits | None = None) -> bytes:
    """Lay out DOT ``source`` (e.g. a restyled :func:`diagram`) into ``format`` bytes."""
    output_format = normalise_format(format)
    if output_format == "dot":
        return source.encode("utf-8")
    engine = find_engine(output_format)
    return run_engine(engine, source, output_format, limits or RenderLimits())


def parse_activities(values: Sequence[Activity | str]) -> tuple[Activity, ...]:
    """Activities (or any alias of one), without repeats; ``ValueError`` names an unknown one."""
    from raci.model.vocabulary import Activity, parse_activity

    found: list[Activity] = []
    for value in values:
        activity = value if isinstance(value, Activity) else parse_activity(str(value))
        if activity is None:
            allowed = ", ".join(a.value for a in Activity)
            raise ValueError(f"unknown activity {value!r}; use one of: {allowed}")
        if activity not in found:
            found.append(activity)
    return tuple(found)


def normalise_format(name: str) -> str:
    """``"SVG"`` -> ``"svg"``, ``"gv"`` -> ``"dot"``; ``ValueError`` for anything else."""
    value = _ALIASES.get(name.strip().lower(), name.strip().lower())
    if value not in FORMATS:
        raise ValueError(f"unknown format {name!r}; choose one of: {', '.join(FORMATS)}")
    assert value == "dot" or value in LAYOUT_FORMATS
    return value


def _checked(
    org: Organization,
    result: CheckResult | None,
    detail: str,
    activities: Sequence[Activity | str],
) -> tuple[CheckResult, ViewOptions]:
    """The result to draw (checked here when the caller has none) and the view's options."""
    if result is None:
        from raci.checking.checker import check

        result = check(org)
    return result, ViewOptions(detail=detail, activities=parse_activities(activities))
