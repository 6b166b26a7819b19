"""The errors the library raises, all under :class:`Error`, and the located problems they carry.

Every error pickles with what it carries, so a worker process of a
:class:`concurrent.futures.ProcessPoolExecutor` can hand one back to its parent::

    Error                 anything raci refuses or cannot do
    ├── LoadError         input that cannot be loaded or validated (``problems``)
    │   ├── ConfigError   a rules configuration that names unknown rules or bad values
    │   └── SheetError    a spreadsheet that cannot be imported (problems name cells)
    ├── RenderError       a diagram that cannot be drawn (no Graphviz, a time limit)
    └── ScenarioError     a what-if step naming what the organisation does not have
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from raci.i18n import ngettext
from raci.model.text_safety import escape, printable, shorten

if TYPE_CHECKING:
    from raci.types import ProblemDict


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the input, located where the user can fix it.

    ``line`` and ``column`` are 1-based; they are ``None`` when the input had no text
    positions (an organisation built from dicts), in which case ``path`` still says where.
    """

    source: str
    line: int | None
    column: int | None
    message: str
    path: tuple[str | int, ...] = ()
    #: The "stopping after 50 problems" note: sorted after the problem whose place it shares.
    note: bool = field(default=False, compare=False)

    def __post_init__(self) -> None:
        # The source is shown in every report: a file name with a control character or a
        # lone surrogate in it must not reach a terminal raw or break an encoder.
        object.__setattr__(self, "source", printable(self.source))
        # Messages quote input only through short excerpts; this is the last lock, so that
        # no report (JSON and SARIF included) ever carries a raw control character.
        object.__setattr__(self, "message", printable(self.message))
        # A zero or negative position would send editors and SARIF viewers to nowhere.
        if self.line is not None and self.line < 1:
            raise ValueError(f"line must be >= 1, got {self.line}")
        if self.column is not None and self.column < 1:
            raise ValueError(f"column must be >= 1, got {self.column}")

    def to_dict(self) -> ProblemDict:
        """The problem as JSON-ready data; ``path`` kept, for problems in data without lines."""
        return {
            "file": self.source,
            "line": self.line,
            "column": self.column,
            "message": self.message,
            "path": list(self.path),
        }

    def __str__(self) -> str:
        # One line per problem, whatever the file name or the keys of dict input hold.
        source = escape(self.source)
        if self.line is None:
            where = ".".join(shorten(part, 60) for part in self.path)
            return f"{source}: {where + ': ' if where else ''}{escape(self.message)}"
        return f"{source}:{self.line}:{self.column or 1}: {escape(self.message)}"


#: Problems past this many are cut off: nobody reads the 51st, and 100,000 would flood a log.
MAX_PROBLEMS = 50


def bounded(problems: Iterable[Problem], hidden: int = 0) -> list[Problem]:
    """The first :data:`MAX_PROBLEMS` problems by position, and a note when there were more
    (``hidden``: problems found but never placed, which come after these)."""
    ordered = sorted(set(problems), key=_problem_order)
    if len(ordered) + hidden <= MAX_PROBLEMS:
        return ordered
    last = ordered[min(MAX_PROBLEMS, len(ordered)) - 1]
    more = len(ordered) + hidden - MAX_PROBLEMS
    note = ngettext(
        "stopping after %(count)d problems (%(more)d more not shown)",
        "stopping after %(count)d problems (%(more)d more not shown)",
        more,
    ) % {"count": MAX_PROBLEMS, "more": more}
    return [*ordered[:MAX_PROBLEMS], Problem(last.source, last.line, last.column, note, last.path, note=True)]


class Error(Exception):
    """The base of every error raci raises on purpose; catch it to catch them all."""


class LoadError(Error):
    """Raised when an organisation cannot be loaded or validated.

    ``problems`` holds every problem found, sorted by position; ``str()`` gives one line per
    problem in the ``file:line:column: message`` form.
    """

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(sorted(set(problems), key=_problem_order))
        if not self.problems:
            raise ValueError(f"{type(self).__name__} needs at least one problem")
        super().__init__("\n".join(str(problem) for problem in self.problems))

    def __reduce__(self) -> tuple[type[LoadError], tuple[tuple[Problem, ...]]]:
        # Exception pickling replays ``args`` (the message); rebuild from the problems instead.
        return (type(self), (self.problems,))


class ConfigError(LoadError):
    """A rules configuration (:class:`raci.Config` or a ``rules:`` file) that cannot be used."""


class SheetError(LoadError):
    """A spreadsheet (CSV or XLSX) that cannot be imported; problems name the cells."""


class RenderError(Error):
    """A diagram could not be drawn. ``str()`` is one line for the user."""


class ScenarioError(Error, ValueError):
    """A what-if step names a department or task the organisation does not have."""


def _problem_order(problem: Problem) -> tuple[str, int, int, bool, str]:
    # The "stopping after" note shares the last problem's place and comes after it.
    return (problem.source, problem.line or 0, problem.column or 0, problem.note, problem.message)
