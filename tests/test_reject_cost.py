"""Rejecting a file costs what is shown: 50 problems placed and worded, the rest counted.

Timing is measured by benchmarks/bench_reject.py (ratios, never asserted here); these tests
prove the behaviour that keeps the cost bounded: only the first 50 problems in file order are
shown, each exactly placed and with its did-you-mean, and the note counts the others.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import raci
from raci.model.suggestions import SCAN_LIMIT, SuggestionIndex, closest
from raci.yaml.fast_reader import fast_locate, fast_parse
from raci.yaml.loader import parse_yaml
from tests.conftest import EXAMPLES, ROOT, run_subprocess

sys.path.insert(0, str(ROOT / "benchmarks"))
import bench_reject
import generate_org


def _org(departments: int, tasks: int) -> str:
    return generate_org.generate(departments, tasks, 6, seed=3)


@pytest.mark.parametrize("kind", list(bench_reject.BREAKERS))
def test_many_problems_show_the_first_fifty_in_file_order_through_the_cli(tmp_path: Path, kind: str) -> None:
    valid = _org(300, 400)  # 300 departments: past the scan limit, the index answers
    bad = bench_reject.BREAKERS[kind](valid)
    path = tmp_path / "bad.yaml"
    path.write_text(bad, encoding="utf-8")
    run = run_subprocess("check", str(path), "--format", "json")
    assert run.code == 2, run.stderr
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 51, lines[-3:]
    # Hand count of what was broken: every reference (6 per task), two keys per department
    # or task that has one, or one RA per task.
    expected = {
        "unknown references": 400 * 6,
        "unknown keys": 300 + 400,
        "bad letters": 400,
    }[kind]
    assert lines[-1].endswith(f"stopping after 50 problems ({expected - 50} more not shown)")
    places = [tuple(int(part) for part in line.split(":")[1:3]) for line in lines[:-1]]
    assert places == sorted(places)
    text_lines = bad.splitlines()
    for line, (number, column) in zip(lines, places, strict=False):
        at = text_lines[number - 1][column - 1 :]
        if kind == "unknown references":
            assert at.startswith("dpet-"), (line, at)
            assert line.endswith(f"did you mean '{at[:9].replace('dpet', 'dept')}'?"), line
        elif kind == "unknown keys":
            assert at.startswith(("capcity_hours", "efort_hours")), (line, at)
            assert "did you mean" in line
        else:
            assert at.startswith("RX"), (line, at)


def test_the_index_suggests_what_difflib_would_for_typos() -> None:
    ids = [f"dept-{i:04d}" for i in range(SCAN_LIMIT * 3)] + ["customer_service", "marketing"]
    index = SuggestionIndex(ids)
    assert index.by_deletion is not None
    for word, meant in [
        ("dpet-0042", "dept-0042"),  # swapped neighbours
        ("custmer_service", "customer_service"),  # a letter left out
        ("marketting", "marketing"),  # one too many
        ("markxting", "marketing"),  # one wrong
    ]:
        assert index.closest(word) == meant, word
    assert index.closest("zzzzzzzz") is None
    # Few choices: difflib over all of them, as before.
    assert closest("markting", ["marketing", "legal"]) == "marketing"


def test_fast_locate_agrees_with_the_full_parser_on_every_deep_position() -> None:
    texts = [path.read_text(encoding="utf-8") for path in sorted(EXAMPLES.glob("*.yaml"))]
    texts.append(_org(20, 60))
    checked = 0
    for text in texts:
        fast = fast_parse(text, "x.yaml")
        if fast is None:
            continue
        full = parse_yaml(text, "x.yaml", positions=True).source_map
        wanted = frozenset(path for path in {*full.keys, *full.values} if len(path) > 2)
        found = fast_locate(text, fast[1], wanted)
        for path in wanted:
            assert found.values.get(path) == full.values.get(path), path
            if path in full.keys:
                assert found.keys.get(path) == full.keys.get(path), path
            checked += 1
    assert checked > 500


def test_a_problem_deep_in_a_file_is_placed_exactly_without_full_positions() -> None:
    text = _org(10, 30).replace("effort_hours: 3", "effort_hours: -3", 1)
    with pytest.raises(raci.LoadError) as caught:
        raci.loads(text, "x.yaml")
    (problem,) = caught.value.problems
    line = text.splitlines()[problem.line - 1]  # type: ignore[operator]
    assert line[problem.column - 1 :] == "-3"  # type: ignore[operator]


def _peak_rss_mib(*args: str) -> tuple[int, float]:
    process = subprocess.Popen(
        [sys.executable, "-m", "raci", *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "NO_COLOR": "1"},
    )
    _, status, usage = os.wait4(process.pid, 0)
    return os.waitstatus_to_exitcode(status), usage.ru_maxrss / 1024


@pytest.mark.skipif(not hasattr(os, "wait4"), reason="needs os.wait4")
def test_a_file_with_errors_needs_no_more_memory_than_a_valid_one(tmp_path: Path) -> None:
    # About 2 MB: positions for every node (as before) needed several times the valid run.
    valid = bench_reject.valid_org(2_000_000)
    (tmp_path / "valid.yaml").write_text(valid, encoding="utf-8")
    (tmp_path / "bad.yaml").write_text(bench_reject.BREAKERS["unknown keys"](valid), encoding="utf-8")
    code, accepted = _peak_rss_mib("check", str(tmp_path / "valid.yaml"), "--format", "json")
    assert code in (0, 1)
    code, rejected = _peak_rss_mib("check", str(tmp_path / "bad.yaml"), "--format", "json")
    assert code == 2
    assert rejected <= 1.25 * accepted, (rejected, accepted)
