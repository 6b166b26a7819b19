"""What a caller may ask of a view besides the organisation and its check result."""

from __future__ import annotations

from dataclasses import dataclass

from raci.model.vocabulary import Activity

#: Output formats: laid out by Graphviz (svg, png, pdf) or the DOT source itself.
FORMATS = ("svg", "png", "pdf", "dot")

AUTO, FOCUS, FULL, SUMMARY = "auto", "focus", "full", "summary"
#: focus: the gaps only, paginated to fit 16:9 slides; full: every letter as a line;
#: summary: functions x activities as a grid.
DETAILS = (AUTO, FOCUS, FULL, SUMMARY)

#: Above these a full gaps drawing turns into a hairball (and `dot` slows down sharply), so
#: ``detail="auto"`` sums tasks up by activity and departments by function instead; up to
#: them it draws the gaps only (the focus view), in as many slides as they need.
FULL_MAX_TASKS = 60
FULL_MAX_ASSIGNMENTS = 240
#: Rows the matrix view draws before it keeps only the tasks with findings.
MATRIX_MAX_ROWS = 80
MATRIX_MAX_COLUMNS = 40


@dataclass(frozen=True)
class ViewOptions:
    """``detail``: auto, focus, full or summary; ``activities``: draw only tasks of these (empty: all)."""

    detail: str = AUTO
    activities: tuple[Activity, ...] = ()

    def __post_init__(self) -> None:
        if self.detail not in DETAILS:
            raise ValueError(f"detail must be one of {', '.join(DETAILS)}, not {self.detail!r}")

    def shows(self, activity: Activity) -> bool:
        return not self.activities or activity in self.activities
