"""Guessing what a plain team spreadsheet leaves out: ids, activities and functions.

A matrix a team already keeps names its tasks ("Answer complaints on Facebook") and its
departments ("Customer Care") but rarely says which activity or function each is. We read
the words of the name: the vocabulary's aliases first, then a few everyday keywords. Every
guess is reported to the caller, who warns the user; nothing is guessed silently.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from raci.i18n import N_, gettext
from raci.model.vocabulary import (
    ACTIVITY_ALIASES,
    FUNCTION_ALIASES,
    Activity,
    Audience,
    Function,
    normalise_word,
    parse_activity,
    parse_function,
)

#: The activity of work that is not social media.
OTHER = "other"

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
    "qualify": Activity.SELL,
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

#: Words so telling of social media work that they decide even when office words are near.
#: Everything else matched by the vocabulary is "weak": it decides only when the name has
#: no office word (below) in it.
_AMBIGUOUS = frozenset(
    {"lead", "leads", "review", "reviews", "report", "reporting", "support", "status", "budget"}
    | {"design", "copy", "content", "research", "selection", "select", "schedule", "scheduling"}
    | {"response", "questions", "inquiries", "enquiries", "creation", "create", "share", "sharing"}
    | {"media", "discovery", "find", "pick", "choose", "topic", "stories", "ideas", "measure"}
    | {"metrics", "measurement", "calendar", "mistake", "mistakes", "craft", "pr"}
)

#: Words of office and project work that no social media activity covers: a name holding
#: one is "other" unless a telling social word is also there ("Approve press releases").
OFFICE_WORDS = frozenset(
    {"interview", "hire", "hiring", "recruit", "recruiting", "recruitment", "onboard", "onboarding"}
    | {"offboarding", "payroll", "salary", "appraisal", "training", "train", "audit", "auditing"}
    | {"approve", "approval", "sign", "invoice", "invoicing", "contract", "procurement", "purchase"}
    | {"vendor", "supplier", "tender", "accounting", "forecast", "code", "coding", "deploy"}
    | {"deployment", "release", "test", "testing", "qa", "build", "backup", "restore", "server"}
    | {"database", "infrastructure", "network", "patch", "patching", "architecture", "requirements"}
    | {"specification", "specifications", "spec", "documentation", "charter", "plan", "planning"}
    | {"roadmap", "kickoff", "kick", "retrospective", "sprint", "backlog", "risk", "compliance"}
    | {"policy", "policies", "security", "access", "license", "licensing", "maintenance", "migration"}
    | {"gantt", "milestone", "steering", "governance", "assessment", "inventory", "change"}
    | {"pipeline", "repository", "branch", "pull", "merge", "ci", "cd", "vulnerability", "threat"}
    | {"model", "validation", "data", "privacy", "dpia", "gdpr", "legal", "sla", "slo", "capacity"}
    | {"management", "itil", "cab", "betrieb", "wartung", "exploitation", "projet", "projekt"}
)


# Why a value was guessed; read through gettext when the reason is shown, so the cached
# guesses below serve every language.
# Translators: why the importer guessed a value ("the name 'Customer Care'").
_BY_NAME = N_("the name %(text)s")
# Translators: why the importer guessed a value ("the word 'complaints'").
_BY_WORD = N_("the word %(word)s")
# Translators: a telling word, but most tasks of the matrix are office work, so "other".
_OFFICE_MATRIX = N_("the word %(word)s in a matrix of office work")
_OFFICE_WORD = N_("office work: the word %(word)s")
# Translators: a social channel's name and an ambiguous word decided ("'facebook' and 'report'").
_BY_WORDS = N_("the words %(channel)s and %(word)s")
_NO_ACTIVITY = N_("no word of the name names an activity")
_NO_FUNCTION = N_("no word of the name names a function")


@dataclass(frozen=True)
class Guess:
    """A value read from a name, with the word that decided it, or why nothing did."""

    value: str
    #: The reason's message (English, marked for translation) and the words it quotes.
    why: str
    words: tuple[tuple[str, str], ...] = ()
    #: False when the name said too little and the value is the fallback ("other").
    confident: bool = True

    @property
    def reason(self) -> str:
        """Why, in the current language: "the word 'complaints'"."""
        from raci.workshop.spreadsheet.wording import quote_word

        return gettext(self.why) % {key: quote_word(word) for key, word in self.words}


def words(text: str) -> list[str]:
    return [w.replace("\u2019", "'") for w in _WORD.findall(text.lower())]


def singular(word: str) -> str:
    """An English plural's singular, well enough for matching names: reviews -> review."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _phrases(tokens: list[str]) -> list[tuple[int, int, str]]:
    """(start, length, phrase) for every run of one to three words, longest first at each start."""
    found = []
    for start in range(len(tokens)):
        for length in (3, 2, 1):
            if start + length <= len(tokens):
                found.append((start, length, " ".join(tokens[start : start + length])))
    return found


