"""Every view of every bundled example, in every format, drawn by the real Graphviz `dot`.

SVG is parsed as XML and searched for the gap elements the known findings must produce;
PNG and PDF are checked by their signatures; the same input must give the same bytes.
"""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path
from typing import Any

import pytest

import raci
from raci.diagrams import FORMATS, VIEWS, diagram
from raci.diagrams import render as render_within_limits
from raci.diagrams.engine import RenderLimits

from .conftest import EXAMPLES, ROOT, format_params, needs_dot

SVG = "{http://www.w3.org/2000/svg}"
CLASSIC = EXAMPLES / "classic-raci-mistakes.yaml"
MARKETING = EXAMPLES / "marketing-owns-everything.yaml"
SHARED = EXAMPLES / "shared-ownership.yaml"
EXAMPLE_FILES = sorted(EXAMPLES.glob("*.yaml"))
# These tests check pictures, not limits: a wall clock of 30 s failed a PNG now and then on
# a loaded machine. The limits have their own tests (test_render_engine, test_engine_lifetime).
UNHURRIED = RenderLimits(timeout_seconds=900)


def render(org: raci.Organization, result: raci.CheckResult, **options: Any) -> bytes:
    return render_within_limits(org, result, limits=UNHURRIED, **options)


@cache
def loaded(path: Path) -> tuple[raci.Organization, raci.CheckResult]:
    org = raci.load(path)
    return org, raci.check(org)


@cache
def svg_of(path: Path, view: str, **options: str) -> ET.Element:
    org, result = loaded(path)
    return ET.fromstring(render(org, result, view=view, format="svg", **options))


def classes(element: ET.Element) -> list[str]:
    return element.get("class", "").split()


def gap_elements(root: ET.Element, code: str | None = None, kind: str | None = None) -> list[ET.Element]:
    found = []
    for element in root.iter(f"{SVG}g"):
        names = classes(element)
        if "gap" in names and (code is None or code in names) and (kind is None or kind in names):
            found.append(element)
    return found


def first(element: ET.Element, tag: str) -> ET.Element | None:
    """The first descendant SVG element ``tag`` (shapes sit inside a tooltip's <a>)."""
    return next(element.iter(f"{SVG}{tag}"), None)


def texts(element: ET.Element) -> str:
    return " ".join(" ".join(t.itertext()) for t in element.iter(f"{SVG}text"))


@needs_dot
def test_dot_is_the_engine_here() -> None:
    """CI installs Debian's graphviz; these tests mean to exercise the real `dot`."""
    from raci.diagrams.engine import find_engine

    assert find_engine("png").name == "dot"


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.stem)
@pytest.mark.parametrize("view", list(VIEWS))
@pytest.mark.parametrize("output_format", format_params(FORMATS))
def test_every_view_renders_in_every_format(path: Path, view: str, output_format: str) -> None:
    org, result = loaded(path)
    data = render(org, result, view=view, format=output_format)
    if output_format == "png":
        assert data.startswith(b"\x89PNG\r\n\x1a\n")
    elif output_format == "pdf":
        assert data.startswith(b"%PDF-")
        assert data.rstrip().endswith(b"%%EOF")
    elif output_format == "svg":
        root = ET.fromstring(data)
        assert root.tag == f"{SVG}svg"
        assert org.organization in texts(root)
    else:
        text = data.decode("utf-8")
        assert text.startswith(f"digraph {view} {{")
        assert text.rstrip().endswith("}")


@pytest.mark.parametrize("view", list(VIEWS))
@pytest.mark.parametrize("output_format", format_params(FORMATS))
def test_same_input_gives_identical_bytes(view: str, output_format: str) -> None:
    org, result = loaded(CLASSIC)
    first = render(org, result, view=view, format=output_format)
    again = raci.load(CLASSIC)
    assert render(again, raci.check(again), view=view, format=output_format) == first


