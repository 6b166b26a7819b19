"""Turn a rule-case snippet into a full organisation, as the docs' examples are written.

Snippets may leave out `organization` and `departments`; the standard departments below are
then added in front, and expected lines stay relative to the snippet.
"""

from __future__ import annotations

import raci
from raci.checking.checker import CheckResult

STANDARD_DEPARTMENTS = """\
departments:
  marketing: {name: Marketing, function: marketing}
  care: {name: Customer Care, function: customer_service}
  pr: {name: Communications, function: public_relations}
  sales: {name: Sales, function: sales}
  legal: {name: Legal, function: legal}
  product: {name: Product, function: product}
"""


def complete(snippet: str) -> tuple[str, int]:
    """The full org text and how many lines were added before the snippet."""
    prefix = ""
    if "organization:" not in snippet:
        prefix += "organization: Test Company\n"
    if "departments:" not in snippet:
        prefix += STANDARD_DEPARTMENTS
    return prefix + snippet, prefix.count("\n")


def check_snippet(snippet: str, config: raci.Config | None = None) -> tuple[CheckResult, int]:
    text, offset = complete(snippet)
    org = raci.loads(text, source_name="case.yaml")
    return raci.check(org, config), offset
