"""Does a drawn picture fit a slide? Measured on the SVG Graphviz wrote.

A facilitator projects a picture on a 16:9 screen and people read it from the back of the
room. This module measures what decides that: the picture's shape (landscape, not too wide),
how many lines it draws, how large its smallest text is once the picture is scaled to fill
the screen, and whether any text sits on a line or on other text. Views use it to decide
when to split a picture into pages; tests use it to hold every view to the bar.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

#: The screen a picture is shown on, in pixels.
SCREEN = (1920, 1080)
#: Landscape, but not a strip: width / height within these.
MIN_ASPECT, MAX_ASPECT = 1.2, 2.6
#: More lines than this and a picture reads as a hairball from the back of a room.
MAX_LINES = 45
#: The smallest text, in screen pixels once the picture fills the screen.
MIN_TEXT_PX = 11.0

#: Average advance of a character in Helvetica-like fonts, as a share of the font size; bold
#: runs a little wider, so the estimate leans wide.
_CHAR_WIDTH = 0.56
_SVG = "{http://www.w3.org/2000/svg}"
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:e-?\d+)?")


@dataclass(frozen=True)
class Box:
    left: float
    top: float
    right: float
    bottom: float

    def overlaps(self, other: Box) -> bool:
        return (
            self.left < other.right
            and other.left < self.right
            and self.top < other.bottom
            and other.top < self.bottom
        )

    def contains(self, x: float, y: float) -> bool:
        return self.left <= x <= self.right and self.top <= y <= self.bottom


@dataclass(frozen=True)
class Text:
    words: str
    size: float
    box: Box
    owner: str


@dataclass(frozen=True)
class SlideFit:
    """What a picture looks like on a 16:9 screen."""

    width: float
    height: float
    lines: int
    smallest_font: float
    #: Text laid on a line: (text, id of the line's edge group).
    text_on_lines: tuple[tuple[str, str], ...] = field(default=())
    #: Pairs of texts laid over each other.
    text_on_text: tuple[tuple[str, str], ...] = field(default=())

    @property
    def aspect(self) -> float:
        return self.width / self.height if self.height else 0.0

    @property
    def scale(self) -> float:
        """How much the picture is enlarged (or shrunk) to fill the screen."""
        if not self.width or not self.height:
            return 0.0
        return min(SCREEN[0] / self.width, SCREEN[1] / self.height)

    @property
    def smallest_text_px(self) -> float:
        return self.smallest_font * self.scale

    def problems(self) -> list[str]:
        """Why the picture does not fit a slide (empty when it does)."""
        found = []
        if not MIN_ASPECT <= self.aspect <= MAX_ASPECT:
            found.append(f"aspect {self.aspect:.2f} is outside {MIN_ASPECT}-{MAX_ASPECT}")
        if self.lines > MAX_LINES:
            found.append(f"{self.lines} lines, more than {MAX_LINES}")
        if self.smallest_text_px < MIN_TEXT_PX:
            found.append(f"smallest text {self.smallest_text_px:.1f} px, under {MIN_TEXT_PX:g} px")
        found.extend(f"text {text!r} lies on line {edge}" for text, edge in self.text_on_lines)
        found.extend(f"text {a!r} lies on text {b!r}" for a, b in self.text_on_text)
        return found


def measure_svg(svg: bytes | str) -> SlideFit:
    """Measure a Graphviz SVG (its own units: points)."""
    root = ET.fromstring(svg.encode("utf-8") if isinstance(svg, str) else svg)
    width, height = _size(root)
    # Graphviz shrinks a drawing past its size attribute with a scale on the outer group.
    scale = _scale(root.find(f"{_SVG}g"))
    texts: list[Text] = []
    paths: list[tuple[str, list[tuple[float, float]]]] = []
    lines = 0
    for group in root.iter(f"{_SVG}g"):
        classes = (group.get("class") or "").split()
        owner = group.get("id") or ""
        if "edge" in classes:
            lines += 1
            for path in group.iter(f"{_SVG}path"):
                paths.append((owner, _points(path.get("d") or "")))
        for text in group.findall(f"{_SVG}text"):
            found = _text(text, owner)
            if found is not None:
                texts.append(found)
    return SlideFit(
        width=width,
        height=height,
        lines=lines,
        smallest_font=min((t.size for t in texts), default=0.0) * scale,
        text_on_lines=_text_on_lines(texts, paths),
        text_on_text=_text_on_text(texts),
    )


def _size(root: ET.Element) -> tuple[float, float]:
    box = (root.get("viewBox") or "").split()
    if len(box) == 4:
        return float(box[2]), float(box[3])
    return _length(root.get("width")), _length(root.get("height"))


def _scale(group: ET.Element | None) -> float:
    match = re.search(r"scale\(\s*([-\d.]+)", group.get("transform") or "") if group is not None else None
    return float(match.group(1)) if match else 1.0


def _length(value: str | None) -> float:
    match = _NUMBER.search(value or "")
    return float(match.group()) if match else 0.0


def _text(element: ET.Element, owner: str) -> Text | None:
    words = "".join(element.itertext()).strip()
    if not words:
        return None
    size = float(element.get("font-size") or 14.0)
    x, y = float(element.get("x") or 0.0), float(element.get("y") or 0.0)
    width = len(words) * size * _CHAR_WIDTH
    anchor = element.get("text-anchor") or "start"
    left = x - width / 2 if anchor == "middle" else x - width if anchor == "end" else x
    # Graphviz's y is the baseline; capitals rise about 0.72 em, descenders drop about 0.2 em.
    return Text(words, size, Box(left, y - 0.72 * size, left + width, y + 0.2 * size), owner)


def _points(d: str) -> list[tuple[float, float]]:
    """Points along a Graphviz path: "M x,y C x1,y1 x2,y2 x3,y3 ..." (cubic Béziers)."""
    numbers = [float(n) for n in _NUMBER.findall(d)]
    coords = list(zip(numbers[0::2], numbers[1::2], strict=False))
    if not coords:
        return []
    points = [coords[0]]
    for start in range(0, len(coords) - 3, 3):
        p0, p1, p2, p3 = coords[start : start + 4]
        for step in range(1, 9):
            t = step / 8
            u = 1 - t
            points.append(
                (
                    u**3 * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t**3 * p3[0],
                    u**3 * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t**3 * p3[1],
                )
            )
    return points


def _text_on_lines(
    texts: list[Text], paths: list[tuple[str, list[tuple[float, float]]]]
) -> tuple[tuple[str, str], ...]:
    found = []
    for text in texts:
        for owner, points in paths:
            if owner != text.owner and any(text.box.contains(x, y) for x, y in points):
                found.append((text.words, owner))
                break
    return tuple(found)


def _text_on_text(texts: list[Text]) -> tuple[tuple[str, str], ...]:
    found = []
    ordered = sorted(texts, key=lambda t: t.box.top)
    for index, text in enumerate(ordered):
        for other in ordered[index + 1 :]:
            if other.box.top >= text.box.bottom:
                break
            if _shrunk(text.box).overlaps(_shrunk(other.box)):
                found.append((text.words, other.words))
    return tuple(found)


def _shrunk(box: Box) -> Box:
    """The ink of a line of text, leaving the estimate's slack at the ends and the leading."""
    inset_x = (box.right - box.left) * 0.06
    inset_y = (box.bottom - box.top) * 0.15
    return Box(box.left + inset_x, box.top + inset_y, box.right - inset_x, box.bottom - inset_y)
