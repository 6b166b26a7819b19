"""A fast reader for the plain YAML that org files are usually written in.

Org files are mostly ``key: value`` lines, nested by indentation, with one-line flow
collections such as ``raci: {care: RA, pr: C}``. Reading those lines with string operations
is several times faster than PyYAML's event stream, which matters for files with tens of
thousands of tasks. Anything outside that plain subset (escapes, block sequences, anchors,
tags, multi-line scalars, duplicate keys, odd indentation…) makes this reader give up and
return ``None``; the full parser in :mod:`raci.yaml.loader` then reads the file, so the
result is always what the full parser would give. Tests compare the two on every example
and on generated text.

Only the positions findings need are kept (keys and values of the first two levels);
problems are always located by the full parser.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from raci.model.text_safety import UNSAFE_CHARACTERS
from raci.yaml.source_map import Limits, Path, SourceMap

# Org files nest four levels deep; anything deeper is the full parser's to bound and report.
_MAX_BLOCK_DEPTH = 8
_MAX_FLOW_DEPTH = 16
_NULLS = frozenset({"~", "null", "Null", "NULL"})
# Characters that give a plain scalar a special meaning when they come first.
_INDICATORS = frozenset("[]{},&*!|>'\"%@`#?:-")
# Characters this reader never accepts inside plain text (flow and block context alike).
_UNSAFE_PLAIN = re.compile(r"[\t\[\]{}]|: |:$|\s#|^\s|\s$")
_UNSAFE_FLOW_PLAIN = re.compile(r"[\t\[\]{},]|: |:$|\s#|^\s|\s$")
# Text made of word characters, dots, dashes, slashes and inner spaces is plain text in any
# context, so the common case needs one regular expression per line instead of one per scalar.
_WORDS = r"\w[\w.\-/ ]*"
_SAFE_WORDS = re.compile(_WORDS)
_SAFE_FLAT_MAPPING = re.compile(rf" *{_WORDS}: +{_WORDS}(?:, *{_WORDS}: +{_WORDS})* *")
_FLOW_TOKENS = re.compile(r"[{}\[\],]|[^{}\[\],]+")
_SIMPLE_SINGLE = re.compile(r"'[^'\t]*'")
_SIMPLE_DOUBLE = re.compile(r'"[^"\\\t]*"')


# YAML's white space is the space and the tab (the tab makes this reader give up): every
# strip here is ``strip(" ")``, since ``str.strip()`` also eats U+00A0 and other Unicode
# spaces that YAML keeps as text (found by tests/test_fuzz.py).


class _GiveUp(Exception):
    """The text is outside the subset this reader handles."""


def fast_parse(text: str, source: str, limits: Limits | None = None) -> tuple[Any, SourceMap] | None:
    """Parse plain org YAML; ``None`` means "use the full parser".

    Text past ``limits`` (nesting depth, item count) is left to the full parser too, which
    refuses it with the position where the limit was crossed.
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n")
        if "\r" in text:
            return None
    if "\t" in text or UNSAFE_CHARACTERS.search(text):
        return None  # the full parser explains tabs and refuses unsafe characters, located
    if "\u2028" in text or "\u2029" in text or "\ufeff" in text:
        # Line breaks to YAML but not to str.split("\n"), and a byte order mark YAML skips:
        # both found by tests/test_fuzz.py.
        return None
    try:
        return _read(text, SourceMap(source, complete=False), limits or Limits())
    except _GiveUp:
        return None


def _plain(text: str, flow: bool) -> str | None:
    if not text or text[0] in _INDICATORS or (_UNSAFE_FLOW_PLAIN if flow else _UNSAFE_PLAIN).search(text):
        raise _GiveUp
    return None if text in _NULLS else text


def _quoted(text: str) -> str:
    if (_SIMPLE_SINGLE if text[0] == "'" else _SIMPLE_DOUBLE).fullmatch(text) is None:
        raise _GiveUp
    return text[1:-1]


def _scalar(text: str, flow: bool) -> str | None:
    if text and text[0] in "'\"":
        return _quoted(text)
    return _plain(text, flow)


