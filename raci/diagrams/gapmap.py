"""Where each finding belongs in a picture: on a task, on a department, or as a missing owner.

Views draw from this map, not from finding messages. Each rule says where its findings go
(:meth:`raci.rules.Rule.gaps`): a finding about a task flags that task; one about a
department flags the department; one saying a function should own some work becomes a
*missing owner* (an edge from that function to the work); one saying an activity has no task
becomes a *missing activity* (a placeholder task). Findings placed nowhere are kept in
``general`` so no gap is silently dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from raci.checking.checker import CheckResult
from raci.graph import OrgGraph
from raci.model.findings import Finding
from raci.model.organization import Organization
from raci.model.severity import Severity
from raci.model.vocabulary import LETTER_ORDER, Activity, Function, Letter
from raci.rules.base import Rule
from raci.rules.gaps import Gap, MissingActivityGap, OnDepartment, OnTask


@dataclass
class Flag:
    """Gaps on one element: (rule code, short note) pairs, worst severity, full messages."""

    items: list[tuple[str, str]] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)
    severity: Severity = Severity.INFO

    @property
    def codes(self) -> list[str]:
        return sorted({code for code, _ in self.items})

    def add(self, finding: Finding, note: str) -> None:
        if (finding.code, note) not in self.items:
            self.items.append((finding.code, note))
        self.messages.append(f"{finding.code}: {finding.message}")
        self.severity = max(self.severity, finding.severity)

    def merge(self, other: Flag, note: Callable[[str], str] | None = None) -> None:
        """Take in another element's gaps (notes rewritten by ``note``), without repeats."""
        for code, text in other.items:
            item = (code, note(text) if note else text)
            if item not in self.items:
                self.items.append(item)
        self.messages.extend(m for m in other.messages if m not in self.messages)
        self.severity = max(self.severity, other.severity)


@dataclass
class MissingOwner:
    """A function that should hold ``letters`` on a task (or on an activity's work as a whole)."""

    function: Function
    activity: Activity
    task: str | None
    letters: str
    flag: Flag = field(default_factory=Flag)


@dataclass
class GapMap:
    tasks: dict[str, Flag] = field(default_factory=dict)
    departments: dict[str, Flag] = field(default_factory=dict)
    missing_activities: dict[Activity, Flag] = field(default_factory=dict)
    missing_owners: dict[tuple[Function, Activity, str | None], MissingOwner] = field(default_factory=dict)
    general: list[Finding] = field(default_factory=list)
    #: The waived findings, placed the same way: views draw them as waived (a neutral colour
    #: and a "waived" note), never as gaps.
    waived: GapMap | None = None

    @property
    def count(self) -> int:
        return (
            len(self.tasks)
            + len(self.departments)
            + len(self.missing_activities)
            + len(self.missing_owners)
            + len(self.general)
        )

    def task(self, task_id: str) -> Flag:
        return self.tasks.setdefault(task_id, Flag())

    def department(self, dept_id: str) -> Flag:
        return self.departments.setdefault(dept_id, Flag())

    def activity(self, activity: Activity) -> Flag:
        return self.missing_activities.setdefault(activity, Flag())

    def owner(self, function: Function, activity: Activity, task: str | None, letters: str) -> Flag:
        key = (function, activity, task)
        found = self.missing_owners.get(key)
        if found is None:
            found = self.missing_owners[key] = MissingOwner(function, activity, task, letters)
        elif found.letters != letters and _plain(found.letters) and _plain(letters):
            # Two rules about one owner ("should be R", "should lead (RA)"): it needs both.
            found.letters = "".join(x.value for x in LETTER_ORDER if x.value in found.letters + letters)
        return found.flag


def build_gap_map(result: CheckResult) -> GapMap:
    """Place every finding of ``result`` where the rule that raised it says; its waived
    findings go to a map of their own (``waived``)."""
    gaps = _place_all(result, result.findings)
    gaps.waived = _place_all(result, result.waived)
    return gaps


def _place_all(result: CheckResult, findings: tuple[Finding, ...]) -> GapMap:
    from raci import rules as registry

    gaps = GapMap()
    org, graph = result.org, result.graph
    for finding in findings:
        rule = registry.RULES_BY_CODE.get(finding.code, Rule)
        placed = rule.gaps(finding, org, graph)
        for gap in placed:
            _place(gaps, gap).add(finding, gap.note)
        if not placed:
            gaps.general.append(finding)
    return gaps


