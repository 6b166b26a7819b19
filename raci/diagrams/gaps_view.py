"""The gaps view: who holds which letter on which task, and every gap drawn where it is.

Departments sit on the left, grouped by function; tasks on the right, grouped by activity.
An edge's line says the letter (A bold, R solid, C dashed, I dotted). Gaps are red: a
flagged task or department, a dashed red edge from the function that should own some work,
a dashed placeholder where a kind of work has no task at all. Every gap element carries the
SVG class ``gap`` and its rule codes.

This full drawing is what ``detail="full"`` asks for. By default an org of workshop size gets
the focus view (``gaps_focus``: the gaps only, in as many 16:9 slides as they need), and past
a size where one box per task would be a hairball, the view sums tasks up by activity and
departments by function, and says so in the picture.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable

import graphviz

from raci.checking.checker import CheckResult
from raci.diagrams import gaps_focus, style
from raci.diagrams.escape import NodeIds, dot_string, html_lines, html_text, shorten, wrap
from raci.diagrams.gapmap import Flag, GapMap, MissingOwner, build_gap_map, responsible_effort
from raci.diagrams.grid import Grid, GridCell, add_grid
from raci.diagrams.options import (
    AUTO,
    FOCUS,
    FULL,
    FULL_MAX_ASSIGNMENTS,
    FULL_MAX_TASKS,
    SUMMARY,
    ViewOptions,
)
from raci.diagrams.words import (
    accountable_on,
    and_more,
    departments_count,
    hours_a_week,
    no_department,
    no_task,
    on_tasks,
    owner_note,
    should_hold,
    tasks_count,
)
from raci.i18n import gettext, number
from raci.model.organization import Organization
from raci.model.severity import Severity
from raci.model.vocabulary import Activity, Function, Letter, format_letters

_FUNCTION_ORDER = (
    Function.MARKETING,
    Function.CUSTOMER_SERVICE,
    Function.PUBLIC_RELATIONS,
    Function.SALES,
)


def build(org: Organization, result: CheckResult, options: ViewOptions) -> graphviz.Digraph:
    """The first (often the only) page of the view."""
    return build_pages(org, result, options)[0]


def build_pages(org: Organization, result: CheckResult, options: ViewOptions) -> list[graphviz.Digraph]:
    """The view as slides: the focus view may need several; full and summary are one each."""
    tasks = [t for t in org.tasks if options.shows(result.graph.activity_of(t))]
    assignments = sum(len(org.tasks[t].raci) for t in tasks)
    detail = options.detail
    if detail == AUTO:
        small = len(tasks) <= FULL_MAX_TASKS and assignments <= FULL_MAX_ASSIGNMENTS
        detail = FOCUS if small else SUMMARY
    if detail == FOCUS:
        return gaps_focus.build_pages(org, result, options)
    gaps = build_gap_map(result)
    if detail == FULL:
        return [_Full(org, result, options, gaps, tasks).draw()]
    return [_Summary(org, result, options, gaps, tasks).draw(forced=options.detail != AUTO)]


def functions_in_order(functions: Iterable[Function]) -> list[Function]:
    present = set(functions)
    return [f for f in dict.fromkeys((*_FUNCTION_ORDER, *Function)) if f in present]


def subtitle(result: CheckResult, what: str, marked: bool = True) -> str:
    """What the picture shows and the findings' counts; ``marked``: gaps are drawn in red."""
    if not result.findings:
        return gettext("%(what)s · no gaps: every rule passes") % {"what": what}
    parts = style.findings_summary(result.counts())
    return f"{what} · {parts}" + (" · " + gettext("red marks each gap") if marked else "")


def effort_text(org: Organization, task_id: str) -> str:
    task = org.tasks[task_id]
    parts = []
    if task.effort_hours is not None:
        parts.append(hours_a_week(task.effort_hours))
    if task.budget is not None:
        parts.append(gettext("budget %(budget)s a month") % {"budget": number(task.budget)})
    return " · ".join(parts) if parts else gettext("no effort or budget given")


def flag_rows(flag: Flag | None, limit: int = 4) -> str:
    if flag is None:
        return ""
    color = style.severity_color(flag.severity)
    rows = [
        f'<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="10" COLOR="{color}"><B>{html_text(code)}</B>&#160;'
        f"{html_text(note)}</FONT></TD></TR>"
        for code, note in flag.items[:limit]
    ]
    if len(flag.items) > limit:
        rows.append(
            f'<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="10" COLOR="{color}">'
            f"{and_more(len(flag.items) - limit)}</FONT></TD></TR>"
        )
    return "".join(rows)


