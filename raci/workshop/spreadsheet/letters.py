"""How hand-kept matrices spell their cells: letters, "no letter", notes and legends.

People write ``**RA**`` in Markdown, ``R (Build)`` to say which part of the work, ``(C)``
for a lighter consult, ``N/A`` or a dash for nobody. A cell is cleaned into the letters it
holds and the note beside them; the note is kept (in the task's description), never lost.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

#: Cells that mean "no letter".
NO_LETTER = frozenset(
    {"-", "--", "\u2013", "\u2014", "\u2012", "\u2212", ".", "\u00b7", "n/a", "na", "n.a.", "n.a", "none"}
    | {"nd", "n/d", "brak", "\u043d/\u0434", "\u043d\u0435\u0442", "\u2205", "/"}
)

#: Letters of RACI and its variants that a cell may hold before the letter map is applied.
_LETTERISH = re.compile(r"[A-Za-z](?:\s*[,/+&;|]?\s*[A-Za-z]){0,5}")
#: A footnote mark after the letters: "R*", "A/R**", "C\u2020", "I\u00b9".
_FOOTNOTE = re.compile(r"\s*(\*+|[\u2020\u2021\u00b9\u00b2\u00b3]+|\[\d+\])$")
_STRONG = re.compile(r"(\*\*|__|~~)(.+?)\1")
_EMPHASIS = re.compile(r"(?<!\w)([*_`])(.+?)\1(?!\w)")
_MARKUP_CHARS = re.compile(r"[*_`~<]")
_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)
_HTML_TAG = re.compile(r"<[^>]{0,40}>")
_NOTE = re.compile(r"^(?P<head>[^()\[\]]*?)\s*[(\[](?P<note>[^()\[\]]*)[)\]]\s*(?P<tail>[^()\[\]]*)$")
_LETTERS = frozenset("RACIS")


@dataclass(frozen=True)
class CleanCell:
    """A letter cell read: ``text`` for the letter parser (None: no letter), and a note."""

    text: str | None
    note: str | None = None
    #: A footnote mark after the letters ("*"); kept as the mark, worded where it is shown.
    footnote: str | None = None

    def note_text(self) -> str | None:
        """The note in the current language: "Build", or "footnote *" ("przypis *")."""
        if self.footnote is not None:
            from raci.i18n import gettext

            # Translators: a footnote mark found after a cell's letters, kept in the task's description.
            return gettext("footnote %(mark)s") % {"mark": self.footnote}
        return self.note


def strip_markup(text: str) -> str:
    """Markdown emphasis and inline HTML off a cell: ``**RA**`` -> ``RA``, ``a<br>b`` -> ``a\\nb``."""
    if not _MARKUP_CHARS.search(text):
        return text.strip()
    text = _BR.sub("\n", text)
    text = _HTML_TAG.sub("", text)
    text = _STRONG.sub(r"\2", text)
    return _EMPHASIS.sub(r"\2", text).strip()


def clean_letter_cell(value: str, letter_map: Mapping[str, str] | None = None) -> CleanCell:
    """Read one matrix cell: ``R (Build)`` -> R with note "Build"; ``(C)`` -> C; ``N/A`` -> none."""
    cell = _clean(value)
    if not letter_map or cell.text is None:
        return cell
    text = apply_letter_map(cell.text, letter_map)
    if not text.strip(" ,/+&;|"):
        return CleanCell(None, cell.note, cell.footnote)
    return CleanCell(text, cell.note, cell.footnote)


@lru_cache(maxsize=4096)  # a matrix repeats a handful of spellings thousands of times
def _clean(value: str) -> CleanCell:
    text = strip_markup(value)
    if text.lower() in NO_LETTER or not text:
        return CleanCell(None)
    note: str | None = None
    footnote = _FOOTNOTE.search(text)
    if footnote and _LETTERISH.fullmatch(text[: footnote.start()].strip()):
        return CleanCell(text[: footnote.start()].strip(), footnote=footnote.group().strip())
    match = _NOTE.match(text)
    if match is not None:
        head, inner, tail = match["head"].strip(), match["note"].strip(), match["tail"].strip()
        if not head and not tail and _LETTERISH.fullmatch(inner):
            text = inner  # "(C)": the letter in brackets
        elif head and _LETTERISH.fullmatch(head):
            text, note = head, " ".join(part for part in (inner, tail) if part) or None
    return CleanCell(text, note)


def apply_letter_map(text: str, letter_map: Mapping[str, str]) -> str:
    """Each mapped letter replaced (``D=A``); a letter mapped to ``-`` or nothing is dropped."""
    out = []
    for char in text:
        mapped = letter_map.get(char.upper())
        if mapped is None:
            out.append(char)
        elif mapped not in ("-", ""):
            out.append(mapped)
    return "".join(out)


def is_letter_cell(value: object) -> bool:
    """Whether a cell reads as RACI letters (``R``, ``A/R``, ``**RA**``, ``R (Build)``, ``S``)."""
    if not isinstance(value, str) or len(value) > 60:
        return False
    cell = _clean(value)
    if cell.text is None:
        return False
    letters = [c for c in cell.text.upper() if c.isalpha()]
    return bool(letters) and len(letters) <= 5 and set(letters) <= _LETTERS


def is_no_letter(value: object) -> bool:
    return isinstance(value, str) and _clean(value).text is None


# --- legends -------------------------------------------------------------------------------

_LEGEND_ITEM = re.compile(r"^\W*\(?[RACISDV]\)?\W*\s*[=:\u2013\u2014-]+\s*\w{3,}", re.IGNORECASE)
_LEGEND_WORDS = ("legend", "l\u00e9gende", "legenda", "\u043b\u0435\u0433\u0435\u043d\u0434\u0430", "key:")
#: Words that start notes below a table.
_NOTE_WORDS = (
    "note:",
    "notes:",
    "note ",
    "remarque",
    "uwaga",
    "uwagi",
    "\u043f\u0440\u0438\u043c\u0435\u0447",
)


_NOTE_COLUMN_WORDS = frozenset(word.strip() for word in _NOTE_WORDS if not word.endswith(":"))


def is_legend_text(value: object) -> bool:
    """``R = Responsible``, ``(A) - Accountable``, ``Legend: …``, ``Notes:``: not a table row."""
    return isinstance(value, str) and len(value) > 2 and _is_legend(value)


@lru_cache(maxsize=4096)
def _is_legend(value: str) -> bool:
    text = strip_markup(value)
    folded = text.lower()
    if folded.startswith(_LEGEND_WORDS):
        return True
    if folded.startswith(_NOTE_WORDS):
        # The bare word heads a column of notes ("Uwagi", "Remarques"); a note has more.
        return folded.strip() not in _NOTE_COLUMN_WORDS
    return bool(_LEGEND_ITEM.match(text))


# --- the transposed shape: Task | R | A | C | I with names in the cells -----------------------

_ROLE_WORDS: dict[str, str] = {
    "r": "R",
    "a": "A",
    "c": "C",
    "i": "I",
    "s": "S",
    "responsible": "R",
    "accountable": "A",
    "consulted": "C",
    "informed": "I",
    "support": "S",
    "supportive": "S",
    "supported": "S",
    "responsable": "R",
    "r\u00e9alisateur": "R",
    "approbateur": "A",
    "autorit\u00e9": "A",
    "consult\u00e9": "C",
    "inform\u00e9": "I",
    "odpowiedzialny": "R",
    "odpowiedzialni": "R",
    "wykonawca": "R",
    "wykonuje": "R",
    "wykonuj\u0105cy": "R",
    "wykonujacy": "R",
    "zatwierdzaj\u0105cy": "A",
    "zatwierdzajacy": "A",
    "zatwierdza": "A",
    "rozliczany": "A",
    "rozliczaj\u0105cy": "A",
    "rozliczajacy": "A",
    "konsultowany": "C",
    "konsultowani": "C",
    "informowany": "I",
    "informowani": "I",
    "wspieraj\u0105cy": "S",
    "wspierajacy": "S",
    "\u0438\u0441\u043f\u043e\u043b\u043d\u0438\u0442\u0435\u043b\u044c": "R",
    "\u043e\u0442\u0432\u0435\u0442\u0441\u0442\u0432\u0435\u043d\u043d\u044b\u0439": "A",
    "\u043a\u043e\u043d\u0441\u0443\u043b\u044c\u0442\u0430\u043d\u0442": "C",
    "\u043a\u043e\u043d\u0441\u0443\u043b\u044c\u0442\u0438\u0440\u0443\u0435\u043c\u044b\u0439": "C",
    "\u0438\u043d\u0444\u043e\u0440\u043c\u0438\u0440\u0443\u0435\u043c\u044b\u0439": "I",
}


def role_letter(value: object) -> str | None:
    """The letter a transposed header names: ``R``, ``Responsible``, ``Responsible (R)``, ``Consulté``."""
    if not isinstance(value, str):
        return None
    text = strip_markup(value).lower()
    bracketed = re.search(r"[(\[]\s*([a-z])\s*[)\]]", text)
    if bracketed and bracketed.group(1) in "racis":
        return bracketed.group(1).upper()
    words = re.findall(r"[^\W\d_]+", text)
    if not words:
        return None
    return _ROLE_WORDS.get(words[0]) if len(words) <= 3 else None