def _key(text: str) -> str:
    key = _plain(text, flow=True)
    if key is None or ":" in key or "#" in key:
        raise _GiveUp
    return key


def _flow(text: str) -> Any:
    """A one-line flow mapping or sequence of plain or simply quoted scalars, nested or not."""
    inner = text[1:-1]
    if "{" not in inner and "[" not in inner and "'" not in inner and '"' not in inner:
        return _flat_flow(text[0], inner)
    if text.count("{") + text.count("[") > _MAX_FLOW_DEPTH:
        raise _GiveUp  # deep nesting is the full parser's to bound and report
    tokens = [token for token in _FLOW_TOKENS.findall(text) if token.strip(" ")]
    value, end = _flow_tokens(tokens, 0)
    if end != len(tokens):
        raise _GiveUp
    return value


def _flat_flow(opener: str, inner: str) -> Any:
    mapping: dict[str, Any] = {}
    if opener == "{" and _SAFE_FLAT_MAPPING.fullmatch(inner):
        # The common case: every key and value is plain words, checked by one expression.
        for item in inner.split(","):
            key, _, value = item.partition(": ")
            key, value = key.strip(" "), value.strip(" ")
            if key in mapping or key in _NULLS:
                raise _GiveUp
            mapping[key] = None if value in _NULLS else value
        return mapping
    if opener == "{":
        if inner.strip(" "):
            for item in inner.split(","):
                key, colon, value = item.partition(": ")
                key = _key(key.strip(" "))
                if not colon or key in mapping:
                    raise _GiveUp
                mapping[key] = _scalar(value.strip(" "), flow=True)
        return mapping
    if not inner.strip(" "):
        return []
    return [_scalar(item.strip(" "), flow=True) for item in inner.split(",")]


def _flow_tokens(tokens: list[str], at: int) -> tuple[Any, int]:
    """Read one flow collection starting at tokens[at]; return it and the index after it."""
    opener = tokens[at]
    closer = "}" if opener == "{" else "]"
    items: list[Any] = []
    mapping: dict[str, Any] = {}
    at += 1
    if at < len(tokens) and tokens[at] == closer:
        return ({} if opener == "{" else []), at + 1
    while True:
        if at >= len(tokens):
            raise _GiveUp
        at = _flow_entry(tokens, at, mapping) if opener == "{" else _flow_item(tokens, at, items)
        if at >= len(tokens):
            raise _GiveUp
        if tokens[at] == closer:
            return (mapping if opener == "{" else items), at + 1
        if tokens[at] != ",":
            raise _GiveUp
        at += 1


def _flow_entry(tokens: list[str], at: int, mapping: dict[str, Any]) -> int:
    """One ``key: value`` of a flow mapping into ``mapping``; the index after it."""
    key, colon, rest = tokens[at].partition(":")
    key = _key(key.strip(" "))
    # A flow key needs a space after its colon: libyaml refuses `{care:[R]}`.
    if not colon or key in mapping or not rest or rest[0] != " ":
        raise _GiveUp
    rest = rest.strip(" ")
    if rest:
        mapping[key] = _scalar(rest, flow=True)
        return at + 1
    if at + 1 < len(tokens) and tokens[at + 1] in ("{", "["):
        mapping[key], after = _flow_tokens(tokens, at + 1)
        return after
    raise _GiveUp


def _flow_item(tokens: list[str], at: int, items: list[Any]) -> int:
    """One item of a flow sequence into ``items``; the index after it."""
    token = tokens[at]
    if token in ("{", "["):
        value, after = _flow_tokens(tokens, at)
        items.append(value)
        return after
    items.append(_scalar(token.strip(" "), flow=True))
    return at + 1


def _flow_size(value: Any) -> tuple[int, int]:
    """Items (keys and list entries) and nesting depth of a flow collection."""
    items, depth = len(value), 0
    for child in value.values() if isinstance(value, dict) else value:
        if isinstance(child, (dict, list)):
            child_items, child_depth = _flow_size(child)
            items, depth = items + child_items, max(depth, child_depth)
    return items, depth + 1


