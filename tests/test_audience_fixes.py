"""Fixes that fit whom a task faces: candidates' tasks are not customer service's, office work
is not social, organisation-wide findings are not waived on a task, and the ownership grid
means one thing in text, JSON and HTML. Every test runs the CLI as a user would."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from raci.model.vocabulary import Activity, Function
from raci.rules.gaps import activity_word
from tests.conftest import run_subprocess

DEPARTMENTS = """\
departments:
  marketing: {name: Marketing, function: marketing}
  care: {name: Customer Care, function: customer_service}
  hr: {name: HR, function: hr}
  pr: {name: PR, function: public_relations}
  sales: {name: Sales, function: sales}
"""

JOB_REPLIES = """\
  job-replies:
    activity: respond
    audience: candidates
    effort_hours: 4
    raci: {hr: RA, marketing: C, care: I}
  job-replies-2:
    activity: respond
    audience: candidates
    effort_hours: 4
    raci: {marketing: RA, hr: C}
"""

FRONT_LINE = """\
  handle-incidents: {activity: recover, effort_hours: 2, raci: {pr: RA, care: I}}
  handle-leads: {activity: sell, effort_hours: 2, raci: {sales: RA, care: I}}
"""


def write(tmp_path: Path, text: str, name: str = "org.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def lines_of(output: str, code: str) -> list[str]:
    return [line for line in output.splitlines() if f" {code} " in line]


# --- SOC103: candidates' replies are not the customer channel ----------------------------------


def test_soc103_counts_and_names_customer_facing_tasks_only(tmp_path: Path) -> None:
    org = write(
        tmp_path,
        "organization: Jobs and care\n"
        + DEPARTMENTS
        + "tasks:\n"
        + JOB_REPLIES
        + "  answer-complaints: {activity: respond, effort_hours: 4, raci: {marketing: RA, care: I}}\n"
        + FRONT_LINE,
    )
    run = run_subprocess("check", str(org))
    [line] = lines_of(run.stdout, "SOC103")
    # Marketing owns answer-complaints and job-replies-2; only the first faces customers.
    assert "marketing holds R or A on 1 task:" in line
    assert "give Customer Care R on answer-complaints" in line
    assert "job-replies" not in line


def test_soc103_says_add_a_respond_task_when_only_candidates_are_answered(tmp_path: Path) -> None:
    org = write(
        tmp_path,
        "organization: Jobs only\n"
        + DEPARTMENTS
        + "tasks:\n"
        + JOB_REPLIES
        + "  publish-posts: {activity: publish, effort_hours: 4, raci: {marketing: RA, care: I}}\n"
        + FRONT_LINE,
    )
    run = run_subprocess("check", str(org))
    [line] = lines_of(run.stdout, "SOC103")
    assert "marketing holds R or A on 1 task:" in line  # publish-posts, not job-replies-2
    assert "add a respond task with Customer Care as R" in line
    assert "job-replies" not in line
    suggested = run_subprocess("suggest", str(org)).stdout
    assert not re.search(r"Customer Care \S+ -> \S*R\S* on job-replies", suggested)


def test_soc103_not_raised_when_marketing_owns_only_candidates_work(tmp_path: Path) -> None:
    org = write(tmp_path, "organization: HR only respond\n" + DEPARTMENTS + "tasks:\n" + JOB_REPLIES)
    run = run_subprocess("check", str(org))
    assert lines_of(run.stdout, "SOC101")  # nobody answers customers: that is the finding
    assert not lines_of(run.stdout, "SOC103")


# --- RACI007: the hint and the fix fit the work ------------------------------------------------

OFFICE = """\
organization: Office
departments:
  hr: {name: HR, function: hr}
  fin: {name: Finance, function: other}
  it: {name: IT, function: other}
  care: {name: Customer Care, function: customer_service}
tasks:
  payroll: {activity: other, effort_hours: 4, raci: {hr: R, fin: A}}
  laptops: {activity: admin, effort_hours: 2, raci: {it: RAS, hr: I}}
"""


def test_silo_office_task_is_shared_with_its_colleagues_not_customer_service(tmp_path: Path) -> None:
    org = write(tmp_path, OFFICE)
    run = run_subprocess("check", str(org))
    [line] = lines_of(run.stdout, "RACI007")
    fix = run.stdout.splitlines()[run.stdout.splitlines().index(line) + 1]
    assert fix.strip() == "fix: inform the departments that work with it"
    suggested = run_subprocess("suggest", str(org)).stdout
    assert "IT nothing -> I on payroll  [clears RACI007]" in suggested
    assert "Customer Care nothing -> I on payroll" not in suggested


def test_silo_candidates_task_goes_to_hr_and_customer_work_keeps_its_hint(tmp_path: Path) -> None:
    org = write(
        tmp_path,
        """\
