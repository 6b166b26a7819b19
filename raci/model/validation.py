"""Plain data + source map -> a validated :class:`Organization`, or every problem located.

pydantic reports errors by path; we turn each path into the file position the user must
edit, word the message for a person, and add the checks pydantic cannot place: references
to unknown departments and unknown rule codes or options.
"""

from __future__ import annotations

import heapq
import unicodedata
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ValidationError

from raci.i18n import N_
from raci.i18n import gettext as _
from raci.model.effort import split_problems
from raci.model.errors import MAX_PROBLEMS, LoadError, Problem, bounded
from raci.model.lookalike import id_key
from raci.model.organization import _DUPLICATE_ID, Department, Organization, RulesConfig, Task
from raci.model.text_safety import excerpt, shorten
from raci.model.vocabulary import apply_letter_map
from raci.yaml.source_map import Path, SourceMap

if TYPE_CHECKING:
    from raci.checking.config import Config
    from raci.model.suggestions import SuggestionIndex

_KEY_MARKER = "[key]"


@dataclass(frozen=True)
class _Pending:
    """A problem found but not yet shown: placed and worded only if it is among the first
    :data:`MAX_PROBLEMS`, so 200,000 of them cost no did-you-mean and no position lookup."""

    path: Path
    on_key: bool
    message: str = ""
    #: pydantic's error, worded when shown.
    item: Any = None
    #: (word, choices) for a did-you-mean, searched when shown.
    hint: tuple[str, Collection[str]] | None = None
    #: The other place the message is about (the first of two duplicates), named when shown.
    also: Path | None = None

    def text(self, indexes: dict[int, SuggestionIndex], source_map: SourceMap) -> str:
        message = self.message or (_message(self.item, self.path) if self.item else _unknown(self.path))
        if self.also is not None:
            place = source_map.key(self.also)
            if place is not None:
                message += _(" (the first at line %(line)d, column %(column)d)") % {
                    "line": place[0],
                    "column": place[1],
                }
        if self.hint is not None:
            # Imported here: a valid file never needs a did-you-mean (start-up).
            from raci.model.suggestions import closest

            word, choices = self.hint
            close = closest(word, choices, indexes)
            if close is not None:
                message += _("; did you mean %(word)s?") % {"word": excerpt(close)}
        return message


def build_organization(
    data: Any,
    source_map: SourceMap,
    earlier: Sequence[Problem] = (),
    *,
    letter_map: Mapping[str, str] | None = None,
) -> Organization:
    """Validate data; ``earlier`` problems (from parsing) are reported with any found here.

    ``letter_map`` reads another RACI variant's letters (``{"D": "A"}``; ``""`` drops one)
    before validation; the caller's data is not changed.

    Only :class:`LoadError` leaves: data from callers (``Organization.from_data``) may hold
    any Python object, and an exception its methods raise during validation is a problem
    with that data, placed at its root, never a crash of the caller.
    """
    try:
        if letter_map:
            data = _with_letters_mapped(data, letter_map)
        return _build_organization(data, source_map, earlier)
    except LoadError:
        raise
    except Exception as error:  # RecursionError, MemoryError, a str subclass that raises…
        message = _("the data cannot be validated (%(error)s: %(detail)s)") % {
            "error": type(error).__name__,
            "detail": shorten(_text_of(error), 80),
        }
        raise LoadError([*earlier, _problem(source_map, (), message)]) from None


def plain_data(data: Any, source_map: SourceMap) -> Any:
    """Caller data with every mapping a plain dict, so that each check sees all of it.

    A ``MappingProxyType`` or any other Mapping becomes a dict (its keys kept as they are,
    ``"care "`` included, for the duplicate check); models (a :class:`Task`) stay models,
    valid by construction. Raises :class:`LoadError` for data nested past reason.
    """
    try:
        return _plain(data)
    except RecursionError:
        raise LoadError([_problem(source_map, (), _("the data is nested too deeply"))]) from None