@lru_cache(maxsize=8192)
def guess_task_activity(name: str, *more: str, office_context: bool = False) -> Guess:
    """The activity a task's name suggests, or "other" with the reason.

    A telling social word decides ("complaints", "influencers", "ads"); an office word
    ("interview", "audit", "code", "approve") makes it "other"; a weak social word
    ("answer", "post", "review") decides only when nothing else does, and words that mean
    different things in an office ("review", "report", "lead") never decide alone. With
    ``office_context`` (most tasks of the matrix are office work), words that office work
    uses too ("incident", "recovery", "monitoring") do not decide either.
    """
    for text in (name, *more):
        exact = parse_activity(text)
        if exact is not None:
            return Guess(exact.value, _BY_NAME, (("text", text),))
        # "social media" says where the work is, not media relations.
        tokens = words(normalise_word(text).replace("social media", "social"))
        guess = _guess_from_words(tokens, _activity_phrases(tokens), office_context)
        if guess is not None:
            return guess
    return Guess(OTHER, _NO_ACTIVITY, confident=False)


@dataclass
class _Phrases:
    """The first phrase of each kind an activity name holds: (activity, phrase)."""

    telling: tuple[str, str] | None = None
    weak: tuple[str, str] | None = None
    office_alias: str | None = None
    ambiguous: tuple[str, str] | None = None


def _activity_phrases(tokens: list[str]) -> _Phrases:
    kinds = _Phrases()
    for _, _, phrase in _phrases(tokens):
        found = _activity_word(phrase)
        if found is None:
            continue
        if phrase in _AMBIGUOUS or singular(phrase) in _AMBIGUOUS:
            kinds.ambiguous = kinds.ambiguous or (found.value, phrase)
            continue
        if found is Activity.OTHER:
            kinds.office_alias = kinds.office_alias or phrase
        elif phrase in _WEAK_WORDS or singular(phrase) in _WEAK_WORDS:
            kinds.weak = kinds.weak or (found.value, phrase)
        elif kinds.telling is None:
            kinds.telling = (found.value, phrase)
    return kinds


def _guess_from_words(tokens: list[str], kinds: _Phrases, office_context: bool) -> Guess | None:
    """The guess one text's words make, in order of how much each kind of word tells."""
    office = kinds.office_alias or _office_word(tokens)
    telling = kinds.telling or _stem_word(tokens)
    dual = telling is not None and telling[1] in _DUAL_USE
    if telling is not None and not (dual and (office is not None or office_context)):
        return Guess(telling[0], _BY_WORD, (("word", telling[1]),))
    if telling is not None and office is None:
        return Guess(OTHER, _OFFICE_MATRIX, (("word", telling[1]),))
    if office is not None:
        return Guess(OTHER, _OFFICE_WORD, (("word", office),))
    if kinds.weak is not None:
        return Guess(kinds.weak[0], _BY_WORD, (("word", kinds.weak[1]),))
    return _channel_guess(tokens, kinds.ambiguous)


def _channel_guess(tokens: list[str], ambiguous: tuple[str, str] | None) -> Guess | None:
    """An ambiguous word decides only beside a social channel's name ("Facebook report")."""
    channel = next((w for w in tokens if w in SOCIAL_WORDS), None)
    if ambiguous is not None and channel is not None:
        return Guess(ambiguous[0], _BY_WORDS, (("channel", channel), ("word", ambiguous[1])))
    return None


def _office_word(tokens: list[str]) -> str | None:
    return next((w for w in tokens if singular(w) in OFFICE_WORDS or w in OFFICE_WORDS), None)


#: Words that put a task on social media, so that a word like "report" or "review" in the
#: same name means the social media kind.
SOCIAL_WORDS = frozenset(
    {"social", "facebook", "instagram", "linkedin", "twitter", "tiktok", "youtube", "x", "threads"}
    | {"pinterest", "snapchat", "reddit", "mastodon", "bluesky", "whatsapp", "messenger", "telegram"}
)

