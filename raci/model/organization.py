"""The organisation model users write: departments, tasks and who holds which RACI letter.

Field names and canonical values here are the file-format contract (DESIGN §3). Models
validate shape and vocabulary; cross references (a task naming an unknown department) are
checked by :mod:`raci.model.validation`, which can place them in the file.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    PrivateAttr,
    StringConstraints,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError

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
from raci.yaml.loader import SourceMap

_STRICT = ConfigDict(extra="forbid", hide_input_in_errors=True, populate_by_name=False)


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
            detail = "" if first_unsafe(bad) else ": names and ids are one line of text"
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


@lru_cache(maxsize=512)
def _function_value(value: str) -> Function:
    found = parse_function(value)
    if found is None:
        allowed = ", ".join(f.value for f in Function)
        raise PydanticCustomError(
            "unknown_function",
            "unknown function {word}; use one of: {allowed} (aliases such as 'support' or 'comms' work too)",
            {"word": repr(value[:40]), "allowed": allowed},
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
            {"word": repr(value[:40]), "allowed": allowed},
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
        return _letters_value("".join(value))
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
}


def _to_horizon(value: Any) -> Any:
    if isinstance(value, bool):
        raise PydanticCustomError("int_type", "must be a whole number")
    if isinstance(value, str):
        word = value.strip().lower().replace("-", " ").replace("_", " ")
        if word in HORIZON_WORDS:
            return HORIZON_WORDS[word]
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
HorizonDays = Annotated[
    int,
    BeforeValidator(_to_horizon),
    Field(ge=0, le=3650, description="Days between reviews; 0 or 'per post' means every post."),
]


def _waiver_code(value: Any) -> Any:
    return value.strip().upper() if isinstance(value, str) else value


def _waiver_reason(value: Any) -> Any:
    # A waiver records a decision; without the reason nobody can review it later.
    if value is None or (isinstance(value, str) and not value.strip()):
        raise PydanticCustomError(
            "waiver_reason", "needs a reason: say why the team accepts this finding, e.g. {example}",
            {"example": "SOC102: \"HR answers candidates, not customers\""},
        )
    return value.strip() if isinstance(value, str) else value


WaiverCode = Annotated[str, BeforeValidator(_waiver_code), StringConstraints(min_length=1, max_length=40)]
WaiverReason = Annotated[CleanText, BeforeValidator(_waiver_reason)]
Waivers = Annotated[
    dict[WaiverCode, WaiverReason],
    Field(
        default_factory=dict,
        description="Findings the team accepts: rule code -> the reason, e.g. "
        "{SOC102: 'HR answers candidates, not customers'}. Waived findings are reported as "
        "waived and do not count.",
    ),
]


class Department(BaseModel):
    """A department and what it does."""

    model_config = _STRICT

    name: OptionalName = Field(None, description="Display name; the id is used when absent.")
    function: FunctionField
    capacity_hours: Hours | None = Field(None, description="Hours per week it can give to social media.")
    description: OptionalText = None
    roles: list[CleanName] = Field(default_factory=list, description="People or roles inside it.")
    waive: Waivers


class Task(BaseModel):
    """A piece of social media work and who holds which letter on it."""

    model_config = _STRICT

    name: OptionalName = Field(None, description="Display name; the id is used when absent.")
    phase: OptionalName = Field(None, description="Phase or section of the work, e.g. 'Build'.")
    activity: ActivityField
    effort_hours: Hours | None = Field(None, description="Hours per week the task takes.")
    budget: Money | None = Field(None, description="Money per month (ads, tools).")
    review_horizon_days: HorizonDays | None = None
    audience: AudienceField = Field(
        Audience.CUSTOMERS, description="Whom the work faces; rules about answering customers need customers."
    )
    channels: list[CleanName] = Field(default_factory=list, description="e.g. facebook, linkedin.")
    description: OptionalText = None
    raci: dict[Identifier, Letters] = Field(
        default_factory=dict, description="Department id -> letters, e.g. {care: RA, pr: C}."
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


class RulesConfig(BaseModel):
    """Which rules run, at which severity, with which options."""

    model_config = _STRICT

    select: list[Identifier] | None = Field(None, description="Codes or prefixes to run (default: all).")
    ignore: list[Identifier] = Field(default_factory=list, description="Codes or prefixes to skip.")
    severity: dict[Identifier, Severity] = Field(default_factory=dict, description="Code -> severity.")
    options: dict[Identifier, dict[Identifier, float | int | str]] = Field(
        default_factory=dict, description="Code -> {option: value}, e.g. {RACI004: {max_responsible: 4}}."
    )


class Organization(BaseModel):
    """A whole organisation: the root of an org file."""

    model_config = ConfigDict(
        extra="forbid",
        hide_input_in_errors=True,
        json_schema_extra={"title": "raci organisation file"},
    )

    organization: RequiredName = Field(description="The company's name.")
    description: OptionalText = None
    departments: dict[Identifier, Department] = Field(default_factory=dict)
    tasks: dict[Identifier, Task] = Field(default_factory=dict)
    rules: RulesConfig | None = None

    # Where the organisation came from; kept off the data so line numbers never leak into it.
    _source_map: SourceMap | None = PrivateAttr(default=None)

    @property
    def source(self) -> str:
        return self._source_map.source if self._source_map else "<data>"

    @property
    def source_map(self) -> SourceMap | None:
        return self._source_map

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
        """Validate plain data (dicts from HR records or JSON); raise :class:`raci.LoadError`.

        ``letter_map`` reads another letter set: ``{"D": "A"}`` reads D as A (``""``: no letter).
        """
        from raci.model.validation import build_organization

        return build_organization(data, SourceMap(source, complete=False), letter_map=letter_map)
