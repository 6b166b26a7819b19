"""Concrete assignment changes that clear findings, without overloading anyone.

:func:`suggest` searches greedily: for every finding its rule proposes candidate changes in the
organisation's own names ("give Customer Care RA on answer-comments, Marketing steps back to
C"), checks the organisation as each would leave it, and takes the one that leaves the
fewest errors, then warnings, then infos, then hours over capacity. It repeats until no
change helps. A change that would put a department over its ``capacity_hours`` (or further
over) is never taken; when that is what stops a fix, the trade-off is explained instead.

The search is deterministic: candidates come in file order and ties go to the first.
New tasks get an effort estimate (the median of the organisation's own tasks), which the
suggestion says so the user can adjust it.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from raci.model.severity import Severity
from raci.model.vocabulary import format_letters
from raci.rules.fixes import (
    AddTask,
    Candidate,
    Operation,
    Planner,
    SetField,
    SetLetters,
    hours_text,
    responsible_hours,
)

if TYPE_CHECKING:
    from raci.checking.checker import CheckResult
    from raci.checking.config import Config
    from raci.model.findings import Finding
    from raci.model.organization import Organization

MAX_ROUNDS = 1000
#: Candidate organisations checked at most, so a very large file gets an answer in time:
#: 3,000, or fewer when tasks x trials would pass :data:`MAX_WORK`.
MAX_TRIALS = 3000
MAX_WORK = 1_000_000
#: Up to this many tasks every round weighs every candidate and takes the best.
EXHAUSTIVE_TASKS = 200
#: Candidates tried per finding and round.
MAX_CANDIDATES = 12



@dataclass(frozen=True)
class Suggestion:
    operations: tuple[Operation, ...]
    summary: str
    note: str | None
    resolved: tuple[Finding, ...]
    introduced: tuple[Finding, ...]
    #: Departments past capacity that the change brings closer to it, e.g.
    #: "Sales 70 h -> 62 h of 40 h": what a change that clears no finding still does.
    eased: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "change": self.summary,
            "note": self.note,
            "operations": [_operation_dict(op) for op in self.operations],
            "resolves": [_finding_ref(f) for f in self.resolved],
            "introduces": [_finding_ref(f) for f in self.introduced],
            "eases": list(self.eased),
        }


@dataclass(frozen=True)
class Unresolved:
    """A finding left after the suggestions, and why no change cleared it."""

    finding: Finding
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {**_finding_ref(self.finding), "reason": self.reason}


@dataclass(frozen=True)
class SuggestResult:
    before: CheckResult
    after: CheckResult
    suggestions: tuple[Suggestion, ...]
    unresolved: tuple[Unresolved, ...]
    #: False when the search stopped at :data:`MAX_TRIALS`; running it again continues.
    complete: bool = True

    @property
    def org(self) -> Organization:
        """The organisation with every suggestion applied."""
        return self.after.org

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.before.source,
            "organization": self.before.org.organization,
            "suggestions": [s.to_dict() for s in self.suggestions],
            "unresolved": [u.to_dict() for u in self.unresolved],
            "complete": self.complete,
            "summary": {
                "before": {s.value: n for s, n in self.before.counts().items()},
                "after": {s.value: n for s, n in self.after.counts().items()},
            },
        }


# --- the search --------------------------------------------------------------------------


def suggest(result: CheckResult, config: Config | None = None) -> SuggestResult:
    """Suggestions for a checked organisation; ``config`` as given to :func:`raci.check`."""
    from raci.checking.checker import check
    from raci.workshop.diff import match_findings

    current = result
    suggestions: list[Suggestion] = []
    reasons: dict[int, list[str]] = {}
    trials = 0
    limit = max(20, min(MAX_TRIALS, MAX_WORK // max(1, len(result.org.tasks))))
    # Small organisations get the best change of each round; large ones the first that helps
    # (each round costs a check per candidate), never retrying one that did not.
    exhaustive = len(result.org.tasks) <= EXHAUSTIVE_TASKS
    tried: set[str] = set()
    for _ in range(MAX_ROUNDS):
        reasons = {}
        best: tuple[tuple[float, ...], Candidate, CheckResult] | None = None
        baseline = score(current)
        if exhaustive:
            tried = set()
        # Errors first, so that a large organisation spends its trials where they count most.
        order = sorted(range(len(current.findings)), key=lambda i: -current.findings[i].severity.rank)
        for index in order:
            finding = current.findings[index]
            planner = Planner(current)
            for candidate in itertools.islice(_candidates(planner, finding), MAX_CANDIDATES):
                key = repr(candidate.operations)
                if key in tried:
                    continue
                tried.add(key)
                trials += 1
                if trials > limit:
                    break
                org = apply_operations(current.org, candidate.operations)
                over = capacity_breach(current.org, org)
                if over:
                    reasons.setdefault(index, []).append(f"{candidate.summary} would {over}")
                    continue
                after = check(org, config)
                value = score(after)
                if value < baseline:
                    if best is None or value < best[0]:
                        best = (value, candidate, after)
                    if not exhaustive:
                        break
                else:
                    reasons.setdefault(index, []).append(_why_not(candidate, current, after))
            for note in planner.notes.get(finding, []):
                reasons.setdefault(index, []).append(note)
            if best is not None and not exhaustive:
                break  # large organisation: take the first change that helps
        if best is None:
            break
        _, candidate, after = best
        resolved, introduced, _ = match_findings(current.findings, after.findings)
        suggestions.append(
            Suggestion(
                candidate.operations,
                candidate.summary,
                candidate.note,
                resolved,
                introduced,
                _eased(current, after),
            )
        )
        current = after
        reasons = {}
    complete = trials <= limit
    unresolved = tuple(
        Unresolved(finding, _explain(current, finding, reasons.get(index, [])))
        for index, finding in enumerate(current.findings)
    )
    return SuggestResult(result, current, tuple(suggestions), unresolved, complete)


def _candidates(planner: Planner, finding: Finding) -> Iterator[Candidate]:
    """The fixes the finding's rule proposes (none for a code no rule owns)."""
    from raci import rules as registry

    rule = registry.RULES_BY_CODE.get(finding.code)
    return rule.fixes(planner, finding) if rule is not None else iter(())


