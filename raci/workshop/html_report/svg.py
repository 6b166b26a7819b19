"""Putting a Graphviz SVG inside an HTML page: re-written element by element, safely.

The diagrams come from our own views, whose labels are escaped for `dot`; still, the SVG is
not pasted into the page as it came. It is parsed as XML and written out again:

- the XML prolog, DOCTYPE and comments are dropped (an HTML page cannot carry them inline);
- only drawing elements of the SVG namespace are kept (no ``script``, ``foreignObject``,
  ``image``, ``style``…), only plain attributes (no ``on…`` handler, no ``href`` leaving
  the picture, no ``style``);
- text and attribute values are escaped again for HTML (``&``, ``<``, ``>``, ``"``), so no
  name can close the ``<svg>`` or open an element of the page;
- ids get a per-diagram prefix, so several diagrams on one page never share an id.

Parsing fails only on a broken picture; :class:`UnsafeSvgError` says so.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from raci.model.text_safety import UNSAFE_CHARACTERS

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
XML_NS = "http://www.w3.org/XML/1998/namespace"

#: What Graphviz draws with; anything else is dropped with its content.
ELEMENTS = frozenset(
    {
        "svg",
        "g",
        "title",
        "desc",
        "a",
        "polygon",
        "polyline",
        "path",
        "ellipse",
        "circle",
        "rect",
        "line",
        "text",
        "tspan",
        "defs",
        "linearGradient",
        "radialGradient",
        "stop",
        "clipPath",
    }
)
#: Attributes kept as they are (ids and references are handled apart).
ATTRIBUTES = frozenset(
    {
        "class",
        "width",
        "height",
        "viewBox",
        "transform",
        "points",
        "d",
        "x",
        "y",
        "x1",
        "y1",
        "x2",
        "y2",
        "cx",
        "cy",
        "r",
        "rx",
        "ry",
        "fill",
        "fill-opacity",
        "stroke",
        "stroke-width",
        "stroke-dasharray",
        "stroke-opacity",
        "stroke-linecap",
        "stroke-linejoin",
        "opacity",
        "text-anchor",
        "font-family",
        "font-size",
        "font-weight",
        "font-style",
        "text-decoration",
        "baseline-shift",
        "offset",
        "stop-color",
        "stop-opacity",
        "gradientUnits",
        "gradientTransform",
        "clip-path",
        "preserveAspectRatio",
    }
)
_URL_REFERENCE = re.compile(r"url\(#([^)]*)\)")
_PT = re.compile(r"^\s*([0-9]+(?:\.[0-9]+)?)\s*(pt|px)?\s*$")


class UnsafeSvgError(ValueError):
    """The picture is not well-formed SVG, so it is not put in the page."""


def inline_svg(data: bytes, prefix: str, label: str) -> str:
    """``data`` (an SVG document) as one ``<svg>`` element safe to place in an HTML page.

    ``prefix`` (letters, digits and dashes) is put before every id; ``label`` becomes the
    picture's accessible name.
    """
    if not re.fullmatch(r"[a-z][a-z0-9-]*", prefix):
        raise ValueError(f"bad id prefix {prefix!r}")
    try:
        root = ET.fromstring(data)
    except ET.ParseError as error:
        raise UnsafeSvgError(f"the diagram is not well-formed SVG ({error})") from None
    if root.tag != f"{{{SVG_NS}}}svg":
        raise UnsafeSvgError("the diagram is not an SVG picture")
    out: list[str] = []
    _write(root, prefix, out, top=label)
    return "".join(out)


def svg_size(data: bytes) -> tuple[float, float] | None:
    """The picture's width and height in CSS pixels, from its ``width``/``height`` (pt)."""
    try:
        root = ET.fromstring(data)
    except ET.ParseError:
        return None
    width, height = _pixels(root.get("width")), _pixels(root.get("height"))
    return (width, height) if width and height else None


def _pixels(value: str | None) -> float | None:
    match = _PT.match(value or "")
    if match is None:
        return None
    number = float(match.group(1))
    return number * 96 / 72 if match.group(2) in (None, "pt") else number


def _write(element: ET.Element, prefix: str, out: list[str], top: str | None = None) -> None:
    namespace, _, name = element.tag[1:].partition("}") if element.tag.startswith("{") else ("", "", "")
    if namespace != SVG_NS or name not in ELEMENTS:
        return
    attributes: list[tuple[str, str]] = []
    if top is not None:
        attributes += [("xmlns", SVG_NS), ("xmlns:xlink", XLINK_NS), ("role", "img"), ("aria-label", top)]
    for key, value in element.attrib.items():
        kept = _attribute(key, value, prefix)
        if kept is not None:
            attributes.append(kept)
    out.append(f"<{name}")
    for key, value in attributes:
        out.append(f' {key}="{_escape(value, attribute=True)}"')
    out.append(">")
    if element.text:
        out.append(_escape(element.text))
    for child in element:
        _write(child, prefix, out)
        if child.tail:
            out.append(_escape(child.tail))
    out.append(f"</{name}>")


def _attribute(key: str, value: str, prefix: str) -> tuple[str, str] | None:
    if key.startswith("{"):
        namespace, _, local = key[1:].partition("}")
        if namespace == XLINK_NS and local == "title":
            return "xlink:title", value
        if namespace == XLINK_NS and local == "href":
            return _reference("xlink:href", value, prefix)
        if namespace == XML_NS and local == "space":
            return "xml:space", value
        return None
    if key == "id":
        return "id", f"{prefix}-{value}"
    if key == "href":
        return _reference("href", value, prefix)
    if key not in ATTRIBUTES:
        return None  # on… handlers, style, and anything Graphviz does not write
    if "url(" in value:
        # Only references inside this picture, renamed with it.
        if _URL_REFERENCE.sub("", value).count("url("):
            return None
        value = _URL_REFERENCE.sub(lambda m: f"url(#{prefix}-{m.group(1)})", value)
    return key, value


def _reference(key: str, value: str, prefix: str) -> tuple[str, str] | None:
    """A link stays only when it points inside the picture (``#id``)."""
    if value.startswith("#") and len(value) > 1:
        return key, f"#{prefix}-{value[1:]}"
    return None


def _escape(text: str, *, attribute: bool = False) -> str:
    text = UNSAFE_CHARACTERS.sub("", text)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if attribute:
        text = text.replace('"', "&quot;").replace("\n", "&#10;")
    return text
