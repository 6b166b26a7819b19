"""What the views mark and where: waived findings drawn as waived, a missing Accountable's cell,
finding notes nothing covers, hand-off labels and legends (the SVG read back)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any

import yaml

import raci
from raci.diagrams import render
from raci.diagrams.engine import RenderLimits

from .conftest import EXAMPLES

SVG = "{http://www.w3.org/2000/svg}"
CLASSIC = EXAMPLES / "classic-raci-mistakes.yaml"
GAP = "#c62828"
UNHURRIED = RenderLimits(timeout_seconds=900)


def svg(data: dict[str, Any], view: str) -> ET.Element:
    org = raci.Organization.from_data(data)
    return ET.fromstring(render(org, raci.check(org), view=view, format="svg", limits=UNHURRIED))


def classic() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(CLASSIC.read_text(encoding="utf-8"))
    return data


def nodes(root: ET.Element) -> list[ET.Element]:
    return [g for g in root.iter(f"{SVG}g") if "node" in g.get("class", "").split()]


def node_with(root: ET.Element, text: str) -> ET.Element:
    found = [g for g in nodes(root) if text in texts(g)]
    assert len(found) == 1, [texts(g) for g in found]
    return found[0]


def texts(element: ET.Element) -> str:
    return " ".join(" ".join(t.itertext()) for t in element.iter(f"{SVG}text"))


def fills(element: ET.Element) -> set[str]:
    return {p.get("fill", "") for p in element.iter(f"{SVG}polygon")}


def points(polygon: ET.Element) -> list[tuple[float, float]]:
    pairs = (p.split(",") for p in polygon.get("points", "").split())
    return [(float(x), float(y)) for x, y in pairs]


def overloaded_department() -> str:
    data = classic()
    (dept,) = [d for d, v in data["departments"].items() if v.get("name") == "Customer Success"]
    return str(dept)


def test_a_waived_overload_is_drawn_waived_not_red() -> None:
    data = classic()
    data["departments"][overloaded_department()]["waive"] = {"RACI006": "seasonal peak"}
    root = svg(data, "workload")
    row = node_with(root, "Customer Success")
    assert "waived" in row.get("class", "").split() and "gap" not in row.get("class", "").split()
    assert GAP not in fills(row)
    assert all(t.get("fill") != GAP for t in row.iter(f"{SVG}text"))
    assert "waived: RACI006 over capacity: 51.25 h of 40 h" in texts(row)
    assert "past capacity, waived" in texts(root)
    # Without the waiver the same row is a red gap.
    row = node_with(svg(classic(), "workload"), "Customer Success")
    assert "gap" in row.get("class", "").split() and GAP in fills(row)
    assert "waived" not in texts(row)


def test_a_workload_note_sits_below_the_bar() -> None:
    row = node_with(svg(classic(), "workload"), "Customer Success")
    (note,) = [t for t in row.iter(f"{SVG}text") if "RACI006" in "".join(t.itertext())]
    bars = [p for p in row.iter(f"{SVG}polygon") if p.get("fill") in {GAP, "#4a90d9"}]
    assert bars
    bar_bottom = max(y for p in bars for _, y in points(p))
    # The note's top (its baseline less a 9 pt font's height) is below every bar.
    assert float(note.get("y", "0")) - 9 > bar_bottom


def test_a_task_with_no_accountable_gets_a_red_cell_where_the_a_belongs() -> None:
    root = svg(classic(), "matrix")
    row = node_with(root, "Promote webinars")
    assert "RACI001" in row.get("class", "").split()
    # Its one Responsible (marketing) is the cell that should hold the A, drawn red.
    red = [p for p in row.iter(f"{SVG}polygon") if p.get("fill") == "none" and p.get("stroke") == GAP]
    assert len(red) == 1
    assert "+A" in texts(row)


def test_a_task_with_neither_r_nor_a_says_what_its_cell_lacks() -> None:
    data = classic()
    data["tasks"]["only-consulted"] = {"activity": "publish", "raci": {"marketing": "C"}}
    row = node_with(svg(data, "matrix"), "only-consulted")
    # RACI002 has no Accountable's cell to mark; RACI001 marks the one department.
    assert "+A" in texts(row) and {"RACI001", "RACI002"} <= set(row.get("class", "").split())


CRISIS = """\
organization: Crisis Ltd
departments:
  comms: {name: Comms, function: comms}
  care: {name: Care, function: support}
  brand: {name: Brand, function: marketing}
  spare: {name: Spare Room, function: other}
tasks:
  t20: {name: Reakcja na kryzys w mediach społecznościowych, activity: recover, raci: {comms: RA, brand: C}}
  t09: {name: Przeprosiny i korekty, activity: recover, raci: {comms: RA, brand: I}}
  answer: {name: Answer, activity: respond, raci: {care: RA, brand: I, comms: I}}
  posts: {name: Posts, activity: publish, raci: {brand: RA, care: I}}
