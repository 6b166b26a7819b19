from __future__ import annotations

from collections.abc import Iterator

from raci.model.severity import Severity
from raci.model.vocabulary import Letter
from raci.rules.base import Rule, RuleContext, Violation


class SiloTask(Rule):
    """A task has no Consulted or Informed department at all.

    Why:
        Social media is a communication channel shared across the company; a task that
        consults and informs nobody is done in a silo, and the rest of the company learns
        about it from customers.
    Passes:
        tasks:
          publish-posts: {activity: publish, raci: {marketing: RA, care: I}}
    Fails:
        tasks:
          publish-posts: {activity: publish, raci: {marketing: RA}}
    Fix:
        Inform the departments that customers will contact about the task's results.
    """

    code = "RACI007"
    name = "silo-task"
    severity = Severity.INFO

    def check(self, context: RuleContext) -> Iterator[Violation]:
        for task_id in context.graph.task_ids():
            held = context.graph.letters_on(task_id)
            if Letter.CONSULTED not in held and Letter.INFORMED not in held:
                yield Violation(
                    f"task '{task_id}' consults and informs no department: it is done in a silo",
                    task=task_id,
                    hint="inform the departments customers will contact about it",
                )