organization: Candidates
departments:
  marketing: {name: Marketing, function: marketing}
  care: {name: Customer Care, function: customer_service}
  hr: {name: HR, function: hr}
tasks:
  answer-complaints: {activity: respond, effort_hours: 2, raci: {care: RA, marketing: I, hr: I}}
  publish-posts: {activity: publish, effort_hours: 2, raci: {marketing: RA}}
  job-replies: {activity: respond, audience: candidates, effort_hours: 2, raci: {marketing: RA}}
""",
    )
    run = run_subprocess("check", "--format", "json", str(org))
    findings = {f["task"]: f for f in json.loads(run.stdout)["findings"] if f["code"] == "RACI007"}
    assert findings["job-replies"]["hint"] == "inform the departments that work with it"
    assert findings["publish-posts"]["hint"] == "inform the departments customers will contact about it"
    suggested = run_subprocess("suggest", str(org)).stdout
    assert "HR nothing -> I on job-replies" in suggested
    assert "Customer Care nothing -> I on job-replies" not in suggested


# --- import: "Approve job ads" is office work for candidates -----------------------------------


def test_import_approve_job_ads_is_office_work_and_job_ads_face_candidates(tmp_path: Path) -> None:
    sheet = write(tmp_path, "Task,Marketing,HR\nApprove job ads,C,RA\nPublish job ads,C,RA\n", "m.csv")
    run = run_subprocess("import", str(sheet))
    assert run.code == 0, run.stderr
    assert "task 'Approve job ads': activity 'other' (office work: the word 'approve')" in run.stderr
    approve = run.stdout.split("approve-job-ads:")[1].split("publish-job-ads:")[0]
    assert "activity: other" in approve and "audience" not in approve
    publish = run.stdout.split("publish-job-ads:")[1]
    assert "activity: publish" in publish and "audience: candidates" in publish
    # A plain ad with no office word is still paid promotion.
    ads = write(tmp_path, "Task,Marketing\nRun Facebook ads,RA\n", "ads.csv")
    assert "activity: promote" in run_subprocess("import", str(ads)).stdout


# --- waivers -----------------------------------------------------------------------------------


def test_waiver_of_organisation_wide_rule_on_a_task_is_a_located_error(tmp_path: Path) -> None:
    org = write(
        tmp_path,
        """\
organization: W
departments:
  marketing: {name: Marketing, function: marketing}
  care: {name: Customer Care, function: customer_service}
tasks:
  t:
    activity: respond
    effort_hours: 2
    raci: {care: RA, marketing: I}
    waive: {SOC402: "we don't publish"}
""",
    )
    run = run_subprocess("check", str(org))
    assert run.code == 2
    assert "Traceback" not in run.stderr
    where = f"{org}:10:13: "
    assert where + "SOC402 cannot be waived in task 't': its findings are about the whole " in run.stderr
    assert "add it to rules: ignore: [SOC402]" in run.stderr
    assert "RACI009" not in run.stdout + run.stderr
    # The same waiver on a department, and the way that works instead.
    on_department = org.read_text().replace(
        "function: marketing}", "function: marketing, waive: {SOC101: \"x\"}}"
    )
    run = run_subprocess("check", str(write(tmp_path, on_department, "d.yaml")))
    assert run.code == 2 and "SOC101 cannot be waived in department 'marketing'" in run.stderr
    waiver = '    waive: {SOC402: "we don\'t publish"}\n'
    ignored = org.read_text().replace(waiver, "") + "rules: {ignore: [SOC402]}\n"
    run = run_subprocess("check", str(write(tmp_path, ignored, "i.yaml")))
    assert run.code in (0, 1) and "SOC402" not in run.stdout


def test_waiver_of_a_task_rule_still_loads(tmp_path: Path) -> None:
    org = write(
        tmp_path,
        """\
organization: W
departments:
  marketing: {name: Marketing, function: marketing}
  care: {name: Customer Care, function: customer_service}
tasks:
  t: {activity: respond, effort_hours: 2, raci: {care: RA}, waive: {RACI007: "care works alone"}}
""",
    )
    run = run_subprocess("check", str(org))
    assert run.code in (0, 1), run.stderr
    assert not lines_of(run.stdout, "RACI007") and not lines_of(run.stdout, "RACI009")


def test_empty_waiver_reason_example_uses_the_code_written(tmp_path: Path) -> None:
    org = write(
        tmp_path,
        """\
