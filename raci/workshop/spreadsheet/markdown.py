"""RACI matrices in Markdown: GitHub-flavoured pipe tables, several to a file.

A governance page holds a team table, a legend table and one or more RACI tables, often
one per phase under its own heading. We read every table, keep the ones whose cells hold
letters, and return them as one :class:`Sheet`: the RACI table, or, when several RACI
tables share the same columns, all of them with each heading as a phase row. ``--table N``
picks one table by its number in the file. Problems point at ``file.md:line:column``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from raci.i18n import gettext as _
from raci.i18n import ngettext
from raci.model.errors import LoadError, Problem
from raci.workshop.spreadsheet.cells import MAX_CELLS, MAX_ROWS, Sheet, Value
from raci.workshop.spreadsheet.letters import is_letter_cell, role_letter, strip_markup
from raci.workshop.spreadsheet.wording import grouped, warning_line

_DELIMITER_CELL = re.compile(r"\s*:?-+:?\s*")
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_HTML_HEADING = re.compile(r"^\s*<h([1-6])[^>]*>(.*?)</h\1>\s*$", re.IGNORECASE)
_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)


@dataclass
class MarkdownTable:
    """One pipe table: its cells, and for each cell its (line, column) in the file."""

    number: int
    rows: list[list[str | None]] = field(default_factory=list)
    places: list[list[tuple[int, int]]] = field(default_factory=list)
    #: The heading nearest above the table (after the previous table), and its line.
    heading: tuple[str, int] | None = None

    @property
    def line(self) -> int:
        return self.places[0][0][0]

    def letter_cells(self) -> int:
        """How RACI-like the table is: letter cells past the first column, or a transposed header."""
        roles = {role_letter(cell) for cell in self.rows[0][1:]} - {None}
        if len(roles) >= 3:
            return 2 * (len(self.rows) - 1)
        return sum(is_letter_cell(cell) for row in self.rows[1:] for cell in row[1:])

    def columns_key(self) -> tuple[str, ...]:
        return tuple(strip_markup(cell or "").lower() for cell in self.rows[0])


@dataclass
class MarkdownDocument:
    tables: list[MarkdownTable]
    #: The first heading of the document: the organisation's name when none is given.
    title: tuple[str, int] | None


def split_row(line: str) -> list[tuple[str, int]]:
    """A pipe row's cells with the 1-based column where each cell's text starts."""
    cells: list[tuple[str, int]] = []
    start = 0
    text = line.rstrip("\n")
    stripped = text.lstrip()
    index = len(text) - len(stripped)
    if stripped.startswith("|"):
        index += 1
    start = index
    current: list[str] = []
    while index <= len(text):
        char = text[index] if index < len(text) else "|"
        if char == "\\" and index + 1 < len(text) and text[index + 1] == "|":
            current.append("|")
            index += 2
            continue
        if char == "|":
            raw = "".join(current)
            lead = len(raw) - len(raw.lstrip())
            cells.append((raw.strip(), start + lead + 1))
            current = []
            start = index + 1
            if not text[index + 1 :].strip():
                break
        else:
            current.append(char)
        index += 1
    return cells


def _is_delimiter(line: str) -> bool:
    if "-" not in line or "|" not in line:
        return False
    cells = [cell for cell, _ in split_row(line)]
    return bool(cells) and all(_DELIMITER_CELL.fullmatch(cell) for cell in cells)


def parse_markdown(text: str, source: str = "<markdown>") -> MarkdownDocument:
    """Every pipe table and heading of a document; tables past the sheet bounds are refused."""
    lines = text.splitlines()
    cells = 0
    tables: list[MarkdownTable] = []
    title: tuple[str, int] | None = None
    heading: tuple[str, int] | None = None
    in_fence = False
    index = 0
    while index < len(lines):
        line = lines[index]
        if _FENCE.match(line):
            in_fence = not in_fence
            index += 1
            continue
        if in_fence:
            index += 1
            continue
        found = _HEADING.match(line) or _HTML_HEADING.match(line)
        if found:
            heading = (strip_markup(found.group(2)), index + 1)
            if title is None:
                title = heading
        elif "|" in line and index + 1 < len(lines) and _is_delimiter(lines[index + 1]):
            table = MarkdownTable(len(tables) + 1, heading=heading)
            heading = None
            _add_row(table, line, index + 1)
            index += 2
            while index < len(lines) and "|" in lines[index] and lines[index].strip():
                _add_row(table, lines[index], index + 1)
                cells += len(table.rows[-1]) + 1
                if cells > MAX_CELLS or len(table.rows) > MAX_ROWS:
                    message = _("tables larger than %(rows)s rows or %(cells)s cells") % {
                        "rows": grouped(MAX_ROWS),
                        "cells": grouped(MAX_CELLS),
                    }
                    raise LoadError([Problem(source, index + 1, 1, message)])
                index += 1
            tables.append(table)
            continue
        index += 1
    return MarkdownDocument(tables, title)


def _add_row(table: MarkdownTable, line: str, number: int) -> None:
    cells = split_row(line)
    table.rows.append([_BR.sub("\n", cell) if cell else None for cell, _ in cells])
    table.places.append([(number, column) for _, column in cells])


def read_markdown_text(text: str, source: str, table: int | None = None) -> Sheet:
    """The RACI table(s) of a Markdown document as one sheet; see the module's docstring."""
    document = parse_markdown(text, source)
    if not document.tables:
        message = _("no Markdown table found (a RACI matrix is a | pipe | table)")
        raise LoadError([Problem(source, None, None, message)])
    notes: list[Problem] = []
    if table is not None:
        if not 1 <= table <= len(document.tables):
            count = len(document.tables)
            message = ngettext(
                "--table %(table)d: the file has %(count)d table",
                "--table %(table)d: the file has %(count)d tables",
                count,
            ) % {"table": table, "count": count}
            raise LoadError([Problem(source, None, None, message)])
        chosen = [document.tables[table - 1]]
    else:
        chosen = _raci_tables(document, source, notes)
    return _sheet(document, chosen, source, notes)


