"""Every threshold in raci/rules tested below, at and above its boundary, and the SOC rules on
tasks with letters missing, through the CLI (``raci check --format json``) as CI runs it.

A one-line change of ``>`` to ``>=`` in a rule, or a lost ``bool(responsible) and``, fails
here; scripts/mutate.py runs such changes on purpose (docs/reliability.md).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import run_subprocess
from tests.rules.harness import complete

DEPARTMENTS = [f"d{i}" for i in range(6)]
HEAD = "organization: Boundaries\ndepartments:\n" + "".join(
    f"  {d}: {{function: {f}}}\n"
    for d, f in zip(
        DEPARTMENTS,
        ["marketing", "customer_service", "public_relations", "sales", "legal", "product"],
        strict=True,
    )
)


def findings(tmp_path: Path, text: str, *options: str) -> list[dict[str, object]]:
    path = tmp_path / "org.yaml"
    path.write_text(text, encoding="utf-8")
    run = run_subprocess("check", str(path), "--format", "json", *options)
    assert run.code in (0, 1), run.stderr
    found: list[dict[str, object]] = json.loads(run.stdout)["findings"]
    return found


def flagged(found: list[dict[str, object]], code: str, key: str) -> set[object]:
    return {f[key] for f in found if f["code"] == code}


def _raci(letters: dict[str, str]) -> str:
    return "{" + ", ".join(f"{d}: {v}" for d, v in letters.items()) + "}"


def test_raci004_flags_more_than_max_responsible_only(tmp_path: Path) -> None:
    tasks = {
        f"r{n}": {**{"d0": "RA"}, **{d: "R" for d in DEPARTMENTS[1:n]}}
        for n in (2, 3, 4)  # 2, 3, 4 R's
    }
    text = (
        HEAD
        + "tasks:\n"
        + "".join(f"  {t}: {{activity: create, raci: {_raci(r)}}}\n" for t, r in tasks.items())
    )
    assert flagged(findings(tmp_path, text), "RACI004", "task") == {"r4"}  # the limit is 3


def test_raci005_flags_more_than_max_consulted_only(tmp_path: Path) -> None:
    tasks = {f"c{n}": {"d0": "RA", **{d: "C" for d in DEPARTMENTS[1 : n + 1]}} for n in (3, 4, 5)}
    text = (
        HEAD
        + "tasks:\n"
        + "".join(f"  {t}: {{activity: create, raci: {_raci(r)}}}\n" for t, r in tasks.items())
    )
    assert flagged(findings(tmp_path, text), "RACI005", "task") == {"c5"}  # the limit is 4


def test_raci006_flags_more_than_max_accountable_only(tmp_path: Path) -> None:
    lines = []
    for dept, count in (("d1", 11), ("d2", 12), ("d3", 13)):  # the limit is 12
        lines += [f"  {dept}-{i}: {{activity: create, raci: {{{dept}: RA}}}}\n" for i in range(count)]
    found = findings(tmp_path, HEAD + "tasks:\n" + "".join(lines))
    assert {
        f["department"] for f in found if f["code"] == "RACI006" and "Accountable" in str(f["message"])
    } == {"d3"}


def test_raci006_flags_work_past_capacity_only(tmp_path: Path) -> None:
    text = (
        "organization: Capacity\ndepartments:\n"
        + "".join(f"  c{h}: {{function: customer_service, capacity_hours: 10}}\n" for h in (9, 10, 11))
        + "tasks:\n"
        + "".join(
            f"  t{h}: {{activity: respond, effort_hours: {h}, raci: {{c{h}: RA}}}}\n" for h in (9, 10, 11)
        )
    )
    found = findings(tmp_path, text)
    assert {f["department"] for f in found if f["code"] == "RACI006" and "capacity" in str(f["message"])} == {
        "c11"
    }


@pytest.mark.parametrize(("days", "fails"), [(89, True), (90, False), (91, False)])
def test_soc201_counts_a_horizon_of_exactly_min_horizon_days(tmp_path: Path, days: int, fails: bool) -> None:
    text = HEAD + f"tasks:\n  review: {{activity: measure, review_horizon_days: {days}, raci: {{d0: RA}}}}\n"
    assert bool(flagged(findings(tmp_path, text), "SOC201", "code")) is fails


@pytest.mark.parametrize(("limit", "flagged_tasks"), [("2", {"r3", "r4"}), ("4", set())])
def test_max_responsible_option_moves_the_boundary(
    tmp_path: Path, limit: str, flagged_tasks: set[str]
) -> None:
    tasks = {f"r{n}": {"d0": "RA", **{d: "R" for d in DEPARTMENTS[1:n]}} for n in (2, 3, 4)}
    text = (
        HEAD
        + f"rules:\n  options:\n    RACI004: {{max_responsible: {limit}}}\n"
        + "tasks:\n"
        + "".join(f"  {t}: {{activity: create, raci: {_raci(r)}}}\n" for t, r in tasks.items())
    )
    assert flagged(findings(tmp_path, text), "RACI004", "task") == flagged_tasks


@pytest.mark.parametrize(("accountable", "fails"), [(0, True), (1, False), (2, True)])
def test_raci001_wants_exactly_one_accountable(tmp_path: Path, accountable: int, fails: bool) -> None:
    letters = {d: ("RA" if i < accountable else "R") for i, d in enumerate(DEPARTMENTS[:2])}
    text = HEAD + f"tasks:\n  t: {{activity: create, raci: {_raci(letters)}}}\n"
    assert bool(flagged(findings(tmp_path, text), "RACI001", "task")) is fails


# --- letters missing: each SOC rule meets tasks with no R, no A, or no letter at all ------------

ACTIVITIES = [
    "respond",
    "sell",
    "recover",
    "monitor",
    "measure",
    "publish",
    "create",
    "promote",
    "discover",
    "select",
    "media_relations",
]
MISSING = {
    "no R": {"d1": "A", "d0": "C"},
    "no A": {"d1": "R", "d0": "I"},
    "only C and I": {"d1": "C", "d0": "I"},
    "no letter": {},
}


@pytest.mark.parametrize("missing", list(MISSING))
def test_soc_rules_on_tasks_with_letters_missing(tmp_path: Path, missing: str) -> None:
    letters = MISSING[missing]
    horizon = {"measure": ", review_horizon_days: 90"}
    lines = [
        f"  {a}-task: {{activity: {a}, effort_hours: 1{horizon.get(a, '')}, raci: {_raci(letters)}}}\n"
        for a in ACTIVITIES
    ]
    text = HEAD + "tasks:\n" + "".join(lines)
    found = findings(tmp_path, text)
    by_code = {code: flagged(found, code, "task") for code in ("SOC102", "SOC104", "RACI001", "RACI002")}
    # Customer service (d1) is R on the respond task only in "no A": SOC102 otherwise.
    assert ("respond-task" in by_code["SOC102"]) is (missing != "no A")
    # Marketing (d0) is never the only R nor the A here: SOC104 has nothing to say, even
    # where there is no R at all (an empty R set is not "marketing only").
    assert by_code["SOC104"] == set()
    assert ("respond-task" in by_code["RACI001"]) is (missing != "no R")
    assert ("respond-task" in by_code["RACI002"]) is (missing != "no A")


def test_soc104_with_no_responsible_and_marketing_not_accountable(tmp_path: Path) -> None:
    text, _ = complete("tasks:\n  answer: {activity: respond, raci: {care: A, marketing: C}}\n")
    assert flagged(findings(tmp_path, text), "SOC104", "task") == set()
    text, _ = complete("tasks:\n  answer: {activity: respond, raci: {marketing: R, care: A}}\n")
    assert flagged(findings(tmp_path, text), "SOC104", "task") == {"answer"}


@pytest.mark.parametrize("groups", [1, 2, 3])
def test_raci008_reports_every_island_but_the_mainland(tmp_path: Path, groups: int) -> None:
    # `groups` separate pairs of departments; the first is the mainland (ties go by file order).
    tasks = "".join(
        f"  t{g}: {{activity: create, raci: {{d{2 * g}: RA, d{2 * g + 1}: C}}}}\n" for g in range(groups)
    )
    if groups < 3:  # the departments left over hold letters with the mainland
        rest = " ".join(f"d{i}: I," for i in range(2 * groups, 6)).rstrip(",")
        tasks += f"  all: {{activity: create, raci: {{d0: RA, {rest}}}}}\n"
    found = findings(tmp_path, HEAD + "tasks:\n" + tasks)
    assert flagged(found, "RACI008", "department") == {f"d{2 * g}" for g in range(1, groups)}


@pytest.mark.parametrize(("owned", "words"), [(1, "1 task:"), (3, "3 tasks:")])
def test_soc103_counts_the_tasks_marketing_owns(tmp_path: Path, owned: int, words: str) -> None:
    lines = [f"  p{i}: {{activity: publish, raci: {{d0: RA}}}}\n" for i in range(owned)]
    lines.append("  other: {activity: other, raci: {d1: RA}}\n")  # not social work: not counted
    found = findings(tmp_path, HEAD + "tasks:\n" + "".join(lines))
    (message,) = [str(f["message"]) for f in found if f["code"] == "SOC103"]
    assert f"marketing holds R or A on {words}" in message


@pytest.mark.parametrize(("owners", "function"), [(("d1", "d3"), "public_relations"), (("d1",), None)])
def test_soc103_names_the_function_only_when_one_is_missing(
    tmp_path: Path, owners: tuple[str, ...], function: str | None
) -> None:
    # d0 marketing, d1 customer service, d2 PR, d3 sales: marketing and the owners hold R/A.
    activities = {"d1": "respond", "d3": "sell"}
    lines = ["  post: {activity: publish, raci: {d0: RA}}\n"]
    lines += [f"  {d}-task: {{activity: {activities[d]}, raci: {{{d}: RA}}}}\n" for d in owners]
    found = findings(tmp_path, HEAD + "tasks:\n" + "".join(lines))
    (finding,) = [f for f in found if f["code"] == "SOC103"]
    assert finding.get("function") == function
