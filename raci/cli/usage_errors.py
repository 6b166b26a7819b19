"""A command line typer refuses (unknown option, bad choice, missing argument), said in the
reader's language.

The usage line stays as typer prints it (help is English); the error line is worded from the
shapes typer's messages take, each read by a pattern. A message no pattern knows is shown
as typer wrote it. The language is the one ``--lang`` asks for on this command line if it
names one raci speaks, else the environment's: the run has not set one yet when parsing fails.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from typing import Any

from raci.i18n import DEFAULT_LANGUAGE, N_, LanguageError, environment_language, language, normalize
from raci.i18n import gettext as _

#: (pattern of typer's English message, its wording with the pattern's named groups).
_SHAPES: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(r"No such option: (?P<option>\S+) \(Possible options: (?P<choices>.+)\)"),
        N_("no such option: %(option)s (possible options: %(choices)s)"),
    ),
    (
        re.compile(r"No such option: (?P<option>\S+) Did you mean (?P<choices>\S+)\?"),
        N_("no such option: %(option)s; did you mean %(choices)s?"),
    ),
    (re.compile(r"No such option: (?P<option>\S+)"), N_("no such option: %(option)s")),
    (re.compile(r"Option (?P<option>'.+') requires an argument\."), N_("option %(option)s needs a value")),
    (re.compile(r"Missing argument (?P<name>'.+')\."), N_("missing argument %(name)s")),
    (re.compile(r"Missing option (?P<name>'.+')\."), N_("missing option %(name)s")),
    (
        re.compile(
            r"Invalid value for (?P<param>.+?): Value error, (?P<value>'.*') is not one of (?P<choices>.+)\."
        ),
        N_("invalid value for %(param)s: %(value)s is not one of %(choices)s"),
    ),
    (
        re.compile(r"Invalid value for (?P<param>.+?): Input should be a valid integer.*"),
        N_("invalid value for %(param)s: it must be a whole number"),
    ),
    (
        re.compile(r"Invalid value for (?P<param>.+?): Input should be a valid number.*"),
        N_("invalid value for %(param)s: it must be a number"),
    ),
    (
        re.compile(r"Got unexpected extra argument(?:s|\(s\))? \((?P<extra>.*)\)"),
        N_("unexpected extra arguments: %(extra)s"),
    ),
    (re.compile(r"No such command (?P<name>'.+')\."), N_("no such command %(name)s")),
)


def usage_language(argv: Sequence[str]) -> str:
    """The language to refuse this command line in: its ``--lang`` if valid, else the environment's."""
    for index, token in enumerate(argv):
        value = token.partition("=")[2] if token.startswith("--lang=") else None
        if token == "--lang" and index + 1 < len(argv):
            value = argv[index + 1]
        if value is not None and normalize(value) is not None:
            return normalize(value) or DEFAULT_LANGUAGE
    try:
        return environment_language()
    except LanguageError:
        return DEFAULT_LANGUAGE


def worded(message: str) -> str:
    """typer's message in the current language (as it is when no pattern knows it)."""
    for pattern, wording in _SHAPES:
        match = pattern.fullmatch(message.strip())
        if match is not None:
            return _(wording) % match.groupdict()
    return message


def show_usage_error(error: Any, argv: Sequence[str]) -> None:
    """Print a refused command line: typer's usage line, then the error in the reader's words."""
    code = usage_language(argv)
    if code == DEFAULT_LANGUAGE:
        error.show()
        return
    with language(code):
        lines = []
        context = getattr(error, "ctx", None)
        if context is not None:
            lines.append(context.get_usage())
            help_names = context.command.get_help_option_names(context)
            if help_names:
                lines.append(
                    _("Try '%(command)s %(option)s' for help.")
                    % {"command": context.command_path, "option": max(help_names, key=len)}
                )
            lines.append("")
        lines.append(_("Error: %(message)s") % {"message": worded(error.format_message())})
    sys.stderr.write("\n".join(lines) + "\n")
    sys.stderr.flush()
