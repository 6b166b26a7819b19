"""Run the active rules over an organisation and place each verdict in the source file."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from raci.checking.config import ActiveRule, Config
from raci.graph import OrgGraph
from raci.model.effort import Workload, workload
from raci.model.errors import LoadError, Problem
from raci.model.findings import Finding
from raci.model.organization import Organization
from raci.model.severity import Severity
from raci.rules import RuleContext, Violation

if TYPE_CHECKING:
    from raci.checking.scorecard import Scorecard


@dataclass(frozen=True)
class CheckResult:
    """The outcome of :func:`check`: findings sorted by position, and what produced them."""

    org: Organization
    findings: tuple[Finding, ...]
    rules: tuple[ActiveRule, ...]
    graph: OrgGraph

    @property
    def source(self) -> str:
        return self.org.source

    def counts(self) -> dict[Severity, int]:
        counted = Counter(finding.severity for finding in self.findings)
        return {severity: counted.get(severity, 0) for severity in reversed(Severity)}

    def worst(self) -> Severity | None:
        return max((finding.severity for finding in self.findings), default=None)

    def fails(self, fail_on: Severity) -> bool:
        """True when a finding is at or above ``fail_on``."""
        return any(finding.severity >= fail_on for finding in self.findings)

    @cached_property
    def scorecard(self) -> Scorecard:
        from raci.checking.scorecard import build_scorecard

        return build_scorecard(self)

    @cached_property
    def workload(self) -> Workload:
        """Each department's share of the tasks' effort (see :mod:`raci.model.effort`)."""
        return workload(self.org)


def check(org: Organization, config: Config | None = None) -> CheckResult:
    """Check an organisation against the rule catalog.

    ``config`` overrides the org file's own ``rules:`` section. Raises :class:`LoadError`
    when ``config`` names unknown rules or options.
    """
    if config is not None:
        problems = config.problems()
        if problems:
            raise LoadError(
                Problem("<config>", None, None, message, tuple(path)) for path, message, _ in problems
            )
    effective = Config.from_rules_section(org.rules).overridden_by(config or Config())
    graph = OrgGraph(org)
    active = tuple(effective.active_rules())
    findings: list[Finding] = []
    for entry in active:
        context = RuleContext(org, graph, entry.options)
        findings.extend(_place(org, entry, violation) for violation in entry.rule().check(context))
    findings.sort(key=lambda finding: finding.sort_key)
    return CheckResult(org=org, findings=tuple(findings), rules=active, graph=graph)


def _place(org: Organization, entry: ActiveRule, violation: Violation) -> Finding:
    source_map = org.source_map
    position = None
    if source_map is not None:
        if violation.task is not None:
            path: tuple[str, ...] = ("tasks", violation.task)
        elif violation.department is not None:
            path = ("departments", violation.department)
        elif violation.section is not None:
            path = (violation.section,)
        else:
            path = ()
        position = source_map.key(path) or source_map.value(())
    return Finding(
        code=entry.rule.code,
        severity=entry.severity,
        message=violation.message,
        file=org.source,
        line=position[0] if position else None,
        column=position[1] if position else None,
        rule=entry.rule.name,
        task=violation.task,
        department=violation.department,
        activity=violation.activity.value if violation.activity else None,
        function=violation.function.value if violation.function else None,
        hint=violation.hint,
    )