def _plain(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return value
    if isinstance(value, Mapping):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


def _with_letters_mapped(data: Any, letter_map: Mapping[str, str]) -> Any:
    """A copy of the data whose raci letters are read through ``letter_map`` (paths unchanged)."""
    tasks = data.get("tasks") if isinstance(data, dict) else None
    if not isinstance(tasks, dict):
        return data

    def mapped(value: Any) -> Any:
        if isinstance(value, str):
            return apply_letter_map(value, letter_map)
        if isinstance(value, list):
            return [apply_letter_map(v, letter_map) if isinstance(v, str) else v for v in value]
        return value

    def dropped(before: Any, after: Any) -> bool:
        # A letter mapped to none ("X=-") leaves the department off the task, not an error.
        text = "".join(after) if isinstance(after, list) and all(isinstance(v, str) for v in after) else after
        return before != after and isinstance(text, str) and not text.strip(" ,/+&;|")

    new_tasks = {}
    for task_id, task in tasks.items():
        raci = task.get("raci") if isinstance(task, dict) else None
        if isinstance(raci, dict):
            letters = {dept: mapped(value) for dept, value in raci.items()}
            kept = {dept: value for dept, value in letters.items() if not dropped(raci[dept], value)}
            task = {**task, "raci": kept}
        new_tasks[task_id] = task
    return {**data, "tasks": new_tasks}


def _text_of(error: BaseException) -> str:
    try:
        return str(error)
    except Exception:
        return _("no description")


def _build_organization(data: Any, source_map: SourceMap, earlier: Sequence[Problem]) -> Organization:
    if not isinstance(data, dict):
        message = _("expected a mapping with 'organization', 'departments' and 'tasks', found %(found)s") % {
            "found": _kind(data)
        }
        raise LoadError([*earlier, _problem(source_map, (), message)])
    pending: list[_Pending] = []
    org: Organization | None = None
    try:
        org = Organization._validate_shape(data)
    except ValidationError as error:
        pending.extend(_translate(error, data))
    # Checked on the raw data too, so that one bad field does not hide these problems.
    pending.extend(_unknown_references(data))
    pending.extend(_ids_equal_once_trimmed(data))
    pending.extend(_rules_problems(data.get("rules")))
    pending.extend(_waiver_problems(data))
    if org is not None and not pending and not earlier:
        pending.extend(_effort_split_problems(data, org))
    if pending or earlier or org is None:
        raise LoadError(_shown(pending, earlier, data, source_map))
    org._source_map = source_map
    return org


def _shown(
    pending: Sequence[_Pending], earlier: Sequence[Problem], data: Any, source_map: SourceMap
) -> list[Problem]:
    """The first problems in file order, each placed exactly and worded, and a note of how
    many more there were: the cost follows what is shown, not how many were found."""
    order = _DocumentOrder(data, source_map)
    first = heapq.nsmallest(MAX_PROBLEMS, pending, key=order.key)
    source_map.locate([item.path for item in first] + [item.also for item in first if item.also])
    indexes: dict[int, SuggestionIndex] = {}
    problems = [
        *earlier,
        *(
            _problem(source_map, item.path, item.text(indexes, source_map), on_key=item.on_key)
            for item in first
        ),
    ]
    return bounded(problems, hidden=len(pending) - len(first))


class _DocumentOrder:
    """Sorts problems in file order without knowing their exact positions: by the place of
    their department or task (always mapped), then by their index in each container below."""

    def __init__(self, data: Any, source_map: SourceMap) -> None:
        self.data = data
        self.source_map = source_map
        self.indexes: dict[int, dict[Any, int]] = {}

    def key(self, item: _Pending) -> tuple[tuple[int, int], tuple[int, ...], int]:
        path = item.path
        place = self.source_map.keys.get(path[:2]) or self.source_map.key(path[:2]) or (0, 0)
        chain: list[int] = []
        if len(path) > 2:
            node = self._child(self._child(self.data, path[0]), path[1])
            for part in path[2:]:
                index = self._index(node, part)
                if index is None:
                    break
                chain.append(index)
                node = node[part]
        return place, tuple(chain), 0 if item.on_key else 1

    @staticmethod
    def _child(node: Any, part: str | int) -> Any:
        return node[part] if _has_child(node, part) else None

    def _index(self, node: Any, part: str | int) -> int | None:
        if isinstance(node, list):
            return part if isinstance(part, int) and 0 <= part < len(node) else None
        if not isinstance(node, dict):
            return None
        indexes = self.indexes.get(id(node))
        if indexes is None:
            indexes = self.indexes[id(node)] = {key: at for at, key in enumerate(node)}
        return indexes.get(part)


def build_config(data: Any, source_map: SourceMap, earlier: Sequence[Problem] = ()) -> Config:
    """Validate a separate rules configuration file: ``{rules: {select: …, ignore: …}}``."""
    from raci.checking.config import Config

    if not isinstance(data, dict) or set(data) != {"rules"}:
        raise LoadError([*earlier, _problem(source_map, (), _("expected a mapping with one key, 'rules'"))])
    pending: list[_Pending] = []
    section = None
    try:
        section = RulesConfig.model_validate(data["rules"])
    except ValidationError as error:
        pending.extend(_translate(error, data, prefix=("rules",)))
    pending.extend(_rules_problems(data["rules"]))
    if pending or earlier or section is None:
        raise LoadError(_shown(pending, earlier, data, source_map))
    return Config.from_rules_section(section)


def _unknown_references(data: dict[str, Any]) -> Iterator[_Pending]:
    # No departments section declares none: every department a task names is unknown.
    departments = data.get("departments", {})
    tasks = data.get("tasks")
    if not isinstance(departments, dict) or not isinstance(tasks, dict):
        return
    lookalikes: dict[str, str] = {}  # built at the first unknown reference
    for task_id, task in tasks.items():
        if isinstance(task, Task):  # a model in caller data: valid itself, its references not
            task = {"raci": task.raci, "effort_split": task.effort_split}
        if not isinstance(task, dict):
            continue
        for section in ("raci", "effort_split"):
            names = task.get(section)
            if not isinstance(names, dict):
                continue
            for department_id in names:
                if isinstance(department_id, str) and department_id.strip() not in departments:
                    path = ("tasks", task_id, section, department_id)
                    meant = _looks_like(department_id, departments, lookalikes)
                    if meant is not None:
                        message = _(
                            "task %(task)s names department %(department)s, which only looks like "
                            "%(meant)s (other characters); write it as %(meant)s"
                        ) % {
                            "task": excerpt(task_id),
                            "department": excerpt(department_id),
                            "meant": excerpt(meant),
                        }
                        yield _Pending(path, True, message)
                    else:
                        yield _Pending(path, True, hint=(department_id, departments))


def _looks_like(word: str, departments: dict[Any, Any], lookalikes: dict[str, str]) -> str | None:
    """The department ``word`` is a look-alike of (another script, another normal form).
    ``lookalikes`` (key -> department id) is filled at the first call of a load."""
    if not lookalikes:
        lookalikes.update((id_key(str(name)), str(name)) for name in departments)
    return lookalikes.get(id_key(word))


def _effort_split_problems(data: dict[str, Any], org: Organization) -> Iterator[_Pending]:
    """Splits that name a department not doing the task, or that do not add up."""
    departments = list(org.departments)
    for raw_id, raw_task in (data.get("tasks") or {}).items():
        task = org.tasks.get(str(raw_id).strip())
        split = raw_task.get("effort_split") if isinstance(raw_task, dict) else None
        if task is None or not isinstance(split, dict):
            continue
        raw_keys = {str(key).strip(): key for key in split}
        for department_id, message in split_problems(task, departments):
            path: Path = ("tasks", raw_id, "effort_split")
            if department_id is not None:
                path = (*path, raw_keys.get(department_id, department_id))
            text = _("task %(task)s: %(problem)s") % {"task": excerpt(raw_id), "problem": message}
            yield _Pending(path, True, text)


def _unknown(path: Path) -> str:
    if path[2] == "effort_split":
        message = _("task %(task)s splits its effort with unknown department %(department)s")
    else:
        message = _("task %(task)s names unknown department %(department)s")
    return message % {"task": excerpt(path[1]), "department": excerpt(path[3])}


def _waiver_problems(data: dict[str, Any]) -> Iterator[_Pending]:
    """A waiver names a rule by its code; an unknown one would silently waive nothing."""
    from raci.rules import ORGANISATION_WIDE, RULES_BY_CODE, UNWAIVABLE

    for section in ("tasks", "departments"):
        entries = data.get(section)
        if not isinstance(entries, dict):
            continue
        for entry_id, entry in entries.items():
            waive = entry.get("waive") if isinstance(entry, dict) else None
            if not isinstance(waive, dict):
                continue
            for code in waive:
                if not isinstance(code, str):
                    continue
                wanted = code.strip().upper()
                values = {"code": wanted, "id": excerpt(entry_id), "rule": excerpt(code)}
                path: Path = (section, entry_id, "waive", code)
                if wanted in UNWAIVABLE:
                    values["reason"] = _(UNWAIVABLE[wanted])
                    yield _Pending(path, True, _(_WAIVER_MESSAGES[section, "unwaivable"]) % values)
                elif wanted in ORGANISATION_WIDE:
                    yield _Pending(path, True, _(_WAIVER_MESSAGES[section, "organisation"]) % values)
                elif wanted not in RULES_BY_CODE:
                    message = _(_WAIVER_MESSAGES[section, "unknown"]) % values
                    yield _Pending(path, True, message, hint=(wanted, tuple(RULES_BY_CODE)))


# The reason raci.rules.UNWAIVABLE gives, marked here for the catalog.
N_("it reports waivers themselves; remove the unused waiver instead")

#: Waiver problems, one whole sentence each for tasks and for departments.
_WAIVER_MESSAGES = {
    ("tasks", "unwaivable"): N_("%(code)s cannot be waived in task %(id)s: %(reason)s"),
    ("departments", "unwaivable"): N_("%(code)s cannot be waived in department %(id)s: %(reason)s"),
    ("tasks", "organisation"): N_(
        "%(code)s cannot be waived in task %(id)s: its findings are about the whole organisation, "
        "not one task; to accept them, add it to rules: ignore: [%(code)s]"
    ),
    ("departments", "organisation"): N_(
        "%(code)s cannot be waived in department %(id)s: its findings are about the whole "
        "organisation, not one department; to accept them, add it to rules: ignore: [%(code)s]"
    ),
    ("tasks", "unknown"): N_("waiver in task %(id)s names unknown rule %(rule)s"),
    ("departments", "unknown"): N_("waiver in department %(id)s names unknown rule %(rule)s"),
}


def _ids_equal_once_trimmed(data: dict[str, Any]) -> Iterator[_Pending]:
    """Two ids that a reader cannot tell apart are one id written twice: refuse the second,
    naming the first. Ids are compared by :func:`id_key`: trimmed of spaces, NFKC-normalised
    and folded to a confusable skeleton (``care`` and ``c\u0430re`` with a Cyrillic ``\u0430``)."""
    departments = data.get("departments")
    tasks = data.get("tasks")
    sections: list[tuple[Path, Any]] = [(("departments",), departments), (("tasks",), tasks)]
    if isinstance(tasks, dict):
        known = departments if isinstance(departments, dict) else {}
        for key, task in tasks.items():
            if isinstance(task, dict):
                for part in ("raci", "effort_split"):
                    names = task.get(part)
                    # Exact department ids differ from each other already (checked above).
                    if isinstance(names, dict) and any(name not in known for name in names):
                        sections.append((("tasks", key, part), names))
    for path, section in sections:
        if isinstance(section, dict):
            yield from _duplicates(path, section)


def _duplicates(path: Path, section: dict[Any, Any]) -> Iterator[_Pending]:
    seen: dict[str, str] = {}
    for key in section:
        if not isinstance(key, str):
            continue
        compared = id_key(key)
        first = seen.setdefault(compared, key)
        if first is key:
            continue
        if first.strip() == key.strip():
            template = _(
                "duplicate id %(id)s: %(first)s and %(second)s are the same id once spaces are trimmed"
            )
        elif unicodedata.normalize("NFKC", first.strip()) == unicodedata.normalize("NFKC", key.strip()):
            template = _(
                "duplicate id %(id)s: %(first)s and %(second)s are the same id once Unicode-normalised "
                "(NFKC): they look the same"
            )
        else:
            template = _(
                "duplicate id %(id)s: %(first)s and %(second)s look the same (look-alike characters, "
                "e.g. from another script): ids must differ visibly"
            )
        message = template % {"id": excerpt(key.strip()), "first": excerpt(first), "second": excerpt(key)}
        yield _Pending((*path, key), True, message, also=(*path, first))


def _rules_problems(section: Any) -> Iterator[_Pending]:
    if section is None:
        return
    try:
        rules = RulesConfig.model_validate(section)
    except ValidationError:
        return  # already reported through the whole organisation's validation
    from raci.checking.config import rules_config_problems

    for path, message, on_key in rules_config_problems(rules):
        yield _Pending(("rules", *path), on_key, message)


def _translate(error: ValidationError, data: Any, prefix: Path = ()) -> Iterator[_Pending]:
    for item in error.errors(include_input=False, include_url=False):
        if item["type"] == _DUPLICATE_ID:
            continue  # placed on the key itself by _ids_equal_once_trimmed
        path, on_key = _data_path((*prefix, *item["loc"]), data)
        if item["type"] == "extra_forbidden":
            model = _model_at(path[:-1])
            hint = (
                (_english_key(shorten(path[-1], 100)), tuple(model.model_fields)) if model and path else None
            )
            yield _Pending(path, True, item=item, hint=hint)
        else:
            yield _Pending(path, on_key, item=item, hint=_word_hint(item))


#: Keys a Polish user writes first; the keys stay English, so the did-you-mean names the
#: English one ("nazwa" -> 'name').
_POLISH_KEYS = {
    "organizacja": "organization",
    "opis": "description",
    "działy": "departments",
    "dzialy": "departments",
    "zadania": "tasks",
    "reguły": "rules",
    "reguly": "rules",
    "nazwa": "name",
    "funkcja": "function",
    "czas": "capacity_hours",
    "etap": "phase",
    "czynność": "activity",
    "czynnosc": "activity",
    "nakład": "effort_hours",
    "naklad": "effort_hours",
    "budżet": "budget",
    "budzet": "budget",
    "odbiorcy": "audience",
    "kanały": "channels",
    "kanaly": "channels",
}


def _english_key(key: str) -> str:
    return _POLISH_KEYS.get(key.strip().lower(), key)


def _word_hint(item: Any) -> tuple[str, Collection[str]] | None:
    """A near miss of a function or activity word ("monitorowania", "pomiary") gets a
    did-you-mean among every word the file may use, Polish ones included."""
    raw = (item.get("ctx") or {}).get("raw")
    if not isinstance(raw, str) or item["type"] not in ("unknown_function", "unknown_activity"):
        return None
    from raci.model.vocabulary import normalise_word

    return normalise_word(raw), _known_words(item["type"])


@cache
def _known_words(kind: str) -> tuple[str, ...]:
    """Every function or activity word, one tuple per kind for the whole run: the
    did-you-mean keeps its index by the tuple's identity."""
    from raci.model.vocabulary import ACTIVITY_ALIASES, FUNCTION_ALIASES

    return tuple(FUNCTION_ALIASES if kind == "unknown_function" else ACTIVITY_ALIASES)


def _data_path(loc: tuple[int | str, ...], data: Any) -> tuple[Path, bool]:
    """Follow pydantic's loc through the data, dropping union tags it adds along the way."""
    path: list[str | int] = []
    node = data
    on_key = False
    for part in loc:
        if part == _KEY_MARKER:
            on_key = True
            break
        if _has_child(node, part):
            node = node[part]
            path.append(part)
        elif isinstance(node, dict):
            # A missing or unknown field: name it, so the message can say which.
            path.append(part)
            on_key = True
            break
    return tuple(path), on_key


def _has_child(node: Any, part: int | str) -> bool:
    if isinstance(node, dict):
        return part in node
    return isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)


