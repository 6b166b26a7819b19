"""The JSON Schema of the org file format, for editors (yaml-language-server) and validators.

The schema starts from the pydantic models and is then made editor-friendly: every field has
a description; functions, activities, letters, review horizons, rule codes and severities
carry ``enum`` lists (with ``enumDescriptions``) so an editor completes them; and where the
loader is forgiving (``Customer-Care``, ``r/a``, ``Half-yearly``) a case- and
separator-insensitive ``pattern`` accepts exactly what the loader accepts, so an editor never
flags a file ``raci check`` reads, nor passes one it refuses for a vocabulary word.

Patterns use only what ECMA-262, Python and Rust regex engines share (no flags, no
backreferences), so yaml-language-server, ``jsonschema`` and ``check-jsonschema`` agree.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterable, Mapping
from enum import Enum
from typing import Any, TypeVar

from raci import __version__
from raci.model.organization import HORIZON_WORDS, Organization
from raci.model.vocabulary import (
    ACTIVITY_ALIASES,
    ACTIVITY_LABELS,
    AUDIENCE_ALIASES,
    AUDIENCE_LABELS,
    FUNCTION_ALIASES,
    FUNCTION_LABELS,
    LETTER_ORDER,
    Activity,
    Audience,
    Function,
    normalise_word,
)
from raci.rules import ALL_RULES, Rule

_Word = TypeVar("_Word", bound=Enum)

SCHEMA_ID = "https://raci.dev/schema/org-v1.json"
#: Where `raci init` points editors: a copy written beside the org file with `raci schema`.
SCHEMA_FILE = "raci.schema.json"

Schema = dict[str, Any]

_SEPARATOR = r"[\s_/-]"
_LETTER_CHARS = "RASCIrasci"
_LETTER_SEPARATORS = " ,/+&;|"

# Fields whose models carry no description; the schema supplies one so editors can show it.
_DESCRIPTIONS: dict[tuple[str, str], str] = {
    ("", "organization"): "The company's name.",
    ("", "description"): "Free text about the organisation.",
    ("", "departments"): "Departments by id. The ids are what each task's raci map names.",
    ("", "tasks"): "Social media tasks by id, each with an activity and who holds which RACI letter.",
    ("", "rules"): "Which rules run, at which severity, with which options (default: all, as catalogued).",
    ("Department", "name"): "Display name; the id is used when absent.",
    ("Department", "description"): "Free text about the department.",
    ("Department", "capacity_hours"): "Hours per week the department can give to social media.",
    ("Department", "roles"): "People or roles inside the department.",
    ("Task", "name"): "Display name; the id is used when absent.",
    ("Task", "description"): "Free text about the task.",
    ("Task", "effort_hours"): "Hours per week the task takes (or give a budget).",
    ("Task", "budget"): "Money per month the task costs: ads, tools, agencies.",
    ("Task", "channels"): "Where the task happens, e.g. facebook, linkedin.",
    ("RulesConfig", "select"): "Rule codes or prefixes to run (default: all), e.g. [SOC, RACI001].",
    ("RulesConfig", "ignore"): "Rule codes or prefixes to skip, e.g. [RACI007].",
    ("RulesConfig", "severity"): "Change a rule's severity: code -> error, warning or info.",
    (
        "RulesConfig",
        "options",
    ): "Rule options: code -> {option: value}, e.g. {RACI004: {max_responsible: 4}}.",
}


def json_schema() -> Schema:
    schema = copy.deepcopy(Organization.model_json_schema())
    _editor_friendly(schema)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": schema.pop("title", "raci organisation file"),
        "description": f"An organisation file for raci {__version__}: departments, social media "
        "tasks, and who is Responsible, Accountable, Consulted and Informed for each.",
        **{key: value for key, value in schema.items() if key != "description"},
    }


def json_schema_text() -> str:
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"


# --- post-processing ----------------------------------------------------------------------


# pydantic leaves its own constraint names in a schema when `Field(ge=…)` follows a validator
# inside `Annotated`; JSON Schema ignores them, so a negative number would pass unnoticed.
_CONSTRAINTS = {"ge": "minimum", "le": "maximum", "gt": "exclusiveMinimum", "lt": "exclusiveMaximum"}


def _fix_constraints(node: object) -> None:
    if isinstance(node, dict):
        if node.get("type") in ("number", "integer"):
            for name, keyword in _CONSTRAINTS.items():
                if name in node:
                    node.setdefault(keyword, node.pop(name))
        for value in node.values():
            _fix_constraints(value)
    elif isinstance(node, list):
        for value in node:
            _fix_constraints(value)


def _editor_friendly(schema: Schema) -> None:
    _fix_constraints(schema)
    defs: dict[str, Schema] = schema.setdefault("$defs", {})
    objects: dict[str, Schema] = {"": schema, **defs}
    _field_schemas(defs)
    if "Severity" in defs:
        defs["Severity"].update(
            description="How serious a finding of the rule is.",
            enumDescriptions=_severity_descriptions(defs["Severity"].get("enum", [])),
        )
    _rules_section(defs.get("RulesConfig", {}).get("properties", {}))
    _describe(objects)
    for name, snippet in _SNIPPETS.items():
        if name in defs:
            defs[name]["defaultSnippets"] = snippet


def _field_schemas(defs: dict[str, Schema]) -> None:
    """The vocabulary fields as editors should complete them (choices with descriptions)."""
    department = defs.get("Department", {}).get("properties", {})
    task = defs.get("Task", {}).get("properties", {})
    if "function" in department:
        department["function"] = function_schema()
    if "activity" in task:
        task["activity"] = activity_schema()
    if "audience" in task:
        task["audience"] = audience_schema()
    if "review_horizon_days" in task:
        task["review_horizon_days"] = {
            **horizon_schema(),
            "anyOf": [*horizon_schema()["anyOf"], {"type": "null"}],
        }
    if "raci" in task:
        task["raci"]["additionalProperties"] = letters_schema()
        task["raci"]["description"] = (
            "Who holds which letter: department id -> letters, e.g. {care: RA, pr: C, marketing: I}."
        )
    for owner in (department, task):
        if "waive" in owner:
            owner["waive"] = waive_schema()


def _describe(objects: dict[str, Schema]) -> None:
    """Every property described; no ``null`` defaults offered as completions."""
    for owner, properties in ((name, node.get("properties", {})) for name, node in objects.items()):
        for field, node in properties.items():
            if "description" not in node:
                node["description"] = _DESCRIPTIONS.get((owner, field)) or _nested_description(node) or field
            if "default" in node and node["default"] is None:
                del node["default"]  # "null" as a completion is noise; absent means none


def _nested_description(node: Schema) -> str | None:
    for branch in node.get("anyOf", []):
        if isinstance(branch, dict) and "description" in branch:
            description: str = branch["description"]
            return description
    return None


def function_schema() -> Schema:
    return _vocabulary(
        Function,
        FUNCTION_LABELS,
        FUNCTION_ALIASES,
        "What the department does: rules reason about the function, never the name. Your own "
        "words work too, in any case ('support', 'customer care', 'comms', 'press'…).",
    )


def activity_schema() -> Schema:
    return _vocabulary(
        Activity,
        ACTIVITY_LABELS,
        ACTIVITY_ALIASES,
        "Which part of social media work the task is: monitor, discover, select, create, publish, "
        "respond, sell, media_relations, promote, recover or measure (aliases such as "
        "'listening', 'complaints' or 'paid social' work too); other for work that is not "
        "social media (project, governance, admin…), which only the RACI rules check.",
    )


def audience_schema() -> Schema:
    return _vocabulary(
        Audience,
        AUDIENCE_LABELS,
        AUDIENCE_ALIASES,
        "Whom the task's work faces (default customers). The article's rules about answering "
        "customers look at customer-facing tasks only: replies to job candidates are HR's work.",
    )


def _vocabulary(
    kind: type[_Word], labels: Mapping[_Word, str], aliases: Mapping[str, _Word], description: str
) -> Schema:
    """A vocabulary field: its canonical values with labels, then each alias with what it means."""
    canonical = [member.value for member in kind]
    extra = sorted(set(aliases) - {normalise_word(value) for value in canonical})
    values = canonical + extra
    descriptions = [labels[member] for member in kind] + [f"alias of {aliases[word].value}" for word in extra]
    return {
        "type": "string",
        "description": description,
        "anyOf": [
            {"enum": values, "enumDescriptions": descriptions},
            # What the loader accepts beyond the list: any case, any of its word separators.
            {"pattern": _words_pattern(aliases, between=f"{_SEPARATOR}+", around=f"{_SEPARATOR}*")},
        ],
    }


def horizon_schema() -> Schema:
    words = list(HORIZON_WORDS)
    descriptions = [f"{days} days" if days else "every post" for days in HORIZON_WORDS.values()]
    return {
        "description": "Days between reviews of the returns, or a word: 'quarterly' (90), 'yearly' "
        "(365)… 0 or 'per post' means every post; a quarter or more honours principle 2.",
        "anyOf": [
            {"type": "integer", "minimum": 0, "maximum": 3650},
            {"type": "string", "enum": words, "enumDescriptions": descriptions},
            # The loader folds case, reads "-" and "_" as spaces and runs of them as one.
            {"type": "string", "pattern": _words_pattern(words, between="[ _-]+", around=r"\s*")},
        ],
    }


def letters_schema() -> Schema:
    combos = [
        "".join(letter.value for index, letter in enumerate(LETTER_ORDER) if mask & (1 << index))
        for mask in range(1, 1 << len(LETTER_ORDER))
    ]
    combos.sort(key=lambda combo: (len(combo), [LETTER_ORDER.index(_LETTER[c]) for c in combo]))
    separators = "".join("\\" + char if char in "/|" else char for char in _LETTER_SEPARATORS)
    allowed = f"[{_LETTER_CHARS}{separators}]"
    once = "".join(f"(?!(?:.*[{upper}{upper.lower()}]){{2}})" for upper in "RASCI")
    listed = {
        "type": "array",
        "minItems": 1,
        "uniqueItems": True,
        "items": {"type": "string", "pattern": f"^{allowed}*$"},
        "contains": {"type": "string", "pattern": f"[{_LETTER_CHARS}]"},
    }
    return {
        "description": "R (Responsible: does the work), A (Accountable: answers for it, one per "
        "task), S (Support: does part of the work under the R), C (Consulted: asked before), "
        "I (Informed: told after); 'RA' for both R and A.",
        "anyOf": [
            {
                "type": "string",
                "enum": combos,
                "enumDescriptions": [_letters_description(combo) for combo in combos],
            },
            # Any case, with separators: "R/A", "r, a", "A R". Each letter at most once.
            {"type": "string", "pattern": f"^{once}{allowed}*[{_LETTER_CHARS}]{allowed}*$"},
            listed,
        ],
    }


_LETTER = {letter.value: letter for letter in LETTER_ORDER}
_LETTER_WORDS = {"R": "Responsible", "A": "Accountable", "S": "Support", "C": "Consulted", "I": "Informed"}


def _letters_description(combo: str) -> str:
    words = [_LETTER_WORDS[char] for char in combo]
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"


def _severity_descriptions(levels: list[str]) -> list[str]:
    meaning = {
        "error": "fails `raci check` by default",
        "warning": "fails with --fail-on warning",
        "info": "reported, fails only with --fail-on info",
    }
    return [meaning.get(level, level) for level in levels]


def _rules_section(properties: Schema) -> None:
    codes = [rule.code for rule in ALL_RULES]
    summaries = [_summary(rule) for rule in ALL_RULES]
    families = sorted({code.rstrip("0123456789") for code in codes})
    prefixes = sorted({code[:end] for code in codes for end in range(1, len(code) + 1)})
    code_or_prefix = {
        "type": "string",
        "anyOf": [
            {
                "enum": codes + families,
                "enumDescriptions": summaries + [f"every {family} rule" for family in families],
            },
            {"pattern": _words_pattern(prefixes, between="", around=r"\s*")},
        ],
    }
    for field in ("select", "ignore"):
        for branch in properties.get(field, {}).get("anyOf", [properties.get(field, {})]):
            if branch.get("type") == "array":
                branch["items"] = code_or_prefix
    _per_rule_sections(properties, {"pattern": _words_pattern(codes, between="", around=r"\s*")})


def _per_rule_sections(properties: Schema, code_key: Schema) -> None:
    """``severity`` and ``options``: one property per rule, keys matching the rule codes."""
    if "severity" in properties:
        node = properties["severity"]
        node["propertyNames"] = code_key
        node["properties"] = {
            rule.code: {"$ref": "#/$defs/Severity", "description": f"{rule.name}: {_summary(rule)}"}
            for rule in ALL_RULES
        }
    if "options" in properties:
        node = properties["options"]
        node["propertyNames"] = code_key
        node["properties"] = {rule.code: _options_schema(rule) for rule in ALL_RULES}
        node["patternProperties"] = {
            _words_pattern([rule.code], between="", around=r"\s*"): _options_schema(rule)
            for rule in ALL_RULES
        }
        node.pop("additionalProperties", None)


def waive_schema() -> Schema:
    """``waive: {CODE: reason}``: codes complete from the catalog, a reason is required."""
    codes = [rule for rule in ALL_RULES if rule.waivable]
    reason: Schema = {"type": "string", "pattern": r"\S", "maxLength": 2000}
    return {
        "type": "object",
        "description": "Findings the team accepts, each with the reason: rule code -> why, e.g. "
        "{SOC102: 'HR answers candidates, not customers'}. Waived findings are shown as waived "
        "and do not count; a waiver that matches no finding is reported (RACI009).",
        "propertyNames": {"pattern": _words_pattern([r.code for r in codes], between="", around=r"\s*")},
        "properties": {
            rule.code: {**reason, "description": f"Why {rule.name} is accepted here: {_summary(rule)}"}
            for rule in codes
        },
        "additionalProperties": reason,
    }


def _options_schema(rule: type[Rule]) -> Schema:
    options: Schema = {}
    for option in rule.options:
        kind = "integer" if isinstance(option.default, int) else "number"
        options[option.name] = {
            "description": f"{option.description} (default {option.default})",
            "default": option.default,
            "anyOf": [
                {"type": kind, "minimum": option.minimum},
                {"type": "string", "pattern": r"^\s*\d+(\.\d+)?\s*$"},
            ],
        }
    return {
        "type": "object",
        "description": f"Options of {rule.code} {rule.name}" + ("" if rule.options else " (it has none)"),
        "properties": options,
        "additionalProperties": False,
    }


def _words_pattern(words: Iterable[str], *, between: str, around: str) -> str:
    """An anchored pattern matching any of ``words`` in any letter case, with ``between``
    standing for each space inside a word and ``around`` allowed at either end."""
    alternatives = sorted({_word_pattern(word, between) for word in words}, key=lambda p: (-len(p), p))
    return f"^{around}(?:{'|'.join(alternatives)}){around}$"


def _word_pattern(word: str, between: str) -> str:
    parts = []
    for char in word:
        if char == " ":
            parts.append(between)
        elif char.isalpha() and char.isascii():
            parts.append(f"[{char.upper()}{char.lower()}]")
        elif char.isalnum():
            parts.append(char)
        else:
            # Escape everything else: in ECMA-262's unicode mode only syntax characters may be.
            parts.append("\\" + char if char in r"^$\.*+?()[]{}|/" else char)
    return "".join(parts)


_SNIPPETS: dict[str, list[Schema]] = {
    "Department": [
        {
            "label": "department",
            "description": "A department with its function and weekly capacity",
            "body": {"name": "$1", "function": "$2", "capacity_hours": "^${3:20}"},
        }
    ],
    "Task": [
        {
            "label": "task",
            "description": "A task with its activity, weekly effort and RACI letters",
            "body": {"name": "$1", "activity": "$2", "effort_hours": "^${3:1}", "raci": {"$4": "RA"}},
        }
    ],
}


def _summary(rule: type[Rule]) -> str:
    """A rule's summary as written: the schema is English whatever the language."""
    return rule.source_doc.summary
