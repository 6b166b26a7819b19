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

from raci.i18n import gettext, ngettext
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
from raci.workshop.assignment import Choice, function_cost, not_allowed, over_capacity_reason

if TYPE_CHECKING:
    from raci.checking.checker import CheckResult
    from raci.checking.config import Config
    from raci.model.findings import Finding
    from raci.model.organization import Organization

MAX_ROUNDS = 1000
#: Rounds of the assignment (each checks the organisation once or a few times).
ASSIGNMENT_ROUNDS = 4
#: Changes the greedy search checks one by one after the assignment: 400 for a 15-task org,
#: fewer as organisations grow (tasks x trials stays under :data:`MAX_WORK`), at least 20.
MAX_TRIALS = 400
MAX_WORK = 6_000
#: Candidates tried per finding and round.
MAX_CANDIDATES = 12
#: The rule a suggestion must never newly raise: it would trade one gap for an overload.
OVERLOAD_CODE = "RACI006"


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
    """Suggestions for a checked organisation; ``config`` as given to :func:`raci.check`.

    First the owners: fixes for all findings at once, chosen by a minimum-cost flow that
    respects capacity (:mod:`raci.workshop.assignment`), checked together and kept when they
    leave fewer errors, then warnings, then infos, and no new overload. Then a short greedy
    search tries the rest one change at a time.
    """
    state = _Search(result, config)
    for _ in range(ASSIGNMENT_ROUNDS):
        if not state.assign_round():
            break
    state.greedy()
    unresolved = tuple(
        Unresolved(finding, _explain(state.current, finding, state.reasons_for(finding)))
        for finding in state.current.findings
    )
    return SuggestResult(result, state.current, tuple(state.suggestions), unresolved, state.complete)


