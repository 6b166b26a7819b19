"""`raci diff OLD NEW` through the CLI on the bundled examples, and the library's matching."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import raci
from raci.workshop.diff import diff, match_findings

from .conftest import EXAMPLES, run_subprocess

SILO = EXAMPLES / "marketing-owns-everything.yaml"
SHARED = EXAMPLES / "shared-ownership.yaml"
CLASSIC = EXAMPLES / "classic-raci-mistakes.yaml"


@pytest.fixture
def fixed_silo(cli, tmp_path: Path) -> Path:
    """The silo example after `raci suggest --apply`."""
    out = tmp_path / "after.yaml"
    assert cli("suggest", str(SILO), "--apply", "-o", str(out)).code == 0
    return out


def test_same_file_has_no_changes(cli) -> None:
    run = cli("diff", str(CLASSIC), str(CLASSIC))
    assert run.code == 0
    assert "Assignments: no change" in run.stdout
    assert "Findings: 0 resolved, 0 introduced, 8 unchanged" in run.stdout


def test_before_after_of_a_workshop(cli, fixed_silo: Path) -> None:
    run = cli("diff", str(SILO), str(fixed_silo))
    assert run.code == 0, run.stderr
    out = run.stdout
    assert "~ answer-comments         Customer Care     I -> RA" in out
    assert "~ answer-comments         Marketing         RA -> C" in out
    assert "+ handle-incidents        Founder's Office  RA" in out
    assert "Findings: 8 resolved, 0 introduced, 0 unchanged" in out
    assert "Principles honoured: 0 of 5 -> 5 of 5" in out
    assert "errors 3 -> 0" in out


def test_new_findings_fail_the_check(cli, fixed_silo: Path) -> None:
    backwards = cli("diff", str(fixed_silo), str(SILO))
    assert backwards.code == 1
    assert "Findings: 0 resolved, 8 introduced" in backwards.stdout
    assert "introduced  error    SOC102" in backwards.stdout
    assert "- handle-incidents" in backwards.stdout
    # Only warnings and infos would be introduced by removing one task's C: below --fail-on error.
    assert cli("diff", str(fixed_silo), str(SILO), "--fail-on", "info").code == 1


def test_fail_on_counts_only_introduced_findings(cli, tmp_path: Path) -> None:
    changed = tmp_path / "changed.yaml"
    changed.write_text(
        SHARED.read_text(encoding="utf-8").replace("raci: {brand: RA, legal: C}", "raci: {brand: RA}"),
        encoding="utf-8",
    )
    run = cli("diff", str(SHARED), str(changed))
    assert run.code == 0  # RACI007 is an info: below the default --fail-on error
    assert "  - curate-ugc  Legal  C (removed)" in run.stdout
    assert "introduced  info     RACI007" in run.stdout
    assert cli("diff", str(SHARED), str(changed), "--fail-on", "info").code == 1
    assert cli("diff", str(SHARED), str(changed), "--fail-on", "warning").code == 0


def test_json_and_markdown(cli, fixed_silo: Path) -> None:
    data = json.loads(cli("diff", str(SILO), str(fixed_silo), "--format", "json").stdout)
    assert data["format_version"] == 1
    changes = {(a["task"], a["department"]): a for a in data["assignments"]}
    assert changes[("answer-comments", "care")] == {
        "task": "answer-comments",
        "department": "care",
        "change": "changed",
        "old": "I",
        "new": "RA",
    }
    assert changes[("handle-incidents", "press")]["change"] == "added"
    assert len(data["findings"]["resolved"]) == 8 and data["findings"]["introduced"] == []
    assert data["summary"]["principles_honoured"] == {"old": 0, "new": 5}
    assert [t["id"] for t in data["tasks"] if t["change"] == "added"] == [
        "handle-incidents",
        "curate-content",
        "paid-promotion",
        "quarterly-value-review",
    ]
    markdown = cli("diff", str(SILO), str(fixed_silo), "--format", "markdown").stdout
    assert markdown.startswith("### ✅ raci diff: 8 findings resolved, 0 introduced")
    assert "| ~ | answer-comments | Customer Care | I | RA |" in markdown
    assert "| resolved | error | SOC102 |" in markdown


def test_field_and_department_changes(tmp_path: Path) -> None:
    old = raci.loads(
        "organization: A\ndepartments:\n  m: {function: marketing, capacity_hours: 10}\n"
        "  c: {function: support}\ntasks:\n  t: {activity: publish, effort_hours: 2, raci: {m: RA, c: I}}\n"
    )
    new = raci.loads(
        "organization: A\ndepartments:\n  m: {function: marketing, capacity_hours: 20}\n"
        "  s: {function: sales}\ntasks:\n  t: {activity: publish, effort_hours: 3, raci: {m: RA, s: I}}\n"
    )
    changes = diff(raci.check(old), raci.check(new))
    assert [(c.id, c.change) for c in changes.departments] == [
        ("m", "changed"),
        ("s", "added"),
        ("c", "removed"),
    ]
    assert changes.departments[0].fields[0].field == "capacity_hours"
    assert [(f.field, f.old, f.new) for f in changes.tasks[0].fields] == [("effort_hours", 2.0, 3.0)]
    assert [(a.department, a.change) for a in changes.assignments] == [("s", "added"), ("c", "removed")]


def test_findings_match_by_subject_not_message() -> None:
    old = raci.check(raci.load(SILO))
    # The same findings, read again: all unchanged, whatever their order.
    resolved, introduced, unchanged = match_findings(old.findings, tuple(reversed(old.findings)))
    assert resolved == () and introduced == () and len(unchanged) == len(old.findings)


def test_bad_input_exits_2(cli, tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("organization: A\ntasks: {t: {activity: nope}}\n", encoding="utf-8")
    run = cli("diff", str(SILO), str(broken))
    assert run.code == 2
    assert f"{broken}:2:" in run.stderr


def test_diff_as_subprocess(tmp_path: Path) -> None:
    report = tmp_path / "diff.md"
    run = run_subprocess("diff", str(CLASSIC), str(SHARED), "--format", "markdown", "-o", str(report))
    assert run.code == 0  # the shared example introduces nothing
    assert run.stdout == ""
    assert report.read_text(encoding="utf-8").startswith(
        "### ✅ raci diff: 8 findings resolved, 0 introduced"
    )
