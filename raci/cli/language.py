"""The run's language: ``--lang``, else ``RACI_LANG``, else the locale, else English.

No typer here: the fast ``raci check`` path uses it too.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable

from raci.cli.exit_codes import EXIT_BAD_INPUT
from raci.i18n import LANGUAGES, LanguageError, environment_language, gettext, parse_language, set_language


def use_language(flag: str | None) -> str:
    """Set this run's language and return it.

    Raises :class:`raci.i18n.LanguageError` for a ``--lang`` or ``RACI_LANG`` raci does not
    speak (a locale it does not speak, such as ``C`` or ``de_DE``, means English).
    """
    code = environment_language() if flag is None else parse_language(flag)
    set_language(code)
    return code


def run_in_language(flag: str | None, command: Callable[[], int]) -> int:
    """Set the run's language, then run the command; an unknown language is exit 2."""
    try:
        use_language(flag)
    except LanguageError:
        # Said in the locale's language: the one RACI_LANG names is not one raci speaks.
        locale = {name: value for name, value in os.environ.items() if name != "RACI_LANG"}
        set_language(environment_language(locale))
        message = gettext("raci: RACI_LANG: unknown language %(name)s: expected one of %(languages)s")
        values = {"name": repr(os.environ.get("RACI_LANG", "").strip()), "languages": ", ".join(LANGUAGES)}
        sys.stderr.write(message % values + "\n")
        return EXIT_BAD_INPUT
    return command()
