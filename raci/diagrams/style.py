"""The look shared by every view: fonts, colours, letter styles, titles and legends.

One palette for all views so a workshop sees the same red for a gap and the same blue for a
Responsible everywhere. Colours were chosen to stay apart for the common colour-vision
deficiencies (blue/orange/grey, with red only for gaps) and to print in greyscale.
"""

from __future__ import annotations

from dataclasses import dataclass

import graphviz

from raci.diagrams.escape import html_lines, html_text
from raci.i18n import N_, gettext
from raci.model.severity import Severity
from raci.model.vocabulary import Activity, Function, Letter
from raci.rules.gaps import activity_word as activity_word
from raci.rules.gaps import letters_text as letters_text

FONT = "Helvetica"
TEXT = "#1f2933"
MUTED = "#52606d"
FAINT = "#9aa5b1"
GAP = "#c62828"
GAP_FILL = "#fdecea"
INFO = "#b26a00"
INFO_FILL = "#fff4e0"
PASS = "#2e7d32"
PASS_FILL = "#e8f5e9"
BORDER = "#bcccdc"
NODE_FILL = "#ffffff"
ACTIVITY_FILL = "#f5f7fa"


@dataclass(frozen=True)
class LetterStyle:
    letter: Letter
    #: The letter's name in English (marked for translation; :attr:`word` reads it).
    term: str
    color: str
    style: str
    penwidth: float
    fill: str
    ink: str

    @property
    def word(self) -> str:
        """The letter's name in the current language, for legends."""
        return gettext(self.term)


LETTER_STYLES: dict[Letter, LetterStyle] = {
    Letter.ACCOUNTABLE: LetterStyle(
        Letter.ACCOUNTABLE, N_("accountable"), "#102a43", "bold", 3.0, "#243b53", "#ffffff"
    ),
    Letter.RESPONSIBLE: LetterStyle(
        Letter.RESPONSIBLE, N_("responsible"), "#2f6fb3", "solid", 1.6, "#4a90d9", "#ffffff"
    ),
    # Support works beside the R: R's blue, lighter, in a line that tapers towards the task.
    Letter.SUPPORT: LetterStyle(Letter.SUPPORT, N_("support"), "#6aa6e8", "tapered", 4.0, "#a9cdf2", TEXT),
    Letter.CONSULTED: LetterStyle(
        Letter.CONSULTED, N_("consulted"), "#2a9d8f", "dashed", 1.3, "#b8e2dc", TEXT
    ),
    Letter.INFORMED: LetterStyle(Letter.INFORMED, N_("informed"), "#9aa5b1", "dotted", 1.3, "#e9edf1", MUTED),
}

#: Strongest first: an edge holding "RA" is drawn as A.
STRENGTH: tuple[Letter, ...] = (
    Letter.ACCOUNTABLE,
    Letter.RESPONSIBLE,
    Letter.SUPPORT,
    Letter.CONSULTED,
    Letter.INFORMED,
)

FUNCTION_FILLS: dict[Function, str] = {
    Function.MARKETING: "#fdf1e7",
    Function.CUSTOMER_SERVICE: "#e9f6ec",
    Function.PUBLIC_RELATIONS: "#efeefb",
    Function.SALES: "#fff8dc",
}
OTHER_FUNCTION_FILL = "#f1f3f5"


def strongest(letters: frozenset[Letter]) -> Letter | None:
    return next((letter for letter in STRENGTH if letter in letters), None)


def function_fill(function: Function) -> str:
    return FUNCTION_FILLS.get(function, OTHER_FUNCTION_FILL)


def severity_color(severity: Severity) -> str:
    return INFO if severity is Severity.INFO else GAP


def severity_fill(severity: Severity) -> str:
    return INFO_FILL if severity is Severity.INFO else GAP_FILL


def gap_class(codes: tuple[str, ...] | list[str]) -> str:
    """The SVG class of a gap element: ``gap`` and each rule code, sorted."""
    return " ".join(["gap", *sorted(set(codes))])


def new_digraph(name: str, *, rankdir: str = "LR", **graph_attr: str) -> graphviz.Digraph:
    """A Digraph with the shared fonts and spacing; views add their own attributes."""
    attributes = {
        "rankdir": rankdir,
        "fontname": FONT,
        "fontcolor": TEXT,
        "bgcolor": "white",
        "pad": "0.3",
        "newrank": "true",
        "labelloc": "t",
        "labeljust": "l",
        **graph_attr,
    }
    return graphviz.Digraph(
        name=name,
        graph_attr=attributes,
        node_attr={"fontname": FONT, "fontsize": "12", "fontcolor": TEXT, "color": BORDER, "penwidth": "1"},
        edge_attr={"fontname": FONT, "fontsize": "10", "fontcolor": MUTED, "arrowsize": "0.6"},
    )



def findings_summary(counts: dict[Severity, int]) -> str:
    """ "1 error · 3 warnings", the severities that have findings, worst first."""
    return " · ".join(
        severity.counted(counts[severity])
        for severity in (Severity.ERROR, Severity.WARNING, Severity.INFO)
        if counts[severity]
    )


