"""The rule registry: every rule, listed explicitly (no registration by import side effect)."""

from __future__ import annotations

from raci.rules.base import Option, Rule, RuleContext, RuleDoc, Violation
from raci.rules.raci001_one_accountable import OneAccountable
from raci.rules.raci002_has_responsible import HasResponsible
from raci.rules.raci003_idle_department import IdleDepartment
from raci.rules.raci004_too_many_responsible import TooManyResponsible
from raci.rules.raci005_too_many_consulted import TooManyConsulted
from raci.rules.raci006_overloaded_department import OverloadedDepartment
from raci.rules.raci007_silo_task import SiloTask
from raci.rules.raci008_information_islands import InformationIslands
from raci.rules.soc101_respond_task_exists import RespondTaskExists
from raci.rules.soc102_customer_service_responds import CustomerServiceResponds
from raci.rules.soc103_shared_ownership import SharedOwnership
from raci.rules.soc104_marketing_not_sole_owner import MarketingNotSoleOwner
from raci.rules.soc105_marketing_keeps_its_part import MarketingKeepsItsPart
from raci.rules.soc106_listening_reaches_responders import ListeningReachesResponders
from raci.rules.soc201_long_term_measurement import LongTermMeasurement
from raci.rules.soc301_recovery_plan import RecoveryPlan
from raci.rules.soc302_front_line_hears_of_crises import FrontLineHearsOfCrises
from raci.rules.soc401_task_has_cost import TaskHasCost
from raci.rules.soc402_costly_activities_covered import CostlyActivitiesCovered

ALL_RULES: tuple[type[Rule], ...] = (
    OneAccountable,
    HasResponsible,
    IdleDepartment,
    TooManyResponsible,
    TooManyConsulted,
    OverloadedDepartment,
    SiloTask,
    InformationIslands,
    RespondTaskExists,
    CustomerServiceResponds,
    SharedOwnership,
    MarketingNotSoleOwner,
    MarketingKeepsItsPart,
    ListeningReachesResponders,
    LongTermMeasurement,
    RecoveryPlan,
    FrontLineHearsOfCrises,
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
