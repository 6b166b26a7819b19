"""Before and after: what changed between two organisations, and what that did to the findings.

:func:`diff` compares two check results: departments and tasks added, removed or changed;
assignments (task x department letters) added, removed and changed; findings resolved and
introduced; principles that changed status. Findings are matched by what they are about
(rule, task, department, activity, function), not by message or line, so moving a task in
the file or a count in a message changing does not make a finding "new".
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from raci.model.severity import Severity
from raci.model.vocabulary import Letter, format_letters

if TYPE_CHECKING:
    from raci.checking.checker import CheckResult
    from raci.model.findings import Finding
    from raci.model.organization import Organization

ADDED, REMOVED, CHANGED = "added", "removed", "changed"


@dataclass(frozen=True)
class FieldChange:
    field: str
    old: Any
    new: Any


@dataclass(frozen=True)
class EntityChange:
    """A department or task added, removed, or with changed fields (letters aside)."""

    id: str
    label: str
    change: str
    fields: tuple[FieldChange, ...] = ()


@dataclass(frozen=True)
class AssignmentChange:
    task: str
    department: str
    task_label: str
    department_label: str
    old: frozenset[Letter] | None
    new: frozenset[Letter] | None

    @property
    def change(self) -> str:
        if self.old is None:
            return ADDED
        return REMOVED if self.new is None else CHANGED

    @property
    def old_letters(self) -> str:
        return format_letters(self.old) if self.old is not None else ""

    @property
    def new_letters(self) -> str:
        return format_letters(self.new) if self.new is not None else ""


@dataclass(frozen=True)
class PrincipleChange:
    number: int
    misconception: str
    old: str
    new: str

    @property
    def changed(self) -> bool:
        return self.old != self.new


@dataclass(frozen=True)
class OrgDiff:
    old: CheckResult
    new: CheckResult
    departments: tuple[EntityChange, ...]
    tasks: tuple[EntityChange, ...]
    assignments: tuple[AssignmentChange, ...]
    resolved: tuple[Finding, ...]
    introduced: tuple[Finding, ...]
    unchanged: tuple[Finding, ...]
    principles: tuple[PrincipleChange, ...]

    @property
    def changed(self) -> bool:
        return bool(self.departments or self.tasks or self.assignments)

    def introduces(self, level: Severity) -> bool:
        """True when NEW brings a finding at or above ``level`` that OLD did not have."""
        return any(finding.severity >= level for finding in self.introduced)

    def to_dict(self) -> dict[str, Any]:
        return {
            "old": {"file": self.old.source, "organization": self.old.org.organization},
            "new": {"file": self.new.source, "organization": self.new.org.organization},
            "departments": [_entity_dict(change) for change in self.departments],
            "tasks": [_entity_dict(change) for change in self.tasks],
            "assignments": [
                {
                    "task": change.task,
                    "department": change.department,
                    "change": change.change,
                    "old": change.old_letters or None,
                    "new": change.new_letters or None,
                }
                for change in self.assignments
            ],
            "findings": {
                "resolved": [finding.to_dict() for finding in self.resolved],
                "introduced": [finding.to_dict() for finding in self.introduced],
                "unchanged": len(self.unchanged),
            },
            "principles": [
                {"number": p.number, "misconception": p.misconception, "old": p.old, "new": p.new}
                for p in self.principles
            ],
            "summary": {
                "old": _counts(self.old),
                "new": _counts(self.new),
                "principles_honoured": {
                    "old": self.old.scorecard.passed,
                    "new": self.new.scorecard.passed,
                },
            },
        }


def diff(old: CheckResult, new: CheckResult) -> OrgDiff:
    """Compare two checked organisations (OLD first)."""
    resolved, introduced, unchanged = match_findings(old.findings, new.findings)
    return OrgDiff(
        old=old,
        new=new,
        departments=tuple(_entities(old.org, new.org, "departments")),
        tasks=tuple(_entities(old.org, new.org, "tasks")),
        assignments=tuple(assignment_changes(old.org, new.org)),
        resolved=resolved,
        introduced=introduced,
        unchanged=unchanged,
        principles=tuple(
            PrincipleChange(a.principle.number, a.principle.misconception, a.status, b.status)
            for a, b in zip(old.scorecard.principles, new.scorecard.principles, strict=True)
        ),
    )


def finding_key(finding: Finding) -> tuple[str, str | None, str | None, str | None, str | None]:
    return (finding.code, finding.task, finding.department, finding.activity, finding.function)


def match_findings(
    old: tuple[Finding, ...], new: tuple[Finding, ...]
) -> tuple[tuple[Finding, ...], tuple[Finding, ...], tuple[Finding, ...]]:
    """(resolved, introduced, unchanged): OLD's findings NEW lacks, NEW's that OLD lacked, and
    NEW's that OLD had too. Same-key findings pair by message first, then in order."""
    waiting: dict[tuple[Any, ...], list[Finding]] = defaultdict(list)
    for finding in old:
        waiting[finding_key(finding)].append(finding)
    introduced: list[Finding] = []
    unchanged: list[Finding] = []
    unmatched: list[Finding] = []
    for finding in new:
        candidates = waiting.get(finding_key(finding))
        same = next((f for f in candidates or [] if f.message == finding.message), None)
        if same is not None and candidates is not None:
            candidates.remove(same)
            unchanged.append(finding)
        else:
            unmatched.append(finding)
    for finding in unmatched:
        candidates = waiting.get(finding_key(finding))
        if candidates:
            candidates.pop(0)
            unchanged.append(finding)
        else:
            introduced.append(finding)
    remaining = {id(f) for group in waiting.values() for f in group}
    resolved = tuple(f for f in old if id(f) in remaining)
    return resolved, tuple(sorted(introduced, key=_order)), tuple(sorted(unchanged, key=_order))


