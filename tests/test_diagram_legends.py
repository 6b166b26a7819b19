"""Legends drawn for real: each swatch sits next to its words, and a letter keeps its space.

Graphviz stretches a table to fill its cell, so a legend narrower than the subtitle above it
used to spread its cells and leave each swatch ~60 px from its label. And Graphviz writes
``<B>A</B> word`` as two SVG texts, the second starting with a space a browser drops, so
the letter touched its word ("Arozliczany").
"""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import raci
import raci.diagrams
from raci import i18n

from .conftest import EXAMPLES

SVG = "{http://www.w3.org/2000/svg}"
needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="needs Graphviz's dot")

#: How far a label may start from the right edge of its swatch.
NEAR = 20.0


def _svg(path: Path, view: str, language: str) -> ET.Element:
    org = raci.load(path)
    with i18n.language(language):
        page = raci.diagrams.render_pages(org, view=view, format="svg")[0]
    return ET.fromstring(page)


def _swatch_gaps(root: ET.Element, labels: list[str]) -> dict[str, float]:
    """For each legend label: the distance from the nearest swatch's right edge on its line."""
    texts = [(t.text or "", float(t.get("x", 0)), float(t.get("y", 0))) for t in root.iter(f"{SVG}text")]
    shapes: list[tuple[float, float, float]] = []  # right edge, top, bottom
    for element in root.iter():
        if element.tag not in (f"{SVG}polygon", f"{SVG}path"):
            continue
        numbers = [
            float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", element.get("points") or element.get("d") or "")
        ]
        xs, ys = numbers[0::2], numbers[1::2]
        if xs and max(xs) - min(xs) < 60:  # a swatch, not a band or a node
            shapes.append((max(xs), min(ys), max(ys)))
    gaps = {}
    for label in labels:
        x, y = next((x, y) for text, x, y in texts if text.strip() == label)
        on_line = [x - right for right, top, bottom in shapes if top - 6 <= y <= bottom + 12 and right <= x]
        gaps[label] = min(on_line)
    return gaps


@needs_dot
@pytest.mark.parametrize(
    ("org", "view", "language", "labels"),
    [
        (
            "polska-firma.yaml",
            "workload",
            "pl",
            ["praca R w dostępnym czasie", "wolny czas", "ponad dostępny czas (luka)"],
        ),
        (
            "marketing-owns-everything.yaml",
            "workload",
            "en",
            ["Responsible work within capacity", "capacity left"],
        ),
        (
            "polska-firma.yaml",
            "handoffs",
            "pl",
            ["przekazanie w 1 zadaniu", "wyspa informacyjna", "dział z luką (bez zadań, przeciążony)"],
        ),
    ],
)
def test_each_swatch_sits_next_to_its_label(org: str, view: str, language: str, labels: list[str]) -> None:
    gaps = _swatch_gaps(_svg(EXAMPLES / org, view, language), labels)
    assert all(0 <= gap <= NEAR for gap in gaps.values()), gaps


@needs_dot
def test_a_second_legend_row_lines_up_under_the_first() -> None:
    root = _svg(EXAMPLES / "polska-firma.yaml", "handoffs", "pl")
    xs = {(t.text or "").strip(): float(t.get("x", 0)) for t in root.iter(f"{SVG}text")}
    assert abs(xs["dział z luką (bez zadań, przeciążony)"] - xs["przekazanie w 1 zadaniu"]) < 1


@needs_dot
@pytest.mark.parametrize(("language", "word"), [("pl", "rozliczany"), ("en", "accountable")])
@pytest.mark.parametrize("view", ["ownership", "matrix"])
def test_a_legend_letter_keeps_a_space_before_its_word(view: str, language: str, word: str) -> None:
    root = _svg(EXAMPLES / "polska-firma.yaml", view, language)
    words = [t.text or "" for t in root.iter(f"{SVG}text") if word in (t.text or "")]
    assert words
    # a non-breaking space survives where a browser drops a leading ordinary one
    assert all(text.startswith("\u00a0" + word) for text in words if not text.startswith(word)), words
    assert any(text.startswith("\u00a0") for text in words), words