def _read(text: str, source_map: SourceMap, limits: Limits) -> tuple[Any, SourceMap]:
    return _BlockReader(source_map, limits).read(text), source_map


class _BlockReader:
    """Block mappings by indentation, one ``key: value`` line at a time."""

    def __init__(self, source_map: SourceMap, limits: Limits) -> None:
        self.limits = limits
        self.max_depth = min(_MAX_BLOCK_DEPTH, limits.max_depth)
        self.items_left = limits.max_items
        self.root: dict[str, Any] = {}
        self.keys, self.values = source_map.keys, source_map.values
        # Open block mappings: (indent of their keys, mapping, path).
        self.stack: list[tuple[int, dict[str, Any], tuple[str, ...]]] = []
        # A `key:` line with no value, waiting to learn whether a nested mapping follows.
        self.pending: tuple[int, dict[str, Any], str, tuple[str, ...]] | None = None

    def read(self, text: str) -> dict[str, Any]:
        lines = text.split("\n")
        number = 0
        while number < len(lines):
            line = lines[number]
            number += 1
            body = line.lstrip(" ")
            if body and body[0] != "#":
                first = number
                if _open_brackets(body) > 0:
                    line, number = _join_flow(lines, number, line)
                    body = line.lstrip(" ")
                self.line(first, line, body)
        if not self.stack:
            raise _GiveUp  # nothing but comments: let the full parser say what is wrong
        if self.items_left < 0:
            raise _GiveUp  # the full parser says where the limit was crossed
        return self.root

    def line(self, number: int, line: str, body: str) -> None:
        indent = len(line) - len(body)
        raw_key, colon, rest = body.partition(":")
        if not colon or (rest and rest[0] != " "):
            raise _GiveUp
        key = raw_key if _SAFE_WORDS.fullmatch(raw_key) and raw_key not in _NULLS else _key(raw_key)
        if key[-1] == " ":
            raise _GiveUp
        value_text = rest.strip(" ")
        if value_text and ("#" in value_text):
            value_text = _without_comment(value_text)
        if self.pending is not None:
            self.open_pending(number, indent)
        mapping, key_path = self.place(number, indent, key)
        if not value_text:
            mapping[key] = None
            self.pending = (indent, mapping, key, key_path)
            if len(key_path) <= 2:
                # Where the full parser places an empty value: just after the colon. A
                # nested mapping, if one follows, moves it to its first key.
                self.values[key_path] = (number, indent + len(raw_key) + 2)
            return
        mapping[key] = self.value(value_text, key_path)
        if len(key_path) <= 2:
            self.values[key_path] = (number, len(line) - len(rest.lstrip(" ")) + 1)

    def open_pending(self, number: int, indent: int) -> None:
        """The line after a ``key:`` line: deeper, it starts the key's mapping."""
        assert self.pending is not None
        pending_indent, parent, pending_key, pending_path = self.pending
        self.pending = None
        if indent > pending_indent:
            child: dict[str, Any] = {}
            parent[pending_key] = child
            self.stack.append((indent, child, pending_path))
            if len(self.stack) > self.max_depth:
                raise _GiveUp  # the full parser bounds depth and says so
            if len(pending_path) <= 2:
                self.values[pending_path] = (number, indent + 1)

    def place(self, number: int, indent: int, key: str) -> tuple[dict[str, Any], tuple[str, ...]]:
        """The mapping a key at ``indent`` belongs to, and the key's path."""
        stack = self.stack
        if not stack:
            if indent:
                raise _GiveUp
            stack.append((0, self.root, ()))
            self.values[()] = (number, 1)
        while indent < stack[-1][0]:
            stack.pop()
            if not stack:
                raise _GiveUp
        level, mapping, path = stack[-1]
        if indent != level or key in mapping:
            raise _GiveUp
        key_path = (*path, key)
        self.items_left -= 1
        if len(key_path) <= 2:
            self.keys[key_path] = (number, indent + 1)
        return mapping, key_path

    def value(self, value_text: str, key_path: tuple[str, ...]) -> Any:
        first = value_text[0]
        if first in "{[":
            if value_text[-1] != ("}" if first == "{" else "]"):
                raise _GiveUp
            value = _flow(value_text)
            flow_items, flow_depth = _flow_size(value)
            self.items_left -= flow_items
            if len(self.stack) + flow_depth > self.limits.max_depth:
                raise _GiveUp
            if len(key_path) == 1 and value:
                # The full parser would map positions inside it; rare enough to leave to it.
                raise _GiveUp
            return value
        if _SAFE_WORDS.fullmatch(value_text):
            return None if value_text in _NULLS else value_text
        return _scalar(value_text, flow=False)


