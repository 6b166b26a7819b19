"""Making user text safe for DOT: HTML-like labels and quoted attribute strings.

Every name a user wrote reaches `dot` through one of two functions here, never raw:

- :func:`html_text` for text inside an HTML-like label (the only kind of label the views
  build). ``<``, ``>``, ``&`` and quotes become entities, so a name shaped ``<IMG SRC=…>``
  stays text; backslashes are doubled because Graphviz expands ``\\N``, ``\\G``, ``\\E``… even
  inside HTML-like labels (measured with Graphviz 2.43 and graphviz-pure 16.1).
- :func:`dot_string` for plain quoted attributes (tooltips). Graphviz expands escapes in
  tooltips twice on the way to SVG, so a backslash is written four times.

Node ids are never user text: :class:`NodeIds` hands out ``n0``, ``n1``… in call order.
"""

from __future__ import annotations

import re
import textwrap
import unicodedata
from collections.abc import Hashable

import graphviz

from raci.model.text_safety import UNSAFE_CHARACTERS

_HTML_ENTITIES = str.maketrans(
    {
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
        '"': "&quot;",
        "'": "&#39;",
        "\\": "\\\\",
        # Graphviz 2.43 refuses a label whose whole text is "]" (found by the fuzz suite);
        # brackets as entities are safe everywhere.
        "[": "&#91;",
        "]": "&#93;",
    }
)
_ELLIPSIS = "…"
_SPACES = re.compile(r"[ \f\v]+")
_EMPTY = "&#160;"


def clean(text: str) -> str:
    """Drop what must never reach `dot` (controls, bidi overrides, lone surrogates).

    The model already refuses these in names; this is the second lock for text that comes
    from elsewhere (finding messages, programmatic callers).
    """
    text = UNSAFE_CHARACTERS.sub("", text)
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")


def html_text(text: str) -> str:
    """Text for the inside of an HTML-like label: entities, doubled backslashes, no newlines.

    Never empty: Graphviz refuses an empty ``<B></B>`` or ``<FONT></FONT>`` as a syntax error,
    so empty text becomes a no-break space.
    """
    escaped = clean(text).replace("\n", " ").translate(_HTML_ENTITIES)
    return escaped if escaped.strip() else _EMPTY


def shorten(text: str, limit: int) -> str:
    """At most ``limit`` characters, ending with an ellipsis when cut."""
    text = " ".join(clean(text).split())
    if len(text) <= limit:
        return text
    return text[: max(1, limit - 1)].rstrip() + _ELLIPSIS


def wrap(text: str, width: int, max_lines: int = 3) -> list[str]:
    """Wrap plain text into lines of about ``width`` characters (wide characters count twice)."""
    lines: list[str] = []
    for paragraph in clean(text).split("\n"):
        # Runs of plain spaces only: a no-break space keeps "45 h" or "12 500" on one line.
        words = " ".join(_SPACES.split(paragraph.strip(" \f\v")))
        if not words:
            continue
        lines.extend(
            textwrap.wrap(words, width=max(4, width - _wide_extra(words, width)), break_long_words=True)
            or [""]
        )
    if not lines:
        return [""]
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1][: max(1, width - 1)].rstrip() + _ELLIPSIS
    return lines


def html_lines(text: str, width: int, max_lines: int = 3, align: str = "CENTER") -> str:
    """Wrapped, escaped text joined with ``<BR/>`` breaks aligned as asked."""
    return f'<BR ALIGN="{align}"/>'.join(html_text(line) for line in wrap(text, width, max_lines))


def dot_string(text: str, limit: int = 600) -> str:
    """A value for a plain quoted DOT attribute (a tooltip): escapes inert, never HTML."""
    value = shorten(text, limit).replace("\\", "\\\\")
    # graphviz.escape doubles backslashes once more and marks the value as not HTML (a str
    # subclass: keep it as it is), so a value shaped <...> is quoted, never read as HTML.
    escaped: str = graphviz.escape(value)
    return escaped


def _wide_extra(text: str, width: int) -> int:
    """How much narrower to wrap so that east-Asian wide characters and emoji still fit."""
    wide = sum(1 for ch in text[: width * 2] if unicodedata.east_asian_width(ch) in ("W", "F"))
    return min(width // 2, wide // 2)


class NodeIds:
    """Synthetic, stable node ids: the same key gets the same id; ids follow first use."""

    def __init__(self, prefix: str = "n") -> None:
        self._prefix = prefix
        self._ids: dict[Hashable, str] = {}

    def __call__(self, key: Hashable) -> str:
        found = self._ids.get(key)
        if found is None:
            found = f"{self._prefix}{len(self._ids)}"
            self._ids[key] = found
        return found

    def __contains__(self, key: Hashable) -> bool:
        return key in self._ids
