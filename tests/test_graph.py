"""The organisation graph: its direct build equals networkx's public one, and queries agree."""

from __future__ import annotations

import re
from pathlib import Path

import networkx as nx
import pytest

import raci
from raci.graph import DEPARTMENT, TASK, OrgGraph

from .conftest import EXAMPLES


def public_build(org: raci.Organization) -> nx.DiGraph:
    graph = nx.DiGraph(name=org.organization)
    graph.add_nodes_from(
        ((DEPARTMENT, d), {"kind": DEPARTMENT, "function": dept.function, "name": dept.name or d})
        for d, dept in org.departments.items()
    )
    graph.add_nodes_from(
        ((TASK, t), {"kind": TASK, "activity": task.activity, "name": task.name or t})
        for t, task in org.tasks.items()
    )
    graph.add_edges_from(
        ((DEPARTMENT, d), (TASK, t), {"letters": letters})
        for t, task in org.tasks.items()
        for d, letters in task.raci.items()
    )
    return graph


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.name)
def test_letters_graph_equals_a_plain_public_build(path) -> None:  # type: ignore[no-untyped-def]
    org = raci.load(path)
    built, public = OrgGraph(org).graph, public_build(org)
    assert nx.utils.graphs_equal(built, public)
    assert dict(built.nodes(data=True)) == dict(public.nodes(data=True))
    assert list(built.nodes) == list(public.nodes)  # file order is kept
    assert [list(built.pred[n]) for n in built] == [list(public.pred[n]) for n in public]
    assert nx.is_frozen(built)


def test_graph_module_uses_no_private_networkx_attributes() -> None:
    source = (Path(raci.__file__).parent / "graph.py").read_text(encoding="utf-8")
    assert not re.search(r"\._(node|adj|succ|pred)\b", source)


def test_queries_read_the_graph() -> None:
    org = raci.load(EXAMPLES / "classic-raci-mistakes.yaml")
    graph = OrgGraph(org)
    assert graph.holders("launch-posts", raci.Letter.ACCOUNTABLE) == ["marketing", "product"]
    assert graph.assignments("ads-budget") == {
        "marketing": frozenset({raci.Letter.RESPONSIBLE, raci.Letter.ACCOUNTABLE})
    }
    assert graph.idle_departments() == ["partnerships"]
    assert "community-forum" in graph.tasks_of("product")
    assert graph.owning_functions("community-forum") == {
        raci.Function.CUSTOMER_SERVICE,
        raci.Function.MARKETING,
        raci.Function.PRODUCT,
        raci.Function.SALES,
    }
    assert graph.graph.number_of_edges() == sum(len(t.raci) for t in org.tasks.values())


INCIDENT = """\
organization: Flow Test
departments:
  brand: {name: Brand, function: marketing}
  care: {name: Care, function: support}
  pr: {name: Comms, function: comms}
  legal: {name: Legal, function: legal}
  idle: {name: Idle, function: hr}
tasks:
  listen: {activity: monitor, raci: {brand: RA, care: I}}
  answer: {activity: respond, raci: {care: RA, pr: C}}
  incidents: {activity: recover, raci: {pr: RA, care: R, brand: I}}
  contracts: {activity: select, raci: {legal: RA}}
"""


def test_information_flow_follows_the_letters() -> None:
    org = raci.loads(INCIDENT)
    flow = raci.information_flow(org)
    d, t = (lambda x: (DEPARTMENT, x)), (lambda x: (TASK, x))
    # Owners and consulted feed a task; every holder hears from it; I only hears.
    assert set(flow.predecessors(t("answer"))) == {d("care"), d("pr")}
    assert set(flow.successors(t("answer"))) == {d("care"), d("pr")}
    assert set(flow.predecessors(t("listen"))) == {d("brand")}
    assert set(flow.successors(t("listen"))) == {d("brand"), d("care")}
    assert flow.edges[d("pr"), t("answer")]["letters"] == frozenset({raci.Letter.CONSULTED})
    # What brand hears while listening reaches PR: brand -> listen -> care -> answer -> pr.
    assert nx.shortest_path(flow, d("brand"), d("pr")) == [
        d("brand"), t("listen"), d("care"), t("answer"), d("pr")
    ]
    # An informed-only department passes nothing into the task; legal is an island.
    assert not flow.has_edge(d("brand"), t("incidents"))
    assert not nx.has_path(flow, d("brand"), d("legal"))
    care = {"kind": DEPARTMENT, "function": raci.Function.CUSTOMER_SERVICE, "name": "Care"}
    assert flow.nodes[d("care")] == care
    # Two edges per feeding letter-holder, one per informed-only one: 3 + 4 + 5 + 2.
    assert flow.number_of_edges() == 14
    assert nx.is_frozen(flow)


def test_handoff_graph_weighs_departments_by_shared_tasks() -> None:
    org = raci.loads(INCIDENT)
    handoffs = raci.handoff_graph(org)
    assert list(handoffs.nodes) == ["brand", "care", "pr", "legal", "idle"]
    assert sorted(handoffs.edges(data="weight")) == [
        ("brand", "care", 1),  # listen
        ("care", "brand", 1),  # incidents (care is R)
        ("care", "pr", 2),  # answer, incidents
        ("pr", "brand", 1),  # incidents
        ("pr", "care", 1),  # incidents
    ]
    assert handoffs.edges["care", "pr"]["tasks"] == ("answer", "incidents")
    assert list(nx.isolates(handoffs)) == ["legal", "idle"]


def test_check_result_graph_is_the_same_flow() -> None:
    org = raci.loads(INCIDENT)
    result = raci.check(org)
    assert result.graph.flow is result.graph.flow  # built once
    assert nx.utils.graphs_equal(result.graph.flow, raci.information_flow(org))


def test_department_links_keep_the_components_of_the_flow_graph() -> None:
    import sys

    sys.path.insert(0, str(EXAMPLES.parent / "benchmarks"))
    import generate_org

    orgs = [raci.load(path) for path in sorted(EXAMPLES.glob("*.yaml"))]
    orgs += [raci.loads(INCIDENT), raci.loads(generate_org.generate(15, 60, 1, 3))]
    sizes = []
    for org in orgs:
        graph = OrgGraph(org)
        from_flow = {
            frozenset(key[1] for key in part if key[0] == DEPARTMENT)
            for part in nx.connected_components(graph.flow.to_undirected(as_view=True))
        }
        from_links = {frozenset(part) for part in nx.connected_components(graph.department_links)}
        assert from_links == from_flow - {frozenset()}, org.organization
        sizes.append(len(from_links))
    assert sizes[-2:] == [3, 15]  # INCIDENT: mainland, legal, idle; one department per task