def _open_brackets(text: str) -> int:
    """Flow collections opened on a line and not closed on it (0 when none are open)."""
    if "{" not in text and "[" not in text:
        return 0
    return text.count("{") + text.count("[") - text.count("}") - text.count("]")


def _join_flow(lines: list[str], after: int, line: str) -> tuple[str, int]:
    """A flow collection written over several lines, as one line (and the index after it).

    Line breaks between a flow collection's entries are spaces to YAML. Only breaks after
    ``,``, ``{`` or ``[``, or before ``}`` or ``]``, are joined, on lines indented deeper than
    the key's, with no comment and no blank line: a break inside a scalar (which YAML folds),
    or anything else, is the full parser's. The bracket count is only a guide: the joined
    line is read by the flow reader, which gives up on anything it does not know.
    """
    indent = len(line) - len(line.lstrip(" "))
    joined = line.rstrip(" ")
    open_count = _open_brackets(joined)
    while open_count > 0:
        if after >= len(lines):
            raise _GiveUp
        more = lines[after]
        body = more.strip(" ")
        after += 1
        if not body or "#" in body or len(more) - len(more.lstrip(" ")) <= indent:
            raise _GiveUp
        if joined[-1] not in ",{[" and body[0] not in "}]":
            raise _GiveUp
        joined = f"{joined} {body}"
        open_count = _open_brackets(joined)
    return joined, after


def _without_comment(text: str) -> str:
    """Cut a trailing ` # comment`; give up where a quote makes that ambiguous."""
    if "'" in text or '"' in text:
        raise _GiveUp
    cut = text.find(" #")
    if cut == -1:
        return text
    return text[:cut].rstrip(" ")


def fast_locate(text: str, source_map: SourceMap, wanted: frozenset[Path]) -> SourceMap:
    """Exact positions of ``wanted`` paths in text the fast reader read, found from the
    mapped position of their department or task by reading only the lines below it.

    What it cannot find (it should find all) is missing from the answer; the caller asks the
    full parser for that.
    """
    found = SourceMap(source_map.source, complete=False)
    by_line: dict[int, list[Path]] = {}
    for path in wanted:
        anchor = source_map.keys.get(path[:2]) if len(path) > 2 else None
        if anchor is not None:
            by_line.setdefault(anchor[0], []).append(path)
    if "\r" in text:
        text = text.replace("\r\n", "\n")
    offset, number = 0, 1
    for line in sorted(by_line):
        while number < line and offset >= 0:
            offset = text.find("\n", offset) + 1 or -1
            number += 1
        if offset < 0:
            break
        for path in by_line[line]:
            _locate_below(text, offset, line, path, found)
    return found


def _lines_from(text: str, offset: int, number: int) -> Iterator[tuple[int, int, str]]:
    """(line number, offset, text) of each line from ``offset`` on."""
    while offset < len(text):
        end = text.find("\n", offset)
        end = len(text) if end == -1 else end
        yield number, offset, text[offset:end]
        offset, number = end + 1, number + 1


