"""docs/api.md is generated and current; every Python example in the README and the docs runs;
the HR example type-checks under ``mypy --strict``."""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import raci
from tests.conftest import EXAMPLES, ROOT

DOCS = ROOT / "docs"
BLOCK = re.compile(r"^```python\n(.*?)^```", re.M | re.S)
PAGES = [ROOT / "README.md", *sorted(DOCS.glob("*.md"))]


def _generator() -> object:
    spec = importlib.util.spec_from_file_location("make_api_doc", DOCS / "make_api_doc.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _blocks() -> list[tuple[str, str]]:
    found = []
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        for match in BLOCK.finditer(text):
            line = text[: match.start()].count("\n") + 1
            found.append((f"{page.relative_to(ROOT)}:{line}", match.group(1)))
    return found


def _workdir(tmp_path: Path) -> Path:
    """What the examples assume: an org.yaml (the shared-ownership example) and a matrix.xlsx."""
    shutil.copy(EXAMPLES / "shared-ownership.yaml", tmp_path / "org.yaml")
    (tmp_path / "matrix.xlsx").write_bytes(raci.export_sheet(raci.load(tmp_path / "org.yaml")))
    return tmp_path


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}


def test_api_doc_is_current() -> None:
    committed = (DOCS / "api.md").read_text(encoding="utf-8")
    expected = _generator().api_markdown()  # type: ignore[attr-defined]
    assert committed == expected, "run: python docs/make_api_doc.py"


def test_api_doc_covers_every_public_name() -> None:
    text = (DOCS / "api.md").read_text(encoding="utf-8")
    for name in raci.__all__:
        if name[0].islower() and not name.startswith("_") and name not in ("loads_bytes",):
            assert f"`raci.{name}" in text or name in ("handoff_graph", "information_flow"), name


def test_there_are_examples_to_run() -> None:
    places = [place for place, _ in _blocks()]
    assert any(place.startswith("README.md") for place in places)
    assert sum(place.startswith("docs/api.md") for place in places) == 2


@pytest.mark.parametrize(("place", "code"), _blocks(), ids=[place for place, _ in _blocks()])
def test_python_example_runs(place: str, code: str, tmp_path: Path) -> None:
    script = _workdir(tmp_path) / "example.py"
    script.write_text(code, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(script)], cwd=tmp_path, capture_output=True, text=True, env=_env(), timeout=300
    )
    assert done.returncode == 0, f"{place}:\n{done.stderr[-3000:]}"


def test_hr_example_is_the_file_and_passes_mypy_strict(tmp_path: Path) -> None:
    example = (DOCS / "examples" / "hr_service.py").read_text(encoding="utf-8")
    assert ("docs/api.md", example) in [(place.split(":")[0], code) for place, code in _blocks()]
    for name in _generator().FUNCTIONS:  # type: ignore[attr-defined]
        assert f"raci.{name}(" in example, f"the HR example does not use raci.{name}"
    script = tmp_path / "hr_service.py"
    script.write_text(example, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(script)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=_env(),
        timeout=600,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Success" in done.stdout
