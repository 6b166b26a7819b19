"""Choosing fixes for many findings at once: a min-cost flow over the rules' candidates.

Every finding's rule proposes candidate changes (see :mod:`raci.rules.fixes`); this module
picks at most one per finding so that, together, they fit every department's
``capacity_hours`` and give the work to the function the article names for it. It is solved
as a minimum-cost flow with networkx (network simplex):

* each finding supplies ``1 + h`` units, ``h`` the most work (in tenths of an hour) any of its
  candidates adds to anyone; a unit left over means "fixed";
* a finding sends its units to one of its candidates (cost: the rule's order, plus a penalty
  when the candidate gives the work to another function than the article's), or to "not
  fixed" at a cost that grows with the finding's severity, so errors are cleared first;
* a candidate passes on exactly the hours it adds to each department (a task's effort is
  split among its doers, R and S, as :mod:`raci.model.effort` splits it), and each
  department takes at most the hours it has left.

Candidates that give customer service work that does not face customers are never offered
(the article's customer service answers customers), and neither are those that alone would
put a department over capacity; either way the reason is kept, so ``raci suggest`` can say
why nothing fits.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from raci.i18n import gettext
from raci.model.effort import WORKING_LETTERS, split_effort
from raci.model.principles import natural_owner
from raci.model.severity import Severity
from raci.model.vocabulary import Function, Letter
from raci.rules.fixes import AddTask, Candidate, Operation, Planner, SetLetters, hours_text, responsible_hours

if TYPE_CHECKING:
    from raci.checking.checker import CheckResult
    from raci.model.findings import Finding
    from raci.model.organization import Organization, Task

#: Flow units per hour of work.
UNITS = 10
#: Candidates weighed per finding.
MAX_CANDIDATES = 12
#: What leaving a finding unfixed costs, by severity: errors are cleared before warnings.
UNFIXED_COST = {Severity.ERROR: 1_000_000, Severity.WARNING: 10_000, Severity.INFO: 100}
#: Giving the work to another function than the one the article names for it.
OFF_FUNCTION_COST = 40
#: Each later place in a rule's list of candidates.
ORDER_COST = 3
OWNING_LETTERS = frozenset({Letter.RESPONSIBLE, Letter.ACCOUNTABLE}) | WORKING_LETTERS


@dataclass(frozen=True)
class Choice:
    finding: Finding
    candidate: Candidate


@dataclass(frozen=True)
class Assignment:
    """The chosen fixes, most severe finding first, and why the other findings got none."""

    choices: tuple[Choice, ...]
    reasons: dict[Finding, list[str]]


@dataclass(frozen=True)
class _Option:
    finding: int
    place: int
    candidate: Candidate
    gains: dict[str, int]  # department -> tenths of an hour of work it takes on
    cost: int


def assign(result: CheckResult, skip: frozenset[str] = frozenset()) -> Assignment:
    """One fix per finding where one fits (see the module docstring); ``skip`` holds the
    ``repr`` of candidates already found not to help."""
    org = result.org
    findings = sorted(result.findings, key=lambda f: -f.severity.rank)
    left = _hours_left(org)
    reasons: dict[Finding, list[str]] = {}
    options = _options(result, findings, left, skip, reasons)
    if not options:
        return Assignment((), reasons)
    carried = _solve(findings, options, left)
    alternatives = {index: sum(1 for o in options if o.finding == index) for index in range(len(findings))}
    choices = _carried_choices(findings, options, carried, reasons)
    # Where two choices edit one cell, the finding with fewer ways out keeps its fix (the
    # other's often clears too: an idle department informed is also one consulted).
    position = {id(choice): n for n, choice in enumerate(choices)}
    index_of = {id(f): n for n, f in enumerate(findings)}
    choices.sort(
        key=lambda c: (-c.finding.severity.rank, alternatives[index_of[id(c.finding)]], position[id(c)])
    )
    return Assignment(tuple(_without_clashes(org, choices, left)), reasons)


def _options(
    result: CheckResult,
    findings: list[Finding],
    left: dict[str, float | None],
    skip: frozenset[str],
    reasons: dict[Finding, list[str]],
) -> list[_Option]:
    """Every allowed fix within capacity, per finding; the others' reasons go to ``reasons``."""
    org = result.org
    options: list[_Option] = []
    for index, finding in enumerate(findings):
        planner = Planner(result)
        for place, candidate in enumerate(itertools.islice(_fixes(planner, finding), MAX_CANDIDATES)):
            if repr(candidate.operations) in skip:
                continue
            why = not_allowed(org, candidate)
            gains = _gains(org, candidate.operations)
            why = why or _over_capacity(org, gains, left, candidate.summary)
            if why is not None:
                reasons.setdefault(finding, []).append(why)
                continue
            cost = place * ORDER_COST + function_cost(org, candidate)
            options.append(_Option(index, place, candidate, _units(gains), cost))
        for note in planner.notes.get(finding, []):
            reasons.setdefault(finding, []).append(note)
    return options


