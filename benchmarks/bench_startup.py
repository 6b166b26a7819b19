"""Command-line start-up: `raci` against a bare interpreter and against a peer tool.

Bar: ``raci check`` on a bundled example, installed as users install it (non-editable, in a
venv of its own: ``--clean-venv``), takes <= 0.8x the wall time of ``agenraci validate`` on
agenraci's own starter charter (a peer with the same stack:
typer, rich, pydantic, PyYAML). agenraci is installed from PyPI into its own virtual
environment (``benchmarks/.venv-agenraci`` by default) when missing, and its starter charter
is written with ``agenraci init``. Without it, its rows are skipped.

Every command runs as a subprocess through its real console script (no pyenv shims), from the
repository root, after one untimed warm-up; runs are interleaved and the best is kept.

By default ``raci`` is the one installed with this interpreter (in development, an editable
install in an environment that may hold many other packages and ``.pth`` hooks, all of which
cost start-up time). ``--clean-venv`` also installs the repository, non-editable, into a venv
of its own (``benchmarks/.venv-raci``; raci itself is reinstalled on every run) and times
that too: the same conditions agenraci gets. The clean venv's ``floor`` rows time what every
check imports before any raci code runs (pydantic's ``BaseModel`` and networkx, which the flow
rules ask). Each row also gives the best CPU time, and the ratios are printed in CPU time too:
on a shared machine other work stretches wall time far more. Always exits 0.

Last measured (clean venvs, best of 40 interleaved runs, on a busy 2-core machine at load
2 to 4): raci check 248 ms / agenraci validate 179 ms = 1.39 (1.37 in CPU
time; another run 1.45), from 1.48 before a plain file stopped importing PyYAML (1.38 for this
code in the same side-by-side run). In instructions (valgrind cachegrind, undisturbed by load):
1,102 M / 907 M = 1.22, from 1.35. Not met: the floor alone (pydantic's BaseModel and networkx,
no raci code) is 789 M instructions, 0.87x agenraci's validate (1.04x in time), and networkx,
which the flow rules ask, is 400 M of it. See docs/architecture.md, performance bars.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from _common import BENCH_DIR, REPO_ROOT, Timing, entry_point, ms, table, time_commands, verdict

BAR = 0.8
AGENRACI_VERSION = "0.2.1"
CLEAN_CHECK = "raci check <example>"
#: Imports a check cannot do without, timed alone in the clean venv (no raci code): pydantic's
#: model machinery, and networkx, which the flow rules (SOC106, SOC302, RACI008) ask.
FLOOR = {
    "import pydantic.BaseModel": "from pydantic import BaseModel",
    "import networkx": "import networkx",
    "floor: both of them": "import networkx; from pydantic import BaseModel",
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=10, help="timed runs per command (best is kept)")
    parser.add_argument(
        "--example", default="org_examples/shared-ownership.yaml", help="org file, relative to the repo"
    )
    parser.add_argument("--venv", type=Path, default=BENCH_DIR / ".venv-agenraci", help="agenraci's venv")
    parser.add_argument("--agenraci-version", default=AGENRACI_VERSION)
    parser.add_argument("--no-install", action="store_true", help="skip agenraci when it is not installed")
    parser.add_argument(
        "--clean-venv", action="store_true", help="also time raci installed (non-editable) in its own venv"
    )
    parser.add_argument("--raci-venv", type=Path, default=BENCH_DIR / ".venv-raci", help="that venv")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")

    raci = entry_point("raci")
    commands: dict[str, list[str]] = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "raci --help": [*raci, "--help"],
        f"raci check {args.example}": [*raci, "check", args.example],
    }
    ok_codes: dict[str, tuple[int, ...]] = {f"raci check {args.example}": (0, 1)}

    if args.clean_venv:
        clean = _clean_raci(args.raci_venv)
        if clean is not None:
            commands["clean venv: python -c pass"] = [str(_python(args.raci_venv)), "-c", "pass"]
            commands["clean venv: raci --help"] = [str(clean), "--help"]
            commands[f"clean venv: {CLEAN_CHECK}"] = [str(clean), "check", args.example]
            ok_codes[f"clean venv: {CLEAN_CHECK}"] = (0, 1)
            # What the stack a check needs costs before any raci code runs: the floor.
            for label, code in FLOOR.items():
                commands[f"clean venv: {label}"] = [str(_python(args.raci_venv)), "-c", code]

    agenraci = _agenraci(args.venv, args.agenraci_version, install=not args.no_install)
    with tempfile.TemporaryDirectory(prefix="raci-bench-") as temp:
        charter = Path(temp) / "charter.yaml"
        if agenraci is not None and not _starter_charter(agenraci, charter):
            agenraci = None
        if agenraci is not None:
            commands["agenraci python -c pass"] = [str(_python(args.venv)), "-c", "pass"]
            commands["agenraci --help"] = [str(agenraci), "--help"]
            commands["agenraci validate <starter charter>"] = [str(agenraci), "validate", str(charter)]
        print(f"raci command: {' '.join(raci)}")
        if agenraci is not None:
            print(f"agenraci command: {agenraci} (starter charter from `agenraci init`)")
        print(f"python {sys.version.split()[0]}, runs={args.runs} (best of, interleaved)\n")
        # The venvs' commands run without PYTHONPATH: a development checkout on it would be
        # imported instead of what the venv installed.
        isolated = [label for label in commands if label.startswith(("clean venv:", "agenraci"))]
        timings = time_commands(commands, args.runs, ok_codes=ok_codes, cwd=REPO_ROOT, isolated=isolated)

    _report(timings, commands, args.example)
    return 0


def _report(timings: dict[str, Timing], commands: dict[str, list[str]], example: str) -> None:
    python = timings["python -c pass"].best
    rows = [
        [
            label,
            ms(timing.best),
            ms(timing.median),
            ms(timing.best - python),
            f"{timing.best / python:.1f}x",
            "-" if timing.best_cpu is None else ms(timing.best_cpu),
        ]
        for label, timing in timings.items()
    ]
    print(table(["command", "best", "median", "minus python", "/ python", "best CPU"], rows))
    print()
    raci_check = timings[f"raci check {example}"].best
    validate = timings.get("agenraci validate <starter charter>")
    if validate is None:
        print("raci check / agenraci validate: skipped (agenraci is not available)")
        return
    ratio = raci_check / validate.best
    print(f"raci check / agenraci validate: {ratio:.2f}  (bar <= {BAR})  {verdict(ratio, BAR)}")
    clean = timings.get(f"clean venv: {CLEAN_CHECK}")
    if clean is not None:
        ratio = clean.best / validate.best
        print(
            f"raci check / agenraci validate, both in clean venvs: {ratio:.2f}  "
            f"(bar <= {BAR})  {verdict(ratio, BAR)}{_cpu_ratio(clean, validate)}"
        )
        floor = timings.get("clean venv: floor: both of them")
        if floor is not None:
            print(
                f"floor (python + pydantic's BaseModel + networkx, no raci code) / agenraci validate: "
                f"{floor.best / validate.best:.2f}{_cpu_ratio(floor, validate)}"
            )
    helps = timings["raci --help"].best / timings["agenraci --help"].best
    print(f"raci --help / agenraci --help: {helps:.2f}  (context only)")


def _cpu_ratio(timing: Timing, baseline: Timing) -> str:
    """The same ratio in CPU time (user + system), which other work on the machine disturbs less."""
    if timing.best_cpu is None or baseline.best_cpu is None:
        return ""
    return f"  (in CPU time: {timing.best_cpu / baseline.best_cpu:.2f})"


def _python(venv: Path) -> Path:
    return venv / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")


def _script(venv: Path, name: str) -> Path:
    return venv / (f"Scripts/{name}.exe" if sys.platform == "win32" else f"bin/{name}")


def _agenraci(venv: Path, version: str, *, install: bool) -> Path | None:
    """agenraci's console script, installing it into ``venv`` first when asked to."""
    script = _script(venv, "agenraci")
    if script.exists():
        return script
    if not install:
        print(f"agenraci is not installed in {venv} and --no-install was given: skipping it")
        return None
    print(f"installing agenraci=={version} into {venv} ...", flush=True)
    if not _pip(venv, [f"agenraci=={version}"], "agenraci"):
        return None
    return script if script.exists() else None


