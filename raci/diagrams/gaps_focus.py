"""The gaps view for a slide: only the gaps drawn, the healthy rest summed up in words.

At workshop size (8-15 departments, 20-60 tasks) drawing every letter gives a tall hairball.
This view draws the tasks with findings, the departments that own them (R and A lines only)
and a red dashed line from whoever should own work that nobody owns; C and I, and the tasks
without gaps, are counted in the header instead. Every word sits inside a box or the header,
never on a line. When one slide cannot hold the gaps, they are split by activity into
numbered pages ("1 of 3"), each a picture of its own.

Tasks sit in two columns (the first activities left, the rest right) with the departments
between them, so the picture is wide rather than tall; the layout is stretched to 16:9.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import pairwise

import graphviz

from raci.checking.checker import CheckResult
from raci.diagrams import style
from raci.diagrams.escape import NodeIds, dot_string, html_text, shorten, wrap
from raci.diagrams.gapmap import Flag, GapMap, MissingOwner, build_gap_map
from raci.diagrams.options import ViewOptions
from raci.diagrams.words import and_more, function_phrase, hours_a_week, tasks_count
from raci.graph import OrgGraph
from raci.i18n import gettext, ngettext
from raci.model.organization import Organization
from raci.model.severity import Severity
from raci.model.vocabulary import Activity, Function, Letter, format_letters

#: A page holds at most this many lines (the slide bar is 45; the rest is slack for owners).
PAGE_LINES = 40
#: And a column at most this tall, in rows of text (a box's frame counts as _BOX rows): past
#: it the picture is so tall that, shrunk to a screen, its text is under 11 px.
PAGE_HEIGHT = 42.0
_BOX = 1.3
#: Box text sizes: titles and details; nothing in the picture is smaller than DETAIL.
TITLE, DETAIL = 15, 13
#: Characters per line in a box (about 3.6 inches at these sizes).
_WIDTH = 30
_FINDING_ROWS = 3


@dataclass
class Item:
    """One box on the task side: a task, a missing kind of task, or an activity's work."""

    key: tuple[str, str]
    activity: Activity
    title: str
    detail: str
    flag: Flag
    owners: list[MissingOwner] = field(default_factory=list)
    #: (department, letters it holds) for the R and A lines.
    holders: list[tuple[str, frozenset[Letter]]] = field(default_factory=list)
    dashed: bool = False

    @property
    def lines(self) -> int:
        return len(self.holders) + len(self.owners)

    def notes(self) -> list[tuple[str, Severity]]:
        notes = [(line, self.flag.severity) for line in note_lines(self.flag)]
        return notes[:_FINDING_ROWS] + (
            [(and_more(len(notes) - _FINDING_ROWS), self.flag.severity)] if len(notes) > _FINDING_ROWS else []
        )

    @property
    def rows(self) -> int:
        return (
            len(wrap(self.title, _WIDTH, 2)) + 1 + sum(len(wrap(n, _WIDTH + 4, 2)) for n, _ in self.notes())
        )


@dataclass
class Plan:
    """What the view draws: items in pages, the departments flagged, the healthy rest."""

    pages: list[list[Item]]
    flagged_departments: list[str]
    healthy_tasks: list[str]
    drawn_all: bool


def build_pages(
    org: Organization, result: CheckResult, options: ViewOptions, *, bare: bool = False
) -> list[graphviz.Digraph]:
    """One Digraph per slide; a single one when the gaps fit one slide. ``bare``: no header
    and no stretching to 16:9, for a page that has its own title (the deck)."""
    gaps = build_gap_map(result)
    plan = plan_pages(org, result, options, gaps)
    return [
        _Page(org, result, gaps, plan, number, items).draw(bare) for number, items in enumerate(plan.pages, 1)
    ]


def build(org: Organization, result: CheckResult, options: ViewOptions) -> graphviz.Digraph:
    return build_pages(org, result, options)[0]


