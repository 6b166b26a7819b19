"""When two ids are the same id to a reader: the key they are compared by.

Ids are trimmed of spaces, normalised to NFKC (so ``café`` typed as ``e`` + combining accent,
``care`` in full-width letters or a ligature are the id they look like) and folded to a confusable
skeleton (Unicode TR39): every character that Unicode's confusables data calls a look-alike
of another maps to one representative, so Latin ``care`` and ``c\u0430re`` with a Cyrillic ``\u0430``
have one key. Two different ids with one key are refused as duplicates; a reference that
matches a department only by its key is refused with the spelling to use.

The table is generated (scripts/make_confusables.py) from the confusables data; ids in plain
ASCII, the common case, take a short path with the few ASCII look-alikes (``l``, ``I``,
``1``, ``|``) folded by ``str.translate``.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

#: The ASCII rows of the table (``I``, ``O``, a backquote, ``l`` and ``|``): plain ids, the
#: common case, never load the whole table (start-up). tests/test_text_is_what_it_looks_like.py
#: holds it equal to the table's ASCII rows.
_ASCII_TABLE: dict[int, str] = str.maketrans({"I": "1", "O": "0", "`": "'", "l": "1", "|": "1"})


def id_key(text: str) -> str:
    """The key ``text`` is compared by as an id."""
    text = text.strip()
    if text.isascii():
        return text.translate(_ASCII_TABLE)
    return unicodedata.normalize("NFKC", text).translate(_full_table())


@lru_cache(maxsize=1)
def _full_table() -> dict[int, str]:
    from raci.model.confusable_table import PAIRS

    return {ord(PAIRS[i]): PAIRS[i + 1] for i in range(0, len(PAIRS), 2)}
