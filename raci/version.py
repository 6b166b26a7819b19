"""The version of raci, from one source: the installed package's metadata.

``pyproject.toml`` names the version once; installing writes it into the package metadata,
read here. Run from a source checkout that was never installed, the same line of
``pyproject.toml`` is read instead (an editable install reports the version it was
installed with until it is reinstalled). ``raci.__version__`` loads this module on first use,
so ``import raci`` does not pay for :mod:`importlib.metadata`.
"""

from __future__ import annotations

import re
from pathlib import Path

DISTRIBUTION = "raci"
#: When neither metadata nor pyproject.toml can say (a copied tree): clearly not a release.
UNKNOWN = "0+unknown"


def _from_checkout() -> str | None:
    pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
    try:
        text = pyproject.read_text(encoding="utf-8")
    except OSError:
        return None
    project = re.search(r"^\[project\]$(.*?)(?=^\[)", text + "\n[", re.M | re.S)
    section = project.group(1) if project else ""
    if not re.search(rf'^name\s*=\s*"{DISTRIBUTION}"', section, re.M):
        return None  # some other project's file
    found = re.search(r'^version\s*=\s*"([^"]+)"', section, re.M)
    return found.group(1) if found else None


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(DISTRIBUTION)
    except PackageNotFoundError:
        return _from_checkout() or UNKNOWN


__version__ = _version()