def _carried_choices(
    findings: list[Finding], options: list[_Option], carried: list[int], reasons: dict[Finding, list[str]]
) -> list[Choice]:
    """Per finding, the option the flow carried most units through (the first on a tie)."""
    choices = []
    for index, finding in enumerate(findings):
        mine = [(carried[n], -n) for n, option in enumerate(options) if option.finding == index]
        units, place = max(mine, default=(0, 0))
        if units > 0:
            choices.append(Choice(finding, options[-place].candidate))
        elif mine:
            reasons.setdefault(finding, []).append(gettext("no department has the hours left for any fix"))
    return choices


def _solve(findings: Sequence[Finding], options: list[_Option], left: dict[str, float | None]) -> list[int]:
    """Units each option carries in a minimum-cost flow (see the module docstring)."""
    import networkx as nx

    graph = nx.DiGraph()
    supplies: dict[int, int] = {}
    for option in options:
        need = 1 + sum(option.gains.values())
        supplies[option.finding] = max(supplies.get(option.finding, 1), need)
    total = 0
    for index, units in supplies.items():
        graph.add_node(("finding", index), demand=-units)
        unfixed = UNFIXED_COST[findings[index].severity]
        graph.add_edge(("finding", index), "unfixed", weight=unfixed, capacity=units)
        total += units
    graph.add_edge("unfixed", "sink", weight=0)
    graph.add_edge("slack", "sink", weight=0)
    for n, option in enumerate(options):
        units = supplies[option.finding]
        node = ("option", n)
        graph.add_edge(("finding", option.finding), node, weight=option.cost, capacity=units)
        for dept_id, gain in option.gains.items():
            graph.add_edge(node, ("department", dept_id), weight=0, capacity=gain)
        graph.add_edge(node, "slack", weight=0, capacity=units - sum(option.gains.values()))
    for dept_id, hours in left.items():
        if graph.has_node(("department", dept_id)):
            capacity = {} if hours is None else {"capacity": max(0, math.floor(hours * UNITS + 1e-9))}
            graph.add_edge(("department", dept_id), "sink", weight=0, **capacity)
    graph.add_node("sink", demand=total)
    solution = nx.min_cost_flow(graph)
    return [solution[("finding", option.finding)].get(("option", n), 0) for n, option in enumerate(options)]


def _fixes(planner: Planner, finding: Finding) -> itertools.chain[Candidate]:
    from raci import rules as registry

    rule = registry.RULES_BY_CODE.get(finding.code)
    return itertools.chain(rule.fixes(planner, finding) if rule is not None else ())


def _hours_left(org: Organization) -> dict[str, float | None]:
    """Hours a week each department has left (None: no capacity given)."""
    load = responsible_hours(org)
    return {
        dept_id: None if dept.capacity_hours is None else dept.capacity_hours - load[dept_id]
        for dept_id, dept in org.departments.items()
    }


def _changed_tasks(
    org: Organization, operations: Sequence[Operation]
) -> dict[str, tuple[Task | None, Task]]:
    """Task id -> (before, after) for the tasks the operations touch."""
    from raci.model.organization import Task

    changed: dict[str, tuple[Task | None, Task]] = {}
    for op in operations:
        before = org.tasks.get(op.task)
        current = changed[op.task][1] if op.task in changed else before
        if isinstance(op, AddTask):
            after = Task.model_validate(op.data())
        elif current is None:
            continue
        elif isinstance(op, SetLetters):
            raci = dict(current.raci)
            if op.letters:
                raci[op.department] = op.letters
            else:
                raci.pop(op.department, None)
            after = current.model_copy(update={"raci": raci})
        else:
            after = current.model_copy(update={op.field: op.value})
        changed[op.task] = (before, after)
    return changed


