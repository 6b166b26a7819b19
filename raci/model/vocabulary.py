"""The words rules reason about: department functions, task activities and RACI letters.

Users write their own words ("Customer Care", "comms", "listening"); each maps onto one
canonical value so that rules compare functions and activities, never names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from enum import Enum
from typing import TypeVar

from raci.i18n import N_, gettext
from raci.model.polish_words import POLISH_ACTIVITIES, POLISH_AUDIENCES, POLISH_FUNCTIONS

_E = TypeVar("_E", bound=Enum)


class Function(str, Enum):
    MARKETING = "marketing"
    CUSTOMER_SERVICE = "customer_service"
    PUBLIC_RELATIONS = "public_relations"
    SALES = "sales"
    LEGAL = "legal"
    HR = "hr"
    PRODUCT = "product"
    EXECUTIVE = "executive"
    OTHER = "other"

    @property
    def label(self) -> str:
        """The label in the current language (every view, report and grid reads this)."""
        return gettext(FUNCTION_LABELS[self])

    @property
    def phrase(self) -> str:
        """The English label as it reads mid-sentence: "customer service", but "PR".

        Always English: views translate it as a message of its own (``gettext(phrase)``);
        rule messages name a function with :func:`raci.rules.wording.function_name`, which
        gives Polish the label to quote in the nominative (dział „Obsługa klienta”)."""
        label = FUNCTION_LABELS[self]
        return label if label.isupper() else label.lower()


class Activity(str, Enum):
    MONITOR = "monitor"
    DISCOVER = "discover"
    SELECT = "select"
    CREATE = "create"
    PUBLISH = "publish"
    RESPOND = "respond"
    SELL = "sell"
    MEDIA_RELATIONS = "media_relations"
    PROMOTE = "promote"
    RECOVER = "recover"
    MEASURE = "measure"
    #: Work that is not social media: RACI hygiene applies, no social media rule counts it.
    OTHER = "other"

    @property
    def label(self) -> str:
        """The label in the current language (every view, report and grid reads this)."""
        return gettext(ACTIVITY_LABELS[self])

    @property
    def is_social(self) -> bool:
        return self is not Activity.OTHER


class Audience(str, Enum):
    """Whom a task's work faces; the article's rules about answering customers need customers."""

    CUSTOMERS = "customers"
    CANDIDATES = "candidates"
    EMPLOYEES = "employees"
    MEDIA = "media"
    INVESTORS = "investors"
    PARTNERS = "partners"


class Letter(str, Enum):
    RESPONSIBLE = "R"
    ACCOUNTABLE = "A"
    #: RASCI's Support: does part of the work under the R; owns nothing, is not consulted.
    SUPPORT = "S"
    CONSULTED = "C"
    INFORMED = "I"


#: Order in which letters are written ("RA", never "AR"; RASCI's order).
LETTER_ORDER: tuple[Letter, ...] = (
    Letter.RESPONSIBLE,
    Letter.ACCOUNTABLE,
    Letter.SUPPORT,
    Letter.CONSULTED,
    Letter.INFORMED,
)
#: The letters a cell may hold, in writing order.
LETTER_CHARS = "".join(letter.value for letter in LETTER_ORDER)
_LETTER_SEPARATORS = " ,/+&;|"

#: The functions the article says must share social media with marketing.
SHARING_FUNCTIONS: tuple[Function, ...] = (
    Function.CUSTOMER_SERVICE,
    Function.PUBLIC_RELATIONS,
    Function.SALES,
)

FUNCTION_LABELS: dict[Function, str] = {
    Function.MARKETING: N_("Marketing"),
    Function.CUSTOMER_SERVICE: N_("Customer service"),
    Function.PUBLIC_RELATIONS: N_("PR"),
    Function.SALES: N_("Sales"),
    Function.LEGAL: N_("Legal"),
    Function.HR: N_("HR"),
    Function.PRODUCT: N_("Product"),
    Function.EXECUTIVE: N_("Executive"),
    Function.OTHER: N_("Other"),
}

ACTIVITY_LABELS: dict[Activity, str] = {
    Activity.MONITOR: N_("monitor (listen)"),
    Activity.DISCOVER: N_("discover"),
    Activity.SELECT: N_("select (curate)"),
    Activity.CREATE: N_("create (messaging)"),
    Activity.PUBLISH: N_("publish"),
    Activity.RESPOND: N_("respond"),
    Activity.SELL: N_("sell"),
    Activity.MEDIA_RELATIONS: N_("media relations"),
    Activity.PROMOTE: N_("promote (paid)"),
    Activity.RECOVER: N_("recover (mistakes)"),
    Activity.MEASURE: N_("measure"),
    Activity.OTHER: N_("other (not social media)"),
}

#: The activities of social media work, in catalogue order (every activity but ``other``).
SOCIAL_ACTIVITIES: tuple[Activity, ...] = tuple(a for a in Activity if a.is_social)

FUNCTION_ALIASES: dict[str, Function] = {
    "marketing": Function.MARKETING,
    "mkt": Function.MARKETING,
    "brand": Function.MARKETING,
    "branding": Function.MARKETING,
    "digital marketing": Function.MARKETING,
    "social media": Function.MARKETING,
    "social": Function.MARKETING,
    "content": Function.MARKETING,
    "growth": Function.MARKETING,
    "customer service": Function.CUSTOMER_SERVICE,
    "customer services": Function.CUSTOMER_SERVICE,
    "customer care": Function.CUSTOMER_SERVICE,
    "care": Function.CUSTOMER_SERVICE,
    "support": Function.CUSTOMER_SERVICE,
    "customer support": Function.CUSTOMER_SERVICE,
    "customer success": Function.CUSTOMER_SERVICE,
    "customer experience": Function.CUSTOMER_SERVICE,
    "cx": Function.CUSTOMER_SERVICE,
    "cs": Function.CUSTOMER_SERVICE,
    "service": Function.CUSTOMER_SERVICE,
    "helpdesk": Function.CUSTOMER_SERVICE,
    "help desk": Function.CUSTOMER_SERVICE,
    "client service": Function.CUSTOMER_SERVICE,
    "public relations": Function.PUBLIC_RELATIONS,
    "pr": Function.PUBLIC_RELATIONS,
    "comms": Function.PUBLIC_RELATIONS,
    "communications": Function.PUBLIC_RELATIONS,
    "communication": Function.PUBLIC_RELATIONS,
    "corporate communications": Function.PUBLIC_RELATIONS,
    "press": Function.PUBLIC_RELATIONS,
    "press office": Function.PUBLIC_RELATIONS,
    "media relations": Function.PUBLIC_RELATIONS,
    "sales": Function.SALES,
    "business development": Function.SALES,
    "bizdev": Function.SALES,
    "biz dev": Function.SALES,
    "account management": Function.SALES,
    "inside sales": Function.SALES,
    "legal": Function.LEGAL,
    "compliance": Function.LEGAL,
    "counsel": Function.LEGAL,
    "hr": Function.HR,
    "human resources": Function.HR,
    "people": Function.HR,
    "people ops": Function.HR,
    "product": Function.PRODUCT,
    "product management": Function.PRODUCT,
    "engineering": Function.PRODUCT,
    "r&d": Function.PRODUCT,
    "executive": Function.EXECUTIVE,
    "exec": Function.EXECUTIVE,
    "executives": Function.EXECUTIVE,
    "leadership": Function.EXECUTIVE,
    "management": Function.EXECUTIVE,
    "board": Function.EXECUTIVE,
    "c suite": Function.EXECUTIVE,
    "ceo": Function.EXECUTIVE,
    "other": Function.OTHER,
    "finance": Function.OTHER,
    "it": Function.OTHER,
    "operations": Function.OTHER,
}

ACTIVITY_ALIASES: dict[str, Activity] = {
    "monitor": Activity.MONITOR,
    "monitoring": Activity.MONITOR,
    "listen": Activity.MONITOR,
    "listening": Activity.MONITOR,
    "social listening": Activity.MONITOR,
    "discover": Activity.DISCOVER,
    "discovery": Activity.DISCOVER,
    "discovering": Activity.DISCOVER,
    "research": Activity.DISCOVER,
    "sourcing": Activity.DISCOVER,
    "select": Activity.SELECT,
    "selection": Activity.SELECT,
    "selecting": Activity.SELECT,
    "curate": Activity.SELECT,
    "curating": Activity.SELECT,
    "curation": Activity.SELECT,
    "create": Activity.CREATE,
    "creation": Activity.CREATE,
    "content creation": Activity.CREATE,
    "messaging": Activity.CREATE,
    "copywriting": Activity.CREATE,
    "write": Activity.CREATE,
    "writing": Activity.CREATE,
    "craft": Activity.CREATE,
    "publish": Activity.PUBLISH,
    "publishing": Activity.PUBLISH,
    "post": Activity.PUBLISH,
    "posting": Activity.PUBLISH,
    "schedule": Activity.PUBLISH,
    "scheduling": Activity.PUBLISH,
    "share": Activity.PUBLISH,
    "sharing": Activity.PUBLISH,
    "respond": Activity.RESPOND,
    "response": Activity.RESPOND,
    "responding": Activity.RESPOND,
    "reply": Activity.RESPOND,
    "replies": Activity.RESPOND,
    "answer": Activity.RESPOND,
    "answering": Activity.RESPOND,
    "complaints": Activity.RESPOND,
    "complaint handling": Activity.RESPOND,
    "inquiries": Activity.RESPOND,
    "enquiries": Activity.RESPOND,
    "questions": Activity.RESPOND,
    "engage": Activity.RESPOND,
    "engagement": Activity.RESPOND,
    "community management": Activity.RESPOND,
    "sell": Activity.SELL,
    "selling": Activity.SELL,
    "sales": Activity.SELL,
    "social selling": Activity.SELL,
    "leads": Activity.SELL,
    "lead handling": Activity.SELL,
    "objections": Activity.SELL,
    "objection handling": Activity.SELL,
    "media relations": Activity.MEDIA_RELATIONS,
    "media": Activity.MEDIA_RELATIONS,
    "press": Activity.MEDIA_RELATIONS,
    "press relations": Activity.MEDIA_RELATIONS,
    "pr": Activity.MEDIA_RELATIONS,
    "promote": Activity.PROMOTE,
    "promotion": Activity.PROMOTE,
    "promoting": Activity.PROMOTE,
    "paid": Activity.PROMOTE,
    "paid social": Activity.PROMOTE,
    "ads": Activity.PROMOTE,
    "advertising": Activity.PROMOTE,
    "boost": Activity.PROMOTE,
    "amplify": Activity.PROMOTE,
    "recover": Activity.RECOVER,
    "recovery": Activity.RECOVER,
    "incident": Activity.RECOVER,
    "incidents": Activity.RECOVER,
    "incident response": Activity.RECOVER,
    "crisis": Activity.RECOVER,
    "crisis management": Activity.RECOVER,
    "mistakes": Activity.RECOVER,
    "measure": Activity.MEASURE,
    "measurement": Activity.MEASURE,
    "measuring": Activity.MEASURE,
    "analytics": Activity.MEASURE,
    "reporting": Activity.MEASURE,
    "roi": Activity.MEASURE,
    "metrics": Activity.MEASURE,
    "other": Activity.OTHER,
    "general": Activity.OTHER,
    "project": Activity.OTHER,
    "project management": Activity.OTHER,
    "governance": Activity.OTHER,
    "admin": Activity.OTHER,
    "administration": Activity.OTHER,
    "operations": Activity.OTHER,
    "internal": Activity.OTHER,
    "non social": Activity.OTHER,
    "not social": Activity.OTHER,
    "planning": Activity.OTHER,
    "finance": Activity.OTHER,
    "compliance": Activity.OTHER,
    "audit": Activity.OTHER,
}

AUDIENCE_ALIASES: dict[str, Audience] = {
    "customers": Audience.CUSTOMERS,
    "customer": Audience.CUSTOMERS,
    "clients": Audience.CUSTOMERS,
    "client": Audience.CUSTOMERS,
    "consumers": Audience.CUSTOMERS,
    "users": Audience.CUSTOMERS,
    "public": Audience.CUSTOMERS,
    "candidates": Audience.CANDIDATES,
    "candidate": Audience.CANDIDATES,
    "applicants": Audience.CANDIDATES,
    "applicant": Audience.CANDIDATES,
    "job candidates": Audience.CANDIDATES,
    "job seekers": Audience.CANDIDATES,
    "recruits": Audience.CANDIDATES,
    "talent": Audience.CANDIDATES,
    "employees": Audience.EMPLOYEES,
    "employee": Audience.EMPLOYEES,
    "staff": Audience.EMPLOYEES,
    "internal": Audience.EMPLOYEES,
    "team": Audience.EMPLOYEES,
    "colleagues": Audience.EMPLOYEES,
    "media": Audience.MEDIA,
    "press": Audience.MEDIA,
    "journalists": Audience.MEDIA,
    "journalist": Audience.MEDIA,
    "reporters": Audience.MEDIA,
    "influencers": Audience.MEDIA,
    "investors": Audience.INVESTORS,
    "investor": Audience.INVESTORS,
    "shareholders": Audience.INVESTORS,
    "shareholder": Audience.INVESTORS,
    "analysts": Audience.INVESTORS,
    "partners": Audience.PARTNERS,
    "partner": Audience.PARTNERS,
    "suppliers": Audience.PARTNERS,
    "vendors": Audience.PARTNERS,
    "resellers": Audience.PARTNERS,
    "distributors": Audience.PARTNERS,
}

AUDIENCE_LABELS: dict[Audience, str] = {
    Audience.CUSTOMERS: "customers (the default)",
    Audience.CANDIDATES: "job candidates",
    Audience.EMPLOYEES: "employees",
    Audience.MEDIA: "journalists and media",
    Audience.INVESTORS: "investors",
    Audience.PARTNERS: "partners and suppliers",
}


def _add_words(table: dict[str, _E], words: Mapping[str, str], kind: type[_E]) -> None:
    """Add another language's words; an English alias spelt the same way stays."""
    for word, canonical in words.items():
        table.setdefault(word, kind(canonical))