def _clean_raci(venv: Path) -> Path | None:
    """raci from this repository, installed non-editable into ``venv`` (reinstalled each run)."""
    script = _script(venv, "raci")
    print(f"installing raci from {REPO_ROOT} into {venv} (non-editable) ...", flush=True)
    # Dependencies as declared now (a cheap no-op when satisfied), then raci itself again, so
    # the venv holds the working tree's code.
    if not _pip(venv, [str(REPO_ROOT)], "raci's dependencies (clean venv)"):
        return None
    requirement = ["--force-reinstall", "--no-deps", str(REPO_ROOT)]
    if not _pip(venv, requirement, "raci (clean venv)") or not script.exists():
        return None
    # A clean venv shows imports the package does not declare: say so instead of timing a crash.
    completed = subprocess.run([str(script), "--help"], capture_output=True, text=True, check=False)
    if completed.returncode != 0:
        lines = completed.stderr.strip().splitlines()
        print(f"raci in the clean venv does not start: {lines[-1] if lines else completed.returncode}")
        print("skipping the clean venv rows")
        return None
    return script


def _pip(venv: Path, requirement: list[str], what: str) -> bool:
    """Create ``venv`` when missing and pip-install into it; say so and return False on failure."""
    steps = [[str(_python(venv)), "-m", "pip", "install", "--quiet", *requirement]]
    if not _python(venv).exists():
        steps.insert(0, [sys.executable, "-m", "venv", str(venv)])
    for step in steps:
        completed = subprocess.run(step, capture_output=True, text=True, check=False)
        if completed.returncode != 0:
            reason = (completed.stderr or completed.stdout).strip().splitlines()
            print(f"cannot install {what} ({' '.join(step)}): {reason[-1] if reason else 'failed'}")
            print(f"skipping the {what} rows")
            return False
    return True


def _starter_charter(agenraci: Path, charter: Path) -> bool:
    """Write agenraci's starter charter with `agenraci init` and check that it validates."""
    for step in ([str(agenraci), "init", str(charter)], [str(agenraci), "validate", str(charter)]):
        completed = subprocess.run(step, capture_output=True, text=True, check=False)
        if completed.returncode != 0:
            print(f"`{' '.join(step)}` exited {completed.returncode}: skipping the agenraci rows")
            return False
    return True


if __name__ == "__main__":
    raise SystemExit(main())
