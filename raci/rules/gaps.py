"""Where a finding is drawn in a picture, as the rule that raised it says.

A rule's ``gaps`` method returns placements: on a task or a department (a flag there), as a
*missing owner* (a function that should hold letters on an activity's work, on one task or
on the work as a whole) or as a *missing activity* (no task of that kind). The diagrams and
the HTML report draw from these; a finding with no placement is listed as a general gap.
"""

from __future__ import annotations

from dataclasses import dataclass

from raci.i18n import N_, gettext
from raci.model.findings import Finding
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


# The words of a placement's note, in the current language: short, as written on a sticky
# note in the picture, and the same for every rule that says the same thing.

#: An activity's short name for running text ("no respond task"): in English its canonical
#: value, in Polish a noun the sentence can hold ("naprawa wpadek").
ACTIVITY_WORDS: dict[Activity, str] = {
    Activity.MONITOR: N_("monitor"),
    Activity.DISCOVER: N_("discover"),
    Activity.SELECT: N_("select"),
    Activity.CREATE: N_("create"),
    Activity.PUBLISH: N_("publish"),
    Activity.RESPOND: N_("respond"),
    Activity.SELL: N_("sell"),
    Activity.MEDIA_RELATIONS: N_("media relations"),
    Activity.PROMOTE: N_("promote"),
    Activity.RECOVER: N_("recover"),
    Activity.MEASURE: N_("measure"),
    Activity.OTHER: N_("other"),
}


def activity_word(activity: Activity) -> str:
    return gettext(ACTIVITY_WORDS[activity])


def letters_text(letters: str) -> str:
    """Letters a rule asks for, as people read them: "R or A" (Polish "R lub A")."""
    # Translators: joins the letters a rule asks for, as in "R or A".
    word = gettext("or")
    return letters.replace(" or ", " " + word + " ")


def no_task_note(activity: Activity) -> str:
    """``no respond task``."""
    return gettext("no %(activity)s task") % {"activity": activity_word(activity)}


def should_be(letters: str) -> str:
    """``should be R``: a function should hold these letters."""
    return gettext("should be %(letters)s") % {"letters": letters_text(letters)}


def should_own(letters: str) -> str:
    """``should own (R or A)``."""
    return gettext("should own (%(letters)s)") % {"letters": letters_text(letters)}


def should_lead(letters: str) -> str:
    """``should lead (RA)``."""
    return gettext("should lead (%(letters)s)") % {"letters": letters_text(letters)}


#: The notes of the rules that say no more than their name (see :func:`rule_note`).
NAMED_NOTES = (
    N_("information islands"),
    N_("unused waiver"),
    N_("listening reaches responders"),
    N_("front line hears of crises"),
)


def rule_note(finding: Finding) -> str:
    """A flag's note by default: the rule's name in words ("information islands"), in the
    current language when the catalog has it, else the code."""
    return gettext(finding.rule.replace("-", " ")) if finding.rule else finding.code
