"""How import messages quote a name and write a number, in the language of the run.

English keeps its quoting ('Customer Care', 250,000); Polish quotes as Polish text does
(„Obsługa klienta”) and groups digits with a space (250 000).
"""

from __future__ import annotations

from raci.i18n import DEFAULT_LANGUAGE, current_language
from raci.i18n import gettext as _
from raci.model.text_safety import excerpt, shorten


def quote(value: object, limit: int = 40) -> str:
    """User text in a message, shortened and escaped: 'Customer Care' or „Obsługa klienta”."""
    if current_language() == DEFAULT_LANGUAGE:
        return excerpt(value, limit)
    return f"\u201e{shorten(value, limit)}\u201d"


def quote_word(text: str) -> str:
    """A word or value in a message: ``repr`` in English ('respond'), „odpowiedzi” in Polish."""
    if current_language() == DEFAULT_LANGUAGE:
        return repr(text)
    return f"\u201e{shorten(text, 80)}\u201d"


def grouped(number: int) -> str:
    """A large number with its digits grouped: 250,000 (English), 250 000 (Polish)."""
    text = f"{number:,}"
    return text if current_language() == DEFAULT_LANGUAGE else text.replace(",", "\u00a0")


def warning_line(message: str) -> str:
    """A warning line's text ("warning: …"), the way problems print it."""
    # Translators: the start of an import warning ("uwaga: …").
    return _("warning: %(message)s") % {"message": message}


def guess_line(message: str) -> str:
    """A guess line's text ("guess: …")."""
    # Translators: the start of a line naming a value the importer guessed from a name.
    return _("guess: %(message)s") % {"message": message}
