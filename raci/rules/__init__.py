"""The rule registry: every rule, listed explicitly (no registration by import side effect).

Adding a rule is its module here (``python scripts/new_rule.py CODE name`` writes one), its
case file in tests/rules/cases/, and one line in :data:`RULE_MODULES`. Everything else
(checking, configuration, ``raci suggest``, the diagrams, the scorecard, the docs) reads the
rules from :data:`ALL_RULES` when it runs.
"""

from __future__ import annotations

from importlib import import_module

from raci.model.vocabulary import Activity, Function, Letter
from raci.rules.base import Option, Rule, RuleContext, RuleDoc, Violation

#: One line per rule, in the order they run and are listed.
RULE_MODULES: tuple[str, ...] = (
    "raci001_one_accountable",
    "raci002_has_responsible",
    "raci003_idle_department",
    "raci004_too_many_responsible",
    "raci005_too_many_consulted",
    "raci006_overloaded_department",
    "raci007_silo_task",
    "raci008_information_islands",
    "soc101_respond_task_exists",
    "soc102_customer_service_responds",
    "soc103_shared_ownership",
    "soc104_marketing_not_sole_owner",
    "soc105_marketing_keeps_its_part",
    "soc106_listening_reaches_responders",
    "soc201_long_term_measurement",
    "soc301_recovery_plan",
    "soc302_front_line_hears_of_crises",
    "soc401_task_has_cost",
    "soc402_costly_activities_covered",
    "raci009_unused_waiver",
)


def _rule_of(module_name: str) -> type[Rule]:
    """The one rule class a rule module defines."""
    module = import_module(f"{__name__}.{module_name}")
    found = [
        value
        for value in vars(module).values()
        if isinstance(value, type) and issubclass(value, Rule) and value.__module__ == module.__name__
    ]
    if len(found) != 1:  # pragma: no cover - guards the convention
        raise RuntimeError(f"{module.__name__} must define exactly one rule, found {len(found)}")
    return found[0]


ALL_RULES: tuple[type[Rule], ...] = tuple(_rule_of(name) for name in RULE_MODULES)

RULES_BY_CODE: dict[str, type[Rule]] = {rule.code: rule for rule in ALL_RULES}

if len(RULES_BY_CODE) != len(ALL_RULES):  # pragma: no cover - guards the list above
    raise RuntimeError("two rules share a code")


#: Codes no waiver may name, and why.
UNWAIVABLE: dict[str, str] = {
    rule.code: "it reports waivers themselves; remove the unused waiver instead"
    for rule in ALL_RULES
    if not rule.waivable
}

#: Codes whose findings are about the whole organisation: no task or department may waive them.
ORGANISATION_WIDE: frozenset[str] = frozenset(rule.code for rule in ALL_RULES if rule.organisation_wide)


def rule_for(code_or_name: str) -> type[Rule] | None:
    """Find a rule by code (case-insensitive) or by name."""
    wanted = code_or_name.strip()
    return RULES_BY_CODE.get(wanted.upper()) or next(
        (rule for rule in ALL_RULES if rule.name == wanted.lower()), None
    )


def required_cells() -> dict[tuple[Function, Activity], frozenset[Letter]]:
    """Cells of the function x activity grid the rules expect filled, and the letters that fill them."""
    cells: dict[tuple[Function, Activity], frozenset[Letter]] = {}
    for rule in ALL_RULES:
        for function, activity, letters in rule.required_cells:
            cells[function, activity] = cells.get((function, activity), frozenset()) | letters
    return cells


def principle_checks(number: int) -> str:
    """What the rules of a principle check, in their own words (in the current language):
    the social-media rules first."""
    rules = sorted(
        (rule for rule in ALL_RULES if rule.principle == number and rule.principle_check),
        key=lambda rule: rule.code.startswith("RACI"),
    )
    from raci.i18n import gettext

    texts = [gettext(check) for rule in rules if (check := rule.principle_check)]
    joined = texts[0] if texts else ""
    for text in texts[1:]:
        # Translators: joins two things a principle checks, read after "Checked that"
        # (Polish repeats "czy" before each).
        joined = gettext("%(checks)s, %(more)s") % {"checks": joined, "more": text}
    return joined


__all__ = [
    "ALL_RULES",
    "ORGANISATION_WIDE",
    "RULES_BY_CODE",
    "RULE_MODULES",
    "UNWAIVABLE",
    "Option",
    "Rule",
    "RuleContext",
    "RuleDoc",
    "Violation",
    "principle_checks",
    "required_cells",
    "rule_for",
]
