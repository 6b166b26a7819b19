"""Which rules run, at what severity, with which options: from the org file and from callers.

The org file's ``rules:`` section and a caller's :class:`Config` (the CLI's flags) merge, the
caller winning. Codes may be given as prefixes (``SOC`` selects every SOC rule).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from raci import rules as registry
from raci.i18n import gettext
from raci.model.errors import ConfigError, Problem
from raci.model.organization import RulesConfig
from raci.model.severity import Severity
from raci.rules import Rule

#: (path inside the rules section, message, whether it points at a key)
ConfigProblem = tuple[tuple[str | int, ...], str, bool]
#: The source named by problems of a configuration given as a Python object.
CONFIG_SOURCE = "<config>"


@dataclass(frozen=True)
class ActiveRule:
    rule: type[Rule]
    severity: Severity
    options: Mapping[str, int | float]

    def __reduce__(self) -> tuple[Any, ...]:
        # A mappingproxy does not pickle: ship a dict, freeze it again on the other side.
        return (_active_rule, (self.rule, self.severity, dict(self.options)))


def _active_rule(rule: type[Rule], severity: Severity, options: dict[str, int | float]) -> ActiveRule:
    return ActiveRule(rule, severity, MappingProxyType(options))


@dataclass(frozen=True, init=False)
class Config:
    """Rule selection and settings. Every field is optional; empty means the defaults.

    ``select`` and ``ignore`` take codes or prefixes, one string or several
    (``ignore="RACI007"`` is one code, not seven letters); ``severity`` maps codes to a
    :class:`Severity` or its word. A value of the wrong type raises :class:`ConfigError`
    here; unknown codes and options raise it when the configuration is used by ``check``.
    """

    select: tuple[str, ...] | None
    ignore: tuple[str, ...]
    severity: Mapping[str, Severity]
    options: Mapping[str, Mapping[str, Any]]

    def __init__(
        self,
        select: str | Iterable[str] | None = None,
        ignore: str | Iterable[str] = (),
        severity: Mapping[str, Severity | str] | None = None,
        options: Mapping[str, Mapping[str, Any]] | None = None,
    ) -> None:
        problems: list[Problem] = []
        codes = None if select is None else _codes("select", select, problems)
        object.__setattr__(self, "select", codes)
        object.__setattr__(self, "ignore", _codes("ignore", ignore, problems))
        object.__setattr__(self, "severity", _severities(severity or {}, problems))
        object.__setattr__(self, "options", _options(options or {}, problems))
        if problems:
            raise ConfigError(problems)

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

    def validate(self) -> None:
        """Raise :class:`ConfigError` when a code or option is unknown or a value is refused."""
        problems = self.problems()
        if problems:
            raise ConfigError(_config_problem(path, message) for path, message, _ in problems)

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


def _config_problem(path: tuple[str | int, ...], message: str) -> Problem:
    return Problem(CONFIG_SOURCE, None, None, message, path)


def _codes(key: str, value: Any, problems: list[Problem]) -> tuple[str, ...]:
    if isinstance(value, str):
        value = (value,)
    try:
        codes = tuple(value)
    except TypeError:
        message = gettext("%(key)s must be a rule code or a list of them") % {"key": key}
        problems.append(_config_problem((key,), message))
        return ()
    for index, code in enumerate(codes):
        if not isinstance(code, str) or not code.strip():
            message = gettext("%(key)s holds %(value)s, not a rule code") % {"key": key, "value": repr(code)}
            problems.append(_config_problem((key, index), message))
    return tuple(code.strip() for code in codes if isinstance(code, str) and code.strip())


def _severities(value: Any, problems: list[Problem]) -> Mapping[str, Severity]:
    if not isinstance(value, Mapping):
        problems.append(_config_problem(("severity",), gettext("severity must map rule codes to severities")))
        return MappingProxyType({})
    levels: dict[str, Severity] = {}
    for code, level in value.items():
        try:
            levels[str(code)] = Severity.parse(level)
        except ValueError as error:
            problems.append(_config_problem(("severity", str(code)), str(error)))
    return MappingProxyType(levels)


def _options(value: Any, problems: list[Problem]) -> Mapping[str, Mapping[str, Any]]:
    if not isinstance(value, Mapping):
        message = gettext("options must map rule codes to {option: value}")
        problems.append(_config_problem(("options",), message))
        return MappingProxyType({})
    options: dict[str, Mapping[str, Any]] = {}
    for code, values in value.items():
        if not isinstance(values, Mapping):
            message = gettext("must map option names to values")
            problems.append(_config_problem(("options", str(code)), message))
            continue
        options[str(code)] = MappingProxyType(dict(values))
    return MappingProxyType(options)


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
                yield (key, index), _unknown_code(pattern, key), False
    for code in config.severity:
        if code.upper() not in registry.RULES_BY_CODE:
            yield ("severity", code), _unknown_code(code, "severity"), True
    for code, values in config.options.items():
        rule = registry.RULES_BY_CODE.get(code.upper())
        if rule is None:
            yield ("options", code), _unknown_code(code, "options"), True
            continue
        for name, value in values.items():
            option = rule.option(name)
            if option is None:
                known = ", ".join(o.name for o in rule.options) or gettext("none")
                words = {"code": rule.code, "name": name, "known": known}
                message = gettext("%(code)s has no option '%(name)s' (options: %(known)s)") % words
                yield ("options", code, name), message, True
                continue
            try:
                option.coerce(value)
            except ValueError as error:
                words = {"code": rule.code, "name": name, "problem": str(error)}
                message = gettext("%(code)s option '%(name)s' %(problem)s") % words
                yield ("options", code, name), message, False


def _unknown_code(code: str, key: str) -> str:
    return gettext("unknown rule code '%(code)s' in %(key)s") % {"code": code, "key": key}
