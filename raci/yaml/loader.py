"""YAML text -> plain data (dicts, lists, strings, None) plus a map of source positions.

We build the data ourselves from the parser's events instead of using PyYAML's constructor.
That one pass is also the safety pre-pass: aliases are refused before anything is expanded
(alias bombs), nesting depth is bounded without recursion, duplicate keys are errors
(PyYAML keeps the last one silently), explicit tags are refused (``!!int`` and friends
crash the constructor), and scalars stay the strings the user wrote (YAML 1.1 would turn
``no`` into False and ``012`` into 10). Numbers are parsed later by the model.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml
from yaml import events

from raci.i18n import N_
from raci.i18n import gettext as _
from raci.model.errors import MAX_PROBLEMS, LoadError, Problem
from raci.model.text_safety import UNSAFE_CHARACTERS, describe_character, excerpt

# Where things are, the limits and decoding live beside the fast reader, which needs no PyYAML;
# they are named here too, where callers of the full parser look for them.
from raci.yaml.source_map import Limits, Path, Position, SourceMap
from raci.yaml.source_map import decode as decode


class PythonParser(yaml.SafeLoader):
    """PyYAML's pure-Python parser, taught to read tabs where libyaml reads them.

    libyaml (and YAML itself) takes a tab as separation inside a line: ``key:<TAB>value``,
    ``{a:<TAB>b}``, ``text<TAB>more``. PyYAML's Python scanner refuses every tab, so the same
    file loaded or failed depending on whether PyYAML was built with libyaml. These two
    methods follow libyaml's rules; tabs in indentation stay an error in both.
    """

    def scan_to_next_token(self) -> None:
        if self.index == 0 and self.peek() == "\ufeff":
            self.forward()
        found = False
        while not found:
            # libyaml: tabs are skipped in flow context, and in block context where no
            # simple key may start (after a key's ':' or a value), never as indentation.
            while self.peek() == " " or (
                self.peek() == "\t" and (self.flow_level or not self.allow_simple_key)
            ):
                self.forward()
            if self.peek() == "#":
                while self.peek() not in "\0\r\n\x85\u2028\u2029":
                    self.forward()
            if self._line_break():
                if not self.flow_level:
                    self.allow_simple_key = True
            else:
                found = True

    def scan_plain_spaces(self, indent: int, start_mark: Any) -> Any:
        # PyYAML's method with blanks (space or tab) where it allows only spaces, and
        # libyaml's check that a tab never stands in a continuation line's indentation.
        chunks: list[str] = []
        length = 0
        while self.peek(length) in " \t":
            length += 1
        whitespaces = self.prefix(length)
        self.forward(length)
        if self.peek() not in _BREAK_CHARS:
            if whitespaces:
                chunks.append(whitespaces)
            return chunks
        line_break = self._line_break()
        self.allow_simple_key = True
        if self._document_marker():
            return None
        breaks = []
        while self.peek() in " \t" + _BREAK_CHARS:
            if self.peek() in " \t":
                if self.peek() == "\t" and self.column < indent:
                    raise yaml.scanner.ScannerError(
                        "while scanning a plain scalar",
                        start_mark,
                        "found a tab character that violates indentation",
                        self.get_mark(),
                    )
                self.forward()
            else:
                breaks.append(self._line_break())
                if self._document_marker():
                    return None
        if line_break != "\n":
            chunks.append(line_break)
        elif not breaks:
            chunks.append(" ")
        chunks.extend(breaks)
        return chunks

    def _line_break(self) -> str:
        found: str = self.scan_line_break()  # type: ignore[no-untyped-call]
        return found

    def _document_marker(self) -> bool:
        return self.prefix(3) in ("---", "...") and self.peek(3) in "\0 \t" + _BREAK_CHARS


_BREAK_CHARS = "\r\n\x85\u2028\u2029"

#: The parser the composer reads events from: libyaml's when PyYAML has it.
_Parser: Any = getattr(yaml, "CSafeLoader", PythonParser)
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_STR_TAGS = frozenset({None, "!", "tag:yaml.org,2002:str"})
_MAP_TAGS = frozenset({None, "tag:yaml.org,2002:map"})
_SEQ_TAGS = frozenset({None, "tag:yaml.org,2002:seq"})
# What YAML counts as a line break, so our positions agree with the parser's marks.
_LINE_BREAKS = re.compile("\r\n|\r|\n|\u2028|\u2029")


_DEFAULT_LIMITS = Limits()


@dataclass
class ParsedYaml:
    data: Any
    source_map: SourceMap
    #: Problems that did not stop parsing (duplicate keys, aliases, tags); the data is usable
    #: for finding more problems but must not be trusted.
    problems: list[Problem]


def parse_yaml(
    text: str, source: str, *, limits: Limits = _DEFAULT_LIMITS, positions: bool | frozenset[Path] = True
) -> ParsedYaml:
    """Parse one YAML document into plain data and its source map.

    Raises :class:`LoadError` for problems that stop parsing (syntax, depth, several
    documents); returns the others with the data.

    With ``positions=False`` only the first two levels of keys are mapped (enough to place
    findings on departments and tasks); with a set of paths, those too (and their siblings):
    what :meth:`SourceMap.locate` asks for when a problem deeper down must be shown.
    """
    _refuse_unsafe_characters(text, source)
    return _Composer(text, source, limits, positions).run()


def _position(mark: Any) -> Position:
    return (mark.line + 1, mark.column + 1)


def _refuse_unsafe_characters(text: str, source: str) -> None:
    problems = []
    line, line_start, scanned = 1, 0, 0
    for match in UNSAFE_CHARACTERS.finditer(text):
        # Count line breaks incrementally: rescanning from the start is quadratic.
        for found in _LINE_BREAKS.finditer(text, scanned, match.start()):
            line, line_start = line + 1, found.end()
        scanned = match.start()
        column = match.start() - line_start + 1
        problems.append(Problem(source, line, column, _not_allowed(match.group())))
        if len(problems) >= MAX_PROBLEMS:
            problems.append(_too_many(source, line, column))
            break
    if problems:
        raise LoadError(problems)


#: PyYAML's most common syntax messages, worded for the reader; others stay as PyYAML says them.
_YAML_PHRASES = frozenset(
    {
        N_("mapping values are not allowed in this context"),
        N_("mapping values are not allowed here"),
        N_("while parsing a block mapping"),
        N_("did not find expected key"),
        N_("while parsing a flow sequence"),
        N_("did not find expected ',' or ']'"),
        N_("while parsing a flow mapping"),
        N_("did not find expected ',' or '}'"),
        N_("while scanning a quoted scalar"),
        N_("found unexpected end of stream"),
        N_("while scanning for the next token"),
        N_("found character that cannot start any token"),
        N_("while parsing a block collection"),
        N_("did not find expected '-' indicator"),
        N_("while scanning a simple key"),
        N_("could not find expected ':'"),
        N_("while scanning a plain scalar"),
        N_("found a tab character that violates indentation"),
    }
)


def _yaml_words(part: str) -> str:
    return _(part) if part in _YAML_PHRASES else part


def _too_many(source: str, line: int, column: int) -> Problem:
    return Problem(
        source, line, column, _("stopping after %(count)d problems") % {"count": MAX_PROBLEMS}, note=True
    )


def _not_allowed(char: str) -> str:
    return _("%(char)s is not allowed") % {"char": describe_character(char)}


class _Frame:
    """A mapping or sequence being built, with the key waiting for its value."""

    __slots__ = ("container", "detached", "key", "key_mark", "lines", "path", "record")

    def __init__(
        self, container: dict[str, Any] | list[Any], path: Path, record: bool, detached: bool = False
    ) -> None:
        self.container = container
        self.path = path
        self.key: str | None = None
        self.key_mark: Any = None
        # Whether positions of this container's children are kept.
        self.record = record
        # Not part of the data: a key that is a mapping or list, the value of a refused or
        # duplicate key, or anything inside those. Parsed only to find the problems in it.
        self.detached = detached
        # Lines of the keys while the mapping is open, where positions are not kept: a
        # duplicate key names its first line.
        self.lines: dict[str, int] = {}


class _Composer:
    def __init__(self, text: str, source: str, limits: Limits, positions: bool | frozenset[Path]) -> None:
        self.text = text
        self.source = source
        self.limits = limits
        self.all_positions = positions is True
        # Containers whose children's positions are kept besides the first two levels.
        self.recorded: frozenset[Path] = (
            frozenset(path[:end] for path in positions for end in range(len(path)))
            if isinstance(positions, frozenset)
            else frozenset()
        )
        self.items = 0
        self.map = SourceMap(source, complete=self.all_positions)
        self.problems: list[Problem] = []
        self.stack: list[_Frame] = []

    def problem(self, mark: Any, message: str) -> None:
        line, column = _position(mark)
        self.problems.append(Problem(self.source, line, column, message))
        if len(self.problems) >= MAX_PROBLEMS:
            raise LoadError([*self.problems, _too_many(self.source, line, column)])

    def run(self) -> ParsedYaml:
        try:
            root = self._compose()
        except yaml.MarkedYAMLError as error:
            mark = error.problem_mark or error.context_mark
            text = " ".join(_yaml_words(part) for part in (error.context, error.problem) if part)
            self.problems.append(
                Problem(
                    self.source,
                    *(_position(mark) if mark else (1, 1)),
                    _("YAML syntax error: %(detail)s") % {"detail": text},
                )
            )
            root = None
        except yaml.YAMLError as error:
            self.problems.append(Problem(self.source, 1, 1, _("YAML error: %(detail)s") % {"detail": error}))
            root = None
        except UnicodeEncodeError as error:
            message = _("text cannot be encoded: %(reason)s") % {"reason": error.reason}
            self.problems.append(Problem(self.source, 1, 1, message))
            root = None
        if root is None and self.problems:
            raise LoadError(self.problems)
        # Text always has a position, even when empty: problems with the whole file go there.
        self.map.values.setdefault((), (1, 1))
        return ParsedYaml(root, self.map, self.problems)

    def _compose(self) -> Any:
        try:
            return self._compose_with(_Parser)
        except yaml.MarkedYAMLError as error:
            # libyaml 0.2.6 (PyYAML 6.0.4) scans a run of brackets ahead of its events and
            # stops at depth 1000, before our own bound can count them. Read such a text
            # again with the Python parser, which has no such limit, so our bound (and its
            # position) is the one the user sees whatever libyaml is installed.
            if _Parser is PythonParser or "nesting depth" not in str(error.problem):
                raise
            self.problems.clear()
            self.map = SourceMap(self.source, complete=self.all_positions)
            self.stack.clear()
            self.items = 0
            return self._compose_with(PythonParser)

    def _compose_with(self, parser_class: Any) -> Any:
        parser = parser_class(self.text)
        try:
            return self._walk(parser)
        finally:
            parser.dispose()

    def _walk(self, parser: Any) -> Any:
        get_event = parser.get_event
        self.root: Any = None
        self.documents = 0
        while True:
            event = get_event()
            kind = type(event)
            if kind is events.ScalarEvent:
                self._on_scalar(event)
            elif kind is events.MappingStartEvent or kind is events.SequenceStartEvent:
                self._on_start(event, kind is events.MappingStartEvent)
            elif kind is events.MappingEndEvent or kind is events.SequenceEndEvent:
                self.stack.pop()
            elif kind is events.AliasEvent:
                self._on_alias(event)
            elif kind is events.DocumentStartEvent:
                self._on_document(event)
            elif kind is events.StreamEndEvent:
                return self.root

    def _on_scalar(self, event: Any) -> None:
        if event.tag not in _STR_TAGS:
            self.problem(
                event.start_mark,
                _("YAML tag %(tag)s is not supported; write the plain value") % {"tag": event.tag},
            )
        # libyaml gives plain scalars the style '' where PyYAML's parser gives None.
        plain = not event.style and event.implicit[0]
        value = None if plain and event.value in _NULLS else event.value
        if event.style == '"' and value:
            value = self._check_escapes(value, event.start_mark)
        if self.stack:
            self._add(self.stack[-1], value, event)
        else:
            self.root = value
            self.map.values[()] = _position(event.start_mark)

    def _on_start(self, event: Any, is_map: bool) -> None:
        stack = self.stack
        if event.tag not in (_MAP_TAGS if is_map else _SEQ_TAGS):
            self.problem(event.start_mark, _("YAML tag %(tag)s is not supported") % {"tag": event.tag})
        if len(stack) >= self.limits.max_depth:
            self.problem(
                event.start_mark,
                _("nesting is deeper than %(depth)d levels") % {"depth": self.limits.max_depth},
            )
            raise LoadError(self.problems)
        container: dict[str, Any] | list[Any] = {} if is_map else []
        if stack:
            path = self._add(stack[-1], container, event)
            if path is None:
                stack.append(_Frame(container, (), record=False, detached=True))
                return
        else:
            self.root = container
            path = ()
            self.map.values[()] = _position(event.start_mark)
        record = self.all_positions or len(path) < 2 or path in self.recorded
        stack.append(_Frame(container, path, record))

    def _on_alias(self, event: Any) -> None:
        self.problem(
            event.start_mark,
            _("YAML aliases (*%(anchor)s) are not supported; write the value out in full")
            % {"anchor": event.anchor},
        )
        if self.stack:
            self._add(self.stack[-1], None, event)

    def _on_document(self, event: Any) -> None:
        self.documents += 1
        if self.documents > 1:
            self.problem(event.start_mark, _("only one YAML document is allowed per file (found '---')"))
            raise LoadError(self.problems)

    def _add(self, frame: _Frame, value: Any, event: Any) -> Path | None:
        """Put a node into the open container; return its path, or None when it is not kept."""
        container = frame.container
        if type(container) is list or frame.key_mark is None:
            self._count_item(event)
        if type(container) is list:
            path = (*frame.path, len(container))
            container.append(value)
            if frame.record:
                self.map.values[path] = _position(event.start_mark)
            return None if frame.detached else path
        assert isinstance(container, dict)
        if frame.key_mark is None:
            self._add_key(frame, value, event)
            return None
        key, key_mark = frame.key, frame.key_mark
        frame.key = frame.key_mark = None
        if key is None:
            return None  # the key was refused; its value goes with it
        path = (*frame.path, key)
        if key in container:
            first = self.map.keys.get(path)
            line = first[0] if first else frame.lines.get(key)
            if line:
                message = _("duplicate key %(key)s (first defined at line %(line)d)")
            else:
                message = _("duplicate key %(key)s")
            self.problem(key_mark, message % {"key": excerpt(key, 80), "line": line or 0})
            return None
        container[key] = value
        if frame.record:
            self.map.keys[path] = _position(key_mark)
            self.map.values[path] = _position(event.start_mark)
        else:
            frame.lines[key] = key_mark.line + 1
        return None if frame.detached else path

    def _add_key(self, frame: _Frame, value: Any, event: Any) -> None:
        """This node is a key: remember it for its value, or refuse it."""
        frame.key_mark = event.start_mark
        if isinstance(value, str) and type(event) is events.ScalarEvent:
            frame.key = value
            return
        frame.key = None
        # Inside a refused key every nested key would repeat the same problem.
        if not frame.detached:
            is_null = value is None and type(event) is events.ScalarEvent
            message = (
                _("a key must not be empty or null") if is_null else _("a key must be a plain text value")
            )
            self.problem(event.start_mark, message)

    def _count_item(self, event: Any) -> None:
        self.items += 1
        if self.items > self.limits.max_items:
            self.problem(
                event.start_mark,
                _("more than %(count)s items (keys and list items)")
                % {"count": f"{self.limits.max_items:,}"},
            )
            raise LoadError(self.problems)

    def _check_escapes(self, value: str, mark: Any) -> str:
        # Double-quoted scalars can smuggle control characters in as escapes ("\e", "\x00").
        match = UNSAFE_CHARACTERS.search(value)
        if match is None:
            return value
        self.problem(mark, _not_allowed(match.group()))
        # Reported once here; what goes on to validation must be safe to quote in messages.
        return UNSAFE_CHARACTERS.sub("\ufffd", value)
