"""Waivers with reasons: accepted findings are reported as waived in every format, never counted."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import raci
from tests.conftest import EXAMPLES, run_subprocess
from tests.test_reporters import validate_sarif

# Two findings waived on a task (SOC102, SOC104 on dms), one on a department (RACI003 on
# legal), one waiver that matches nothing (RACI007 on publish: it consults care) and, left
# counting, three SOC402 warnings.
ORG = """\
organization: Waiver Co
departments:
  marketing: {name: Marketing, function: marketing}
  care: {name: Care, function: customer_service}
  pr: {name: PR, function: pr}
  sales: {name: Sales, function: sales}
  legal: {name: Legal, function: legal, waive: {RACI003: "asked only when a campaign needs it"}}
tasks:
  answer: {activity: respond, effort_hours: 5, raci: {care: RA, marketing: I}}
  dms:
    activity: respond
    effort_hours: 2
    raci: {marketing: RA, care: I}
    waive:
      SOC102: "Instagram DMs are product questions marketing answers until Q3"
      soc104: "same: marketing leads DMs until Q3"
  publish: {activity: publish, effort_hours: 3, raci: {marketing: RA, care: I}, waive: {RACI007: not a silo}}
  incidents: {activity: recover, effort_hours: 1, raci: {pr: RA, care: I, sales: I}}
  leads: {activity: sell, effort_hours: 1, raci: {sales: RA, marketing: I}}
  review: {activity: measure, review_horizon_days: 90, effort_hours: 1, raci: {marketing: RA, sales: I}}
