from __future__ import annotations

from collections.abc import Iterator

from raci.model.severity import Severity
from raci.model.vocabulary import Letter
from raci.rules.base import Option, Rule, RuleContext, Violation
from raci.rules.wording import department_list


class TooManyConsulted(Rule):
    """A task has more Consulted departments than the threshold.

    Why:
        Every Consulted department is a conversation before acting. On social media, where
        answers are expected within hours, a long list of C's means slow replies.
    Passes:
        tasks:
          answer-complaints: {activity: respond, raci: {care: RA, pr: C}}
    Fails:
        tasks:
          answer-complaints:
            activity: respond
            raci: {care: RA, pr: C, sales: C, marketing: C, legal: C, product: C}
    Fix:
        Keep as C only those whose input changes the outcome; make the rest I.
    """

    code = "RACI005"
    name = "too-many-consulted"
    severity = Severity.WARNING
    options = (Option("max_consulted", 4, "most Consulted departments a task may have", 1),)

    def check(self, context: RuleContext) -> Iterator[Violation]:
        limit = context.options["max_consulted"]
        for task_id in context.graph.task_ids():
            consulted = context.graph.holders(task_id, Letter.CONSULTED)
            if len(consulted) > limit:
                yield Violation(
                    f"task '{task_id}' has {len(consulted)} Consulted departments "
                    f"({department_list(context.org, consulted)}), more than {limit}: decisions will be slow",
                    task=task_id,
                    hint="keep as C only those whose input changes the outcome; make the rest I",
                )
