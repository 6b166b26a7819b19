"""The version comes from one place: pyproject.toml, through the package metadata."""

from __future__ import annotations

import importlib.metadata
import re

import pytest

import raci
from raci import version as version_module
from tests.conftest import ROOT, run_subprocess

PYPROJECT_VERSION = re.search(
    r'^version = "([^"]+)"', (ROOT / "pyproject.toml").read_text(encoding="utf-8"), re.M
).group(1)  # type: ignore[union-attr]


def test_version_is_the_metadata_and_the_pyproject_one() -> None:
    assert raci.__version__ == importlib.metadata.version("raci") == PYPROJECT_VERSION
    assert run_subprocess("--version").stdout.strip() == f"raci {PYPROJECT_VERSION}"


def test_no_version_is_written_in_the_code() -> None:
    for path in (ROOT / "raci").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r'__version__\s*=\s*["\']', text), path
        assert PYPROJECT_VERSION not in text or path.name == "version.py", path


def test_without_metadata_the_checkout_pyproject_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    def missing(name: str) -> str:
        raise importlib.metadata.PackageNotFoundError(name)

    monkeypatch.setattr(importlib.metadata, "version", missing)
    assert version_module._version() == PYPROJECT_VERSION
    monkeypatch.setattr(version_module, "_from_checkout", lambda: None)
    assert version_module._version() == version_module.UNKNOWN


def test_version_is_lazy() -> None:
    code = "import sys, raci; print('importlib.metadata' in sys.modules, 'raci.version' in sys.modules)"
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]
