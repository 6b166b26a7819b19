"""`raci diff` and `raci whatif` reports: text for people, JSON for tools, Markdown for PRs.

Each function takes the library's result (:class:`raci.workshop.diff.OrgDiff` or
:class:`raci.workshop.whatif.WhatIf`) and returns the whole report as a string. User text is escaped
for the target: control characters for the terminal, Markdown syntax for Markdown.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from raci import __version__
from raci.model.text_safety import escape
from raci.report.markdown import escape_markdown

if TYPE_CHECKING:
    from raci.checking.checker import CheckResult
    from raci.model.findings import Finding
    from raci.workshop.diff import AssignmentChange, EntityChange, OrgDiff
    from raci.workshop.whatif import WhatIf

FORMAT_VERSION = 1
DIFF_FORMATS = ("text", "json", "markdown")
_MARK = {"added": "+", "removed": "-", "changed": "~"}


def render_diff(diff: OrgDiff, output_format: str) -> str:
    if output_format == "json":
        return _json({"tool": _tool(), "format_version": FORMAT_VERSION, **diff.to_dict()})
    if output_format == "markdown":
        return "\n".join(_diff_markdown(diff, "raci diff")) + "\n"
    if output_format == "text":
        return "\n".join(_diff_text(diff)) + "\n"
    raise ValueError(f"unknown format {output_format!r}; choose from {', '.join(DIFF_FORMATS)}")


def render_whatif(whatif: WhatIf, output_format: str) -> str:
    if output_format == "json":
        return _json({"tool": _tool(), "format_version": FORMAT_VERSION, **whatif.to_dict()})
    if output_format == "markdown":
        return "\n".join(_whatif_markdown(whatif)) + "\n"
    if output_format == "text":
        return "\n".join(_whatif_text(whatif)) + "\n"
    raise ValueError(f"unknown format {output_format!r}; choose from {', '.join(DIFF_FORMATS)}")


def _tool() -> dict[str, str]:
    return {"name": "raci", "version": __version__}


def _json(data: dict[str, Any]) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


# --- text --------------------------------------------------------------------------------


def _diff_text(diff: OrgDiff, title: str | None = None) -> list[str]:
    old, new = diff.old, diff.new
    lines = [
        title or f"{escape(new.org.organization)}: {escape(old.source)} -> {escape(new.source)}",
        "",
    ]
    lines += _assignment_text(diff.assignments)
    lines += _entity_text("Tasks", diff.tasks)
    lines += _entity_text("Departments", diff.departments)
    lines.append("")
    lines.append(
        f"Findings: {len(diff.resolved)} resolved, {len(diff.introduced)} introduced, "
        f"{len(diff.unchanged)} unchanged"
    )
    lines += [_finding_text("resolved", f) for f in diff.resolved]
    lines += [_finding_text("introduced", f) for f in diff.introduced]
    lines.append("")
    if old.scorecard.applicable or new.scorecard.applicable:
        lines.append(
            f"Principles honoured: {old.scorecard.passed} of {len(old.scorecard.principles)} -> "
            f"{new.scorecard.passed} of {len(new.scorecard.principles)}"
        )
    else:
        lines.append("Principles: not applicable (no social media task)")
    lines += [
        f'  {p.number}. Not "{p.misconception}": {p.old} -> {p.new}' for p in diff.principles if p.changed
    ]
    lines.append(_totals(diff))
    return lines


def _assignment_text(changes: Sequence[AssignmentChange]) -> list[str]:
    if not changes:
        return ["Assignments: no change"]
    counts = {kind: sum(1 for c in changes if c.change == kind) for kind in ("changed", "added", "removed")}
    lines = [
        f"Assignments: {counts['changed']} changed, {counts['added']} added, {counts['removed']} removed"
    ]
    task_width = min(32, max(len(escape(c.task)) for c in changes))
    dept_width = min(28, max(len(escape(c.department_label)) for c in changes))
    for change in changes:
        letters = {
            "added": change.new_letters,
            "removed": f"{change.old_letters} (removed)",
            "changed": f"{change.old_letters} -> {change.new_letters}",
        }[change.change]
        lines.append(
            f"  {_MARK[change.change]} {escape(change.task):<{task_width}}  "
            f"{escape(change.department_label):<{dept_width}}  {letters}"
        )
    return lines


def _entity_text(title: str, changes: Sequence[EntityChange]) -> list[str]:
    if not changes:
        return []
    lines = [f"{title}: " + ", ".join(f"{sum(1 for c in changes if c.change == k)} {k}" for k in _MARK)]
    for change in changes:
        detail = ""
        if change.fields:
            detail = ": " + "; ".join(f"{f.field} {_value(f.old)} -> {_value(f.new)}" for f in change.fields)
        elif change.label != change.id:
            detail = f" ({escape(change.label)})"
        lines.append(f"  {_MARK[change.change]} {escape(change.id)}{detail}")
    return lines


def _value(value: Any) -> str:
    if value is None or value == []:
        return "(none)"
    if isinstance(value, list):
        return escape(", ".join(str(v) for v in value))
    return escape(str(value))


def _where(finding: Finding) -> str:
    where = escape(finding.file)
    return where if finding.line is None else f"{where}:{finding.line}:{finding.column}"


def _finding_text(kind: str, finding: Finding) -> str:
    return (
        f"  {kind:<10}  {finding.severity.value:<7}  {finding.code:<7}  {_where(finding)}: "
        f"{escape(finding.message)}"
    )


def _totals(diff: OrgDiff) -> str:
    return "Findings by severity: " + totals(diff.old, diff.new)


def totals(old: CheckResult, new: CheckResult) -> str:
    """``errors 3 -> 0, warnings 5 -> 2, infos 0 -> 0``."""
    before, after = old.counts(), new.counts()
    return ", ".join(f"{severity.value}s {before[severity]} -> {after[severity]}" for severity in before)


def _whatif_text(whatif: WhatIf) -> list[str]:
    diff = whatif.diff
    lines = [f"What if, for {escape(diff.old.org.organization)} ({escape(diff.old.source)}):"]
    lines += [f"  - {escape(text)}" for text in whatif.descriptions]
    lines.append("")
    if whatif.lost:
        lines.append("Tasks that lose their owner:")
        for lost in whatif.lost:
            held = ", ".join(diff.old.org.department_label(d) for d in lost.holders)
            lines.append(f"  {escape(lost.task)} loses its {lost.letter.value} (held by {escape(held)})")
    else:
        lines.append("No task loses its Responsible or Accountable.")
    failing = [p for p in diff.principles if p.number in whatif.failing_principles]
    if failing:
        lines.append("Principles that would fail:")
        lines += [f'  {p.number}. Not "{p.misconception}"' for p in failing]
    else:
        lines.append("No principle that holds now would fail.")
    lines.append("")
    return lines + _diff_text(diff, title="Compared with today:")[2:]


# --- markdown ----------------------------------------------------------------------------


def _diff_markdown(diff: OrgDiff, heading: str) -> list[str]:
    old, new = diff.old, diff.new
    mark = "🔴" if diff.introduced and any(f.severity.value == "error" for f in diff.introduced) else "✅"
    lines = [
        f"### {mark} {heading}: {len(diff.resolved)} findings resolved, {len(diff.introduced)} introduced",
        "",
        f"**{escape_markdown(old.source)}** → **{escape_markdown(new.source)}** "
        f"({escape_markdown(new.org.organization)}); principles honoured "
        f"{old.scorecard.passed} → {new.scorecard.passed} of {len(new.scorecard.principles)}",
        "",
    ]
    for section in (_assignment_rows, _entity_rows, _finding_rows, _principle_rows):
        rows = section(diff)
        if rows:
            lines += [*rows, ""]
    return lines


def _assignment_rows(diff: OrgDiff) -> list[str]:
    if not diff.assignments:
        return []
    return [
        "| | Task | Department | Before | After |",
        "| --- | --- | --- | --- | --- |",
        *(
            f"| {_MARK[change.change]} | {escape_markdown(change.task)} | "
            f"{escape_markdown(change.department_label)} | {change.old_letters or '·'} | "
            f"{change.new_letters or '·'} |"
            for change in diff.assignments
        ),
    ]


def _entity_rows(diff: OrgDiff) -> list[str]:
    entities = [("task", c) for c in diff.tasks] + [("department", c) for c in diff.departments]
    if not entities:
        return []
    lines = ["| | Kind | Id | Change |", "| --- | --- | --- | --- |"]
    for kind, entity in entities:
        detail = "; ".join(f"{f.field}: {_value(f.old)} → {_value(f.new)}" for f in entity.fields)
        lines.append(
            f"| {_MARK[entity.change]} | {kind} | {escape_markdown(entity.id)} | "
            f"{escape_markdown(detail or entity.change)} |"
        )
    return lines


def _finding_rows(diff: OrgDiff) -> list[str]:
    if not (diff.resolved or diff.introduced):
        return []
    lines = ["| Finding | Severity | Code | Message |", "| --- | --- | --- | --- |"]
    for kind, findings in (("resolved", diff.resolved), ("introduced", diff.introduced)):
        for f in findings:
            lines.append(f"| {kind} | {f.severity.value} | {f.code} | {escape_markdown(f.message)} |")
    return lines


def _principle_rows(diff: OrgDiff) -> list[str]:
    return [
        f"- Principle {p.number} (*{escape_markdown(p.misconception)}*): {p.old} → {p.new}"
        for p in diff.principles
        if p.changed
    ]


def _whatif_markdown(whatif: WhatIf) -> list[str]:
    diff = whatif.diff
    lines = [f"## What if: {escape_markdown('; '.join(whatif.descriptions))}", ""]
    if whatif.lost:
        lines += ["| Task | Loses | Held by |", "| --- | --- | --- |"]
        for lost in whatif.lost:
            held = ", ".join(diff.old.org.department_label(d) for d in lost.holders)
            lines.append(f"| {escape_markdown(lost.task)} | {lost.letter.value} | {escape_markdown(held)} |")
        lines.append("")
    else:
        lines += ["No task loses its Responsible or Accountable.", ""]
    failing = [p for p in diff.principles if p.number in whatif.failing_principles]
    for p in failing:
        lines.append(f"- ❌ principle {p.number} would fail: *{escape_markdown(p.misconception)}*")
    if failing:
        lines.append("")
    return lines + _diff_markdown(diff, "compared with today")
