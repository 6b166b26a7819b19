"""The workload view: per department, its share of the tasks' hours against its capacity.

One row per department (grouped by function): a bar of the weekly hours of work it does
(each task's effort shared among its Responsible departments, see
:mod:`raci.model.effort`), blue up to its capacity, grey for capacity left, red past it;
then the hours and the number of tasks it is Accountable for. An overloaded or idle
department's row is an SVG element of class ``gap`` with its rule codes. The hours of
tasks nobody is Responsible for get a row of their own, so the rows add up to the tasks.
"""

from __future__ import annotations

from itertools import pairwise

import graphviz

from raci.checking.checker import CheckResult
from raci.diagrams import style
from raci.diagrams.escape import NodeIds, dot_string, html_lines, html_text, wrap
from raci.diagrams.gapmap import Flag, GapMap, build_gap_map, responsible_effort
from raci.diagrams.gaps_view import functions_in_order, subtitle
from raci.diagrams.options import ViewOptions
from raci.diagrams.words import accountable_on
from raci.graph import OrgGraph
from raci.i18n import gettext, number
from raci.model.organization import Organization
from raci.model.vocabulary import Letter
from raci.rules.raci006_overloaded_department import OverloadedDepartment, accountable_note

_NAME_WIDTH = 210
_BAR_WIDTH = 340
_HOURS_WIDTH = 150
_A_WIDTH = 110
_ROW_HEIGHT = 30
_USED = "#4a90d9"
_SPARE = "#e4e9ef"
_UNKNOWN = "#9aa5b1"
#: Hours past capacity the team has waived: not a gap, so not red.
_WAIVED = "#7b8794"


def build(org: Organization, result: CheckResult, options: ViewOptions) -> graphviz.Digraph:
    graph = result.graph
    gaps = build_gap_map(result)
    ids = NodeIds()
    functions = functions_in_order(graph.departments_by_function)
    departments = [d for f in functions for d in graph.departments_by_function[f]]
    work = result.workload
    loads = {d: responsible_effort(org, result, d) for d in departments}
    capacities = {d: org.departments[d].capacity_hours for d in departments}
    biggest = max([1.0, work.unassigned, *loads.values(), *(c for c in capacities.values() if c is not None)])
    scale = _BAR_WIDTH / biggest
    doers, used = _doer_words(graph)
    what = _what(result, doers, capacities)
    marked = any(d in gaps.departments for d in departments)
    dot = style.new_digraph(
        "workload",
        rankdir="TB",
        ranksep="0.02",
        nodesep="0.1",
        label=style.header(
            org.organization,
            subtitle(result, what, marked),
            None,
            style.legend(_legend(gaps, used, loads, capacities), per_row=4),
        ),
    )
    rows = [(ids("header"), _header(biggest))]
    current = None
    for dept_id in departments:
        function = graph.function_of(dept_id)
        if function is not current:
            current = function
            rows.append((ids(("function", function)), _band(function.label, style.function_fill(function))))
        row = _department_row(org, result, gaps, dept_id, loads[dept_id], scale)
        rows.append((ids(("department", dept_id)), row))
    if work.unassigned:
        rows.append((ids("unassigned"), _unassigned(org, work.unassigned, work.unassigned_tasks, scale)))
    if not departments:
        rows.append(
            (
                ids("empty"),
                {
                    "label": "<<I>" + html_text(gettext("no departments")) + "</I>>",
                    "shape": "plaintext",
                    "class": "empty",
                },
            )
        )
    for node, attrs in rows:
        dot.node(node, **attrs)
    for (upper, _), (lower, _) in pairwise(rows):
        dot.edge(upper, lower, style="invis")
    return dot


def _what(result: CheckResult, doers: str, capacities: dict[str, float | None]) -> str:
    """The subtitle: how hours are shared, the total, the capacity when every department gives one."""
    work = result.workload
    known = [c for c in capacities.values() if c is not None]
    text = doers % {"hours": number(work.total)}
    if known and len(known) == len(capacities):
        text += gettext(", capacity %(capacity)s h") % {"capacity": number(sum(known))}
    if work.unassigned:
        text += gettext(" · %(hours)s h on tasks with no Responsible") % {"hours": number(work.unassigned)}
    return text


