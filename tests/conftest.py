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
