"""Characters that must never reach a terminal, `dot`, a report or a file raw.

NUL and other C0/C1 controls can rewrite a terminal or truncate a C string; bidi overrides
make text read differently from what it is (the "Trojan Source" trick); lone surrogates
cannot be encoded at all. Tab, newline and carriage return are ordinary text in free text
(descriptions). Names and ids may hold a tab but no line break: a name is one line wherever
it is shown, so it cannot forge a second line of a report or a log.
"""

from __future__ import annotations

import re

from raci.i18n import gettext as _

UNSAFE_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
#: Unicode's format characters (category Cf): invisible, yet they make two ids that look the
#: same differ (``care`` and ``ca\u200bre``) or hide text (the tag block). Generated from
#: unicodedata; tests/test_text_is_what_it_looks_like.py checks it covers Python's Unicode.
FORMAT_CHARACTERS = (
    "\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f"
)
#: What a name or id must not hold: the above, line breaks and format characters.
UNSAFE_IN_NAMES = re.compile(
    f"[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff{FORMAT_CHARACTERS}]"
)
_FORMAT = re.compile(f"[{FORMAT_CHARACTERS}]")
#: What :func:`escape` writes as an escape: all of the above, and tabs.
_ESCAPED = re.compile(
    f"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff{FORMAT_CHARACTERS}]"
)


def describe_character(char: str) -> str:
    code = ord(char)
    if 0xD800 <= code <= 0xDFFF:
        kind = _("a lone surrogate")
    elif 0x202A <= code <= 0x202E or 0x2066 <= code <= 0x2069:
        kind = _("a bidirectional override")
    elif char in "\n\r\u2028\u2029":
        kind = _("a line break")
    elif char == "\t":
        kind = _("a tab")
    elif _FORMAT.match(char):
        kind = _("an invisible format character")
    else:
        kind = _("a control character")
    return f"U+{code:04X} ({kind})"


def first_unsafe(text: str) -> str | None:
    match = UNSAFE_CHARACTERS.search(text)
    return match.group() if match else None


def first_unsafe_in_name(text: str) -> str | None:
    match = UNSAFE_IN_NAMES.search(text)
    return match.group() if match else None


def printable(text: str) -> str:
    """``text`` as it may be shown anywhere: one line, nothing raw or unencodable.

    For file names and messages: file names come from the command line, from uploads and
    from callers, and are only ever displayed (a file is opened by its real name). Text that
    needs no escape is returned as it is, so applying this twice changes nothing.
    """
    if _ESCAPED.search(text) is None:
        return text
    return escape(text)


def escape(text: str) -> str:
    """``text`` with unsafe characters and line breaks written as escapes: safe on one line."""
    return _ESCAPED.sub(_escaped, text)


_SHORT_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escaped(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    return _SHORT_ESCAPES.get(char) or (f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}")


def shorten(value: object, limit: int = 40) -> str:
    """A short, escaped rendering of user input, unquoted: never the whole of a long value."""
    if isinstance(value, str):
        text = value
    else:
        try:
            text = repr(value)
        except Exception:  # an int too long to print (sys.set_int_max_str_digits), a broken repr
            text = f"<{type(value).__name__}>"
    return escape(text[:limit]) + ("…" if len(text) > limit else "")


def excerpt(value: object, limit: int = 40) -> str:
    """A short, escaped rendering of user input for error messages: never the whole value."""
    return f"'{shorten(value, limit)}'"
