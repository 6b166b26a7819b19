"""Numbers that add up: a task's effort shared among the departments doing it, checked by hand.

Every figure here is counted by hand from the org file beside it (the counts are written out
in comments), and then looked for where a user sees it: RACI006's message, the workload
diagram, the Workload sheet of the workbook, suggest's reasons, the ownership and matrix views.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import raci
from raci.diagrams import render, style
from raci.model.effort import split_effort, workload
from raci.workshop.suggest import responsible_hours
from raci.yaml.writer import dump_organization

from .conftest import EXAMPLES, ROOT, run_subprocess

SVG = "{http://www.w3.org/2000/svg}"
CLASSIC = EXAMPLES / "classic-raci-mistakes.yaml"

# classic-raci-mistakes.yaml by hand (effort_hours; R holders):
#   monitor 4 (mkt) · discover 3 (mkt) · newsletter-picks 2 (nobody: RACI002) · launch 6 (mkt)
#   publish 2 (mkt) · answer-tickets 45 (success) · community-forum 25 (mkt, success, sales,
#   product: 6.25 each) · status-updates 2 (pr) · demo-requests 8 (sales) · webinar 3 (mkt)
#   ads-budget (budget only) · quarterly-review 3 (mkt)
CLASSIC_HOURS = {
    "marketing": 4 + 3 + 6 + 2 + 6.25 + 3 + 3,  # 27.25
    "success": 45 + 6.25,  # 51.25
    "pr": 2,
    "sales": 6.25 + 8,  # 14.25
    "product": 6.25,
    "legal": 0,
    "exec": 0,
    "partnerships": 0,
}
CLASSIC_TOTAL = 4 + 3 + 2 + 6 + 2 + 45 + 25 + 2 + 8 + 3 + 3  # 103


def org_of(tmp_path: Path, text: str, name: str = "org.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_classic_workload_matches_the_hand_count() -> None:
    org = raci.load(CLASSIC)
    work = workload(org)
    assert work.hours == pytest.approx(CLASSIC_HOURS)
    assert work.unassigned == 2 and work.unassigned_tasks == ("newsletter-picks",)
    assert work.total == CLASSIC_TOTAL
    assert sum(work.hours.values()) + work.unassigned == pytest.approx(work.total)
    assert work.splits["community-forum"] == {
        "marketing": 6.25,
        "success": 6.25,
        "sales": 6.25,
        "product": 6.25,
    }
    # suggest weighs capacity with the same numbers.
    assert responsible_hours(org) == work.hours


def test_equal_shares_add_up_exactly(tmp_path: Path) -> None:
    path = org_of(
        tmp_path,
        """organization: Shares
departments:
  a: {function: marketing}
  b: {function: customer_service}
  c: {function: sales}
tasks:
  three: {activity: respond, effort_hours: 20, raci: {c: R, a: RA, b: R}}
  two: {activity: publish, effort_hours: 5, raci: {a: RA, b: R}}
  none: {activity: sell, raci: {c: RA}}
""",
    )
    org = raci.load(path)
    departments = list(org.departments)
    # 20 h among three: tenths that add up, the extra tenth to the departments declared first.
    assert split_effort(org.tasks["three"], departments) == {"a": 6.7, "b": 6.7, "c": 6.6}
    assert split_effort(org.tasks["two"], departments) == {"a": 2.5, "b": 2.5}
    assert split_effort(org.tasks["none"], departments) == {"c": 0.0}
    assert workload(org).hours == {"a": 9.2, "b": 9.2, "c": 6.6}


def test_override_in_hours_percentages_and_partly(tmp_path: Path) -> None:
    path = org_of(
        tmp_path,
        """organization: Override
departments:
  a: {function: marketing}
  b: {function: customer_service}
  c: {function: sales}
tasks:
  hours: {activity: respond, effort_hours: 20, effort_split: {a: 2, b: 15, c: 3}, raci: {a: RA, b: R, c: R}}
  share: {activity: publish, effort_hours: 10, effort_split: {a: 70%, b: 30%}, raci: {a: RA, b: R}}
  part: {activity: sell, effort_hours: 9, effort_split: {c: 5}, raci: {c: RA, a: R, b: R}}