def plan_pages(org: Organization, result: CheckResult, options: ViewOptions, gaps: GapMap) -> Plan:
    graph = result.graph
    tasks = [t for t in org.tasks if options.shows(graph.activity_of(t))]
    owners = [o for o in gaps.missing_owners.values() if options.shows(o.activity)]
    chosen, drawn_all = _chosen_tasks(graph, gaps, tasks, owners)
    items: list[Item] = []
    for activity in Activity:
        items.extend(_activity_items(org, result, options, gaps, activity, chosen, owners, tasks))
    flagged = _unlinked_flagged_departments(org, graph, gaps, items)
    healthy = [t for t in tasks if t not in chosen]
    return Plan(_paginate(items, _MiddleColumn(org, graph, gaps, flagged)), flagged, healthy, drawn_all)


def _chosen_tasks(
    graph: OrgGraph, gaps: GapMap, tasks: list[str], owners: list[MissingOwner]
) -> tuple[list[str], bool]:
    """The tasks drawn, and whether that is all of them (there are no gaps at all)."""
    gap_tasks = {t for t in tasks if t in gaps.tasks} | {o.task for o in owners if o.task in tasks}
    only_departments = not gap_tasks and not owners and not gaps.missing_activities
    drawn_all = only_departments and not gaps.departments
    # When the only gaps are on departments (overloaded, say), their tasks are the context.
    context = _department_context(graph, gaps, tasks) if only_departments else set()
    return [t for t in tasks if drawn_all or t in gap_tasks or t in context], drawn_all


def _department_context(graph: OrgGraph, gaps: GapMap, tasks: list[str]) -> set[str]:
    """The tasks a flagged department holds an R or an A on."""
    return {
        t
        for t in tasks
        if any(
            d in gaps.departments
            for d in (*graph.holders(t, Letter.RESPONSIBLE), *graph.holders(t, Letter.ACCOUNTABLE))
        )
    }


def _activity_items(
    org: Organization,
    result: CheckResult,
    options: ViewOptions,
    gaps: GapMap,
    activity: Activity,
    chosen: list[str],
    owners: list[MissingOwner],
    tasks: list[str],
) -> list[Item]:
    """One activity's boxes: its chosen tasks, then its missing task or its owners' work."""
    graph = result.graph
    items = [
        _task_item(org, result, gaps, task_id, owners)
        for task_id in chosen
        if graph.activity_of(task_id) is activity
    ]
    missing = gaps.missing_activities.get(activity)
    loose = [o for o in owners if o.activity is activity and (o.task is None or o.task not in tasks)]
    none_yet = not any(graph.activity_of(t) is activity for t in org.tasks)
    if (missing is not None or (loose and none_yet)) and options.shows(activity):
        items.append(_missing_item(org, result, activity, missing or Flag(), loose))
    elif loose:
        items.append(_work_item(org, result, activity, loose, tasks))
    return items


def _unlinked_flagged_departments(
    org: Organization, graph: OrgGraph, gaps: GapMap, items: list[Item]
) -> list[str]:
    """A flagged department is drawn wherever it holds a line; the ones holding none (idle,
    say) are drawn on the first page."""
    linked = {d for item in items for d, _ in item.holders}
    linked |= {
        members[0]
        for item in items
        for owner in item.owners
        if (members := graph.departments_by_function.get(owner.function, []))
    }
    return [d for d in org.departments if d in gaps.departments and d not in linked]


def _task_item(
    org: Organization, result: CheckResult, gaps: GapMap, task_id: str, owners: list[MissingOwner]
) -> Item:
    graph = result.graph
    flag = Flag()
    if task_id in gaps.tasks:
        flag.merge(gaps.tasks[task_id])
    mine = [o for o in owners if o.task == task_id]
    for owner in mine:
        flag.merge(owner.flag, note=_naming(_owner_name(org, result, owner.function)))
    task = org.tasks[task_id]
    effort = hours_a_week(task.effort_hours) if task.effort_hours is not None else ""
    activity = graph.activity_of(task_id)
    holders = [
        (dept_id, letters)
        for dept_id, letters in graph.assignments(task_id).items()
        if letters & {Letter.RESPONSIBLE, Letter.ACCOUNTABLE}
    ]
    return Item(
        ("task", task_id),
        activity,
        org.task_label(task_id),
        " · ".join(part for part in (_activity_word(activity), effort, _others(graph, task_id)) if part),
        flag,
        mine,
        holders,
    )


