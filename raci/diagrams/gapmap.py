"""Where each finding belongs in a picture: on a task, on a department, or as a missing owner.

Views draw from this map, not from finding messages: a finding about a task flags that task;
one about a department flags the department; one saying a function should own some work
becomes a *missing owner* (an edge from that function to the work); one saying an activity
has no task becomes a *missing activity* (a placeholder task). Findings that fit none of these
(a rule added later, say) are kept in ``general`` so no gap is silently dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from raci.checking.checker import CheckResult
from raci.model.findings import Finding
from raci.model.organization import Organization
from raci.model.principles import NATURAL_ACTIVITY
from raci.model.severity import Severity
from raci.model.vocabulary import LETTER_ORDER, SHARING_FUNCTIONS, Activity, Function, Letter


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


def _plain(letters: str) -> bool:
    """Letters all of which are wanted ("RA"), not alternatives ("R or A")."""
    return " " not in letters


def build_gap_map(result: CheckResult) -> GapMap:
    """Place every finding of ``result``."""
    gaps = GapMap()
    org, graph = result.org, result.graph
    for finding in result.findings:
        code = finding.code
        task = finding.task if finding.task in org.tasks else None
        department = finding.department if finding.department in org.departments else None
        activity = _activity(finding.activity)
        function = _function(finding.function)
        if code == "SOC101":
            gaps.activity(Activity.RESPOND).add(finding, "no respond task")
            gaps.owner(Function.CUSTOMER_SERVICE, Activity.RESPOND, None, "R").add(finding, "should be R")
        elif code == "SOC102" and task:
            gaps.owner(Function.CUSTOMER_SERVICE, Activity.RESPOND, task, "R").add(finding, "should be R")
        elif code == "SOC103":
            owned = {f for task_id in graph.task_ids() for f in graph.owning_functions(task_id)}
            for missing in (f for f in SHARING_FUNCTIONS if f not in owned):
                target = NATURAL_ACTIVITY[missing]
                tasks = graph.tasks_by_activity.get(target, [])
                on = tasks[0] if len(tasks) == 1 else None
                gaps.owner(missing, target, on, "R or A").add(finding, "should own (R or A)")
        elif code == "SOC104" and task and function and activity:
            letters = "RA" if _marketing_holds(result, task, Letter.ACCOUNTABLE) else "R"
            gaps.owner(function, activity, task, letters).add(finding, f"should lead ({letters})")
        elif code == "SOC105" and activity:
            tasks = graph.tasks_by_activity.get(activity, [])
            on = task if len(tasks) <= 1 else None
            gaps.owner(Function.MARKETING, activity, on, "R").add(finding, "should be R")
        elif code == "SOC201" and task is None:
            gaps.activity(Activity.MEASURE).add(finding, "no measure task")
        elif code == "SOC301" and task is None:
            gaps.activity(Activity.RECOVER).add(finding, "no recover task")
            gaps.owner(Function.PUBLIC_RELATIONS, Activity.RECOVER, None, "RA").add(
                finding, "should own (RA)"
            )
        elif code == "SOC301" and task and function is Function.PUBLIC_RELATIONS:
            gaps.owner(function, Activity.RECOVER, task, "R, A or C").add(finding, "should be R, A or C")
        elif code == "SOC402" and activity:
            gaps.activity(activity).add(finding, f"no {activity.value} task")
        elif task:
            gaps.task(task).add(finding, task_note(result, finding, task))
        elif department:
            gaps.department(department).add(finding, department_note(org, result, finding, department))
        else:
            gaps.general.append(finding)
    return gaps


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
    if owner.task is None:
        return owner.letters.replace(" or ", "/").replace(", ", "/")
    if " or " in owner.letters:  # alternatives: none is held, or there would be no finding
        return owner.letters.replace(" or ", "/").replace(", ", "/")
    graph = result.graph
    held: set[Letter] = set()
    for dept_id, letters in graph.assignments(owner.task).items():
        if graph.function_of(dept_id) is owner.function:
            held |= letters
    wanted = [letter for letter in LETTER_ORDER if letter.value in owner.letters]
    return "".join(letter.value for letter in wanted if letter not in held) or owner.letters


def task_note(result: CheckResult, finding: Finding, task_id: str) -> str:
    """A few words for a task's flag, counted from the graph rather than read from messages."""
    graph = result.graph
    count = {letter: len(graph.holders(task_id, letter)) for letter in Letter}
    code = finding.code
    if code in ("RACI001", "SOC301"):
        held = count[Letter.ACCOUNTABLE]
        return "no Accountable" if held == 0 else f"{held} Accountable: keep one"
    if code == "RACI002":
        return "no Responsible"
    if code == "RACI004":
        return f"{count[Letter.RESPONSIBLE]} Responsible: split it"
    if code == "RACI005":
        return f"{count[Letter.CONSULTED]} Consulted: slow decisions"
    if code == "RACI007":
        return "silo: nobody consulted or informed"
    if code == "SOC201":
        days = result.org.tasks[task_id].review_horizon_days
        if days is None:
            return "no review horizon"
        return "reviewed per post" if days == 0 else f"reviewed every {days} days"
    if code == "SOC401":
        return "no effort or budget"
    return finding.rule.replace("-", " ") or code


