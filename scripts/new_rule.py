"""Start a new rule: its module, its case file and its registry line.

    python scripts/new_rule.py SOC303 legal-consulted-on-recovery

writes raci/rules/soc303_legal_consulted_on_recovery.py (a rule class to fill in: its check,
its fixes, where its gaps are drawn), tests/rules/cases/SOC303.yaml (a passing and a failing
case to fill in) and adds the module to RULE_MODULES in raci/rules/__init__.py. Nothing else
needs changing: ``raci suggest``, the diagrams, the scorecard and the docs read the rules.
The docstring's summary, Why and Fix reach the translation catalogs through babel.cfg's rule
extractor: update the catalogs and translate them as for any new message.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RULES = ROOT / "raci" / "rules"
CASES = ROOT / "tests" / "rules" / "cases"
REGISTRY = RULES / "__init__.py"

MODULE = '''\
from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from raci.model.severity import Severity
from raci.rules.base import Rule, RuleContext, Violation

if TYPE_CHECKING:
    from raci.model.findings import Finding
    from raci.rules.fixes import Candidate, Planner


class {cls}(Rule):
    """One line saying what must hold (the rule's summary).

    Why:
        Why it matters, in a sentence or two.
    Passes:
        tasks:
          example: {{activity: publish, raci: {{marketing: RA}}}}
    Fails:
        tasks:
          example: {{activity: publish, raci: {{marketing: A}}}}
    Fix:
        What the user should change.
    """

    code = "{code}"
    name = "{name}"
    severity = Severity.WARNING
    # principle = 1..5 and principle_check = "..." if it checks one of the five principles;
    # required_cells = ((Function..., Activity..., frozenset({{Letter...}})),) if it expects
    # cells of the ownership grid filled.

    def check(self, context: RuleContext) -> Iterator[Violation]:
        return iter(())

    @classmethod
    def fixes(cls, plan: Planner, finding: Finding) -> Iterator[Candidate]:
        """Changes ``raci suggest`` should try (see raci/rules/fixes.py), or set ``no_fix``."""
        return iter(())

    # Findings are drawn on their task or department; override ``gaps`` to draw a missing
    # owner or a missing activity instead (see raci/rules/gaps.py).
'''

CASE_FILE = """\
rule: {code}
cases:
  - name: what passes
    passes: |
      tasks:
        example: {{activity: publish, raci: {{marketing: RA}}}}
  - name: what fails
    fails: |
      tasks:
        example: {{activity: publish, raci: {{marketing: A}}}}
    expect: [{{line: 2, task: example}}]
"""


def class_name(name: str) -> str:
    return "".join(part.capitalize() for part in name.split("-"))


def add_to_registry(text: str, module: str) -> str:
    """The registry with ``module`` added as the last line of RULE_MODULES."""
    match = re.search(r"RULE_MODULES: tuple\[str, \.\.\.\] = \(\n(.*?)\n\)", text, re.S)
    if match is None:
        raise SystemExit("RULE_MODULES not found in raci/rules/__init__.py")
    return text[: match.end(1)] + f'\n    "{module}",' + text[match.end(1) :]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("code", help="e.g. SOC303 or RACI008")
    parser.add_argument("name", help="kebab-case, e.g. legal-consulted-on-recovery")
    args = parser.parse_args(argv)
    code, name = args.code.upper(), args.name.lower()
    if not re.fullmatch(r"(RACI|SOC)\d{3}", code):
        parser.error("code must look like RACI008 or SOC303")
    if not re.fullmatch(r"[a-z][a-z0-9]*(-[a-z0-9]+)*", name):
        parser.error("name must be kebab-case")
    module = f"{code.lower()}_{name.replace('-', '_')}"
    target, case = RULES / f"{module}.py", CASES / f"{code}.yaml"
    registry = REGISTRY.read_text(encoding="utf-8")
    taken = [path for path in (target, case) if path.exists()]
    if taken or f'"{code.lower()}_' in registry:
        print(f"{code} exists already: {', '.join(map(str, taken)) or 'in the registry'}", file=sys.stderr)
        return 2
    target.write_text(MODULE.format(cls=class_name(name), code=code, name=name), encoding="utf-8")
    case.write_text(CASE_FILE.format(code=code), encoding="utf-8")
    REGISTRY.write_text(add_to_registry(registry, module), encoding="utf-8")
    for path in (target, case, REGISTRY):
        print(f"wrote {path.relative_to(ROOT)}")
    print("then: update the catalogs, translate the docstring's summary, Why and Fix (docs/architecture.md)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
