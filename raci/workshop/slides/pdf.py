"""Drawing 16:9 PDF pages: real text in an embedded font, and Graphviz's own PDF pictures.

reportlab writes the pages (text as text, the TrueType font subset embedded, ``invariant``
so the same input gives the same bytes); each diagram is laid out by ``dot -Tpdf`` and
placed on its page as vector graphics by pypdf, so its text stays selectable too.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from xml.sax.saxutils import escape

from pypdf import PdfReader, PdfWriter, Transformation
from reportlab.lib.colors import HexColor
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from raci.i18n import gettext
from raci.workshop.slides.fonts import FontFiles

#: 13.33 x 7.5 inches: the 16:9 page size of presentation programs.
WIDTH, HEIGHT = 960.0, 540.0
MARGIN = 36.0
FONT, BOLD = "RaciSans", "RaciSans-Bold"

TEXT = "#1f2933"
MUTED = "#52606d"
RED = "#c62828"
AMBER = "#b26a00"
GREEN = "#2e7d32"
RULE = "#d9e2ec"
#: A page title's sizes, largest first: the largest that fits two lines is used.
_TITLE_SIZES = (26.0, 22.0, 20.0)


def text(value: str) -> str:
    """User text made safe for reportlab's paragraph markup."""
    return escape(value)


@dataclass(frozen=True)
class Picture:
    page: int
    left: float
    bottom: float
    width: float
    height: float
    pdf: bytes
    max_scale: float = 1.25