_add_words(FUNCTION_ALIASES, POLISH_FUNCTIONS, Function)
_add_words(ACTIVITY_ALIASES, POLISH_ACTIVITIES, Activity)
_add_words(AUDIENCE_ALIASES, POLISH_AUDIENCES, Audience)

_SEPARATORS = re.compile(r"[\s_\-/]+")


def normalise_word(word: str) -> str:
    """Fold case and separators so "Customer-Care", "customer_care" and "customer care" meet."""
    return _SEPARATORS.sub(" ", word.strip().lower()).strip()


def parse_function(word: str) -> Function | None:
    return FUNCTION_ALIASES.get(normalise_word(word))


def parse_activity(word: str) -> Activity | None:
    return ACTIVITY_ALIASES.get(normalise_word(word))


def parse_audience(word: str) -> Audience | None:
    return AUDIENCE_ALIASES.get(normalise_word(word))


def parse_letters(text: str, *, letter_map: bool = True) -> tuple[frozenset[Letter], str | None]:
    """Read "RA", "R/A", "r, a" or "A R" into letters; the second item explains a problem.
    ``letter_map=False`` where no ``--letter-map`` can be given, so none is suggested."""
    letters: list[Letter] = []
    for char in text.upper():
        if char in _LETTER_SEPARATORS:
            continue
        if char not in LETTER_CHARS:
            return frozenset(), unknown_letter_message(char, letter_map=letter_map)
        letter = Letter(char)
        if letter in letters:
            return frozenset(), gettext("letter %(letter)s is written twice") % {"letter": char}
        letters.append(letter)
    if not letters:
        return frozenset(), gettext("no RACI letter given (use R, A, S, C or I, e.g. 'RA')")
    return frozenset(letters), None