def _locate_below(text: str, offset: int, number: int, path: Path, found: SourceMap) -> None:
    lines = _lines_from(text, offset, number)
    number, _, line = next(lines)
    parent_indent = len(line) - len(line.lstrip(" "))
    rest = path[2:]
    value_at = _value_start(line)
    while rest:
        if value_at is not None and line[value_at] in "{[":
            joined, spans = _flow_text(line, number, lines)
            _locate_in_flow(joined, value_at, spans, path, rest, found)
            return
        child_indent = None
        for line_number, _, line in lines:
            body = line.lstrip(" ")
            if not body or body[0] == "#":
                continue
            indent = len(line) - len(body)
            if indent <= parent_indent:
                return
            child_indent = child_indent or indent
            if indent == child_indent and body.partition(":")[0] == rest[0]:
                number = line_number
                break
        else:
            return
        done = path[: len(path) - len(rest) + 1]
        found.keys[done] = (number, indent + 1)
        value_at = _value_start(line)
        found.values[done] = (number, (value_at if value_at is not None else indent + len(rest[0]) + 1) + 1)
        parent_indent, rest = indent, rest[1:]


def _value_start(line: str) -> int | None:
    """Offset of the value of a ``key: value`` line, None when the value is on later lines."""
    _, colon, rest = line.partition(":")
    value = rest.lstrip(" ")
    if not colon or not value or value[0] == "#":
        return None
    return len(line) - len(value)


def _flow_text(
    line: str, number: int, lines: Iterator[tuple[int, int, str]]
) -> tuple[str, list[tuple[int, int, int]]]:
    """A flow collection the fast reader joined over several lines, joined the same way, with
    (offset in the joined text, line number, column of that text in its line) per line."""
    joined = line.rstrip(" ")
    spans = [(0, number, 0)]
    indent = len(line) - len(line.lstrip(" "))
    while _open_brackets(joined) > 0:
        following = next(lines, None)
        if following is None:
            break
        more_number, _, more = following
        body = more.strip(" ")
        more_indent = len(more) - len(more.lstrip(" "))
        if not body or "#" in body or more_indent <= indent:
            break
        spans.append((len(joined) + 1, more_number, more_indent))
        joined = f"{joined} {body}"
    return joined, spans


def _locate_in_flow(
    text: str, start: int, spans: list[tuple[int, int, int]], path: Path, rest: Path, found: SourceMap
) -> None:
    tokens = [(m.start(), m.group()) for m in _FLOW_TOKENS.finditer(text, start) if m.group().strip(" ")]
    result = _find_in_flow(tokens, 0, rest)
    if result is None:
        return

    def position(offset: int) -> tuple[int, int]:
        joined_at, number, column = next(span for span in reversed(spans) if span[0] <= offset)
        return number, column + offset - joined_at + 1

    key_column, value_column = result
    if key_column is not None:
        found.keys[path] = position(key_column)
    found.values[path] = position(value_column)


def _find_in_flow(tokens: list[tuple[int, str]], at: int, rest: Path) -> tuple[int | None, int] | None:
    """(key offset or None, value offset) of ``rest`` inside the collection opened at tokens[at]."""
    closer = "}" if tokens[at][1] == "{" else "]"
    is_map, index = closer == "}", 0
    at += 1
    while at < len(tokens) and tokens[at][1] != closer:
        start, token = tokens[at]
        name: str | int
        if is_map:
            key_text, _, after = token.partition(":")
            name, key_at = key_text.strip(" "), start + len(key_text) - len(key_text.lstrip(" "))
            if after.strip(" "):
                value_at, nested = start + len(token) - len(after.lstrip(" ")), False
            else:
                at += 1
                value_at, nested = tokens[at][0] if at < len(tokens) else start, True
        else:
            name, key_at, value_at, nested = (
                index,
                None,
                start + len(token) - len(token.lstrip(" ")),
                token in "{[",
            )
        if name == rest[0]:
            if len(rest) == 1:
                return key_at, value_at
            return _find_in_flow(tokens, at, rest[1:]) if nested else None
        at = _skip(tokens, at) if nested else at + 1
        index += 1
        if at < len(tokens) and tokens[at][1] == ",":
            at += 1
    return None


def _skip(tokens: list[tuple[int, str]], at: int) -> int:
    """The index after the collection opened at tokens[at]."""
    depth = 0
    while at < len(tokens):
        token = tokens[at][1]
        depth += token in "{[" and len(token) == 1
        depth -= token in "}]" and len(token) == 1
        at += 1
        if depth == 0:
            return at
    return at
