"""The principle scorecard: the article's five principles, pass or fail, and the ownership grid.

The grid is the article's picture: which letters each function holds on each activity.
Required cells (customer service responding, PR on recovery, marketing on its own part…,
as each rule declares them) are marked so a report or a diagram can show the empty ones.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from raci.i18n import gettext
from raci.model.principles import PRINCIPLES, Principle
from raci.model.severity import Severity
from raci.model.vocabulary import (
    SHARING_FUNCTIONS,
    SOCIAL_ACTIVITIES,
    Activity,
    Function,
    Letter,
    format_letters,
)

if TYPE_CHECKING:
    from raci.checking.checker import CheckResult

PASS = "pass"
FAIL = "fail"
NOT_CHECKED = "not checked"
#: The organisation has no social media work: the article's principles say nothing about it.
NOT_APPLICABLE = "not applicable"


@dataclass(frozen=True)
class PrincipleStatus:
    principle: Principle
    status: str
    rules: tuple[str, ...]
    findings: int
    #: The rules (of ``rules``) that found something: named beside the count.
    fired: tuple[str, ...] = ()


@dataclass(frozen=True)
class Cell:
    function: Function
    activity: Activity
    letters: frozenset[Letter]
    required: frozenset[Letter] | None
    #: A finding says a required owner is missing here: one definition for the text grid,
    #: the diagrams and the JSON scorecard (an empty required cell no finding names is not).
    missing: bool = False

    @property
    def strongest(self) -> Letter | None:
        return next((letter for letter in _STRENGTH if letter in self.letters), None)


_STRENGTH = (Letter.ACCOUNTABLE, Letter.RESPONSIBLE, Letter.SUPPORT, Letter.CONSULTED, Letter.INFORMED)


@dataclass(frozen=True)
class Scorecard:
    principles: tuple[PrincipleStatus, ...]
    functions: tuple[Function, ...]
    activities: tuple[Activity, ...]
    cells: dict[tuple[Function, Activity], Cell]

    @property
    def passed(self) -> int:
        return sum(1 for p in self.principles if p.status == PASS)

    @property
    def applicable(self) -> bool:
        """False when the organisation has no social media work (only activity ``other``)."""
        return any(p.status != NOT_APPLICABLE for p in self.principles)

    def honoured(self) -> str:
        """"3 of 5 principles honoured", or why none are counted (in the current language)."""
        if not self.applicable:
            return gettext("principles not applicable (no social media task)")
        return gettext("%(passed)d of %(total)d principles honoured") % {
            "passed": self.passed,
            "total": len(self.principles),
        }

    def tally(self) -> str:
        """"3 of 5 honoured" (the scorecard's heading says "principles"), or "not applicable"."""
        if not self.applicable:
            return gettext("not applicable (no social media task)")
        counts = {"passed": self.passed, "total": len(self.principles)}
        return gettext("%(passed)d of %(total)d honoured") % counts

    def to_dict(self) -> dict[str, Any]:
        return {
            "applicable": self.applicable,
            "principles": [
                {
                    "number": p.principle.number,
                    "misconception": p.principle.misconception,
                    "truth": p.principle.truth,
                    "status": p.status,
                    "rules": list(p.rules),
                    "findings": p.findings,
                }
                for p in self.principles
            ],
            "ownership": {
                "functions": [f.value for f in self.functions],
                "activities": [a.value for a in self.activities],
                "cells": [
                    {
                        "function": cell.function.value,
                        "activity": cell.activity.value,
                        "letters": format_letters(cell.letters),
                        "required": format_letters(cell.required) if cell.required else None,
                        "missing": cell.missing,
                    }
                    for cell in self.cells.values()
                ],
            },
        }


def build_scorecard(result: CheckResult) -> Scorecard:
    active = {entry.rule.code for entry in result.rules}
    counts: dict[str, int] = {}
    # Info findings are notes: counted, but they never fail a principle (nor `raci check`).
    serious: set[str] = set()
    for finding in result.findings:
        counts[finding.code] = counts.get(finding.code, 0) + 1
        if finding.severity != Severity.INFO:
            serious.add(finding.code)
    applicable = result.graph.has_social_work
    statuses = tuple(
        _principle_status(principle, active, counts, serious, applicable) for principle in PRINCIPLES
    )
    return Scorecard(statuses, *_ownership(result))


def _principle_status(
    principle: Principle, active: set[str], counts: dict[str, int], serious: set[str], applicable: bool
) -> PrincipleStatus:
    """One principle's verdict from the codes that ran, how often each fired and which weighed."""
    from raci.rules import RULES_BY_CODE

    codes = tuple(code for code, rule in RULES_BY_CODE.items() if rule.principle == principle.number)
    checked = [code for code in codes if code in active]
    if not applicable:
        return PrincipleStatus(principle, NOT_APPLICABLE, tuple(checked), 0, ())
    found = sum(counts.get(code, 0) for code in checked)
    status = NOT_CHECKED if not checked else (FAIL if any(code in serious for code in checked) else PASS)
    fired = tuple(code for code in checked if counts.get(code))
    return PrincipleStatus(principle, status, tuple(checked), found, fired)


def _ownership(
    result: CheckResult,
) -> tuple[tuple[Function, ...], tuple[Activity, ...], dict[tuple[Function, Activity], Cell]]:
    from raci.diagrams.gapmap import build_gap_map, cell_flag
    from raci.rules import required_cells

    graph = result.graph
    # Distinct letter sets per (function, activity) first: a few dozen, not one per edge.
    seen: set[tuple[Function, Activity, frozenset[Letter]]] = set()
    departments, tasks = result.org.departments, result.org.tasks
    for dept_id, task_id, letters in graph.edges():
        if not tasks[task_id].is_social:
            continue  # the grid is the article's picture: social media work only
        seen.add((departments[dept_id].function, tasks[task_id].activity, letters))
    held: dict[tuple[Function, Activity], set[Letter]] = {}
    for function, activity, letters in seen:
        held.setdefault((function, activity), set()).update(letters)
    present = {function for function, _ in held} | set(graph.departments_by_function)
    core = (Function.MARKETING, *SHARING_FUNCTIONS)
    functions = (*core, *(f for f in Function if f in present and f not in core))
    activities = SOCIAL_ACTIVITIES
    required = required_cells()
    gaps = build_gap_map(result)
    cells = {
        (function, activity): Cell(
            function,
            activity,
            frozenset(held.get((function, activity), ())),
            required.get((function, activity)),
            bool(cell_flag(function, activity, (function, activity) in required, gaps).items),
        )
        for function in functions
        for activity in activities
    }
    return functions, activities, cells
