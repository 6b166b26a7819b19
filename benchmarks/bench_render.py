"""A gaps diagram of 40 departments x 400 tasks rendered to SVG with `dot`.

Bar: under 3 s. The organisation is generated with ``generate_org.py`` (40 departments, 400
tasks, six assignments per task). The bar is judged on the whole command a facilitator runs,
``raci render FILE -o out.svg`` as a subprocess (start-up, load, check, build, `dot`), best of
``--runs``. Also shown: ``raci.render(...)`` in-process on an already-checked organisation,
the other views, and (``--full``) the same diagram forced to one box per task, which is what
the automatic summary avoids. Always exits 0.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

import generate_org
from _common import entry_point, ms, table, time_call, time_commands

import raci
from raci.diagrams import VIEWS, RenderLimits, render

BAR_SECONDS = 3.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=5, help="timed runs (best is kept)")
    parser.add_argument("--departments", type=int, default=40)
    parser.add_argument("--tasks", type=int, default=400)
    parser.add_argument("--per-task", type=int, default=6, help="assignments per task")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--full", action="store_true", help="also time --detail full (slow: ~20 s)")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    dot = shutil.which("dot")
    if dot is None:
        print("Graphviz's dot is not installed: the bar is measured with dot (apt-get install graphviz)")
        return 0

    text = generate_org.generate(args.departments, args.tasks, args.per_task, args.seed)
    with tempfile.TemporaryDirectory(prefix="raci-bench-render-") as temp:
        path = Path(temp) / "org.yaml"
        path.write_text(text, encoding="utf-8")
        out = Path(temp) / "gaps.svg"
        command = [*entry_point("raci"), "render", str(path), "--view", "gaps", "-o", str(out)]
        cli = time_commands({"cli": command}, args.runs)["cli"]
        svg_bytes = out.stat().st_size
        org = raci.load(path)
    result = raci.check(org)

    rows = [
        ["raci render FILE -o gaps.svg (subprocess, whole)", ms(cli.best), f"median {ms(cli.median)}"],
    ]
    for view in VIEWS:
        timing = time_call(view, lambda v=view: render(org, result, view=v, format="svg"), args.runs)
        rows.append([f"raci.render(org, result, view={view!r}, format='svg')", ms(timing.best), ""])
    if args.full:
        limits = RenderLimits(timeout_seconds=300)
        timing = time_call(
            "full", lambda: render(org, result, view="gaps", format="svg", detail="full", limits=limits), 1
        )
        rows.append(["gaps with detail='full' (one box per task; context)", ms(timing.best), ""])

    print(
        f"python {sys.version.split()[0]}, raci {raci.__version__}, dot at {dot}, runs={args.runs} (best of)"
    )
    print(
        f"org: {args.departments:,} departments, {args.tasks:,} tasks, "
        f"{args.tasks * args.per_task:,} assignments; {len(result.findings):,} findings; "
        f"gaps SVG {svg_bytes / 1024:,.0f} KiB\n"
    )
    print(table(["measurement", "best", "spread"], rows))
    verdict = "PASS" if cli.best < BAR_SECONDS else "FAIL"
    print(f"\nraci render (gaps, SVG) / 3 s bar: {cli.best / BAR_SECONDS:.2f}  (bar < 1.0)  {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
