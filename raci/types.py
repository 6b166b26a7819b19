"""Names for the values the public functions take and the data they return.

``Literal`` types name the choices (``View``, ``ImageFormat``...), so a type checker catches
``raci.render(result, view="gap")``; ``TypedDict`` types describe plain data going in
(:class:`OrgData` for :meth:`raci.Organization.from_data`) and coming out
(:class:`FindingDict`, :class:`ProblemDict`, :class:`FindingsReport`). A test keeps each
``Literal`` equal to the choices the code accepts at run time.
"""

from __future__ import annotations

from typing import Literal, Union

# typing_extensions' TypedDict: pydantic reads it on every Python (for the JSON Schema).
from typing_extensions import Required, TypedDict

#: Diagram views (``raci render --view``).
View = Literal["gaps", "ownership", "matrix", "workload", "handoffs"]
#: What a diagram is drawn as.
ImageFormat = Literal["svg", "png", "pdf", "dot"]
#: How much of a large organisation a diagram shows.
Detail = Literal["auto", "focus", "full", "summary"]
#: Spreadsheet formats written by :func:`raci.export_sheet`.
SheetFormat = Literal["xlsx", "csv"]
#: Formats read by :func:`raci.import_sheet` (``md``: a Markdown table).
ImportFormat = Literal["xlsx", "csv", "tsv", "md"]
#: Severity words, as in every report.
SeverityName = Literal["info", "warning", "error"]
#: A department's letters as text: ``"RA"``, ``"C"``, ``"R/A"``...
LettersText = str


class DepartmentData(TypedDict, total=False):
    """One department in plain data (as in an org file)."""

    name: str
    function: Required[str]
    capacity_hours: float
    description: str
    roles: list[str]
    waive: dict[str, str]


class TaskData(TypedDict, total=False):
    """One task in plain data; ``raci`` maps department ids to letters."""

    name: str
    activity: Required[str]
    effort_hours: float
    budget: float
    review_horizon_days: Union[int, str]  # noqa: UP007 - TypedDict bodies are evaluated on 3.10
    audience: str
    channels: list[str]
    description: str
    raci: dict[str, LettersText]
    effort_split: dict[str, Union[float, str]]  # noqa: UP007
    waive: dict[str, str]


class OrgData(TypedDict, total=False):
    """A whole organisation in plain data: what :meth:`raci.Organization.from_data` takes."""

    organization: Required[str]
    description: str
    departments: dict[str, DepartmentData]
    tasks: dict[str, TaskData]
    rules: dict[str, object]


class FindingDict(TypedDict):
    """:meth:`raci.Finding.to_dict`: one finding in the JSON report."""

    code: str
    severity: SeverityName
    message: str
    file: str
    line: int | None
    column: int | None
    rule: str
    task: str | None
    department: str | None
    activity: str | None
    function: str | None
    hint: str | None
    #: The team accepts the finding (``waive:`` in the file), for ``reason``.
    waived: bool
    reason: str | None


class ProblemDict(TypedDict):
    """:meth:`raci.Problem.to_dict`: one load problem in the JSON report. ``path`` says where
    in the data it is (``["tasks", "t1", "raci", "ghost"]``); it is the only place for
    organisations built from data, which have no lines."""

    file: str
    line: int | None
    column: int | None
    message: str
    path: list[Union[str, int]]  # noqa: UP007


class ToolInfo(TypedDict):
    name: str
    version: str


class FileCounts(TypedDict):
    """One file's findings by severity, and the findings it waives (listed apart, not counted)."""

    error: int
    warning: int
    info: int
    waived: int


class FileSummary(TypedDict):
    """One checked file: its counts by severity and its principles scorecard."""

    file: str
    organization: str
    summary: FileCounts
    scorecard: dict[str, object]


class ReportSummary(TypedDict):
    files_checked: int
    files_with_load_errors: int
    findings: int
    error: int
    warning: int
    info: int
    #: Findings a --baseline file listed, left out of ``findings``.
    baselined: int
    #: Findings the org files waive, listed in ``waived``, left out of ``findings``.
    waived: int


class FindingsReport(TypedDict):
    """The whole ``raci check --format json`` document; ``raci schema findings`` prints its
    JSON Schema. ``format_version`` changes only when a key is removed or changes meaning."""

    tool: ToolInfo
    format_version: int
    findings: list[FindingDict]
    #: Findings the org files waive, each with its ``reason``: reported, never counted.
    waived: list[FindingDict]
    files: list[FileSummary]
    load_errors: list[ProblemDict]
    summary: ReportSummary
