"""Run the active rules over an organisation and place each verdict in the source file."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from typing import TYPE_CHECKING, Any

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
    #: Findings that count: every one not waived.
    findings: tuple[Finding, ...]
    rules: tuple[ActiveRule, ...]
    graph: OrgGraph
    #: Findings a task or department waives (``waive: {CODE: reason}``), with the reason:
    #: reported as waived, never counted for the exit code or the scorecard.
    waived: tuple[Finding, ...] = ()

    @property
    def source(self) -> str:
        return self.org.source

    def counts(self) -> dict[Severity, int]:
        counted = Counter(finding.severity for finding in self.findings)
        return {severity: counted.get(severity, 0) for severity in reversed(Severity)}

    def worst(self) -> Severity | None:
        return max((finding.severity for finding in self.findings), default=None)

    def fails(self, fail_on: Severity | str) -> bool:
        """True when a finding is at or above ``fail_on`` (a :class:`Severity` or its word)."""
        threshold = Severity.parse(fail_on)
        return any(finding.severity >= threshold for finding in self.findings)

    def __reduce__(self) -> tuple[Any, ...]:
        # The graph is derived from the organisation: rebuilt on unpickling, not shipped.
        return (_restore_result, (self.org, self.findings, self.rules, self.waived))

    @cached_property
    def scorecard(self) -> Scorecard:
        from raci.checking.scorecard import build_scorecard

        return build_scorecard(self)

    @cached_property
    def workload(self) -> Workload:
        """Each department's share of the tasks' effort (see :mod:`raci.model.effort`)."""
        return workload(self.org)


def _restore_result(
    org: Organization,
    findings: tuple[Finding, ...],
    rules: tuple[ActiveRule, ...],
    waived: tuple[Finding, ...] = (),
) -> CheckResult:
    return CheckResult(org=org, findings=findings, rules=rules, graph=OrgGraph(org), waived=waived)


def check(org: Organization | Mapping[str, Any], config: Config | None = None) -> CheckResult:
    """Check an organisation against the rule catalog.

    ``org`` is an :class:`Organization` or plain data for :meth:`Organization.from_data`
    (which raises :class:`LoadError` when it is not valid). ``config`` overrides the org
    file's own ``rules:`` section; :class:`ConfigError` when it names unknown rules or options.
    """
    if not isinstance(org, Organization):
        if not isinstance(org, Mapping):
            message = f"check() takes an Organization or a mapping of org data, not {type(org).__name__}"
            raise LoadError([Problem("<data>", None, None, message)])
        org = Organization.from_data(org)
    if config is not None:
        config.validate()
    effective = Config.from_rules_section(org.rules).overridden_by(config or Config())
    graph = OrgGraph(org)
    active = tuple(effective.active_rules())
    findings = _verdicts(org, graph, active)
    findings.sort(key=lambda finding: finding.sort_key)
    counted = tuple(finding for finding in findings if not finding.waived)
    waived = tuple(finding for finding in findings if finding.waived)
    return CheckResult(org=org, findings=counted, rules=active, graph=graph, waived=waived)


def _verdicts(org: Organization, graph: OrgGraph, active: Sequence[ActiveRule]) -> list[Finding]:
    """Every rule's findings, those the org waives marked with the reason."""
    # No social media work: RACI hygiene only.
    running = [entry for entry in active if graph.has_social_work or not entry.rule.social]
    first = [entry for entry in running if not entry.rule.reviews_findings]
    findings: list[Finding] = []
    for entry in first:
        context = RuleContext(org, graph, entry.options)
        findings.extend(_place(org, entry, violation) for violation in entry.rule().check(context))
    findings = [_waive(org, finding) for finding in findings]
    # Rules that review the others' verdicts (unused waivers) run last and see them all.
    ran = frozenset(entry.rule.code for entry in first)
    for entry in running:
        if entry.rule.reviews_findings:
            context = RuleContext(org, graph, entry.options, tuple(findings), ran)
            findings.extend(_place(org, entry, violation) for violation in entry.rule().check(context))
    return findings


def _waive(org: Organization, finding: Finding) -> Finding:
    """The finding marked waived when its task or department waives its rule."""
    reason = None
    if finding.task is not None and finding.task in org.tasks:
        reason = org.tasks[finding.task].waive.get(finding.code)
    if reason is None and finding.department is not None and finding.department in org.departments:
        reason = org.departments[finding.department].waive.get(finding.code)
    return finding if reason is None else replace(finding, waiver=reason)


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
        letter=violation.letter.value if violation.letter else None,
    )