def gap_attrs(flag: Flag, *, dashed: bool = False) -> dict[str, str]:
    return {
        "class": style.gap_class(flag.codes),
        "color": style.severity_color(flag.severity),
        "fillcolor": style.severity_fill(flag.severity),
        "penwidth": "2.2",
        "style": "rounded,filled,dashed" if dashed else "rounded,filled",
        "tooltip": dot_string("\n".join(flag.messages)),
    }


def legend_entries(result: CheckResult) -> list[tuple[str, str]]:
    entries = style.letter_legend()
    if result.findings:
        entries.append((style.line_sample(style.GAP, "dashed", 2), gettext("missing owner")))
        entries.append((style.box_sample(style.GAP_FILL, style.GAP), gettext("gap on a task or department")))
        entries.append(
            (style.box_sample(style.GAP_FILL, style.GAP, dashed=True), gettext("missing task or department"))
        )
        entries.extend(info_legend(result))
    return entries


def info_legend(result: CheckResult) -> list[tuple[str, str]]:
    if any(f.severity is Severity.INFO for f in result.findings):
        return [(style.box_sample(style.INFO_FILL, style.INFO), gettext("a hint (info)"))]
    return []


class _View:
    def __init__(
        self, org: Organization, result: CheckResult, options: ViewOptions, gaps: GapMap, tasks: list[str]
    ) -> None:
        self.org = org
        self.result = result
        self.graph = result.graph
        self.options = options
        self.gaps = gaps
        self.tasks = tasks
        self.shown = set(tasks)
        self.ids = NodeIds()
        self.owners = [m for m in gaps.missing_owners.values() if options.shows(m.activity)]
        self.missing = {a: f for a, f in gaps.missing_activities.items() if options.shows(a)}

    def functions(self) -> list[Function]:
        return functions_in_order(
            [*self.graph.departments_by_function, *(owner.function for owner in self.owners)]
        )

    def activities(self) -> list[Activity]:
        used = {self.graph.activity_of(t) for t in self.tasks}
        used |= set(self.missing) | {owner.activity for owner in self.owners}
        return [a for a in Activity if a in used]

    def note(self) -> str | None:
        notes = []
        if self.options.activities:
            shown = ", ".join(style.activity_word(a) for a in self.options.activities)
            notes.append(gettext("Only %(activities)s tasks are drawn.") % {"activities": shown})
        notes.extend(shorten(f"{f.code}: {f.message}", 140) for f in self.gaps.general[:3])
        return " ".join(notes) or None

    def activity_tasks(self, activity: Activity) -> list[str]:
        return [t for t in self.graph.tasks_by_activity.get(activity, []) if t in self.shown]


