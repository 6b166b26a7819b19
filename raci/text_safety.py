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


def excerpt(value: object, limit: int = 40) -> str:
    """A short, escaped rendering of user input for error messages: never the whole value."""
    text = value if isinstance(value, str) else repr(value)
    shown = UNSAFE_CHARACTERS.sub(lambda m: f"\\u{ord(m.group()):04x}", text[:limit])
    shown = shown.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
    return f"'{shown}…'" if len(text) > limit else f"'{shown}'"
