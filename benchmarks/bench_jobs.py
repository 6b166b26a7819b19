"""`raci check DIR --jobs N` on 2,000 files: the speed-up of checking on several cores.

2,000 small organisations (``generate_org.py``, 6 departments and 20 tasks each, three
letters per task; every 100th file broken, so load errors travel back from the workers too)
are checked as one directory by ``raci check DIR --format json`` as a subprocess, with
``--jobs 1`` and with ``--jobs N`` for N = 2 and the number of cores, plus the default (no
``--jobs``: one per core for this many files). Runs are interleaved; the best of ``--runs``
is kept. The outputs are compared byte for byte. Always exits 0.

The speed-up printed is time(--jobs 1) / time(--jobs N); it is bounded by the cores free
on the machine at the time (a shared machine gives less than its core count).
"""

from __future__ import annotations

import argparse
import subprocess
import tempfile
from pathlib import Path

import generate_org
from _common import entry_point, ms, table, time_commands

from raci.checking.parallel import available_cores


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=3, help="timed runs per command (best is kept)")
    parser.add_argument("--files", type=int, default=2_000)
    parser.add_argument("--departments", type=int, default=6)
    parser.add_argument("--tasks", type=int, default=20)
    args = parser.parse_args(argv)
    if args.runs < 1 or args.files < 1:
        parser.error("--runs and --files must be at least 1")
    raci = entry_point("raci")
    cores = available_cores()
    with tempfile.TemporaryDirectory(prefix="raci-bench-jobs-") as temp:
        folder = Path(temp)
        for index in range(args.files):
            text = generate_org.generate(args.departments, args.tasks, 3, index)
            if index % 100 == 99:
                text = text.replace("activity:", "activity: nonsense #", 1)
            (folder / f"org{index:05d}.yaml").write_text(text, encoding="utf-8")
        base = [*raci, "check", str(folder), "--format", "json"]
        commands = {"--jobs 1": [*base, "--jobs", "1"]}
        for jobs in sorted({2, cores}):
            commands[f"--jobs {jobs}"] = [*base, "--jobs", str(jobs)]
        commands["default"] = base
        outputs = {
            label: subprocess.run(argv, capture_output=True, check=False).stdout
            for label, argv in commands.items()
        }
        identical = len(set(outputs.values())) == 1
        expected = {label: (2,) for label in commands}  # the broken files: exit 2
        timings = time_commands(commands, args.runs, ok_codes=expected, warmup=False)
    one = timings["--jobs 1"].best
    print(f"{args.files:,} files of {args.departments} departments x {args.tasks} tasks; {cores} cores")
    print(f"runs={args.runs} (best of, interleaved)\n")
    rows = [
        [label, ms(timing.best), f"{one / timing.best:.2f}x"] for label, timing in timings.items()
    ]
    print(table(["raci check DIR", "best", "speed-up vs --jobs 1"], rows))
    print(f"\noutputs identical across --jobs: {'yes' if identical else 'NO'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