class _Search:
    """The organisation as the suggestions so far leave it, and what was learnt on the way."""

    def __init__(self, result: CheckResult, config: Config | None) -> None:
        self.start = result
        self.current = result
        self.config = config
        self.suggestions: list[Suggestion] = []
        self.reasons: dict[Finding, list[str]] = {}
        self.tried: set[str] = set()
        self.complete = True

    def check(self, org: Organization) -> CheckResult:
        from raci.checking.checker import check

        return check(org, self.config)

    def reasons_for(self, finding: Finding) -> list[str]:
        # Findings are compared by value: one left as it was keeps the reasons found for it.
        return self.reasons.get(finding, [])

    def assign_round(self) -> bool:
        """Apply the assignment's choices together; False when nothing more could be done.

        When the choices together add an error or an overload, the ones on its task are left
        out (and not chosen again); when no task says which, the later half is.
        """
        from raci.workshop.assignment import assign

        plan = assign(self.current, frozenset(self.tried))
        for finding, why in plan.reasons.items():
            for text in why:
                self._note(finding, text)
        choices = list(plan.choices)
        while choices:
            after = self._outcome(choices)
            if after is not None and self._better(after) and not self._harm(after):
                self._accept(choices, after)
                return True
            if len(choices) == 1:
                self.tried.add(repr(choices[0].candidate.operations))
                return True  # the next round chooses without it
            choices = self._narrowed(choices, after)
        return False

    def _outcome(self, choices: list[Choice]) -> CheckResult | None:
        """The check after applying every choice; None when that breaks a capacity."""
        operations = tuple(op for choice in choices for op in choice.candidate.operations)
        org = apply_operations(self.current.org, operations)
        return None if capacity_breach(self.current.org, org) else self.check(org)

    def _narrowed(self, choices: list[Choice], after: CheckResult | None) -> list[Choice]:
        """The choices without those on a task the change harms (not to be chosen again), or
        when no task says which, without the later half."""
        culprits = self._culprits(choices, after)
        if not culprits:
            return choices[: len(choices) // 2]
        for choice in culprits:
            self.tried.add(repr(choice.candidate.operations))
        return [choice for choice in choices if choice not in culprits]

    def _harm(self, after: CheckResult) -> list[Finding]:
        """Errors and overloads the change would add."""
        from raci.workshop.diff import match_findings

        _, introduced, _ = match_findings(self.current.findings, after.findings)
        return [f for f in introduced if f.severity is Severity.ERROR or f.code == OVERLOAD_CODE]

    def _culprits(self, choices: list[Choice], after: CheckResult | None) -> list[Choice]:
        """The choices touching a task on which the change adds an error or an overload."""
        if after is None:
            return []
        tasks = {f.task for f in self._harm(after) if f.task is not None}
        return [c for c in choices if any(op.task in tasks for op in c.candidate.operations)]

    def greedy(self) -> None:
        """One change at a time for what the assignment left, within a bounded number of trials."""
        limit = max(20, min(MAX_TRIALS, MAX_WORK // max(1, len(self.start.org.tasks))))
        trials = 0
        for _ in range(MAX_ROUNDS):
            best: tuple[tuple[float, ...], Candidate, CheckResult, Finding] | None = None
            seen: set[str] = set()  # each round weighs every candidate again: the org changed
            order = sorted(self.current.findings, key=lambda f: -f.severity.rank)
            for finding in order:
                planner = Planner(self.current)
                for candidate in itertools.islice(_candidates(planner, finding), MAX_CANDIDATES):
                    key = repr(candidate.operations)
                    if key in seen:
                        continue
                    seen.add(key)
                    trials += 1
                    if trials > limit:
                        self.complete = False
                        break
                    org = apply_operations(self.current.org, candidate.operations)
                    over = not_allowed(self.current.org, candidate) or capacity_breach(
                        self.current.org, org, candidate.summary
                    )
                    if over:
                        self._note(finding, over)
                        continue
                    after = self.check(org)
                    # Ties go to the function the article names for the work.
                    value = (*score(after), function_cost(self.current.org, candidate))
                    if self._better(after) and (best is None or value < best[0]):
                        best = (value, candidate, after, finding)
                    elif not self._better(after):
                        self._note(finding, _why_not(candidate, self.current, after))
                for note in planner.notes.get(finding, []):
                    self._note(finding, note)
                if trials > limit:
                    break
            if best is None:
                return
            self._accept([Choice(best[3], best[1])], best[2])

    def _better(self, after: CheckResult) -> bool:
        """Fewer errors, then warnings, then infos, and no department newly overloaded."""
        from raci.workshop.diff import match_findings

        if score(after) >= score(self.current):
            return False
        _, introduced, _ = match_findings(self.current.findings, after.findings)
        return not any(f.code == OVERLOAD_CODE for f in introduced)

    def _note(self, finding: Finding, text: str) -> None:
        found = self.reasons.setdefault(finding, [])
        if text not in found:
            found.append(text)

    def _accept(self, choices: list[Choice], after: CheckResult) -> None:
        from raci.workshop.diff import match_findings

        resolved, introduced, _ = match_findings(self.current.findings, after.findings)
        shares = _attribute(choices, resolved, introduced)
        eased = _eased(self.current, after, choices)
        for index, (choice, (gone, new)) in enumerate(zip(choices, shares, strict=True)):
            candidate = choice.candidate
            self.suggestions.append(
                Suggestion(
                    candidate.operations, candidate.summary, candidate.note, gone, new, eased.get(index, ())
                )
            )
        self.current = after


def _eased(before: CheckResult, after: CheckResult, choices: list[Choice]) -> dict[int, tuple[str, ...]]:
    """Choice index -> the departments over capacity whose hours the change lowers (given to
    the change that touches the department, else the first)."""
    org, h = before.org, hours_text
    old, new = before.workload.over(org), after.workload.hours
    found: dict[int, list[str]] = {}
    for dept, (load, capacity) in old.items():
        if dept in new and new[dept] < load:
            touching = [
                n
                for n, choice in enumerate(choices)
                if any(getattr(op, "department", None) == dept for op in choice.candidate.operations)
            ]
            words = {"department": org.department_label(dept), "before": h(load), "after": h(new[dept])}
            words["capacity"] = h(capacity)
            text = gettext("%(department)s %(before)s -> %(after)s of %(capacity)s") % words
            found.setdefault((touching or [0])[0], []).append(text)
    return {index: tuple(texts) for index, texts in found.items()}


def _attribute(
    choices: list[Choice], resolved: Sequence[Finding], introduced: Sequence[Finding]
) -> list[tuple[tuple[Finding, ...], tuple[Finding, ...]]]:
    """Which resolved and introduced findings each change accounts for: the finding it was
    chosen for, those on the tasks it touches, else one chosen for a finding of the same
    rule, else the first change."""
    touched = [{op.task for op in choice.candidate.operations} for choice in choices]

    def owner(finding: Finding) -> int:
        chosen = [n for n, choice in enumerate(choices) if choice.finding == finding]
        on_task = [n for n, tasks in enumerate(touched) if finding.task is not None and finding.task in tasks]
        same_rule = [n for n, choice in enumerate(choices) if choice.finding.code == finding.code]
        return (chosen or on_task or same_rule or [0])[0]

    gone: list[list[Finding]] = [[] for _ in choices]
    new: list[list[Finding]] = [[] for _ in choices]
    for finding in resolved:
        gone[owner(finding)].append(finding)
    for finding in introduced:
        new[owner(finding)].append(finding)
    return [(tuple(a), tuple(b)) for a, b in zip(gone, new, strict=True)]


def _candidates(planner: Planner, finding: Finding) -> Iterator[Candidate]:
    """The fixes the finding's rule proposes (none for a code no rule owns)."""
    from raci import rules as registry

    rule = registry.RULES_BY_CODE.get(finding.code)
    return rule.fixes(planner, finding) if rule is not None else iter(())


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


def capacity_breach(before: Organization, after: Organization, change: str = "") -> str | None:
    """Why ``change`` (turning ``before`` into ``after``) breaks capacity: a department newly
    over it, or further over; else None."""
    old = responsible_hours(before)
    for dept_id, (load, capacity) in _loads(after).items():
        if load > capacity and load > old.get(dept_id, 0.0) + 1e-9:
            return over_capacity_reason(change, after.department_label(dept_id), load, capacity)
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
        codes = list(dict.fromkeys(f"{f.code} ({f.severity.label})" for f in worst[:3]))
        message = ngettext("%(change)s would add %(codes)s", "%(change)s would add %(codes)s", len(codes))
        return message % {"change": candidate.summary, "codes": ", ".join(codes)}
    return gettext("%(change)s would not clear it") % {"change": candidate.summary}


def _explain(result: CheckResult, finding: Finding, reasons: list[str]) -> str:
    from raci import rules as registry

    rule = registry.RULES_BY_CODE.get(finding.code)
    advice = rule.advice(finding, result.org) if rule is not None else None
    if not reasons and not advice:
        return gettext("no single assignment change clears it")
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
