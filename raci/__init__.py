"""raci: check who owns a company's social media work.

Social media is a communication channel, so customer service, PR and sales must share its
ownership with marketing. Load an organisation, check it, read the findings as data::

    import raci
    org = raci.load("org.yaml")          # or raci.loads(text or bytes), Organization.from_data(d)
    result = raci.check(org)
    for finding in result.findings:
        print(finding.code, finding.line, finding.message)
    svg = raci.render(result, view="gaps")

The library never prints and never exits; bad input raises :class:`raci.LoadError`, which
carries every located problem, and every error raised on purpose is a :class:`raci.Error`.
Organisations are immutable; their edit methods return new, validated ones. Heavy modules
(pydantic, networkx, the rules) load on first use. docs/api.md is the reference.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from raci.lazy import lazy_getattr
from raci.model.errors import ConfigError, Error, LoadError, Problem, RenderError, ScenarioError, SheetError
from raci.model.severity import Severity

if TYPE_CHECKING:
    from raci.api import load, loads, loads_bytes
    from raci.checking.checker import CheckResult, check
    from raci.checking.config import Config
    from raci.graph import handoff_graph, information_flow
    from raci.model.findings import Finding
    from raci.model.organization import Department, Organization, Task
    from raci.model.vocabulary import Activity, Function, Letter
    from raci.public import (
        diagram,
        diff,
        dumps,
        export_sheet,
        import_sheet,
        render,
        render_pages,
        report_html,
        slides,
        suggest,
        what_if,
    )
    from raci.version import __version__
    from raci.workshop.whatif import Assign, Move, Without
    from raci.yaml.source_map import Limits

_LAZY = {
    "__version__": "version",
    "load": "api",
    "loads": "api",
    "loads_bytes": "api",
    "check": "checking.checker",
    "CheckResult": "checking.checker",
    "Config": "checking.config",
    "Finding": "model.findings",
    "Organization": "model.organization",
    "Department": "model.organization",
    "Task": "model.organization",
    "Activity": "model.vocabulary",
    "Function": "model.vocabulary",
    "Letter": "model.vocabulary",
    "Limits": "yaml.source_map",
    "dumps": "public",
    "render": "public",
    "render_pages": "public",
    "slides": "public",
    "diagram": "public",
    "report_html": "public",
    "export_sheet": "public",
    "import_sheet": "public",
    "diff": "public",
    "what_if": "public",
    "suggest": "public",
    "Without": "workshop.whatif",
    "Move": "workshop.whatif",
    "Assign": "workshop.whatif",
    "information_flow": "graph",
    "handoff_graph": "graph",
}


__getattr__ = lazy_getattr(__name__, _LAZY, globals())


def __dir__() -> list[str]:
    return sorted([*globals(), *_LAZY])


__all__ = [
    "Activity",
    "Assign",
    "CheckResult",
    "Config",
    "ConfigError",
    "Department",
    "Error",
    "Finding",
    "Function",
    "Letter",
    "Limits",
    "LoadError",
    "Move",
    "Organization",
    "Problem",
    "RenderError",
    "ScenarioError",
    "Severity",
    "SheetError",
    "Task",
    "Without",
    "__version__",
    "check",
    "diagram",
    "diff",
    "dumps",
    "export_sheet",
    "handoff_graph",
    "import_sheet",
    "information_flow",
    "load",
    "loads",
    "loads_bytes",
    "render",
    "render_pages",
    "report_html",
    "slides",
    "suggest",
    "what_if",
]