class _Full(_View):
    def draw(self) -> graphviz.Digraph:
        assignments = sum(len(self.graph.assignments(t)) for t in self.tasks)
        self.roomy = assignments <= _ROOMY_ASSIGNMENTS
        what = gettext("Gaps: %(departments)s \u00d7 %(tasks)s") % {
            "departments": departments_count(len(self.org.departments)),
            "tasks": tasks_count(len(self.tasks)),
        }
        dot = style.new_digraph(
            "gaps",
            compound="true",
            forcelabels="true",
            ranksep=f"{1.6 + min(1.4, assignments / 50):.2f}",
            nodesep="0.16",
            label=style.header(
                self.org.organization,
                subtitle(self.result, what),
                self.note(),
                style.legend(legend_entries(self.result)),
            ),
        )
        self.clusters: dict[object, str] = {}
        departments = self._departments(dot)
        tasks = self._tasks(dot)
        self._edges(dot)
        self._owner_edges(dot)
        # One column of departments, one of tasks (even for a task nobody holds a letter on),
        # dot orders them to cross least.
        for column in (departments, tasks):
            with dot.subgraph() as rank:
                rank.attr(rank="same")
                for node in column:
                    rank.node(node)
        return dot

    def _departments(self, dot: graphviz.Digraph) -> list[str]:
        nodes = []
        for index, function in enumerate(self.functions()):
            name = f"cluster_f{index}"
            self.clusters[function] = name
            with dot.subgraph(name=name) as cluster:
                cluster.attr(
                    label=f"<<B>{html_text(function.label)}</B>>",
                    style="rounded,filled",
                    fillcolor=style.function_fill(function),
                    color=style.BORDER,
                    fontsize="14",
                    margin="10",
                )
                members = self.graph.departments_by_function.get(function, [])
                for dept_id in members:
                    node = self.ids(("department", dept_id))
                    cluster.node(node, **self._department(dept_id))
                    nodes.append(node)
                if not members:
                    node = self.ids(("no-department", function))
                    flag = Flag()
                    for owner in self.owners:
                        if owner.function is function:
                            flag.merge(owner.flag, note=lambda _: "")
                    label = f"<<I>{html_text(no_department(function))}</I>>"
                    cluster.node(
                        node, label=label, shape="box", fontcolor=style.GAP, **gap_attrs(flag, dashed=True)
                    )
                    nodes.append(node)
        return nodes

    def _department(self, dept_id: str) -> dict[str, str]:
        org = self.org
        flag = self.gaps.departments.get(dept_id)
        held = self.graph.tasks_of(dept_id)
        accountable = sum(1 for letters in held.values() if Letter.ACCOUNTABLE in letters)
        effort = responsible_effort(org, self.result, dept_id)
        capacity = org.departments[dept_id].capacity_hours
        if capacity is not None:
            load = gettext("R %(hours)s of %(capacity)s h a week") % {
                "hours": number(effort),
                "capacity": number(capacity),
            }
        else:
            load = gettext("R %(hours)s h a week") % {"hours": number(effort)}
        stats = f"{load} · {accountable_on(accountable)}"
        title = f"<B>{html_lines(org.department_label(dept_id), 26, 2, 'LEFT')}</B>"
        return _entity_node("department", title, stats, flag, f"{org.department_label(dept_id)} ({dept_id})")

    def _tasks(self, dot: graphviz.Digraph) -> list[str]:
        nodes = []
        for index, activity in enumerate(self.activities()):
            name = f"cluster_a{index}"
            self.clusters[activity] = name
            with dot.subgraph(name=name) as cluster:
                cluster.attr(
                    label=f"<<B>{html_text(activity.label)}</B>>",
                    style="rounded,filled",
                    fillcolor=style.ACTIVITY_FILL,
                    color=style.BORDER,
                    fontsize="13",
                    margin="10",
                )
                members = self.activity_tasks(activity)
                for task_id in members:
                    node = self.ids(("task", task_id))
                    cluster.node(node, **self._task(task_id))
                    nodes.append(node)
                if not members:
                    flag = self.missing.get(activity) or Flag()
                    if activity not in self.missing:
                        for owner in self.owners:
                            if owner.activity is activity:
                                flag.merge(owner.flag, note=lambda _: "")
                    node = self.ids(("no-task", activity))
                    label = f"<<I>{html_text(no_task(activity))}</I>>"
                    cluster.node(
                        node, label=label, shape="box", fontcolor=style.GAP, **gap_attrs(flag, dashed=True)
                    )
                    nodes.append(node)
        return nodes

    def _task(self, task_id: str) -> dict[str, str]:
        org = self.org
        flag = self.gaps.tasks.get(task_id)
        owners = [owner for owner in self.owners if owner.task == task_id]
        if owners:
            # The task lacks an owner: say so on it too, not only on the red edge.
            merged = Flag()
            if flag is not None:
                merged.merge(flag)
            for owner in owners:
                merged.merge(owner.flag, note=_owner_note(owner.function))
            flag = merged
        title = html_lines(org.task_label(task_id), 30, 3, "LEFT")
        return _entity_node(
            "task", title, effort_text(org, task_id), flag, f"{org.task_label(task_id)} ({task_id})"
        )

    def _edges(self, dot: graphviz.Digraph) -> None:
        for task_id in self.tasks:
            head = self.ids(("task", task_id))
            for dept_id, letters in self.graph.assignments(task_id).items():
                letter = style.strongest(letters)
                if letter is None:
                    continue
                look = style.LETTER_STYLES[letter]
                written = format_letters(letters)
                # The line says R, C, I and RA; any other combination is written on it.
                marked = (
                    {}
                    if letters in _PLAIN
                    else {
                        "headlabel": f'<<FONT COLOR="{look.color}" POINT-SIZE="11"><B>{written}</B></FONT>>',
                        "labeldistance": "2.2",
                        "labelangle": "25",
                    }
                )
                dot.edge(
                    self.ids(("department", dept_id)),
                    head,
                    color=look.color,
                    style=look.style,
                    penwidth=f"{look.penwidth:g}",
                    arrowhead="none",
                    tailport="e",
                    headport="w",
                    tooltip=dot_string(
                        gettext("%(department)s: %(letters)s on %(task)s")
                        % {
                            "department": self.org.department_label(dept_id),
                            "letters": written,
                            "task": self.org.task_label(task_id),
                        }
                    ),
                    **{"class": f"letter-{letter.value}", **marked},
                )

    def _owner_edges(self, dot: graphviz.Digraph) -> None:
        for owner in self.owners:
            members = self.graph.departments_by_function.get(owner.function, [])
            attrs: dict[str, str] = {}
            if members:
                tail = self.ids(("department", members[0]))
                if len(members) > 1:
                    attrs["ltail"] = self.clusters[owner.function]
            else:
                tail = self.ids(("no-department", owner.function))
            targets = self.activity_tasks(owner.activity)
            if owner.task is not None and owner.task in self.shown:
                head = self.ids(("task", owner.task))
            elif targets:
                head = self.ids(("task", targets[0]))
                if len(targets) > 1:
                    attrs["lhead"] = self.clusters[owner.activity]
            else:
                head = self.ids(("no-task", owner.activity))
            flag = owner.flag
            color = style.severity_color(flag.severity)
            codes = " ".join(flag.codes)
            if len(self.owners) <= _LABELLED_OWNER_EDGES:
                # A real label gets room of its own; in a crowded drawing it would add a rank
                # full of detours, so there it floats beside the line instead.
                attrs["label" if self.roomy else "xlabel"] = (
                    f'<<FONT COLOR="{color}" POINT-SIZE="10"><B>{html_text(should_hold(owner.letters))}</B>'
                    f"<BR/>{html_text(codes)}</FONT>>"
                )
            dot.edge(
                tail,
                head,
                color=color,
                style="dashed",
                penwidth="2.4",
                arrowsize="0.9",
                tailport="e",
                headport="w",
                tooltip=dot_string("\n".join(flag.messages)),
                **{"class": style.gap_class(flag.codes), **attrs},
            )


