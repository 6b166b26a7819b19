"""The slide-fit measure itself, on SVG written by hand (the views' tests use it on real ones)."""

from __future__ import annotations

from raci.diagrams.fit import MAX_LINES, measure_svg

_HEAD = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="{w}pt" height="{h}pt" viewBox="0 0 {w} {h}">'
    '<g id="graph0" class="graph">'
)


def _svg(width: float, height: float, body: str) -> str:
    return _HEAD.format(w=width, h=height) + body + "</g></svg>"


def _edge(n: int, d: str) -> str:
    return f'<g id="edge{n}" class="edge"><path d="{d}"/></g>'


def _text(x: float, y: float, words: str, size: float = 14) -> str:
    return f'<g id="node{x}{y}" class="node"><text x="{x}" y="{y}" font-size="{size}">{words}</text></g>'


def test_a_wide_picture_with_large_text_fits() -> None:
    fit = measure_svg(
        _svg(1600, 900, _text(10, 20, "Marketing", 12) + _edge(1, "M0,100 C50,100 100,100 150,100"))
    )
    assert fit.aspect == 1600 / 900
    assert fit.lines == 1
    # 1600 x 900 scales by 1.2 to fill 1920 x 1080: 12 pt becomes 14.4 px.
    assert abs(fit.smallest_text_px - 14.4) < 1e-9
    assert fit.problems() == []


def test_boundaries_of_aspect_lines_and_text() -> None:
    tall = measure_svg(_svg(1100, 1000, _text(10, 20, "x", 30)))
    assert any("aspect" in p for p in tall.problems())
    edges = "".join(_edge(n, "M0,0 C1,1 2,2 3,3") for n in range(MAX_LINES + 1))
    assert any("lines" in p for p in measure_svg(_svg(1600, 900, edges)).problems())
    assert not any("lines" in p for p in measure_svg(_svg(1600, 900, edges[: edges.rfind("<g")])).problems())
    # 1920 x 1080 is shown at scale 1: 10.9 pt text is too small, 11 pt is just enough.
    assert measure_svg(_svg(1920, 1080, _text(10, 20, "x", 10.9))).problems()
    assert measure_svg(_svg(1920, 1080, _text(10, 20, "x", 11))).problems() == []


def test_text_on_a_line_and_text_on_text_are_found() -> None:
    crossed = measure_svg(
        _svg(1600, 900, _text(100, 100, "should hold R") + _edge(1, "M90,96 C120,96 150,96 200,96"))
    )
    assert crossed.text_on_lines == (("should hold R", "edge1"),)
    piled = measure_svg(_svg(1600, 900, _text(100, 100, "first label") + _text(110, 104, "second label")))
    assert piled.text_on_text == (("first label", "second label"),)
    apart = measure_svg(_svg(1600, 900, _text(100, 100, "first label") + _text(100, 130, "second label")))
    assert apart.problems() == []
