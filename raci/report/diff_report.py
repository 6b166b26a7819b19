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
from raci.i18n import N_, gettext, ngettext
from raci.model.severity import Severity
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
#: Words for the kinds of change and of finding, and for a principle's status (the codes stay
#: English in JSON).
_WORDS = {
    "added": N_("added"),
    "removed": N_("removed"),
    "changed": N_("changed"),
    "resolved": N_("resolved"),
    "introduced": N_("introduced"),
    "task": N_("task"),
    "department": N_("department"),
    "pass": N_("pass"),
    "fail": N_("fail"),
    "not checked": N_("not checked"),
    "not applicable": N_("not applicable"),
}
_TOTALS = {
    Severity.ERROR: N_("errors %(before)d -> %(after)d"),
    Severity.WARNING: N_("warnings %(before)d -> %(after)d"),
    Severity.INFO: N_("infos %(before)d -> %(after)d"),
}
_ENTITY_COUNTS = {
    "tasks": N_("Tasks: %(added)d added, %(removed)d removed, %(changed)d changed"),
    "departments": N_("Departments: %(added)d added, %(removed)d removed, %(changed)d changed"),
}
_NO_TASK_LOSES = N_("No task loses its Responsible or Accountable.")


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


def word(key: str) -> str:
    """A change kind, finding kind or principle status in the current language."""
    return gettext(_WORDS[key]) if key in _WORDS else key


def _diff_text(diff: OrgDiff, title: str | None = None) -> list[str]:
    old, new = diff.old, diff.new
    lines = [
        title or f"{escape(new.org.organization)}: {escape(old.source)} -> {escape(new.source)}",
        "",
    ]
    lines += _assignment_text(diff.assignments)
    lines += _entity_text("tasks", diff.tasks)
    lines += _entity_text("departments", diff.departments)
    lines.append("")
    counts = {"resolved": len(diff.resolved), "introduced": len(diff.introduced)}
    counts["unchanged"] = len(diff.unchanged)
    found = gettext("Findings: %(resolved)d resolved, %(introduced)d introduced, %(unchanged)d unchanged")
    lines.append(found % counts)
    kind_width = max(len(word("resolved")), len(word("introduced")))
    lines += [_finding_text(word("resolved"), f, kind_width) for f in diff.resolved]
    lines += [_finding_text(word("introduced"), f, kind_width) for f in diff.introduced]
    lines.append("")
    if old.scorecard.applicable or new.scorecard.applicable:
        honoured = gettext("Principles honoured: %(old)d of %(old_total)d -> %(new)d of %(new_total)d")
        lines.append(
            honoured
            % {
                "old": old.scorecard.passed,
                "old_total": len(old.scorecard.principles),
                "new": new.scorecard.passed,
                "new_total": len(new.scorecard.principles),
            }
        )
    else:
        lines.append(gettext("Principles: not applicable (no social media task)"))
    lines += [
        gettext('  %(number)d. Not "%(misconception)s": %(old)s -> %(new)s')
        % {"number": p.number, "misconception": p.misconception, "old": word(p.old), "new": word(p.new)}
        for p in diff.principles
        if p.changed
    ]
    lines.append(_totals(diff))
    return lines


def _assignment_text(changes: Sequence[AssignmentChange]) -> list[str]:
    if not changes:
        return [gettext("Assignments: no change")]
    counts = {kind: sum(1 for c in changes if c.change == kind) for kind in ("changed", "added", "removed")}
    lines = [gettext("Assignments: %(changed)d changed, %(added)d added, %(removed)d removed") % counts]
    task_width = min(32, max(len(escape(c.task)) for c in changes))
    dept_width = min(28, max(len(escape(c.department_label)) for c in changes))
    for change in changes:
        letters = {
            "added": change.new_letters,
            "removed": gettext("%(letters)s (removed)") % {"letters": change.old_letters},
            "changed": f"{change.old_letters} -> {change.new_letters}",
        }[change.change]
        lines.append(
            f"  {_MARK[change.change]} {escape(change.task):<{task_width}}  "
            f"{escape(change.department_label):<{dept_width}}  {letters}"
        )
    return lines


def _entity_text(section: str, changes: Sequence[EntityChange]) -> list[str]:
    if not changes:
        return []
    counts = {kind: sum(1 for c in changes if c.change == kind) for kind in _MARK}
    lines = [gettext(_ENTITY_COUNTS[section]) % counts]
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
        return gettext("(none)")
    if isinstance(value, list):
        return escape(", ".join(str(v) for v in value))
    return escape(str(value))


def _where(finding: Finding) -> str:
    where = escape(finding.file)
    return where if finding.line is None else f"{where}:{finding.line}:{finding.column}"


def _finding_text(kind: str, finding: Finding, kind_width: int = 10) -> str:
    severity_width = max(len(level.label) for level in Severity)
    return (
        f"  {kind:<{kind_width}}  {finding.severity.label:<{severity_width}}  {finding.code:<7}  "
        f"{_where(finding)}: {escape(finding.message)}"
    )


def _totals(diff: OrgDiff) -> str:
    return gettext("Findings by severity: %(totals)s") % {"totals": totals(diff.old, diff.new)}


def totals(old: CheckResult, new: CheckResult) -> str:
    """``errors 3 -> 0, warnings 5 -> 2, infos 0 -> 0``."""
    before, after = old.counts(), new.counts()
    return ", ".join(
        gettext(_TOTALS[severity]) % {"before": before[severity], "after": after[severity]}
        for severity in before
    )


