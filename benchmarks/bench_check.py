"""`raci check` on large synthetic organisations, against PyYAML's C loader.

Bars, measured in one run on one machine:

* ``raci check FILE --format json`` wall time <= 0.35x the time PyYAML's C loader
  (``yaml.load(f, Loader=yaml.CSafeLoader)``) alone needs to parse the same file, on the large
  organisation (500 departments, 20,000 tasks, 120,000 assignments);
* 10x the input costs <= 11x the time: ``raci check`` on the large organisation against the same
  shape at a tenth of the size (50 departments, 2,000 tasks, 12,000 assignments).

``raci check`` runs as a subprocess (whole wall time: interpreter start-up, imports, parse,
validation, rules, JSON report). The C loader is timed in this process with
``time.perf_counter`` (parse only: no interpreter start-up, ``yaml`` already imported), as
the bar defines it; its time in a fresh process is printed too, for context only.
Times are the best of ``--runs`` runs after one untimed warm-up. Always exits 0.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import generate_org
import yaml
from _common import Timing, entry_point, ms, table, time_call, time_commands, verdict

CHECK_BAR = 0.35
SCALING_BAR = 11.0
TASKS_PER_DEPARTMENT = 40  # the large shape: 20,000 tasks over 500 departments


@dataclass(frozen=True)
class Size:
    label: str
    departments: int
    tasks: int
    per_task: int

    @property
    def assignments(self) -> int:
        return self.tasks * self.per_task


@dataclass(frozen=True)
class Measured:
    size: Size
    path: Path
    megabytes: float
    findings: int
    check: Timing
    loader: Timing
    loader_process: Timing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=3, help="timed runs per measurement (best is kept)")
    parser.add_argument("--tasks", type=int, default=20_000, help="tasks in the large organisation")
    parser.add_argument("--scale", type=int, default=10, help="how many times smaller the base size is")
    parser.add_argument("--per-task", type=int, default=6, help="assignments per task")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep", type=Path, help="write the generated files here instead of a temp dir")
    args = parser.parse_args(argv)
    if args.runs < 1 or args.scale < 1 or args.tasks < args.scale:
        parser.error("--runs and --scale must be at least 1, and --tasks at least --scale")
    if not hasattr(yaml, "CSafeLoader"):
        print("PyYAML has no C loader (libyaml missing): the bar cannot be measured.")
        return 0

    large = _size("large", args.tasks, args.per_task)
    base = _size(f"base (1/{args.scale})", args.tasks // args.scale, args.per_task)
    raci = entry_point("raci")
    print(f"raci command: {' '.join(raci)}")
    print(f"python {sys.version.split()[0]}, PyYAML {yaml.__version__}, runs={args.runs} (best of)\n")

    with tempfile.TemporaryDirectory(prefix="raci-bench-") as temp:
        folder = args.keep or Path(temp)
        folder.mkdir(parents=True, exist_ok=True)
        startup = time_commands({"start-up": [*raci, "--version"]}, args.runs)["start-up"]
        results = [_measure(size, folder, raci, args.runs, args.seed) for size in (base, large)]

    _report(results, startup, args.scale)
    return 0


def _size(label: str, tasks: int, per_task: int) -> Size:
    departments = max(per_task, tasks // TASKS_PER_DEPARTMENT)
    return Size(label, departments, tasks, per_task)


def _measure(size: Size, folder: Path, raci: list[str], runs: int, seed: int) -> Measured:
    path = folder / f"org-{size.departments}d-{size.tasks}t.yaml"
    path.write_text(
        generate_org.generate(size.departments, size.tasks, size.per_task, seed), encoding="utf-8"
    )
    command = [*raci, "check", str(path), "--format", "json"]
    findings = _findings(command)  # also the warm-up run

    check = time_commands({"check": command}, runs, ok_codes={"check": (0, 1)}, warmup=False)["check"]

    def parse() -> object:
        with path.open(encoding="utf-8") as stream:
            return yaml.load(stream, Loader=yaml.CSafeLoader)

    parse()  # warm-up
    loader = time_call("CSafeLoader", parse, runs)
    script = (
        f"import yaml\nwith open({str(path)!r}, encoding='utf-8') as f: yaml.load(f, Loader=yaml.CSafeLoader)"
    )
    loader_process = time_commands({"loader": [sys.executable, "-c", script]}, runs)["loader"]
    return Measured(size, path, path.stat().st_size / 1e6, findings, check, loader, loader_process)


def _findings(command: list[str]) -> int:
    """Run once, make sure the JSON report is whole, and count its findings."""
    completed = subprocess.run(command, capture_output=True, check=False)
    if completed.returncode not in (0, 1):
        stderr = completed.stderr.decode("utf-8", errors="replace").strip()
        raise SystemExit(f"{' '.join(command)} exited {completed.returncode}: {stderr[-500:]}")
    report = json.loads(completed.stdout)
    return len(report.get("findings", []))


def _report(results: list[Measured], startup: Timing, scale: int) -> None:
    rows = []
    for result in results:
        size = result.size
        rows.append(
            [
                size.label,
                f"{size.departments:,}",
                f"{size.tasks:,}",
                f"{size.assignments:,}",
                f"{result.megabytes:.1f} MB",
                f"{result.findings:,}",
                ms(result.check.best),
                ms(result.loader.best),
                ms(result.loader_process.best),
                f"{result.check.best / result.loader.best:.2f}",
            ]
        )
    headers = [
        "size",
        "depts",
        "tasks",
        "assignments",
        "file",
        "findings",
        "raci check",
        "CLoader",
        "CLoader+proc",
        "check/CLoader",
    ]
    print(table(headers, rows))
    print(
        "\nraci check: subprocess wall time, `--format json`, output discarded.\n"
        "CLoader: yaml.load(f, Loader=yaml.CSafeLoader) timed in-process with perf_counter (the bar).\n"
        "CLoader+proc: the same parse in a fresh `python -c` (start-up + import yaml), context only.\n"
        f"raci start-up (`raci --version`): {ms(startup.best)}\n"
    )

    base, large = results
    check_ratio = large.check.best / large.loader.best
    scaling = large.check.best / base.check.best
    net = (large.check.best - startup.best) / max(base.check.best - startup.best, 1e-9)
    loader_scaling = large.loader.best / base.loader.best
    check_verdict = verdict(check_ratio, CHECK_BAR)
    print(f"check/CLoader on the large org: {check_ratio:.2f}  (bar <= {CHECK_BAR})  {check_verdict}")
    print(
        f"time({scale}x)/time(1x) of raci check: {scaling:.2f}  "
        f"(bar <= {SCALING_BAR})  {verdict(scaling, SCALING_BAR)}"
    )
    print(f"  for context: net of start-up {net:.2f}; the C loader alone scales {loader_scaling:.2f}")


if __name__ == "__main__":
    raise SystemExit(main())
