"""The information-flow rules on the healthy example: clean as bundled, and each single
mutation raises exactly one of SOC106, SOC302 or RACI008, naming the org's own departments."""

from __future__ import annotations

import pytest

import raci

from .conftest import EXAMPLES

HEALTHY = (EXAMPLES / "shared-ownership.yaml").read_text(encoding="utf-8")

NEW_TEAMS = """\
  hr:        {name: People Team, function: hr}
  it:        {name: Workplace IT, function: other}
"""
NEW_TASK = """\
  employee-advocacy:
    name: Staff share company posts
    activity: publish
    effort_hours: 2
    raci: {hr: RA, it: I}
"""


def mutated(old: str, new: str) -> str:
    assert HEALTHY.count(old) == 1, old
    return HEALTHY.replace(old, new)


def findings(text: str) -> list[raci.Finding]:
    return list(raci.check(raci.loads(text, source_name="mutant.yaml")).findings)


def test_the_healthy_example_is_clean() -> None:
    assert findings(HEALTHY) == []


def test_listening_that_tells_no_responder_raises_soc106() -> None:
    text = mutated("raci: {brand: RA, support: C, comms: I}", "raci: {brand: RA, comms: I}")
    [finding] = findings(text)
    assert (finding.code, finding.task, finding.department) == ("SOC106", "social-listening", "support")
    assert "inform Customer Support (R on answer-complaints)" in finding.message
    assert finding.hint == "give Customer Support I on social-listening"


def test_a_crisis_sales_never_hears_of_raises_soc302() -> None:
    text = mutated("exec: I, brand: C, sales: I}", "exec: I, brand: C}")
    [finding] = findings(text)
    assert (finding.code, finding.task, finding.department) == ("SOC302", "incident-response", "sales")
    assert "does not reach sales: give E-commerce Sales I on incident-response" in finding.message


def test_a_crisis_told_to_nobody_on_the_front_line_names_both() -> None:
    text = mutated(
        "raci: {comms: RA, support: R, legal: C, exec: I, brand: C, sales: I}",
        "raci: {comms: RA, legal: C, exec: I, brand: C}",
    )
    found = findings(text)
    assert [(f.code, f.department) for f in found] == [("SOC302", "support"), ("SOC302", "sales")]
    assert "give Customer Support I on incident-response" in found[0].message


def test_a_team_working_only_with_itself_raises_raci008() -> None:
    text = mutated("\ntasks:\n", NEW_TEAMS + "\ntasks:\n" + NEW_TASK + "\n")
    [finding] = findings(text)
    assert (finding.code, finding.department) == ("RACI008", "hr")
    assert "People Team, Workplace IT share no task with the rest of the company" in finding.message
    # Brand Marketing holds letters on every task but one: the mainland's natural bridge.
    assert finding.hint == "give Brand Marketing I on employee-advocacy"


@pytest.mark.parametrize(
    ("code", "old", "new"),
    [
        ("SOC106", "raci: {brand: RA, support: C, comms: I}", "raci: {brand: RA, support: I, comms: I}"),
        ("SOC302", "exec: I, brand: C, sales: I}", "exec: I, brand: C, sales: C}"),
    ],
)
def test_near_misses_stay_clean(code: str, old: str, new: str) -> None:
    """The other side of each boundary: any letter reaches (C as well as I)."""
    assert [f.code for f in findings(mutated(old, new))] == []


def test_the_flow_rules_ask_networkx(monkeypatch: pytest.MonkeyPatch) -> None:
    """SOC106 and SOC302 read reachability with networkx's node_boundary on the flow graph,
    RACI008 groups departments with networkx's union-find: no hand-written graph search."""
    import networkx as nx
    import networkx.utils

    asked: list[str] = []
    boundary = nx.node_boundary
    union_find = networkx.utils.UnionFind

    def counting_boundary(*args: object, **kwargs: object) -> object:
        asked.append("node_boundary")
        return boundary(*args, **kwargs)  # type: ignore[arg-type]

    class CountingUnionFind(union_find):  # type: ignore[misc,valid-type]
        def union(self, *objects: object) -> None:
            asked.append("union")
            super().union(*objects)

    monkeypatch.setattr(nx, "node_boundary", counting_boundary)
    monkeypatch.setattr(networkx.utils, "UnionFind", CountingUnionFind)
    assert findings(HEALTHY) == []
    assert "node_boundary" in asked and "union" in asked


def test_department_groups_are_networkx_connected_components() -> None:
    import networkx as nx

    from raci.rules.raci008_information_islands import department_groups

    text = mutated("\ntasks:\n", NEW_TEAMS + "\ntasks:\n" + NEW_TASK + "\n")
    graph = raci.check(raci.loads(text, source_name="m.yaml")).graph
    links = graph.department_links
    expected = sorted(sorted(component) for component in nx.connected_components(links))
    assert sorted(sorted(group) for group in department_groups(graph)) == expected
    assert len(expected) == 2  # the People Team and Workplace IT form an island