""",
    )
    org = raci.load(path)
    departments = list(org.departments)
    assert split_effort(org.tasks["hours"], departments) == {"a": 2, "b": 15, "c": 3}
    assert split_effort(org.tasks["share"], departments) == {"a": 7, "b": 3}
    # c states 5 of 9 h; a and b share the 4 h left.
    assert split_effort(org.tasks["part"], departments) == {"a": 2, "b": 2, "c": 5}
    assert workload(org).hours == {"a": 11, "b": 20, "c": 8}
    # The writer keeps the split, and reading it back gives the same organisation.
    again = raci.loads(dump_organization(org))
    assert again.tasks == org.tasks


def test_bad_splits_are_located_errors(tmp_path: Path) -> None:
    path = org_of(
        tmp_path,
        """organization: Bad
departments:
  a: {function: marketing}
  b: {function: customer_service}
tasks:
  short: {activity: respond, effort_hours: 20, effort_split: {a: 5, b: 10}, raci: {a: RA, b: R}}
  over: {activity: respond, effort_hours: 20, effort_split: {a: 25}, raci: {a: RA, b: R}}
  percent: {activity: publish, effort_hours: 10, effort_split: {a: 50%, b: 40%}, raci: {a: RA, b: R}}
  mixed: {activity: publish, effort_hours: 10, effort_split: {a: 50%, b: 5}, raci: {a: RA, b: R}}
  not-doing: {activity: sell, effort_hours: 4, effort_split: {b: 4}, raci: {a: RA, b: C}}
  no-effort: {activity: sell, effort_split: {a: 1}, raci: {a: RA}}
""",
    )
    run = run_subprocess("check", str(path))
    assert run.code == 2
    assert "Traceback" not in run.stderr
    lines = [line for line in run.stderr.splitlines() if line.startswith(str(path))]
    expected = [
        f"{path}:6:48: task 'short': effort_split adds up to 15 h but must add up to effort_hours, 20 h",
        f"{path}:7:47: task 'over': effort_split adds up to 25 h, more than effort_hours, 20 h",
        f"{path}:8:50: task 'percent': effort_split adds up to 90% but must add up to 100%",
        f"{path}:9:48: task 'mixed': effort_split mixes hours and percentages: write all of them one way",
        f"{path}:10:63: task 'not-doing': effort_split gives part of the effort to 'b', which is not "
        "Responsible or Support on this task: only departments doing the work share it",
        f"{path}:11:31: task 'no-effort': effort_split needs the task's effort_hours to split",
    ]
    assert lines == expected


def test_unknown_department_and_bad_amount_in_a_split(tmp_path: Path) -> None:
    path = org_of(
        tmp_path,
        """organization: Bad
departments:
  care: {function: customer_service}
tasks:
  t: {activity: respond, effort_hours: 2, effort_split: {cair: 1, care: lots}, raci: {care: RA}}
""",
    )
    run = run_subprocess("check", str(path))
    assert run.code == 2
    assert (
        f"{path}:5:58: task 't' splits its effort with unknown department 'cair'; did you mean 'care'?"
        in run.stderr
    )
    assert (
        f"{path}:5:73: care in 'tasks.t.effort_split': must be hours (a number) or a share such as '60%'"
        in (run.stderr)
    )


def _overload_org(tmp_path: Path, capacity: str) -> Path:
    # 20 h shared by two R's: 10 h each.
    return org_of(
        tmp_path,
        f"""organization: Edge
departments:
  care: {{function: customer_service, capacity_hours: {capacity}}}
  pr: {{function: public_relations}}
tasks:
  answer: {{activity: respond, effort_hours: 20, raci: {{care: RA, pr: R}}}}