def _raci_tables(document: MarkdownDocument, source: str, notes: list[Problem]) -> list[MarkdownTable]:
    scored = [(t.letter_cells(), t) for t in document.tables]
    raci = [t for score, t in scored if score > 0]
    if not raci:
        lines = ", ".join(str(t.line) for t in document.tables)
        message = _("none of the tables (lines %(lines)s) holds RACI letters; choose one with --table N") % {
            "lines": lines
        }
        raise LoadError([Problem(source, None, None, message)])
    best = max(raci, key=lambda t: t.letter_cells())
    group = [t for t in raci if t.columns_key() == best.columns_key()]
    others = [t for t in raci if t not in group]
    if others:
        where = ", ".join(
            _("table %(number)d (line %(line)d)") % {"number": t.number, "line": t.line} for t in others
        )
        message = _(
            "read table %(number)d; other RACI tables with other columns were left: %(where)s; "
            "choose with --table N"
        ) % {"number": best.number, "where": where}
        notes.append(Problem(source, best.line, 1, warning_line(message)))
    return group


def _sheet(
    document: MarkdownDocument, tables: list[MarkdownTable], source: str, notes: list[Problem]
) -> Sheet:
    rows: list[list[Value]] = []
    origin: dict[tuple[int, int], tuple[int, int]] = {}

    def add(cells: list[str | None], places: list[tuple[int, int]]) -> None:
        rows.append(list(cells))
        for c, place in enumerate(places):
            origin[(len(rows), c + 1)] = place

    if document.title is not None and (len(tables) > 1 or document.title != tables[0].heading):
        add([document.title[0]], [(document.title[1], 1)])
    elif tables[0].heading is not None:
        add([tables[0].heading[0]], [(tables[0].heading[1], 1)])
    rows.append([])
    add(tables[0].rows[0], tables[0].places[0])
    for table in tables:
        if len(tables) > 1:
            # Translators: a phase heading for a Markdown table without a heading of its own.
            heading = table.heading or (_("Table %(number)d") % {"number": table.number}, table.line)
            add([heading[0]], [(heading[1], 1)])
        for cells, places in zip(table.rows[1:], table.places[1:], strict=True):
            add(cells, places)
    return Sheet(source, rows, None, notes, origin=origin)