def unknown_letter_message(char: str, *, letter_map: bool = True) -> str:
    """Other RACI variants (DRASCI's D, RACI-VS's V…) are not guessed: the user maps them."""
    if letter_map and char.isalpha() and char.isascii():
        return gettext(
            "unknown RACI letter %(quoted)s (use R, A, S, C or I, e.g. 'RA'); if your matrix uses "
            "another letter set, say what %(letter)s means, e.g. --letter-map %(letter)s=A"
        ) % {"quoted": repr(char), "letter": char}
    return gettext("unknown RACI letter %(quoted)s (use R, A, S, C or I, e.g. 'RA')") % {"quoted": repr(char)}


def parse_letter_map(pairs: Iterable[str]) -> dict[str, str]:
    """``["D=A", "V=C", "X=-"]`` -> ``{"D": "A", "V": "C", "X": ""}`` (``-``: no letter).

    Pairs may also come comma-separated in one string ("D=A,V=C"). Raises ValueError with a
    message naming the bad pair.
    """
    mapping: dict[str, str] = {}
    for chunk in pairs:
        for pair in chunk.split(","):
            key, value = _letter_pair(pair)
            if key in mapping and mapping[key] != value:
                message = gettext("--letter-map: %(letter)s is mapped twice (%(first)s and %(second)s)")
                raise ValueError(
                    message % {"letter": key, "first": mapping[key] or "-", "second": value or "-"}
                )
            mapping[key] = value
    return mapping