def _whatif_text(whatif: WhatIf) -> list[str]:
    diff = whatif.diff
    heading = gettext("What if, for %(organization)s (%(source)s):")
    lines = [heading % {"organization": escape(diff.old.org.organization), "source": escape(diff.old.source)}]
    lines += [f"  - {escape(text)}" for text in whatif.descriptions]
    lines.append("")
    if whatif.lost:
        lines.append(gettext("Tasks that lose their owner:"))
        for lost in whatif.lost:
            held = ", ".join(diff.old.org.department_label(d) for d in lost.holders)
            loses = gettext("  %(task)s loses its %(letter)s (held by %(holders)s)")
            words = {"task": escape(lost.task), "letter": lost.letter.value, "holders": escape(held)}
            lines.append(loses % words)
    else:
        lines.append(gettext(_NO_TASK_LOSES))
    failing = [p for p in diff.principles if p.number in whatif.failing_principles]
    if failing:
        lines.append(gettext("Principles that would fail:"))
        fails = gettext('  %(number)d. Not "%(misconception)s"')
        lines += [fails % {"number": p.number, "misconception": p.misconception} for p in failing]
    else:
        lines.append(gettext("No principle that holds now would fail."))
    lines.append("")
    return lines + _diff_text(diff, title=gettext("Compared with today:"))[2:]


# --- markdown ----------------------------------------------------------------------------


def _diff_markdown(diff: OrgDiff, heading: str) -> list[str]:
    old, new = diff.old, diff.new
    mark = "🔴" if diff.introduced and any(f.severity.value == "error" for f in diff.introduced) else "✅"
    resolved = len(diff.resolved)
    title = ngettext(
        "%(heading)s: %(resolved)d finding resolved, %(introduced)d introduced",
        "%(heading)s: %(resolved)d findings resolved, %(introduced)d introduced",
        resolved,
    ) % {"heading": heading, "resolved": resolved, "introduced": len(diff.introduced)}
    files = gettext(
        "%(old)s → %(new)s (%(organization)s); principles honoured %(before)d → %(after)d of %(total)d"
    )
    lines = [
        f"### {mark} {title}",
        "",
        files
        % {
            "old": f"**{escape_markdown(old.source)}**",
            "new": f"**{escape_markdown(new.source)}**",
            "organization": escape_markdown(new.org.organization),
            "before": old.scorecard.passed,
            "after": new.scorecard.passed,
            "total": len(new.scorecard.principles),
        },
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
    names = (gettext("Task"), gettext("Department"), gettext("Before"), gettext("After"))
    return [
        f"| | {' | '.join(names)} |",
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
    names = (gettext("Kind"), gettext("Id"), gettext("Change"))
    lines = [f"| | {' | '.join(names)} |", "| --- | --- | --- | --- |"]
    for kind, entity in entities:
        detail = "; ".join(f"{f.field}: {_value(f.old)} → {_value(f.new)}" for f in entity.fields)
        lines.append(
            f"| {_MARK[entity.change]} | {word(kind)} | {escape_markdown(entity.id)} | "
            f"{escape_markdown(detail or word(entity.change))} |"
        )
    return lines


def _finding_rows(diff: OrgDiff) -> list[str]:
    if not (diff.resolved or diff.introduced):
        return []
    names = (gettext("Finding"), gettext("Severity"), gettext("Code"), gettext("Message"))
    lines = [f"| {' | '.join(names)} |", "| --- | --- | --- | --- |"]
    for kind, findings in (("resolved", diff.resolved), ("introduced", diff.introduced)):
        for f in findings:
            lines.append(f"| {word(kind)} | {f.severity.label} | {f.code} | {escape_markdown(f.message)} |")
    return lines


def _principle_rows(diff: OrgDiff) -> list[str]:
    return [
        gettext("- Principle %(number)d (*%(misconception)s*): %(old)s → %(new)s")
        % {
            "number": p.number,
            "misconception": escape_markdown(p.misconception),
            "old": word(p.old),
            "new": word(p.new),
        }
        for p in diff.principles
        if p.changed
    ]


def _whatif_markdown(whatif: WhatIf) -> list[str]:
    diff = whatif.diff
    descriptions = escape_markdown("; ".join(whatif.descriptions))
    lines = [gettext("## What if: %(descriptions)s") % {"descriptions": descriptions}, ""]
    if whatif.lost:
        names = (gettext("Task"), gettext("Loses"), gettext("Held by"))
        lines += [f"| {' | '.join(names)} |", "| --- | --- | --- |"]
        for lost in whatif.lost:
            held = ", ".join(diff.old.org.department_label(d) for d in lost.holders)
            lines.append(f"| {escape_markdown(lost.task)} | {lost.letter.value} | {escape_markdown(held)} |")
        lines.append("")
    else:
        lines += [gettext(_NO_TASK_LOSES), ""]
    failing = [p for p in diff.principles if p.number in whatif.failing_principles]
    for p in failing:
        fails = gettext("- ❌ principle %(number)d would fail: *%(misconception)s*")
        lines.append(fails % {"number": p.number, "misconception": escape_markdown(p.misconception)})
    if failing:
        lines.append("")
    return lines + _diff_markdown(diff, gettext("compared with today"))