def _eased(before: CheckResult, after: CheckResult) -> tuple[str, ...]:
    """Departments over capacity before whose hours the change lowers."""
    org = before.org
    old, new = before.workload.over(org), after.workload.hours
    h = hours_text
    return tuple(
        f"{org.department_label(dept)} {h(load)} -> {h(new[dept])} of {h(capacity)}"
        for dept, (load, capacity) in old.items()
        if dept in new and new[dept] < load
    )


def score(result: CheckResult) -> tuple[float, ...]:
    """Lower is better: errors, warnings, infos, then hours over capacity in total."""
    counts = result.counts()
    return (
        counts[Severity.ERROR],
        counts[Severity.WARNING],
        counts[Severity.INFO],
        sum(max(0.0, load - cap) for load, cap in _loads(result.org).values()),
    )


def _loads(org: Organization) -> dict[str, tuple[float, float]]:
    hours = responsible_hours(org)
    return {
        dept_id: (hours[dept_id], dept.capacity_hours)
        for dept_id, dept in org.departments.items()
        if dept.capacity_hours is not None
    }


def capacity_breach(before: Organization, after: Organization) -> str | None:
    """Why ``after`` breaks capacity (a department newly over it, or further over), else None."""
    old = responsible_hours(before)
    for dept_id, (load, capacity) in _loads(after).items():
        if load > capacity and load > old.get(dept_id, 0.0) + 1e-9:
            return (
                f"put {after.department_label(dept_id)} at {hours_text(load)} a week, over its capacity of "
                f"{hours_text(capacity)}"
            )
    return None


def apply_operations(org: Organization, operations: Sequence[Operation]) -> Organization:
    """The organisation with the operations applied (validated models; ``org`` is untouched)."""
    from raci.model.organization import Task

    tasks = dict(org.tasks)
    for op in operations:
        if isinstance(op, AddTask):
            tasks[op.task] = Task.model_validate(op.data())
        elif isinstance(op, SetField):
            tasks[op.task] = tasks[op.task].model_copy(update={op.field: op.value})
        else:
            task = tasks[op.task]
            raci = dict(task.raci)
            if op.letters:
                raci[op.department] = op.letters
            else:
                raci.pop(op.department, None)
            tasks[op.task] = task.model_copy(update={"raci": raci})
    return org.model_copy(update={"tasks": tasks})


def _why_not(candidate: Candidate, before: CheckResult, after: CheckResult) -> str:
    from raci.workshop.diff import match_findings

    _, introduced, _ = match_findings(before.findings, after.findings)
    worst = sorted(introduced, key=lambda f: (-f.severity.rank, f.code))
    if worst:
        codes = ", ".join(dict.fromkeys(f"{f.code} ({f.severity.value})" for f in worst[:3]))
        return f"{candidate.summary} would add {codes}"
    return f"{candidate.summary} would not clear it"


def _explain(result: CheckResult, finding: Finding, reasons: list[str]) -> str:
    from raci import rules as registry

    rule = registry.RULES_BY_CODE.get(finding.code)
    advice = rule.advice(finding, result.org) if rule is not None else None
    if not reasons and not advice:
        return "no single assignment change clears it"
    unique = list(dict.fromkeys(reasons))[:3]
    return "; ".join([*unique, *([advice] if advice else [])])


def _operation_dict(op: Operation) -> dict[str, Any]:
    if isinstance(op, SetLetters):
        return {
            "op": "set_letters",
            "task": op.task,
            "department": op.department,
            "letters": format_letters(op.letters),
        }
    if isinstance(op, SetField):
        return {"op": "set_field", "task": op.task, "field": op.field, "value": op.value}
    return {"op": "add_task", "task": op.task, **op.data()}


def _finding_ref(finding: Finding) -> dict[str, Any]:
    return {
        "code": finding.code,
        "severity": finding.severity.value,
        "task": finding.task,
        "department": finding.department,
        "message": finding.message,
    }


__all__ = [
    "AddTask",
    "Candidate",
    "Operation",
    "SetField",
    "SetLetters",
    "SuggestResult",
    "Suggestion",
    "Unresolved",
    "apply_operations",
    "capacity_breach",
    "responsible_hours",
    "score",
    "suggest",
]
