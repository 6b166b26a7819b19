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
    """Wall times of repeated runs, in seconds (and the CPU time of each, for commands)."""

    label: str
    samples: tuple[float, ...]
    #: User + system CPU seconds of each run of a command, where the platform says: less
    #: disturbed than wall time by other work on a shared machine.
    cpu: tuple[float, ...] = ()

    @property
    def best(self) -> float:
        return min(self.samples)

    @property
    def best_cpu(self) -> float | None:
        return min(self.cpu) if self.cpu else None

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
    return _run_timed(argv, ok_codes, cwd, isolated)[0]


def _children_cpu() -> float | None:
    try:
        import resource
    except ImportError:  # Windows
        return None
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _run_timed(
    argv: Sequence[str], ok_codes: Sequence[int], cwd: Path | None, isolated: bool
) -> tuple[float, float | None]:
    """Wall time and CPU time (None where unknown) of one run of a command."""
    env = _quiet_env()
    if isolated:
        env.pop("PYTHONPATH", None)
    cpu_before = _children_cpu()
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
    cpu_after = _children_cpu()
    if completed.returncode not in ok_codes:
        stderr = completed.stderr.decode("utf-8", errors="replace").strip()
        raise RuntimeError(f"{' '.join(argv)} exited {completed.returncode}: {stderr[-500:]}")
    cpu = None if cpu_before is None or cpu_after is None else cpu_after - cpu_before
    return elapsed, cpu


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
    cpu: dict[str, list[float]] = {label: [] for label in commands}
    for _ in range(runs):
        for label, argv in commands.items():
            wall, used = _run_timed(argv, codes.get(label, (0,)), cwd, label in isolated)
            samples[label].append(wall)
            if used is not None:
                cpu[label].append(used)
    return {label: Timing(label, tuple(samples[label]), tuple(cpu[label])) for label in commands}


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
