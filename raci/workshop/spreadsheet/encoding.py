"""Which encoding a text file was saved in, or a refusal naming ``--encoding``.

UTF-8 (with or without a byte-order mark) and UTF-16 with a mark are read as such. Other
bytes come from a spreadsheet program saving in the computer's code page: Windows-1250 in
Poland, 1251 in Russia, 1252 in Western Europe. Each of those decodes any byte, so a wrong
guess gives mojibake ("Obs\u00b3uga" for "Obs\u0142uga") rather than an error. We therefore decode
with every code page spreadsheets save in and keep the readings that look like text: no
control characters, no symbol wedged inside a word, no word mixing Latin and Cyrillic.

- one plausible reading (several code pages may agree): it is used, and a note says so;
- several different plausible readings: charset-normalizer (a maintained detector that
  knows letter frequencies of many languages) ranks them; its first choice is taken only
  when its coherence is clearly ahead (:data:`CLEAR_LEAD`), otherwise the import refuses
  and asks for ``--encoding``, showing the words that differ;
- none: the import refuses.

``benchmarks/encoding_detection.py`` measures how often each outcome happens on sample
text in six languages.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

from raci.i18n import gettext as _
from raci.model.errors import LoadError, Problem

#: Code pages spreadsheet programs save CSV in, in the order a tie is reported.
#: More code pages would read more files, but each one added makes more files ambiguous
#: (Windows-1257 reads French "â" as "ā"; KOI8-R reads Windows-1251 as other Cyrillic).
CODE_PAGES = ("cp1252", "cp1250", "cp1251", "iso8859_2")
#: How far ahead (charset-normalizer coherence minus chaos, 0..1) a reading must be to be
#: chosen. On benchmarks/bench_encoding.py's 24 samples: 0 reads 20 right and 4 wrong, 0.05
#: reads 16 right and refuses 8 with none wrong (charset-normalizer alone: 18 right, 6 wrong).
CLEAR_LEAD = 0.05

_DISPLAY = {
    "cp1250": "windows-1250",
    "cp1251": "windows-1251",
    "cp1252": "windows-1252",
    "cp1257": "windows-1257",
    "iso8859_2": "iso-8859-2",
    "iso8859-2": "iso-8859-2",
    "iso8859_15": "iso-8859-15",
    "koi8_r": "koi8-r",
    "mac_roman": "mac-roman",
    "utf_8": "utf-8",
}
#: A word for the plausibility test: cells and their separators split apart.
_WORD = re.compile(r"[^\s,;|\"'/()\[\]:.!?\-]+")


@dataclass(frozen=True)
class Decoded:
    text: str
    #: The encoding used, as the user would name it ("windows-1250").
    encoding: str
    #: Said to the user when the encoding was detected rather than known (not UTF-8).
    note: str | None = None


def display_name(encoding: str) -> str:
    name = codecs.lookup(encoding).name
    return _DISPLAY.get(name, name)


def decode_bytes(data: bytes, source: str, encoding: str | None = None) -> Decoded:
    """The text of ``data``; raises :class:`LoadError` rather than return mojibake."""
    if encoding is not None:
        return _decode_as(data, source, encoding)
    if data.startswith(codecs.BOM_UTF8):
        return _decode_as(data[len(codecs.BOM_UTF8) :], source, "utf-8")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode_as(data, source, "utf-16")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as error:
        first_bad = error.start
    return _detect(data, source, first_bad)


def _decode_as(data: bytes, source: str, encoding: str) -> Decoded:
    try:
        codecs.lookup(encoding)
    except LookupError:
        from raci.workshop.spreadsheet.wording import quote_word

        message = _("unknown encoding %(encoding)s (--encoding)") % {"encoding": quote_word(encoding)}
        raise LoadError([Problem(source, None, None, message)]) from None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        message = _("not valid %(encoding)s (byte %(byte)s)") % {
            "encoding": display_name(encoding),
            "byte": f"0x{data[error.start]:02X}",
        }
        raise LoadError([Problem(source, line, 1, message)]) from None
    return Decoded(text.removeprefix("\ufeff"), display_name(encoding))


def _detect(data: bytes, source: str, first_bad: int) -> Decoded:
    line = data.count(b"\n", 0, first_bad) + 1
    readings: dict[str, str] = {}  # text -> first code page giving it
    for code_page in CODE_PAGES:
        try:
            text = data.decode(code_page)
        except UnicodeDecodeError:
            continue
        if looks_like_text(text):
            readings.setdefault(text, code_page)
    if not readings:
        message = _(
            "not UTF-8, and no usual code page reads it as text: save it as CSV UTF-8, "
            "or name the encoding with --encoding"
        )
        raise LoadError([Problem(source, line, 1, message)])
    if len(readings) == 1:
        text, code_page = next(iter(readings.items()))
    else:
        chosen = _rank(data, readings)
        if chosen is None:
            raise LoadError([Problem(source, line, 1, _ambiguity(readings))])
        text, code_page = chosen
    name = display_name(code_page)
    note = _("not UTF-8: read as %(encoding)s (detected); if names look wrong, give --encoding") % {
        "encoding": name
    }
    return Decoded(text, name, note)


def _rank(data: bytes, readings: dict[str, str]) -> tuple[str, str] | None:
    """charset-normalizer's clear favourite among plausible readings, or None."""
    from charset_normalizer import from_bytes

    scored = []
    for text, code_page in readings.items():
        match = from_bytes(data, cp_isolation=[code_page]).best()
        coherence = match.coherence if match is not None else 0.0
        chaos = match.chaos if match is not None else 1.0
        scored.append((coherence - chaos, text, code_page))
    scored.sort(key=lambda item: -item[0])
    if scored[0][0] - scored[1][0] < CLEAR_LEAD:
        return None
    return scored[0][1], scored[0][2]


