"""The registry of views: name -> what it shows and the function that builds its Digraph.

Listed explicitly (no registration by import side effect); each view module is imported
only when its view is drawn.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import graphviz

    from raci.checking.checker import CheckResult
    from raci.diagrams.options import ViewOptions
    from raci.model.organization import Organization

Builder = Callable[["Organization", "CheckResult", "ViewOptions"], "graphviz.Digraph"]
PagesBuilder = Callable[["Organization", "CheckResult", "ViewOptions"], "list[graphviz.Digraph]"]


@dataclass(frozen=True)
class View:
    name: str
    summary: str
    module: str

    def builder(self) -> Builder:
        found: Builder = import_module(f".{self.module}", __package__).build
        return found

    def pages_builder(self) -> PagesBuilder:
        """Builds the view as one Digraph per slide (a view that never splits gives one)."""
        module = import_module(f".{self.module}", __package__)
        found: PagesBuilder | None = getattr(module, "build_pages", None)
        if found is not None:
            return found
        single: Builder = module.build
        return lambda org, result, options: [single(org, result, options)]


VIEWS: dict[str, View] = {
    view.name: view
    for view in (
        View(
            "gaps",
            "departments by function, tasks by activity, letters as lines, every gap in red",
            "gaps_view",
        ),
        View(
            "ownership",
            "the function x activity grid with the strongest letter per cell, and the five principles",
            "ownership_view",
        ),
        View(
            "matrix",
            "the RACI matrix (tasks x departments) with rule violations in their cells",
            "matrix_view",
        ),
        View(
            "workload",
            "per department: hours of Responsible work against capacity, and its A count",
            "workload_view",
        ),
        View(
            "handoffs",
            "departments and the hand-offs between them, weighted by tasks; missing ones in red",
            "handoffs_view",
        ),
    )
}
DEFAULT_VIEW = "gaps"


def get_view(name: str) -> View:
    view = VIEWS.get(name)
    if view is None:
        raise ValueError(f"unknown view {name!r}; choose one of: {', '.join(VIEWS)}")
    return view
