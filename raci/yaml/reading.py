"""One way in: bytes or text -> plain data, its problems and a source map, within limits.

:func:`read` hides how: the size limit (in bytes), decoding, the fast reader for plain
files and the full parser for anything else, and where positions come from. The first two
levels of keys (departments, tasks) are always mapped, which is all findings need; deeper
positions are found only for the problems that are shown (:meth:`SourceMap.locate` reads
the text again for just those paths), so a file with errors costs about what a valid one
does, in time and in memory. The fast reader is swapped out, or off, here and nowhere else.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from raci.i18n import gettext as _
from raci.i18n import ngettext
from raci.model.errors import LoadError, Problem
from raci.yaml.fast_reader import fast_locate, fast_parse
from raci.yaml.source_map import Limits, Path, SourceMap, decode

DEFAULT_LIMITS = Limits()


@dataclass
class Document:
    """What :func:`read` gives: the data, where it came from, and the problems found while
    parsing that did not stop it (duplicate keys, aliases, tags). With problems, the data is
    usable for finding more of them but must not be trusted."""

    data: Any
    source_map: SourceMap
    problems: list[Problem]


def read(text: str | bytes, source: str, *, limits: Limits = DEFAULT_LIMITS) -> Document:
    """Parse one YAML document. Raises :class:`LoadError` for what stops parsing: size,
    encoding, syntax, depth, item count, several documents."""
    if isinstance(text, bytes):
        if len(text) > limits.max_bytes:
            raise LoadError([too_large(source, limits)])
        text = decode(text, source)
    elif _utf8_size_exceeds(text, limits.max_bytes):
        raise LoadError([too_large(source, limits)])
    fast = fast_parse(text, source, limits)
    if fast is not None:
        data, source_map = fast
        problems: list[Problem] = []
    else:
        # PyYAML loads only here and below: for a file the fast reader leaves to the full
        # parser, or for the positions of problems to show (start-up, docs/architecture.md).
        from raci.yaml.loader import parse_yaml

        parsed = parse_yaml(text, source, limits=limits, positions=False)
        data, source_map, problems = parsed.data, parsed.source_map, parsed.problems
    shallow = source_map

    def locate(paths: frozenset[Path]) -> SourceMap:
        found = SourceMap(source, complete=False)
        if fast is not None:
            # Plain text: the lines below each task say where; no second parse.
            found = fast_locate(text, shallow, paths)
            paths = frozenset(path for path in paths if path not in found.keys and path not in found.values)
        if paths:
            # The full parser knows every position; asked for a few paths, it keeps those.
            from raci.yaml.loader import parse_yaml

            more = parse_yaml(text, source, limits=limits, positions=paths).source_map
            found.keys.update(more.keys)
            found.values.update(more.values)
        return found

    source_map.locator = locate
    return Document(data, source_map, problems)


def _utf8_size_exceeds(text: str, limit: int) -> bool:
    # Every character is 1 to 4 bytes in UTF-8: count exactly only when it matters.
    if len(text) > limit:
        return True
    if len(text) * 4 <= limit:
        return False
    return len(text.encode("utf-8", "surrogatepass")) > limit


def too_large(source: str, limits: Limits) -> Problem:
    size = limits.max_bytes
    if size >= 1024 * 1024:
        limit = f"{size / (1024 * 1024):g} MiB"
    else:
        limit = ngettext("%(count)s byte", "%(count)s bytes", size) % {"count": f"{size:,}"}
    return Problem(source, None, None, _("file is larger than the limit of %(limit)s") % {"limit": limit})
