"""`raci suggest` on a 145-task organisation against `raci check` on the same file.

Bar: suggest's wall time <= 3x check's. Both run as subprocesses through the real console
script (start-up, load, check, and for suggest the assignment, its checks and the greedy
rest), interleaved, best of ``--runs`` after one untimed warm-up. The organisation is the
realistic workshop-shape generator of the tests (``tests/orgs.py``: real functions and
capacities, the usual mistakes), 15 departments by default; run from the repository root.
The same process also times ``raci.check`` and ``suggest`` in-process, without start-up,
for context. Always exits 0.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from _common import entry_point, ms, table, time_commands, verdict

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import raci  # noqa: E402
from raci.workshop.suggest import suggest  # noqa: E402
from tests import orgs  # noqa: E402

BAR = 3.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=5, help="timed runs (best is kept)")
    parser.add_argument("--tasks", type=int, default=145)
    parser.add_argument("--departments", type=int, default=15)
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")

    text = orgs.generate(args.departments, args.tasks)
    with tempfile.TemporaryDirectory(prefix="raci-bench-") as temp:
        path = Path(temp) / "org.yaml"
        path.write_text(text, encoding="utf-8")
        raci_cmd = entry_point("raci")
        timings = time_commands(
            {
                "raci check": [*raci_cmd, "check", str(path), "--format", "json"],
                "raci suggest": [*raci_cmd, "suggest", str(path), "--format", "json"],
            },
            args.runs,
            ok_codes={"raci check": (0, 1), "raci suggest": (0, 1)},
        )
        org = raci.load(path)
    start = time.perf_counter()
    result = raci.check(org)
    check_seconds = time.perf_counter() - start
    start = time.perf_counter()
    found = suggest(result)
    suggest_seconds = time.perf_counter() - start

    check, suggested = timings["raci check"], timings["raci suggest"]
    ratio = suggested.best / check.best
    counts = lambda r: "/".join(str(n) for n in r.counts().values())  # noqa: E731
    print(f"python {sys.version.split()[0]}, raci {raci.__version__}, runs={args.runs} (best of)")
    print(
        f"org: {args.departments} departments, {args.tasks} tasks; findings (errors/warnings/infos) "
        f"{counts(result)} -> {counts(found.after)} after {len(found.suggestions)} suggestions\n"
    )
    rows = [
        ["raci check FILE (subprocess)", ms(check.best), f"median {ms(check.median)}"],
        ["raci suggest FILE (subprocess)", ms(suggested.best), f"median {ms(suggested.median)}"],
        ["raci.check(org) in-process", ms(check_seconds), ""],
        ["suggest(result) in-process", ms(suggest_seconds), ""],
    ]
    print(table(["measurement", "best", "spread"], rows))
    print(f"\nsuggest / check: {ratio:.2f}  (bar <= {BAR:g})  {verdict(ratio, BAR)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