#: Telling words that office work uses too: with an office word beside them they do not
#: decide ("Backup and recovery", "Security incident review" are IT work).
_DUAL_USE = frozenset(
    {"recovery", "recover", "incident", "incidents", "incident response", "sales", "status", "monitor"}
    | {"monitoring", "publish", "publishing", "promotion", "promote", "response", "ad", "ads"}
)

#: Word stems of task names in Polish and French, whose endings change with grammar
#: ("skargi", "skargami"): a word starting with the stem counts.
_STEMS: tuple[tuple[str, Activity], ...] = (
    ("skarg", Activity.RESPOND),
    ("reklamac", Activity.RESPOND),
    ("odpowied", Activity.RESPOND),
    ("komentarz", Activity.RESPOND),
    ("r\u00e9pon", Activity.RESPOND),
    ("r\u00e9clamation", Activity.RESPOND),
    ("plainte", Activity.RESPOND),
    ("wzmian", Activity.MONITOR),
    ("veille", Activity.MONITOR),
    ("publik", Activity.PUBLISH),
    ("publica", Activity.PUBLISH),
    ("publier", Activity.PUBLISH),
    ("dziennikar", Activity.MEDIA_RELATIONS),
    ("journalist", Activity.MEDIA_RELATIONS),
    ("presse", Activity.MEDIA_RELATIONS),
    ("prasow", Activity.MEDIA_RELATIONS),
    ("kampani", Activity.PROMOTE),
    ("reklam", Activity.PROMOTE),
    ("publicit", Activity.PROMOTE),
    ("kryzys", Activity.RECOVER),
    ("crise", Activity.RECOVER),
    ("raport", Activity.MEASURE),
    ("statystyk", Activity.MEASURE),
    ("statistiq", Activity.MEASURE),
    ("sprzeda", Activity.SELL),
    ("vente", Activity.SELL),
    ("tre\u015bci", Activity.CREATE),
    ("contenu", Activity.CREATE),
    ("\u0436\u0430\u043b\u043e\u0431", Activity.RESPOND),
    ("\u043e\u0442\u0432\u0435\u0442", Activity.RESPOND),
    ("\u043f\u0443\u0431\u043b\u0438\u043a\u0430\u0446", Activity.PUBLISH),
    ("\u0443\u043f\u043e\u043c\u0438\u043d\u0430\u043d", Activity.MONITOR),
    ("\u0436\u0443\u0440\u043d\u0430\u043b\u0438\u0441\u0442", Activity.MEDIA_RELATIONS),
    ("\u043e\u0442\u0447\u0451\u0442", Activity.MEASURE),
    ("\u043e\u0442\u0447\u0435\u0442", Activity.MEASURE),
    ("\u0440\u0435\u043a\u043b\u0430\u043c", Activity.PROMOTE),
    ("\u043a\u0440\u0438\u0437\u0438\u0441", Activity.RECOVER),
    ("\u043f\u0440\u043e\u0434\u0430\u0436", Activity.SELL),
)


_STEM_PATTERN = re.compile("|".join(f"({re.escape(stem)})" for stem, _ in _STEMS))


def _stem_word(tokens: list[str]) -> tuple[str, str] | None:
    for token in tokens:
        found = _STEM_PATTERN.match(token)
        if found is not None:
            return _STEMS[(found.lastindex or 1) - 1][1].value, token
    return None


def guess_activity(*names: str) -> Activity | None:
    """The social media activity a name names, or None (office work, or nothing telling)."""
    guess = guess_task_activity(*names)
    return None if guess.value == OTHER else Activity(guess.value)


