"""Write a synthetic organisation in the documented org file shape, for the performance bars.

The default size is the large bar's: 500 departments, 20,000 tasks and 120,000 assignments
(six letters per task). Output is deterministic for a given size and seed.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

FUNCTIONS = ("marketing", "customer_service", "public_relations", "sales", "legal", "product")
ACTIVITIES = (
    "monitor",
    "discover",
    "select",
    "create",
    "publish",
    "respond",
    "sell",
    "media_relations",
    "promote",
    "recover",
    "measure",
)
OTHER_LETTERS = ("C", "I", "R", "C", "I")


def generate(departments: int, tasks: int, per_task: int, seed: int) -> str:
    rng = random.Random(seed)
    lines = ["organization: Synthetic Corp", "departments:"]
    dept_ids = [f"dept-{i:04d}" for i in range(departments)]
    for i, dept_id in enumerate(dept_ids):
        function = FUNCTIONS[i % len(FUNCTIONS)]
        lines.append(f"  {dept_id}: {{name: Department {i}, function: {function}, capacity_hours: 4000}}")
    lines.append("tasks:")
    for t in range(tasks):
        activity = ACTIVITIES[t % len(ACTIVITIES)]
        chosen = rng.sample(dept_ids, per_task)
        letters = ["RA"] + [OTHER_LETTERS[k % len(OTHER_LETTERS)] for k in range(per_task - 1)]
        raci = ", ".join(f"{d}: {letter}" for d, letter in zip(chosen, letters, strict=True))
        lines.append(f"  task-{t:05d}:")
        lines.append(f"    name: Task number {t}")
        lines.append(f"    activity: {activity}")
        lines.append(f"    effort_hours: {rng.randint(1, 8)}")
        if activity == "measure":
            lines.append("    review_horizon_days: 90")
        lines.append(f"    raci: {{{raci}}}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("output", type=Path, help="where to write the YAML ('-' for stdout)")
    parser.add_argument("--departments", type=int, default=500)
    parser.add_argument("--tasks", type=int, default=20_000)
    parser.add_argument("--per-task", type=int, default=6, help="assignments per task")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    text = generate(args.departments, args.tasks, args.per_task, args.seed)
    if str(args.output) == "-":
        sys.stdout.write(text)
    else:
        args.output.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
