"""Diagrams of an organisation and its gaps, laid out by Graphviz.

    import raci
    org = raci.load("org.yaml")
    svg = raci.render(org, raci.check(org), view="gaps", format="svg")
    graph = raci.diagram(org, view="ownership")   # a graphviz.Digraph to restyle

Views: ``gaps``, ``ownership``, ``matrix``, ``workload``, ``handoffs`` (see :data:`VIEWS`). Formats: svg,
png, pdf and dot. The real Graphviz ``dot`` lays pictures out, under a time and memory
limit (:class:`RenderLimits`); without it SVG still renders through the embedded engine.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from raci.lazy import lazy_getattr

if TYPE_CHECKING:
    from raci.diagrams.api import (
        diagram,
        diagram_pages,
        normalise_format,
        parse_activities,
        render,
        render_pages,
        render_source,
    )
    from raci.diagrams.engine import EngineMissingError, RenderError, RenderLimitError, RenderLimits
    from raci.diagrams.options import DETAILS, FORMATS, ViewOptions
    from raci.diagrams.views import DEFAULT_VIEW, VIEWS

# Everything loads on first use: the CLI imports this package for its choices (views,
# formats) on every start, and `raci check` for the gap map its scorecard reads.
_LAZY = {
    "DETAILS": "options",
    "FORMATS": "options",
    "ViewOptions": "options",
    "DEFAULT_VIEW": "views",
    "VIEWS": "views",
    "diagram": "api",
    "diagram_pages": "api",
    "render_pages": "api",
    "normalise_format": "api",
    "parse_activities": "api",
    "render": "api",
    "render_source": "api",
    "EngineMissingError": "engine",
    "RenderError": "engine",
    "RenderLimitError": "engine",
    "RenderLimits": "engine",
}


__getattr__ = lazy_getattr(__name__, _LAZY, globals())

__all__ = [
    "DEFAULT_VIEW",
    "DETAILS",
    "FORMATS",
    "VIEWS",
    "EngineMissingError",
    "RenderError",
    "RenderLimitError",
    "RenderLimits",
    "ViewOptions",
    "diagram",
    "diagram_pages",
    "normalise_format",
    "parse_activities",
    "render",
    "render_pages",
    "render_source",
]
