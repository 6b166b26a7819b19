"""CLI manners: no markup dumped on a terminal, report formats from file names, help in words,
a text grid that fits 80 columns, verdicts nobody can misread, no empty suggestion effects."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from raci.model.vocabulary import Activity

from .conftest import EXAMPLES, ROOT, run_subprocess
from .orgs import generate

CLASSIC = EXAMPLES / "classic-raci-mistakes.yaml"
MARKETING = EXAMPLES / "marketing-owns-everything.yaml"
SHARED = EXAMPLES / "shared-ownership.yaml"
COMMANDS = ("check", "rules", "explain", "schema", "init", "render", "export", "import", "diff", "whatif")
COMMANDS += ("suggest", "slides", "report")


def on_a_terminal(*args: str) -> tuple[int, bytes, str]:
    """Run `python -m raci` with stdout on a pseudo-terminal: (exit code, stdout, stderr)."""
    leader, follower = os.openpty()
    chunks: list[bytes] = []

    def drain() -> None:  # read as it comes: a full terminal buffer would block the writer
        try:
            while chunk := os.read(leader, 65536):
                chunks.append(chunk)
        except OSError:  # the terminal closed: everything is read
            pass

    reader = threading.Thread(target=drain)
    reader.start()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "raci", *args],
            stdout=follower,
            stderr=subprocess.PIPE,
            env={**os.environ, "NO_COLOR": "1"},
            timeout=60,
            check=False,
        )
    finally:
        os.close(follower)
        reader.join(timeout=10)
        os.close(leader)
    return done.returncode, b"".join(chunks), done.stderr.decode()


@pytest.mark.parametrize(
    ("args", "hint"),
    [
        (("render", str(CLASSIC)), "-o gaps.svg"),
        (("render", str(CLASSIC), "--view", "matrix"), "-o matrix.svg"),
        (("render", str(CLASSIC), "--format", "png"), "-o gaps.png"),
        (("render", str(CLASSIC), "--format", "pdf"), "-o gaps.pdf"),
        (("report", str(CLASSIC)), "-o report.html"),
        (("slides", str(CLASSIC), "-o", "-"), "-o deck.pdf"),
    ],
)
def test_markup_and_binaries_are_not_dumped_on_a_terminal(args: tuple[str, ...], hint: str) -> None:
    code, out, err = on_a_terminal(*args)
    assert code == 2
    assert out == b""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("raci: ") and hint in lines[0], err


def test_dot_is_text_and_may_go_to_a_terminal() -> None:
    code, out, _ = on_a_terminal("render", str(CLASSIC), "--format", "dot", "--view", "ownership")
    assert code == 0 and out.lstrip().startswith(b"digraph")


def test_piped_output_still_works() -> None:
    run = run_subprocess("render", str(CLASSIC))
    assert run.code == 0 and run.stdout.lstrip().startswith("<?xml")
    run = run_subprocess("report", str(CLASSIC))
    assert run.code == 0 and run.stdout.startswith("<!DOCTYPE html>")


def test_diff_picks_its_format_from_the_file_name(tmp_path: Path) -> None:
    as_json, as_markdown, as_text = tmp_path / "d.json", tmp_path / "d.md", tmp_path / "d.txt"
    for path in (as_json, as_markdown, as_text):
        assert run_subprocess("diff", str(MARKETING), str(SHARED), "-o", str(path)).code == 0
    assert json.loads(as_json.read_text(encoding="utf-8"))["new"]["file"] == str(SHARED)
    assert as_markdown.read_text(encoding="utf-8").startswith("#")
    assert not as_text.read_text(encoding="utf-8").startswith(("{", "#"))
    # The same for whatif.
    target = tmp_path / "w.json"
    assert run_subprocess("whatif", str(SHARED), "--without", "comms", "-o", str(target)).code in (0, 1)
    assert "scenario" in json.loads(target.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("-o", "diff.html"), "name the file .txt, .json or .md, not .html"),
        (("-o", "diff.md", "--format", "json"), "--format json does not match"),
    ],
)
def test_diff_refuses_a_file_name_that_lies(tmp_path: Path, args: tuple[str, ...], says: str) -> None:
    run = run_subprocess("diff", str(MARKETING), str(SHARED), *args, cwd=tmp_path)
    assert run.code == 2
    assert says in run.stderr and len(run.stderr.strip().splitlines()) == 1
    assert list(tmp_path.iterdir()) == []  # nothing written


@pytest.mark.parametrize("command", COMMANDS)
def test_help_names_types_in_words(command: str) -> None:
    run = run_subprocess(command, "--help", env={"COLUMNS": "100"})
    assert run.code == 0
    assert not re.search(r"<(bool|str|int|float|list|file|path)\b", run.stdout), run.stdout
    assert "list[" not in run.stdout


def test_help_words_for_rule_codes_and_switches() -> None:
    out = run_subprocess("check", "--help", env={"COLUMNS": "120"}).stdout
    select = next(line for line in out.splitlines() if "--select" in line)
    assert "rule codes" in select
    quiet = next(line for line in out.splitlines() if "--quiet" in line)
    assert "<" not in quiet  # a switch takes no value: nothing is shown for one
    assert "FILES" in out and "files or folders" in out


def _grid(out: str) -> list[str]:
    lines = out.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("Ownership:"))
    end = next(i for i, line in enumerate(lines) if line.startswith("! = "))
    return lines[start : end + 1]


@pytest.mark.parametrize("departments", [4, 10, 15])
def test_text_grid_fits_80_columns_with_full_names(tmp_path: Path, departments: int) -> None:
    path = tmp_path / "org.yaml"
    path.write_text(generate(departments, 30), encoding="utf-8")
    out = run_subprocess("check", str(path), "--color", "never").stdout
    grid = _grid(out)
    assert max(len(line) for line in grid) <= 80
    body = "\n".join(grid)
    for activity in Activity:
        if activity is not Activity.OTHER:
            # Each part of the grid repeats the full activity names.
            assert activity.label in body, activity
    for bad in ("discov", "publsh", "respnd", "recovr"):
        assert not re.search(rf"\b{bad}\b", body)


def test_a_required_owner_missing_is_marked_without_colour() -> None:
    out = run_subprocess("check", str(MARKETING), "--color", "never").stdout
    grid = _grid(out)
    respond = next(line for line in grid if line.startswith("respond "))
    # Customer service is only informed on the respond task (SOC102): "I!".
    assert "I!" in respond


def test_principle_lines_say_yes_or_no() -> None:
    out = run_subprocess("check", str(MARKETING), "--color", "never").stdout
    lines = [line for line in out.splitlines() if re.match(r"\s+[✔✘·] ", line)]
    assert len(lines) == 5
    for line in lines:
        assert "✘ FAIL" in line and re.search(r"Checked that .*: NO \(\d+ findings?: [A-Z0-9, ]+\)$", line)
    out = run_subprocess("check", str(SHARED), "--color", "never").stdout
    lines = [line for line in out.splitlines() if re.match(r"\s+[✔✘·] ", line)]
    assert len(lines) == 5 and all("✔ PASS" in line and line.endswith(": yes") for line in lines)


EASE = """organization: Ease
departments:
  marketing: {function: marketing, capacity_hours: 40}
  care: {function: customer_service, capacity_hours: 5}
  pr: {function: public_relations, capacity_hours: 40}
  sales: {function: sales, capacity_hours: 40}
