"""Where a finding is drawn in a picture, as the rule that raised it says.

A rule's ``gaps`` method returns placements: on a task or a department (a flag there), as a
*missing owner* (a function that should hold letters on an activity's work, on one task or
on the work as a whole) or as a *missing activity* (no task of that kind). The diagrams and
the HTML report draw from these; a finding with no placement is listed as a general gap.
"""

from __future__ import annotations

from dataclasses import dataclass

from raci.model.vocabulary import Activity, Function


@dataclass(frozen=True)
class OnTask:
    task: str
    note: str


@dataclass(frozen=True)
class OnDepartment:
    department: str
    note: str


@dataclass(frozen=True)
class MissingOwnerGap:
    """``function`` should hold ``letters`` on ``activity``'s work (on ``task`` if one)."""

    function: Function
    activity: Activity
    task: str | None
    letters: str
    note: str


@dataclass(frozen=True)
class MissingActivityGap:
    activity: Activity
    note: str


Gap = OnTask | OnDepartment | MissingOwnerGap | MissingActivityGap
