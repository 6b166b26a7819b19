"""Diagrams of an organisation and its gaps, laid out by Graphviz.

    import raci
    org = raci.load("org.yaml")
    svg = raci.render(org, raci.check(org), view="gaps", format="svg")
    graph = raci.diagram(org, view="ownership")   # a graphviz.Digraph to restyle

Views: ``gaps``, ``ownership``, ``matrix``, ``workload`` (see :data:`VIEWS`). Formats: svg,
png, pdf and dot. The real Graphviz ``dot`` lays pictures out, under a time and memory
limit (:class:`RenderLimits`); without it SVG still renders through the embedded engine.
"""

from __future__ import annotations

import sys
import types
from typing import Any

from .api import diagram, normalise_format, render, render_source
from .engine import EngineMissingError, RenderError, RenderLimitError, RenderLimits
from .options import DETAILS, FORMATS, ViewOptions
from .views import DEFAULT_VIEW, VIEWS

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
    "normalise_format",
    "render",
    "render_source",
]


class _CallableModule(types.ModuleType):
    """Once imported, ``raci.render`` is this module (Python sets the package attribute to
    it), yet ``raci.render(org, result, ...)`` is the documented call: forward it."""

    def __call__(self, *args: Any, **kwargs: Any) -> bytes:
        return render(*args, **kwargs)


sys.modules[__name__].__class__ = _CallableModule
