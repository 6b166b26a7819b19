"""Baselines: record today's findings, then gate only on new ones, through the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import raci
from raci.checking.baseline import Baseline, finding_identity, load_baseline, parse_baseline

from .conftest import EXAMPLES, run_subprocess

MISTAKES = EXAMPLES / "classic-raci-mistakes.yaml"


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    (tmp_path / "org.yaml").write_text(MISTAKES.read_text(encoding="utf-8"), encoding="utf-8")
    return tmp_path


def check(workdir: Path, *args: str) -> tuple[int, str, str]:
    run = run_subprocess("check", *args, cwd=workdir)
    return run.code, run.stdout, run.stderr


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_round_trip(workdir: Path) -> None:
    code, out, err = check(workdir, "org.yaml", "--write-baseline", "baseline.json")
    assert code == 0, out + err
    assert "wrote baseline.json with 8 findings" in err
    assert out.splitlines()[-1] == "✔ no findings in 1 file; 8 baselined"

    data = json.loads((workdir / "baseline.json").read_text(encoding="utf-8"))
    assert data["baseline_version"] == 1
    assert sum(entry["count"] for entry in data["findings"]) == 8
    assert {"code": "RACI001", "file": "org.yaml", "task": "launch-posts"}.items() <= data["findings"][
        0
    ].items()
    assert all("line" not in entry for entry in data["findings"])

    code, out, _ = check(workdir, "org.yaml", "--baseline", "baseline.json")
    assert code == 0
    assert "RACI001" not in out
    assert out.splitlines()[-1] == "✔ no findings in 1 file; 8 baselined"


def test_edits_above_a_finding_do_not_make_it_new(workdir: Path) -> None:
    assert check(workdir, "org.yaml", "--write-baseline", "baseline.json")[0] == 0
    org = workdir / "org.yaml"
    org.write_text("# a new header\n\n" + org.read_text(encoding="utf-8"), encoding="utf-8")
    # A message that changes (70 h becomes 75 h) is still the same finding.
    edit(org, "effort_hours: 45", "effort_hours: 50")
    code, out, _ = check(workdir, "org.yaml", "--baseline", "baseline.json", "--fail-on", "info")
    assert code == 0, out
    assert "8 baselined" in out


def test_new_findings_are_reported_and_fail(workdir: Path) -> None:
    assert check(workdir, "org.yaml", "--write-baseline", "baseline.json")[0] == 0
    org = workdir / "org.yaml"
    # Fix one baselined finding, and make a new one.
    edit(org, "raci: {marketing: RA, product: A, pr: C}", "raci: {marketing: RA, pr: C}")
    edit(org, "raci: {marketing: RA}\n", "raci: {marketing: R}\n")
    code, out, _ = check(workdir, "org.yaml", "--baseline", "baseline.json", "--quiet")
    assert code == 1
    assert out.splitlines() == [
        "org.yaml:89:3: error RACI001 task 'ads-budget' has no Accountable department",
        "    fix: give exactly one department the letter A",
    ]
    code, out, _ = check(workdir, "org.yaml", "--baseline", "baseline.json", "--format", "json")
    summary = json.loads(out)["summary"]
    assert (summary["findings"], summary["baselined"]) == (1, 7)


def test_warnings_only_baseline_exit_follows_fail_on(workdir: Path) -> None:
    org = workdir / "org.yaml"
    assert check(workdir, "org.yaml", "--write-baseline", "b.json", "--select", "RACI00")[0] == 0
    edit(org, "raci: {marketing: RA, success: C}", "raci: {marketing: RA}")  # a new RACI007 (info)
    assert check(workdir, "org.yaml", "--baseline", "b.json", "--select", "RACI00")[0] == 0
    assert (
        check(workdir, "org.yaml", "--baseline", "b.json", "--select", "RACI00", "--fail-on", "info")[0] == 1
    )


@pytest.mark.parametrize("name", ["sarif", "github", "junit", "markdown", "json", "text"])
def test_every_format_with_a_baseline(workdir: Path, name: str) -> None:
    assert check(workdir, "org.yaml", "--write-baseline", "b.json", "-q")[0] == 0
    code, out, _ = check(workdir, "org.yaml", "--baseline", "b.json", "--format", name)
    assert code == 0
    assert "RACI001" not in out.replace('"id": "RACI001"', "").replace("RACI001 one-accountable", "")
    if name in ("text", "github", "markdown"):
        assert "8 baselined" in out


def test_identity_ignores_lines_and_messages() -> None:
    finding = raci.check(raci.load(MISTAKES)).findings[0]
    moved = type(finding)(**{**finding.__dict__, "line": 99, "message": "other words"})
    assert finding_identity(finding) == finding_identity(moved)


def test_repeated_identities_are_counted() -> None:
    result = raci.check(raci.load(MISTAKES))
    doubled = Baseline.from_results([result, result])
    assert len(doubled) == 16
    reread = parse_baseline(doubled.to_json())
    assert reread.counts == doubled.counts
    # Absorbs at most as many as it counted: one copy of the result is fully absorbed.
    single = parse_baseline(Baseline.from_results([result]).to_json())
    filtered = single.apply([result, result])
    assert filtered.total == 8
    assert len(filtered.results[1].findings) == 8


def test_the_scorecard_still_counts_baselined_findings() -> None:
    result = raci.check(raci.load(MISTAKES))
    filtered = Baseline.from_results([result]).apply([result]).results[0]
    assert filtered.findings == ()
    assert filtered.scorecard.passed == result.scorecard.passed == 4


def test_the_scorecard_line_names_the_codes_it_counts_under_a_baseline(workdir: Path) -> None:
    assert check(workdir, "org.yaml", "--write-baseline", "baseline.json")[0] == 0
    _, out, _ = check(workdir, "org.yaml", "--baseline", "baseline.json")
    # Principle 5 still fails on the baselined RACI006 and says so, not "(1 finding: )".
    (line,) = [line for line in out.splitlines() if "5. Not" in line]
    assert line.endswith("NO (1 finding: RACI006)")


def test_baseline_paths_are_normalised(workdir: Path) -> None:
    assert check(workdir, "./org.yaml", "--write-baseline", "b.json")[0] == 0
    assert check(workdir, str(workdir / "org.yaml"), "--baseline", "b.json")[0] == 0


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "b.json: cannot read baseline"),
        ("{\n  oops\n}", "b.json:2:3: not a baseline"),
        ("[]", "b.json: not a baseline: expected an object with a findings list"),
        ('{"baseline_version": 9, "findings": []}', "unsupported baseline_version 9"),
        ('{"baseline_version": 1, "findings": [{"code": "RACI001"}]}', "b.json:1:38: a finding needs"),
        (
            '{"baseline_version": 1, "findings": [{"code": "X", "file": "o", "count": 0}]}',
            "positive whole count",
        ),
    ],
)
def test_bad_baseline_files_are_bad_input(workdir: Path, content: str | None, message: str) -> None:
    if content is not None:
        (workdir / "b.json").write_text(content, encoding="utf-8")
    code, out, err = check(workdir, "org.yaml", "--baseline", "b.json")
    assert code == 2
    assert out == ""
    assert message in err
    assert "Traceback" not in err


def test_load_baseline_raises_load_error(tmp_path: Path) -> None:
    with pytest.raises(raci.LoadError):
        load_baseline(tmp_path / "missing.json")


def test_baseline_and_write_baseline_together_is_a_usage_error(workdir: Path) -> None:
    code, _, err = check(workdir, "org.yaml", "--baseline", "a.json", "--write-baseline", "b.json")
    assert code == 2
    assert "cannot be used together" in err


def test_no_baseline_is_written_when_a_file_cannot_be_loaded(workdir: Path) -> None:
    (workdir / "broken.yaml").write_text("organization: [oops\n", encoding="utf-8")
    code, _, err = check(workdir, "org.yaml", "broken.yaml", "--write-baseline", "b.json")
    assert code == 2
    assert "broken.yaml:" in err
    assert "b.json: not written" in err
    assert not (workdir / "b.json").exists()


def test_write_baseline_replaces_an_older_one_atomically(workdir: Path) -> None:
    (workdir / "b.json").write_text("old", encoding="utf-8")
    assert check(workdir, "org.yaml", "--write-baseline", "b.json", "-q")[0] == 0
    assert json.loads((workdir / "b.json").read_text(encoding="utf-8"))["findings"]
    assert sorted(p.name for p in workdir.iterdir()) == ["b.json", "org.yaml"]