def _message(item: Any, path: Path) -> str:
    kind = item["type"]
    # Keys are user text: quoted short and escaped, never echoed whole.
    field = excerpt(path[-1]) if path else "'file'"
    name = (shorten(path[-1]) or "''") if path else _("file")
    place, where = _place(path[:-1])
    if kind in ("missing", "extra_forbidden"):
        return _(_FIELD_MESSAGES[kind, place]) % {"field": field, **where}
    context = {k: f"{v:g}" if isinstance(v, float) else v for k, v in item.get("ctx", {}).items()}
    message = _problem_text(kind, context, path) or str(item["msg"])
    if kind.startswith(("value_error", "assertion_error")):
        message = message.split(", ", 1)[-1]
    if message[1:2].islower():
        # pydantic's "Input should be…" reads as a sentence; keep "U+001B …" as written.
        message = message[:1].lower() + message[1:]
    subject = _entry_subject(path) or (_(_SUBJECTS[place]) % {"name": name, **where} if place else name)
    return f"{subject}: {message}"


def _problem_text(kind: str, context: dict[str, Any], path: Path) -> str:
    """What is wrong with a value, in the reader's language; "" for an error not worded here."""
    template = _FRIENDLY.get(kind)
    if template is None:
        return ""
    if kind == "unsafe_text":
        detail = context.get("detail")
        return _(template) % context + (_(detail) if detail else "")
    if kind == "waiver_reason" and "example" in context:
        if len(path) == 4:
            # The example waives the code the user wrote, not some other rule.
            code = shorten(str(path[3]).strip().upper())
            reason = _("we accept this because …")
            context = {"example": f'{code}: "{reason}"'}
        else:
            context = {"example": _(str(context["example"]))}
    try:
        return _(template) % context
    except (KeyError, TypeError, ValueError):  # a context pydantic did not give: its own words
        return ""


