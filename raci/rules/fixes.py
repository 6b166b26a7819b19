"""What a rule may propose as a fix: assignment changes, and a planner that phrases them.

A rule's ``fixes`` method yields :class:`Candidate` changes for one of its findings, built with
the :class:`Planner` helpers (give a department letters, add a task, …) in the organisation's
own names. ``raci suggest`` tries the candidates and keeps those that help; the rules never
check or apply anything themselves.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from raci.i18n import N_, gettext, number
from raci.model.principles import natural_owner
from raci.model.vocabulary import Activity, Function, Letter, format_letters
from raci.rules.wording import activity_name

if TYPE_CHECKING:
    from raci.checking.checker import CheckResult
    from raci.model.findings import Finding
    from raci.model.organization import Organization

R, A, C, INF = Letter.RESPONSIBLE, Letter.ACCOUNTABLE, Letter.CONSULTED, Letter.INFORMED


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


def responsible_hours(org: Organization) -> dict[str, float]:
    """Weekly hours of work per department: its share of each task it does (as RACI006
    counts them; see :mod:`raci.model.effort`)."""
    from raci.model.effort import workload

    return workload(org).hours


def hours_text(value: float) -> str:
    return f"{number(value)} h"


#: Activity -> (id, name) of a task a fix adds, both written in the current language (a Polish
#: org gets a Polish id it can read).
NEW_TASKS: dict[Activity, tuple[str, str]] = {
    Activity.MONITOR: (N_("social-listening"), N_("Listen to mentions and reviews")),
    Activity.DISCOVER: (N_("discover-content"), N_("Discover stories and topics worth sharing")),
    Activity.SELECT: (N_("curate-content"), N_("Select (curate) content to share")),
    Activity.CREATE: (N_("create-content"), N_("Write posts and campaign messages")),
    Activity.PUBLISH: (N_("publish-posts"), N_("Publish the content calendar")),
    Activity.RESPOND: (N_("answer-complaints"), N_("Answer complaints and questions in public")),
    Activity.SELL: (N_("handle-leads"), N_("Handle leads and objections from social")),
    Activity.MEDIA_RELATIONS: (N_("media-enquiries"), N_("Answer journalists and influencers")),
    Activity.PROMOTE: (N_("paid-promotion"), N_("Promote posts with paid reach")),
    Activity.RECOVER: (N_("handle-incidents"), N_("Own and fix public mistakes openly")),
    Activity.MEASURE: (N_("quarterly-value-review"), N_("Review community, trust and revenue each quarter")),
}


@dataclass
class Planner:
    """Helpers for phrasing changes to one checked organisation; collects notes per finding."""

    result: CheckResult
    notes: dict[Finding, list[str]] = field(default_factory=dict)

    @property
    def org(self) -> Organization:
        return self.result.org

    def note(self, finding: Finding, text: str) -> None:
        """Say why a fix cannot be proposed (e.g. a missing department); shown if it stays."""
        self.notes.setdefault(finding, []).append(text)

    def name(self, dept_id: str) -> str:
        return self.org.department_label(dept_id)

    def departments(self, function: Function) -> list[str]:
        return list(self.result.graph.departments_by_function.get(function, []))

    def letters(self, task_id: str, dept_id: str) -> frozenset[Letter]:
        return self.org.tasks[task_id].raci.get(dept_id, frozenset())

    def option(self, code: str, name: str, default: int) -> int:
        """The option value the check ran with (the rule's default if it did not run)."""
        for entry in self.result.rules:
            if entry.rule.code == code:
                return int(entry.options.get(name, default))
        return default

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
        nothing = gettext("nothing")
        before = format_letters(self.letters(op.task, op.department)) or nothing
        after = format_letters(op.letters) or nothing
        return gettext("%(department)s %(before)s -> %(after)s on %(task)s") % {
            "department": self.name(op.department),
            "before": before,
            "after": after,
            "task": op.task,
        }

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
            return None, gettext("add its effort_hours: no task states one to estimate from")
        estimate = float(statistics.median_low(sorted(values)))
        if same:
            note = gettext(
                "effort_hours %(hours)s is an estimate (the median of your other %(activity)s tasks): "
                "adjust it"
            ) % {"hours": hours_text(estimate), "activity": activity_name(activity)}
        else:
            note = gettext("effort_hours %(hours)s is an estimate (the median of your tasks): adjust it") % {
                "hours": hours_text(estimate)
            }
        return estimate, note

    def new_task(
        self,
        activity: Activity,
        owner: str,
        others: Sequence[tuple[str, Letter]] = (),
        horizon: int | None = None,
    ) -> Candidate:
        base, name = (gettext(text) for text in NEW_TASKS[activity])
        task_id, n = base, 2
        while task_id in self.org.tasks:
            task_id, n = f"{base}-{n}", n + 1
        raci = [(owner, frozenset({R, A}))]
        raci += [(d, frozenset({letter})) for d, letter in others if d != owner]
        effort, note = self.effort_estimate(activity)
        op = AddTask(task_id, name, activity, tuple(raci), effort, horizon)
        who = ", ".join(f"{self.name(d)} {format_letters(letters)}" for d, letters in raci)
        summary = gettext("add task %(task)s (%(activity)s): %(raci)s") % {
            "task": task_id,
            "activity": activity_name(activity),
            "raci": who,
        }
        return Candidate((op,), summary, note)

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
        """A recover task: PR accountable, marketing consulted on the wording, the front line
        (customer service and sales) informed."""
        others = [
            *((d, C) for d, _ in self.informed(None, Function.MARKETING)),
            *self.informed(None, Function.CUSTOMER_SERVICE, Function.SALES),
        ]
        return self.new_task(Activity.RECOVER, owner, others)


#: What a rule's ``fixes`` returns.
Fixes = Iterator[Candidate]