""",
        f"edge-{capacity}.yaml",
    )


@pytest.mark.parametrize(("capacity", "fires"), [("10", False), ("9.9", True)])
def test_raci006_counts_the_share_on_both_sides_of_capacity(
    tmp_path: Path, capacity: str, fires: bool
) -> None:
    result = raci.check(raci.load(_overload_org(tmp_path, capacity)))
    found = [f for f in result.findings if f.code == "RACI006"]
    assert bool(found) is fires
    if fires:
        assert found[0].message == (
            "department 'care' has 10 h of work a week (its share of the tasks it is Responsible for) "
            "but capacity for 9.9 h"
        )


def _texts(element: ET.Element) -> str:
    return " ".join(" ".join(t.itertext()) for t in element.iter(f"{SVG}text"))


def test_workload_view_shows_the_hand_count() -> None:
    org = raci.load(CLASSIC)
    root = ET.fromstring(render(org, raci.check(org), view="workload", format="svg"))
    text = _texts(root)
    assert f"{CLASSIC_TOTAL} h a week in all" in text  # not 234 h: each task counted once
    assert "capacity 190 h" in text  # 50 + 40 + 10 + 40 + 30 + 5 + 5 + 10
    assert "2 h on tasks with no Responsible" in text
    for hours, capacity in [("27.25", 50), ("51.25", 40), ("2", 10), ("14.25", 40), ("6.25", 30), ("0", 5)]:
        assert f"{hours} h of {capacity} h" in text
    unassigned = [g for g in root.iter(f"{SVG}g") if "unassigned" in g.get("class", "").split()]
    assert len(unassigned) == 1
    assert "nobody Responsible" in _texts(unassigned[0]) and "Pick articles" in _texts(unassigned[0])


def test_workbook_workload_sheet_adds_up(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "m.xlsx"
    assert run_subprocess("export", str(CLASSIC), "-o", str(out)).code == 0
    rows = list(load_workbook(out)["Workload"].iter_rows(values_only=True))
    assert rows[0][:4] == ("department", "name", "function", "hours a week")
    by_id = {row[0]: row for row in rows[1:]}
    for dept_id, hours in CLASSIC_HOURS.items():
        assert by_id[dept_id][3] == hours, dept_id
    assert by_id["success"][5] == 11.25  # over by: 51.25 - 40
    assert by_id["(nobody Responsible)"][3] == 2
    assert by_id["total"][3] == CLASSIC_TOTAL
    assert sum(row[3] for row in rows[1:-1]) == CLASSIC_TOTAL


def test_split_survives_the_spreadsheet(tmp_path: Path) -> None:
    source = org_of(
        tmp_path,
        """organization: Round
departments:
  a: {function: marketing}
  b: {function: customer_service}
tasks:
  t: {activity: respond, effort_hours: 10, effort_split: {a: 70%, b: 30%}, raci: {a: RA, b: R}}
  u: {activity: publish, effort_hours: 4, effort_split: {a: 1, b: 3}, raci: {a: RA, b: R}}
""",
    )
    sheet, back = tmp_path / "m.csv", tmp_path / "back.yaml"
    assert run_subprocess("export", str(source), "-o", str(sheet)).code == 0
    assert "a: 70%; b: 30%" in sheet.read_text(encoding="utf-8-sig")
    assert run_subprocess("import", str(sheet), "-o", str(back)).code == 0
    assert raci.load(back).tasks == raci.load(source).tasks


# Customer service on respond, by hand: r1-r3 have marketing R and care A (care lacks R);
# r4 has care R and marketing A (care lacks A). Before: "4 tasks lack R".
COUNTS = """organization: Counts
departments:
  marketing: {function: marketing}
  care: {function: customer_service}
  pr: {function: public_relations}
  sales: {function: sales}
tasks:
  r1: {activity: respond, effort_hours: 1, raci: {marketing: R, care: A, pr: I}}
  r2: {activity: respond, effort_hours: 1, raci: {marketing: R, care: A, pr: I}}
  r3: {activity: respond, effort_hours: 1, raci: {marketing: R, care: A, pr: I}}
  r4: {activity: respond, effort_hours: 1, raci: {care: R, marketing: A, pr: I}}
  rec: {activity: recover, effort_hours: 1, raci: {pr: RA, care: I, sales: I}}
  sell: {activity: sell, effort_hours: 1, raci: {sales: RA, marketing: I}}
