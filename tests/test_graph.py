"""The organisation graph: its direct build equals networkx's public one, and queries agree."""

from __future__ import annotations

import networkx as nx
import pytest

import raci
from raci.graph import DEPARTMENT, TASK, OrgGraph

from .conftest import EXAMPLES


def public_build(org: raci.Organization) -> nx.DiGraph:
    graph = nx.DiGraph(name=org.organization)
    graph.add_nodes_from(
        ((DEPARTMENT, d), {"kind": DEPARTMENT, "function": dept.function})
        for d, dept in org.departments.items()
    )
    graph.add_nodes_from(
        ((TASK, t), {"kind": TASK, "activity": task.activity}) for t, task in org.tasks.items()
    )
    graph.add_edges_from(
        ((DEPARTMENT, d), (TASK, t), {"letters": letters})
        for t, task in org.tasks.items()
        for d, letters in task.raci.items()
    )
    return graph


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.name)
def test_direct_build_equals_public_build(path) -> None:  # type: ignore[no-untyped-def]
    org = raci.load(path)
    direct, public = OrgGraph(org).graph, public_build(org)
    assert nx.utils.graphs_equal(direct, public)
    assert list(direct.nodes) == list(public.nodes)  # file order is kept
    assert [list(direct.pred[n]) for n in direct] == [list(public.pred[n]) for n in public]
    assert nx.is_frozen(direct)


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


def test_checking_does_not_import_networkx() -> None:
    """networkx loads only when a caller asks for the graph object (it is a slow import)."""
    import subprocess
    import sys

    code = (
        "import sys, raci; org = raci.load(sys.argv[1]); raci.check(org); "
        "assert 'networkx' not in sys.modules, 'networkx imported by check'; "
        "g = raci.check(org).graph.graph; assert 'networkx' in sys.modules; print(g.number_of_edges())"
    )
    path = str(EXAMPLES / "shared-ownership.yaml")
    out = subprocess.run([sys.executable, "-c", code, path], capture_output=True, text=True, check=True)
    assert int(out.stdout) > 0
