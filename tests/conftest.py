"""Shared helpers: the bundled examples, and the CLI run in-process and as a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

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
