"""Guessing what a plain team spreadsheet leaves out: ids, activities and functions.

A matrix a team already keeps names its tasks ("Answer complaints on Facebook") and its
departments ("Customer Care") but rarely says which activity or function each is. We read
the words of the name: the vocabulary's aliases first, then a few everyday keywords. Every
guess is reported to the caller, who warns the user; nothing is guessed silently.
"""

from __future__ import annotations

import re
import unicodedata

from raci.model.vocabulary import (
    ACTIVITY_ALIASES,
    FUNCTION_ALIASES,
    Activity,
    Function,
    normalise_word,
    parse_activity,
    parse_function,
)

#: Everyday words in task names, beyond the vocabulary's aliases.
_ACTIVITY_KEYWORDS: dict[str, Activity] = {
    "watch": Activity.MONITOR,
    "mention": Activity.MONITOR,
    "mentions": Activity.MONITOR,
    "hashtag": Activity.MONITOR,
    "hashtags": Activity.MONITOR,
    "reviews": Activity.MONITOR,
    "find": Activity.DISCOVER,
    "topic": Activity.DISCOVER,
    "topics": Activity.DISCOVER,
    "stories": Activity.DISCOVER,
    "ideas": Activity.DISCOVER,
    "pick": Activity.SELECT,
    "picks": Activity.SELECT,
    "choose": Activity.SELECT,
    "ugc": Activity.SELECT,
    "photograph": Activity.CREATE,
    "photo": Activity.CREATE,
    "photos": Activity.CREATE,
    "shoot": Activity.CREATE,
    "design": Activity.CREATE,
    "video": Activity.CREATE,
    "videos": Activity.CREATE,
    "copy": Activity.CREATE,
    "campaign": Activity.CREATE,
    "posts": Activity.PUBLISH,
    "calendar": Activity.PUBLISH,
    "complaint": Activity.RESPOND,
    "comments": Activity.RESPOND,
    "dm": Activity.RESPOND,
    "dms": Activity.RESPOND,
    "tickets": Activity.RESPOND,
    "support": Activity.RESPOND,
    "community": Activity.RESPOND,
    "forum": Activity.RESPOND,
    "lead": Activity.SELL,
    "demo": Activity.SELL,
    "demos": Activity.SELL,
    "objection": Activity.SELL,
    "wholesale": Activity.SELL,
    "journalist": Activity.MEDIA_RELATIONS,
    "journalists": Activity.MEDIA_RELATIONS,
    "influencer": Activity.MEDIA_RELATIONS,
    "influencers": Activity.MEDIA_RELATIONS,
    "ad": Activity.PROMOTE,
    "budget": Activity.PROMOTE,
    "sponsored": Activity.PROMOTE,
    "outage": Activity.RECOVER,
    "outages": Activity.RECOVER,
    "mistake": Activity.RECOVER,
    "status": Activity.RECOVER,
    "report": Activity.MEASURE,
    "review": Activity.MEASURE,
    "dashboard": Activity.MEASURE,
    "kpi": Activity.MEASURE,
    "kpis": Activity.MEASURE,
    "stats": Activity.MEASURE,
}

_WORD = re.compile("[^\\W_]+(?:['\u2019][^\\W_]+)*")


def words(text: str) -> list[str]:
    return [w.replace("\u2019", "'") for w in _WORD.findall(text.lower())]


def _phrases(tokens: list[str]) -> list[tuple[int, int, str]]:
    """(start, length, phrase) for every run of one to three words, longest first at each start."""
    found = []
    for start in range(len(tokens)):
        for length in (3, 2, 1):
            if start + length <= len(tokens):
                found.append((start, length, " ".join(tokens[start : start + length])))
    return found


def guess_activity(*names: str) -> Activity | None:
    """The activity a task's name (or id) suggests.

    The earliest word or phrase that names an activity wins, except that everyday verbs
    ("answer", "post", "write"…) give way to a more telling word anywhere in the name:
    "Answer demo requests" is selling, "Post status updates during outages" is recovery.
    """
    for name in names:
        exact = parse_activity(name)
        if exact is not None:
            return exact
        weak: Activity | None = None
        for _, _, phrase in _phrases(words(normalise_word(name))):
            found = _activity_word(phrase)
            if found is None:
                continue
            if phrase not in _WEAK_WORDS:
                return found
            weak = weak or found
        if weak is not None:
            return weak
    return None


def _activity_word(phrase: str) -> Activity | None:
    found = ACTIVITY_ALIASES.get(phrase) or _ACTIVITY_KEYWORDS.get(phrase)
    if found is None and phrase.endswith("s") and " " not in phrase:
        found = ACTIVITY_ALIASES.get(phrase[:-1]) or _ACTIVITY_KEYWORDS.get(phrase[:-1])
    return found


#: Verbs so common in task names that a more specific word should decide.
_WEAK_WORDS = frozenset(
    {"answer", "answering", "reply", "replies", "write", "writing", "post", "posts", "posting", "share"}
    | {"sharing", "review", "engage", "engagement", "support", "questions", "campaign", "budget"}
)


def guess_function(*names: str) -> Function | None:
    """The function a department's name suggests, or None when no word names one.

    English names put the head word last ("Product Marketing" is marketing), so the last
    match wins; a longer phrase beats a shorter one, and "other" words lose to any real one.
    """
    for name in names:
        exact = parse_function(name)
        if exact is not None:
            return exact
        tokens = words(normalise_word(name))
        best: tuple[int, int, int, Function] | None = None
        for start, length, phrase in _phrases(tokens):
            found = FUNCTION_ALIASES.get(phrase)
            if found is None:
                continue
            rank = (0 if found is Function.OTHER else 1, length, start, found)
            if best is None or rank[:3] > best[:3]:
                best = rank
        if best is not None:
            return best[3]
    return None


_SLUG_DROP = re.compile("['\u2019`\"]")
_SLUG_SEPARATORS = re.compile(r"[^\w]+|_+")


def slugify(text: str) -> str:
    """An id from a name: "Founder's Office" -> "founders-office"; letters of any script stay."""
    folded = unicodedata.normalize("NFKC", text).strip().lower()
    folded = _SLUG_DROP.sub("", folded)
    return _SLUG_SEPARATORS.sub("-", folded).strip("-")[:80].strip("-")
