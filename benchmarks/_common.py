"""Helpers shared by the benchmark scripts: timing, locating commands, printing tables.

Benchmarks report ratios measured in one run on one machine; they never assert.
Run the scripts from the repository root as ``python benchmarks/<script>.py``.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
REPO_ROOT = BENCH_DIR.parent


@dataclass(frozen=True)
class Timing:
    """Wall times of repeated runs, in seconds."""

    label: str
    samples: tuple[float, ...]

    @property
    def best(self) -> float:
        return min(self.samples)

    @property
    def median(self) -> float:
        ordered = sorted(self.samples)
        middle = len(ordered) // 2
        if len(ordered) % 2:
            return ordered[middle]
        return (ordered[middle - 1] + ordered[middle]) / 2


def time_call(label: str, func: Callable[[], object], runs: int) -> Timing:
    """Time ``func()`` in this process ``runs`` times with ``time.perf_counter``."""
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        samples.append(time.perf_counter() - start)
    return Timing(label, tuple(samples))


def run_command(
    argv: Sequence[str], ok_codes: Sequence[int] = (0,), cwd: Path | None = None, isolated: bool = False
) -> float:
    """Run a command once, output discarded; return its wall time. Raise if it fails.

    ``isolated``: without ``PYTHONPATH``, so a command of a venv of its own sees only that venv.
    """
    env = _quiet_env()
    if isolated:
        env.pop("PYTHONPATH", None)
    start = time.perf_counter()
    completed = subprocess.run(
        list(argv),
        cwd=cwd,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
        check=False,
    )
    elapsed = time.perf_counter() - start
    if completed.returncode not in ok_codes:
        stderr = completed.stderr.decode("utf-8", errors="replace").strip()
        raise RuntimeError(f"{' '.join(argv)} exited {completed.returncode}: {stderr[-500:]}")
    return elapsed


def time_commands(
    commands: Mapping[str, Sequence[str]],
    runs: int,
    ok_codes: Mapping[str, Sequence[int]] | None = None,
    cwd: Path | None = None,
    warmup: bool = True,
    isolated: Collection[str] = (),
) -> dict[str, Timing]:
    """Wall times of ``runs`` runs of each command, after one untimed warm-up each.

    Runs are interleaved (A, B, C, A, B, C, ...) so that drift in the machine's load falls on
    every command alike.
    """
    codes = ok_codes or {}
    for label, argv in commands.items():
        if warmup:
            run_command(argv, codes.get(label, (0,)), cwd, label in isolated)  # warm-up: page cache
    samples: dict[str, list[float]] = {label: [] for label in commands}
    for _ in range(runs):
        for label, argv in commands.items():
            samples[label].append(run_command(argv, codes.get(label, (0,)), cwd, label in isolated))
    return {label: Timing(label, tuple(found)) for label, found in samples.items()}


def entry_point(name: str) -> list[str]:
    """The console script ``name`` of this interpreter, skipping shims (pyenv) on PATH.

    Falls back to ``python -m name`` when the script is not installed beside the interpreter.
    """
    scripts = Path(sys.executable).parent
    for candidate in (scripts / name, scripts / f"{name}.exe"):
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return [str(candidate)]
    return [sys.executable, "-m", name]


def _quiet_env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONPROFILEIMPORTTIME", None)
    env["NO_COLOR"] = "1"
    return env


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.1f} ms"


def verdict(ratio: float, bar: float) -> str:
    return "PASS" if ratio <= bar else "FAIL"


def table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A plain text table, first column left-aligned and the rest right-aligned."""
    widths = [max(len(str(row[i])) for row in [headers, *rows]) for i in range(len(headers))]

    def line(cells: Sequence[str]) -> str:
        parts = [
            str(cell).ljust(widths[i]) if i == 0 else str(cell).rjust(widths[i])
            for i, cell in enumerate(cells)
        ]
        return "  ".join(parts).rstrip()

    rule = "  ".join("-" * width for width in widths)
    return "\n".join([line(headers), rule, *(line(row) for row in rows)])
