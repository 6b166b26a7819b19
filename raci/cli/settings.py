"""Turn ``--select``/``--ignore``/``--severity``/``--set`` flags into a :class:`raci.Config`."""

from __future__ import annotations

from collections.abc import Sequence

from raci.checking.config import Config
from raci.model.severity import Severity


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
            raise FlagError(f"--severity {item}: level must be error, warning or info") from None
    options: dict[str, dict[str, str]] = {}
    for item in settings:
        target, value = _pair(item, "=", "--set", "CODE.option=value")
        code, name = _pair(target, ".", "--set", "CODE.option=value")
        options.setdefault(code, {})[name] = value
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
        raise FlagError(f"{flag} {item!r}: expected {shape}")
    return left.strip(), right.strip()