def _order(finding: Finding) -> tuple[Any, ...]:
    return finding.sort_key


def assignment_changes(old: Organization, new: Organization) -> list[AssignmentChange]:
    """Letters that differ, task by task (NEW's task order, then tasks only OLD has)."""
    changes = []
    task_ids = [*new.tasks, *(t for t in old.tasks if t not in new.tasks)]
    dept_order = {
        d: i
        for i, d in enumerate([*new.departments, *(d for d in old.departments if d not in new.departments)])
    }
    for task_id in task_ids:
        before = old.tasks[task_id].raci if task_id in old.tasks else {}
        after = new.tasks[task_id].raci if task_id in new.tasks else {}
        for dept_id in sorted(
            set(before) | set(after), key=lambda d: (dept_order.get(d, len(dept_order)), d)
        ):
            a, b = before.get(dept_id), after.get(dept_id)
            if a != b:
                source = new if task_id in new.tasks else old
                holder = new if dept_id in new.departments else old
                changes.append(
                    AssignmentChange(
                        task_id, dept_id, source.task_label(task_id), holder.department_label(dept_id), a, b
                    )
                )
    return changes


def _entities(old: Organization, new: Organization, section: str) -> list[EntityChange]:
    before: dict[str, Any] = getattr(old, section)
    after: dict[str, Any] = getattr(new, section)

    def label(org: Organization, item_id: str) -> str:
        return org.task_label(item_id) if section == "tasks" else org.department_label(item_id)

    changes = []
    for item_id in [*after, *(i for i in before if i not in after)]:
        if item_id not in before:
            changes.append(EntityChange(item_id, label(new, item_id), ADDED))
        elif item_id not in after:
            changes.append(EntityChange(item_id, label(old, item_id), REMOVED))
        else:
            a = before[item_id].model_dump(mode="json", exclude={"raci"})
            b = after[item_id].model_dump(mode="json", exclude={"raci"})
            fields = tuple(FieldChange(k, a.get(k), b.get(k)) for k in b if a.get(k) != b.get(k))
            if fields:
                changes.append(EntityChange(item_id, label(new, item_id), CHANGED, fields))
    return changes


def _entity_dict(change: EntityChange) -> dict[str, Any]:
    data: dict[str, Any] = {"id": change.id, "label": change.label, "change": change.change}
    if change.fields:
        data["fields"] = [{"field": f.field, "old": f.old, "new": f.new} for f in change.fields]
    return data


def _counts(result: CheckResult) -> dict[str, int]:
    return {severity.value: count for severity, count in result.counts().items()}