def test_identical_across_processes_with_different_hash_seeds(tmp_path: Path) -> None:
    script = (
        "import sys, raci\n"
        "org = raci.load(sys.argv[1])\n"
        "sys.stdout.buffer.write(b''.join(raci.render(raci.check(org), view=v, format='svg') "
        "for v in ('gaps', 'ownership', 'matrix', 'workload')))\n"
    )
    outputs = set()
    for seed in ("1", "2", "3"):
        completed = subprocess.run(
            [sys.executable, "-c", script, str(MARKETING)],
            capture_output=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
            cwd=ROOT,
        )
        outputs.add(completed.stdout)
    assert len(outputs) == 1


# --- the gaps view draws each known gap where it is ----------------------------------------
# (the full drawing; the default focus view has tests of its own in test_gaps_slides.py)


def test_gaps_view_marks_every_classic_mistake() -> None:
    root = svg_of(CLASSIC, "gaps")
    expected = {
        "RACI001": 2,  # two Accountable on the launch posts, none on the webinar
        "RACI002": 1,
        "RACI003": 1,
        "RACI004": 1,
        "RACI005": 1,
        "RACI006": 1,
        "RACI007": 1,
    }
    for code, count in expected.items():
        nodes = gap_elements(root, code, "node")
        assert len(nodes) == count, code
    overloaded = gap_elements(root, "RACI006", "node")[0]
    assert "Customer Success" in texts(overloaded)
    assert "51.25 h of 40 h" in texts(overloaded)
    outlines = [*overloaded.iter(f"{SVG}path"), *overloaded.iter(f"{SVG}polygon")]
    assert any(shape.get("stroke") == "#c62828" for shape in outlines)


def test_gaps_view_draws_missing_owners_as_red_dashed_edges() -> None:
    root = svg_of(MARKETING, "gaps", detail="full")
    edges = gap_elements(root, kind="edge")
    # customer service -> respond, sales -> sell, PR -> (no) recover task
    assert len(edges) == 3
    for edge in edges:
        path = first(edge, "path")
        assert path is not None
        assert path.get("stroke") == "#c62828"
        assert path.get("stroke-dasharray")
    codes = [set(classes(edge)) for edge in edges]
    assert any({"SOC102", "SOC103", "SOC104"} <= c for c in codes)
    assert any({"SOC103", "SOC301"} <= c for c in codes)
    placeholders = gap_elements(root, kind="node")
    missing = [texts(n) for n in placeholders if "SOC402" in classes(n) or "SOC301" in classes(n)]
    assert "no select task" in missing and "no promote task" in missing and "no recover task" in missing
    respond = [n for n in placeholders if "SOC102" in classes(n)]
    assert len(respond) == 1 and "Answer comments" in texts(respond[0])


def test_gaps_view_of_a_clean_org_has_no_gap_elements() -> None:
    root = svg_of(SHARED, "gaps", detail="full")
    assert gap_elements(root) == []
    assert "no gaps: every rule passes" in texts(root)
    assert len([g for g in root.iter(f"{SVG}g") if "edge" in classes(g)]) == sum(
        len(task.raci) for task in loaded(SHARED)[0].tasks.values()
    )


def test_edges_are_styled_by_letter() -> None:
    root = svg_of(CLASSIC, "gaps", detail="full")
    styles = {}
    for edge in root.iter(f"{SVG}g"):
        names = classes(edge)
        letter = next((n for n in names if n.startswith("letter-")), None)
        if letter and "edge" in names:
            path = first(edge, "path")
            assert path is not None
            styles.setdefault(letter, set()).add((path.get("stroke-dasharray"), path.get("stroke-width")))
    assert set(styles) == {"letter-A", "letter-R", "letter-C", "letter-I"}
    assert {dash for dash, _ in styles["letter-A"]} == {None}
    assert {dash for dash, _ in styles["letter-R"]} == {None}
    assert {dash for dash, _ in styles["letter-C"]} == {"5,2"}
    assert {dash for dash, _ in styles["letter-I"]} == {"1,5"}
    widths_a = {float(width or 1) for _, width in styles["letter-A"]}
    widths_r = {float(width or 1) for _, width in styles["letter-R"]}
    assert min(widths_a) > max(widths_r)


