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

from .errors import LoadError, Problem
from .lazy import lazy_getattr
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


__getattr__ = lazy_getattr(__name__, _LAZY, globals())


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
