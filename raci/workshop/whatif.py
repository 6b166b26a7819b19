"""What if a department were gone, or a letter moved? The organisation as it would be, and
what breaks: tasks that lose their Responsible or Accountable, principles that fail, and
every finding the change resolves or introduces (through :mod:`raci.workshop.diff`).

Scenario steps apply in order:

- :class:`Without` removes a department and every letter it holds;
- :class:`Move` hands letters on a task from one department to another in one step
  (``Move("answer-comments", "R", "marketing", "care")``): the giver loses them, the taker
  adds them to what it holds;
- :class:`Assign` sets a department's letters on a task (``RA``, ``C``…; empty removes the
  department from the task), as ``raci whatif --move DEPT:TASK:LETTERS`` does. An assigned
  ``A`` is taken from whoever held it, since a task has one Accountable; other letters are
  added beside the ones others hold.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from raci.i18n import gettext
from raci.model.errors import ScenarioError as ScenarioError
from raci.model.vocabulary import Letter, format_letters, parse_letters

if TYPE_CHECKING:
    from raci.checking.checker import CheckResult
    from raci.checking.config import Config
    from raci.model.organization import Organization
    from raci.workshop.diff import OrgDiff


@dataclass(frozen=True)
class Without:
    department: str

    def describe(self, org: Organization) -> str:
        words = {"department": org.department_label(self.department), "id": self.department}
        return gettext("without %(department)s (%(id)s)") % words


@dataclass(frozen=True)
class Assign:
    """``department`` holds exactly ``letters`` on ``task`` (none: it leaves the task)."""

    department: str
    task: str
    letters: frozenset[Letter]

    def describe(self, org: Organization) -> str:
        words = {"department": org.department_label(self.department), "task": self.task}
        if not self.letters:
            return gettext("%(department)s takes no letter on %(task)s") % words
        words["letters"] = format_letters(self.letters)
        return gettext("%(department)s takes %(letters)s on %(task)s") % words


@dataclass(frozen=True)
class Move:
    """``letters`` on ``task`` go from department ``source`` to department ``target``."""

    task: str
    letters: frozenset[Letter] | str
    source: str
    target: str

    def __post_init__(self) -> None:
        if isinstance(self.letters, str):
            letters, problem = parse_letters(self.letters, letter_map=False)
            if problem is not None:
                message = gettext("move on %(task)s: %(problem)s")
                raise ScenarioError(message % {"task": repr(self.task), "problem": problem})
            object.__setattr__(self, "letters", letters)

    @property
    def moved(self) -> frozenset[Letter]:
        return self.letters if isinstance(self.letters, frozenset) else frozenset()

    def describe(self, org: Organization) -> str:
        return gettext("%(source)s hands %(letters)s to %(target)s on %(task)s") % {
            "source": org.department_label(self.source),
            "letters": format_letters(self.moved),
            "target": org.department_label(self.target),
            "task": self.task,
        }


Step = Without | Assign | Move


@dataclass(frozen=True)
class LostOwner:
    task: str
    label: str
    letter: Letter
    #: Who held the letter before.
    holders: tuple[str, ...]


@dataclass(frozen=True)
class WhatIf:
    steps: tuple[Step, ...]
    descriptions: tuple[str, ...]
    diff: OrgDiff
    lost: tuple[LostOwner, ...]

    @property
    def failing_principles(self) -> tuple[int, ...]:
        """Principles honoured before and failing in the scenario."""
        return tuple(p.number for p in self.diff.principles if p.old == "pass" and p.new == "fail")

    def to_dict(self) -> dict[str, Any]:
        return {
            "scenario": list(self.descriptions),
            "lost": [
                {
                    "task": lost.task,
                    "letter": lost.letter.value,
                    "held_by": list(lost.holders),
                }
                for lost in self.lost
            ],
            "principles_failing": list(self.failing_principles),
            **self.diff.to_dict(),
        }


def resolve_department(org: Organization, word: str) -> str:
    """A department id from its id or its name (case-insensitive); ScenarioError otherwise."""
    if word in org.departments:
        return word
    folded = word.strip().casefold()
    for dept_id, department in org.departments.items():
        if dept_id.casefold() == folded or (department.name or "").strip().casefold() == folded:
            return dept_id
    raise ScenarioError(_no_department(word, org.departments))


def parse_move(org: Organization, text: str) -> Assign:
    """``DEPT:TASK:LETTERS`` -> :class:`Assign`. Ids may hold ``:``; every split is tried."""
    head, sep, letters_text = text.rpartition(":")
    if not sep or ":" not in head:
        # "care:x" is two parts, not a department, a task and letters "X".
        raise ScenarioError(_move_problem(text, _move_shape()))
    letters: frozenset[Letter] = frozenset()
    if letters_text.strip() not in ("", "-"):
        # whatif takes no --letter-map, so the letter message suggests none.
        letters, problem = parse_letters(letters_text, letter_map=False)
        if problem is not None:
            raise ScenarioError(_move_problem(text, problem))
    parts = head.split(":")
    for cut in range(1, len(parts)):
        dept, task = ":".join(parts[:cut]), ":".join(parts[cut:])
        if task in org.tasks:
            try:
                return Assign(resolve_department(org, dept), task, letters)
            except ScenarioError:
                continue
    if len(parts) < 2:
        raise ScenarioError(_move_problem(text, _move_shape()))
    dept, task = parts[0], ":".join(parts[1:])
    if task not in org.tasks:
        raise ScenarioError(_move_problem(text, _no_task(task, org.tasks)))
    resolve_department(org, dept)
    unread = gettext("cannot read it as DEPT:TASK:LETTERS")
    raise ScenarioError(_move_problem(text, unread))  # pragma: no cover


def _move_shape() -> str:
    return gettext("expected DEPT:TASK:LETTERS, e.g. care:answer-complaints:RA")


def _move_problem(text: str, problem: str) -> str:
    return f"--move {text!r}: {problem}"


def _no_department(word: str, known: Iterable[str]) -> str:
    names = ", ".join(known) or gettext("none")
    return gettext("no department %(name)s (departments: %(known)s)") % {"name": repr(word), "known": names}


def _no_task(word: str, known: Iterable[str]) -> str:
    names = ", ".join(known) or gettext("none")
    return gettext("no task %(name)s (tasks: %(known)s)") % {"name": repr(word), "known": names}


def apply_steps(org: Organization, steps: Sequence[Step]) -> Organization:
    """The organisation after the steps, validated; the original is untouched."""
    from raci.model.organization import Organization as Model

    data = copy.deepcopy(org.model_dump(mode="json", exclude_none=True))
    for step in steps:
        _require(data, step)
        if isinstance(step, Without):
            data["departments"].pop(step.department, None)
            for task in data["tasks"].values():
                task.get("raci", {}).pop(step.department, None)
        elif isinstance(step, Move):
            _move(data, step)
        else:
            raci = data["tasks"][step.task].setdefault("raci", {})
            if Letter.ACCOUNTABLE in step.letters:
                for holder, letters in list(raci.items()):
                    if holder != step.department and "A" in letters:
                        rest = letters.replace("A", "")
                        if rest:
                            raci[holder] = rest
                        else:
                            del raci[holder]
            if step.letters:
                raci[step.department] = format_letters(step.letters)
            else:
                raci.pop(step.department, None)
    return Model.from_data(data, source=gettext("%(source)s (what if)") % {"source": org.source})


def _require(data: dict[str, Any], step: Step) -> None:
    """ScenarioError when a step names a department or task the organisation lacks (by then)."""
    departments = (step.source, step.target) if isinstance(step, Move) else (step.department,)
    for department in departments:
        if department not in data["departments"]:
            raise ScenarioError(_no_department(department, data["departments"]))
    task = None if isinstance(step, Without) else step.task
    if task is not None and task not in data["tasks"]:
        raise ScenarioError(_no_task(task, data["tasks"]))


def _move(data: dict[str, Any], step: Move) -> None:
    raci = data["tasks"][step.task].setdefault("raci", {})
    held = set(raci.get(step.source, ""))
    wanted = {letter.value for letter in step.moved}
    if not wanted or not wanted <= held:
        words = {"department": repr(step.source), "task": repr(step.task)}
        if not step.moved:
            raise ScenarioError(gettext("%(department)s does not hold those letters on %(task)s") % words)
        message = gettext("%(department)s does not hold %(letters)s on %(task)s")
        raise ScenarioError(message % {**words, "letters": format_letters(step.moved)})
    rest = "".join(letter for letter in raci[step.source] if letter not in wanted)
    if rest:
        raci[step.source] = rest
    else:
        del raci[step.source]
    gained = set(raci.get(step.target, "")) | wanted
    raci[step.target] = format_letters(frozenset(Letter(letter) for letter in gained))


def what_if(result: CheckResult, steps: Sequence[Step], config: Config | None = None) -> WhatIf:
    """Check the organisation of ``result`` as the steps would leave it, and compare."""
    from raci.checking.checker import check
    from raci.workshop.diff import diff

    if not steps:
        raise ScenarioError(gettext("nothing to try: give --without DEPT or --move DEPT:TASK:LETTERS"))
    org = result.org
    descriptions = tuple(step.describe(org) for step in steps)
    scenario = check(apply_steps(org, steps), config)
    changes = diff(result, scenario)
    lost = []
    for task_id in org.tasks:
        for letter in (Letter.RESPONSIBLE, Letter.ACCOUNTABLE):
            before = result.graph.holders(task_id, letter)
            if before and not scenario.graph.holders(task_id, letter):
                lost.append(LostOwner(task_id, org.task_label(task_id), letter, tuple(before)))
    return WhatIf(tuple(steps), descriptions, changes, tuple(lost))
