"""A table drawn as a grid of separate nodes, so every cell can carry its own SVG class.

One HTML-like table would align perfectly but leaves a single SVG element; the views need a
gap cell to be an element of class ``gap`` that a page can style or count. So each cell is a
fixed-size node: with ``rankdir=LR`` every grid column is one rank, cells within a column are
ordered by invisible flat edges, and each row is a chain of heavy invisible edges that `dot`
keeps straight. Columns may differ in width and rows in height.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise

import graphviz

from raci.diagrams.escape import NodeIds


@dataclass
class GridCell:
    """A cell: an HTML-like label (``<…>``, already escaped) and node attributes."""

    label: str
    attrs: dict[str, str] = field(default_factory=dict)


@dataclass
class Grid:
    corner: GridCell
    columns: list[GridCell]
    rows: list[tuple[GridCell, list[GridCell]]]
    #: Inches: the header column's width, each column's width, the header row's and each row's height.
    header_width: float
    column_widths: list[float]
    header_height: float
    row_heights: list[float]


def add_grid(dot: graphviz.Digraph, grid: Grid, ids: NodeIds, key: str = "grid") -> list[list[str]]:
    """Add the grid's nodes and layout edges to ``dot`` (which must be ``rankdir=LR``).

    Returns node ids as ``[row][column]``, the header row first and the header column first.
    """
    table: list[list[tuple[str, GridCell, float, float]]] = []
    heights = [grid.header_height, *grid.row_heights]
    widths = [grid.header_width, *grid.column_widths]
    for r, (head, cells) in enumerate([(grid.corner, grid.columns), *grid.rows]):
        row = []
        for c, cell in enumerate([head, *cells]):
            row.append((ids((key, r, c)), cell, widths[c], heights[r]))
        table.append(row)
    for row in table:
        for node, cell, width, height in row:
            attrs = {
                "shape": "box",
                "style": "filled",
                "fillcolor": "white",
                "color": "white",
                "margin": "0.04",
                **cell.attrs,
                "width": f"{width:.2f}",
                "height": f"{height:.2f}",
                "fixedsize": "true",
            }
            dot.node(node, label=cell.label, **attrs)
    columns = len(table[0])
    for c in range(columns):
        with dot.subgraph() as rank:
            rank.attr(rank="same")
            for row in table:
                rank.node(row[c][0])
        for upper, lower in pairwise(table):
            dot.edge(upper[c][0], lower[c][0], style="invis")
    for row in table:
        for left, right in pairwise(row):
            dot.edge(left[0], right[0], style="invis", weight="100")
    return [[node for node, *_ in row] for row in table]
