"""The article's principles as a whole: a healthy org is clean, and each single violation
raises its own rules and only those that follow from it."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import pytest

import raci
from raci.templates import template_text

from .conftest import EXAMPLES

Mutation = Callable[[dict[str, Any]], None]


def healthy() -> dict[str, Any]:
    org = raci.loads(template_text("social-media"), source_name="template.yaml")
    return org.model_dump(mode="json", exclude_none=True)


def codes_after(mutate: Mutation) -> set[str]:
    data = copy.deepcopy(healthy())
    mutate(data)
    result = raci.check(raci.Organization.from_data(data, source="mutated"))
    return {finding.code for finding in result.findings}


def test_healthy_org_has_no_findings_at_all() -> None:
    result = raci.check(raci.Organization.from_data(healthy()))
    assert result.findings == ()
    assert [p.status for p in result.scorecard.principles] == ["pass"] * 5


def _remove(task: str) -> Mutation:
    return lambda data: data["tasks"].pop(task)


def _set(task: str, **fields: Any) -> Mutation:
    return lambda data: data["tasks"][task].update(fields)


def _drop_field(task: str, field: str) -> Mutation:
    return lambda data: data["tasks"][task].pop(field)


def _add_island(data: dict[str, Any]) -> None:
    data["departments"].update(hr={"function": "hr"}, it={"function": "other"})
    data["tasks"]["advocacy"] = {"activity": "publish", "effort_hours": 1, "raci": {"hr": "RA", "it": "I"}}


SINGLE_VIOLATIONS = {
    # Principle 1: complaints have no owner, or marketing answers them.
    "no respond task": (_remove("answer-complaints"), {"SOC101", "SOC402"}),
    "marketing answers complaints": (
        _set("answer-complaints", raci={"marketing": "RA", "care": "I", "pr": "C"}),
        {"SOC102", "SOC104"},
    ),
    "listening tells nobody who answers": (
        _set("listen-to-the-channel", raci={"marketing": "RA", "pr": "I", "sales": "I"}),
        {"SOC106"},
    ),
    # Principle 2: returns judged per post.
    "roi per post": (_set("quarterly-roi-review", review_horizon_days=0), {"SOC201"}),
    "no measure task": (_remove("quarterly-roi-review"), {"SOC201"}),
    # Principle 3: ownership not shared, or marketing loses its own part.
    "sales owns nothing": (
        _set("handle-sales-inquiries", raci={"marketing": "RA", "sales": "C", "care": "I"}),
        {"SOC103", "SOC104"},
    ),
    "marketing does not publish": (
        _set("publish-posts", raci={"care": "RA", "marketing": "I"}),
        {"SOC105"},
    ),
    "a team that works only with itself": (_add_island, {"RACI008"}),
    # Principle 4: no recovery plan, or PR left out of it.
    "no recover task": (_remove("recover-from-mistakes"), {"SOC301"}),
    "pr left out of recovery": (
        _set("recover-from-mistakes", raci={"care": "RA", "marketing": "C", "pr": "I", "sales": "I"}),
        {"SOC301"},
    ),
    "sales not told of a crisis": (
        _set("recover-from-mistakes", raci={"pr": "RA", "care": "R", "marketing": "C"}),
        {"SOC302"},
    ),
    # Principle 5: free work, missing activities, overload.
    "task without cost": (_drop_field("publish-posts", "effort_hours"), {"SOC401"}),
    "no promotion": (_remove("paid-promotion"), {"SOC402"}),
    "customer care overloaded": (
        lambda data: data["departments"]["care"].update(capacity_hours=5),
        {"RACI006"},
    ),
}


@pytest.mark.parametrize("name", sorted(SINGLE_VIOLATIONS))
def test_single_violation_raises_only_its_rules(name: str) -> None:
    mutate, expected = SINGLE_VIOLATIONS[name]
    assert codes_after(mutate) == expected


def test_silo_example_raises_the_principle_rules() -> None:
    result = raci.check(raci.load(EXAMPLES / "marketing-owns-everything.yaml"))
    codes = {finding.code for finding in result.findings}
    assert codes == {"SOC102", "SOC103", "SOC104", "SOC201", "SOC301", "SOC402"}
    (soc103,) = [f for f in result.findings if f.code == "SOC103"]
    for function in ("Customer service", "PR", "sales"):
        assert function in soc103.message
    assert "Customer Care" in soc103.message  # the org's own names
    assert all(p.status == "fail" for p in result.scorecard.principles)


def test_shared_ownership_example_is_clean() -> None:
    result = raci.check(raci.load(EXAMPLES / "shared-ownership.yaml"))
    assert result.findings == ()
    assert result.scorecard.passed == 5


def test_classic_mistakes_example_raises_every_hygiene_rule() -> None:
    result = raci.check(raci.load(EXAMPLES / "classic-raci-mistakes.yaml"))
    codes = {finding.code for finding in result.findings}
    assert codes == {f"RACI00{n}" for n in range(1, 8)}


def test_scorecard_grid_marks_missing_required_cells() -> None:
    result = raci.check(raci.load(EXAMPLES / "marketing-owns-everything.yaml"))
    cells = result.scorecard.cells
    respond = cells[(raci.Function.CUSTOMER_SERVICE, raci.Activity.RESPOND)]
    assert respond.letters == frozenset({raci.Letter.INFORMED})
    assert respond.missing
    marketing_publish = cells[(raci.Function.MARKETING, raci.Activity.PUBLISH)]
    assert not marketing_publish.missing
    assert marketing_publish.strongest is raci.Letter.ACCOUNTABLE


def test_disabled_rules_leave_their_principle_unchecked() -> None:
    org = raci.load(EXAMPLES / "marketing-owns-everything.yaml")
    result = raci.check(org, raci.Config(ignore=("SOC201",)))
    statuses = {p.principle.number: p.status for p in result.scorecard.principles}
    assert statuses[2] == "not checked"
    assert "SOC201" not in {f.code for f in result.findings}