class _Summary(_View):
    """Functions x activities as a grid: letter counts per cell, gaps kept in their cells."""

    MAX_LISTED = 5

    def draw(self, forced: bool = False) -> graphviz.Digraph:
        what = gettext("Gaps by function and activity: %(departments)s \u00d7 %(tasks)s") % {
            "departments": departments_count(len(self.org.departments)),
            "tasks": tasks_count(len(self.tasks)),
        }
        if forced:
            note = gettext(
                "Departments are summed up by function and tasks by activity; draw one activity "
                "in full with --activity ACTIVITY --detail full."
            )
        else:
            note = gettext(
                "Too many to draw one by one, so departments are summed up by function and tasks "
                "by activity; draw one activity in full with --activity ACTIVITY --detail full."
            )
        extra = self.note()
        dot = style.new_digraph(
            "gaps",
            ranksep="0.04",
            nodesep="0.04",
            label=style.header(
                self.org.organization,
                subtitle(self.result, what),
                note + (" " + extra if extra else ""),
                style.legend(_summary_legend(self.result), per_row=4),
            ),
        )
        functions = self.functions()
        activities = self.activities()
        held = self._held()
        columns = [self._activity(activity) for activity in activities]
        header_lines = max([0, *(len(lines) for _, lines in columns)])
        rows = []
        heights = []
        for function in functions:
            head, listed = self._function(function)
            cells = [
                self._cell(function, activity, held.get((function, activity))) for activity in activities
            ]
            rows.append((head, cells))
            heights.append(0.82 + 0.17 * listed)
        grid = Grid(
            corner=GridCell("", {"color": "white", "class": "corner"}),
            columns=[cell for cell, _ in columns],
            rows=rows,
            header_width=2.7,
            column_widths=[1.2] * len(activities),
            header_height=0.8 + 0.15 * header_lines,
            row_heights=heights,
        )
        add_grid(dot, grid, self.ids)
        return dot

    def _held(self) -> dict[tuple[Function, Activity], Counter[Letter]]:
        held: dict[tuple[Function, Activity], Counter[Letter]] = {}
        for task_id in self.tasks:
            activity = self.graph.activity_of(task_id)
            for dept_id, letters in self.graph.assignments(task_id).items():
                held.setdefault((self.graph.function_of(dept_id), activity), Counter()).update(letters)
        return held

    def _function(self, function: Function) -> tuple[GridCell, int]:
        org = self.org
        members = self.graph.departments_by_function.get(function, [])
        flagged = [d for d in members if d in self.gaps.departments]
        lines: list[str] = []
        for dept_id in flagged[: self.MAX_LISTED]:
            flag = self.gaps.departments[dept_id]
            notes = ", ".join(note for _, note in flag.items)
            color = style.severity_color(flag.severity)
            lines.extend(
                f'<FONT POINT-SIZE="9" COLOR="{color}">{html_text(line)}</FONT>'
                for line in wrap(f"{org.department_label(dept_id)}: {notes}", 40, 2)
            )
        if len(flagged) > self.MAX_LISTED:
            lines.append(
                f'<FONT POINT-SIZE="9" COLOR="{style.GAP}">'
                + gettext("and %(count)d more with gaps") % {"count": len(flagged) - self.MAX_LISTED}
                + "</FONT>"
            )
        count = departments_count(len(members)) if members else gettext("no department")
        label = (
            f"<<B>{html_text(function.label)}</B><BR/>"
            f'<FONT POINT-SIZE="9" COLOR="{style.GAP if not members else style.MUTED}">{count}</FONT>'
            + "".join(f"<BR/>{line}" for line in lines)
            + ">"
        )
        attrs = {"fillcolor": style.function_fill(function), "class": "function"}
        if flagged:
            flag = Flag()
            for dept_id in flagged:
                flag.merge(self.gaps.departments[dept_id])
            attrs.update(
                {
                    "class": style.gap_class(flag.codes),
                    "color": style.severity_color(flag.severity),
                    "penwidth": "2",
                    "tooltip": dot_string("\n".join(flag.messages)),
                }
            )
        return GridCell(label, attrs), len(lines)

    def _activity(self, activity: Activity) -> tuple[GridCell, list[str]]:
        members = self.activity_tasks(activity)
        counts: Counter[str] = Counter()
        flag = Flag()
        for task_id in members:
            found = self.gaps.tasks.get(task_id)
            if found is not None:
                counts.update(found.codes)
                flag.merge(found)
        missing = self.missing.get(activity)
        if missing is not None:
            flag.merge(missing)
        color = style.severity_color(flag.severity)
        lines = [
            f'<FONT POINT-SIZE="9" COLOR="{color}">{html_text(code)} \u00d7 {count}</FONT>'
            for code, count in sorted(counts.items())
        ]
        if not members:
            no_task_yet = html_text(gettext("no task"))
            lines.append(f'<FONT POINT-SIZE="9" COLOR="{style.GAP}"><I>{no_task_yet}</I></FONT>')
        tasks = tasks_count(len(members))
        label = (
            f"<{style.activity_heading(activity)}<BR/>"
            f'<FONT POINT-SIZE="9" COLOR="{style.MUTED}">{tasks}</FONT>'
            + "".join(f"<BR/>{line}" for line in lines)
            + ">"
        )
        attrs = {"fillcolor": style.ACTIVITY_FILL, "class": "activity"}
        if flag.items:
            attrs.update(
                {
                    "class": style.gap_class(flag.codes),
                    "color": color,
                    "penwidth": "2",
                    "style": "filled,dashed" if not members else "filled",
                    "fillcolor": style.GAP_FILL if not members else style.ACTIVITY_FILL,
                    "tooltip": dot_string("\n".join(flag.messages[:20])),
                }
            )
        return GridCell(label, attrs), lines

    def _cell(self, function: Function, activity: Activity, counter: Counter[Letter] | None) -> GridCell:
        owners = [o for o in self.owners if o.function is function and o.activity is activity]
        text = ""
        strongest = None
        if counter:
            strongest = style.strongest(frozenset(counter))
            parts = [f"{letter.value} {counter[letter]}" for letter in style.STRENGTH if counter[letter]]
            text = " · ".join(parts[:2]) + ("<BR/>" + " · ".join(parts[2:]) if parts[2:] else "")
        where = gettext("%(function)s on %(activity)s") % {
            "function": function.label,
            "activity": style.activity_word(activity),
        }
        if owners:
            return _missing_owner_cell(owners, text)
        if strongest is None:
            return GridCell("", {"fillcolor": "#fafbfc", "color": "#e4e7eb", "class": "cell empty"})
        look = style.LETTER_STYLES[strongest]
        return GridCell(
            f'<<FONT POINT-SIZE="10" COLOR="{look.ink}">{text}</FONT>>',
            {
                "fillcolor": look.fill,
                "color": "white",
                "class": f"cell letter-{strongest.value}",
                "tooltip": dot_string(f"{where}: {text.replace('<BR/>', ' · ')}"),
            },
        )


