"""Concrete assignment changes that clear findings, without overloading anyone.

:func:`suggest` searches greedily: for every finding it proposes candidate changes in the
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
import statistics
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from raci.model.principles import COSTLY_ACTIVITIES, NATURAL_ACTIVITY, NATURAL_OWNER, natural_owner
from raci.model.severity import Severity
from raci.model.vocabulary import Activity, Function, Letter, format_letters

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

R, A, C, INF = Letter.RESPONSIBLE, Letter.ACCOUNTABLE, Letter.CONSULTED, Letter.INFORMED


# --- changes -----------------------------------------------------------------------------


@dataclass(frozen=True)
class SetLetters:
    """Set a department's letters on a task (empty removes it from the task)."""

    task: str
    department: str
    letters: frozenset[Letter]


@dataclass(frozen=True)
class SetField:
    task: str
    field: str
    value: Any


@dataclass(frozen=True)
class AddTask:
    task: str
    name: str
    activity: Activity
    raci: tuple[tuple[str, frozenset[Letter]], ...]
    effort_hours: float | None = None
    review_horizon_days: int | None = None

    def data(self) -> dict[str, Any]:
        data: dict[str, Any] = {"name": self.name, "activity": self.activity.value}
        if self.effort_hours is not None:
            data["effort_hours"] = self.effort_hours
        if self.review_horizon_days is not None:
            data["review_horizon_days"] = self.review_horizon_days
        data["raci"] = {dept: format_letters(letters) for dept, letters in self.raci}
        return data


Operation = SetLetters | SetField | AddTask


@dataclass(frozen=True)
class Candidate:
    operations: tuple[Operation, ...]
    #: What the change does, in the organisation's names.
    summary: str
    note: str | None = None


@dataclass(frozen=True)
class Suggestion:
    operations: tuple[Operation, ...]
    summary: str
    note: str | None
    resolved: tuple[Finding, ...]
    introduced: tuple[Finding, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "change": self.summary,
            "note": self.note,
            "operations": [_operation_dict(op) for op in self.operations],
            "resolves": [_finding_ref(f) for f in self.resolved],
            "introduces": [_finding_ref(f) for f in self.introduced],
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
            planner = _Planner(current)
            for candidate in itertools.islice(planner.candidates(finding), MAX_CANDIDATES):
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
            Suggestion(candidate.operations, candidate.summary, candidate.note, resolved, introduced)
        )
        current = after
        reasons = {}
    complete = trials <= limit
    unresolved = tuple(
        Unresolved(finding, _explain(current, finding, reasons.get(index, [])))
        for index, finding in enumerate(current.findings)
    )
    return SuggestResult(result, current, tuple(suggestions), unresolved, complete)


def score(result: CheckResult) -> tuple[float, ...]:
    """Lower is better: errors, warnings, infos, then hours over capacity in total."""
    counts = result.counts()
    return (
        counts[Severity.ERROR],
        counts[Severity.WARNING],
        counts[Severity.INFO],
        sum(max(0.0, load - cap) for load, cap in _loads(result.org).values()),
    )


def responsible_hours(org: Organization) -> dict[str, float]:
    """Weekly hours each department is Responsible for (as RACI006 counts them)."""
    hours = dict.fromkeys(org.departments, 0.0)
    for task in org.tasks.values():
        for dept_id, letters in task.raci.items():
            if R in letters and dept_id in hours:
                hours[dept_id] += task.effort_hours or 0.0
    return hours


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
                f"put {after.department_label(dept_id)} at {_h(load)} a week, over its capacity of "
                f"{_h(capacity)}"
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
    org = result.org
    advice = ""
    if finding.code == "RACI006" and finding.department in org.departments:
        load = responsible_hours(org)[finding.department]
        advice = (
            f"raise capacity_hours of {org.department_label(finding.department)} to {_h(load)}, "
            "lower effort_hours, or add a department to share the work"
        )
    elif finding.code == "SOC401":
        advice = "estimate its effort_hours (per week) or budget (per month): raci cannot know what it costs"
    if not reasons and not advice:
        return "no single assignment change clears it"
    unique = list(dict.fromkeys(reasons))[:3]
    return "; ".join([*unique, *([advice] if advice else [])])


