from __future__ import annotations

from collections.abc import Iterator

from raci.model.severity import Severity
from raci.model.vocabulary import Letter
from raci.rules.base import Rule, RuleContext, Violation
from raci.rules.wording import department_list


class OneAccountable(Rule):
    """Every task has exactly one Accountable department.

    Why:
        Accountability that nobody holds is never exercised, and accountability that two
        departments hold turns into each waiting for the other. One A per task is the
        rule that makes a RACI matrix worth keeping.
    Passes:
        tasks:
          answer-complaints: {activity: respond, raci: {care: RA, marketing: I}}
    Fails:
        tasks:
          answer-complaints: {activity: respond, raci: {care: R, marketing: A, pr: A}}
    Fix:
        Give the A to the one department that answers for the outcome; make the others R, C
        or I.
    """

    code = "RACI001"
    name = "one-accountable"
    severity = Severity.ERROR

    def check(self, context: RuleContext) -> Iterator[Violation]:
        org = context.org
        for task_id in context.graph.task_ids():
            accountable = context.graph.holders(task_id, Letter.ACCOUNTABLE)
            if not accountable:
                yield Violation(
                    f"task '{task_id}' has no Accountable department",
                    task=task_id,
                    hint="give exactly one department the letter A",
                )
            elif len(accountable) > 1:
                yield Violation(
                    f"task '{task_id}' has {len(accountable)} Accountable departments "
                    f"({department_list(org, accountable)}); keep exactly one",
                    task=task_id,
                    hint="keep the A with the department that answers for the outcome",
                )
