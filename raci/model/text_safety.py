"""Characters that must never reach a terminal, `dot`, a report or a file raw.

NUL and other C0/C1 controls can rewrite a terminal or truncate a C string; bidi overrides
make text read differently from what it is (the "Trojan Source" trick); lone surrogates
cannot be encoded at all. Tab, newline and carriage return are ordinary text in free text
(descriptions). Names and ids may hold a tab but no line break: a name is one line wherever
it is shown, so it cannot forge a second line of a report or a log.
"""

from __future__ import annotations

import re

UNSAFE_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
#: What a name or id must not hold: the above, and line breaks.
UNSAFE_IN_NAMES = re.compile(
    "[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
#: What :func:`escape` writes as an escape: all of the above, and tabs.
_ESCAPED = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def describe_character(char: str) -> str:
    code = ord(char)
    if 0xD800 <= code <= 0xDFFF:
        kind = "a lone surrogate"
    elif 0x202A <= code <= 0x202E or 0x2066 <= code <= 0x2069:
        kind = "a bidirectional override"
    elif char in "\n\r\u2028\u2029":
        kind = "a line break"
    elif char == "\t":
        kind = "a tab"
    else:
        kind = "a control character"
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
    return _SHORT_ESCAPES.get(char) or f"\\u{ord(char):04x}"


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
