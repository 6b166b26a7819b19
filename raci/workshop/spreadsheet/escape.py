"""Formula injection: text that a spreadsheet would run as a formula is neutralised.

A cell starting with ``=``, ``+``, ``-`` or ``@`` (or with a tab or carriage return, which
some programs skip before looking) is read by Excel and LibreOffice as a formula, and a
formula can call out to other programs. In CSV such text gets a leading apostrophe, the
spreadsheet convention for "this is text"; in XLSX it is stored as a text cell with the
quote prefix set. Nothing is stripped: importing removes exactly the apostrophe that
exporting added, so text round-trips unchanged.
"""

from __future__ import annotations

import re

DANGEROUS_START = ("=", "+", "-", "@", "\t", "\r")

# Text that is dangerous after any number of apostrophes: "=x", "'=x", "''=x"...
_ESCAPED = re.compile(r"'*[=+\-@\t\r]")


def is_dangerous(text: str) -> bool:
    return text.startswith(DANGEROUS_START)


def neutralise(text: str) -> str:
    """CSV cell text that no spreadsheet will run: one apostrophe before a dangerous start.

    Text that already starts with apostrophes before a dangerous character gets one more,
    so that :func:`restore` can always remove exactly one.
    """
    return "'" + text if _ESCAPED.match(text) else text


def restore(text: str) -> str:
    """Undo :func:`neutralise`: drop the one apostrophe it adds, and nothing else."""
    if text.startswith("'") and _ESCAPED.match(text, 1):
        return text[1:]
    return text
