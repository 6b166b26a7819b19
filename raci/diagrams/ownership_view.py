"""The ownership view: the article's picture of who owns which part of social media work.

Functions (marketing, customer service, PR, sales, then the others present) down the side,
activities across; each cell shows the letters the function holds on that activity's tasks,
coloured by the strongest. Cells the article requires are outlined; an empty required cell
is red (class ``gap`` and the codes of the findings about it). The five principles' pass or
fail stand beside the grid.
"""

from __future__ import annotations

import graphviz

from raci.checking.checker import CheckResult
from raci.checking.scorecard import FAIL, PASS, Cell
from raci.diagrams import style
from raci.diagrams.escape import NodeIds, dot_string, html_lines, html_text, wrap
from raci.diagrams.gapmap import Flag, GapMap, build_gap_map, cell_flag, lacking_letters
from raci.diagrams.grid import Grid, GridCell, add_grid
from raci.diagrams.options import ViewOptions
from raci.diagrams.words import departments_count, tasks_count
from raci.i18n import gettext, ngettext
from raci.model.organization import Organization
from raci.model.vocabulary import Activity, Function, format_letters

_CELL_WIDTH = 0.98
_HEADER_WIDTH = 1.9
_ROW_HEIGHT = 0.8


def build(org: Organization, result: CheckResult, options: ViewOptions) -> graphviz.Digraph:
    scorecard = result.scorecard
    gaps = build_gap_map(result)
    activities = [a for a in scorecard.activities if options.shows(a)]
    subtitle = gettext("Ownership: which function holds which letter on each activity · %(honoured)s") % {
        "honoured": scorecard.honoured()
    }
    entries = [
        (
            style.box_sample(style.LETTER_STYLES[letter].fill, "white", 1),
            f"<B>{letter.value}</B>&#160;{html_text(style.LETTER_STYLES[letter].word)}",
        )
        for letter in style.STRENGTH
    ]
    entries.append((style.box_sample("white", style.TEXT, 2), html_text(gettext("required by the article"))))
    if any(_cell_flag(cell, gaps) for cell in scorecard.cells.values()):
        entries.append(
            (style.box_sample(style.GAP_FILL, style.GAP, 2), html_text(gettext("required but empty (a gap)")))
        )
    dot = style.new_digraph(
        "ownership",
        ranksep="0.04",
        nodesep="0.04",
        label=style.header(org.organization, subtitle, None, style.legend(entries, per_row=len(entries))),
    )
    ids = NodeIds()
    columns = [
        GridCell(
            f"<{style.activity_heading(activity)}<BR/>"
            f'<FONT POINT-SIZE="9" COLOR="{style.MUTED}">'
            f"{_task_count(result, activity)}</FONT>>",
            {"fillcolor": style.ACTIVITY_FILL, "class": "activity"},
        )
        for activity in activities
    ]
    rows = []
    for function in scorecard.functions:
        head = GridCell(
            f"<<B>{html_text(function.label)}</B><BR/>"
            f'<FONT POINT-SIZE="9" COLOR="{style.MUTED}">{_department_count(result, function)}</FONT>>',
            {"fillcolor": style.function_fill(function), "class": "function"},
        )
        cells = [_cell(scorecard.cells[(function, activity)], gaps, result) for activity in activities]
        rows.append((head, cells))
    grid = Grid(
        corner=GridCell("", {"color": "white"}),
        columns=columns,
        rows=rows,
        header_width=_HEADER_WIDTH,
        column_widths=[_CELL_WIDTH] * len(activities),
        header_height=0.72,
        row_heights=[_ROW_HEIGHT] * len(rows),
    )
    nodes = add_grid(dot, grid, ids)
    panel = ids("principles")
    dot.node(panel, **_principles(result))
    # Tied to the middle row, so the panel stands beside the grid, centred on it.
    dot.edge(nodes[len(nodes) // 2][-1], panel, style="invis")
    return dot


def _cell(cell: Cell, gaps: GapMap, result: CheckResult) -> GridCell:
    flag = _cell_flag(cell, gaps)
    letters = format_letters(cell.letters) if cell.letters else ""
    where = gettext("%(function)s on %(activity)s") % {
        "function": cell.function.label,
        "activity": style.activity_word(cell.activity),
    }
    if flag is not None:
        need = format_letters(cell.required) if cell.required else "R or A"
        return _gap_cell(cell, flag, _need(cell, gaps, result, need), letters, where)
    strongest = style.strongest(cell.letters)
    if strongest is None:
        return GridCell(
            "",
            {
                "fillcolor": "#fafbfc",
                "color": style.TEXT if cell.required else "#e4e7eb",
                "penwidth": "2" if cell.required else "1",
                "class": "cell empty",
                "tooltip": dot_string(gettext("%(where)s: no letter") % {"where": where}),
            },
        )
    look = style.LETTER_STYLES[strongest]
    return GridCell(
        f'<<FONT COLOR="{look.ink}" POINT-SIZE="16"><B>{html_text(letters)}</B></FONT>>',
        {
            "fillcolor": look.fill,
            "color": style.TEXT if cell.required else "white",
            "penwidth": "2.5" if cell.required else "1",
            "class": f"cell letter-{strongest.value}" + (" required" if cell.required else ""),
            "tooltip": dot_string(f"{where}: {letters}"),
        },
    )


def _gap_cell(cell: Cell, flag: Flag, need: list[str], letters: str, where: str) -> GridCell:
    """A cell with a gap: what it holds, what it needs, and the codes saying so."""
    codes = "<BR/>".join(html_text(" ".join(flag.codes[i : i + 2])) for i in range(0, len(flag.codes), 2))
    # A translation may break a long need in two ("\n"): a cell is narrow.
    needs = "<BR/>".join(html_text(line) for part in need for line in part.split("\n"))
    label = (
        f'<<FONT COLOR="{style.GAP}" POINT-SIZE="15"><B>{html_text(letters or "—")}</B></FONT><BR/>'
        f'<FONT COLOR="{style.GAP}" POINT-SIZE="9">{needs}</FONT>'
        + (f'<BR/><FONT COLOR="{style.GAP}" POINT-SIZE="8">{codes}</FONT>' if codes else "")
        + ">"
    )
    return GridCell(
        label,
        {
            "fillcolor": style.GAP_FILL,
            "color": style.GAP,
            "penwidth": "2.5",
            "style": "filled",
            "class": style.gap_class(flag.codes or ["required"]),
            "tooltip": dot_string(
                "\n".join(flag.messages) or gettext("%(where)s: required, empty") % {"where": where}
            ),
        },
    )


def cell_gap(cell: Cell, gaps: GapMap, result: CheckResult) -> tuple[Flag, list[str]] | None:
    """A red cell's findings and what it needs ("needs R/A", "2 tasks lack R"), or None."""
    flag = _cell_flag(cell, gaps)
    if flag is None:
        return None
    need = _need(cell, gaps, result, format_letters(cell.required) if cell.required else "R or A")
    return flag, [part.replace("\n", " ") for part in need]


def _cell_flag(cell: Cell, gaps: GapMap) -> Flag | None:
    """The findings about a cell. A cell is red only when a finding says so: a required cell
    left empty by work the principles do not ask for (no create task yet) is no gap."""
    flag = cell_flag(cell.function, cell.activity, cell.required is not None, gaps)
    return flag if flag.items else None


def _need(cell: Cell, gaps: GapMap, result: CheckResult, need: str) -> list[str]:
    """ "needs R" where the work has no task; "3 tasks lack R" where single tasks lack an owner."""
    owners = [
        owner
        for owner in gaps.missing_owners.values()
        if owner.function is cell.function and owner.activity is cell.activity
    ]
    lacking: dict[str, int] = {}
    for owner in owners:
        if owner.task is not None:
            letters = lacking_letters(result, owner)
            lacking[letters] = lacking.get(letters, 0) + 1
    if lacking:
        return [
            ngettext("%(count)d task lacks %(letters)s", "%(count)d tasks lack %(letters)s", count)
            % {"count": count, "letters": letters}
            for letters, count in lacking.items()
        ]
    letters = owners[0].letters if owners else need
    return [gettext("needs %(letters)s") % {"letters": letters.replace(" or ", "/").replace(", ", "/")}]


def _task_count(result: CheckResult, activity: Activity) -> str:
    count = len(result.graph.tasks_by_activity.get(activity, []))
    return tasks_count(count) if count else gettext("no task")


def _department_count(result: CheckResult, function: Function) -> str:
    count = len(result.graph.departments_by_function.get(function, []))
    return departments_count(count) if count else gettext("no department")


def _struck(misconception: str) -> str:
    """A misconception struck through, in lines short enough to keep the panel narrow."""
    return '<BR ALIGN="LEFT"/>'.join(f"<S>{html_text(line)}</S>" for line in wrap(misconception, 56, 2))


def _principles(result: CheckResult) -> dict[str, str]:
    rows = [
        '<TR><TD COLSPAN="3" ALIGN="LEFT"><FONT POINT-SIZE="14"><B>'
        + html_text(gettext("The five principles"))
        + "</B></FONT></TD></TR>"
    ]
    fired: dict[str, int] = {}
    for finding in result.findings:
        fired[finding.code] = fired.get(finding.code, 0) + 1
    for status in result.scorecard.principles:
        if status.status == PASS:
            mark, color, fill = gettext("PASS"), style.PASS, style.PASS_FILL
        elif status.status == FAIL:
            mark, color, fill = gettext("FAIL"), style.GAP, style.GAP_FILL
        else:
            mark, color, fill = gettext("not checked"), style.MUTED, "#f1f3f5"
        principle = status.principle
        codes = ", ".join(code for code in status.rules if code in fired)
        found = ngettext("%(count)d finding", "%(count)d findings", status.findings) % {
            "count": status.findings
        }
        detail = f"{found} ({codes})" if status.findings else ""
        rows.append(
            f'<TR><TD VALIGN="TOP" ALIGN="RIGHT"><FONT POINT-SIZE="13"><B>{principle.number}</B></FONT></TD>'
            f'<TD VALIGN="TOP" BGCOLOR="{fill}" WIDTH="48">'
            f'<FONT COLOR="{color}" POINT-SIZE="11"><B>{html_text(mark)}</B></FONT></TD>'
            f'<TD ALIGN="LEFT" BALIGN="LEFT" VALIGN="TOP">'
            f'<FONT POINT-SIZE="11">{_struck(principle.misconception)}</FONT><BR ALIGN="LEFT"/>'
            f'<FONT POINT-SIZE="10" COLOR="{style.MUTED}">{html_lines(principle.truth, 56, 4, "LEFT")}</FONT>'
            + (
                f'<BR ALIGN="LEFT"/><FONT POINT-SIZE="9" COLOR="{color}">{html_text(detail)}</FONT>'
                if detail
                else ""
            )
            + "</TD></TR>"
        )
    label = '<<TABLE BORDER="0" CELLSPACING="4" CELLPADDING="3">' + "".join(rows) + "</TABLE>>"
    attrs = {
        "label": label,
        "shape": "box",
        "style": "rounded,filled",
        "fillcolor": "white",
        "color": style.BORDER,
        "margin": "0.15",
        "class": "principles",
    }
    return attrs