def _missing_item(
    org: Organization, result: CheckResult, activity: Activity, missing: Flag, owners: list[MissingOwner]
) -> Item:
    flag = Flag()
    flag.merge(missing)
    if not missing.items:
        # Only someone should own this work (it has no task yet): say who, as a task would.
        for owner in owners:
            flag.merge(owner.flag, note=_naming(_owner_name(org, result, owner.function)))
    return Item(
        ("no-task", activity.value),
        activity,
        gettext("No %(activity)s task") % {"activity": _activity_word(activity)},
        gettext("nobody is planned to do this work"),
        flag,
        owners,
        dashed=True,
    )


def _work_item(
    org: Organization, result: CheckResult, activity: Activity, owners: list[MissingOwner], tasks: list[str]
) -> Item:
    flag = Flag()
    for owner in owners:
        flag.merge(owner.flag, note=_naming(_owner_name(org, result, owner.function)))
    count = sum(1 for t in tasks if result.graph.activity_of(t) is activity)
    return Item(
        ("work", activity.value),
        activity,
        gettext("All %(activity)s work") % {"activity": _activity_word(activity)},
        tasks_count(count),
        flag,
        owners,
    )


class _MiddleColumn:
    """The departments a page shows between its two columns of tasks, and their height."""

    def __init__(self, org: Organization, graph: OrgGraph, gaps: GapMap, flagged: list[str]) -> None:
        self.org, self.graph, self.gaps, self.flagged = org, graph, gaps, flagged

    def departments(self, items: list[Item], first: bool) -> list[str]:
        """Department ids in file order, then "no FUNCTION" placeholders."""
        wanted: set[str] = set()
        for item in items:
            wanted.update(dept_id for dept_id, _ in item.holders)
            for owner in item.owners:
                members = self.graph.departments_by_function.get(owner.function, [])
                wanted.add(members[0] if members else f"no {owner.function.value}")
        if first:
            wanted.update(self.flagged)
        ordered = [d for d in self.org.departments if d in wanted]
        return ordered + sorted(w for w in wanted if w not in self.org.departments)

    def height(self, items: list[Item], first: bool) -> float:
        total = 0.0
        for dept_id in self.departments(items, first):
            flag = self.gaps.departments.get(dept_id)
            rows = (
                len(wrap(self.org.department_label(dept_id), 22, 2)) + 1
                if dept_id in self.org.departments
                else 1
            )
            notes = sum(len(wrap(line, 26, 2)) for line in note_lines(flag)[:3]) if flag else 0
            total += rows + notes + _BOX
        return total


def _paginate(items: list[Item], middle: _MiddleColumn) -> list[list[Item]]:
    """Whole activities to a page while the page has room (an activity too big is split),
    then the same again aiming at equal pages, so the last is not a runt."""
    groups: list[list[Item]] = []
    for item in items:
        if groups and groups[-1][0].activity is item.activity:
            groups[-1].append(item)
        else:
            groups.append([item])
    greedy = _pack(groups, middle, target=None)
    if len(greedy) > 1:
        balanced = _pack(groups, middle, target=_load(items) / len(greedy))
        if len(balanced) <= len(greedy):
            return balanced
    return greedy


def _pack(groups: list[list[Item]], middle: _MiddleColumn, target: float | None) -> list[list[Item]]:
    pages: list[list[Item]] = [[]]

    def fits(items: list[Item]) -> bool:
        return (
            sum(i.lines for i in items) <= PAGE_LINES
            and sum(i.rows + _BOX for i in items) <= 2 * PAGE_HEIGHT
            and middle.height(items, len(pages) == 1) <= PAGE_HEIGHT
        )

    for group in groups:
        full = target is not None and _load(pages[-1]) + _load(group) / 2 > target
        if pages[-1] and (full or not fits([*pages[-1], *group])):
            pages.append([])
        for item in group:
            if pages[-1] and not fits([*pages[-1], item]):
                pages.append([])
            pages[-1].append(item)
    return pages


