"""The hand-offs view, drawn by the real `dot`: it fits a 16:9 slide, weighs lines by tasks
counted by hand, and draws each missing hand-off and island as one element of class `gap`."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from functools import cache

import pytest

import raci
from raci.diagrams import render
from raci.diagrams.fit import MAX_LINES, measure_svg
from raci.diagrams.handoffs_view import LINE_BUDGET

from . import orgs
from .conftest import EXAMPLES, ROOT, needs_dot, run_subprocess

SVG = "{http://www.w3.org/2000/svg}"
TEMPLATES = ROOT / "raci" / "templates"
SIZES = [(10, 30), (15, 60)]

#: Known gaps: Listen and Trends (both owned by Brand) never reach Care, which answers
#: (one SOC106 line, two tasks); Incidents reaches neither Care nor Shop (two SOC302 lines);
#: People and IT, and Warehouse alone, are islands (two boxes). Five gap elements.
KNOWN_GAPS = """\
organization: Known Gaps Ltd
departments:
  brand: {name: Brand, function: marketing}
  care: {name: Care, function: support}
  comms: {name: Comms, function: comms}
  shop: {name: Shop, function: sales}
  people: {name: People, function: hr}
  it: {name: IT, function: other}
  warehouse: {name: Warehouse, function: other}
tasks:
  listen: {activity: monitor, effort_hours: 1, raci: {brand: RA, comms: I}}
  trends: {activity: monitor, effort_hours: 1, raci: {brand: RA}}
  answer: {activity: respond, effort_hours: 1, raci: {care: RA, brand: I, shop: C}}
  incidents: {activity: recover, effort_hours: 1, raci: {comms: RA, brand: C}}
  payroll: {activity: other, effort_hours: 1, raci: {people: RA, it: C}}
  stock: {activity: other, effort_hours: 1, raci: {warehouse: RA}}