def _gains(org: Organization, operations: Sequence[Operation]) -> dict[str, float]:
    """Hours a week of work each department takes on (losses are not counted)."""
    order = list(org.departments)
    gains: dict[str, float] = {}
    for before, after in _changed_tasks(org, operations).values():
        old = split_effort(before, order) if before is not None else {}
        for dept_id, hours in split_effort(after, order).items():
            extra = hours - old.get(dept_id, 0.0)
            if extra > 1e-9:
                gains[dept_id] = gains.get(dept_id, 0.0) + extra
    return gains


def _units(hours: dict[str, float]) -> dict[str, int]:
    """Hours as whole flow units, rounded up so the flow never promises more than fits."""
    return {dept_id: math.ceil(value * UNITS - 1e-9) for dept_id, value in hours.items()}


def _over_capacity(
    org: Organization, gains: dict[str, float], left: dict[str, float | None], change: str = ""
) -> str | None:
    """Why ``change`` does not fit: the department it would put over capacity (else None)."""
    for dept_id, hours in gains.items():
        room = left.get(dept_id)
        if room is not None and hours > room + 1e-9:
            capacity = org.departments[dept_id].capacity_hours or 0.0
            load = capacity - room + hours
            return over_capacity_reason(change, org.department_label(dept_id), round(load, 2), capacity)
    return None


def over_capacity_reason(change: str, department: str, load: float, capacity: float) -> str:
    """``<change> would put Care at 45 h a week, over its capacity of 40 h``."""
    message = gettext(
        "%(change)s would put %(department)s at %(load)s a week, over its capacity of %(capacity)s"
    )
    return message % {
        "change": change,
        "department": department,
        "load": hours_text(load),
        "capacity": hours_text(capacity),
    }


def not_allowed(org: Organization, candidate: Candidate) -> str | None:
    """Customer service answers customers: it is never given other work to own or do (the
    reason, naming the change, when the candidate would)."""
    for before, after in _changed_tasks(org, candidate.operations).values():
        if after.is_customer_facing:
            continue
        for dept_id, letters in after.raci.items():
            department = org.departments.get(dept_id)
            if department is None or department.function is not Function.CUSTOMER_SERVICE:
                continue
            held = before.raci.get(dept_id, frozenset()) if before is not None else frozenset()
            if (letters - held) & OWNING_LETTERS:
                message = gettext("%(change)s would give %(department)s work that does not face customers")
                return message % {"change": candidate.summary, "department": org.department_label(dept_id)}
    return None


def function_cost(org: Organization, candidate: Candidate) -> int:
    """A penalty for each department that takes on work the article gives another function."""
    cost = 0
    for before, after in _changed_tasks(org, candidate.operations).values():
        natural = natural_owner(after)
        if natural is None:
            continue
        for dept_id, letters in after.raci.items():
            held = before.raci.get(dept_id, frozenset()) if before is not None else frozenset()
            department = org.departments.get(dept_id)
            takes_work = bool((letters - held) & OWNING_LETTERS)
            if department is not None and takes_work and department.function is not natural:
                cost += OFF_FUNCTION_COST
    return cost


def _without_clashes(org: Organization, choices: list[Choice], left: dict[str, float | None]) -> list[Choice]:
    """Drop a choice that edits what an earlier one edits, repeats it, or together with the
    earlier ones would pass a department's capacity (the flow may split a finding's hours)."""
    taken: set[tuple[str, str]] = set()
    seen: set[str] = set()
    room = dict(left)
    kept = []
    for choice in choices:
        ops = choice.candidate.operations
        key = repr(ops)
        if key in seen:
            continue
        cells = {(op.task, op.department if isinstance(op, SetLetters) else "*") for op in ops}
        if cells & taken or any((task, "*") in taken for task, _ in cells):
            continue
        gains = _gains(org, ops)
        if _over_capacity(org, gains, room) is not None:
            continue
        for dept_id, hours in gains.items():
            if room.get(dept_id) is not None:
                room[dept_id] = (room[dept_id] or 0.0) - hours
        seen.add(key)
        taken |= cells
        kept.append(choice)
    return kept
