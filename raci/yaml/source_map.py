"""Where things are in an org file, and the bounds and decoding every reader shares.

Paths and positions, the :class:`SourceMap` findings and problems are placed with, the
:class:`Limits` a reader enforces and :func:`decode`. No PyYAML here: a plain file read by
the fast reader never imports it (start-up counts every module; see docs/architecture.md).
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from raci.i18n import gettext as _
from raci.model.errors import LoadError, Problem
from raci.model.text_safety import printable

Path = tuple[str | int, ...]
Position = tuple[int, int]

_BYTE_LINE_BREAKS = re.compile(b"\r\n|\r|\n")


@dataclass(frozen=True)
class Limits:
    """Bounds on what a loader accepts, so hostile input is refused fast.

    ``max_bytes`` counts the bytes of the file (UTF-8 for text given as ``str``);
    ``max_depth`` the mappings and lists nested in one another; ``max_items`` the keys and
    list items of the whole document. Each must be at least 1 (``ValueError`` otherwise).
    """

    #: About 30 MiB of memory per MiB of org file (docs/reliability.md): 32 MiB keeps the
    #: worst case measured near 1 GB, half of the 2 GB a small worker has.
    max_bytes: int = 32 * 1024 * 1024
    max_depth: int = 64
    max_items: int = 4_000_000

    def __post_init__(self) -> None:
        for name in ("max_bytes", "max_depth", "max_items"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ValueError(f"Limits.{name} must be a whole number of at least 1, got {value!r}")


@dataclass
class SourceMap:
    """Where each key and value of the data came from (1-based line, column).

    Lookups fall back to the nearest enclosing path that has a position, so a problem deep
    inside a value still points somewhere useful.
    """

    source: str
    keys: dict[Path, Position] = field(default_factory=dict)
    values: dict[Path, Position] = field(default_factory=dict)
    complete: bool = True
    #: Finds the exact positions of the paths asked for (by reading the text again); set
    #: while the text is at hand, so positions deeper than the second level cost memory only
    #: for the few problems that are shown.
    locator: Callable[[frozenset[Path]], SourceMap] | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Findings and problems take their file name from here: keep it printable.
        self.source = printable(self.source)

    def locate(self, paths: Iterable[Path]) -> None:
        """Make :meth:`key` and :meth:`value` exact for ``paths`` (one more reading at most)."""
        if self.complete or self.locator is None:
            return
        wanted = frozenset(paths)
        if not wanted:
            return
        found = self.locator(wanted)
        self.keys.update(found.keys)
        self.values.update(found.values)

    def release(self) -> None:
        """Drop the text: the positions kept so far are all this map will know."""
        self.locator = None

    def key(self, path: Path) -> Position | None:
        return self._nearest(path, prefer_key=True)

    def value(self, path: Path) -> Position | None:
        return self._nearest(path, prefer_key=False)

    def _nearest(self, path: Path, prefer_key: bool) -> Position | None:
        first, second = (self.keys, self.values) if prefer_key else (self.values, self.keys)
        while True:
            found = first.get(path) or second.get(path)
            if found or not path:
                return found
            path = path[:-1]


def decode(data: bytes, source: str) -> str:
    """Bytes -> text: UTF-8 (BOM optional), or UTF-16/32 with a BOM; anything else is located."""
    if data.startswith(codecs.BOM_UTF8):
        # Handled by the UTF-8 path below so that a bad byte is still located.
        data = data[len(codecs.BOM_UTF8) :]
    else:
        for bom, codec in (
            (codecs.BOM_UTF32_LE, "utf-32"),
            (codecs.BOM_UTF32_BE, "utf-32"),
            (codecs.BOM_UTF16_LE, "utf-16"),
            (codecs.BOM_UTF16_BE, "utf-16"),
        ):
            if data.startswith(bom):
                try:
                    return data.decode(codec)
                except UnicodeDecodeError as error:
                    raise LoadError(
                        [
                            Problem(
                                source,
                                1,
                                1,
                                _("not valid %(codec)s: %(reason)s")
                                % {"codec": codec.upper(), "reason": error.reason},
                            )
                        ]
                    ) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        breaks = list(_BYTE_LINE_BREAKS.finditer(data, 0, error.start))
        line_start = breaks[-1].end() if breaks else 0
        line = len(breaks) + 1
        column = len(data[line_start : error.start].decode("utf-8", errors="replace")) + 1
        byte = data[error.start]
        message = _("not valid UTF-8 (byte %(byte)s); save the file as UTF-8") % {"byte": f"0x{byte:02X}"}
        raise LoadError([Problem(source, line, column, message)]) from None