def _place(gaps: GapMap, gap: Gap) -> Flag:
    if isinstance(gap, OnTask):
        return gaps.task(gap.task)
    if isinstance(gap, OnDepartment):
        return gaps.department(gap.department)
    if isinstance(gap, MissingActivityGap):
        return gaps.activity(gap.activity)
    return gaps.owner(gap.function, gap.activity, gap.task, gap.letters)


def _plain(letters: str) -> bool:
    """Letters all of which are wanted ("RA"), not alternatives ("R or A")."""
    return " " not in letters


def cell_flag(function: Function, activity: Activity, required: bool, gaps: GapMap) -> Flag:
    """The findings about one cell of the ownership grid (function x activity): the missing
    owners of that function on that work, and, on a required cell, the missing activity."""
    flag = Flag()
    for owner in gaps.missing_owners.values():
        if owner.function is function and owner.activity is activity:
            flag.merge(owner.flag)
    missing = gaps.missing_activities.get(activity)
    if missing is not None and required:
        flag.merge(missing)
    return flag


def lacking_letters(result: CheckResult, owner: MissingOwner) -> str:
    """What ``owner.function`` lacks on ``owner.task``: "R", "A", "R/A" (either would do)…"""
    if owner.task is None or " " in owner.letters:  # alternatives: none is held
        return owner.letters.replace(" or ", "/").replace(", ", "/")
    graph = result.graph
    held: set[Letter] = set()
    for dept_id, letters in graph.assignments(owner.task).items():
        if graph.function_of(dept_id) is owner.function:
            held |= letters
    wanted = [letter for letter in LETTER_ORDER if letter.value in owner.letters]
    return "".join(letter.value for letter in wanted if letter not in held) or owner.letters


def responsible_effort(org: Organization, result: CheckResult, dept_id: str) -> float:
    """A department's weekly hours: its share of each task it does (:mod:`raci.model.effort`)."""
    return result.workload.hours.get(dept_id, 0.0)


@dataclass(frozen=True)
class RowMarks:
    """The cells of one task's matrix row that findings point at (matrix view, HTML report)."""

    #: (department, letter held) -> codes pointing at it: both A's of a task with two, the R's
    #: of a task with too many, marketing's R/A where another function should lead (each
    #: rule's ``points_at`` and ``displaces``).
    pointed: dict[tuple[str, Letter], set[str]]
    #: department -> (letters it should hold, e.g. "R" or "R/A"; the codes saying so). The
    #: rules name a function's first department, so that one cell is marked.
    should: dict[str, tuple[str, set[str]]]


def row_marks(result: CheckResult, gaps: GapMap, task_id: str, departments: list[str]) -> RowMarks:
    marks = RowMarks({}, {})
    flag = gaps.tasks.get(task_id)
    for code in flag.codes if flag is not None else ():
        _mark_flag(result.graph, marks, task_id, code)
    for owner in gaps.missing_owners.values():
        if owner.task == task_id:
            _mark_owner(result.graph, marks, task_id, owner, departments)
    return marks


def _mark_flag(graph: OrgGraph, marks: RowMarks, task_id: str, code: str) -> None:
    """The cells a task flag's rule points at (its ``points_at``), and who lacks a letter."""
    from raci import rules as registry

    rule = registry.RULES_BY_CODE.get(code, Rule)
    for dept_id, letter in rule.lacking_cells(graph, task_id):
        letters, codes = marks.should.get(dept_id, ("", set()))
        wanted = {*letters, letter.value}
        marks.should[dept_id] = ("".join(x.value for x in LETTER_ORDER if x.value in wanted), codes | {code})
    for letter in rule.points_at:
        holders = graph.holders(task_id, letter)
        if len(holders) >= rule.points_at_min:
            for dept_id in holders:
                marks.pointed.setdefault((dept_id, letter), set()).add(code)


def _mark_owner(
    graph: OrgGraph, marks: RowMarks, task_id: str, owner: MissingOwner, departments: list[str]
) -> None:
    """A missing owner's cell (its function's first department) and the R/A it displaces."""
    from raci import rules as registry

    first = next((d for d in departments if graph.function_of(d) is owner.function), None)
    if first is not None:
        letters = owner.letters.replace(" or ", "/").replace(", ", "/")
        marks.should[first] = (letters, set(owner.flag.codes))
    for code in owner.flag.codes:
        displaced = registry.RULES_BY_CODE.get(code, Rule).displaces
        if displaced is None or owner.function is displaced:
            continue
        for dept_id, held in graph.assignments(task_id).items():
            if graph.function_of(dept_id) is displaced:
                for letter in held & {Letter.RESPONSIBLE, Letter.ACCOUNTABLE}:
                    marks.pointed.setdefault((dept_id, letter), set()).add(code)