def _entry_subject(path: Path) -> str | None:
    """How a problem deep in a task or department names its place: "letters of 'care' in
    task 'x'", "waiver of SOC102 in department 'y'"; None for other places."""
    if len(path) != 4 or path[0] not in ("tasks", "departments"):
        return None
    if path[0] == "tasks" and path[2] == "raci":
        return _("letters of %(department)s in task %(task)s") % {
            "department": excerpt(path[3]),
            "task": excerpt(path[1]),
        }
    if path[2] == "waive":
        values = {"code": shorten(path[3]), "id": excerpt(path[1])}
        if path[0] == "tasks":
            return _("waiver of %(code)s in task %(id)s") % values
        return _("waiver of %(code)s in department %(id)s") % values
    return None


#: pydantic's error types (and the model's own) worded for a person; %(…)s come from the
#: error's context.
_FRIENDLY = {
    "greater_than_equal": N_("must be at least %(ge)s"),
    "greater_than": N_("must be more than %(gt)s"),
    "less_than_equal": N_("must be at most %(le)s"),
    "less_than": N_("must be less than %(lt)s"),
    "float_parsing": N_("must be a number"),
    "float_type": N_("must be a number"),
    "int_parsing": N_("must be a whole number"),
    "int_type": N_("must be a whole number"),
    "int_from_float": N_("must be a whole number"),
    "string_type": N_("must be text"),
    "string_too_long": N_("is too long (at most %(max_length)s characters)"),
    "string_too_short": N_("must not be empty"),
    "dict_type": N_("must be a mapping (key: value pairs)"),
    "model_type": N_("must be a mapping (key: value pairs)"),
    "finite_number": N_("must be a finite number"),
    "int_parsing_size": N_("is too large"),
    "list_type": N_("must be a list"),
    # Lists are read into tuples and sets: "input should be a valid tuple" says nothing to a reader.
    "tuple_type": N_("must be a list"),
    "set_type": N_("must be a list"),
    "frozen_set_type": N_("must be a list"),
    "bool_type": N_("must be true or false"),
    "bool_parsing": N_("must be true or false"),
    "enum": N_("must be one of %(expected)s"),
    "unsafe_text": N_("%(char)s is not allowed"),
    "unknown_function": N_(
        "unknown function %(word)s; use one of: %(allowed)s (aliases such as 'support' or 'comms' work too)"
    ),
    "unknown_activity": N_(
        "unknown activity %(word)s; use one of: %(allowed)s "
        "(aliases such as 'listening' or 'complaints' work too)"
    ),
    "unknown_audience": N_(
        "unknown audience %(word)s; use one of: %(allowed)s "
        "(aliases such as 'applicants' or 'press' work too)"
    ),
    "unknown_horizon": N_(
        "unknown review horizon %(word)s; write a number of days or a word such as "
        "'quarterly', 'weekly' or 'per post'"
    ),
    "split_amount": N_("must be hours (a number) or a share such as '60%%'"),
    "split_hours": N_("hours must be between 0 and 1000000"),
    "waiver_reason": N_("needs a reason: say why the team accepts this finding, e.g. %(example)s"),
}

