"""Characters that must never reach a terminal, `dot`, a report or a file raw.

NUL and other C0/C1 controls can rewrite a terminal or truncate a C string; bidi overrides
make text read differently from what it is (the "Trojan Source" trick); lone surrogates
cannot be encoded at all. Tab, newline and carriage return are ordinary text.
"""

from __future__ import annotations

import re

UNSAFE_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def describe_character(char: str) -> str:
    code = ord(char)
    if 0xD800 <= code <= 0xDFFF:
        kind = "a lone surrogate"
    elif 0x202A <= code <= 0x202E or 0x2066 <= code <= 0x2069:
        kind = "a bidirectional override"
    else:
        kind = "a control character"
    return f"U+{code:04X} ({kind})"


def first_unsafe(text: str) -> str | None:
    match = UNSAFE_CHARACTERS.search(text)
    return match.group() if match else None


def escape(text: str) -> str:
    """``text`` with unsafe characters and line breaks written as escapes: safe on one line."""
    shown = UNSAFE_CHARACTERS.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    return shown.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")


def shorten(value: object, limit: int = 40) -> str:
    """A short, escaped rendering of user input, unquoted: never the whole of a long value."""
    if isinstance(value, str):
        text = value
    else:
        try:
            text = repr(value)
        except ValueError:  # an int too long to print (sys.set_int_max_str_digits)
            text = f"<{type(value).__name__}>"
    return escape(text[:limit]) + ("…" if len(text) > limit else "")


def excerpt(value: object, limit: int = 40) -> str:
    """A short, escaped rendering of user input for error messages: never the whole value."""
    return f"'{shorten(value, limit)}'"
