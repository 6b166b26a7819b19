"""Module attributes that import their module on first use (PEP 562).

`import raci` must stay cheap for HR tooling and for `raci --help`; pydantic, networkx,
Graphviz and the rule catalog load when something first needs them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from importlib import import_module
from typing import Any


def lazy_getattr(package: str, table: Mapping[str, str], namespace: dict[str, Any]) -> Callable[[str], Any]:
    """A module ``__getattr__`` taking ``name`` from ``package.<table[name]>`` and caching it."""

    def __getattr__(name: str) -> Any:
        module = table.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        imported = import_module(f".{module}", package)
        value = getattr(imported, name)
        namespace[name] = value
        return value

    return __getattr__
