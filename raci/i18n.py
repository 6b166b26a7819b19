"""Translations: ``_()`` and ``ngettext`` in the language of the current context.

English is the source language; other languages come from gettext catalogs shipped in
``raci/locale/<lang>/LC_MESSAGES/raci.mo`` (compiled from the ``.po`` files beside them).

The language is a context variable, so each thread (and each asyncio task) has its own: a
service can check one organisation in Polish and another in English at the same time::

    with raci.i18n.language("pl"):
        text = raci.report.render_report(...)

Without a language set, :func:`environment_language` decides (``RACI_LANG``, then the
locale), and English when nothing says. Text is translated when it is read, never stored
translated: marking a constant with :func:`N_` leaves it English until ``_()`` reads it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import gettext as _gettext

#: Languages raci speaks; the first is the source language.
LANGUAGES: tuple[str, ...] = ("en", "pl")
DEFAULT_LANGUAGE = "en"
DOMAIN = "raci"
LOCALE_DIR = Path(__file__).parent / "locale"
#: Where the locale is read from, strongest first (POSIX: LC_ALL overrides the others).
LOCALE_VARIABLES: tuple[str, ...] = ("LC_ALL", "LC_MESSAGES", "LANG")

_current: ContextVar[str | None] = ContextVar("raci_language", default=None)


class LanguageError(ValueError):
    """A language raci does not speak was asked for by name."""


def normalize(name: str) -> str | None:
    """``pl``, ``pl_PL.UTF-8``, ``PL-pl`` -> ``pl``; a language raci does not speak -> None."""
    code = name.strip().split(".")[0].split("@")[0].replace("-", "_").split("_")[0].lower()
    return code if code in LANGUAGES else None


def parse_language(name: str) -> str:
    """A language given by name (``--lang``, ``RACI_LANG``): one raci speaks, or LanguageError."""
    code = normalize(name)
    if code is None:
        raise LanguageError(f"unknown language {name!r}: expected one of {', '.join(LANGUAGES)}")
    return code


def environment_language(environ: Mapping[str, str] | None = None) -> str:
    """``RACI_LANG`` if set, else the locale's language (``LC_ALL``, ``LC_MESSAGES``,
    ``LANG``), else English. A locale raci does not speak (``C``, ``de_DE``) means English;
    an unknown ``RACI_LANG`` raises :class:`LanguageError` (it was asked for by name)."""
    env = os.environ if environ is None else environ
    chosen = env.get("RACI_LANG", "").strip()
    if chosen:
        return parse_language(chosen)
    for variable in LOCALE_VARIABLES:
        value = env.get(variable, "").strip()
        if value:
            # The first one set decides, even when it is "C": LC_ALL=C means English.
            return normalize(value) or DEFAULT_LANGUAGE
    return DEFAULT_LANGUAGE


def current_language() -> str:
    """The language of this context: the one set, else the environment's."""
    chosen = _current.get()
    if chosen is not None:
        return chosen
    try:
        return environment_language()
    except LanguageError:
        return DEFAULT_LANGUAGE  # the CLI reports a bad RACI_LANG; the library never fails on it


def set_language(name: str | None) -> None:
    """Set this context's language (None: follow the environment again)."""
    _current.set(None if name is None else parse_language(name))


@contextmanager
def language(name: str) -> Iterator[str]:
    """Use a language inside a ``with`` block (this thread or task only)."""
    code = parse_language(name)
    token = _current.set(code)
    try:
        yield code
    finally:
        _current.reset(token)


@cache
def translations(code: str) -> _gettext.NullTranslations:
    """The catalog of a language (English: none, messages are their own translation)."""
    import gettext as _gettext  # only when a translation is read: start-up stays lean

    if code == DEFAULT_LANGUAGE:
        return _gettext.NullTranslations()
    return _gettext.translation(DOMAIN, localedir=LOCALE_DIR, languages=[code], fallback=True)


def gettext(message: str) -> str:
    code = current_language()
    return message if code == DEFAULT_LANGUAGE else translations(code).gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The form for ``count`` (Polish has three: 1 zadanie, 2 zadania, 5 zadań)."""
    code = current_language()
    if code == DEFAULT_LANGUAGE:
        return singular if count == 1 else plural
    return translations(code).ngettext(singular, plural, count)


#: Languages that write 51,25 where English writes 51.25, and 12 500 for 12500.
_DECIMAL_COMMA = frozenset({"pl"})


def number(value: float) -> str:
    """A number as a reader of the current language writes it: ``51.25`` and ``12500`` in
    English, ``51,25`` and ``12 500`` (a no-break space from five digits) in Polish; ``:g``
    in both, so no trailing zeros (``8``, not ``8.0``)."""
    shown = f"{value:g}"
    if current_language() not in _DECIMAL_COMMA:
        return shown
    whole, dot, fraction = shown.partition(".")
    if "e" not in shown and abs(value) >= 10000:
        whole = f"{int(whole):,}".replace(",", "\u00a0")
    return whole + ("," if dot else "") + fraction


def inner_quotes(name: str) -> str:
    """A name about to be set in the language's quotation marks, its own quotation marks
    turned into the inner kind: Polish „Kampania »Pierniki«”, not „Kampania „Pierniki””."""
    # Translators: this language's quotation marks (opening, closing), then the pair used
    # for quotes inside quotes; exactly four characters.
    marks = gettext("\u201c\u201d\u2018\u2019")
    if len(marks) != 4 or marks[0] not in name or marks[1] not in name:
        return name  # only a whole pair of the outer kind is turned
    return name.replace(marks[0], marks[2]).replace(marks[1], marks[3])


def N_(message: str) -> str:
    """Mark a constant for the catalog; it is translated when read with ``_()``."""
    return message


_ = gettext

__all__ = [
    "DEFAULT_LANGUAGE",
    "LANGUAGES",
    "N_",
    "LanguageError",
    "_",
    "current_language",
    "environment_language",
    "gettext",
    "inner_quotes",
    "language",
    "ngettext",
    "normalize",
    "number",
    "parse_language",
    "set_language",
]