def test_legend_and_title_are_in_the_picture() -> None:
    words = texts(svg_of(CLASSIC, "gaps", detail="full"))
    for phrase in ("Lumen Software", "accountable", "responsible", "consulted", "informed", "missing owner"):
        assert phrase in words


# --- other views ---------------------------------------------------------------------------


def test_ownership_view_marks_empty_required_cells_and_principles() -> None:
    root = svg_of(MARKETING, "ownership")
    gaps = gap_elements(root, kind="node")
    found = {frozenset(classes(g)) - {"node", "gap"} for g in gaps}
    assert frozenset({"SOC102", "SOC103", "SOC104"}) in found  # customer service x respond
    assert frozenset({"SOC103", "SOC104"}) in found  # sales x sell
    assert frozenset({"SOC103", "SOC301"}) in found  # PR x recover
    panel = next(g for g in root.iter(f"{SVG}g") if "principles" in classes(g))
    assert texts(panel).count("FAIL") == 5
    clean = svg_of(SHARED, "ownership")
    assert gap_elements(clean) == []
    assert texts(next(g for g in clean.iter(f"{SVG}g") if "principles" in classes(g))).count("PASS") == 5


def test_ownership_grid_has_one_cell_per_function_and_activity() -> None:
    _, result = loaded(CLASSIC)
    root = svg_of(CLASSIC, "ownership")
    cells = [g for g in root.iter(f"{SVG}g") if "cell" in classes(g) or "gap" in classes(g)]
    assert len(cells) == len(result.scorecard.functions) * len(result.scorecard.activities)


def test_matrix_view_highlights_violations_in_their_rows() -> None:
    root = svg_of(CLASSIC, "matrix")
    rows = {code: gap_elements(root, code, "node") for code in ("RACI001", "RACI002", "RACI004", "RACI005")}
    assert len(rows["RACI001"]) == 2
    assert "Write and publish product" in " ".join(texts(r) for r in rows["RACI001"])
    assert len(rows["RACI004"]) == 1 and "community forum" in texts(rows["RACI004"][0])
    header = gap_elements(root, "RACI006", "node")
    assert len(header) == 1 and "RACI003" in classes(header[0])
    # the four R cells of the community forum are drawn red
    red_cells = [
        p for p in rows["RACI004"][0].iter(f"{SVG}polygon") if p.get("fill") == "#fdecea" and p.get("stroke")
    ]
    assert len(red_cells) >= 4


def test_workload_view_flags_the_overloaded_department() -> None:
    root = svg_of(CLASSIC, "workload")
    overloaded = gap_elements(root, "RACI006", "node")
    assert len(overloaded) == 1
    assert "Customer Success" in texts(overloaded[0]) and "51.25 h of 40 h" in texts(overloaded[0])
    assert any(p.get("fill") == "#c62828" for p in overloaded[0].iter(f"{SVG}polygon"))
    idle = gap_elements(root, "RACI003", "node")
    assert len(idle) == 1 and "Partnerships" in texts(idle[0])


# --- scale ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def big_org() -> tuple[raci.Organization, raci.CheckResult]:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from generate_org import generate
    finally:
        sys.path.pop(0)
    org = raci.loads(generate(40, 400, 6, 7), "synthetic.yaml")
    return org, raci.check(org)


def test_a_large_gaps_diagram_is_summed_up_and_says_so(
    big_org: tuple[raci.Organization, raci.CheckResult],
) -> None:
    org, result = big_org
    root = ET.fromstring(render(org, result, view="gaps", format="svg"))
    words = texts(root)
    assert "Too many to draw one by one" in words
    assert "40 departments" in words and "400 tasks" in words
    nodes = [g for g in root.iter(f"{SVG}g") if "node" in classes(g)]
    assert len(nodes) < 120  # a grid of functions x activities, not 440 boxes
    assert gap_elements(root, "SOC102")  # the gaps survive the summing up
    assert gap_elements(root, "RACI006")