organization: W
departments:
  care: {name: Customer Care, function: customer_service}
tasks:
  t: {activity: respond, effort_hours: 2, raci: {care: RA}, waive: {RACI007: "  "}}
""",
    )
    run = run_subprocess("check", str(org))
    assert run.code == 2
    [line] = run.stderr.strip().splitlines()[:1]
    assert "waiver of RACI007 in task 't': needs a reason" in line
    assert 'e.g. RACI007: "' in line
    assert "SOC102" not in run.stderr


# --- --letter-map ------------------------------------------------------------------------------


def test_letter_map_refuses_to_remap_a_standard_letter(tmp_path: Path) -> None:
    org = write(
        tmp_path,
        "organization: L\ndepartments:\n  care: {name: Care, function: customer_service}\n"
        "tasks:\n  t: {activity: respond, effort_hours: 1, raci: {care: DR}}\n",
    )
    for pairs, letter in (("R=A,D=A", "R"), ("D=A,I=C", "I")):
        run = run_subprocess("check", "--letter-map", pairs, str(org))
        assert run.code == 2
        lines = run.stderr.strip().splitlines()
        assert len(lines) == 1, run.stderr
        assert f"{letter} is a standard letter" in lines[0] and "cannot be remapped" in lines[0]
        assert "written twice" not in run.stderr
    assert run_subprocess("check", "--letter-map", "D=A", str(org)).code in (0, 1)


# --- the ownership grid means one thing everywhere ---------------------------------------------

GRID_ORG = """\
organization: Grid
departments:
  marketing: {name: Marketing, function: marketing}
  care: {name: Customer Care, function: customer_service}
  pr: {name: PR, function: public_relations}
  sales: {name: Sales, function: sales}
tasks:
  listen: {activity: monitor, effort_hours: 2, raci: {marketing: RA, care: I}}
  answer: {activity: respond, effort_hours: 2, raci: {care: RA, marketing: C}}
  leads: {activity: sell, effort_hours: 2, raci: {sales: RA, marketing: C}}
  incidents: {activity: recover, effort_hours: 2, raci: {pr: RA, care: I, sales: I}}
  review: {activity: measure, effort_hours: 2, review_horizon_days: 90, raci: {marketing: RA, sales: C}}
"""


def _json_cells(output: str) -> list[dict[str, Any]]:
    report = json.loads(output)
    cells: list[dict[str, Any]] = report["files"][0]["scorecard"]["ownership"]["cells"]
    return cells


def _text_marks(output: str) -> dict[str, int]:
    """Activity label -> how many '!' its grid row holds."""
    lines = output.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("───"))
    marks = {}
    for line in lines[start + 1 :]:
        if line.startswith("! ="):
            break
        label = next(a.label for a in Activity if line.startswith(a.label + " "))
        marks[label] = line.count("!")
    return marks


def test_missing_cells_agree_in_text_json_and_html(tmp_path: Path) -> None:
    org = write(tmp_path, GRID_ORG)
    text = run_subprocess("check", str(org)).stdout
    cells = _json_cells(run_subprocess("check", "--format", "json", str(org)).stdout)
    html_path = tmp_path / "r.html"
    run = run_subprocess("report", str(org), "-o", str(html_path))
    assert run.code == 0, run.stderr
    html = html_path.read_text(encoding="utf-8")
    start = html.index('aria-label="Ownership diagram')
    svg = html[start : html.index("</svg>", start)]

    missing = {(c["function"], c["activity"]) for c in cells if c["missing"]}
    # No create task and no publish task: SOC402 names publish (marketing's required cell)
    # but no finding is about create, so the empty required create cell is not missing.
    create = next(c for c in cells if (c["function"], c["activity"]) == ("marketing", "create"))
    assert create["required"] and create["letters"] == "" and create["missing"] is False
    assert missing == {("marketing", "publish")}
    # Text: one '!' per missing cell, on the missing cells' rows.
    marks = _text_marks(text)
    assert sum(marks.values()) == len(missing)
    assert marks[Activity.PUBLISH.label] == 1 and marks[Activity.CREATE.label] == 0
    # HTML: one red gap cell per missing cell; every other cell is an ordinary labelled cell.
    assert len(re.findall(r'class="node gap\b', svg)) == len(missing)
    for cell in cells:
        label = f"{Function(cell['function']).label} on {activity_word(Activity(cell['activity']))}:"
        assert (label in svg) != cell["missing"], label
