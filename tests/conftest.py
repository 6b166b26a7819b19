"""Shared helpers: the bundled examples, and the CLI run in-process and as a subprocess."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "org_examples"
DATA = Path(__file__).resolve().parent / "data"

# The suite expects English whatever the developer's locale (LANG=pl_PL.UTF-8 would turn the
# reports Polish); tests of choosing the language set their own environment.
os.environ["RACI_LANG"] = "en"


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str


def run_subprocess(
    *args: str,
    stdin: str | bytes | None = None,
    env: dict[str, str] | None = None,
    cwd: Path | None = None,
    timeout: float = 60,
) -> Run:
    """Run `python -m raci` as a user would, in a separate process."""
    environment = {**os.environ, "NO_COLOR": "1", **(env or {})}
    data = stdin.encode() if isinstance(stdin, str) else stdin
    completed = subprocess.run(
        [sys.executable, "-m", "raci", *args],
        input=data,
        capture_output=True,
        env=environment,
        cwd=cwd,
        timeout=timeout,
        check=False,
    )
    return Run(completed.returncode, completed.stdout.decode(), completed.stderr.decode())


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch):
    """Run the CLI in-process through the same entry point the console script uses."""
    from raci.cli.app import run

    monkeypatch.setenv("NO_COLOR", "1")

    def invoke(*args: str) -> Run:
        code = run(list(args))
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return invoke


# --- Graphviz -----------------------------------------------------------------------------------
#: Tests that need Graphviz's own `dot` are skipped with this reason where it is not installed;
#: everything else runs (SVG through the embedded engine). `raci doctor` says what is missing.
NEEDS_DOT = "needs Graphviz's dot, which is not installed here (raci doctor says how to get it)"
HAS_DOT = shutil.which("dot") is not None
needs_dot = pytest.mark.skipif(not HAS_DOT, reason=NEEDS_DOT)


def drawable(output_format: str) -> bool:
    """Whether this machine draws ``output_format``: with `dot`, or without it."""
    if HAS_DOT or output_format == "dot":
        return True
    from raci.diagrams.engine import formats_without_dot

    return output_format in formats_without_dot()


def format_params(formats: Iterable[str]) -> list[Any]:
    """``formats`` as pytest params, each skipped (for want of `dot`) where it cannot be drawn."""
    return [
        pytest.param(name, marks=pytest.mark.skipif(not drawable(name), reason=NEEDS_DOT)) for name in formats
    ]


# --- the quick loop: `pytest -m "not slow"` ----------------------------------------------------

#: Whole modules that are slow by nature: fuzzing, the PDF deck, hostile input through the CLI,
#: real published matrices imported by the CLI, the docs' images regenerated.
SLOW_MODULES = frozenset(
    {"test_fuzz", "test_slides", "test_hostile_cli", "test_import_corpus", "test_render_docs"}
)
#: What makes a test slow wherever it is: a process started (the CLI, dot, chromium, an
#: engine, a worker pool).
_SLOW_CALLS = (
    "run_subprocess(",
    "subprocess.run(",
    "subprocess.Popen(",
    "subprocess.check_output(",
    "chromium",
    "Engine(",
    "jobs=",
)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark ``slow`` the tests that start processes (directly, or through one of their module's
    helpers or fixtures), browser tests and fuzz tests (hypothesis properties); README and CI
    run them all, the quick loop leaves them out."""
    helpers: dict[str, set[str]] = {}
    for item in items:
        module = getattr(item, "module", None)
        function = getattr(item, "function", None)
        if module is None or function is None:
            continue
        name = module.__name__.rsplit(".", 1)[-1]
        if name not in helpers:
            helpers[name] = _process_helpers(module)
        source = _source(function)
        fuzz = getattr(function, "is_hypothesis_test", False)
        slow = fuzz or name in SLOW_MODULES or any(call in source for call in _SLOW_CALLS)
        uses = [f"{helper}(" in source for helper in helpers[name]]
        uses += [fixture in helpers[name] for fixture in getattr(item, "fixturenames", ())]
        if slow or any(uses):
            item.add_marker(pytest.mark.slow)


def _process_helpers(module: object) -> set[str]:
    """Functions and fixtures of a test module (not tests) that start a process."""
    import inspect

    found = set()
    for name, value in vars(module).items():
        function = getattr(value, "__wrapped__", value)  # a fixture wraps its function
        if name.startswith("test_") or not inspect.isfunction(function):
            continue
        ours = function.__module__ == getattr(module, "__name__", None)
        if ours and any(call in _source(function) for call in _SLOW_CALLS):
            found.add(name)
    return found


def _source(function: object) -> str:
    import inspect

    try:
        return inspect.getsource(function)  # type: ignore[arg-type]
    except (OSError, TypeError):
        return ""