#: "missing" and "unknown field" problems, one whole sentence for each kind of place.
_FIELD_MESSAGES = {
    ("missing", ""): N_("missing required field %(field)s"),
    ("missing", "task"): N_("missing required field %(field)s in task %(task)s"),
    ("missing", "department"): N_("missing required field %(field)s in department %(department)s"),
    ("missing", "section"): N_("missing required field %(field)s in %(section)s"),
    ("extra_forbidden", ""): N_("unknown field %(field)s"),
    ("extra_forbidden", "task"): N_("unknown field %(field)s in task %(task)s"),
    ("extra_forbidden", "department"): N_("unknown field %(field)s in department %(department)s"),
    ("extra_forbidden", "section"): N_("unknown field %(field)s in %(section)s"),
}

#: A field named with its place: "effort_hours in task 'x'".
_SUBJECTS = {
    "task": N_("%(name)s in task %(task)s"),
    "department": N_("%(name)s in department %(department)s"),
    "section": N_("%(name)s in %(section)s"),
}


def _place(parent: Path) -> tuple[str, dict[str, str]]:
    """The kind of place a field is in ("" for the top of the file) and its names."""
    if len(parent) == 2 and parent[0] == "tasks":
        return "task", {"task": excerpt(parent[1])}
    if len(parent) == 2 and parent[0] == "departments":
        return "department", {"department": excerpt(parent[1])}
    if parent:
        return "section", {"section": f"'{'.'.join(shorten(part) for part in parent)}'"}
    return "", {}


def _model_at(path: Path) -> type[BaseModel] | None:
    if not path:
        return Organization
    if len(path) == 2 and path[0] == "departments":
        return Department
    if len(path) == 2 and path[0] == "tasks":
        return Task
    if path == ("rules",):
        return RulesConfig
    return None


def _problem(source_map: SourceMap, path: Path, message: str, *, on_key: bool = False) -> Problem:
    position = source_map.key(path) if on_key else source_map.value(path)
    if position is None:
        return Problem(source_map.source, None, None, message, tuple(path))
    return Problem(source_map.source, position[0], position[1], message, tuple(path))


def _kind(value: Any) -> str:
    """What the whole file holds instead of a mapping, for "…, found %(found)s"."""
    if value is None:
        return _("an empty file")
    if isinstance(value, list):
        return _("a list")
    return _("a text value") if isinstance(value, str) else _("a %(type)s") % {"type": type(value).__name__}
