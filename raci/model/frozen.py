"""A read-only dict for the mappings inside frozen models (a task's letters, the sections).

It is a ``dict`` subclass, so pydantic, ``json`` and ``isinstance(x, dict)`` treat it as a
dict, and every read costs what a dict read costs; only the methods that change it refuse.
``dict(frozen)`` gives a mutable copy.
"""

from __future__ import annotations

from typing import Any, NoReturn, TypeVar

K = TypeVar("K")
V = TypeVar("V")


class FrozenDict(dict[K, V]):
    """A dict that cannot be changed after it is made; hashable when its values are."""

    __slots__ = ()

    def _read_only(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise TypeError(
            "this mapping is read-only: organisations are immutable; use the edit methods "
            "(org.assign, org.add_task, ...) which return a new organisation"
        )

    __setitem__ = _read_only
    __delitem__ = _read_only
    __ior__ = _read_only
    clear = _read_only
    pop = _read_only
    popitem = _read_only
    setdefault = _read_only
    update = _read_only

    def __hash__(self) -> int:  # type: ignore[override]
        return hash(frozenset(self.items()))

    def __reduce__(self) -> tuple[Any, ...]:
        # dict's own pickling fills the new object item by item, which a read-only dict refuses.
        return (type(self), (dict(self),))

    def __repr__(self) -> str:
        return dict.__repr__(self)

    def copy(self) -> dict[K, V]:
        """A mutable copy, as ``dict.copy`` gives."""
        return dict(self)


def freeze(value: dict[K, V]) -> FrozenDict[K, V]:
    """``value`` as a :class:`FrozenDict` (itself when it already is one)."""
    return value if isinstance(value, FrozenDict) else FrozenDict(value)