def _legend(
    gaps: GapMap, used: str, loads: dict[str, float], capacities: dict[str, float | None]
) -> list[tuple[str, str]]:
    """The bar colours, past-capacity and no-capacity ones only when some bar shows them."""
    entries = [
        (style.box_sample(_USED, _USED, 1), html_text(used)),
        (style.box_sample(_SPARE, _SPARE, 1), html_text(gettext("capacity left"))),
    ]
    waived_map = gaps.waived.departments if gaps.waived else {}
    waived_over = {d for d in capacities if d in waived_map and d not in gaps.departments}
    overloaded = [d for d, c in capacities.items() if c is not None and loads[d] > c]
    if any(d not in waived_over for d in overloaded):
        entries.append(
            (style.box_sample(style.GAP, style.GAP, 1), html_text(gettext("past capacity (a gap)")))
        )
    if any(d in waived_over for d in overloaded):
        entries.append((style.box_sample(_WAIVED, _WAIVED, 1), html_text(gettext("past capacity, waived"))))
    if any(c is None for c in capacities.values()):
        entries.append((style.box_sample(_UNKNOWN, _UNKNOWN, 1), html_text(gettext("no capacity given"))))
    return entries


def _department_row(
    org: Organization, result: CheckResult, gaps: GapMap, dept_id: str, load: float, scale: float
) -> dict[str, str]:
    """One department's row: name, bar, hours against capacity, Accountable count, findings."""
    flag = gaps.departments.get(dept_id)
    waived = gaps.waived.departments.get(dept_id) if gaps.waived and flag is None else None
    capacity = org.departments[dept_id].capacity_hours
    if capacity is not None:
        hours = gettext("%(hours)s h of %(capacity)s h") % {
            "hours": number(load),
            "capacity": number(capacity),
        }
    else:
        hours = f"{number(load)} h"
    label = _department_label(org, result, dept_id, flag, waived, (load, capacity, scale), hours)
    attrs = {"label": label, "shape": "plaintext", "margin": "0", "width": "0", "height": "0"}
    attrs.update(_row_marks(org, dept_id, flag, waived, hours))
    return attrs


def _department_label(
    org: Organization,
    result: CheckResult,
    dept_id: str,
    flag: Flag | None,
    waived: Flag | None,
    bar: tuple[float, float | None, float],
    hours: str,
) -> str:
    """The row's HTML table; ``bar`` is the load, the capacity and the points per hour."""
    load, capacity, scale = bar
    held = result.graph.tasks_of(dept_id)
    accountable = sum(1 for letters in held.values() if Letter.ACCOUNTABLE in letters)
    over = capacity is not None and load > capacity
    a_flagged = flag is not None and (OverloadedDepartment.code, accountable_note(accountable)) in flag.items
    color = style.GAP if over and waived is None else style.TEXT
    a_color = style.GAP if a_flagged else style.TEXT
    fill = f' BGCOLOR="{style.severity_fill(flag.severity)}"' if flag else ""
    name_lines = wrap(org.department_label(dept_id), 30, 2)
    name = '<BR ALIGN="LEFT"/>'.join(html_text(line) for line in name_lines)
    height = max(_ROW_HEIGHT, 16 * len(name_lines) + 6)
    excess = _WAIVED if waived is not None else style.GAP
    return (
        f'<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="3"{fill}>'
        f'<TR><TD WIDTH="{_NAME_WIDTH}" HEIGHT="{height}" FIXEDSIZE="TRUE" '
        'ALIGN="LEFT" BALIGN="LEFT">'
        f"{name}</TD>"
        f'<TD WIDTH="{_BAR_WIDTH + 8}" HEIGHT="{height}" FIXEDSIZE="TRUE" ALIGN="LEFT">'
        f"{_bar(load, capacity, scale, excess=excess)}</TD>"
        f'<TD WIDTH="{_HOURS_WIDTH}" HEIGHT="{height}" FIXEDSIZE="TRUE" ALIGN="RIGHT">'
        f'<FONT COLOR="{color}">{_bold(html_text(hours), over and waived is None)}</FONT></TD>'
        f'<TD WIDTH="{_A_WIDTH}" HEIGHT="{height}" FIXEDSIZE="TRUE" ALIGN="RIGHT">'
        f'<FONT COLOR="{a_color}">{html_text(accountable_on(accountable))}</FONT></TD>'
        f"</TR>{_notes(flag, waived)}</TABLE>>"
    )


