"""Severity levels of findings, ordered by rank: info < warning < error.

:class:`Severity` is a string enum: ``Severity.ERROR == "error"``, and ``f"{severity}"`` or
``str(severity)`` gives the word on every supported Python. Ordering goes by rank, never by
spelling, and a plain string that names a level compares by that level's rank too::

    finding.severity >= "warning"      # True for warnings and errors
    Severity.ERROR > Severity.WARNING   # True

Comparing with any other string (``Severity.ERROR < "fatal"``) or another type raises
:class:`TypeError`, as comparing unrelated values does in Python.
"""

from __future__ import annotations

import sys
from enum import Enum

from raci.i18n import N_

if sys.version_info >= (3, 11):
    from enum import StrEnum as _StrEnum
else:  # pragma: no cover - Python 3.10 has no StrEnum

    class _StrEnum(str, Enum):
        def __str__(self) -> str:
            return str(self.value)

        def __format__(self, spec: str) -> str:
            return format(str(self.value), spec)


class Severity(_StrEnum):
    """How serious a finding is; compares by rank (see the module notes)."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def label(self) -> str:
        """The word people read, in the current language ("error", "błąd"); machine formats
        keep :attr:`value`."""
        from raci.i18n import gettext

        return gettext(_LABELS[self.value])

    def counted(self, count: int) -> str:
        """``count`` findings of this severity as people read them: "3 errors", "1 warning",
        "2 info" (Polish: "3 błędy", "5 ostrzeżeń", "2 informacje")."""
        from raci.i18n import ngettext

        if self is Severity.ERROR:
            text = ngettext("%(count)d error", "%(count)d errors", count)
        elif self is Severity.WARNING:
            text = ngettext("%(count)d warning", "%(count)d warnings", count)
        else:
            text = ngettext("%(count)d info", "%(count)d info", count)
        return text % {"count": count}

    @property
    def rank(self) -> int:
        """0 for info, 1 for warning, 2 for error."""
        return _RANK[self.value]

    @classmethod
    def parse(cls, value: str | Severity) -> Severity:
        """``"Warning"`` or ``Severity.WARNING`` -> ``Severity.WARNING``; ``ValueError`` otherwise."""
        if isinstance(value, Severity):
            return value
        try:
            return cls(str(value).strip().lower())
        except ValueError:
            from raci.i18n import gettext

            allowed = ", ".join(level.value for level in cls)
            message = gettext("unknown severity %(value)s; use one of: %(allowed)s")
            raise ValueError(message % {"value": repr(value), "allowed": allowed}) from None

    def _other_rank(self, other: object) -> int:
        if isinstance(other, str):
            rank = _RANK.get(other.value if isinstance(other, Severity) else other)
            if rank is not None:
                return rank
        raise TypeError(f"cannot compare Severity with {other!r}: use 'info', 'warning' or 'error'")

    def __ge__(self, other: object) -> bool:
        return self.rank >= self._other_rank(other)

    def __gt__(self, other: object) -> bool:
        return self.rank > self._other_rank(other)

    def __le__(self, other: object) -> bool:
        return self.rank <= self._other_rank(other)

    def __lt__(self, other: object) -> bool:
        return self.rank < self._other_rank(other)

    # Equality and hashing stay those of the string, so Severity.ERROR == "error" and both
    # find the same dict entry.
    __eq__ = str.__eq__
    __hash__ = str.__hash__


_RANK = {"info": 0, "warning": 1, "error": 2}
#: The words of the levels, marked for the catalogs (read through :attr:`Severity.label`).
_LABELS = {"info": N_("info"), "warning": N_("warning"), "error": N_("error")}
