"""The one error type the library raises for bad input, and the located problems it carries."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


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

    def __post_init__(self) -> None:
        # A zero or negative position would send editors and SARIF viewers to nowhere.
        if self.line is not None and self.line < 1:
            raise ValueError(f"line must be >= 1, got {self.line}")
        if self.column is not None and self.column < 1:
            raise ValueError(f"column must be >= 1, got {self.column}")

    def __str__(self) -> str:
        if self.line is None:
            where = ".".join(str(part) for part in self.path)
            return f"{self.source}: {where + ': ' if where else ''}{self.message}"
        return f"{self.source}:{self.line}:{self.column or 1}: {self.message}"


class LoadError(Exception):
    """Raised when an organisation cannot be loaded or validated.

    ``problems`` holds every problem found, sorted by position; ``str()`` gives one line per
    problem in the ``file:line:column: message`` form.
    """

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(sorted(set(problems), key=_problem_order))
        if not self.problems:
            raise ValueError("LoadError needs at least one problem")
        super().__init__("\n".join(str(problem) for problem in self.problems))


def _problem_order(problem: Problem) -> tuple[str, int, int, str]:
    return (problem.source, problem.line or 0, problem.column or 0, problem.message)
