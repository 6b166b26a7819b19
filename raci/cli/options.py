"""Options several commands share, defined once: the org file argument, rule selection
(``--select``, ``--ignore``, ``--severity``, ``--set``, ``--config``), Graphviz limits, output.

Commands declare these as parameters (``select: Select = []``) and turn the rule flags into
a :class:`raci.Config` with :func:`rule_config`, so ``check``, ``render``, ``report`` and
the workshop commands read the same flags the same way.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from raci.checking.config import Config

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


def rule_config(
    config_path: Path | None,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    severity: Sequence[str] = (),
    settings: Sequence[str] = (),
) -> Config | None:
    """The rule flags and the ``--config`` file as one Config (flags win); None for the defaults.

    Raises :class:`raci.cli.settings.FlagError` for a malformed flag and
    :class:`raci.LoadError` for a config file that cannot be read.
    """
    from raci.api import load_config
    from raci.cli.inputs import input_limits
    from raci.cli.settings import FlagError, config_from_flags

    flags = config_from_flags(select, ignore, severity, settings)
    if flags is not None:
        problems = flags.problems()
        if problems:
            raise FlagError("; ".join(message for _, message, _ in problems))
    if config_path is None:
        return flags
    from_file = load_config(config_path, limits=input_limits())
    return from_file.overridden_by(flags) if flags is not None else from_file


@dataclass(frozen=True)
class RuleFlags:
    """The rule flags as given on the command line, for commands that check before they draw."""

    select: Sequence[str] = ()
    ignore: Sequence[str] = ()
    severity: Sequence[str] = ()
    settings: Sequence[str] = ()
    config_path: Path | None = None

    def config(self) -> Config | None:
        return rule_config(self.config_path, self.select, self.ignore, self.severity, self.settings)