def test_one_activity_of_a_large_org_can_be_drawn_in_full(
    big_org: tuple[raci.Organization, raci.CheckResult],
) -> None:
    org, result = big_org
    graph = diagram(org, result, view="gaps", detail="full", activities=["complaints"])
    respond = result.graph.tasks_by_activity[raci.Activity.RESPOND]
    assert graph.source.count("class=task") + graph.source.count('class="gap') >= len(respond)
    root = ET.fromstring(
        render(org, result, view="gaps", format="svg", detail="full", activities=["respond"])
    )
    assert "Only respond tasks are drawn." in texts(root)


def test_a_large_matrix_keeps_the_rows_with_findings(
    big_org: tuple[raci.Organization, raci.CheckResult],
) -> None:
    org, result = big_org
    root = ET.fromstring(render(org, result, view="matrix", format="svg"))
    assert "too many for one matrix" in texts(root)


def test_unknown_view_detail_or_activity_is_a_value_error() -> None:
    org, result = loaded(CLASSIC)
    with pytest.raises(ValueError, match="unknown view"):
        diagram(org, result, view="pie")
    with pytest.raises(ValueError, match="detail"):
        diagram(org, result, detail="some")
    with pytest.raises(ValueError, match="unknown activity"):
        diagram(org, result, activities=["juggling"])
    with pytest.raises(ValueError, match="unknown format"):
        render(org, result, format="jpeg")


def test_the_api_is_lazy_and_exported() -> None:
    code = (
        "import sys, raci\n"
        "raci.check(raci.load(sys.argv[1]))\n"
        "assert 'graphviz' not in sys.modules, 'import raci pulled in graphviz'\n"
        "assert 'raci.render' not in sys.modules\n"
        "org = raci.load(sys.argv[1])\n"
        "assert raci.render(raci.check(org), view='gaps', format='dot').startswith(b'digraph')\n"
        "import raci.diagrams.engine\n"
        "assert raci.render(org, None, format='dot').startswith(b'digraph')\n"
        "assert type(raci.diagram(org)).__name__ == 'Digraph'\n"
    )
    subprocess.run([sys.executable, "-c", code, str(CLASSIC)], check=True, cwd=ROOT)


DEGENERATE = {
    "empty": "organization: Empty Co\n",
    "departments only": "organization: D\ndepartments:\n  a: {function: legal}\n",
    "tasks only": "organization: T\ntasks:\n  t: {activity: respond, effort_hours: 1}\n",
    "no pr or sales": (
        "organization: Tiny\n"
        "departments:\n  mkt: {name: Marketing, function: marketing, capacity_hours: 10}\n"
        "  help: {function: support}\n"
        "tasks:\n  posts: {activity: publish, effort_hours: 12, raci: {mkt: RA}}\n"
        "  replies: {activity: respond, raci: {mkt: RA, help: I}}\n"
        "  orphan: {name: '  ', activity: discover}\n"
    ),
}


@pytest.mark.parametrize("name", list(DEGENERATE))
@pytest.mark.parametrize("view", list(VIEWS))
@pytest.mark.parametrize("detail", ["full", "summary"])
def test_degenerate_organisations_render(name: str, view: str, detail: str) -> None:
    org = raci.loads(DEGENERATE[name], f"{name}.yaml")
    root = ET.fromstring(render(org, raci.check(org), view=view, format="svg", detail=detail))
    assert org.organization in texts(root)


def test_a_function_without_departments_is_drawn_as_a_placeholder() -> None:
    org = raci.loads(DEGENERATE["no pr or sales"], "tiny.yaml")
    root = ET.fromstring(render(org, raci.check(org), view="gaps", format="svg", detail="full"))
    placeholders = " ".join(texts(g) for g in gap_elements(root, kind="node"))
    assert "no PR department" in placeholders and "no sales department" in placeholders
    assert len(gap_elements(root, "SOC103", "edge")) == 3