def _h(value: float) -> str:
    return f"{value:g} h"


# --- candidate changes, rule by rule ------------------------------------------------------


@dataclass
class _Planner:
    result: CheckResult
    notes: dict[Finding, list[str]] = field(default_factory=dict)

    @property
    def org(self) -> Organization:
        return self.result.org

    def candidates(self, finding: Finding) -> Iterator[Candidate]:
        method = getattr(self, f"_{finding.code.lower()}", None)
        if method is not None:
            yield from method(finding)

    def note(self, finding: Finding, text: str) -> None:
        self.notes.setdefault(finding, []).append(text)

    # helpers ------------------------------------------------------------------------------

    def name(self, dept_id: str) -> str:
        return self.org.department_label(dept_id)

    def departments(self, function: Function) -> list[str]:
        return list(self.result.graph.departments_by_function.get(function, []))

    def letters(self, task_id: str, dept_id: str) -> frozenset[Letter]:
        return self.org.tasks[task_id].raci.get(dept_id, frozenset())

    def give(self, task_id: str, dept_id: str, add: frozenset[Letter]) -> SetLetters:
        """``dept`` takes ``add`` on the task; a C or I it held gives way to an R or A."""
        held = self.letters(task_id, dept_id)
        if add & {R, A}:
            held = held - {C, INF}
        return SetLetters(task_id, dept_id, held | add)

    def take(self, task_id: str, dept_id: str, remove: frozenset[Letter]) -> SetLetters:
        """``dept`` gives up letters on the task, staying Consulted if nothing is left."""
        left = self.letters(task_id, dept_id) - remove
        return SetLetters(task_id, dept_id, left or frozenset({C}))

    def change_text(self, op: SetLetters) -> str:
        before = format_letters(self.letters(op.task, op.department)) or "nothing"
        after = format_letters(op.letters) or "nothing"
        return f"{self.name(op.department)} {before} -> {after} on {op.task}"

    def candidate(self, *ops: SetLetters, note: str | None = None) -> Candidate:
        return Candidate(tuple(ops), "; ".join(self.change_text(op) for op in ops), note)

    def natural_function(self, task_id: str) -> Function | None:
        return natural_owner(self.org.tasks[task_id])

    def owners_first(self, task_id: str, departments: list[str]) -> list[str]:
        """Departments of the task's natural function first, then the rest, in file order."""
        natural = self.natural_function(task_id)
        return sorted(departments, key=lambda d: self.org.departments[d].function is not natural)

    def take_over(self, task_id: str, owner: str) -> Candidate:
        """``owner`` takes RA; other holders of R or A step back (A always, R if marketing)."""
        ops = [self.give(task_id, owner, frozenset({R, A}))]
        for dept_id, held in self.org.tasks[task_id].raci.items():
            if dept_id == owner:
                continue
            drop = frozenset({A})
            if self.org.departments[dept_id].function is Function.MARKETING:
                drop = frozenset({R, A})
            if held & drop:
                ops.append(self.take(task_id, dept_id, drop))
        return self.candidate(*ops)

    def effort_estimate(self, activity: Activity) -> tuple[float | None, str | None]:
        same = [t.effort_hours for t in self.org.tasks.values() if t.activity is activity and t.effort_hours]
        every = [t.effort_hours for t in self.org.tasks.values() if t.effort_hours]
        values = same or every
        if not values:
            return None, "add its effort_hours: no task states one to estimate from"
        estimate = float(statistics.median_low(sorted(values)))
        basis = f"your other {activity.value} tasks" if same else "your tasks"
        return estimate, f"effort_hours {_h(estimate)} is an estimate (the median of {basis}): adjust it"

    def new_task(
        self,
        activity: Activity,
        owner: str,
        others: Sequence[tuple[str, Letter]] = (),
        horizon: int | None = None,
    ) -> Candidate:
        base, name = _NEW_TASKS[activity]
        task_id, n = base, 2
        while task_id in self.org.tasks:
            task_id, n = f"{base}-{n}", n + 1
        raci = [(owner, frozenset({R, A}))]
        raci += [(d, frozenset({letter})) for d, letter in others if d != owner]
        effort, note = self.effort_estimate(activity)
        op = AddTask(task_id, name, activity, tuple(raci), effort, horizon)
        who = ", ".join(f"{self.name(d)} {format_letters(letters)}" for d, letters in raci)
        return Candidate((op,), f"add task {task_id} ({activity.value}): {who}", note)

    def informed(self, task_id: str | None, *functions: Function) -> list[tuple[str, Letter]]:
        """The first department of each function not already on the task, as I."""
        found = []
        on_task = set(self.org.tasks[task_id].raci) if task_id else set()
        for function in functions:
            dept = next((d for d in self.departments(function) if d not in on_task), None)
            if dept is not None:
                found.append((dept, INF))
        return found

    def recover_task(self, owner: str) -> Candidate:
        """A recover task: PR accountable, marketing consulted on the wording, care informed."""
        others = [
            *((d, C) for d, _ in self.informed(None, Function.MARKETING)),
            *self.informed(None, Function.CUSTOMER_SERVICE),
        ]
        return self.new_task(Activity.RECOVER, owner, others)

    # rules --------------------------------------------------------------------------------

    def _raci001(self, finding: Finding) -> Iterator[Candidate]:
        task_id = finding.task
        if task_id is None:
            return
        graph = self.result.graph
        accountable = graph.holders(task_id, A)
        if not accountable:
            holders = graph.holders(task_id, R) or list(self.org.tasks[task_id].raci)
            for dept in self.owners_first(task_id, holders):
                yield self.candidate(self.give(task_id, dept, frozenset({A})))
            return
        for keeper in self.owners_first(task_id, accountable):
            others = [self.take(task_id, d, frozenset({A})) for d in accountable if d != keeper]
            yield self.candidate(*others)

    def _raci002(self, finding: Finding) -> Iterator[Candidate]:
        task_id = finding.task
        if task_id is None:
            return
        on_task = list(self.org.tasks[task_id].raci)
        accountable = self.result.graph.holders(task_id, A)
        function = self.natural_function(task_id)
        natural = self.departments(function) if function is not None else []
        for dept in dict.fromkeys([*accountable, *self.owners_first(task_id, on_task), *natural]):
            yield self.candidate(self.give(task_id, dept, frozenset({R})))

    def _raci003(self, finding: Finding) -> Iterator[Candidate]:
        dept = finding.department
        if dept is None:
            return
        function = self.org.departments[dept].function
        by_activity = self.result.graph.tasks_by_activity
        natural = NATURAL_ACTIVITY.get(function)
        pool = [
            *(self.result.graph.customer_facing(natural) if natural else []),
            *by_activity.get(Activity.MEASURE, []),
            *self.org.tasks,
        ]
        for task_id in list(dict.fromkeys(pool))[:3]:
            yield self.candidate(SetLetters(task_id, dept, frozenset({INF})))

    def option(self, code: str, name: str, default: int) -> int:
        for entry in self.result.rules:
            if entry.rule.code == code:
                return int(entry.options.get(name, default))
        return default

    def _raci004(self, finding: Finding) -> Iterator[Candidate]:
        task_id = finding.task
        if task_id is None:
            return
        responsible = self.result.graph.holders(task_id, R)
        excess = len(responsible) - self.option("RACI004", "max_responsible", 3)
        natural = self.natural_function(task_id)
        movable = [
            d
            for d in reversed(responsible)
            if A not in self.letters(task_id, d) and self.org.departments[d].function is not natural
        ]
        if 0 < excess <= len(movable):
            ops = [SetLetters(task_id, d, (self.letters(task_id, d) - {R}) | {C}) for d in movable[:excess]]
            yield self.candidate(*ops)

    def _raci005(self, finding: Finding) -> Iterator[Candidate]:
        task_id = finding.task
        if task_id is None:
            return
        task = self.org.tasks[task_id]
        consulted = self.result.graph.holders(task_id, C)
        excess = len(consulted) - self.option("RACI005", "max_consulted", 4)
        movable = [
            d
            for d in reversed(consulted)
            if not (
                task.activity is Activity.RECOVER
                and self.org.departments[d].function is Function.PUBLIC_RELATIONS
            )
        ]
        if 0 < excess <= len(movable):
            ops = [SetLetters(task_id, d, (self.letters(task_id, d) - {C}) | {INF}) for d in movable[:excess]]
            yield self.candidate(*ops)

    def _raci006(self, finding: Finding) -> Iterator[Candidate]:
        dept = finding.department
        if dept is None:
            return
        capacity = self.org.departments[dept].capacity_hours
        if capacity is None or responsible_hours(self.org)[dept] <= capacity:
            return  # too many A's: which to share out is the team's call
        function = self.org.departments[dept].function
        held = self.result.graph.tasks_of(dept)
        tasks = sorted(
            (t for t, letters in held.items() if R in letters),
            key=lambda t: -(self.org.tasks[t].effort_hours or 0.0),
        )
        peers = [d for d in self.departments(function) if d != dept]
        for task_id in tasks:
            others = [d for d in self.result.graph.holders(task_id, R) if d != dept]
            if others:
                yield self.candidate(self.take(task_id, dept, frozenset({R})))
            for peer in peers:
                yield self.candidate(
                    self.take(task_id, dept, frozenset({R})), self.give(task_id, peer, frozenset({R}))
                )

    def _raci007(self, finding: Finding) -> Iterator[Candidate]:
        task_id = finding.task
        if task_id is None:
            return
        functions = (Function.CUSTOMER_SERVICE, Function.MARKETING, Function.PUBLIC_RELATIONS, Function.SALES)
        for dept, letter in self.informed(task_id, *functions):
            yield self.candidate(SetLetters(task_id, dept, frozenset({letter})))

    def _soc101(self, finding: Finding) -> Iterator[Candidate]:
        care = self.departments(Function.CUSTOMER_SERVICE)
        if not care:
            self.note(
                finding, "there is no customer service department: add one (function: customer_service)"
            )
            return
        others = self.informed(None, Function.MARKETING, Function.PUBLIC_RELATIONS)
        for dept in care:
            yield self.new_task(Activity.RESPOND, dept, others)

    def _soc102(self, finding: Finding) -> Iterator[Candidate]:
        task_id = finding.task
        if task_id is None:
            return
        care = self.departments(Function.CUSTOMER_SERVICE)
        if not care:
            self.note(
                finding, "there is no customer service department: add one (function: customer_service)"
            )
        for dept in care:
            yield self.take_over(task_id, dept)
            yield self.candidate(self.give(task_id, dept, frozenset({R})))

    def _soc103(self, finding: Finding) -> Iterator[Candidate]:
        graph = self.result.graph
        owned = {f for t in graph.task_ids() for f in graph.owning_functions(t)}
        for function in (Function.CUSTOMER_SERVICE, Function.PUBLIC_RELATIONS, Function.SALES):
            if function in owned:
                continue
            depts = self.departments(function)
            if not depts:
                self.note(
                    finding, f"there is no {function.phrase} department: add one (function: {function.value})"
                )
                continue
            activities = [NATURAL_ACTIVITY[function]]
            if function is Function.PUBLIC_RELATIONS:
                activities.append(Activity.MEDIA_RELATIONS)
            tasks = [t for a in activities for t in graph.customer_facing(a)]
            for dept in depts:
                for task_id in tasks:
                    yield self.take_over(task_id, dept)
                if not tasks and function is Function.PUBLIC_RELATIONS:
                    yield self.recover_task(dept)
                elif not tasks:
                    others = self.informed(None, Function.MARKETING, Function.CUSTOMER_SERVICE)
                    yield self.new_task(activities[0], dept, others)

    def _soc104(self, finding: Finding) -> Iterator[Candidate]:
        task_id = finding.task
        if task_id is None:
            return
        owner = NATURAL_OWNER[self.org.tasks[task_id].activity]
        depts = self.departments(owner)
        if not depts:
            self.note(finding, f"there is no {owner.phrase} department: add one (function: {owner.value})")
        for dept in depts:
            yield self.take_over(task_id, dept)

    def _soc105(self, finding: Finding) -> Iterator[Candidate]:
        activity = Activity(finding.activity) if finding.activity else None
        if activity is None:
            return
        tasks = self.result.graph.tasks_by_activity.get(activity, [])
        for dept in self.departments(Function.MARKETING):
            for task_id in tasks:
                yield self.candidate(self.give(task_id, dept, frozenset({R})))

    def _soc201(self, finding: Finding) -> Iterator[Candidate]:
        marketing = self.departments(Function.MARKETING)
        owner = marketing[0] if marketing else next(iter(self.org.departments), None)
        if owner is not None:
            others = self.informed(None, Function.SALES, Function.EXECUTIVE)
            yield self.new_task(Activity.MEASURE, owner, others, horizon=90)
        if finding.task is not None:
            yield Candidate(
                (SetField(finding.task, "review_horizon_days", 90),),
                f"review {finding.task} every 90 days instead",
            )

    def _soc301(self, finding: Finding) -> Iterator[Candidate]:
        task_id = finding.task
        pr = self.departments(Function.PUBLIC_RELATIONS)
        if task_id is None:
            if not pr:
                self.note(finding, "there is no PR department: add one (function: public_relations)")
                return
            for dept in pr:
                yield self.recover_task(dept)
            return
        graph = self.result.graph
        if not graph.holders(task_id, A):
            holders = [d for d in self.org.tasks[task_id].raci if d in pr] + graph.holders(task_id, R)
            for dept in dict.fromkeys(holders):
                yield self.candidate(self.give(task_id, dept, frozenset({A})))
        if not any(d in pr and self.letters(task_id, d) & {R, A, C} for d in self.org.tasks[task_id].raci):
            if not pr:
                self.note(finding, "there is no PR department: add one (function: public_relations)")
            for dept in pr:
                held = self.letters(task_id, dept) - {INF}
                yield self.candidate(SetLetters(task_id, dept, held | {C}))

    def _soc402(self, finding: Finding) -> Iterator[Candidate]:
        activity = Activity(finding.activity) if finding.activity else None
        if activity not in COSTLY_ACTIVITIES or activity is None:
            return
        function = Function.CUSTOMER_SERVICE if activity is Activity.RESPOND else Function.MARKETING
        depts = self.departments(function)
        if not depts:
            self.note(finding, f"there is no {function.phrase} department to own it")
            return
        inform = Function.MARKETING if function is Function.CUSTOMER_SERVICE else Function.CUSTOMER_SERVICE
        for dept in depts:
            yield self.new_task(activity, dept, self.informed(None, inform))


#: Activity -> (id, name) of a task suggest adds.
_NEW_TASKS: dict[Activity, tuple[str, str]] = {
    Activity.MONITOR: ("social-listening", "Listen to mentions and reviews"),
    Activity.DISCOVER: ("discover-content", "Discover stories and topics worth sharing"),
    Activity.SELECT: ("curate-content", "Select (curate) content to share"),
    Activity.CREATE: ("create-content", "Write posts and campaign messages"),
    Activity.PUBLISH: ("publish-posts", "Publish the content calendar"),
    Activity.RESPOND: ("answer-complaints", "Answer complaints and questions in public"),
    Activity.SELL: ("handle-leads", "Handle leads and objections from social"),
    Activity.MEDIA_RELATIONS: ("media-enquiries", "Answer journalists and influencers"),
    Activity.PROMOTE: ("paid-promotion", "Promote posts with paid reach"),
    Activity.RECOVER: ("handle-incidents", "Own and fix public mistakes openly"),
    Activity.MEASURE: ("quarterly-value-review", "Review community, trust and revenue each quarter"),
}


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