#: Words that say who a social task speaks to, when that is not customers. Words that say it
#: only sometimes ("team", "public", "users", "talent") are left out: customers is the default.
_AUDIENCE_WORDS: dict[str, Audience] = {
    "candidate": Audience.CANDIDATES,
    "applicant": Audience.CANDIDATES,
    "job": Audience.CANDIDATES,
    "job post": Audience.CANDIDATES,
    "job ad": Audience.CANDIDATES,
    "job offer": Audience.CANDIDATES,
    "job posting": Audience.CANDIDATES,
    "job seeker": Audience.CANDIDATES,
    "career page": Audience.CANDIDATES,
    "employer brand": Audience.CANDIDATES,
    "employer branding": Audience.CANDIDATES,
    "recruitment": Audience.CANDIDATES,
    "kandydat": Audience.CANDIDATES,
    "kandydatom": Audience.CANDIDATES,
    "kandydaci": Audience.CANDIDATES,
    "candidat": Audience.CANDIDATES,
    "dziennikarz": Audience.MEDIA,
    "dziennikarzami": Audience.MEDIA,
    "dziennikarzy": Audience.MEDIA,
    "journaliste": Audience.MEDIA,
    "\u0436\u0443\u0440\u043d\u0430\u043b\u0438\u0441\u0442\u0430\u043c\u0438": Audience.MEDIA,
    "\u043a\u0430\u043d\u0434\u0438\u0434\u0430\u0442\u0430\u043c": Audience.CANDIDATES,
    "journalist": Audience.MEDIA,
    "reporter": Audience.MEDIA,
    "press": Audience.MEDIA,
    "media": Audience.MEDIA,
    "investor": Audience.INVESTORS,
    "shareholder": Audience.INVESTORS,
    "reseller": Audience.PARTNERS,
    "distributor": Audience.PARTNERS,
    "supplier": Audience.PARTNERS,
    "employee": Audience.EMPLOYEES,
    "staff": Audience.EMPLOYEES,
}


def guess_task_audience(name: str) -> Guess | None:
    """Who a task speaks to when its name says so plainly ("candidates", "job posts",
    "journalists"); None leaves the default, customers."""
    tokens = words(normalise_word(name))
    for _, _, phrase in _phrases(tokens):
        found = next((a for form in _forms(phrase) if (a := _AUDIENCE_WORDS.get(form))), None)
        if found is not None and found is not Audience.CUSTOMERS:
            return Guess(found.value, _BY_WORD, (("word", phrase),))
    return None


def _activity_word(phrase: str) -> Activity | None:
    for form in _forms(phrase):
        found = ACTIVITY_ALIASES.get(form) or _ACTIVITY_KEYWORDS.get(form)
        if found is not None:
            return found
    return None


def _forms(phrase: str) -> tuple[str, ...]:
    """A phrase as written, with its last word singular, and plural: names use either."""
    head, _, last = phrase.rpartition(" ")
    prefix = head + " " if head else ""
    return (phrase, prefix + singular(last), phrase + "s")


#: Verbs so common in task names that a more specific word should decide.
_WEAK_WORDS = frozenset(
    {"answer", "answering", "reply", "replies", "write", "writing", "post", "posts", "posting", "share"}
    | {"sharing", "review", "engage", "engagement", "support", "questions", "campaign", "budget"}
)

