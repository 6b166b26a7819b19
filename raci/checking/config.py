"""Which rules run, at what severity, with which options: from the org file and from callers.

The org file's ``rules:`` section and a caller's :class:`Config` (the CLI's flags) merge, the
caller winning. Codes may be given as prefixes (``SOC`` selects every SOC rule).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from raci import rules as registry
from raci.model.organization import RulesConfig
from raci.model.severity import Severity
from raci.rules import Rule

#: (path inside the rules section, message, whether it points at a key)
ConfigProblem = tuple[tuple[str | int, ...], str, bool]


@dataclass(frozen=True)
class ActiveRule:
    rule: type[Rule]
    severity: Severity
    options: Mapping[str, int | float]


@dataclass(frozen=True)
class Config:
    """Rule selection and settings. Every field is optional; empty means the defaults."""

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = field(default_factory=dict)
    options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)

    @classmethod
    def from_rules_section(cls, section: RulesConfig | None) -> Config:
        if section is None:
            return cls()
        return cls(
            select=tuple(section.select) if section.select is not None else None,
            ignore=tuple(section.ignore),
            severity=dict(section.severity),
            options={code: dict(values) for code, values in section.options.items()},
        )

    def overridden_by(self, other: Config) -> Config:
        options: dict[str, dict[str, Any]] = {}
        for source in (self.options, other.options):
            for code, values in source.items():
                options.setdefault(code.upper(), {}).update(values)
        severity = {code.upper(): level for code, level in self.severity.items()}
        severity.update({code.upper(): level for code, level in other.severity.items()})
        return Config(
            select=other.select if other.select is not None else self.select,
            ignore=self.ignore + other.ignore,
            severity=severity,
            options=options,
        )

    def problems(self) -> list[ConfigProblem]:
        return list(_problems(self))

    def active_rules(self) -> list[ActiveRule]:
        """The rules to run, in catalog order, with their resolved severity and options."""
        severities = {code.upper(): level for code, level in self.severity.items()}
        configured = {code.upper(): values for code, values in self.options.items()}
        active = []
        for rule in registry.ALL_RULES:
            selected = self.select is None or _matches(rule.code, self.select)
            if not selected or _matches(rule.code, self.ignore):
                continue
            options = rule.option_defaults()
            for name, value in configured.get(rule.code, {}).items():
                option = rule.option(name)
                if option is not None:
                    options[name] = option.coerce(value)
            severity = severities.get(rule.code, rule.severity)
            active.append(ActiveRule(rule, Severity(severity), MappingProxyType(options)))
        return active


def rules_config_problems(section: RulesConfig) -> list[ConfigProblem]:
    return Config.from_rules_section(section).problems()


def _matches(code: str, patterns: tuple[str, ...]) -> bool:
    return any(code.startswith(pattern.upper()) for pattern in patterns)


def _known_prefix(pattern: str) -> bool:
    return any(code.startswith(pattern.upper()) for code in registry.RULES_BY_CODE)


def _problems(config: Config) -> Iterator[ConfigProblem]:
    for key, patterns in (("select", config.select or ()), ("ignore", config.ignore)):
        for index, pattern in enumerate(patterns):
            if not _known_prefix(pattern):
                yield (key, index), f"unknown rule code '{pattern}' in {key}", False
    for code in config.severity:
        if code.upper() not in registry.RULES_BY_CODE:
            yield ("severity", code), f"unknown rule code '{code}' in severity", True
    for code, values in config.options.items():
        rule = registry.RULES_BY_CODE.get(code.upper())
        if rule is None:
            yield ("options", code), f"unknown rule code '{code}' in options", True
            continue
        for name, value in values.items():
            option = rule.option(name)
            if option is None:
                known = ", ".join(o.name for o in rule.options) or "none"
                yield ("options", code, name), f"{rule.code} has no option '{name}' (options: {known})", True
                continue
            try:
                option.coerce(value)
            except ValueError as error:
                yield ("options", code, name), f"{rule.code} option '{name}' {error}", False
