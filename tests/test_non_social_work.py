"""Work that is not social media (activity `other`): RACI hygiene only, principles not applicable."""

from __future__ import annotations

import json
from pathlib import Path

import raci
from tests.conftest import needs_dot, run_subprocess

# A project-governance matrix: no social media anywhere; one task has no A, one has two.
GOVERNANCE = """\
organization: Platform Project
departments:
  pm: {name: Project Office, function: other}
  eng: {name: Engineering, function: product}
  sec: {name: Security, function: other}
  board: {name: Steering Board, function: executive}
tasks:
  charter:
    name: Approve the project charter
    activity: governance
    raci: {board: A, pm: R, eng: C}
  design:
    name: Architecture review
    activity: project
    raci: {eng: R, sec: C, pm: I}
  audit:
    name: Security audit
    activity: admin
    raci: {sec: RA, board: A, pm: I}
  budget:
    name: Budget tracking
    activity: other
    raci: {pm: RA, board: I}
"""


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "org.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_aliases_read_as_other() -> None:
    org = raci.loads(GOVERNANCE)
    assert {task.activity.value for task in org.tasks.values()} == {"other"}
    assert not any(task.is_social for task in org.tasks.values())


def test_only_raci_hygiene_is_checked_and_principles_do_not_apply(tmp_path: Path) -> None:
    path = _write(tmp_path, GOVERNANCE)
    run = run_subprocess("check", str(path), "--format", "json")
    data = json.loads(run.stdout)
    [file] = data["files"]
    codes = sorted(f["code"] for f in data["findings"])
    # design: no A (RACI001); audit: two A's (RACI001); budget: fine; nothing SOC at all.
    assert codes == ["RACI001", "RACI001"], codes
    assert run.code == 1
    scorecard = file["scorecard"]
    assert scorecard["applicable"] is False
    assert {p["status"] for p in scorecard["principles"]} == {"not applicable"}


def test_text_report_says_not_applicable(tmp_path: Path) -> None:
    fixed = GOVERNANCE.replace("raci: {eng: R, sec: C, pm: I}", "raci: {eng: RA, sec: C, pm: I}")
    fixed = fixed.replace("raci: {sec: RA, board: A, pm: I}", "raci: {sec: RA, board: I, pm: I}")
    path = _write(tmp_path, fixed)
    run = run_subprocess("check", str(path))
    assert run.code == 0, run.stdout
    assert "not applicable (no social media task)" in run.stdout
    assert "honoured" not in run.stdout
    assert "SOC" not in run.stdout
    markdown = run_subprocess("check", str(path), "--format", "markdown")
    assert "principles not applicable (no social media task)" in markdown.stdout


def test_html_report_says_not_applicable(tmp_path: Path) -> None:
    path = _write(tmp_path, GOVERNANCE)
    out = tmp_path / "report.html"
    run = run_subprocess("report", str(path), "-o", str(out))
    assert run.code == 0, run.stderr
    assert "principles not applicable" in run.stderr
    html = out.read_text(encoding="utf-8")
    assert "principles not applicable (no social media task)" in html
    assert 'class="score fail"' not in html
    assert html.count("Not applicable: no task is social media work") == 5  # one per principle
    assert "honoured" not in html


def test_other_tasks_are_invisible_to_soc_rules_beside_social_work() -> None:
    text = """\
organization: Acme
departments:
  marketing: {function: marketing}
  care: {function: customer_service}
  pr: {function: pr}
  sales: {function: sales}
tasks:
  answer: {activity: respond, effort_hours: 5, raci: {care: RA, marketing: I}}
  publish: {activity: publish, effort_hours: 5, raci: {marketing: RA, care: I}}
  payroll: {activity: admin, raci: {sales: RA}}
"""
    result = raci.check(raci.loads(text))
    by_code = {f.code: f for f in result.findings}
    # payroll has no effort (SOC401 would say so for social work) and sales owning it does not
    # count as sales sharing social media (SOC103 still names sales).
    assert not any(f.code == "SOC401" and f.task == "payroll" for f in result.findings)
    assert "PR and sales hold no R or A" in by_code["SOC103"].message
    assert result.scorecard.applicable
    assert "other" not in [a.value for a in result.scorecard.activities]


@needs_dot
def test_slides_say_not_applicable(tmp_path: Path) -> None:
    path = _write(tmp_path, GOVERNANCE)
    out = tmp_path / "deck.pdf"
    run = run_subprocess("slides", str(path), "-o", str(out))
    assert run.code == 0, run.stderr
    import subprocess

    text = subprocess.run(
        ["pdftotext", "-layout", str(out), "-"], capture_output=True, check=True, text=True
    ).stdout
    assert "Principles not applicable: no social media task" in text
    assert text.count("N/A") == 5
    assert "principles hold" not in text


def test_diff_says_not_applicable(tmp_path: Path) -> None:
    before = _write(tmp_path, GOVERNANCE)
    after = tmp_path / "after.yaml"
    after.write_text(GOVERNANCE.replace("raci: {eng: R, sec: C, pm: I}", "raci: {eng: RA, sec: C, pm: I}"))
    run = run_subprocess("diff", str(before), str(after))
    assert "Principles: not applicable (no social media task)" in run.stdout, run.stdout
    assert "Principles honoured" not in run.stdout
