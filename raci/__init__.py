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

from importlib import import_module
from typing import TYPE_CHECKING, Any

from .errors import LoadError, Problem
from .severity import Severity

__version__ = "0.1.0"

if TYPE_CHECKING:
    from .api import load, loads, loads_bytes
    from .checker import CheckResult, check
    from .config import Config
    from .findings import Finding
    from .model import Department, Organization, Task
    from .render import diagram as diagram
    from .render import render as render
    from .vocabulary import Activity, Function, Letter
    from .yaml_loader import Limits

_LAZY = {
    "load": "api",
    "loads": "api",
    "loads_bytes": "api",
    "check": "checker",
    "CheckResult": "checker",
    "Config": "config",
    "Finding": "findings",
    "Organization": "model",
    "Department": "model",
    "Task": "model",
    "Activity": "vocabulary",
    "Function": "vocabulary",
    "Letter": "vocabulary",
    "Limits": "yaml_loader",
    "render": "render",
    "diagram": "render",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'raci' has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_LAZY])


__all__ = [
    "Activity",
    "CheckResult",
    "Config",
    "Department",
    "Finding",
    "Function",
    "Letter",
    "Limits",
    "LoadError",
    "Organization",
    "Problem",
    "Severity",
    "Task",
    "__version__",
    "check",
    "load",
    "loads",
    "loads_bytes",
]
