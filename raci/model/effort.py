"""How a task's weekly effort is shared among the departments that do it.

A task of 20 hours a week with two Responsible departments costs each of them 10 hours, not
20: workload totals then equal the sum of the tasks. This module is the one place that says
so; RACI006, the workload view, the HTML report, the spreadsheet and ``suggest`` all ask it.

- **Who does the work**: the departments holding a letter in :data:`WORKING_LETTERS` (R
  and S).
- **Default split**: equal shares (25 h among four: 6.25 each). When equal shares would
  need more than two decimals, tenths of an hour that add up exactly (20 h among three:
  6.7 + 6.7 + 6.6; the extra tenths go to the departments declared first).
- **Override**: a task's ``effort_split`` maps departments to hours (``{care: 12, pr: 8}``)
  or to shares of the effort (``{care: 60%, pr: 40%}``). Departments it leaves out share
  what is left equally; when it names every department doing the task, it must add up to
  the whole effort (or 100%). It names only departments that do the task, and needs
  ``effort_hours`` to split. :func:`split_problems` says what is wrong with one.
- **Nobody does it**: the hours of a task with no R or S are *unassigned*, counted
  apart, so "hours of the departments + unassigned = hours of the tasks" always holds.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from pydantic_core import PydanticCustomError

from raci.i18n import N_
from raci.i18n import gettext as _
from raci.model.vocabulary import LETTER_ORDER, Letter

if TYPE_CHECKING:
    from raci.model.organization import Organization, Task

#: The letters that do a task's work and so carry its effort: R, and RASCI's S (Support).
WORKING_LETTERS: frozenset[Letter] = frozenset({Letter.RESPONSIBLE, Letter.SUPPORT})

_WORDS = {Letter.RESPONSIBLE: "Responsible", Letter.SUPPORT: "Support", Letter.ACCOUNTABLE: "Accountable"}
# The working letters as working_words() names them, for the catalog (read through gettext).
N_("Responsible or Support")
_PERCENT = re.compile(r"\s*(\d+(?:\.\d+)?)\s*%\s*")
# The YAML reader leaves numbers as text for the model to parse.
_NUMBER = re.compile(r"\s*(\d{1,7}(?:\.\d{0,9})?|\.\d{1,9})\s*")
# Sums of tenths in binary floating point drift (0.1 + 0.2); amounts are compared and
# shown at this precision.
_PLACES = 6
_CLOSE = 10.0**-_PLACES * 5


def working_words() -> str:
    """The working letters in words, for messages: "Responsible or Support"."""
    ordered = [letter for letter in LETTER_ORDER if letter in WORKING_LETTERS]
    english = " or ".join(_WORDS.get(letter, letter.name.title()) for letter in ordered)
    return _(english)


def parse_amount(value: Any) -> Any:
    """A split amount as written: hours (a number) or a share (text such as ``"60%"``)."""
    if isinstance(value, bool):
        raise PydanticCustomError("split_amount", "must be hours (a number) or a share such as '60%'")
    if isinstance(value, str) and _NUMBER.fullmatch(value):
        value = float(value)
    if isinstance(value, (int, float)):
        if not 0 <= value <= 1_000_000:  # also refuses NaN
            raise PydanticCustomError("split_hours", "hours must be between 0 and 1000000")
        return float(value)
    if isinstance(value, str):
        match = _PERCENT.fullmatch(value)
        if match is not None and float(match.group(1)) <= 100:
            return f"{float(match.group(1)):g}%"
    raise PydanticCustomError("split_amount", "must be hours (a number) or a share such as '60%'")


def _share(amount: float | str) -> float | None:
    """The fraction a ``"60%"`` amount stands for; None for hours."""
    return float(amount[:-1]) / 100 if isinstance(amount, str) else None


def doers(task: Task, departments: Sequence[str]) -> list[str]:
    """Departments doing ``task``, in the order ``departments`` (the org's) declares them."""
    working = [d for d, letters in task.raci.items() if letters & WORKING_LETTERS]
    if not working:
        return []
    # Walk the task's few letters, not every department: with 500 departments and 20,000
    # tasks the walk over departments was a quarter of `raci check`.
    rank = _rank(departments)
    return sorted((d for d in working if d in rank), key=rank.__getitem__)


#: The last department order seen and each id's place in it: callers pass the same list for
#: every task of an organisation. One tuple, so that threads never see a mismatched pair.
_last_rank: tuple[Sequence[str], dict[str, int]] = ((), {})


def _rank(departments: Sequence[str]) -> dict[str, int]:
    global _last_rank
    seen, rank = _last_rank
    if seen is not departments:
        rank = {d: index for index, d in enumerate(departments)}
        _last_rank = (departments, rank)
    return rank


def split_effort(task: Task, departments: Sequence[str]) -> dict[str, float]:
    """Weekly hours of ``task`` per department doing it (empty when nobody does).

    ``departments`` is the organisation's department ids in file order. Never raises: an
    override that no longer fits (``suggest`` or ``whatif`` moved an R) keeps the hours of
    the departments still doing the task and shares the rest among the others.
    """
    working = doers(task, departments)
    total = task.effort_hours or 0.0
    if not working:
        return {}
    split = task.effort_split or {}
    stated = {d: _hours(split[d], total) for d in working if d in split}
    rest = [d for d in working if d not in stated]
    left = max(0.0, total - sum(stated.values()))
    shares = dict(zip(rest, _apportion(left, len(rest)), strict=True))
    return {d: round(stated[d] if d in stated else shares[d], _PLACES) for d in working}


def _hours(amount: float | str, total: float) -> float:
    share = _share(amount)
    return total * share if share is not None else float(amount)


def _apportion(total: float, count: int) -> list[float]:
    """``total`` in ``count`` parts that add up exactly: equal when tenths or hundredths of
    an hour can say so (25 h / 4 = 6.25), else in tenths, the extra ones first (6.7, 6.7, 6.6)."""
    if count == 0:
        return []
    for unit in (10, 100):
        scaled = total * unit / count
        if abs(scaled - round(scaled)) < 1e-6:
            return [round(scaled) / unit] * count
    scaled = total * 10
    if abs(scaled - round(scaled)) < 1e-6:
        base, extra = divmod(round(scaled), count)
        return [(base + (1 if index < extra else 0)) / 10 for index in range(count)]
    return [total / count] * count


@dataclass(frozen=True)
class Workload:
    """Weekly hours per department, and how they add up to the tasks' effort."""

    #: Department id -> hours of work a week (every department, 0 when it does none).
    hours: dict[str, float]
    #: Department id -> the tasks it does, in file order.
    tasks: dict[str, list[str]]
    #: Hours of tasks nobody does (no Responsible), and those tasks.
    unassigned: float = 0.0
    unassigned_tasks: tuple[str, ...] = ()
    #: The tasks' effort_hours added up: sum(hours) + unassigned.
    total: float = 0.0
    splits: dict[str, dict[str, float]] = field(default_factory=dict)

    def over(self, org: Organization) -> dict[str, tuple[float, float]]:
        """Department id -> (hours, capacity) for those past their capacity."""
        found = {}
        for dept_id, dept in org.departments.items():
            capacity = dept.capacity_hours
            if capacity is not None and self.hours[dept_id] > capacity + _CLOSE:
                found[dept_id] = (self.hours[dept_id], capacity)
        return found


def workload(org: Organization) -> Workload:
    """Every department's share of every task's effort (see the module's rules)."""
    departments = list(org.departments)
    hours = dict.fromkeys(departments, 0.0)
    tasks: dict[str, list[str]] = {d: [] for d in departments}
    splits = {}
    unassigned, nobody, total = 0.0, [], 0.0
    for task_id, task in org.tasks.items():
        effort = task.effort_hours or 0.0
        total += effort
        split = split_effort(task, departments)
        splits[task_id] = split
        if not split:
            if effort:
                unassigned += effort
                nobody.append(task_id)
            continue
        for dept_id, share in split.items():
            hours[dept_id] += share
            tasks[dept_id].append(task_id)
        # A stated split that no longer covers the effort (an R moved away): the rest is unassigned.
        unassigned += effort - sum(split.values())
    return Workload(
        {d: round(h, _PLACES) for d, h in hours.items()},
        tasks,
        round(unassigned, _PLACES) if abs(unassigned) > _CLOSE else 0.0,
        tuple(nobody),
        round(total, _PLACES),
        splits,
    )


def split_problems(task: Task, departments: Sequence[str]) -> Iterator[tuple[str | None, str]]:
    """What is wrong with a task's ``effort_split``: (department id or None, message).

    Unknown departments are reported by validation with the other unknown references.
    """
    split = task.effort_split
    if not split:
        return
    if task.effort_hours is None:
        yield None, _("effort_split needs the task's effort_hours to split")
        return
    working = doers(task, departments)
    for dept_id in split:
        if dept_id in departments and dept_id not in working:
            yield (
                dept_id,
                _(
                    "effort_split gives part of the effort to %(department)s, which is not "
                    "%(letters)s on this task: only departments doing the work share it"
                )
                % {"department": repr(dept_id), "letters": working_words()},
            )
    shares = [_share(amount) for amount in split.values()]
    if any(s is None for s in shares) and any(s is not None for s in shares):
        yield None, _("effort_split mixes hours and percentages: write all of them one way")
        return
    yield from _sum_problems(task, working)


def _sum_problems(task: Task, working: list[str]) -> Iterator[tuple[str | None, str]]:
    split = task.effort_split or {}
    total = task.effort_hours or 0.0
    percent = all(isinstance(amount, str) for amount in split.values())
    stated = sum(_hours(amount, total) for amount in split.values())
    every = all(d in split for d in working)

    def written(hours: float) -> str:
        return f"{hours / total * 100:g}%" if percent and total else f"{hours:g} h"

    whole = "100%" if percent else f"effort_hours, {total:g} h"
    values = {"stated": written(stated), "whole": whole}
    if every and abs(stated - total) > _CLOSE:
        yield None, _("effort_split adds up to %(stated)s but must add up to %(whole)s") % values
    elif stated > total + _CLOSE:
        yield None, _("effort_split adds up to %(stated)s, more than %(whole)s") % values
