"""Turn ``--select``/``--ignore``/``--severity``/``--set`` flags and ``--config`` into a
:class:`raci.Config` (no typer here: the fast ``raci check`` path uses it too)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from raci.i18n import gettext as _
from raci.model.severity import Severity

if TYPE_CHECKING:
    # The rule catalog and the pydantic model load when a command runs, not for --help.
    from raci.checking.config import Config


class FlagError(ValueError):
    """A flag's value is malformed; the message names the flag."""


def config_from_flags(
    select: Sequence[str], ignore: Sequence[str], severity: Sequence[str], settings: Sequence[str]
) -> Config | None:
    if not (select or ignore or severity or settings):
        return None
    levels: dict[str, Severity] = {}
    for item in severity:
        code, level = _pair(item, "=", "--severity", "CODE=error|warning|info")
        try:
            levels[code] = Severity(level.lower())
        except ValueError:
            message = _("--severity %(item)s: level must be error, warning or info")
            raise FlagError(message % {"item": item}) from None
    options: dict[str, dict[str, str]] = {}
    for item in settings:
        target, value = _pair(item, "=", "--set", "CODE.option=value")
        code, name = _pair(target, ".", "--set", "CODE.option=value")
        options.setdefault(code, {})[name] = value
    from raci.checking.config import Config

    return Config(
        select=_codes(select) or None,
        ignore=_codes(ignore),
        severity=levels,
        options=options,
    )


def _codes(values: Sequence[str]) -> tuple[str, ...]:
    return tuple(code.strip() for value in values for code in value.split(",") if code.strip())


def _pair(item: str, separator: str, flag: str, shape: str) -> tuple[str, str]:
    left, found, right = item.partition(separator)
    if not found or not left.strip() or not right.strip():
        raise FlagError(
            _("%(flag)s %(item)s: expected %(shape)s") % {"flag": flag, "item": repr(item), "shape": shape}
        )
    return left.strip(), right.strip()


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