def _row_marks(
    org: Organization, dept_id: str, flag: Flag | None, waived: Flag | None, hours: str
) -> dict[str, str]:
    """The row's SVG class and tooltip: its gaps, its waived findings, or just its hours."""
    if flag is not None:
        return {"class": style.gap_class(flag.codes), "tooltip": dot_string("\n".join(flag.messages))}
    if waived is not None:
        return {
            "class": "department waived " + " ".join(waived.codes),
            "tooltip": dot_string(
                "\n".join(gettext("waived: %(notes)s") % {"notes": m} for m in waived.messages)
            ),
        }
    return {
        "class": "department",
        "tooltip": dot_string(f"{org.department_label(dept_id)} ({dept_id}): {hours}"),
    }


def _notes(flag: Flag | None, waived: Flag | None) -> str:
    """The findings under a department's row, across the whole row so the bar covers none."""
    if flag is not None:
        color, text = style.severity_color(flag.severity), " · ".join(f"{c} {n}" for c, n in flag.items)
    elif waived is not None:
        notes = " · ".join(f"{c} {n}" for c, n in waived.items)
        color, text = style.MUTED, gettext("waived: %(notes)s") % {"notes": notes}
    else:
        return ""
    width = _NAME_WIDTH + _BAR_WIDTH + 8 + _HOURS_WIDTH + _A_WIDTH
    lines = '<BR ALIGN="LEFT"/>'.join(html_text(line) for line in wrap(text, 150, 3))
    return (
        f'<TR><TD COLSPAN="4" WIDTH="{width}" ALIGN="LEFT" BALIGN="LEFT">'
        f'<FONT POINT-SIZE="9" COLOR="{color}">{lines}</FONT></TD></TR>'
    )


def _bold(text: str, bold: bool) -> str:
    return f"<B>{text}</B>" if bold else text


def _bar(
    load: float, capacity: float | None, scale: float, unknown: str = _UNKNOWN, excess: str = style.GAP
) -> str:
    def cell(hours: float, color: str) -> str:
        width = round(hours * scale)
        if width < 1:
            return ""
        return f'<TD WIDTH="{width}" HEIGHT="16" FIXEDSIZE="TRUE" BGCOLOR="{color}"></TD>'

    if capacity is None:
        parts = [(load, unknown)]
    else:
        parts = [(min(load, capacity), _USED), (capacity - load, _SPARE), (load - capacity, excess)]
    cells = "".join(cell(hours, color) for hours, color in parts)
    used = sum(max(0, round(hours * scale)) for hours, _ in parts if round(hours * scale) >= 1)
    if not cells:
        cells, used = '<TD WIDTH="1" HEIGHT="16" FIXEDSIZE="TRUE" BGCOLOR="#cbd2d9"></TD>', 1
    # Pad to the full width: Graphviz spreads a narrower table's cells across its cell.
    if used < _BAR_WIDTH:
        cells += f'<TD WIDTH="{_BAR_WIDTH - used}" HEIGHT="16" FIXEDSIZE="TRUE"></TD>'
    return f'<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0"><TR>{cells}</TR></TABLE>'


