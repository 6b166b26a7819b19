"""Did-you-mean for misspelt ids and field names, at a cost that does not grow with the file.

For a few hundred choices ``difflib`` compares the word with each of them. Past that, a
scan per problem is what made 1,000 misspelt references against 1,000 departments take
minutes, so the choices are indexed once by their one-character deletions (the idea behind
SymSpell): two words share a deletion when they are one substitution, insertion, deletion or
swap of neighbours apart (two for some), and only those candidates are compared with
``difflib``. The index is built at most once per set of choices, and only when a problem is
shown.
"""

from __future__ import annotations

import difflib
from collections.abc import Collection, Iterator

#: Up to this many choices, ``difflib`` looks at all of them (a few ms for 50 problems).
SCAN_LIMIT = 200
#: Longer words are not indexed: ids are short, and a 10 KB key has no near neighbour.
_LONGEST = 64
_CUTOFF = 0.6


def closest(
    word: str, choices: Collection[object], indexes: dict[int, SuggestionIndex] | None = None
) -> str | None:
    """The choice most like ``word`` (difflib ratio at least 0.6), or ``None``.

    ``indexes`` keeps the index of each set of choices (by ``id``) for the next word: pass
    the same dict for all the problems of one load, while the choices are alive.
    """
    if indexes is None:
        return SuggestionIndex(choices).closest(word)
    index = indexes.get(id(choices))
    if index is None:
        index = indexes[id(choices)] = SuggestionIndex(choices)
    return index.closest(word)


class SuggestionIndex:
    def __init__(self, choices: Collection[object]) -> None:
        self.choices = [str(choice) for choice in choices]
        self.by_deletion: dict[str, list[str]] | None = None
        if len(self.choices) > SCAN_LIMIT:
            self.by_deletion = {}
            for choice in self.choices:
                if len(choice) <= _LONGEST:
                    for variant in _deletions(choice):
                        self.by_deletion.setdefault(variant, []).append(choice)

    def closest(self, word: str) -> str | None:
        if self.by_deletion is None:
            candidates = self.choices
        elif len(word) > _LONGEST:
            return None
        else:
            found: set[str] = set()
            for variant in _deletions(word):
                found.update(self.by_deletion.get(variant, ()))
            candidates = sorted(found)
        close = difflib.get_close_matches(word, candidates, n=1, cutoff=_CUTOFF)
        return close[0] if close else None


def _deletions(word: str) -> Iterator[str]:
    yield word
    for at in range(len(word)):
        yield word[:at] + word[at + 1 :]
