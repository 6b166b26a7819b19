"""The organisation model users write: departments, tasks and who holds which RACI letter.

Field names and canonical values here are the file-format contract. Models validate shape
and vocabulary; cross references (a task naming an unknown department) are checked by
:mod:`raci.model.validation`, which can place them in the file.

Models are immutable (frozen, with read-only mappings and tuples inside) and valid by
construction: every way of making an :class:`Organization` (the constructor,
:meth:`~Organization.from_data`, ``model_validate``, ``model_copy(update=...)``) runs the
same checks and raises :class:`raci.LoadError`. Edits return a new organisation::

    org = org.assign("answer-complaints", "care", "RA").remove_department("pr")
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from contextvars import ContextVar
from functools import lru_cache
from typing import Annotated, Any, cast

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    PrivateAttr,
    StringConstraints,
    ValidatorFunctionWrapHandler,
    WithJsonSchema,
    model_validator,
)
from pydantic_core import PydanticCustomError
from typing_extensions import Self

from raci.i18n import N_, gettext
from raci.model.effort import parse_amount
from raci.model.frozen import FrozenDict, freeze
from raci.model.lookalike import id_key
from raci.model.polish_words import POLISH_HORIZONS
from raci.model.severity import Severity
from raci.model.text_safety import describe_character, first_unsafe, first_unsafe_in_name
from raci.model.vocabulary import (
    ACTIVITY_ALIASES,
    AUDIENCE_ALIASES,
    FUNCTION_ALIASES,
    Activity,
    Audience,
    Function,
    Letter,
    format_letters,
    parse_activity,
    parse_audience,
    parse_function,
    parse_letters,
)
from raci.yaml.source_map import SourceMap

_STRICT = ConfigDict(extra="forbid", hide_input_in_errors=True, populate_by_name=False, frozen=True)


def _clean_text(value: Any) -> Any:
    """Free text (descriptions): no control characters, bidi overrides or lone surrogates."""
    if isinstance(value, str):
        bad = first_unsafe(value)
        if bad is not None:
            raise PydanticCustomError(
                "unsafe_text", "{char} is not allowed", {"char": describe_character(bad)}
            )
    return value


def _clean_name(value: Any) -> Any:
    """Names and ids: as free text, and one line (no line break), wherever they are shown."""
    if isinstance(value, str):
        bad = first_unsafe_in_name(value)
        if bad is not None:
            if first_unsafe(bad):
                detail = ""
            elif bad in "\n\r\u2028\u2029" or ord(bad) < 0x20:
                detail = N_(": names and ids are one line of text")
            else:  # an invisible format character: the name would not be what it looks like
                detail = N_(": names and ids hold only characters that can be seen")
            context = {"char": describe_character(bad), "detail": detail}
            raise PydanticCustomError("unsafe_text", "{char} is not allowed{detail}", context)
    return value


def _blank_is_absent(value: Any) -> Any:
    # An optional name or description of only spaces says nothing: it is the same as none,
    # which is also what a spreadsheet cell or a form field makes of it.
    return None if isinstance(value, str) and not value.strip() else value


def _not_blank(value: Any) -> Any:
    if isinstance(value, str) and not value.strip():
        raise PydanticCustomError("string_too_short", "must not be empty")
    return value


CleanText = Annotated[str, StringConstraints(max_length=2000), BeforeValidator(_clean_text)]
CleanName = Annotated[str, StringConstraints(max_length=2000), BeforeValidator(_clean_name)]
OptionalText = Annotated[CleanText | None, BeforeValidator(_blank_is_absent)]
OptionalName = Annotated[CleanName | None, BeforeValidator(_blank_is_absent)]
RequiredName = Annotated[CleanName, BeforeValidator(_not_blank)]
Identifier = Annotated[
    str,
    StringConstraints(min_length=1, max_length=200, strip_whitespace=True),
    BeforeValidator(_clean_name),
]


def _not_bool(value: Any) -> Any:
    # pydantic reads True as 1.0; from HR records that is a bug, not an hour (YAML has none).
    if isinstance(value, bool):
        raise PydanticCustomError("float_type", "must be a number")
    return value


# Finite: "inf", ".nan" or a 5,000-digit number must not pass as an amount.
Hours = Annotated[float, BeforeValidator(_not_bool), Field(ge=0, le=1_000_000, allow_inf_nan=False)]
Money = Annotated[float, BeforeValidator(_not_bool), Field(ge=0, allow_inf_nan=False)]


def _encodable(word: str) -> str:
    """The word as pydantic can carry it in an error's context: a lone surrogate (which
    UTF-8 cannot encode) becomes U+FFFD; the message quotes the word with repr() anyway."""
    return word.encode("utf-8", "replace").decode("utf-8") if not word.isascii() else word


@lru_cache(maxsize=512)
def _function_value(value: str) -> Function:
    found = parse_function(value)
    if found is None:
        allowed = ", ".join(f.value for f in Function)
        raise PydanticCustomError(
            "unknown_function",
            "unknown function {word}; use one of: {allowed} (aliases such as 'support' or 'comms' work too)",
            {"word": repr(value[:40]), "allowed": allowed, "raw": _encodable(value[:40])},
        )
    return found


@lru_cache(maxsize=512)
def _activity_value(value: str) -> Activity:
    found = parse_activity(value)
    if found is None:
        allowed = ", ".join(a.value for a in Activity)
        raise PydanticCustomError(
            "unknown_activity",
            "unknown activity {word}; use one of: {allowed} "
            "(aliases such as 'listening' or 'complaints' work too)",
            {"word": repr(value[:40]), "allowed": allowed, "raw": _encodable(value[:40])},
        )
    return found


@lru_cache(maxsize=64)
def _audience_value(value: str) -> Audience:
    found = parse_audience(value)
    if found is None:
        allowed = ", ".join(a.value for a in Audience)
        raise PydanticCustomError(
            "unknown_audience",
            "unknown audience {word}; use one of: {allowed} "
            "(aliases such as 'applicants' or 'press' work too)",
            {"word": repr(value[:40]), "allowed": allowed},
        )
    return found


@lru_cache(maxsize=512)
def _letters_value(value: str) -> frozenset[Letter]:
    letters, problem = parse_letters(value)
    if problem is not None:
        raise PydanticCustomError("raci_letters", problem)
    return letters


def _to_function(value: Any) -> Any:
    return _function_value(value) if isinstance(value, str) else value


def _to_activity(value: Any) -> Any:
    return _activity_value(value) if isinstance(value, str) else value


def _to_audience(value: Any) -> Any:
    return _audience_value(value) if isinstance(value, str) else value


def _to_letters(value: Any) -> Any:
    if value is None:  # `care:` with nothing after it
        return _letters_value("")
    if isinstance(value, str):
        return _letters_value(value)
    if isinstance(value, (list, tuple, set, frozenset)) and all(isinstance(v, str) for v in value):
        return _letters_value("".join(v.value if isinstance(v, Letter) else v for v in value))
    return value


HORIZON_WORDS = {
    "per post": 0,
    "per tweet": 0,
    "daily": 1,
    "weekly": 7,
    "monthly": 30,
    "quarterly": 90,
    "half yearly": 182,
    "yearly": 365,
    "annually": 365,
    "annual": 365,
    **POLISH_HORIZONS,
}


def _to_horizon(value: Any) -> Any:
    if isinstance(value, bool):
        raise PydanticCustomError("int_type", "must be a whole number")
    if isinstance(value, str):
        word = " ".join(value.strip().lower().replace("-", " ").replace("_", " ").split())
        if word in HORIZON_WORDS:
            return HORIZON_WORDS[word]
        if not any(char.isdigit() for char in word):
            # A word we do not know: say which words work, not "must be a whole number".
            raise PydanticCustomError(
                "unknown_horizon",
                "unknown review horizon {word}; write a number of days or a word such as "
                "'quarterly', 'weekly' or 'per post'",
                {"word": repr(value[:40])},
            )
    return value


FunctionField = Annotated[
    Function,
    BeforeValidator(_to_function),
    WithJsonSchema(
        {
            "type": "string",
            "enum": sorted({f.value for f in Function} | set(FUNCTION_ALIASES)),
            "description": "What the department does; rules reason about this, not the name.",
        }
    ),
]
ActivityField = Annotated[
    Activity,
    BeforeValidator(_to_activity),
    WithJsonSchema(
        {
            "type": "string",
            "enum": sorted({a.value for a in Activity} | set(ACTIVITY_ALIASES)),
            "description": "Which part of social media work the task is.",
        }
    ),
]
AudienceField = Annotated[
    Audience,
    BeforeValidator(_to_audience),
    WithJsonSchema(
        {
            "type": "string",
            "enum": sorted({a.value for a in Audience} | set(AUDIENCE_ALIASES)),
            "description": "Whom the task's work faces (default customers).",
        }
    ),
]
Letters = Annotated[
    frozenset[Letter],
    BeforeValidator(_to_letters),
    PlainSerializer(format_letters, return_type=str),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": "^(?!.*([RASCIrasci]).*\\1)[RASCIrasci ,/]*[RASCIrasci][RASCIrasci ,/]*$",
            "examples": ["R", "A", "RA", "S", "C", "I"],
            "description": "R (responsible), A (accountable), S (support), C (consulted), "
            "I (informed); 'RA' for both.",
        }
    ),
]
SplitAmount = Annotated[
    float | str,
    BeforeValidator(parse_amount),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "number", "minimum": 0},
                {"type": "string", "pattern": "^\\s*\\d+(\\.\\d+)?\\s*%\\s*$"},
            ],
            "description": "Hours a week (12) or a share of the task's effort ('60%').",
        }
    ),
]
HorizonDays = Annotated[
    int,
    BeforeValidator(_to_horizon),
    Field(ge=0, le=3650, description="Days between reviews; 0 or 'per post' means every post."),
]


def _unique_once_trimmed(value: Any) -> Any:
    """Keys are trimmed of spaces, so ``"care "`` and ``care`` would silently become one; and
    ids a reader cannot tell apart (``care``, ``c\u0430re`` with a Cyrillic ``\u0430``) are one id."""
    if isinstance(value, Mapping):
        seen: set[str] = set()
        for key in value:
            if isinstance(key, str):
                if id_key(key) in seen:
                    raise PydanticCustomError(
                        _DUPLICATE_ID,
                        "duplicate id {key}: ids are compared once spaces are trimmed, "
                        "Unicode-normalised and look-alike characters folded",
                        {"key": repr(key.strip()[:40])},
                    )
                seen.add(id_key(key))
    return value


#: The type of the error above; the organisation's own check places it on the key instead.
_DUPLICATE_ID = "duplicate_id"


def frozen_mapping(value: Any) -> Any:
    return freeze(value) if isinstance(value, dict) else value


def _frozen_options(value: Any) -> Any:
    if isinstance(value, dict):
        return freeze({code: freeze(options) for code, options in value.items()})
    return value


class _Immutable(BaseModel):
    """Frozen, and copies with changes are validated like new models."""

    model_config = _STRICT

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> Self:
        """A copy; with ``update``, a new validated model (pydantic's own would skip validation)."""
        if not update:
            return super().model_copy(deep=deep)
        data = {name: getattr(self, name) for name in self.model_fields_set}
        data.update(update)
        return type(self).model_validate(data)


def _waiver_code(value: Any) -> Any:
    return value.strip().upper() if isinstance(value, str) else value


def _waiver_reason(value: Any) -> Any:
    # A waiver records a decision; without the reason nobody can review it later.
    if value is None or (isinstance(value, str) and not value.strip()):
        raise PydanticCustomError(
            "waiver_reason",
            "needs a reason: say why the team accepts this finding, e.g. {example}",
            {"example": N_('SOC102: "HR answers candidates, not customers"')},
        )
    return value.strip() if isinstance(value, str) else value


WaiverCode = Annotated[str, BeforeValidator(_waiver_code), StringConstraints(min_length=1, max_length=40)]
WaiverReason = Annotated[CleanText, BeforeValidator(_waiver_reason)]
Waivers = Annotated[
    dict[WaiverCode, WaiverReason],
    AfterValidator(frozen_mapping),
    Field(
        default_factory=FrozenDict,
        description="Findings the team accepts: rule code -> the reason, e.g. "
        "{SOC102: 'HR answers candidates, not customers'}. Waived findings are reported as "
        "waived and do not count.",
    ),
]


class Department(_Immutable):
    """A department and what it does."""

    name: OptionalName = Field(None, description="Display name; the id is used when absent.")
    function: FunctionField
    capacity_hours: Hours | None = Field(None, description="Hours per week it can give to social media.")
    description: OptionalText = None
    roles: tuple[CleanName, ...] = Field(default=(), description="People or roles inside it.")
    waive: Waivers


class Task(_Immutable):
    """A piece of social media work and who holds which letter on it."""

    name: OptionalName = Field(None, description="Display name; the id is used when absent.")
    phase: OptionalName = Field(None, description="Phase or section of the work, e.g. 'Build'.")
    activity: ActivityField
    effort_hours: Hours | None = Field(None, description="Hours per week the task takes.")
    budget: Money | None = Field(None, description="Money per month (ads, tools).")
    review_horizon_days: HorizonDays | None = None
    audience: AudienceField = Field(
        Audience.CUSTOMERS, description="Whom the work faces; rules about answering customers need customers."
    )
    channels: tuple[CleanName, ...] = Field(default=(), description="e.g. facebook, linkedin.")
    description: OptionalText = None
    raci: Annotated[
        dict[Identifier, Letters], BeforeValidator(_unique_once_trimmed), AfterValidator(frozen_mapping)
    ] = Field(default_factory=FrozenDict, description="Department id -> letters, e.g. {care: RA, pr: C}.")
    effort_split: (
        Annotated[
            dict[Identifier, SplitAmount],
            BeforeValidator(_unique_once_trimmed),
            AfterValidator(frozen_mapping),
        ]
        | None
    ) = Field(
        None,
        description="How effort_hours is shared among the departments doing the task: "
        "department id -> hours or share ('60%'); unnamed ones share the rest equally.",
    )
    waive: Waivers

    @property
    def is_social(self) -> bool:
        """Social media work: the article's rules look at it (activity ``other`` is not)."""
        return self.activity.is_social

    @property
    def is_customer_facing(self) -> bool:
        """Social work that faces customers: the rules about answering customers apply."""
        return self.activity.is_social and self.audience is Audience.CUSTOMERS


class RulesConfig(_Immutable):
    """Which rules run, at which severity, with which options."""

    select: tuple[Identifier, ...] | None = Field(
        None, description="Codes or prefixes to run (default: all)."
    )
    ignore: tuple[Identifier, ...] = Field(default=(), description="Codes or prefixes to skip.")
    severity: Annotated[dict[Identifier, Severity], AfterValidator(frozen_mapping)] = Field(
        default_factory=FrozenDict, description="Code -> severity."
    )
    options: Annotated[
        dict[Identifier, dict[Identifier, float | int | str]], AfterValidator(_frozen_options)
    ] = Field(
        default_factory=FrozenDict,
        description="Code -> {option: value}, e.g. {RACI004: {max_responsible: 4}}.",
    )


#: Set while validation.py runs pydantic's part of the checks (it runs the rest itself).
_SHAPE_ONLY: ContextVar[bool] = ContextVar("raci_shape_only", default=False)


class Organization(BaseModel):
    """A whole organisation: the root of an org file.

    Immutable and valid by construction: ``Organization(...)``, :meth:`from_data`,
    ``model_validate`` and ``model_copy(update=...)`` all run every check (references to
    unknown departments included) and raise :class:`raci.LoadError`. Two organisations are
    equal when their content is, wherever they were loaded from. The edit methods
    (:meth:`assign`, :meth:`add_task`, :meth:`rename_department`...) return a new, validated
    organisation; its findings keep pointing into the file the original came from (new
    tasks and departments at their section).
    """

    model_config = ConfigDict(
        extra="forbid",
        hide_input_in_errors=True,
        frozen=True,
        json_schema_extra={"title": "raci organisation file"},
    )

    organization: RequiredName = Field(description="The company's name.")
    description: OptionalText = None
    departments: Annotated[dict[Identifier, Department], AfterValidator(frozen_mapping)] = Field(
        default_factory=FrozenDict
    )
    tasks: Annotated[dict[Identifier, Task], AfterValidator(frozen_mapping)] = Field(
        default_factory=FrozenDict
    )
    rules: RulesConfig | None = None

    # Where the organisation came from; kept off the data so line numbers never leak into it.
    _source_map: SourceMap | None = PrivateAttr(default=None)

    @model_validator(mode="wrap")
    @classmethod
    def _every_check(cls, data: Any, handler: ValidatorFunctionWrapHandler) -> Any:
        # The constructor (and any pydantic path) comes through here: run the checks of
        # from_data first, which raise LoadError, then let pydantic fill the new object.
        if not _SHAPE_ONLY.get() and not isinstance(data, Organization):
            cls.from_data(data)
        return handler(data)

    @property
    def source(self) -> str:
        return self._source_map.source if self._source_map else "<data>"

    @property
    def source_map(self) -> SourceMap | None:
        return self._source_map

    def __eq__(self, other: object) -> bool:
        # By content: the same organisation loaded from two files is the same organisation.
        if not isinstance(other, Organization):
            return NotImplemented
        return self.__dict__ == other.__dict__

    def __hash__(self) -> int:
        return hash(tuple(self.__dict__.values()))

    def department_label(self, department_id: str) -> str:
        department = self.departments.get(department_id)
        return department.name if department and department.name else department_id

    def task_label(self, task_id: str) -> str:
        task = self.tasks.get(task_id)
        return task.name if task and task.name else task_id

    @classmethod
    def from_data(
        cls, data: Any, source: str = "<data>", *, letter_map: Mapping[str, str] | None = None
    ) -> Organization:
        """Validate plain data (dicts or any mappings from HR records or JSON, models
        inside them too); raise :class:`raci.LoadError` with every problem.

        ``letter_map`` reads another letter set: ``{"D": "A"}`` reads D as A (``""``: no letter).
        """
        from raci.model.validation import build_organization, plain_data

        if isinstance(data, Organization) and not letter_map:
            return data
        source_map = SourceMap(source, complete=False)
        return build_organization(plain_data(data, source_map), source_map, letter_map=letter_map)

    @classmethod
    def model_validate(cls, obj: Any, *args: Any, **kwargs: Any) -> Self:
        """As :meth:`from_data`: every check runs, and problems raise :class:`raci.LoadError`."""
        return cast(Self, cls.from_data(obj))

    @classmethod
    def model_validate_json(cls, json_data: str | bytes | bytearray, *args: Any, **kwargs: Any) -> Self:
        """JSON text -> a validated organisation; :class:`raci.LoadError` otherwise."""
        import json

        from raci.model.errors import LoadError, Problem

        try:
            data = json.loads(json_data)
        except ValueError as error:
            raise LoadError(
                [Problem("<json>", None, None, gettext("not valid JSON: %(error)s") % {"error": error})]
            ) from None
        return cast(Self, cls.from_data(data, "<json>"))

    @classmethod
    def _validate_shape(cls, data: Any) -> Organization:
        """pydantic's own validation: shapes and vocabulary, no cross references."""
        token = _SHAPE_ONLY.set(True)
        try:
            return super().model_validate(data)
        finally:
            _SHAPE_ONLY.reset(token)

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> Self:
        """A copy; with ``update``, a new organisation validated like any other."""
        if not update:
            return super().model_copy(deep=deep)
        return cast(Self, self._rebuilt(lambda data: data.update(update)))

    # -- edits: each returns a new validated organisation; ``self`` is never changed --------

    def assign(self, task: str, department: str, letters: str | Iterable[Letter]) -> Organization:
        """``department`` holds exactly ``letters`` (``"RA"``, ``{Letter.CONSULTED}``) on ``task``."""
        self._require("tasks", task)
        self._require("departments", department)

        def edit(data: dict[str, Any]) -> None:
            data["tasks"][task] = {**data["tasks"][task]}
            data["tasks"][task]["raci"] = {**data["tasks"][task].get("raci", {}), department: letters}

        return self._rebuilt(edit)

    def unassign(self, task: str, department: str) -> Organization:
        """``department`` holds no letter on ``task`` (a no-op when it held none)."""
        self._require("tasks", task)
        self._require("departments", department)

        def edit(data: dict[str, Any]) -> None:
            raci = {k: v for k, v in data["tasks"][task].get("raci", {}).items() if k != department}
            data["tasks"][task] = {**data["tasks"][task], "raci": raci}

        return self._rebuilt(edit)

    def add_task(self, task_id: str, task: Task | Mapping[str, Any]) -> Organization:
        """A new task; :class:`raci.LoadError` when the id is taken or the task is not valid."""
        self._require_new("tasks", task_id)
        return self._rebuilt(lambda data: data["tasks"].update({task_id: task}))

    def remove_task(self, task_id: str) -> Organization:
        self._require("tasks", task_id)
        return self._rebuilt(lambda data: data["tasks"].pop(task_id))

    def add_department(self, department_id: str, department: Department | Mapping[str, Any]) -> Organization:
        """A new department; :class:`raci.LoadError` when the id is taken or it is not valid."""
        self._require_new("departments", department_id)
        return self._rebuilt(lambda data: data["departments"].update({department_id: department}))

    def remove_department(self, department_id: str) -> Organization:
        """Without the department and every letter it held."""
        self._require("departments", department_id)

        def edit(data: dict[str, Any]) -> None:
            data["departments"].pop(department_id)
            for task_id, task in data["tasks"].items():
                if department_id in task.get("raci", {}):
                    raci = {k: v for k, v in task["raci"].items() if k != department_id}
                    data["tasks"][task_id] = {**task, "raci": raci}

        return self._rebuilt(edit)

    def rename_department(self, old: str, new: str) -> Organization:
        """The department ``old`` under the id ``new``, in place, its letters following it."""
        self._require("departments", old)
        if new != old:
            self._require_new("departments", new)

        def edit(data: dict[str, Any]) -> None:
            data["departments"] = {new if k == old else k: v for k, v in data["departments"].items()}
            for task_id, task in data["tasks"].items():
                if old in task.get("raci", {}):
                    raci = {new if k == old else k: v for k, v in task["raci"].items()}
                    data["tasks"][task_id] = {**task, "raci": raci}

        return self._rebuilt(edit)

    def _rebuilt(self, edit: Callable[[dict[str, Any]], Any]) -> Organization:
        data = self.model_dump(mode="json", exclude_none=True)
        edit(data)
        org = Organization.from_data(data, self.source)
        # Positions keep pointing into the file the organisation came from: what is unchanged
        # is where it was, and what is new points at its section (``tasks:``).
        org._source_map = self._source_map
        return org

    def _require(self, section: str, key: str) -> None:
        if key not in getattr(self, section):
            message = gettext("no task %(id)s") if section == "tasks" else gettext("no department %(id)s")
            self._refuse(section, key, message % {"id": repr(key)})

    def _require_new(self, section: str, key: str) -> None:
        if key in getattr(self, section):
            if section == "tasks":
                message = gettext("there is already a task %(id)s")
            else:
                message = gettext("there is already a department %(id)s")
            self._refuse(section, key, message % {"id": repr(key)})

    def _refuse(self, section: str, key: str, message: str) -> None:
        from raci.model.errors import LoadError, Problem

        raise LoadError([Problem(self.source, None, None, message, (section, key))])
