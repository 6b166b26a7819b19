"""The workshop deck: a 16:9 PDF of an organisation's gaps, for a facilitator's screen.

    from raci.workshop.slides import build_deck
    pdf = build_deck(raci.check(org), before=raci.check(old_org))

Needs Graphviz's ``dot`` (the diagrams), reportlab and pypdf (the pages), and a TrueType font
with Polish letters (DejaVu Sans, found by :mod:`raci.workshop.slides.fonts`).
"""

from __future__ import annotations

from raci.workshop.slides.deck import build_deck
from raci.workshop.slides.fonts import FontMissingError

__all__ = ["FontMissingError", "build_deck"]