def _unassigned(org: Organization, hours: float, tasks: tuple[str, ...], scale: float) -> dict[str, str]:
    nobody = html_text(gettext("nobody Responsible"))
    names = ", ".join(org.task_label(t) for t in tasks)
    label = (
        '<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="3">'
        f'<TR><TD WIDTH="{_NAME_WIDTH}" HEIGHT="{_ROW_HEIGHT + 12}" FIXEDSIZE="TRUE" '
        'ALIGN="LEFT" BALIGN="LEFT">'
        f'<FONT COLOR="{style.GAP}"><I>{nobody}</I></FONT>'
        '<BR ALIGN="LEFT"/>'
        f'<FONT POINT-SIZE="9" COLOR="{style.GAP}">{html_text(wrap(names, 40, 1)[0])}</FONT></TD>'
        f'<TD WIDTH="{_BAR_WIDTH + 8}" HEIGHT="{_ROW_HEIGHT + 12}" FIXEDSIZE="TRUE" ALIGN="LEFT">'
        f"{_bar(hours, None, scale, style.GAP)}</TD>"
        f'<TD WIDTH="{_HOURS_WIDTH}" HEIGHT="{_ROW_HEIGHT + 12}" FIXEDSIZE="TRUE" ALIGN="RIGHT">'
        f'<FONT COLOR="{style.GAP}"><B>{number(hours)} h</B></FONT></TD>'
        f'<TD WIDTH="{_A_WIDTH}" HEIGHT="{_ROW_HEIGHT + 12}" FIXEDSIZE="TRUE"></TD>'
        "</TR></TABLE>>"
    )
    return {
        "label": label,
        "shape": "plaintext",
        "margin": "0",
        "width": "0",
        "height": "0",
        "class": "gap unassigned",
        "tooltip": dot_string(
            gettext("%(hours)s h a week on tasks with no Responsible: %(tasks)s")
            % {"hours": number(hours), "tasks": names}
        ),
    }


def _header(biggest: float) -> dict[str, str]:
    heads = [
        html_text(gettext("Department")),
        html_text(gettext("Work a week")),
        html_text(gettext("(bar: 0 to %(hours)s h)") % {"hours": number(biggest)}),
        html_text(gettext("hours of capacity")),
        # A narrow column: a long translation takes two lines rather than pushing it wider.
        html_lines(gettext("Accountable"), 12, 2, "RIGHT"),
    ]
    label = (
        '<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="3">'
        f'<TR><TD WIDTH="{_NAME_WIDTH}" ALIGN="LEFT"><B>{heads[0]}</B></TD>'
        f'<TD WIDTH="{_BAR_WIDTH + 8}" ALIGN="LEFT"><B>{heads[1]}</B>'
        f'<FONT POINT-SIZE="9" COLOR="{style.MUTED}">  {heads[2]}</FONT></TD>'
        f'<TD WIDTH="{_HOURS_WIDTH}" ALIGN="RIGHT"><B>{heads[3]}</B></TD>'
        f'<TD WIDTH="{_A_WIDTH}" ALIGN="RIGHT"><B>{heads[4]}</B></TD></TR></TABLE>>'
    )
    return {
        "label": label,
        "shape": "plaintext",
        "margin": "0",
        "width": "0",
        "height": "0",
        "class": "header",
    }


def _band(text: str, fill: str) -> dict[str, str]:
    width = _NAME_WIDTH + _BAR_WIDTH + 8 + _HOURS_WIDTH + _A_WIDTH
    label = (
        '<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="3">'
        f'<TR><TD WIDTH="{width}" HEIGHT="20" FIXEDSIZE="TRUE" ALIGN="LEFT" BGCOLOR="{fill}">'
        f'<FONT POINT-SIZE="11"><B>{html_text(text)}</B></FONT></TD></TR></TABLE>>'
    )
    return {
        "label": label,
        "shape": "plaintext",
        "margin": "0",
        "width": "0",
        "height": "0",
        "class": "function",
    }


def _doer_words(graph: OrgGraph) -> tuple[str, str]:
    """Who shares a task's hours: the subtitle (a message with the total hours to fill in) and
    the legend. RASCI's S does part of the work, so it is named where the org uses it."""
    if any(Letter.SUPPORT in letters for _, _, letters in graph.edges()):
        return (
            gettext(
                "Workload: each task's hours shared among its Responsible and Support departments"
                " · %(hours)s h a week in all"
            ),
            gettext("R and S work within capacity"),
        )
    return (
        gettext(
            "Workload: each task's hours shared among its Responsible departments · %(hours)s h a week in all"
        ),
        gettext("Responsible work within capacity"),
    )