def activity_heading(activity: Activity, size: int = 11) -> str:
    """A column heading: the activity's word in bold, its gloss ("(listen)") small below."""
    word, _, gloss = activity.label.partition(" (")
    heading = f'<FONT POINT-SIZE="{size}"><B>{html_lines(word, 10, 2)}</B></FONT>'
    if gloss:
        # a long gloss (Polish "(nie media społecznościowe)") wraps rather than spill into
        # the next column; the short ones stay on one line
        gloss_lines = html_lines("(" + gloss, 18, 2)
        heading += f'<BR/><FONT POINT-SIZE="{size - 2}" COLOR="{MUTED}">{gloss_lines}</FONT>'
    return heading


def header(organization: str, subtitle: str, note: str | None = None, legend: str | None = None) -> str:
    """The graph label: the organisation, what the picture shows, a note, and a legend."""
    # With a legend, the lines above it span two columns and the legend sits in the first
    # alone: Graphviz stretches a table to fill its cell, so a legend narrower than the
    # subtitle, sharing its one column, would spread its swatches away from their words.
    span = ' COLSPAN="2"' if legend else ""
    cell = f'<TR><TD ALIGN="LEFT"{span}>'
    rows = [
        f'{cell}<FONT POINT-SIZE="24"><B>{html_text(organization)}</B></FONT></TD></TR>',
        f'{cell}<FONT POINT-SIZE="14" COLOR="{MUTED}">{html_text(subtitle)}</FONT></TD></TR>',
    ]
    if note:
        rows.append(f'{cell}<FONT POINT-SIZE="13" COLOR="{INFO}">{html_text(note)}</FONT></TD></TR>')
    if legend:
        rows.append(f'<TR><TD ALIGN="LEFT">{legend}</TD></TR>')
    return '<<TABLE BORDER="0" CELLSPACING="2" CELLPADDING="2">' + "".join(rows) + "</TABLE>>"


def line_sample(color: str, style: str, thickness: float = 2) -> str:
    """A short line drawn with table cells, for legends: solid, bold, dashed or dotted
    (a tapered line, which table cells cannot draw, is shown solid and a little thicker)."""
    if style == "tapered":
        thickness += 1
    height = max(1, round(thickness))
    pattern = {"dashed": (7, 4), "dotted": (2, 3)}.get(style)
    if pattern is None:
        widths = [(38, True)]
    else:
        on, off = pattern
        widths = [(on, True), (off, False)] * (38 // (on + off)) + [(on, True)]
    ink_attr = f' BGCOLOR="{color}"'
    cells = "".join(
        f'<TD WIDTH="{width}" HEIGHT="{height}" FIXEDSIZE="TRUE"{ink_attr if ink else ""}></TD>'
        for width, ink in widths
    )
    total = sum(width for width, _ in widths)
    return (
        '<TABLE BORDER="0" CELLSPACING="0" CELLPADDING="0" FIXEDSIZE="TRUE" '
        f'WIDTH="{total}" HEIGHT="{height}"><TR>{cells}</TR></TABLE>'
    )


def box_sample(fill: str, border: str, width: int = 2, dashed: bool = False) -> str:
    style = ' STYLE="rounded,dashed"' if dashed else ' STYLE="rounded"'
    return (
        f'<TABLE BORDER="{width}" CELLBORDER="0" COLOR="{border}" BGCOLOR="{fill}" CELLPADDING="0" '
        f'CELLSPACING="0" FIXEDSIZE="TRUE" WIDTH="{30 + 2 * width}" HEIGHT="{14 + 2 * width}"{style}>'
        '<TR><TD WIDTH="30" HEIGHT="14" FIXEDSIZE="TRUE"></TD></TR></TABLE>'
    )


#: Empty columns at the end of a legend's first row (see :func:`legend`).
_SLACK_COLUMNS = 40


def legend(entries: list[tuple[str, str]], per_row: int = 4, size: int = 12) -> str:
    """A legend: (sample HTML, escaped text) pairs, ``per_row`` to a row, packed left.

    One grid for every row, so a short last row lines up under the first, and a row never
    stretches to the width of a longer one (which would pull swatches off their words)."""
    rows = []
    for start in range(0, len(entries), per_row):
        cells = "".join(
            f'<TD ALIGN="LEFT" VALIGN="MIDDLE">{sample}</TD>'
            f'<TD ALIGN="LEFT"><FONT POINT-SIZE="{size}" COLOR="{MUTED}">{text}</FONT></TD>'
            '<TD WIDTH="14"></TD>'
            for sample, text in entries[start : start + per_row]
        )
        rows.append(f"<TR>{cells}</TR>")
    # Graphviz shares the room it gives a table beyond its content evenly among the
    # columns; empty columns after the entries take most of it, so the entries stay packed.
    rows[0] = rows[0].replace("</TR>", '<TD CELLPADDING="0" WIDTH="1"></TD>' * _SLACK_COLUMNS + "</TR>")
    return '<TABLE BORDER="0" CELLSPACING="0" CELLPADDING="3">' + "".join(rows) + "</TABLE>"


def letter_legend(marked: bool = True) -> list[tuple[str, str]]:
    """Line samples for the four letters; ``marked``: lines say RA, other mixes are written."""
    words = {Letter.ACCOUNTABLE: gettext("accountable (RA; A alone is marked)")} if marked else {}
    return [
        (
            line_sample(s.color, s.style, 4 if s.style == "bold" else 2),
            f"<B>{s.letter.value}</B>&#160;{words.get(s.letter, s.word)}",
        )
        for s in (LETTER_STYLES[letter] for letter in STRENGTH)
    ]
