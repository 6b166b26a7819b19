"""Find the English left in a text that is meant to be Polish.

``english_phrases(text)`` lists the runs of English words it finds, in order, as they are
written. It knows two kinds of English: common function words ("the", "is", "with") that no
Polish sentence contains, and this product's own English vocabulary ("task", "department",
"finding", "accountable", "fix"). A word counts only as a whole word, in any case.

What a Polish text may rightly contain is not counted:

* rule codes (``SOC102``, ``RACI001``) and RACI letters (``R``, ``RA``, ``RACI``, ``RASCI``);
* file paths, URLs, command-line options (``--lang``) and ``raci <command>`` invocations;
* canonical YAML values and keys inside backticks (`` `respond` ``, `` `effort_hours: 4` ``)
  or after a ``function:``, ``activity:`` or ``audience:`` key;
* snake_case identifiers (``customer_service``), one quoted word (``'tasks'``, an id or a
  key the message names) and a path of YAML keys (``rules: ignore: [SOC101]``);
* lines of YAML shown as an example: a key with a flow mapping after it
  (``answer-complaints: {activity: respond, raci: {care: RA}}``), a bare section key
  (``tasks:``) or an indented id alone (``  answer-dms:``), whose ids are code the reader
  may copy; text in double quotes on such a line (a waiver's reason) is still read;
* words Polish shares with English ("Marketing", "PR", "HR", "monitoring", "problem"), which
  are simply not on the list;
* anything in ``allowed`` (e.g. a department name the org itself spells in English).

Example::

    >>> english_phrases("Zadanie „Odpowiedzi” nie ma R. Fix: give the task an owner.")
    ['Fix', 'give the task an owner']
"""

from __future__ import annotations

import re
from collections.abc import Iterable


#: English function words that no Polish sentence uses ("do", "to", "a", "i", "by", "one", "we",
#: "was", "most", "same" ("te same"), "na" and "per" are Polish too, so they are left out).
def _words(block: str) -> frozenset[str]:
    return frozenset(block.split())


FUNCTION_WORDS = _words(
    """
    the an and or but nor of is are were be been being has have had having with without for
    on in into onto at from of off out over under up about after before between than then there
    here this that these those which who whom whose what when where why how if else so because
    it its itself they them their theirs he she his her our you your yours not no yes none
    nothing something anything everything every each all any some more less least much many
    few very too also only just still already yet again can cannot could will would should must
    may might shall does did done doing don't doesn't isn't aren't won't can't shouldn't
    nobody someone anyone everyone somebody anybody everybody other another such own
    across against along among around within until unless while since though although
    """
)

#: The product's English vocabulary: what its messages, views and reports talk about.
PRODUCT_WORDS = _words(
    """
    task tasks department departments responsible accountable consulted informed supporting
    supportive letter letters finding findings error errors warning warnings principle
    principles rule rules fix fixes fixed give gives add adds added remove removes owner owners
    own owns owned ownership share shares shared sharing holds hold held exactly least
    customer customers service services care sales legal executive public relations product
    complaint complaints question questions respond responds response responses answer answers
    answered publish publishes published create creates created select selects selected
    discover discovers discovered monitor monitors monitored measure measures measured
    measurement promote promotes promoted recover recovers recovery sell sells selling listening
    mistake mistakes crisis crises review reviews reviewed horizon quarter quarterly weekly
    daily monthly yearly effort hours hour capacity budget waived waiver waivers summary total
    score scorecard view views legend title page slide slides overview handoff handoffs gap gaps
    load loaded loading file files line lines column columns unknown expected missing invalid
    duplicate mean meant see run runs use uses used need needs needed nobody's workload
    activity activities function functions audience audiences candidates employees investors
    partners exceeds exceed threshold idle silo overloaded island islands reach reaches reached
    crisis cost costs costly covered exists exist long term returns keeps keep part
    week weeks team teams report reports matrix check checks checked passed failed failing
    found wrong right write writes written wrote read reads new old first last next
    assign assigned assignment unassigned approve approves approved approval involved
    involve involves nothing against works worked working change changes changed why
    suggestion suggestions suggest suggests before after moved move moves
    department's task's owner's value values key keys allowed not known
    support supports honoured honored misconception misconceptions fail fails pass passes
    clean pair pairs deck appendix contents channel channels posts comments like likes paid
    coverage overload hand mark marks number month months year years day days trust press
    journalists people work
    """
)

ENGLISH_WORDS = FUNCTION_WORDS | PRODUCT_WORDS

