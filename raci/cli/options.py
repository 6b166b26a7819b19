"""Options several commands share, defined once: the org file argument, rule selection
(``--select``, ``--ignore``, ``--severity``, ``--set``, ``--config``), Graphviz limits, output.

Commands declare these as parameters (``select: Select = []``) and turn the rule flags into
a :class:`raci.Config` with :class:`raci.cli.settings.RuleFlags`, so ``check``, ``render``, ``report`` and
the workshop commands read the same flags the same way.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

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
