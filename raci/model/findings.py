"""What a check reports: one frozen :class:`Finding` per problem with the organisation."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from raci.model.severity import Severity

if TYPE_CHECKING:
    from raci.types import FindingDict


@dataclass(frozen=True)
class Finding:
    """A rule's verdict on one task, department or the whole organisation.

    ``line`` and ``column`` are 1-based and point at the task or department concerned (or at
    the section the finding is about); they are ``None`` for organisations built from data.
    """

    code: str
    severity: Severity
    message: str
    file: str
    line: int | None
    column: int | None
    rule: str = ""
    task: str | None = None
    department: str | None = None
    #: The activity or function the finding is about, when it concerns one (canonical value).
    activity: str | None = None
    function: str | None = None
    hint: str | None = None
    #: The RACI letter whose holders the finding counts (too many A's, no R …), or None: a
    #: language-free detail for views; the JSON report leaves it out (its message says it).
    letter: str | None = None
    #: Why the team accepts this finding (a ``waive:`` entry), or None: not waived.
    waiver: str | None = None

    def __post_init__(self) -> None:
        if self.line is not None and self.line < 1:
            raise ValueError(f"line must be >= 1, got {self.line}")
        if self.column is not None and self.column < 1:
            raise ValueError(f"column must be >= 1, got {self.column}")

    @property
    def waived(self) -> bool:
        """The team accepts this finding (with :attr:`waiver` as the reason): it does not count."""
        return self.waiver is not None

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        # Sorting is stable: findings of one rule at one place keep the order the rule gave.
        return (self.file, self.line or 0, self.column or 0, self.code)

    def __lt__(self, other: Finding) -> bool:
        return self.sort_key < other.sort_key

    def to_dict(self) -> FindingDict:
        # Written out rather than dataclasses.asdict, which deep-copies and is slow at scale.
        return {
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "rule": self.rule,
            "task": self.task,
            "department": self.department,
            "activity": self.activity,
            "function": self.function,
            "hint": self.hint,
            "waived": self.waiver is not None,
            "reason": self.waiver,
        }