tasks:
  answer: {activity: respond, effort_hours: 40, raci: {care: RA, pr: C, marketing: I}}
  publish: {activity: publish, effort_hours: 6, raci: {marketing: RA, care: R, sales: I}}
  leads: {activity: sell, effort_hours: 2, raci: {sales: RA, marketing: I}}
  crisis: {activity: recover, effort_hours: 1, raci: {pr: RA, care: I, sales: I}}
  measure: {activity: measure, effort_hours: 1, review_horizon_days: 90, raci: {marketing: RA, sales: I}}
  find: {activity: discover, effort_hours: 1, raci: {marketing: RA, sales: C}}
  pick: {activity: select, effort_hours: 1, raci: {marketing: RA, pr: C}}
  ads: {activity: promote, budget: 100, raci: {marketing: RA, sales: C}}
  listen: {activity: monitor, effort_hours: 1, raci: {marketing: RA, care: I}}
"""


def test_suggestion_that_clears_nothing_says_what_it_eases(tmp_path: Path) -> None:
    # care: 40 h of answers + half of the 6 h publishing = 43 h against 5 h. Dropping its R on
    # publishing clears no finding (still 40 h) but eases it: the item says so, never "[]".
    path = tmp_path / "ease.yaml"
    path.write_text(EASE, encoding="utf-8")
    out = run_subprocess("suggest", str(path)).stdout
    items = [line for line in out.splitlines() if re.match(r"\s+\d+\. ", line)]
    assert items and not any(line.rstrip().endswith("[]") for line in items)
    assert "  1. care R -> C on publish  [eases care 43 h -> 40 h of 5 h]" in items
    data = json.loads(run_subprocess("suggest", str(path), "--format", "json").stdout)
    assert data["suggestions"][0]["eases"] == ["care 43 h -> 40 h of 5 h"]


def test_missing_file_is_one_file_not_loaded(tmp_path: Path) -> None:
    run = run_subprocess("check", "nowhere.yaml", cwd=tmp_path)
    assert run.code == 2
    assert run.stdout.strip().splitlines()[-1] == "✘ 1 file not loaded"
    run = run_subprocess("check", "nowhere.yaml", str(CLASSIC), str(SHARED), cwd=ROOT)
    assert (
        run.stdout.strip().splitlines()[-1] == "✘ 3 errors, 4 warnings, 1 info in 2 files; 1 file not loaded"
    )