"""


def test_missing_hand_offs_name_their_tasks_by_name_shortened() -> None:
    root = svg(yaml.safe_load(CRISIS), "handoffs")
    (line,) = [g for g in root.iter(f"{SVG}g") if "SOC302" in g.get("class", "").split()]
    words = [t.text for t in line.iter(f"{SVG}text")]
    assert words[0] == "SOC302"
    assert set(words[1:]) == {"Reakcja na kryzys w med…", "Przeprosiny i korekty"}
    assert "t20" not in texts(root) and "t09" not in texts(root)


def test_an_idle_department_is_red_like_every_gap_and_tooltips_count_tasks() -> None:
    root = svg(yaml.safe_load(CRISIS), "handoffs")
    assert "red marks each gap" in texts(root)
    idle = node_with(root, "Spare Room")
    assert {"gap", "RACI003", "idle"} <= set(idle.get("class", "").split())
    assert any(p.get("stroke") == GAP for p in idle.iter(f"{SVG}path"))
    assert "RACI003 idle: holds no letter" in texts(idle)
    titles = [a.get("{http://www.w3.org/1999/xlink}title", "") for a in root.iter(f"{SVG}a")]
    # comms and brand share t20 and t09; care and brand share answer and posts; comms, care: 1
    assert (
        "Comms and Brand share 2 tasks: Reakcja na kryzys w mediach społecznościowych, Przeprosiny i korekty"
        in titles
    )
    assert "Care and Comms share 1 task: Answer" in titles or "Comms and Care share 1 task: Answer" in titles


def test_a_count_sits_next_to_its_own_line() -> None:
    root = svg(classic(), "handoffs")
    counted = [g for g in root.iter(f"{SVG}g") if "handoff" in g.get("class", "").split() and texts(g)]
    assert counted
    for edge in counted:
        (text,) = list(edge.iter(f"{SVG}text"))
        x, y = float(text.get("x", "0")), float(text.get("y", "0"))
        curve = on_curve(next(edge.iter(f"{SVG}path")).get("d", ""))
        # The number's anchor (its baseline's middle) is within 25 px of its line.
        assert min(((x - px) ** 2 + (y - py) ** 2) ** 0.5 for px, py in curve) < 25, texts(edge)


def on_curve(d: str) -> list[tuple[float, float]]:
    """Points along a Graphviz edge path ("M x,y C x,y x,y x,y ..."): cubic Béziers, sampled."""
    coords = [tuple(map(float, pair.split(","))) for pair in d.replace("M", " ").replace("C", " ").split()]
    found = []
    for start in range(0, len(coords) - 3, 3):
        (x0, y0), (x1, y1), (x2, y2), (x3, y3) = coords[start : start + 4]
        for step in range(21):
            t = step / 20
            a, b, c, e = (1 - t) ** 3, 3 * (1 - t) ** 2 * t, 3 * (1 - t) * t**2, t**3
            found.append((a * x0 + b * x1 + c * x2 + e * x3, a * y0 + b * y1 + c * y2 + e * y3))
    return found


def legend_gap(root: ET.Element, words: str) -> float:
    """Pixels between the right edge of the legend's red gap swatch and the start of its text."""
    graph = next(g for g in root.iter(f"{SVG}g") if g.get("class") == "graph")
    (text,) = [t for t in graph.findall(f"{SVG}text") if words in "".join(t.itertext())]
    swatches = [
        shape
        for shape in graph.findall(f"{SVG}path") + graph.findall(f"{SVG}polygon")
        if shape.get("fill") == "#fdecea"  # the swatch's fill (its red outline is a path of its own)
    ]
    assert swatches
    numbers = " ".join(s.get("d", s.get("points", "")) for s in swatches).replace(",", " ")
    xs = [float(n) for n in numbers.replace("M", " ").replace("C", " ").replace("Z", " ").split()[0::2]]
    return float(text.get("x", "0")) - max(xs)


def test_the_red_legend_swatches_sit_next_to_their_text() -> None:
    assert 0 < legend_gap(svg(classic(), "matrix"), "a cell a finding points at") < 20
    marketing = yaml.safe_load((EXAMPLES / "marketing-owns-everything.yaml").read_text(encoding="utf-8"))
    assert 0 < legend_gap(svg(marketing, "ownership"), "required but empty") < 20


def test_the_matrix_says_waived_findings_in_a_neutral_colour() -> None:
    from .test_waivers import ORG

    root = svg(yaml.safe_load(ORG), "matrix")
    row = node_with(root, "dms")
    assert "SOC102  waived: customer service should be R" in texts(row)  # code and note: two texts
    assert "SOC104  waived" in texts(row)
    assert all(t.get("fill") != GAP for t in row.iter(f"{SVG}text"))
    assert "gap" not in row.get("class", "").split()
    header = node_with(root, "Findings")
    assert "RACI003 waived" in texts(header)


def test_a_big_matrix_is_split_into_landscape_pages_holding_every_task_once() -> None:
    from raci.diagrams import render_pages
    from raci.diagrams.matrix_view import PAGE_TASKS

    from . import orgs

    org = raci.loads(orgs.generate(12, 40), "org.yaml")
    pages = render_pages(org, raci.check(org), view="matrix", format="svg", limits=UNHURRIED)
    assert len(pages) == -(-len(org.tasks) // PAGE_TASKS) == 3
    seen: list[str] = []
    for number, page in enumerate(pages, 1):
        root = ET.fromstring(page)
        assert f"page {number} of 3" in texts(root)
        width, height = (float(root.get(side, "0").removesuffix("pt")) for side in ("width", "height"))
        assert width / height > 1.3  # landscape, not the one tall portrait
        rows = [g for g in nodes(root) if "Findings" not in texts(g)]
        seen.extend(
            org.task_label(t)
            for t in org.tasks
            if any(
                texts(g).startswith(org.task_label(t) + " ") or texts(g) == org.task_label(t) for g in rows
            )
        )
    assert sorted(seen) == sorted(org.task_label(t) for t in org.tasks)