def _load(items: list[Item]) -> float:
    """How full a page these items make, 1.0 being full (by lines or by text)."""
    return max(
        sum(i.lines for i in items) / PAGE_LINES,
        sum(i.rows + _BOX for i in items) / (2 * PAGE_HEIGHT),
    )


def note_lines(flag: Flag) -> list[str]:
    """A flag's notes, one line per note with every code saying it ("RACI001/SOC301 no
    Accountable" rather than the same words twice)."""
    codes: dict[str, list[str]] = {}
    for code, note in flag.items:
        codes.setdefault(note, [])
        if code not in codes[note]:
            codes[note].append(code)
    return [f"{'/'.join(found)} {note}" for note, found in codes.items()]


def _naming(who: str) -> Callable[[str], str]:
    """Prefix a note with who should act (a user's name: never a format string)."""
    return lambda text: f"{who} {text}"


def _owner_name(org: Organization, result: CheckResult, function: Function) -> str:
    members = result.graph.departments_by_function.get(function, [])
    if members:
        return org.department_label(members[0])
    return gettext("a %(function)s department") % {"function": function_phrase(function)}


def _activity_word(activity: Activity) -> str:
    return style.activity_word(activity)


def _others(graph: OrgGraph, task_id: str) -> str:
    """S, C and I are not drawn: say how many there are."""
    counts: Counter[Letter] = Counter()
    for letters in graph.assignments(task_id).values():
        counts.update(letters & {Letter.SUPPORT, Letter.CONSULTED, Letter.INFORMED})
    return " ".join(
        f"{letter.value} {counts[letter]}"
        for letter in (Letter.SUPPORT, Letter.CONSULTED, Letter.INFORMED)
        if counts[letter]
    )


