"""Hostile input is refused fast and in bounded memory (see docs/reliability.md).

Bar: a ~10 KB alias bomb shaped to the schema and a file of 200,000 opening brackets are
each refused in **under 1 second**, in memory that does not grow with the input.

Each case is written to a temporary file and measured twice, each time in a fresh process:

- **library**: a child Python imports raci, then times ``raci.load(path)`` (which must raise
  ``raci.LoadError``) with ``time.perf_counter``; memory is the growth of the child's peak
  resident set (``resource.getrusage(...).ru_maxrss``) across the call, and, in a second call
  under ``tracemalloc``, the peak of Python allocations during it;
- **CLI**: ``raci check FILE`` as a user runs it, wall time from start to exit (start-up
  included), exit code (must be 2), and the peak resident set of that process (``os.wait4``).

For context a file of 100,000 brackets is measured too: the figures should be flat.
Always exits 0. Linux/macOS only (``resource``, ``os.wait4``).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from _common import entry_point, table

BAR_SECONDS = 1.0

_CHILD = r"""
import json, resource, sys, time, tracemalloc
import raci
from raci.api import load
path = sys.argv[1]
def rss():
    kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return kib * (1 if sys.platform == "darwin" else 1024)
def once():
    try:
        load(path)
    except raci.LoadError as error:
        return error
    raise SystemExit("not refused: " + path)
before = rss()
start = time.perf_counter()
error = once()
elapsed = time.perf_counter() - start
grown = rss() - before
tracemalloc.start()
once()
peak = tracemalloc.get_traced_memory()[1]
tracemalloc.stop()
print(json.dumps({"seconds": elapsed, "rss_growth": grown, "rss": rss(), "traced_peak": peak,
                  "problems": len(error.problems), "first": str(error.problems[0])[:90]}))
"""

def alias_bomb(size: int = 10_000) -> str:
    """An org file whose tasks' channels each hold 40 copies of the previous task's channels."""
    lines = ["organization: Bomb", "departments:", "  marketing: {function: marketing}", "tasks:"]
    width = 40
    task = "  t{}: {{activity: publish, raci: {{marketing: RA}}, channels: &c{} [{}]}}"
    lines.append(task.format(0, 0, ", ".join(["lol"] * width)))
    # The same file as tests/test_loader_traps.py's: add tasks until past ``size`` bytes.
    for level in range(1, 50):
        lines.append(task.format(level, level, ", ".join([f"*c{level - 1}"] * width)))
        if sum(len(line) + 1 for line in lines) > size:
            break
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class Case:
    label: str
    text: str
    judged: bool


def cases() -> list[Case]:
    return [
        Case("alias bomb (schema-shaped)", alias_bomb(), True),
        Case("200,000 x '['", "[" * 200_000, True),
        Case("200,000 x '{'", "{" * 200_000, True),
        Case("100,000 x '[' (scale)", "[" * 100_000, False),
        Case("200,000 x '[' in a value", "organization: Acme\ndepartments: " + "[" * 200_000, True),
    ]


def library_run(path: Path) -> dict[str, object]:
    completed = subprocess.run(
        [sys.executable, "-c", _CHILD, str(path)], capture_output=True, text=True, check=False, timeout=120
    )
    if completed.returncode != 0:
        raise RuntimeError(f"library run failed: {completed.stderr.strip()[-400:]}")
    result: dict[str, object] = json.loads(completed.stdout)
    return result


def cli_run(path: Path) -> tuple[float, int, int]:
    """Wall seconds, exit code and peak RSS (bytes) of `raci check FILE`."""
    start = time.perf_counter()
    process = subprocess.Popen(
        [*entry_point("raci"), "check", str(path)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "NO_COLOR": "1"},
    )
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    scale = 1 if sys.platform == "darwin" else 1024
    return elapsed, process.returncode, usage.ru_maxrss * scale


def mib(count: object) -> str:
    return f"{int(str(count)) / 2**20:,.1f} MiB"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=3, help="runs per case (the best time is kept)")
    args = parser.parse_args(argv)

    rows = []
    verdicts = []
    with tempfile.TemporaryDirectory() as directory:
        for case in cases():
            path = Path(directory) / "hostile.yaml"
            path.write_text(case.text, encoding="utf-8")
            runs = [library_run(path) for _ in range(args.runs)]
            library = min(runs, key=lambda r: float(str(r["seconds"])))
            cli = min((cli_run(path) for _ in range(args.runs)), key=lambda r: r[0])
            seconds = float(str(library["seconds"]))
            rows.append(
                [
                    case.label,
                    f"{len(case.text.encode()):,} B",
                    f"{seconds * 1000:,.1f} ms",
                    mib(library["rss_growth"]),
                    mib(library["traced_peak"]),
                    f"{cli[0] * 1000:,.0f} ms",
                    str(cli[1]),
                    mib(cli[2]),
                ]
            )
            if case.judged:
                ok = seconds < BAR_SECONDS and cli[0] < BAR_SECONDS and cli[1] == 2
                verdicts.append(
                    f"{'PASS' if ok else 'FAIL'}  {case.label}: refused in {seconds * 1000:,.1f} ms "
                    f"(library), {cli[0] * 1000:,.0f} ms (CLI, exit {cli[1]}), bar {BAR_SECONDS:g} s; "
                    f"first problem: {library['first']}"
                )
        headers = ["case", "size", "load", "RSS growth", "traced peak", "CLI wall", "exit", "CLI peak RSS"]
        print(table(headers, rows))
        print()
        print("\n".join(verdicts))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
