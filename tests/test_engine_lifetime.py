"""`dot` never outlives raci: killed mid-render by SIGKILL, SIGTERM or SIGHUP, raci leaves no
engine behind; a layout that burns CPU stops at its CPU-time limit.

A fake `dot` first on PATH writes the pid of the process that would linger and then waits,
so the kill always lands mid-render, whatever the load of the machine: the test waits for
the pid file, not for a time.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from raci.diagrams.engine import Engine, RenderLimitError, RenderLimits, run_engine
from tests.conftest import EXAMPLES

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc and prctl are Linux's")

ORG = EXAMPLES / "classic-raci-mistakes.yaml"


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[-1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state != "Z"


def _gone_within(pid: int, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while _alive(pid):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def _fake_dot(folder: Path, pid_file: Path, grandchild: bool) -> None:
    folder.mkdir()
    if grandchild:
        # The engine starts a process of its own: only killing the group reaches it.
        body = f"sleep 300 &\necho $! > {pid_file}.tmp\nmv {pid_file}.tmp {pid_file}\nwait\n"
    else:
        body = f"echo $$ > {pid_file}.tmp\nmv {pid_file}.tmp {pid_file}\nexec sleep 300\n"
    script = folder / "dot"
    script.write_text("#!/bin/sh\n" + body)
    script.chmod(0o755)


@pytest.mark.parametrize(
    ("signum", "grandchild"),
    [(signal.SIGKILL, False), (signal.SIGTERM, True), (signal.SIGHUP, True), (signal.SIGTERM, False)],
    ids=["SIGKILL", "SIGTERM-group", "SIGHUP-group", "SIGTERM"],
)
@pytest.mark.parametrize("command", ["render", "report"])
def test_no_engine_is_left_when_raci_is_killed_mid_render(
    tmp_path: Path, signum: int, grandchild: bool, command: str
) -> None:
    pid_file = tmp_path / "engine.pid"
    _fake_dot(tmp_path / "bin", pid_file, grandchild)
    env = {**os.environ, "PATH": f"{tmp_path / 'bin'}{os.pathsep}{os.environ['PATH']}", "NO_COLOR": "1"}
    out = tmp_path / ("out.svg" if command == "render" else "out.html")
    raci = subprocess.Popen(
        [sys.executable, "-m", "raci", command, str(ORG), "--timeout", "600", "-o", str(out)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 120
        while not pid_file.exists():
            assert raci.poll() is None, f"raci ended ({raci.returncode}) before the engine started"
            assert time.monotonic() < deadline, "the engine never started"
            time.sleep(0.05)
        lingering = int(pid_file.read_text())
        assert _alive(lingering)
        raci.send_signal(signum)
        assert raci.wait(timeout=60) == -signum
        assert _gone_within(lingering, 10), (
            f"pid {lingering} outlived raci after {signal.Signals(signum).name}"
        )
        assert not out.exists()
    finally:
        if raci.poll() is None:
            raci.kill()
            raci.wait()


def test_a_layout_that_burns_cpu_stops_at_the_cpu_time_limit(tmp_path: Path) -> None:
    script = tmp_path / "busy-engine"
    script.write_text(f"#!{sys.executable}\nimport sys\nsys.stdin.read()\nwhile True:\n    pass\n")
    script.chmod(0o755)
    engine = Engine("busy-engine", str(script), ("svg",))
    # The wall clock allows an hour: only the CPU-time limit (1 s of work) can stop it.
    with pytest.raises(RenderLimitError, match=r"CPU-time limit of 1 s"):
        run_engine(engine, "digraph {}", "svg", _CpuOnly(timeout_seconds=3600))
    assert RenderLimits(timeout_seconds=0.2).cpu_seconds == 1
    assert RenderLimits(timeout_seconds=30).cpu_seconds == 30
    assert RenderLimits(timeout_seconds=30.1).cpu_seconds == 31


class _CpuOnly(RenderLimits):
    """1 s of CPU, but a wall clock of an hour."""

    @property
    def cpu_seconds(self) -> int:
        return 1