def _owner_note(function: Function) -> Callable[[str], str]:
    """A missing owner's note as its task says it: "customer service should be R"."""
    return lambda note: owner_note(function, note)


def _missing_owner_cell(owners: list[MissingOwner], text: str) -> GridCell:
    """A summary cell where someone should hold a letter: what, on how many tasks, which rules."""
    flag = Flag()
    for owner in owners:
        flag.merge(owner.flag)
    tasks = sum(1 for o in owners if o.task is not None) or len(owners)
    color = style.severity_color(flag.severity)
    on = "<BR/>" + html_text(on_tasks(tasks)) if tasks > 1 else ""
    letters = owners[0].letters.replace(" or ", "/").replace(", ", "/")
    should = html_text(gettext("should hold"))
    label = (
        f'<<FONT POINT-SIZE="9" COLOR="{color}">{should} <B>{html_text(letters)}</B>'
        f"{on}<BR/>{html_text(' '.join(flag.codes[:2]))}</FONT>"
        + (f'<BR/><FONT POINT-SIZE="8" COLOR="{style.MUTED}">{text}</FONT>' if text else "")
        + ">"
    )
    return GridCell(
        label,
        {
            "fillcolor": style.GAP_FILL,
            "color": color,
            "penwidth": "2.5",
            "class": style.gap_class(flag.codes),
            "tooltip": dot_string("\n".join(flag.messages[:20])),
        },
    )