class Pages:
    """A deck being drawn: pages of text now, pictures placed when it is finished."""

    def __init__(self, fonts: FontFiles, title: str) -> None:
        pdfmetrics.registerFont(TTFont(FONT, str(fonts.regular)))
        pdfmetrics.registerFont(TTFont(BOLD, str(fonts.bold)))
        pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=BOLD, italic=FONT, boldItalic=BOLD)
        self.buffer = io.BytesIO()
        self.canvas = Canvas(
            self.buffer,
            pagesize=(WIDTH, HEIGHT),
            invariant=True,
            initialFontName=FONT,
            initialFontSize=12,
            pageCompression=1,
        )
        self.canvas.setTitle(title)
        self.canvas.setAuthor("")
        self.canvas.setCreator("raci")
        self.canvas.setProducer("raci")
        self.pictures: list[Picture] = []
        self.count = 0
        self.footer = ""

    # --- pages ----------------------------------------------------------------------------

    def page(self, title: str, subtitle: str = "", color: str = TEXT) -> float:
        """Start a page with a title; returns the y where content may start (below it)."""
        if self.count:
            self.canvas.showPage()
        self.count += 1
        y = HEIGHT - MARGIN
        size = self.title_size(title)
        used = self.paragraph(f"<b>{text(title)}</b>", MARGIN, y, WIDTH - 2 * MARGIN, size, color=color)
        y -= used + 4
        if subtitle:
            y -= self.paragraph(text(subtitle), MARGIN, y, WIDTH - 2 * MARGIN, 14, color=MUTED) + 4
        self.canvas.setStrokeColor(HexColor(RULE))
        self.canvas.setLineWidth(1)
        self.canvas.line(MARGIN, y - 2, WIDTH - MARGIN, y - 2)
        self._footer()
        return y - 12

    def content_top(self, title: str, subtitle: str = "") -> float:
        """The y :meth:`page` would return for this title: to measure before drawing."""
        size = self.title_size(title)
        y = HEIGHT - MARGIN - self.height_of(f"<b>{text(title)}</b>", WIDTH - 2 * MARGIN, size) - 4
        if subtitle:
            y -= self.height_of(text(subtitle), WIDTH - 2 * MARGIN, 14) + 4
        return y - 12

    def title_size(self, title: str) -> float:
        """26 pt, or smaller for a title that would take more than two lines (a long
        misconception in a longer language), so the page keeps its room."""
        for size in _TITLE_SIZES:
            if self.height_of(f"<b>{text(title)}</b>", WIDTH - 2 * MARGIN, size) <= size * 1.25 * 2 + 0.5:
                return size
        return _TITLE_SIZES[-1]

    def _footer(self) -> None:
        self.canvas.setFont(FONT, 9)
        self.canvas.setFillColor(HexColor(MUTED))
        self.canvas.drawString(MARGIN, 16, self.footer)
        self.canvas.drawRightString(WIDTH - MARGIN, 16, str(self.count))

    # --- text -----------------------------------------------------------------------------

    def paragraph(
        self,
        markup: str,
        x: float,
        top: float,
        width: float,
        size: float,
        color: str = TEXT,
        align: str = "left",
    ) -> float:
        """Draw a paragraph whose top is at ``top``; returns its height."""
        block = Paragraph(markup, _style(size, color, align))
        _, height = block.wrapOn(self.canvas, width, HEIGHT)
        block.drawOn(self.canvas, x, top - height)
        return float(height)

    def centred(self, value: str, x: float, baseline: float, size: float, color: str = TEXT) -> None:
        """One bold word centred on ``x`` (a matrix cell's letters)."""
        self.canvas.setFillColor(HexColor(color))
        self.canvas.setFont(BOLD, size)
        self.canvas.drawCentredString(x, baseline, value)

    def one_line(self, value: str, width: float, size: float) -> str:
        """``value`` cut with an ellipsis to fit one line of ``width``."""
        if pdfmetrics.stringWidth(value, FONT, size) <= width:
            return value
        while value and pdfmetrics.stringWidth(value + "…", FONT, size) > width:
            value = value[:-1]
        return value.rstrip() + "…"

    def height_of(self, markup: str, width: float, size: float, align: str = "left") -> float:
        _, height = Paragraph(markup, _style(size, TEXT, align)).wrapOn(self.canvas, width, HEIGHT)
        return float(height)

    def width_of(self, value: str, size: float, bold: bool = False) -> float:
        """The width of one line of plain text."""
        return float(pdfmetrics.stringWidth(value, BOLD if bold else FONT, size))

    def items(
        self,
        entries: list[tuple[str, str]],
        x: float,
        top: float,
        width: float,
        bottom: float,
        size: float,
        more: Callable[[int], str] | None = None,
    ) -> float:
        """Paragraphs (markup, colour) one under another down to ``bottom``; what does not fit
        is summed up in a last line, ``more(index of the first left out)``. Returns the y
        below the last one."""
        y = top
        for index, (markup, color) in enumerate(entries):
            needed = self.height_of(markup, width, size) + size * 0.4
            left = len(entries) - index
            reserve = size * 1.6 if left > 1 else 0
            if y - needed - reserve < bottom:
                rest = more(index) if more is not None else gettext("and %(count)d more") % {"count": left}
                self.paragraph(f"<i>{text(rest)}</i>", x, y, width, size, MUTED)
                return y - size * 1.4
            y -= self.paragraph(markup, x, y, width, size, color) + size * 0.4
        return y

    def headings_height(self, names: list[str], size: float) -> float:
        """The height :meth:`vertical_headings` takes for these names."""
        longest = max((pdfmetrics.stringWidth(name, BOLD, size) for name in names), default=0.0)
        return min(longest, 130.0) + 6

    def vertical_headings(self, names: list[str], left: float, top: float, cell: float, size: float) -> float:
        """Column headings written upwards, one per ``cell``; returns the height they take."""
        height = self.headings_height(names, size)
        canvas = self.canvas
        canvas.setFillColor(HexColor(TEXT))
        canvas.setFont(BOLD, size)
        for index, name in enumerate(names):
            while len(name) > 3 and pdfmetrics.stringWidth(name, BOLD, size) > 130:
                name = name[:-2] + "…"
            canvas.saveState()
            canvas.translate(left + cell * index + cell / 2 + size / 3, top - height)
            canvas.rotate(90)
            canvas.drawString(0, 0, name)
            canvas.restoreState()
        return height

    def bar(self, x: float, y: float, width: float, fill: str, height: float = 9) -> None:
        """A bar of a chart; nothing at all for zero."""
        if width <= 0:
            return
        self.canvas.setFillColor(HexColor(fill))
        self.canvas.rect(x, y, width, height, stroke=0, fill=1)

    def box(
        self,
        x: float,
        y: float,
        width: float,
        height: float,
        fill: str,
        stroke: str | None = None,
        radius: float = 4,
        line: float = 1,
    ) -> None:
        self.canvas.setFillColor(HexColor(fill))
        if stroke:
            self.canvas.setStrokeColor(HexColor(stroke))
            self.canvas.setLineWidth(line)
        if radius:
            self.canvas.roundRect(x, y, width, height, radius, stroke=1 if stroke else 0, fill=1)
        else:
            self.canvas.rect(x, y, width, height, stroke=1 if stroke else 0, fill=1)

    # --- pictures -------------------------------------------------------------------------

    def picture(
        self, pdf: bytes, left: float, bottom: float, width: float, height: float, max_scale: float = 1.25
    ) -> None:
        """Place a one-page PDF (a Graphviz drawing) scaled to fit the box, centred, blown up
        at most ``max_scale`` times."""
        self.pictures.append(Picture(self.count, left, bottom, width, height, pdf, max_scale))

    def finish(self) -> bytes:
        self.canvas.showPage()
        self.canvas.save()
        writer = PdfWriter(clone_from=PdfReader(io.BytesIO(self.buffer.getvalue())))
        for picture in self.pictures:
            _place(writer, picture)
        writer.add_metadata({"/Producer": "raci", "/Creator": "raci"})
        out = io.BytesIO()
        writer.write(out)
        return out.getvalue()


def picture_size(pdf: bytes) -> tuple[float, float]:
    """A one-page PDF's natural width and height in points."""
    box = PdfReader(io.BytesIO(pdf)).pages[0].mediabox
    return float(box.width), float(box.height)


def _place(writer: PdfWriter, picture: Picture) -> None:
    drawing = PdfReader(io.BytesIO(picture.pdf)).pages[0]
    box = drawing.mediabox
    natural_width, natural_height = float(box.width), float(box.height)
    scale = min(picture.width / natural_width, picture.height / natural_height)
    # A drawing of two boxes blown up to fill a page would dwarf the page's own text.
    scale = min(scale, picture.max_scale)
    left = picture.left + (picture.width - natural_width * scale) / 2
    bottom = picture.bottom + (picture.height - natural_height * scale) / 2
    transform = (
        Transformation()
        .translate(-float(box.left), -float(box.bottom))
        .scale(scale, scale)
        .translate(left, bottom)
    )
    writer.pages[picture.page - 1].merge_transformed_page(drawing, transform)


def _style(size: float, color: str, align: str = "left") -> ParagraphStyle:
    return ParagraphStyle(
        f"s{size}{color}{align}",
        fontName=FONT,
        fontSize=size,
        leading=size * 1.25,
        textColor=HexColor(color),
        alignment=TA_CENTER if align == "center" else TA_LEFT,
    )
