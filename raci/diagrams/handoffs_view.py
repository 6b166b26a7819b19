"""The hand-offs view: departments, and the hand-offs between them weighted by tasks.

One box per department (coloured by function) and one line per pair of departments that
hand work to each other: a department that owns a task (R or A) hands off to everyone else
holding a letter on it. The line's thickness and its number give how many tasks the pair
shares that way; the arrow points from the owner (both ways when each owns one of them).

Missing hand-offs the flow rules ask for are red dashed lines of SVG class ``gap`` with the
rule code (SOC106: listening that never reaches the people who answer; SOC302: a crisis the
front line never hears about), drawn from the task's owner to the department that should
hear. Information islands (RACI008) are boxed in red. To stay readable on a 16:9 slide the
view draws every gap but only the heaviest hand-offs, at most
:data:`LINE_BUDGET` lines in all, and says how many lighter ones it left out.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import graphviz

from raci.checking.checker import CheckResult
from raci.diagrams import style
from raci.diagrams.escape import NodeIds, dot_string, html_lines, html_text, shorten
from raci.diagrams.fit import MAX_LINES
from raci.diagrams.gapmap import Flag, build_gap_map
from raci.diagrams.gaps_view import functions_in_order, subtitle
from raci.diagrams.options import ViewOptions
from raci.diagrams.words import tasks_count
from raci.graph import OrgGraph
from raci.i18n import gettext, ngettext
from raci.model.findings import Finding
from raci.model.organization import Organization
from raci.model.vocabulary import Letter
from raci.rules.raci008_information_islands import InformationIslands, information_islands
from raci.rules.soc106_listening_reaches_responders import ListeningReachesResponders
from raci.rules.soc302_front_line_hears_of_crises import FrontLineHearsOfCrises

#: Rules whose findings are missing hand-offs: drawn from the task's owner to the department.
HANDOFF_GAP_RULES = (ListeningReachesResponders.code, FrontLineHearsOfCrises.code)
ISLAND_RULE = InformationIslands.code
#: Lines drawn at most: fewer than a slide could hold, so the heavy hand-offs stand out.
LINE_BUDGET = min(MAX_LINES, 30)
#: Line thickness, in points, for one task and for the pair sharing the most.
THINNEST, THICKEST = 1.2, 7.0
#: Characters of a task's name on a missing hand-off's label (the tooltip has it whole).
_TASK_NAME = 24


@dataclass(frozen=True)
class Pair:
    """Two departments and the tasks on which one hands off to the other."""

    first: str
    second: str
    tasks: tuple[str, ...]
    forward: bool  # first owns at least one of the tasks
    backward: bool  # second owns at least one

    @property
    def weight(self) -> int:
        return len(self.tasks)


@dataclass(frozen=True)
class MissingHandoff:
    """One red line: a rule asks ``source`` (a task's owner) to reach ``target`` on tasks."""

    code: str
    source: str | None  # the owner of the tasks; None when they have none
    target: str
    findings: tuple[Finding, ...]

    @property
    def tasks(self) -> list[str]:
        return [str(finding.task) for finding in self.findings]


def handoff_pairs(graph: OrgGraph) -> list[Pair]:
    """Every pair of departments joined by hand-offs, heaviest first (file order on a tie)."""
    rank = {dept_id: index for index, dept_id in enumerate(graph.org.departments)}
    tasks: dict[tuple[str, str], set[str]] = defaultdict(set)
    owns: dict[tuple[str, str], bool] = {}
    for source, target, data in graph.handoffs.edges(data=True):
        key = (source, target) if rank[source] < rank[target] else (target, source)
        tasks[key].update(data["tasks"])
        owns[(source, target)] = True
    task_rank = {task_id: index for index, task_id in enumerate(graph.org.tasks)}
    pairs = [
        Pair(
            first,
            second,
            tuple(sorted(found, key=task_rank.__getitem__)),
            owns.get((first, second), False),
            owns.get((second, first), False),
        )
        for (first, second), found in tasks.items()
    ]
    pairs.sort(key=lambda pair: (-pair.weight, rank[pair.first], rank[pair.second]))
    return pairs


def missing_handoffs(result: CheckResult) -> list[MissingHandoff]:
    """The findings that are missing hand-offs, one line per rule, owner and department."""
    org, graph = result.org, result.graph
    lines: dict[tuple[str, str | None, str], list[Finding]] = {}
    for finding in result.findings:
        if finding.code not in HANDOFF_GAP_RULES or finding.department not in org.departments:
            continue
        if finding.task not in org.tasks:
            continue
        owners = graph.holders(finding.task, Letter.ACCOUNTABLE) or graph.holders(
            finding.task, Letter.RESPONSIBLE
        )
        key = (finding.code, owners[0] if owners else None, finding.department)
        lines.setdefault(key, []).append(finding)
    return [
        MissingHandoff(code, source, target, tuple(found)) for (code, source, target), found in lines.items()
    ]


def build(org: Organization, result: CheckResult, options: ViewOptions) -> graphviz.Digraph:
    graph = result.graph
    ids = NodeIds()
    gaps = missing_handoffs(result)
    islands = _reported_islands(result)
    pairs = handoff_pairs(graph)
    room = max(0, LINE_BUDGET - len(gaps))
    drawn, left_out = pairs[:room], pairs[room:]
    heaviest = max([1, *(pair.weight for pair in pairs)])

    what = ngettext(
        "Hand-offs between departments · %(count)d pair",
        "Hand-offs between departments · %(count)d pairs",
        len(pairs),
    ) % {"count": len(pairs)}
    flags = _department_flags(result)
    marked = bool(gaps or islands or flags)
    dot = style.new_digraph(
        "handoffs",
        rankdir="LR",
        **_spacing(graph, drawn),
        label=style.header(
            org.organization,
            subtitle(result, what, marked),
            _left_out_note(left_out),
            style.legend(_legend(gaps, islands, bool(flags))),
        ),
    )
    island_of = {dept: index for index, island in enumerate(islands) for dept in island}
    for function in functions_in_order(graph.departments_by_function):
        for dept_id in graph.departments_by_function[function]:
            if dept_id not in island_of:
                dot.node(ids(dept_id), **_department(org, graph, dept_id, flags.get(dept_id)))
    for index, island in enumerate(islands):
        _draw_island(dot, org, result, ids, index, island, flags)
    for pair in drawn:
        dot.edge(ids(pair.first), ids(pair.second), **_pair_attrs(org, pair, heaviest))
    for gap in gaps:
        _draw_gap(dot, org, ids, gap)
    return dot


def _left_out_note(left_out: list[Pair]) -> str | None:
    """How many lighter hand-offs the line budget left out, or None when all are drawn."""
    if not left_out:
        return None
    most = max(pair.weight for pair in left_out)
    return ngettext(
        "%(count)d lighter hand-off (%(tasks)s or fewer each) not drawn",
        "%(count)d lighter hand-offs (%(tasks)s or fewer each) not drawn",
        len(left_out),
    ) % {"count": len(left_out), "tasks": tasks_count(most)}


def _draw_island(
    dot: graphviz.Digraph,
    org: Organization,
    result: CheckResult,
    ids: NodeIds,
    index: int,
    island: list[str],
    flags: dict[str, Flag],
) -> None:
    """One information island: its departments in a red dashed box carrying the finding."""
    finding = next(f for f in result.findings if f.code == ISLAND_RULE and f.department == island[0])
    island_words = html_text(gettext("information island"))
    with dot.subgraph(name=f"cluster_island_{index}") as box:
        box.attr(
            label=f"<<B>{ISLAND_RULE}</B>&#160;{island_words}>",
            fontcolor=style.GAP,
            fontsize="12",
            color=style.GAP,
            style="rounded,dashed",
            penwidth="2.2",
            margin="14",
            id=f"island{index}",
            **{"class": style.gap_class([ISLAND_RULE])},
            tooltip=dot_string(finding.message),
        )
        for dept_id in island:
            box.node(ids(dept_id), **_department(org, result.graph, dept_id, flags.get(dept_id)))


def _spacing(graph: OrgGraph, drawn: list[Pair]) -> dict[str, str]:
    """Room between departments, so the picture stays landscape but not a strip.

    `dot` puts departments in columns along the drawn lines (they run in file order, so they
    never loop); when every column holds one department the picture is one long row, and
    more room between rows and less between columns brings it back to a slide's shape.
    """
    import networkx as nx

    layout = nx.DiGraph()
    layout.add_nodes_from(graph.org.departments)
    layout.add_edges_from((pair.first, pair.second) for pair in drawn)
    columns = [len(column) for column in nx.topological_generations(layout)]
    if max(columns, default=1) > 1:
        return {"nodesep": "0.35", "ranksep": "0.7"}
    # One long row: the shorter it is, the more room between rows it needs to stay 16:9.
    return {"nodesep": f"{max(0.7, 3.2 - 0.4 * len(columns)):.2f}", "ranksep": "0.5"}


def _reported_islands(result: CheckResult) -> list[list[str]]:
    """The islands RACI008 reported (none when the rule is off or found none)."""
    reported = {f.department for f in result.findings if f.code == ISLAND_RULE}
    if not reported:
        return []
    return [island for island in information_islands(result.graph) if island[0] in reported]


def _department_flags(result: CheckResult) -> dict[str, Flag]:
    """The departments' own gaps (idle, over capacity…): red like every gap in this view;
    missing hand-offs and islands are drawn as lines and boxes instead."""
    drawn_apart = {*HANDOFF_GAP_RULES, ISLAND_RULE}
    flags: dict[str, Flag] = {}
    for dept_id, flag in build_gap_map(result).departments.items():
        own = Flag()
        own.merge(flag)
        own.items = [(code, note) for code, note in flag.items if code not in drawn_apart]
        own.messages = [m for m in flag.messages if m.partition(":")[0] not in drawn_apart]
        if own.items:
            flags[dept_id] = own
    return flags


def _department(org: Organization, graph: OrgGraph, dept_id: str, flag: Flag | None = None) -> dict[str, str]:
    function = graph.function_of(dept_id)
    held = graph.tasks_of(dept_id)
    owned = sum(1 for letters in held.values() if letters & {Letter.RESPONSIBLE, Letter.ACCOUNTABLE})
    detail = (
        ngettext("owns %(owned)d of %(count)d task", "owns %(owned)d of %(count)d tasks", len(held))
        % {"owned": owned, "count": len(held)}
        if held
        else gettext("no letters")
    )
    label = (
        '<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1">'
        f"<TR><TD><B>{html_lines(org.department_label(dept_id), 18, 2)}</B></TD></TR>"
        f'<TR><TD><FONT POINT-SIZE="11" COLOR="{style.MUTED}">{html_text(function.label)} · '
        f"{html_text(detail)}</FONT></TD></TR>{_flag_row(flag)}</TABLE>>"
    )
    attrs = {
        "label": label,
        "shape": "box",
        "style": "rounded,filled" if held else "rounded,filled,dashed",
        "fillcolor": style.function_fill(function),
        "fontsize": "14",
        "margin": "0.12,0.06",
        "class": "department" if held else "department idle",
        "tooltip": dot_string(f"{org.department_label(dept_id)} ({dept_id})"),
    }
    if flag is not None:
        attrs |= {
            "color": style.GAP,
            "penwidth": "2.2",
            "class": f"{attrs['class']} {style.gap_class(flag.codes)}",
            "tooltip": dot_string("\n".join(flag.messages)),
        }
    return attrs


def _flag_row(flag: Flag | None) -> str:
    if flag is None:
        return ""
    text = " · ".join(f"{code} {note}" for code, note in flag.items)
    return (
        f'<TR><TD><FONT POINT-SIZE="11" COLOR="{style.severity_color(flag.severity)}">'
        f"{html_lines(text, 24, 3)}</FONT></TD></TR>"
    )


def _pair_attrs(org: Organization, pair: Pair, heaviest: int) -> dict[str, str]:
    width = THINNEST + (THICKEST - THINNEST) * (pair.weight - 1) / max(1, heaviest - 1)
    direction = "both" if pair.forward and pair.backward else ("forward" if pair.forward else "back")
    # A thin line is one task (the legend says so): only heavier lines carry their number,
    # which keeps numbers off the crowded thin lines. An xlabel is placed after the layout,
    # next to its own line; a label would be a node of its own, drawn apart from the line.
    label = {"xlabel": str(pair.weight)} if pair.weight > 1 else {}
    tasks = ", ".join(org.task_label(task_id) for task_id in pair.tasks)
    return {
        "penwidth": f"{width:.1f}",
        "color": "#486581",
        "dir": direction,
        "arrowsize": "0.7",
        **label,
        # Heavier pairs pull their departments closer: the busy core sits in the middle.
        "weight": str(pair.weight),
        "fontsize": "12",
        "fontcolor": style.TEXT,
        "class": "handoff",
        "tooltip": dot_string(
            ngettext(
                "%(first)s and %(second)s share %(count)d task: %(tasks)s",
                "%(first)s and %(second)s share %(count)d tasks: %(tasks)s",
                pair.weight,
            )
            % {
                "first": org.department_label(pair.first),
                "second": org.department_label(pair.second),
                "count": pair.weight,
                "tasks": tasks,
            }
        ),
    }


def _draw_gap(dot: graphviz.Digraph, org: Organization, ids: NodeIds, gap: MissingHandoff) -> None:
    tasks = [shorten(org.task_label(task_id), _TASK_NAME) for task_id in gap.tasks]
    named = ", ".join(tasks[:2]) + (f" +{len(tasks) - 2}" if len(tasks) > 2 else "")
    # One task name a line under the code: a long line of names would widen the picture.
    stacked = "<BR/>".join(html_text(name) for name in tasks[:2]) + (
        "<BR/>" + html_text(gettext("+%(count)d more") % {"count": len(tasks) - 2}) if len(tasks) > 2 else ""
    )
    attrs = {
        "color": style.GAP,
        "fontcolor": style.GAP,
        "style": "dashed",
        "penwidth": "2.2",
        "fontsize": "12",
        "label": f"<<B>{gap.code}</B><BR/>{stacked}>",
        "class": style.gap_class([gap.code]),
        "tooltip": dot_string("\n".join(finding.message for finding in gap.findings)),
    }
    if gap.source is None or gap.source == gap.target:
        # No owner to draw from: a note saying so points at the department that should hear.
        note = ids(("missing", gap.code, gap.target))
        nobody = html_text(gettext("%(tasks)s: nobody owns it") % {"tasks": named})
        dot.node(
            note,
            label=f"<<B>{gap.code}</B>&#160;{nobody}>",
            shape="note",
            color=style.GAP,
            fontcolor=style.GAP,
            fontsize="12",
            **{"class": "missing-owner", "tooltip": attrs["tooltip"]},
        )
        dot.edge(note, ids(gap.target), **attrs)
        return
    dot.edge(ids(gap.source), ids(gap.target), **attrs)


def _legend(gaps: list[MissingHandoff], islands: list[list[str]], flagged: bool) -> list[tuple[str, str]]:
    entries = [
        (style.line_sample("#486581", "solid", 1), html_text(gettext("hand-off on 1 task"))),
        (style.line_sample("#486581", "solid", 5), html_text(gettext("on many (number = tasks)"))),
    ]
    if gaps:
        entries.append(
            (style.line_sample(style.GAP, "dashed", 2), html_text(gettext("missing hand-off (rule, task)")))
        )
    if islands:
        entries.append(
            (style.box_sample("#ffffff", style.GAP, dashed=True), html_text(gettext("information island")))
        )
    if flagged:
        entries.append(
            (
                style.box_sample("#ffffff", style.GAP),
                html_text(gettext("department with a gap (idle, overloaded)")),
            )
        )
    return entries
