"""`raci suggest` reports: the numbered list of changes, what is left and why."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from raci import __version__
from raci.i18n import N_, gettext, ngettext
from raci.model.text_safety import escape
from raci.report.diff_report import totals
from raci.report.markdown import escape_markdown

if TYPE_CHECKING:
    from raci.workshop.suggest import Suggestion, SuggestResult

FORMAT_VERSION = 1
SUGGEST_FORMATS = ("text", "json", "markdown")
#: What a change does to the findings, each part read through ``gettext``.
_EFFECTS = (N_("clears %(codes)s"), N_("narrows %(codes)s"), N_("adds %(codes)s"), N_("eases %(codes)s"))
_STOPPED = N_("Stopped early on this large organisation: run suggest again on the result for more.")


def render_suggestions(result: SuggestResult, output_format: str) -> str:
    if output_format == "json":
        data = {"tool": {"name": "raci", "version": __version__}, "format_version": FORMAT_VERSION}
        return json.dumps({**data, **result.to_dict()}, indent=2, ensure_ascii=False) + "\n"
    if output_format == "markdown":
        return _markdown(result)
    if output_format == "text":
        return _text(result)
    raise ValueError(f"unknown format {output_format!r}; choose from {', '.join(SUGGEST_FORMATS)}")


def effect(suggestion: Suggestion) -> str:
    """``clears SOC102, SOC104; adds SOC401`` (a code on both sides was narrowed, not cleared)."""
    cleared = list(dict.fromkeys(f.code for f in suggestion.resolved))
    added = list(dict.fromkeys(f.code for f in suggestion.introduced))
    narrowed = [code for code in cleared if code in added]
    parts = (
        [code for code in cleared if code not in narrowed],
        narrowed,
        [code for code in added if code not in narrowed],
        list(suggestion.eased),
    )
    labelled = zip(_EFFECTS, parts, strict=True)
    return "; ".join(gettext(label) % {"codes": ", ".join(codes)} for label, codes in labelled if codes)


def _totals(result: SuggestResult) -> str:
    return totals(result.before, result.after)


def _text(result: SuggestResult) -> str:
    before = result.before
    heading = gettext("Suggestions for %(organization)s (%(source)s):")
    lines = [heading % {"organization": escape(before.org.organization), "source": escape(before.source)}]
    if not result.suggestions:
        lines.append(gettext("  none: no single assignment change makes the organisation check cleaner"))
    for number, suggestion in enumerate(result.suggestions, start=1):
        what = effect(suggestion)
        lines.append(f"  {number}. {escape(suggestion.summary)}" + (f"  [{escape(what)}]" if what else ""))
        if suggestion.note:
            lines.append("     " + gettext("note: %(note)s") % {"note": escape(suggestion.note)})
    if result.unresolved:
        lines.append("")
        lines.append(gettext("Left as they are:"))
        for item in result.unresolved:
            finding = item.finding
            lines.append(f"  {finding.severity.label} {finding.code} {escape(finding.message)}")
            lines.append("     " + gettext("why: %(reason)s") % {"reason": escape(item.reason)})
    lines.append("")
    if not result.complete:
        lines.append(gettext(_STOPPED))
    lines.append(_with_all_applied(result))
    return "\n".join(lines) + "\n"


def _markdown(result: SuggestResult) -> str:
    count = len(result.suggestions)
    heading = ngettext(
        "### raci suggest: %(count)d change for %(organization)s",
        "### raci suggest: %(count)d changes for %(organization)s",
        count,
    )
    lines = [heading % {"count": count, "organization": escape_markdown(result.before.org.organization)}, ""]
    if result.suggestions:
        names = (gettext("Change"), gettext("Effect"), gettext("Note"))
        lines += [f"| # | {' | '.join(names)} |", "| ---: | --- | --- | --- |"]
        for number, s in enumerate(result.suggestions, start=1):
            cells = (escape_markdown(s.summary), escape_markdown(effect(s)), escape_markdown(s.note or ""))
            lines.append(f"| {number} | {cells[0]} | {cells[1]} | {cells[2]} |")
        lines.append("")
    if result.unresolved:
        names = (gettext("Left"), gettext("Message"), gettext("Why"))
        lines += [f"| {' | '.join(names)} |", "| --- | --- | --- |"]
        for item in result.unresolved:
            lines.append(
                f"| {item.finding.code} | {escape_markdown(item.finding.message)} | "
                f"{escape_markdown(item.reason)} |"
            )
        lines.append("")
    if not result.complete:
        lines.append(gettext(_STOPPED))
    lines.append(_with_all_applied(result))
    return "\n".join(lines) + "\n"


def _with_all_applied(result: SuggestResult) -> str:
    return gettext("With all applied: %(totals)s") % {"totals": _totals(result)}