def _ambiguity(readings: dict[str, str]) -> str:
    (first, page1), (second, page2) = list(readings.items())[:2]
    words1, words2 = _WORD.findall(first), _WORD.findall(second)
    example = next(((a, b) for a, b in zip(words1, words2, strict=False) if a != b), ("?", "?"))
    from raci.workshop.spreadsheet.wording import quote_word

    message = _(
        "not UTF-8, and the encoding is ambiguous: %(first)s in %(page1)s or %(second)s in %(page2)s; "
        "name it with --encoding %(page1)s (or save the file as CSV UTF-8)"
    )
    return message % {
        "first": quote_word(example[0][:30]),
        "page1": display_name(page1),
        "second": quote_word(example[1][:30]),
        "page2": display_name(page2),
    }


def looks_like_text(text: str) -> bool:
    """No control character, no symbol inside a word, no word mixing Latin and Cyrillic."""
    for char in text:
        if unicodedata.category(char) == "Cc" and char not in "\t\n\r":
            return False
    return all(_word_is_clean(word) for word in _WORD.findall(text) if not word.isascii())


def _word_is_clean(word: str) -> bool:
    scripts = set()
    chars = list(word)
    for index, char in enumerate(chars):
        if char.isascii():
            if char.isalpha():
                scripts.add("latin")
            continue
        category = unicodedata.category(char)
        if category.startswith("L"):
            scripts.add(_script(char))
            continue
        if category in ("Co", "Cn", "Cs"):
            return False
        before = chars[index - 1] if index else ""
        after = chars[index + 1] if index + 1 < len(chars) else ""
        if before.isalpha() and after.isalpha():
            return False  # "Obs\u00b3uga", "Zarz\u00b9d": a symbol inside a word
    return len(scripts) <= 1 or (scripts == {"latin", "other"})


def _script(char: str) -> str:
    name = unicodedata.name(char, "")
    if name.startswith("LATIN"):
        return "latin"
    if name.startswith("CYRILLIC"):
        return "cyrillic"
    if name.startswith("GREEK"):
        return "greek"
    return "other"
