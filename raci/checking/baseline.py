"""Baselines for gradual adoption: record today's findings, then report only new ones.

A baseline file is JSON listing findings by their *identity*: the rule code, the file, and
the task, department, activity and function the finding is about. Lines and messages are
not part of it, so editing the file above a finding (or a count changing in its message)
does not make it new. When one identity occurs several times, the baseline keeps the count
and absorbs at most that many.

The library never prints: :func:`load_baseline` raises :class:`raci.LoadError` for a file
that cannot be read or is not a baseline, located at line and column where JSON says.
"""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from raci.files import InputTooLargeError, os_reason, read_bounded
from raci.i18n import N_, gettext
from raci.model.errors import MAX_PROBLEMS, LoadError, Problem, bounded
from raci.report import portable_path

if TYPE_CHECKING:
    from raci.checking.checker import CheckResult
    from raci.model.findings import Finding

BASELINE_VERSION = 1
#: A baseline file bigger than this is refused rather than read into memory.
MAX_BASELINE_BYTES = 64 * 1024 * 1024

#: (code, file, task, department, activity, function); empty strings where a part is absent.
Identity = tuple[str, str, str, str, str, str]
_SCOPE = ("task", "department", "activity", "function")


def finding_identity(finding: Finding) -> Identity:
    """What a baseline matches a finding by: never its line, column or message."""
    return (
        finding.code,
        portable_path(finding.file),
        finding.task or "",
        finding.department or "",
        finding.activity or "",
        finding.function or "",
    )


@dataclass(frozen=True)
class Baseline:
    """How many findings of each identity are known and accepted for now."""

    counts: Mapping[Identity, int]
    #: A message per identity, kept in the file for the people who read it; never matched.
    messages: Mapping[Identity, str]

    @classmethod
    def from_results(cls, results: Iterable[CheckResult]) -> Baseline:
        counts: Counter[Identity] = Counter()
        messages: dict[Identity, str] = {}
        for result in results:
            for finding in result.findings:
                identity = finding_identity(finding)
                counts[identity] += 1
                messages.setdefault(identity, finding.message)
        return cls(dict(counts), messages)

    def __len__(self) -> int:
        return sum(self.counts.values())

    def to_json(self) -> str:
        entries = []
        for identity in sorted(self.counts):
            code, file, *scope = identity
            entry: dict[str, Any] = {"code": code, "file": file}
            entry.update({key: value for key, value in zip(_SCOPE, scope, strict=True) if value})
            entry["count"] = self.counts[identity]
            if identity in self.messages:
                entry["message"] = self.messages[identity]
            entries.append(entry)
        data = {"tool": "raci", "baseline_version": BASELINE_VERSION, "findings": entries}
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"

    def apply(self, results: Sequence[CheckResult]) -> Filtered:
        """Leave out the findings this baseline lists; count them per file.

        The principle scorecard of each result still reflects every finding: a baseline
        hides known findings from the gate, it does not make a principle honoured.
        """
        remaining = Counter(self.counts)
        kept_results: list[CheckResult] = []
        baselined: dict[str, int] = {}
        for result in results:
            kept: list[Finding] = []
            absorbed = 0
            for finding in result.findings:
                identity = finding_identity(finding)
                if remaining[identity] > 0:
                    remaining[identity] -= 1
                    absorbed += 1
                else:
                    kept.append(finding)
            baselined[result.source] = baselined.get(result.source, 0) + absorbed
            if absorbed:
                filtered = replace(result, findings=tuple(kept))
                # Keep the whole organisation's scorecard (a cached property) on the copy.
                filtered.__dict__["scorecard"] = result.scorecard
                kept_results.append(filtered)
            else:
                kept_results.append(result)
        return Filtered(tuple(kept_results), baselined)


@dataclass(frozen=True)
class Filtered:
    results: tuple[CheckResult, ...]
    #: Findings left out per file (the result's source name).
    baselined: Mapping[str, int]

    @property
    def total(self) -> int:
        return sum(self.baselined.values())


def baseline_text(results: Iterable[CheckResult]) -> str:
    """The baseline file recording every finding of ``results``."""
    return Baseline.from_results(results).to_json()


