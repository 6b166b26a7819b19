"""`raci whatif`: a department gone or a letter moved, and what breaks."""

from __future__ import annotations

import json

import pytest

import raci
from raci.workshop.whatif import Assign, Move, ScenarioError, Without, apply_steps, parse_move, what_if

from .conftest import EXAMPLES, run_subprocess

SHARED = EXAMPLES / "shared-ownership.yaml"
SILO = EXAMPLES / "marketing-owns-everything.yaml"


def test_without_a_department(cli) -> None:
    run = cli("whatif", str(SHARED), "--without", "comms")
    assert run.code == 1  # errors are introduced
    out = run.stdout
    assert "  - without Communications (comms)" in out
    assert "press-and-influencers loses its R (held by Communications)" in out
    assert "press-and-influencers loses its A (held by Communications)" in out
    assert "incident-response loses its A (held by Communications)" in out
    assert "incident-response loses its R" not in out  # Customer Support is R too
    assert '  4. Not "Social media mistakes destroy companies"' in out
    assert "Principles honoured: 5 of 5 -> 3 of 5" in out
    assert "introduced  error    SOC301" in out


def test_without_by_name_and_json(cli) -> None:
    data = json.loads(cli("whatif", str(SHARED), "--without", "customer support", "--format", "json").stdout)
    assert data["scenario"] == ["without Customer Support (support)"]
    assert {(lost["task"], lost["letter"]) for lost in data["lost"]} == {
        ("answer-complaints", "R"),
        ("answer-complaints", "A"),
        ("answer-questions", "R"),
        ("answer-questions", "A"),
    }
    assert data["principles_failing"] == [1, 3]
    assert {f["code"] for f in data["findings"]["introduced"]} >= {"SOC102", "RACI001", "RACI002"}


def test_move_a_letter_takes_it_from_its_old_holder(cli) -> None:
    run = cli("whatif", str(SILO), "--move", "care:answer-comments:RA", "--format", "json")
    data = json.loads(run.stdout)
    assert run.code == 0  # it fixes things; nothing is introduced
    assignments = {(a["task"], a["department"]): (a["old"], a["new"]) for a in data["assignments"]}
    assert assignments == {
        ("answer-comments", "care"): ("I", "RA"),
        ("answer-comments", "marketing"): ("RA", "R"),
    }
    assert {f["code"] for f in data["findings"]["resolved"]} == {"SOC102", "SOC104"}
    assert data["lost"] == []


def test_move_to_nothing_removes_and_steps_apply_in_order() -> None:
    org = raci.load(SHARED)
    after = apply_steps(org, [Assign("brand", "find-content", frozenset()), Without("sales")])
    assert after.tasks["find-content"].raci == {}
    assert "sales" not in after.departments
    assert all("sales" not in task.raci for task in after.tasks.values())
    assert org.tasks["find-content"].raci  # the original is untouched


def test_markdown(cli) -> None:
    out = cli("whatif", str(SHARED), "--without", "comms", "--format", "markdown").stdout
    assert out.startswith("## What if: without Communications (comms)")
    assert "| press-and-influencers | A | Communications |" in out
    assert "- ❌ principle 4 would fail" in out


def test_fail_on(cli) -> None:
    # Removing Legal leaves curate-ugc with no C or I: an info only.
    assert cli("whatif", str(SHARED), "--without", "legal").code == 0
    assert cli("whatif", str(SHARED), "--without", "legal", "--fail-on", "info").code == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--without", "finance"], "no department 'finance' (departments: brand, growth"),
        (["--move", "brand:nope:R"], "no task 'nope'"),
        (["--move", "brand:find-content:X"], "unknown RACI letter 'X'"),
        (["--move", "brandR"], "expected DEPT:TASK:LETTERS"),
        (["--move", "brand:find-content"], "expected DEPT:TASK:LETTERS"),
        ([], "nothing to try"),
    ],
)
def test_bad_scenarios_exit_2(cli, args: list[str], message: str) -> None:
    run = cli("whatif", str(SHARED), *args)
    assert run.code == 2
    assert message in run.stderr
    assert "--letter-map" not in run.stderr  # whatif has no such option
    assert run.stdout == ""


def test_ids_with_colons() -> None:
    org = raci.loads(
        "organization: A\ndepartments:\n  'Sales:EMEA': {function: sales}\n"
        "tasks:\n  'leads:eu': {activity: sell, raci: {'Sales:EMEA': RA}}\n"
    )
    assert parse_move(org, "Sales:EMEA:leads:eu:A") == Assign(
        "Sales:EMEA", "leads:eu", frozenset({raci.Letter("A")})
    )
    with pytest.raises(ScenarioError):
        parse_move(org, "Sales:EMEA:leads:us:A")
    result = what_if(raci.check(org), [Without("Sales:EMEA")])
    assert [(lost.task, lost.letter.value) for lost in result.lost] == [("leads:eu", "R"), ("leads:eu", "A")]


def test_whatif_as_subprocess() -> None:
    run = run_subprocess(
        "whatif", str(SHARED), "--without", "comms", "--move", "growth:quarterly-value-review:A"
    )
    assert run.code == 1
    assert "Growth Marketing takes A on quarterly-value-review" in run.stdout
    assert "~ quarterly-value-review  Brand Marketing   RA -> R" in run.stdout


def test_move_hands_one_letter_over_in_one_step() -> None:
    org = raci.loads(
        "organization: A\ndepartments:\n  mkt: {function: marketing}\n  care: {function: customer_service}\n"
        "tasks:\n  answer: {activity: respond, raci: {mkt: RA, care: I}}\n"
    )
    after = apply_steps(org, [Move("answer", "R", "mkt", "care")])
    assert after.tasks["answer"].raci == {"mkt": frozenset("A"), "care": frozenset("RI")}
    both = apply_steps(org, [Move("answer", "RA", "mkt", "care")])
    assert both.tasks["answer"].raci == {"care": frozenset("RAI")}  # mkt held nothing else: it leaves
    result = what_if(raci.check(org), [Move("answer", "RA", "mkt", "care")])
    assert result.descriptions == ("mkt hands RA to care on answer",)
    assert result.lost == ()
    with pytest.raises(ScenarioError, match="'care' does not hold R on 'answer'"):
        apply_steps(org, [Move("answer", "R", "care", "mkt")])
    with pytest.raises(ScenarioError, match="no department 'pr'"):
        apply_steps(org, [Move("answer", "R", "mkt", "pr")])
    with pytest.raises(ScenarioError, match="unknown RACI letter"):
        Move("answer", "X", "mkt", "care")