def _letter_pair(pair: str) -> tuple[str, str]:
    """One ``LETTER=LETTERS`` pair read, or ValueError naming it."""
    key, sep, value = pair.partition("=")
    key, value = key.strip().upper(), value.strip().upper()
    value = "" if value == "-" else value
    valid_value = all(char in LETTER_CHARS for char in value) and len(set(value)) == len(value)
    if not sep or len(key) != 1 or not key.isalpha() or not key.isascii() or not valid_value:
        message = gettext(
            "--letter-map %(pair)s: write LETTER=LETTERS with letters from "
            "R, A, S, C, I, e.g. D=A, V=C, or X=- for no letter"
        )
        raise ValueError(message % {"pair": repr(pair.strip())})
    if key in LETTER_CHARS and value != key:
        # A standard letter read as another would make the file mean two things.
        raise ValueError(gettext(_STANDARD_LETTER[key]) % {"pair": repr(pair.strip())})
    return key, value


#: Why a standard letter cannot be mapped, one sentence per letter (its name included).
_STANDARD_LETTER = {
    "R": N_(
        "--letter-map %(pair)s: R is a standard letter (Responsible) and cannot be remapped; "
        "map only other letters, e.g. D=A"
    ),
    "A": N_(
        "--letter-map %(pair)s: A is a standard letter (Accountable) and cannot be remapped; "
        "map only other letters, e.g. D=A"
    ),
    "S": N_(
        "--letter-map %(pair)s: S is a standard letter (Support) and cannot be remapped; "
        "map only other letters, e.g. D=A"
    ),
    "C": N_(
        "--letter-map %(pair)s: C is a standard letter (Consulted) and cannot be remapped; "
        "map only other letters, e.g. D=A"
    ),
    "I": N_(
        "--letter-map %(pair)s: I is a standard letter (Informed) and cannot be remapped; "
        "map only other letters, e.g. D=A"
    ),
}


def apply_letter_map(text: str, letter_map: Mapping[str, str]) -> str:
    """Each mapped letter replaced ("D" with D=A reads "A"); a letter mapped to "" is dropped."""
    return "".join(letter_map.get(char.upper(), char) for char in text)


def format_letters(letters: frozenset[Letter]) -> str:
    return "".join(letter.value for letter in LETTER_ORDER if letter in letters)
