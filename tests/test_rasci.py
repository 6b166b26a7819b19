"""RASCI's S (Support) everywhere letters are accepted, and other variants mapped with --letter-map."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import raci
from raci.model.errors import LoadError
from raci.model.vocabulary import Letter, apply_letter_map, parse_letter_map
from tests.conftest import run_subprocess

RASCI = """\
organization: Rasci Co
departments:
  marketing: {name: Marketing, function: marketing, capacity_hours: 10}
  care: {name: Care, function: customer_service, capacity_hours: 10}
  pr: {name: PR, function: pr}
  sales: {name: Sales, function: sales}
tasks:
  answer: {activity: respond, effort_hours: 8, raci: {care: RA, marketing: S, pr: C}}
  publish: {activity: publish, effort_hours: 6, raci: {marketing: RA, care: s, sales: I}}
  incidents: {activity: recover, effort_hours: 1, raci: {pr: RA, care: I}}
  leads: {activity: sell, effort_hours: 2, raci: {sales: RA, marketing: S}}
"""

# DRASCI: D (Driver) is not a RASCI letter; V (Verifier) neither.
DRASCI = """\
organization: Drasci Co
departments:
  pm: {name: Project Office, function: other}
  eng: {name: Engineering, function: product}
  qa: {name: Quality, function: other}
tasks:
  plan: {activity: project, raci: {pm: D, eng: R, qa: V}}
  build: {activity: project, raci: {eng: RD, pm: I, qa: "S"}}
