"""The rule registry: every rule, listed explicitly (no registration by import side effect)."""

from __future__ import annotations

from .base import Option, Rule, RuleContext, RuleDoc, Violation
from .raci001_one_accountable import OneAccountable
from .raci002_has_responsible import HasResponsible
from .raci003_idle_department import IdleDepartment
from .raci004_too_many_responsible import TooManyResponsible
from .raci005_too_many_consulted import TooManyConsulted
from .raci006_overloaded_department import OverloadedDepartment
from .raci007_silo_task import SiloTask
from .soc101_respond_task_exists import RespondTaskExists
from .soc102_customer_service_responds import CustomerServiceResponds
from .soc103_shared_ownership import SharedOwnership
from .soc104_marketing_not_sole_owner import MarketingNotSoleOwner
from .soc105_marketing_keeps_its_part import MarketingKeepsItsPart
from .soc201_long_term_measurement import LongTermMeasurement
from .soc301_recovery_plan import RecoveryPlan
from .soc401_task_has_cost import TaskHasCost
from .soc402_costly_activities_covered import CostlyActivitiesCovered

ALL_RULES: tuple[type[Rule], ...] = (
    OneAccountable,
    HasResponsible,
    IdleDepartment,
    TooManyResponsible,
    TooManyConsulted,
    OverloadedDepartment,
    SiloTask,
    RespondTaskExists,
    CustomerServiceResponds,
    SharedOwnership,
    MarketingNotSoleOwner,
    MarketingKeepsItsPart,
    LongTermMeasurement,
    RecoveryPlan,
    TaskHasCost,
    CostlyActivitiesCovered,
)

RULES_BY_CODE: dict[str, type[Rule]] = {rule.code: rule for rule in ALL_RULES}

if len(RULES_BY_CODE) != len(ALL_RULES):  # pragma: no cover - guards the list above
    raise RuntimeError("two rules share a code")


def rule_for(code_or_name: str) -> type[Rule] | None:
    """Find a rule by code (case-insensitive) or by name."""
    wanted = code_or_name.strip()
    return RULES_BY_CODE.get(wanted.upper()) or next(
        (rule for rule in ALL_RULES if rule.name == wanted.lower()), None
    )


__all__ = [
    "ALL_RULES",
    "RULES_BY_CODE",
    "Option",
    "Rule",
    "RuleContext",
    "RuleDoc",
    "Violation",
    "rule_for",
]