def _summary_legend(result: CheckResult) -> list[tuple[str, str]]:
    entries = [
        (
            style.box_sample(style.LETTER_STYLES[letter].fill, "white", 1),
            f"<B>{letter.value}</B>&#160;{style.LETTER_STYLES[letter].word}",
        )
        for letter in style.STRENGTH
    ]
    entries.append(
        (style.box_sample(style.GAP_FILL, style.GAP), gettext("missing owner: should hold the letter"))
    )
    entries.append(
        (style.box_sample("white", style.GAP), gettext("gaps on tasks or departments, with rule codes"))
    )
    entries.extend(info_legend(result))
    return entries


#: Past this many missing-owner edges their labels would pile up; the tasks say it instead.
_LABELLED_OWNER_EDGES = 8
#: Up to this many letters' edges, missing-owner edges get labels with room of their own.
_ROOMY_ASSIGNMENTS = 60

_PLAIN = (
    frozenset({Letter.RESPONSIBLE}),
    frozenset({Letter.RESPONSIBLE, Letter.ACCOUNTABLE}),
    frozenset({Letter.SUPPORT}),
    frozenset({Letter.CONSULTED}),
    frozenset({Letter.INFORMED}),
)

_RULE_WORDS = {
    "RACI001": "not exactly one A",
    "RACI002": "no R",
    "RACI004": "too many R",
    "RACI005": "too many C",
    "RACI007": "silo (no C or I)",
    "SOC201": "short review horizon",
    "SOC301": "recovery without A",
    "SOC401": "no effort or budget",
}


def _entity_node(kind: str, title: str, detail: str, flag: Flag | None, tooltip: str) -> dict[str, str]:
    """A department or task box: its (already escaped) title, a muted detail line, its gaps."""
    label = (
        '<<TABLE BORDER="0" CELLSPACING="0" CELLPADDING="1">'
        f'<TR><TD ALIGN="LEFT" BALIGN="LEFT">{title}</TD></TR>'
        f'<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="10" COLOR="{style.MUTED}">'
        f"{html_text(detail)}</FONT></TD></TR>"
        f"{flag_rows(flag)}</TABLE>>"
    )
    attrs = {"label": label, "shape": "box", "margin": "0.12,0.06"}
    if flag is not None:
        attrs.update(gap_attrs(flag))
    else:
        attrs.update(
            {
                "class": kind,
                "style": "rounded,filled",
                "fillcolor": style.NODE_FILL,
                "tooltip": dot_string(tooltip),
            }
        )
    return attrs