"""


@cache
def svg_of(text: str, name: str = "org.yaml") -> bytes:
    org = raci.loads(text, name)
    return render(org, raci.check(org), view="handoffs", format="svg")


def gap_elements(svg: bytes) -> list[tuple[str, str]]:
    """(class, title text) of every element of class gap."""
    root = ET.fromstring(svg)
    found = []
    for group in root.iter(f"{SVG}g"):
        classes = (group.get("class") or "").split()
        if "gap" in classes:
            title = group.find(f"{SVG}title")
            found.append((" ".join(classes), "" if title is None else (title.text or "")))
    return found


def _cases() -> list[tuple[str, str]]:
    cases = [(f"generated {d}x{t}", orgs.generate(d, t)) for d, t in SIZES]
    for path in [*sorted(EXAMPLES.glob("*.yaml")), *sorted(TEMPLATES.glob("*.yaml"))]:
        cases.append((path.name, path.read_text(encoding="utf-8")))
    cases.append(("known gaps", KNOWN_GAPS))
    return cases


@pytest.mark.parametrize(("name", "text"), _cases(), ids=[name for name, _ in _cases()])
def test_the_view_fits_a_slide(name: str, text: str) -> None:
    fit = measure_svg(svg_of(text))
    assert fit.problems() == [], name
    assert 1.2 <= fit.aspect <= 2.6 and fit.lines <= MAX_LINES and fit.smallest_text_px >= 11


def test_known_gaps_are_five_gap_elements() -> None:
    gaps = gap_elements(svg_of(KNOWN_GAPS))
    classes = sorted(cls for cls, _ in gaps)
    assert classes == [
        "cluster gap RACI008",
        "cluster gap RACI008",
        "edge gap SOC106",
        "edge gap SOC302",
        "edge gap SOC302",
    ]
    svg = svg_of(KNOWN_GAPS).decode()
    (line,) = [g for g in ET.fromstring(svg).iter(f"{SVG}g") if "SOC106" in (g.get("class") or "")]
    # one SOC106 line names both monitor tasks (by name; these have none but their ids)
    assert [t.text for t in line.iter(f"{SVG}text")] == ["SOC106", "listen", "trends"]
    assert svg.count("information island<") == 3  # two boxes and the legend


def test_each_fixed_gap_removes_its_element() -> None:
    """The other side of the count: fixing one gap of each kind takes one element away."""
    fixed = (
        KNOWN_GAPS.replace("{brand: RA, comms: I}}", "{brand: RA, comms: I, care: I}}")
        .replace("{comms: RA, brand: C}}", "{comms: RA, brand: C, shop: I}}")
        .replace("{warehouse: RA}}", "{warehouse: RA, brand: I}}")
    )
    classes = sorted(cls for cls, _ in gap_elements(svg_of(fixed)))
    # trends still misses care; incidents still misses care; People and IT still an island.
    assert classes == ["cluster gap RACI008", "edge gap SOC106", "edge gap SOC302"]


@pytest.mark.parametrize(
    "path", sorted(p for p in EXAMPLES.glob("*.yaml") if p.name != "polska-firma.yaml"), ids=lambda p: p.name
)
def test_bundled_examples_have_no_hand_off_gaps(path) -> None:  # type: ignore[no-untyped-def]
    # Departments' own gaps (idle, overloaded) are boxed red; no line or island is a gap.
    gaps = gap_elements(svg_of(path.read_text(encoding="utf-8"), path.name))
    assert [cls for cls, _ in gaps if not cls.startswith("node department")] == []


def test_the_polish_example_shows_its_hand_off_gaps() -> None:
    # Its story: Kadry and Dział Prawny work only with each other (one island), and the
    # crisis task does not reach Sprzedaż hurtowa (one missing line); marketing is overloaded
    # and Księgowość idle (two departments boxed).
    path = EXAMPLES / "polska-firma.yaml"
    gaps = gap_elements(svg_of(path.read_text(encoding="utf-8"), path.name))
    assert sorted(cls for cls, _ in gaps) == [
        "cluster gap RACI008",
        "edge gap SOC302",
        "node department gap RACI006",
        "node department idle gap RACI003",
    ]


def test_line_weight_is_the_number_of_tasks_counted_by_hand() -> None:
    svg = svg_of((EXAMPLES / "shared-ownership.yaml").read_text(encoding="utf-8")).decode()
    # Brand Marketing and Customer Support hand off on social-listening, publish-calendar,
    # answer-complaints, answer-questions, incident-response, quarterly-value-review and
    # yearly-strategy (social-selling is owned by Sales): 7 tasks.
    match = re.search(
        r'<g id="[^"]*" class="edge handoff">\s*<title>n0&#45;&gt;n\d+</title>\s*'
        r'<g id="[^"]*"><a xlink:title="Brand Marketing and Customer Support share 7 tasks: '
        r"Listen to mentions, reviews and trends, Publish the content calendar, Answer complaints "
        r"in public and take them to DM, Answer product and order questions, Own and fix public "
        r"mistakes openly, Review community growth, trust and revenue each quarter, Yearly social "
        r"media strategy and budget",
        svg,
    )
    assert match, "Brand-Support line"
    widths = [float(w) for w in re.findall(r'stroke-width="([\d.]+)"', svg)]
    assert max(widths) == pytest.approx(7.0)  # the heaviest pair gets the thickest line


def test_a_busy_org_draws_the_heaviest_hand_offs_and_says_what_it_left_out() -> None:
    svg = svg_of(orgs.generate(15, 60))
    fit = measure_svg(svg)
    assert fit.lines == LINE_BUDGET
    assert re.search(r"\d+ lighter hand&#45;offs \(\d+ tasks? or fewer each\) not drawn", svg.decode())


def test_output_is_byte_identical_run_to_run() -> None:
    org = raci.loads(orgs.generate(10, 30))
    first = render(org, raci.check(org), view="handoffs", format="svg")
    again = raci.loads(orgs.generate(10, 30))
    assert render(again, raci.check(again), view="handoffs", format="svg") == first


@needs_dot
def test_cli_draws_the_view(tmp_path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "handoffs.png"
    done = run_subprocess(
        "render", str(EXAMPLES / "shared-ownership.yaml"), "--view", "handoffs", "-o", str(out)
    )
    assert done.code == 0, done.stderr
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "handoffs view" in done.stderr


def test_a_rule_turned_off_draws_no_gap() -> None:
    org = raci.loads(KNOWN_GAPS, "org.yaml")
    svg = render(org, raci.check(org, raci.Config(ignore=("RACI008",))), view="handoffs", format="svg")
    classes = sorted(cls for cls, _ in gap_elements(svg))
    assert classes == ["edge gap SOC106", "edge gap SOC302", "edge gap SOC302"]