_IGNORED_SPANS = [
    re.compile(r"https?://\S+|www\.\S+"),
    # A path: anything with a slash, or a name ending in a file extension.
    re.compile(r"\S*[\\/]\S*|\S+\.(?:ya?ml|svg|png|pdf|html?|csv|xlsx|json|sarif|dot|md|txt|po|mo)\b"),
    # An option and the value after it: "--view handoffs", "-f json", "--lang=pl".
    re.compile(r"(?<![\w-])--?[A-Za-z][\w-]*(?:[ =][a-z][\w-]*)?"),
    re.compile(r"\braci\s+[a-z][a-z-]*"),
    # A YAML path of keys: "rules: ignore: [SOC101]", "rules: options:".
    re.compile(r"\b[a-z_]+:[ \t]+[a-z_]+:(?:[ \t]*\[[^\]\n]*\])?"),
    # One quoted word is an id or a key the message names: 'tasks', 'capcity_hours'.
    re.compile(r"(?<!\w)'[\w.-]+'(?!\w)"),
    # A YAML key and its canonical value: "activity: respond", "function: customer_service".
    re.compile(r"\b(?:function|activity|audiences?|review_horizon_days)\s*:\s*['\"]?[\w-]+['\"]?"),
    re.compile(r"\b[A-Z]{2,6}\d{3}\b"),
    re.compile(r"\b\w*_\w*\b"),
    re.compile(r"\b[RACIS]{1,5}\b"),
]

#: A line of example YAML: ``id: {…}``, a section key alone on its line, or an indented id
#: alone (``  answer-complaints:``); text in double quotes on it is still read.
_YAML_LINE = re.compile(
    r"^(?:[ \t]*[\w.-]+:[ \t]*\{.*\}[ \t]*|[ \t]*(?:organization|departments|tasks|rules|raci|waive):[ \t]*"
    r"|[ \t]{2,}[\w.-]+:[ \t]*)$",
    re.MULTILINE,
)
_QUOTED = re.compile(r'"[^"\n]*"')
_BACKTICKS = re.compile(r"`([^`\n]*)`")
_YAML_LIKE = re.compile(r"^[\w\s:,.{}\[\]'\"=-]*$")
_WORD = re.compile("[^\\W\\d_]+(?:['\u2019][^\\W\\d_]+)?")
#: What may stand between two English words of one phrase.
_GLUE = re.compile("^[\\s\\-\u2013\u2014,]*$")


def _canonical_values() -> frozenset[str]:
    """Every canonical value and English alias of the vocabulary, in lower case."""
    from raci.model.vocabulary import (
        ACTIVITY_ALIASES,
        AUDIENCE_ALIASES,
        FUNCTION_ALIASES,
        Activity,
        Audience,
        Function,
    )

    words: set[str] = set()
    for enum in (Function, Activity, Audience):
        words.update(member.value for member in enum)
    for aliases in (FUNCTION_ALIASES, ACTIVITY_ALIASES, AUDIENCE_ALIASES):
        words.update(aliases)
    return frozenset(w.lower() for w in words)


def _blank(match: re.Match[str]) -> str:
    # Keep the length and the line breaks so that neighbours on either side stay apart.
    return re.sub(r"[^\n]", " ", match.group(0))


def _blank_but_quotes(match: re.Match[str]) -> str:
    line = match.group(0)
    kept = [(quoted.start(), quoted.end()) for quoted in _QUOTED.finditer(line)]
    return "".join(
        char if any(start <= at < end for start, end in kept) or char == "\n" else " "
        for at, char in enumerate(line)
    )


def _strip_backticks(text: str, canonical: frozenset[str]) -> str:
    def replace(match: re.Match[str]) -> str:
        inner = match.group(1)
        words = [w.lower() for w in re.findall(r"[\w-]+", inner)]
        yaml_only = _YAML_LIKE.match(inner) and all(
            w in canonical or "_" in w or w.isdigit() or w.strip("-") in canonical for w in words
        )
        if yaml_only or len(words) <= 1:
            return _blank(match)
        return " " + inner + " "

    return _BACKTICKS.sub(replace, text)


def _strip_allowed(text: str, allowed: Iterable[str]) -> str:
    for phrase in sorted({a for a in allowed if a.strip()}, key=len, reverse=True):
        pattern = re.compile(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", re.IGNORECASE)
        text = pattern.sub(_blank, text)
    return text


def english_phrases(text: str, allowed: Iterable[str] = ()) -> list[str]:
    """The English words and phrases in ``text``, in order; adjacent words form one phrase."""
    text = _YAML_LINE.sub(_blank_but_quotes, text)
    text = _strip_allowed(text, allowed)
    text = _strip_backticks(text, _canonical_values())
    for pattern in _IGNORED_SPANS:
        text = pattern.sub(_blank, text)
    phrases: list[str] = []
    start = end = -1
    for match in _WORD.finditer(text):
        if match.group(0).lower().replace("\u2019", "'") not in ENGLISH_WORDS:
            continue
        if start >= 0 and _GLUE.match(text[end : match.start()]):
            end = match.end()
            continue
        if start >= 0:
            phrases.append(text[start:end])
        start, end = match.start(), match.end()
    if start >= 0:
        phrases.append(text[start:end])
    return phrases