"""


def test_ownership_counts_and_grammar(tmp_path: Path) -> None:
    org = raci.load(org_of(tmp_path, COUNTS))
    root = ET.fromstring(render(org, raci.check(org), view="ownership", format="svg"))
    cells = [g for g in root.iter(f"{SVG}g") if "gap" in g.get("class", "").split()]
    text = " | ".join(_texts(g) for g in cells)
    assert "3 tasks lack R" in text
    assert "1 task lacks A" in text
    assert "4 tasks" not in text and "task lack " not in text


def test_blank_starter_is_clean_and_shows_no_gap(tmp_path: Path) -> None:
    org = raci.load(ROOT / "raci" / "templates" / "blank.yaml")
    result = raci.check(org)
    assert result.findings == ()
    for view in ("ownership", "gaps", "matrix", "workload"):
        root = ET.fromstring(render(org, result, view=view, format="svg"))
        gaps = [g for g in root.iter(f"{SVG}g") if "gap" in g.get("class", "").split()]
        assert gaps == [], view
        assert "needs R" not in _texts(root), view
    run = run_subprocess("check", str(ROOT / "raci" / "templates" / "blank.yaml"))
    assert run.code == 0
    grid = run.stdout.split("Ownership", 1)[1]
    assert "!" not in grid.split("\n! =")[0]


def _row_of(root: ET.Element, task_text: str) -> ET.Element:
    for g in root.iter(f"{SVG}g"):
        if "node" in g.get("class", "").split() and task_text in _texts(g):
            return g
    raise AssertionError(task_text)


def test_matrix_row_takes_its_worst_colour_and_missing_r_is_red(tmp_path: Path) -> None:
    # "solo": marketing RA alone on a respond task: RACI007 (info) on the task, SOC102 (error)
    # and SOC104 (warning) about customer service. The row's findings are drawn in the error
    # colour, not the info colour of RACI007.
    path = org_of(
        tmp_path,
        """organization: Colours
departments:
  marketing: {function: marketing}
  care: {function: customer_service}
tasks:
  solo: {activity: respond, effort_hours: 1, raci: {marketing: RA}}
  nobody: {activity: publish, effort_hours: 1, raci: {marketing: A, care: I}}
""",
    )
    org = raci.load(path)
    root = ET.fromstring(render(org, raci.check(org), view="matrix", format="svg"))
    solo = _row_of(root, "solo")
    fills = {
        t.get("fill") for t in solo.iter(f"{SVG}text") if re.match(r"(RACI|SOC)\d", "".join(t.itertext()))
    }
    assert fills == {style.GAP}
    # The task nobody does: its Accountable's cell is red and says "+R".
    nobody = _row_of(root, "nobody")
    assert "RACI002" in nobody.get("class", "")
    assert "+R" in _texts(nobody)
    assert style.GAP_FILL in {p.get("fill") for p in nobody.iter(f"{SVG}polygon")}


def test_support_shares_the_effort(tmp_path: Path) -> None:
    # RASCI's S does part of the work: 9 h among care (R), pr (S) and sales (S) is 3 h each;
    # marketing (A, C) carries none.
    path = org_of(
        tmp_path,
        """organization: RASCI
departments:
  marketing: {function: marketing}
  care: {function: customer_service, capacity_hours: 2.9}
  pr: {function: public_relations}
  sales: {function: sales}
tasks:
  answer: {activity: respond, effort_hours: 9, raci: {care: R, pr: S, sales: S, marketing: AC}}
""",
    )
    org = raci.load(path)
    assert workload(org).hours == {"marketing": 0, "care": 3, "pr": 3, "sales": 3}
    overloaded = [f for f in raci.check(org).findings if f.code == "RACI006"]
    assert [f.department for f in overloaded] == ["care"]


def test_report_matrix_marks_the_hand_counted_cells() -> None:
    # classic-raci-mistakes.yaml by hand: newsletter-picks, marketing's A that should also be
    # R (1); webinar-promotion, marketing's R that should also be A (1); launch-posts, both A's
    # (2); community-forum, its four R's (4); status-updates, its six C's (6): 14 cells.
    from raci.workshop.html_report import build_report

    org = raci.load(CLASSIC)
    page = build_report(org, raci.check(org))
    assert "12 tasks \u00d7 8 departments" in page
    assert "14 cells are marked red" in page
    assert len(re.findall(r'<td class="cell (?:hit|should)"', page)) == 14
    assert len(re.findall(r'<td class="cell should"', page)) == 2  # the missing R and A


def test_readme_states_the_equal_shares_the_code_gives() -> None:
    from raci.model.effort import _apportion

    text = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    assert "in tenths of an hour that add up" not in text
    for claim, total, count in (
        ("25 h among four: 6.25 each", 25, 4),
        ("3 h among four: 0.75", 3, 4),
        ("20 h among three: 6.7, 6.7, 6.6", 20, 3),
    ):
        assert claim in text
        shares = [float(word) for word in re.findall(r"\d+\.\d+", claim.split(":")[1])]
        assert _apportion(total, count)[: len(shares)] == shares