"""
REASONS = {
    "SOC102": "Instagram DMs are product questions marketing answers until Q3",
    "SOC104": "same: marketing leads DMs until Q3",
    "RACI003": "asked only when a campaign needs it",
}


@pytest.fixture
def org_file(tmp_path: Path) -> Path:
    path = tmp_path / "org.yaml"
    path.write_text(ORG, encoding="utf-8")
    return path


def _check(path: Path, *args: str) -> tuple[int, str, str]:
    run = run_subprocess("check", str(path), *args)
    return run.code, run.stdout, run.stderr


def test_waived_findings_do_not_count_through_the_api() -> None:
    result = raci.check(raci.loads(ORG))
    assert sorted(f.code for f in result.waived) == ["RACI003", "SOC102", "SOC104"]
    assert {f.code: f.waiver for f in result.waived} == REASONS
    assert all(f.waived for f in result.waived) and not any(f.waived for f in result.findings)
    assert sorted(f.code for f in result.findings) == ["RACI009", "SOC402", "SOC402", "SOC402"]
    [unused] = [f for f in result.findings if f.code == "RACI009"]
    assert unused.task == "publish" and "RACI007" in unused.message
    assert unused.severity is raci.Severity.INFO
    # Principle 1 (SOC102) and 3 (SOC104) pass: their only findings are waived.
    statuses = {p.principle.number: p.status for p in result.scorecard.principles}
    assert statuses[1] == "pass" and statuses[3] == "pass"
    # Without the waivers the same org fails principle 1 with an error.
    data = raci.loads(ORG).model_dump(mode="json")
    for section in ("tasks", "departments"):
        for entry in data[section].values():
            entry.pop("waive", None)
    unwaived = raci.check(raci.Organization.from_data(data))
    assert unwaived.waived == ()
    assert {"RACI003", "SOC102", "SOC104"} <= {f.code for f in unwaived.findings}
    assert "RACI009" not in {f.code for f in unwaived.findings}
    assert unwaived.fails("error") and not result.fails("error")


def test_exit_code_ignores_waived_errors(org_file: Path) -> None:
    code, out, _ = _check(org_file, "--fail-on", "error")
    assert code == 0  # SOC102 (an error) is waived; the rest are warnings and an info
    text = org_file.read_text(encoding="utf-8").replace(
        '      SOC102: "Instagram DMs are product questions marketing answers until Q3"\n', ""
    )
    org_file.write_text(text, encoding="utf-8")
    code, out, _ = _check(org_file)
    assert code == 1 and "error SOC102" in out


def test_text_summary_and_show_waived(org_file: Path) -> None:
    code, out, _ = _check(org_file)
    assert code == 0
    assert "; 3 waived (--show-waived lists them)" in out
    assert "waived SOC102" not in out
    _code, out, _ = _check(org_file, "--show-waived")
    lines = [line for line in out.splitlines() if ": waived " in line]
    assert len(lines) == 3
    dms_line = next(line for line in lines if "SOC102" in line)
    assert dms_line.startswith(f"{org_file}:10:3: waived SOC102 ")
    assert dms_line.endswith(f"(waived: {REASONS['SOC102']})")
    assert "; 3 waived" in out and "--show-waived lists" not in out


def test_json_marks_waived_findings(org_file: Path) -> None:
    _, out, _ = _check(org_file, "--format", "json")
    data = json.loads(out)
    assert data["summary"]["waived"] == 3
    assert data["summary"]["findings"] == 4
    assert {f["code"]: f["reason"] for f in data["waived"]} == REASONS
    assert all(f["waived"] is True for f in data["waived"])
    assert all(f["waived"] is False and f["reason"] is None for f in data["findings"])


def test_json_counts_waived_findings_per_file(org_file: Path) -> None:
    clean = EXAMPLES / "shared-ownership.yaml"
    _, out, _ = _check(org_file, str(clean), "--format", "json")
    summaries = {entry["file"]: entry["summary"] for entry in json.loads(out)["files"]}
    # By hand: SOC102, SOC104 and RACI003 are waived in the org; nothing in the example.
    assert summaries[str(org_file)] == {"error": 0, "warning": 3, "info": 1, "waived": 3}
    assert summaries[str(clean)]["waived"] == 0


def test_sarif_suppressions_validate(org_file: Path) -> None:
    _, out, _ = _check(org_file, "--format", "sarif")
    document = json.loads(out)
    validate_sarif(document)
    results = document["runs"][0]["results"]
    suppressed = {r["ruleId"]: r["suppressions"] for r in results if "suppressions" in r}
    assert suppressed == {
        code: [{"kind": "inSource", "justification": reason}] for code, reason in REASONS.items()
    }
    assert len(results) == 7  # four counted, three suppressed


def test_junit_skips_waived_rules_with_the_reason(org_file: Path) -> None:
    _, out, _ = _check(org_file, "--format", "junit")
    suite = ET.fromstring(out).find("testsuite")
    assert suite is not None
    cases = {case.get("name", "").split()[0]: case for case in suite.findall("testcase")}
    skipped = cases["SOC102"].find("skipped")
    assert skipped is not None and skipped.get("message") == f"waived: {REASONS['SOC102']}"
    assert cases["RACI003"].find("skipped").get("message") == f"waived: {REASONS['RACI003']}"  # type: ignore[union-attr]
    assert cases["SOC102"].find("failure") is None
    assert cases["SOC402"].find("failure") is not None


def test_markdown_lists_waived_findings(org_file: Path) -> None:
    _, out, _ = _check(org_file, "--format", "markdown")
    waived_rows = [line for line in out.splitlines() if "⚪ waived" in line]
    assert len(waived_rows) == 3
    # The waived table has its own heading with the count, between the findings and it.
    lines = out.splitlines()
    heading = lines.index("**Waived findings (3)**: accepted in the file, with the reason; not counted")
    assert lines.index(next(row for row in lines if "⚪ waived" in row)) > heading
    assert max(i for i, row in enumerate(lines) if "🟡 warning" in row) < heading
    assert any(
        "SOC102" in row and "*waived:* Instagram DMs are product questions" in row for row in waived_rows
    )
    assert "3 waived" in out.splitlines()[0]


def test_github_annotations_are_notices_with_the_reason(org_file: Path) -> None:
    _, out, _ = _check(org_file, "--format", "github")
    notices = [line for line in out.splitlines() if "(waived)" in line]
    assert len(notices) == 3
    assert all(line.startswith("::notice ") for line in notices)
    assert any(
        "title=SOC104 (waived)" in line and "waived%3A" not in line and "%0Awaived: same: marketing" in line
        for line in notices
    )


def test_html_report_shows_waived_findings(org_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    run = run_subprocess("report", str(org_file), "-o", str(out))
    assert run.code == 0, run.stderr
    html = out.read_text(encoding="utf-8")
    assert html.count('class="finding waived-finding') == 3
    for reason in REASONS.values():
        assert f"<b>Waived:</b> {reason}" in html


@pytest.mark.parametrize(
    ("waiver", "column", "message"),
    [
        # A missing reason points at the (empty) reason; a wrong code at the code.
        ('SOC102: ""', 15, "waiver of SOC102 in task 'dms': needs a reason"),
        ("SOC102:", 14, "waiver of SOC102 in task 'dms': needs a reason"),
        ('SOC102: "   "', 15, "waiver of SOC102 in task 'dms': needs a reason"),
        ("SOC912: because", 7, "waiver in task 'dms' names unknown rule 'SOC912'"),
        ("RACI009: because", 7, "RACI009 cannot be waived in task 'dms'"),
    ],
)
def test_bad_waivers_are_bad_input(tmp_path: Path, waiver: str, column: int, message: str) -> None:
    text = ORG.replace(
        '      SOC102: "Instagram DMs are product questions marketing answers until Q3"\n',
        f"      {waiver}\n",
    )
    path = tmp_path / "org.yaml"
    path.write_text(text, encoding="utf-8")
    code, _out, err = _check(path)
    assert code == 2
    [line] = err.splitlines()
    assert line.startswith(f"{path}:15:{column}: "), line
    assert message in line
    assert "Traceback" not in err


def test_waivers_survive_the_spreadsheet_round_trip(org_file: Path, tmp_path: Path) -> None:
    for suffix in ("csv", "xlsx"):
        sheet = tmp_path / f"matrix.{suffix}"
        assert run_subprocess("export", str(org_file), "-o", str(sheet)).code == 0
        back = tmp_path / f"back-{suffix}.yaml"
        run = run_subprocess("import", str(sheet), "-o", str(back))
        assert run.code == 0, run.stderr
        org = raci.load(back)
        assert org.tasks["dms"].waive == {"SOC102": REASONS["SOC102"], "SOC104": REASONS["SOC104"]}
        assert org.departments["legal"].waive == {"RACI003": REASONS["RACI003"]}
        assert sorted(f.code for f in raci.check(org).waived) == ["RACI003", "SOC102", "SOC104"]


def test_waivers_survive_suggest_apply(org_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "new.yaml"
    run = run_subprocess("suggest", str(org_file), "--apply", "-o", str(out))
    assert run.code in (0, 1), run.stderr
    text = out.read_text(encoding="utf-8")
    assert 'SOC102: "Instagram DMs are product questions marketing answers until Q3"' in text
    org = raci.load(out)
    assert org.departments["legal"].waive == {"RACI003": REASONS["RACI003"]}
    assert org.tasks["dms"].waive["SOC104"] == REASONS["SOC104"]
    # The waived tasks are left as they are: suggest does not "fix" what the team accepted.
    assert org.tasks["dms"].raci == raci.load(org_file).tasks["dms"].raci


def test_json_schema_knows_waivers() -> None:
    import jsonschema
    import yaml

    from raci.model.schema import json_schema

    validator = jsonschema.Draft202012Validator(json_schema())
    data = yaml.safe_load(ORG)
    assert list(validator.iter_errors(data)) == []
    data["tasks"]["dms"]["waive"]["SOC912"] = "a rule that does not exist"
    data["departments"]["legal"]["waive"]["RACI003"] = "   "
    assert len(list(validator.iter_errors(data))) == 2


def test_junit_info_findings_pass_with_their_lines(org_file: Path) -> None:
    code, out, _ = _check(org_file, "--format", "junit")
    assert code == 0
    root = ET.fromstring(out)
    suite = root.find("testsuite")
    assert suite is not None
    cases = {case.get("name", "").split()[0]: case for case in suite.findall("testcase")}
    # By hand: SOC402 (3 warnings) fails; RACI009 (info) passes; SOC102, RACI003 and SOC104 are waived.
    assert [name for name, case in cases.items() if case.find("failure") is not None] == ["SOC402"]
    assert suite.get("failures") == root.get("failures") == "1"
    assert suite.get("skipped") == "3"
    unused = cases["RACI009"]
    assert unused.find("failure") is None and unused.find("skipped") is None
    assert "info RACI009" in (unused.findtext("system-out") or "")
