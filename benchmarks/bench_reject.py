"""Rejecting a file costs at most twice accepting a valid file of the same size.

Bar: for three kinds of bad input (unknown department references, unknown keys, bad RACI
letters) at three sizes (about 100 KB, 1 MB and 10 MB), ``raci check FILE`` on the bad file
takes at most **2x** the wall time and at most **2x** the peak resident memory of ``raci
check`` on the valid file it was made from.

Every bad file is the valid one with *every* occurrence of one thing broken, the worst case
for per-problem work: every reference misspelt (``dept-0001`` -> ``dpet-0001``, each a
did-you-mean), every ``capacity_hours`` and ``effort_hours`` key misspelt, every ``RA``
written ``RX``. ``raci check`` runs as a subprocess each time (whole wall time; peak RSS of
that process from ``os.wait4``); the valid run must exit 0 or 1, the bad one 2. Times are the
best of ``--runs`` runs after one untimed warm-up, interleaved. Always exits 0.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import generate_org
from _common import entry_point, table, verdict

BAR = 2.0
SIZES = {"100 KB": 100_000, "1 MB": 1_000_000, "10 MB": 10_000_000}
_BYTES_PER_TASK = 183  # of generate_org's shape, measured; the size is then hit within a few %


def _unknown_references(text: str) -> str:
    head, _, tasks = text.partition("\ntasks:\n")
    return head + "\ntasks:\n" + tasks.replace("dept-", "dpet-")


def _unknown_keys(text: str) -> str:
    return text.replace("capacity_hours", "capcity_hours").replace("effort_hours", "efort_hours")


def _bad_letters(text: str) -> str:
    return text.replace(": RA", ": RX")


BREAKERS: dict[str, Callable[[str], str]] = {
    "unknown references": _unknown_references,
    "unknown keys": _unknown_keys,
    "bad letters": _bad_letters,
}


def valid_org(size: int) -> str:
    tasks = max(40, size // _BYTES_PER_TASK)
    return generate_org.generate(max(10, tasks // 40), tasks, 6, seed=7)


def measure(argv: Sequence[str], ok: Sequence[int]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of one run of ``argv``."""
    start = time.perf_counter()
    process = subprocess.Popen(
        list(argv), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    assert process.stderr is not None
    stderr = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in ok:
        raise RuntimeError(f"{' '.join(argv)} exited {process.returncode}: {stderr[-400:]!r}")
    return elapsed, usage.ru_maxrss / 1024


def best_of(argv: Sequence[str], ok: Sequence[int], runs: int) -> tuple[float, float]:
    measure(argv, ok)  # warm-up
    samples = [measure(argv, ok) for _ in range(runs)]
    return min(s[0] for s in samples), min(s[1] for s in samples)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sizes", nargs="*", default=list(SIZES), choices=list(SIZES))
    args = parser.parse_args(argv)
    raci = entry_point("raci")
    rows = []
    worst = 0.0
    accepted: list[tuple[float, float]] = []  # (MB, peak RSS MiB) of each valid file
    with tempfile.TemporaryDirectory() as folder:
        for label in args.sizes:
            valid_text = valid_org(SIZES[label])
            valid = Path(folder, f"valid-{SIZES[label]}.yaml")
            valid.write_text(valid_text, encoding="utf-8")
            accept_time, accept_rss = best_of(
                [*raci, "check", str(valid), "--format", "json"], (0, 1), args.runs
            )
            accepted.append((len(valid_text.encode()) / 1e6, accept_rss))
            for kind, breaker in BREAKERS.items():
                bad = Path(folder, f"bad-{kind.replace(' ', '-')}-{SIZES[label]}.yaml")
                bad.write_text(breaker(valid_text), encoding="utf-8")
                reject_time, reject_rss = best_of(
                    [*raci, "check", str(bad), "--format", "json"], (2,), args.runs
                )
                time_ratio, rss_ratio = reject_time / accept_time, reject_rss / accept_rss
                worst = max(worst, time_ratio, rss_ratio)
                rows.append(
                    [
                        f"{label} {kind}",
                        f"{len(valid_text.encode()) / 1e6:.2f} MB",
                        f"{accept_time:.2f} s",
                        f"{reject_time:.2f} s",
                        f"{time_ratio:.2f}",
                        f"{accept_rss:.0f} MiB",
                        f"{reject_rss:.0f} MiB",
                        f"{rss_ratio:.2f}",
                    ]
                )
                print(rows[-1], flush=True, file=sys.stderr)
    if len(accepted) > 1:
        (small_mb, small_rss), (large_mb, large_rss) = accepted[0], accepted[-1]
        slope = (large_rss - small_rss) / (large_mb - small_mb)
        print(f"peak memory of a valid file: {slope:.0f} MiB per MB of input (above {small_rss:.0f} MiB)")
    headers = ["case", "size", "accept", "reject", "time x", "accept RSS", "reject RSS", "RSS x"]
    print(table(headers, rows))
    print(f"\nworst reject/accept ratio {worst:.2f} (bar <= {BAR}): {verdict(worst, BAR)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