def department_note(org: Organization, result: CheckResult, finding: Finding, dept_id: str) -> str:
    if finding.code == "RACI003":
        return "idle: holds no letter"
    if finding.code == "RACI006":
        held = result.graph.tasks_of(dept_id)
        if "Accountable" in finding.message:
            accountable = sum(1 for letters in held.values() if Letter.ACCOUNTABLE in letters)
            return f"Accountable for {accountable} tasks"
        effort = responsible_effort(org, result, dept_id)
        capacity = org.departments[dept_id].capacity_hours or 0.0
        return f"over capacity: {effort:g} h of {capacity:g} h"
    return finding.rule.replace("-", " ") or finding.code


def responsible_effort(org: Organization, result: CheckResult, dept_id: str) -> float:
    """A department's weekly hours: its share of each task it does (:mod:`raci.model.effort`)."""
    return result.workload.hours.get(dept_id, 0.0)


def _marketing_holds(result: CheckResult, task_id: str, letter: Letter) -> bool:
    graph = result.graph
    return any(graph.function_of(d) is Function.MARKETING for d in graph.holders(task_id, letter))


def _activity(value: str | None) -> Activity | None:
    try:
        return Activity(value) if value else None
    except ValueError:
        return None


def _function(value: str | None) -> Function | None:
    try:
        return Function(value) if value else None
    except ValueError:
        return None


#: Which letters, held by whom, each code points at in a task's row of the matrix.
POINTS_AT: dict[str, tuple[Letter, ...]] = {
    "RACI001": (Letter.ACCOUNTABLE,),
    "RACI004": (Letter.RESPONSIBLE,),
    "RACI005": (Letter.CONSULTED,),
}


@dataclass(frozen=True)
class RowMarks:
    """The cells of one task's matrix row that findings point at (matrix view, HTML report)."""

    #: (department, letter held) -> codes pointing at it: both A's of a task with two, the R's
    #: of a task with too many, marketing's R/A where another function should lead (SOC104).
    pointed: dict[tuple[str, Letter], set[str]]
    #: department -> (letters it should hold, e.g. "R" or "R/A"; the codes saying so). The
    #: rules name a function's first department, so that one cell is marked.
    should: dict[str, tuple[str, set[str]]]


def row_marks(result: CheckResult, gaps: GapMap, task_id: str, departments: list[str]) -> RowMarks:
    graph = result.graph
    pointed: dict[tuple[str, Letter], set[str]] = {}
    should: dict[str, tuple[str, set[str]]] = {}
    flag = gaps.tasks.get(task_id)
    if flag is not None and "RACI002" in flag.codes:
        # Nobody is Responsible: the Accountable is who should do it or name who does.
        for dept_id in graph.holders(task_id, Letter.ACCOUNTABLE)[:1]:
            should[dept_id] = ("R", {"RACI002"})
    if flag is not None:
        for code in flag.codes:
            for letter in POINTS_AT.get(code, ()):
                holders = graph.holders(task_id, letter)
                if code != "RACI001" or len(holders) > 1:
                    for dept_id in holders:
                        pointed.setdefault((dept_id, letter), set()).add(code)
    for owner in gaps.missing_owners.values():
        if owner.task != task_id:
            continue
        first = next((d for d in departments if graph.function_of(d) is owner.function), None)
        if first is not None:
            letters = owner.letters.replace(" or ", "/").replace(", ", "/")
            should[first] = (letters, set(owner.flag.codes))
        if owner.function is not Function.MARKETING and "SOC104" in owner.flag.codes:
            for dept_id, held in graph.assignments(task_id).items():
                if graph.function_of(dept_id) is Function.MARKETING:
                    for letter in held & {Letter.RESPONSIBLE, Letter.ACCOUNTABLE}:
                        pointed.setdefault((dept_id, letter), set()).add("SOC104")
    return RowMarks(pointed, should)
