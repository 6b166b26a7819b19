"""The small traps, each through the CLI: a full disk under stdout, Markdown that would ping
or link, and a FIFO given as the org file."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, run_subprocess

ORG = EXAMPLES / "shared-ownership.yaml"


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize(
    "args",
    [
        ("check", str(ORG)),
        ("check", str(ORG), "--format", "json"),
        ("check", str(ORG), "--format", "markdown"),
        ("render", str(ORG), "-f", "dot", "-o", "-"),
        ("schema",),
        ("slides", str(ORG), "-o", "-"),
    ],
    ids=["text", "json", "markdown", "render", "schema", "slides"],
)
def test_a_full_disk_under_stdout_is_exit_2_with_one_line(args: tuple[str, ...]) -> None:
    with open("/dev/full", "wb") as full:
        completed = subprocess.run(
            [sys.executable, "-m", "raci", *args],
            stdout=full,
            stderr=subprocess.PIPE,
            env={**os.environ, "NO_COLOR": "1"},
            check=False,
            timeout=120,
        )
    lines = completed.stderr.decode().strip().splitlines()
    assert completed.returncode == 2, lines
    assert lines == ["raci: cannot write the output: No space left on device"]


def test_markdown_output_pings_nobody_and_links_nothing(tmp_path: Path) -> None:
    text = (
        "organization: '@acme'\n"
        "departments:\n"
        "  everyone: {name: '@org/everyone', function: marketing}\n"
        "  care: {name: 'Care https://evil.example/x www.evil.example', function: customer_service}\n"
        "tasks:\n"
        "  t: {name: 'see https://evil.example/x', activity: respond, raci: {everyone: RA}}\n"
    )
    path = tmp_path / "org.yaml"
    path.write_text(text, encoding="utf-8")
    run = run_subprocess("check", str(path), "--format", "markdown")
    assert run.code in (0, 1), run.stderr
    out = run.stdout
    assert "@acme" not in out and "@org/everyone" not in out
    assert "https://" not in out and "www.evil" not in out
    assert "@&#8203;acme" in out and "@&#8203;org/everyone" in out
    assert "https:&#8203;//evil.example/x www&#8203;.evil.example" in out


def test_a_fifo_as_the_org_file_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "org.yaml"
    os.mkfifo(fifo)
    run = run_subprocess("check", str(fifo), timeout=30)
    assert run.code == 2
    assert (
        run.stderr.strip()
        == f"{fifo}: cannot read file: is not a regular file (a device, a pipe or a socket)"
    )
