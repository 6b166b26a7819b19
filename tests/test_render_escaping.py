"""Hostile names reach `dot` as text: they render as written and add no node, edge or markup."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import raci
from raci.diagrams import VIEWS, diagram, render
from raci.diagrams.escape import NodeIds, dot_string, html_lines, html_text, wrap

SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}"

HOSTILE = {
    "colon": "Sales:EMEA",
    "quotes": 'say "hi" \\"there\\"',
    "image": '<IMG SRC="/etc/hostname"/>',
    "markup": "<B>bold</B> & <U>u</U> &amp;",
    "injection": ']; n0 -> n1 [label="pwn"] {',
    "escapes": "back\\slash \\N \\G \\E \\L \\n \\l end\\",
    # Names are one line (a line break is refused at load); a tab is drawn as a space.
    "tab": "Column one\tColumn two",
    "polish": "Zażółć gęślą jaźń 😀",
    "html_like": "<just a name>",
    "apostrophe": "it's <",
}


def hostile_org(names: dict[str, str]) -> raci.Organization:
    """Departments and tasks named with ``names``; the same structure for any names."""
    keys = list(names)
    functions = ["marketing", "customer_service", "public_relations", "sales"]
    departments = {
        f"d-{key}": {"name": names[key], "function": functions[i % 4], "capacity_hours": 1 + i % 3}
        for i, key in enumerate(keys)
    }
    activities = ["monitor", "respond", "recover", "sell", "create", "publish", "measure"]
    tasks = {}
    for i, key in enumerate(keys):
        raci_row = {f"d-{keys[i]}": "RA", f"d-{keys[(i + 1) % len(keys)]}": "C"}
        if i % 3 == 0:
            raci_row[f"d-{keys[(i + 2) % len(keys)]}"] = "I"
        tasks[f"t-{key}"] = {
            "name": names[key],
            "activity": activities[i % len(activities)],
            "effort_hours": 2,
            "raci": raci_row,
        }
    return raci.Organization.from_data(
        {"organization": names[keys[0]], "departments": departments, "tasks": tasks}, "hostile"
    )


BENIGN = {key: f"Name {i}" for i, key in enumerate(HOSTILE)}


def shape(root: ET.Element) -> dict[str, int]:
    counts: dict[str, int] = {}
    for group in root.iter(f"{SVG}g"):
        for name in ("node", "edge", "cluster"):
            if name in group.get("class", "").split():
                counts[name] = counts.get(name, 0) + 1
    counts["image"] = len(list(root.iter(f"{SVG}image")))
    counts["a"] = len(list(root.iter(f"{SVG}a")))
    return counts


def all_text(root: ET.Element) -> str:
    return " ".join(" ".join(t.itertext()) for t in root.iter(f"{SVG}text"))


def normalised(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(params=["dot", "embedded"])
def engine(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> str:
    if request.param == "embedded":
        monkeypatch.setenv("PATH", str(tmp_path))  # no dot on PATH: the embedded engine draws SVG
    return str(request.param)


@pytest.mark.parametrize("view", list(VIEWS))
def test_hostile_names_add_no_nodes_edges_or_images(view: str, engine: str) -> None:
    hostile, benign = hostile_org(HOSTILE), hostile_org(BENIGN)
    hostile_svg = ET.fromstring(render(hostile, raci.check(hostile), view=view, format="svg"))
    benign_svg = ET.fromstring(render(benign, raci.check(benign), view=view, format="svg"))
    assert shape(hostile_svg) == shape(benign_svg)
    assert shape(hostile_svg)["image"] == 0
    for title in hostile_svg.iter(f"{SVG}title"):
        # Node ids are synthetic: n0, n1…; edges n0->n1; clusters cluster_f0…; the graph by view.
        synthetic = r"n\d+|n\d+(:[ew])?->n\d+(:[ew])?|cluster_[fa]\d+|%\d+|\w+"
        assert re.fullmatch(synthetic, title.text or ""), title.text


@pytest.mark.parametrize("view", ["gaps", "matrix", "workload"])
def test_hostile_names_render_as_written(view: str, engine: str) -> None:
    org = hostile_org(HOSTILE)
    root = ET.fromstring(render(org, raci.check(org), view=view, format="svg", detail="full"))
    words = normalised(all_text(root))
    for key, name in HOSTILE.items():
        assert normalised(name) in words, (key, name)


def test_tooltips_keep_backslashes_and_quotes_literal(engine: str) -> None:
    org = hostile_org(HOSTILE)
    root = ET.fromstring(render(org, raci.check(org), view="gaps", format="svg", detail="full"))
    titles = [a.get(f"{XLINK}title", "") for a in root.iter(f"{SVG}a")]
    joined = "\n".join(titles)
    assert HOSTILE["escapes"] in joined
    assert HOSTILE["quotes"] in joined
    assert HOSTILE["image"] in joined


def test_dot_source_has_no_raw_user_markup() -> None:
    org = hostile_org(HOSTILE)
    for view in VIEWS:
        source = diagram(org, raci.check(org), view=view, detail="full").source
        # Outside quoted strings (tooltips), no user markup at all: labels carry entities.
        unquoted = re.sub(r'"(?:[^"\\]|\\.)*"', '""', source)
        assert "<IMG" not in unquoted and "<U>" not in unquoted and "<just" not in unquoted
        # Long names may be wrapped with <BR/> inside the label; the escaped text is what counts.
        unwrapped = re.sub(r"<BR[^>]*/>", "", source)
        assert "&lt;IMG SRC=&quot;/etc/hostname&quot;/&gt;" in unwrapped or view == "ownership"
        # Every statement names synthetic nodes only.
        for line in source.splitlines():
            statement = line.strip()
            if statement.startswith("n") and "->" in statement.split("[")[0]:
                assert re.match(r"n\d+ -> n\d+( \[|$)", statement), statement


def test_html_text_escapes_markup_and_backslashes() -> None:
    assert html_text('<a href="x">&\\N') == "&lt;a href=&quot;x&quot;&gt;&amp;\\\\N"
    assert html_text("a\nb") == "a b"
    assert html_text("") == "&#160;"  # an empty <B></B> is a syntax error in Graphviz
    assert html_text("   ") == "&#160;"
    assert html_text("nul\x00 bidi\u202e") == "nul bidi"


def test_dot_string_is_never_html_and_escapes_backslashes() -> None:
    import graphviz

    value = dot_string("<b>x</b> \\N")
    graph = graphviz.Digraph()
    graph.node("n0", tooltip=value)
    assert 'tooltip="<b>x</b> \\\\\\\\N"' in graph.source


def test_wrap_and_lines() -> None:
    assert wrap("one two three four", 9) == ["one two", "three", "four"]
    assert wrap("a " * 100, 10, max_lines=2)[-1].endswith("…")
    assert html_lines("x<y\nz", 20) == 'x&lt;y<BR ALIGN="CENTER"/>z'


def test_node_ids_are_synthetic_and_stable() -> None:
    ids = NodeIds()
    assert [ids("b"), ids("a"), ids("b"), ids(("task", "x"))] == ["n0", "n1", "n0", "n2"]
    assert "a" in ids and "zzz" not in ids