class _Page:
    def __init__(
        self, org: Organization, result: CheckResult, gaps: GapMap, plan: Plan, number: int, items: list[Item]
    ) -> None:
        self.org = org
        self.result = result
        self.graph = result.graph
        self.gaps = gaps
        self.plan = plan
        self.number = number
        self.items = items
        self.ids = NodeIds()

    def draw(self, bare: bool = False) -> graphviz.Digraph:
        departments = self._departments()
        framing = (
            {}
            if bare
            else {
                # Spread (never shrink) the layout to 16:9: text keeps its size, the slide is full.
                "ratio": f"{9 / 16:.4f}",
                "label": style.header(self.org.organization, self._subtitle(), self._note(), self._legend()),
            }
        )
        # Bare drawings share a page with text: shorter lines leave them larger once fitted.
        dot = style.new_digraph("gaps", ranksep="0.9" if bare else "1.6", nodesep="0.22", **framing)
        left, right = self._columns()
        with dot.subgraph() as rank:
            rank.attr(rank="same")
            for dept_id in departments:
                rank.node(self.ids(("department", dept_id)), **self._department(dept_id))
        for column, side in ((left, "left"), (right, "right")):
            with dot.subgraph() as rank:
                rank.attr(rank="same")
                for item in column:
                    rank.node(self.ids(item.key), **self._item(item))
                # Invisible links keep each column in activity order, top to bottom.
                for upper, lower in pairwise(column):
                    rank.edge(self.ids(upper.key), self.ids(lower.key), style="invis")
            for item in column:
                self._lines(dot, item, side)
        return dot

    # --- what goes where ------------------------------------------------------------------

    def _columns(self) -> tuple[list[Item], list[Item]]:
        """Split the items in activity order so both columns hold about as much text."""
        if len(self.items) <= 1:
            return [], list(self.items)
        total = sum(item.rows for item in self.items)
        left: list[Item] = []
        for item in self.items:
            if sum(i.rows for i in left) + item.rows / 2 > total / 2:
                break
            left.append(item)
        left = left or self.items[:1]
        return left, self.items[len(left) :]

    def _departments(self) -> list[str]:
        middle = _MiddleColumn(self.org, self.graph, self.gaps, self.plan.flagged_departments)
        return middle.departments(self.items, self.number == 1)

    # --- boxes ----------------------------------------------------------------------------

    def _department(self, dept_id: str) -> dict[str, str]:
        if dept_id not in self.org.departments:
            function = Function(dept_id.removeprefix("no "))
            missing = Flag()
            for item in self.items:
                for owner in item.owners:
                    if owner.function is function:
                        missing.merge(owner.flag)
            words = html_text(gettext("No %(function)s department") % {"function": function_phrase(function)})
            rows = [f'<FONT POINT-SIZE="{TITLE}" COLOR="{style.GAP}"><I>{words}</I></FONT>']
            return _box(rows, missing, style.GAP_FILL, dashed=True)
        function = self.graph.function_of(dept_id)
        flag = self.gaps.departments.get(dept_id)
        rows = [
            *(
                f'<FONT POINT-SIZE="{TITLE}"><B>{html_text(line)}</B></FONT>'
                for line in wrap(self.org.department_label(dept_id), 22, 2)
            ),
            f'<FONT POINT-SIZE="{DETAIL}" COLOR="{style.MUTED}">{html_text(function.label)}</FONT>',
        ]
        if flag is not None:
            rows.extend(_note_rows([(line, flag.severity) for line in note_lines(flag)][:3], 26))
        return _box(rows, flag, style.function_fill(function), tooltip=self.org.department_label(dept_id))

    def _item(self, item: Item) -> dict[str, str]:
        rows = [
            *(
                f'<FONT POINT-SIZE="{TITLE}"><B>{html_text(line)}</B></FONT>'
                for line in wrap(item.title, _WIDTH, 2)
            ),
            f'<FONT POINT-SIZE="{DETAIL}" COLOR="{style.MUTED}">{html_text(item.detail)}</FONT>',
            *_note_rows(item.notes(), _WIDTH + 4),
        ]
        fill = style.severity_fill(item.flag.severity) if item.flag.items else style.NODE_FILL
        return _box(
            rows, item.flag if item.flag.items else None, fill, dashed=item.dashed, tooltip=item.title
        )

    # --- lines ----------------------------------------------------------------------------

    def _lines(self, dot: graphviz.Digraph, item: Item, side: str) -> None:
        node = self.ids(item.key)
        for dept_id, letters in item.holders:
            look = style.LETTER_STYLES[
                Letter.ACCOUNTABLE if Letter.ACCOUNTABLE in letters else Letter.RESPONSIBLE
            ]
            self._edge(
                dot,
                self.ids(("department", dept_id)),
                node,
                side,
                color=look.color,
                style=look.style,
                penwidth=f"{look.penwidth:g}",
                tooltip=dot_string(
                    gettext("%(department)s holds %(letters)s")
                    % {"department": self.org.department_label(dept_id), "letters": format_letters(letters)}
                ),
                **{"class": f"letter-{look.letter.value}"},
            )
        for owner in item.owners:
            members = self.graph.departments_by_function.get(owner.function, [])
            tail = self.ids(("department", members[0] if members else f"no {owner.function.value}"))
            self._edge(
                dot,
                tail,
                node,
                side,
                color=style.severity_color(owner.flag.severity),
                style="dashed",
                penwidth="3",
                tooltip=dot_string("\n".join(owner.flag.messages)),
                **{"class": style.gap_class(owner.flag.codes)},
            )

    @staticmethod
    def _edge(dot: graphviz.Digraph, department: str, item: str, side: str, **attrs: str) -> None:
        # Lines run from the middle column outwards; a left-hand task is the tail so dot ranks
        # it before the departments.
        if side == "left":
            dot.edge(item, department, arrowhead="none", tailport="e", headport="w", **attrs)
        else:
            dot.edge(department, item, arrowhead="none", tailport="e", headport="w", **attrs)

    # --- header ---------------------------------------------------------------------------

    def _subtitle(self) -> str:
        org, plan = self.org, self.plan
        what = (
            gettext("Owners of all %(count)d tasks: no gaps, every rule passes") % {"count": len(org.tasks)}
            if plan.drawn_all
            else self._gaps_summary()
        )
        pages = len(plan.pages)
        if pages > 1:
            shown = ", ".join(dict.fromkeys(_activity_word(i.activity) for i in self.items))
            what = gettext("Page %(number)d of %(pages)d (%(activities)s) · %(what)s") % {
                "number": self.number,
                "pages": pages,
                "activities": shown,
                "what": what,
            }
        return what

    def _gaps_summary(self) -> str:
        """The header line for gaps: where they are, then the findings by severity."""
        org, plan = self.org, self.plan
        drawn = sum(1 for page in plan.pages for item in page if item.key[0] == "task" and item.flag.items)
        departments = len(self.gaps.departments)
        missing = sum(1 for page in plan.pages for item in page if item.key[0] == "no-task")
        where = gettext("Gaps on %(drawn)d of %(total)d tasks") % {"drawn": drawn, "total": len(org.tasks)}
        if departments:
            where += gettext(" and %(flagged)d of %(total)d departments") % {
                "flagged": departments,
                "total": len(org.departments),
            }
        if missing:
            where += ngettext(
                ", %(count)d kind of work with no task", ", %(count)d kinds of work with no task", missing
            ) % {"count": missing}
        return where + " · " + style.findings_summary(self.result.counts())

    def _note(self) -> str | None:
        notes = []
        healthy = self.plan.healthy_tasks
        if healthy and self.number == 1:
            by_activity = Counter(self.graph.activity_of(t) for t in healthy)
            listed = ", ".join(
                f"{_activity_word(activity)} {by_activity[activity]}"
                for activity in Activity
                if by_activity[activity]
            )
            notes.append(
                gettext("Not drawn: %(count)d tasks with no gaps (%(activities)s).")
                % {"count": len(healthy), "activities": listed}
            )
        context = any(not item.flag.items for page in self.plan.pages for item in page)
        if self.number == 1 and context and not self.plan.drawn_all:
            notes.append(gettext("White boxes: the flagged departments' own tasks."))
        if self.number == 1:
            notes.extend(shorten(f"{f.code}: {f.message}", 140) for f in self.gaps.general[:3])
            notes.append(gettext("Only R and A are drawn; every line: --detail full."))
        return " ".join(notes) or None

    def _legend(self) -> str:
        entries = [
            (
                style.line_sample(style.LETTER_STYLES[Letter.ACCOUNTABLE].color, "bold", 4),
                "<B>A</B>&#160;" + html_text(gettext("accountable (RA or A)")),
            ),
            (
                style.line_sample(style.LETTER_STYLES[Letter.RESPONSIBLE].color, "solid", 2),
                "<B>R</B>&#160;" + html_text(style.LETTER_STYLES[Letter.RESPONSIBLE].word),
            ),
        ]
        if not self.plan.drawn_all:
            entries.append(
                (
                    style.line_sample(style.GAP, "dashed", 3),
                    html_text(gettext("should own it: missing owner")),
                )
            )
            entries.append(
                (
                    style.box_sample(style.GAP_FILL, style.GAP),
                    html_text(gettext("a gap (rule code and what is wrong)")),
                )
            )
        return style.legend(entries, per_row=4, size=DETAIL)