"""


def _write(tmp_path: Path, text: str, name: str = "org.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_s_is_read_written_and_ordered_rasci() -> None:
    org = raci.loads(RASCI)
    assert org.tasks["answer"].raci["marketing"] == frozenset({Letter.SUPPORT})
    assert org.tasks["publish"].raci["care"] == frozenset({Letter.SUPPORT})  # lower case too
    assert (
        raci.loads(
            "organization: X\ndepartments: {a: {function: hr}}\n"
            "tasks: {t: {activity: other, raci: {a: 'I/S/A/R'}}}\n"
        ).model_dump(mode="json")["tasks"]["t"]["raci"]["a"]
        == "RASI"
    )


def test_rules_treat_s_as_neither_owner_nor_consulted(tmp_path: Path) -> None:
    text = RASCI.replace("raci: {care: RA, marketing: S, pr: C}", "raci: {care: S, marketing: RA}")
    text = text.replace("raci: {sales: RA, marketing: S}", "raci: {sales: A, marketing: S}")
    run = run_subprocess("check", str(_write(tmp_path, text)), "--format", "json")
    findings = json.loads(run.stdout)["findings"]
    by_task: dict[str | None, set[str]] = {}
    for finding in findings:
        by_task.setdefault(finding["task"], set()).add(finding["code"])
    # Care only supports the answers: customer service is not Responsible (SOC102), and the
    # task with S beside RA still consults and informs nobody (RACI007).
    assert {"SOC102", "RACI007"} <= by_task["answer"]
    # Sales is A and marketing S: nobody is Responsible (RACI002).
    assert "RACI002" in by_task["leads"]
    assert run.code == 1


def test_check_refuses_other_variants_naming_the_letter_map(tmp_path: Path) -> None:
    path = _write(tmp_path, DRASCI)
    run = run_subprocess("check", str(path))
    assert run.code == 2
    lines = run.stderr.splitlines()
    assert len(lines) == 3, run.stderr  # D on plan, V on plan, D on build: one line each
    plan, build = DRASCI.splitlines()[6:8]
    assert lines[0].startswith(f"{path}:7:{plan.index('pm: D') + 5}: ")
    assert "unknown RACI letter 'D'" in lines[0] and "--letter-map D=A" in lines[0]
    assert lines[1].startswith(f"{path}:7:{plan.index('qa: V') + 5}: ") and "--letter-map V=A" in lines[1]
    assert lines[2].startswith(f"{path}:8:{build.index('eng: RD') + 6}: ")
    assert "Traceback" not in run.stderr


def test_check_with_letter_map_reads_the_variant(tmp_path: Path) -> None:
    path = _write(tmp_path, DRASCI)
    run = run_subprocess("check", str(path), "--letter-map", "D=A", "--letter-map", "V=C", "--format", "json")
    assert run.code == 0, run.stderr
    data = json.loads(run.stdout)
    assert data["summary"]["findings"] == 0
    # One comma-separated option works the same; V=- drops the letter (qa leaves plan).
    run = run_subprocess("check", str(path), "--letter-map", "D=A,V=-", "--format", "json")
    assert run.code == 0, run.stderr
    found = [(f["code"], f["task"]) for f in json.loads(run.stdout)["findings"]]
    assert found == [("RACI007", "plan")], found  # without qa's C, plan consults nobody


@pytest.mark.parametrize("bad", ["D", "D=Q", "DD=A", "=A", "D=AA", "1=A"])
def test_bad_letter_map_is_bad_input(tmp_path: Path, bad: str) -> None:
    path = _write(tmp_path, DRASCI)
    run = run_subprocess("check", str(path), "--letter-map", bad)
    assert run.code == 2
    assert "--letter-map" in run.stderr and "D=A" in run.stderr
    assert run.stdout == ""


def test_letter_map_through_the_api(tmp_path: Path) -> None:
    path = _write(tmp_path, DRASCI)
    with pytest.raises(LoadError) as caught:
        raci.load(path)
    assert len(caught.value.problems) == 3
    org = raci.load(path, letter_map={"D": "A", "V": "C"})
    assert org.tasks["plan"].raci["pm"] == frozenset({Letter.ACCOUNTABLE})
    assert org.tasks["build"].raci["eng"] == frozenset({Letter.RESPONSIBLE, Letter.ACCOUNTABLE})
    data = {
        "organization": "X",
        "departments": {"a": {"function": "hr"}},
        "tasks": {"t": {"activity": "other", "raci": {"a": ["R", "D"]}}},
    }
    from_data = raci.Organization.from_data(data, letter_map={"D": "A"})
    assert from_data.tasks["t"].raci["a"] == frozenset({Letter.RESPONSIBLE, Letter.ACCOUNTABLE})
    assert data["tasks"]["t"]["raci"]["a"] == ["R", "D"]  # the caller's data is left alone


def test_letter_map_parsing() -> None:
    assert parse_letter_map(["D=A", "v = c", "X=-"]) == {"D": "A", "V": "C", "X": ""}
    assert parse_letter_map(["D=RA,V=C"]) == {"D": "RA", "V": "C"}
    assert apply_letter_map("R/D", {"D": "A"}) == "R/A"
    with pytest.raises(ValueError, match="mapped twice"):
        parse_letter_map(["D=A", "D=R"])


def test_s_survives_the_spreadsheet_round_trip(tmp_path: Path) -> None:
    source = _write(tmp_path, RASCI)
    for suffix in ("csv", "xlsx"):
        sheet = tmp_path / f"matrix.{suffix}"
        assert run_subprocess("export", str(source), "-o", str(sheet)).code == 0
        back = tmp_path / f"back-{suffix}.yaml"
        run = run_subprocess("import", str(sheet), "-o", str(back))
        assert run.code == 0, run.stderr
        org = raci.load(back)
        assert org.tasks["answer"].raci["marketing"] == frozenset({Letter.SUPPORT})
        assert org.tasks["publish"].raci["care"] == frozenset({Letter.SUPPORT})


def test_support_edges_have_their_own_line_style(tmp_path: Path) -> None:
    source = _write(tmp_path, RASCI)
    out = tmp_path / "gaps.dot"
    run = run_subprocess("render", str(source), "--view", "gaps", "--detail", "full", "-o", str(out))
    assert run.code == 0, run.stderr
    dot = out.read_text(encoding="utf-8")
    support = [line for line in dot.splitlines() if "letter-S" in line]
    assert len(support) == 3  # marketing on answer and leads, care on publish
    assert all("style=tapered" in line for line in support)
    others = [line for line in dot.splitlines() if "letter-" in line and "letter-S" not in line]
    assert others and not any("tapered" in line for line in others)
    assert "support" in dot  # the legend names it


@pytest.mark.parametrize(("capacity", "overloaded"), [("8", False), ("7.5", True)])
def test_support_carries_effort(tmp_path: Path, capacity: str, overloaded: bool) -> None:
    """Hand count for marketing: publish 6 h shared with care's S (3), answer 8 h as S beside
    care's RA (4), leads 2 h as S beside sales (1): 8 h a week."""
    text = RASCI.replace(
        "function: marketing, capacity_hours: 10", f"function: marketing, capacity_hours: {capacity}"
    )
    run = run_subprocess("check", str(_write(tmp_path, text)), "--format", "json")
    assert run.code in (0, 1), run.stderr
    load = [f for f in json.loads(run.stdout)["findings"] if f["code"] == "RACI006"]
    if overloaded:
        [finding] = load
        assert finding["department"] == "marketing"
        assert "8 h" in finding["message"]
    else:
        assert load == []
    from raci.model.effort import workload

    hours = workload(raci.loads(text)).hours
    assert (hours["marketing"], hours["care"], hours["sales"], hours["pr"]) == (8.0, 7.0, 1.0, 1.0)


def test_workload_view_names_support(tmp_path: Path) -> None:
    out = tmp_path / "workload.svg"
    run = run_subprocess("render", str(_write(tmp_path, RASCI)), "--view", "workload", "-o", str(out))
    assert run.code == 0, run.stderr
    svg = out.read_text(encoding="utf-8")
    assert "shared among its Responsible and Support departments" in svg
    assert "8 h of 10 h" in svg  # marketing: its share of publish (R) and of answer and leads (S)