#: Department names beyond the vocabulary's aliases: office roles, and the words of
#: matrices kept in French, Polish and Russian.
_FUNCTION_WORDS: dict[str, Function] = {
    "developer": Function.PRODUCT,
    "dev": Function.PRODUCT,
    "engineer": Function.PRODUCT,
    "software engineer": Function.PRODUCT,
    "tech lead": Function.PRODUCT,
    "technical leader": Function.PRODUCT,
    "architect": Function.PRODUCT,
    "qa": Function.PRODUCT,
    "tester": Function.PRODUCT,
    "quality assurance": Function.PRODUCT,
    "product owner": Function.PRODUCT,
    "product manager": Function.PRODUCT,
    "designer": Function.PRODUCT,
    "ux": Function.PRODUCT,
    "recruiter": Function.HR,
    "recruiting": Function.HR,
    "recruitment": Function.HR,
    "talent": Function.HR,
    "talent acquisition": Function.HR,
    "lawyer": Function.LEGAL,
    "dpo": Function.LEGAL,
    "data protection officer": Function.LEGAL,
    "privacy officer": Function.LEGAL,
    "sponsor": Function.EXECUTIVE,
    "project sponsor": Function.EXECUTIVE,
    "executive sponsor": Function.EXECUTIVE,
    "steering committee": Function.EXECUTIVE,
    "cfo": Function.EXECUTIVE,
    "cto": Function.EXECUTIVE,
    "coo": Function.EXECUTIVE,
    "director": Function.EXECUTIVE,
    "managing director": Function.EXECUTIVE,
    "sales rep": Function.SALES,
    "account manager": Function.SALES,
    "community manager": Function.MARKETING,
    "social media manager": Function.MARKETING,
    "audit": Function.OTHER,
    "internal audit": Function.OTHER,
    "security": Function.OTHER,
    "devops": Function.OTHER,
    "ops": Function.OTHER,
    "project manager": Function.OTHER,
    "pm": Function.OTHER,
    "pmo": Function.OTHER,
    "program manager": Function.OTHER,
    "procurement": Function.OTHER,
    # French
    "service client": Function.CUSTOMER_SERVICE,
    "relation client": Function.CUSTOMER_SERVICE,
    "juridique": Function.LEGAL,
    "direction": Function.EXECUTIVE,
    "direction g\u00e9n\u00e9rale": Function.EXECUTIVE,
    "ventes": Function.SALES,
    "commercial": Function.SALES,
    "ressources humaines": Function.HR,
    "rh": Function.HR,
    "communication": Function.PUBLIC_RELATIONS,
    "relations presse": Function.PUBLIC_RELATIONS,
    # Polish
    "obs\u0142uga klienta": Function.CUSTOMER_SERVICE,
    "dzia\u0142 obs\u0142ugi klienta": Function.CUSTOMER_SERVICE,
    "prawny": Function.LEGAL,
    "dzia\u0142 prawny": Function.LEGAL,
    "zarz\u0105d": Function.EXECUTIVE,
    "sprzeda\u017c": Function.SALES,
    "kadry": Function.HR,
    "komunikacja": Function.PUBLIC_RELATIONS,
    "rzecznik prasowy": Function.PUBLIC_RELATIONS,
    # Russian
    "\u043c\u0430\u0440\u043a\u0435\u0442\u0438\u043d\u0433": Function.MARKETING,
    "\u044e\u0440\u0438\u0441\u0442\u044b": Function.LEGAL,
    "\u044e\u0440\u0438\u0441\u0442": Function.LEGAL,
    "\u0440\u0443\u043a\u043e\u0432\u043e\u0434\u0441\u0442\u0432\u043e": Function.EXECUTIVE,
    "\u043f\u0440\u043e\u0434\u0430\u0436\u0438": Function.SALES,
    "\u043f\u043e\u0434\u0434\u0435\u0440\u0436\u043a\u0430": Function.CUSTOMER_SERVICE,
    "\u043a\u0430\u0434\u0440\u044b": Function.HR,
    # "служба поддержки", "PR-служба", "директор по маркетингу"
    "\u0441\u043b\u0443\u0436\u0431\u0430 "
    "\u043f\u043e\u0434\u0434\u0435\u0440\u0436\u043a\u0438": Function.CUSTOMER_SERVICE,
    "pr \u0441\u043b\u0443\u0436\u0431\u0430": Function.PUBLIC_RELATIONS,
    "\u0434\u0438\u0440\u0435\u043a\u0442\u043e\u0440 \u043f\u043e "
    "\u043c\u0430\u0440\u043a\u0435\u0442\u0438\u043d\u0433\u0443": Function.MARKETING,
}


def guess_department_function(name: str, *more: str) -> Guess:
    """The function a department's name suggests, or "other" with the reason.

    English names put the head word last ("Product Marketing" is marketing), so the last
    match wins; a longer phrase beats a shorter one, and "other" words lose to any real one.
    """
    for text in (name, *more):
        exact = parse_function(text) or _FUNCTION_WORDS.get(normalise_word(text))
        if exact is not None:
            return Guess(exact.value, _BY_NAME, (("text", text),))
        tokens = words(normalise_word(text))
        best: tuple[int, int, int, Function, str] | None = None
        for start, length, phrase in _phrases(tokens):
            found = next(
                (
                    f
                    for form in _forms(phrase)
                    if (f := FUNCTION_ALIASES.get(form) or _FUNCTION_WORDS.get(form))
                ),
                None,
            )
            if found is None:
                continue
            rank = (0 if found is Function.OTHER else 1, length, start, found, phrase)
            if best is None or rank[:3] > best[:3]:
                best = rank
        if best is not None:
            return Guess(best[3].value, _BY_WORD, (("word", best[4]),))
    return Guess(Function.OTHER.value, _NO_FUNCTION, confident=False)


def guess_function(*names: str) -> Function | None:
    """The function a department's name suggests, or None when no word names one."""
    guess = guess_department_function(*names)
    return Function(guess.value) if guess.confident else None


_SLUG_DROP = re.compile("['\u2019`\"]")
_SLUG_SEPARATORS = re.compile(r"[^\w]+|_+")


def slugify(text: str) -> str:
    """An id from a name: "Founder's Office" -> "founders-office"; letters of any script stay."""
    folded = unicodedata.normalize("NFKC", text).strip().lower()
    folded = _SLUG_DROP.sub("", folded)
    return _SLUG_SEPARATORS.sub("-", folded).strip("-")[:80].strip("-")