def load_baseline(path: str | os.PathLike[str]) -> Baseline:
    """Read a baseline file written by ``raci check --write-baseline``. Raises LoadError."""
    name = os.fspath(path)
    try:
        text = read_bounded(name, MAX_BASELINE_BYTES).decode("utf-8")
    except InputTooLargeError:
        raise _error(name, gettext("baseline file is too large")) from None
    except OSError as error:
        reason = os_reason(error)
        raise _error(name, gettext("cannot read baseline: %(reason)s") % {"reason": reason}) from None
    except UnicodeDecodeError:
        raise _error(name, gettext("baseline is not UTF-8 text")) from None
    return parse_baseline(text, name)


def parse_baseline(text: str, source: str = "<baseline>") -> Baseline:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        message = gettext("not a baseline: %(reason)s") % {"reason": error.msg}
        raise _error(source, message, error.lineno, error.colno) from None
    except (ValueError, RecursionError) as error:
        deep = isinstance(error, RecursionError)
        reason = gettext("nested too deeply") if deep else gettext("a value cannot be read")
        raise _error(source, gettext("not a baseline: %(reason)s") % {"reason": reason}) from None
    if not isinstance(data, dict) or not isinstance(data.get("findings"), list):
        raise _error(source, gettext("not a baseline: expected an object with a findings list"))
    version = data.get("baseline_version")
    if version != BASELINE_VERSION:
        words = {"version": repr(version), "expected": BASELINE_VERSION}
        message = gettext("unsupported baseline_version %(version)s; expected %(expected)d") % words
        raise _error(source, message)
    counts: Counter[Identity] = Counter()
    messages: dict[Identity, str] = {}
    bad: list[int] = []
    for index, entry in enumerate(data["findings"]):
        identity = _entry_identity(entry)
        count = entry.get("count", 1) if isinstance(entry, dict) else None
        if identity is None or not isinstance(count, int) or isinstance(count, bool) or count < 1:
            bad.append(index)
            continue
        counts[identity] += count
        message = entry.get("message")
        if isinstance(message, str):
            messages.setdefault(identity, message)
    if bad:
        raise LoadError(_entry_problems(text, source, bad))
    return Baseline(dict(counts), messages)


_BAD_ENTRY = N_(
    "a finding needs code and file (text), optional task, department, activity and "
    "function (text) and a positive whole count"
)


def _entry_problems(text: str, source: str, bad: list[int]) -> list[Problem]:
    """The first :data:`MAX_PROBLEMS` bad entries, in file order, each at its line and column
    (found by reading the findings list again up to the last one shown), then a count."""
    shown = bad[:MAX_PROBLEMS]
    places = _entry_places(text, shown[-1])
    problems = []
    for index in shown:
        line, column = places[index] if index < len(places) else (None, None)
        problems.append(Problem(source, line, column, gettext(_BAD_ENTRY), ("findings", index)))
    return bounded(problems, hidden=len(bad) - len(shown))


_FINDINGS_KEY = re.compile(r'"findings"\s*:\s*\[')
_BLANK = re.compile(r"[ \t\n\r]*")


def _entry_places(text: str, last: int) -> list[tuple[int, int]]:
    """(line, column) of entries 0..last of the top-level findings list; fewer (then none
    of them is trusted) when the text is not laid out as plainly as expected."""
    decoder = json.JSONDecoder()
    places: list[tuple[int, int]] = []
    for match in _FINDINGS_KEY.finditer(text):
        places.clear()
        at, line, line_start = match.end(), 1, 0
        counted = 0
        try:
            while len(places) <= last:
                at = _BLANK.match(text, at).end()  # type: ignore[union-attr]
                line += text.count("\n", counted, at)
                line_start = text.rfind("\n", 0, at) + 1
                counted = at
                places.append((line, at - line_start + 1))
                _, at = decoder.raw_decode(text, at)
                at = _BLANK.match(text, at).end()  # type: ignore[union-attr]
                if text[at : at + 1] != ",":
                    break
                at += 1
        except (json.JSONDecodeError, ValueError):
            continue
        if len(places) > last:
            return places
    return []


def _entry_identity(entry: object) -> Identity | None:
    if not isinstance(entry, dict):
        return None
    code, file = entry.get("code"), entry.get("file")
    if not isinstance(code, str) or not isinstance(file, str) or not code or not file:
        return None
    scope = [entry.get(key) or "" for key in _SCOPE]
    if not all(isinstance(value, str) for value in scope):
        return None
    return (code, portable_path(file), scope[0], scope[1], scope[2], scope[3])


def _error(source: str, message: str, line: int | None = None, column: int | None = None) -> LoadError:
    return LoadError([Problem(source, line, column, message)])
