"""Options several commands share, defined once: the org file argument, rule selection
(``--select``, ``--ignore``, ``--severity``, ``--set``, ``--config``), Graphviz limits, output,
and ``--lang``, which :func:`with_language` gives every command as it is registered.

Commands declare these as parameters (``select: Select = []``) and turn the rule flags into
a :class:`raci.Config` with :class:`raci.cli.settings.RuleFlags`, so ``check``, ``render``, ``report`` and
the workshop commands read the same flags the same way.
"""

from __future__ import annotations

import functools
import inspect
import typing
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer

from raci.i18n import LANGUAGES

OrgFile = Annotated[str, typer.Argument(help="The org file ('-' reads stdin).")]

Select = Annotated[list[str], typer.Option(help="Only these rule codes or prefixes (comma-separated).")]
Ignore = Annotated[list[str], typer.Option(help="Skip these rule codes or prefixes.")]
SeverityFlag = Annotated[list[str], typer.Option(help="Change a rule's severity: CODE=level.")]
SetFlag = Annotated[list[str], typer.Option("--set", help="Set a rule option: CODE.option=value.")]
ConfigFile = Annotated[
    Path | None, typer.Option(help="A rules configuration file (YAML with a rules: section).")
]

Timeout = Annotated[float, typer.Option(min=0.1, help="Stop Graphviz after this many seconds.")]
MemoryLimit = Annotated[
    int, typer.Option("--memory-limit", min=0, help="Stop Graphviz past this many MiB (0: no limit).")
]


#: The languages ``--lang`` takes (the catalogs raci ships).
Language = Enum(  # type: ignore[misc]
    "Language", {code: code for code in LANGUAGES}, type=str
)
Lang = Annotated[
    Language | None,
    typer.Option(
        "--lang",
        show_default=False,
        help="Language of the report's words (default: RACI_LANG, then the locale, then en).",
    ),
]


def with_language(command: Callable[..., int]) -> Callable[..., int]:
    """``command`` with a ``--lang`` option: the run's language is set, then it runs.

    Registering every command through this gives each one the option without a parameter
    of its own: typer reads the returned function's signature (the command's, plus ``lang``).
    """
    from raci.cli.language import run_in_language

    signature = inspect.signature(command, eval_str=True)
    hints = typing.get_type_hints(command, include_extras=True)

    @functools.wraps(command)
    def run(*args: Any, lang: Any = None, **kwargs: Any) -> int:
        return run_in_language(None if lang is None else str(lang.value), lambda: command(*args, **kwargs))

    language = inspect.Parameter("lang", inspect.Parameter.KEYWORD_ONLY, default=None, annotation=Lang)
    parameters = [
        p.replace(annotation=hints.get(p.name, p.annotation)) for p in signature.parameters.values()
    ]
    run.__signature__ = signature.replace(parameters=[*parameters, language])  # type: ignore[attr-defined]
    run.__annotations__ = {**hints, "lang": Lang}
    return run