def _note_rows(notes: list[tuple[str, Severity]], width: int) -> list[str]:
    rows: list[str] = []
    for text, severity in notes:
        color = style.severity_color(severity)
        rows.extend(
            f'<FONT POINT-SIZE="{DETAIL}" COLOR="{color}">{html_text(line)}</FONT>'
            for line in wrap(text, width, 2)
        )
    return rows


def _box(
    rows: list[str], flag: Flag | None, fill: str, dashed: bool = False, tooltip: str = ""
) -> dict[str, str]:
    cells = "".join(f'<TR><TD ALIGN="LEFT">{row}</TD></TR>' for row in rows)
    attrs = {
        "label": f'<<TABLE BORDER="0" CELLSPACING="0" CELLPADDING="1">{cells}</TABLE>>',
        "shape": "box",
        "style": "rounded,filled" + (",dashed" if dashed else ""),
        "fillcolor": fill,
        "margin": "0.14,0.08",
        "tooltip": dot_string(tooltip or gettext("no gap")),
    }
    if flag is not None and flag.items:
        attrs.update(
            {
                "class": style.gap_class(flag.codes),
                "color": style.severity_color(flag.severity),
                "penwidth": "2.4",
                "tooltip": dot_string("\n".join(flag.messages)),
            }
        )
    return attrs
