"""raci: check who owns a company's social media work.

Social media is a communication channel, so customer service, PR and sales must share its
ownership with marketing. Load an organisation, check it, read the findings as data::

    import raci
    org = raci.load("org.yaml")          # or raci.loads(text), raci.Organization.from_data(d)
    result = raci.check(org)
    for finding in result.findings:
        print(finding.code, finding.line, finding.message)

The library never prints and never exits; bad input raises :class:`raci.LoadError`, which
carries every located problem. Heavy modules (networkx, the rules) load on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from raci.lazy import lazy_getattr
from raci.model.errors import ConfigError, Error, LoadError, Problem, RenderError, ScenarioError, SheetError
from raci.model.severity import Severity

__version__ = "0.1.0"

if TYPE_CHECKING:
    from raci.api import load, loads, loads_bytes
    from raci.checking.checker import CheckResult, check
    from raci.checking.config import Config
    from raci.diagrams import diagram as diagram
    from raci.diagrams import render as render
    from raci.graph import handoff_graph, information_flow
    from raci.model.findings import Finding
    from raci.model.organization import Department, Organization, Task
    from raci.model.vocabulary import Activity, Function, Letter
    from raci.yaml.loader import Limits

_LAZY = {
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
    "Limits": "yaml.loader",
    "render": "diagrams.api",
    "diagram": "diagrams.api",
    "information_flow": "graph",
    "handoff_graph": "graph",
}


__getattr__ = lazy_getattr(__name__, _LAZY, globals())


def __dir__() -> list[str]:
    return sorted([*globals(), *_LAZY])


__all__ = [
    "Activity",
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
    "Organization",
    "Problem",
    "RenderError",
    "ScenarioError",
    "Severity",
    "SheetError",
    "Task",
    "__version__",
    "check",
    "handoff_graph",
    "information_flow",
    "load",
    "loads",
    "loads_bytes",
]
