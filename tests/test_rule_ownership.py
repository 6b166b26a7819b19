"""A rule owns its whole behaviour: a new rule is picked up everywhere with no other change.

The throwaway rule below ("legal is consulted on recover tasks") is added only by patching
the registry, as one line in RULE_MODULES would; the checker, ``raci suggest``, the diagrams,
the scorecard and the generated docs must all pick it up.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

import raci
from raci import rules as registry
from raci.model.severity import Severity
from raci.model.vocabulary import Activity, Function, Letter
from raci.rules import Rule, RuleContext, Violation
from raci.rules.gaps import Gap, MissingOwnerGap

from .conftest import ROOT

if TYPE_CHECKING:
    from raci.graph import OrgGraph
    from raci.model.findings import Finding
    from raci.model.organization import Organization
    from raci.rules.fixes import Candidate, Planner


class LegalConsulted(Rule):
    """Legal is consulted on every recover task.

    Why:
        A public apology can admit liability; legal should read it first.
    Passes:
        tasks:
          handle-incidents: {activity: recover, raci: {pr: RA, legal: C}}
    Fails:
        tasks:
          handle-incidents: {activity: recover, raci: {pr: RA}}
    Fix:
        Give legal C on the recover task.
    """

    code = "SOC399"
    name = "legal-consulted"
    severity = Severity.WARNING
    principle = 4
    principle_check = "legal reads the apology"
    required_cells = ((Function.LEGAL, Activity.RECOVER, frozenset({Letter.CONSULTED})),)

    def check(self, context: RuleContext) -> Iterator[Violation]:
        graph = context.graph
        for task_id in graph.tasks_by_activity.get(Activity.RECOVER, []):
            held = graph.assignments(task_id)
            if not any(graph.function_of(d) is Function.LEGAL and Letter.CONSULTED in held[d] for d in held):
                yield Violation(f"legal is not on recover task '{task_id}'", task=task_id)

    @classmethod
    def fixes(cls, plan: Planner, finding: Finding) -> Iterator[Candidate]:
        if finding.task is None:
            return
        for dept in plan.departments(Function.LEGAL):
            yield plan.candidate(plan.give(finding.task, dept, frozenset({Letter.CONSULTED})))

    @classmethod
    def gaps(cls, finding: Finding, org: Organization, graph: OrgGraph) -> list[Gap]:
        return [MissingOwnerGap(Function.LEGAL, Activity.RECOVER, finding.task, "C", "should read it (C)")]


ORG = """\
organization: Test Company
departments:
  marketing: {name: Marketing, function: marketing}
  care: {name: Customer Care, function: customer_service}
  pr: {name: Communications, function: public_relations}
  legal: {name: Counsel, function: legal}
tasks:
  handle-incidents: {activity: recover, effort_hours: 2, raci: {pr: RA, marketing: C}}
"""


@pytest.fixture
def with_legal_rule(monkeypatch: pytest.MonkeyPatch) -> None:
    """The registry with the throwaway rule added (what one line in RULE_MODULES does)."""
    rules = (*registry.ALL_RULES, LegalConsulted)
    monkeypatch.setattr(registry, "ALL_RULES", rules)
    monkeypatch.setattr(registry, "RULES_BY_CODE", {rule.code: rule for rule in rules})


def test_every_rule_offers_fixes_or_says_why_not() -> None:
    for rule in registry.ALL_RULES:
        offers = rule.fixes.__func__ is not Rule.fixes.__func__  # type: ignore[attr-defined]
        assert offers or rule.no_fix, rule.code
        assert not (offers and rule.no_fix), f"{rule.code}: fixes and no_fix both set"


def test_a_rule_without_fixes_or_a_reason_is_refused() -> None:
    with pytest.raises(TypeError, match="no_fix"):

        class Bare(Rule):
            """Summary.

            Why: w
            Passes: p
            Fails: f
            Fix: x
            """

            code = "SOC398"
            name = "bare"
            severity = Severity.INFO


def test_the_checker_runs_a_new_rule(with_legal_rule: None) -> None:
    result = raci.check(raci.loads(ORG, source_name="org.yaml"))
    found = [f for f in result.findings if f.code == "SOC399"]
    assert [(f.task, f.line) for f in found] == [("handle-incidents", 8)]


def test_suggest_proposes_the_new_rules_fix(with_legal_rule: None) -> None:
    from raci.workshop.suggest import suggest

    planned = suggest(raci.check(raci.loads(ORG, source_name="org.yaml")))
    changes = [s.summary for s in planned.suggestions if any(f.code == "SOC399" for f in s.resolved)]
    assert changes == ["Counsel nothing -> C on handle-incidents"]
    assert not [u for u in planned.unresolved if u.finding.code == "SOC399"]


def test_the_gap_map_and_diagrams_draw_where_the_rule_says(with_legal_rule: None) -> None:
    from raci.diagrams.api import diagram
    from raci.diagrams.gapmap import build_gap_map

    org = raci.loads(ORG, source_name="org.yaml")
    result = raci.check(org)
    gaps = build_gap_map(result)
    owner = gaps.missing_owners[Function.LEGAL, Activity.RECOVER, "handle-incidents"]
    assert owner.letters == "C"
    assert owner.flag.codes == ["SOC399"]
    assert "SOC399" not in gaps.tasks.get("handle-incidents", type(owner.flag)()).codes
    source = diagram(org, result, view="gaps").source
    assert "SOC399" in source
    assert "should read it (C)" in source


def test_the_scorecard_and_docs_read_the_new_rule(with_legal_rule: None) -> None:
    from raci.checking.scorecard import build_scorecard
    from raci.model.principles import PRINCIPLES_BY_NUMBER
    from raci.report.rules_doc import principles_table, rules_markdown

    result = raci.check(raci.loads(ORG, source_name="org.yaml"))
    card = build_scorecard(result)
    fourth = card.principles[3]
    assert fourth.rules == ("SOC301", "SOC302", "SOC399")
    assert fourth.status == "fail"
    assert PRINCIPLES_BY_NUMBER[4].checks.endswith(", legal reads the apology")
    cell = card.cells[Function.LEGAL, Activity.RECOVER]
    assert cell.required == frozenset({Letter.CONSULTED})
    assert cell.missing
    assert "## SOC399" in rules_markdown()
    assert "| 4 | Social media mistakes destroy companies |" in principles_table()
    assert "legal reads the apology | SOC301, SOC302, SOC399 |" in principles_table()


def test_readme_principles_table_is_generated_from_the_rules() -> None:
    from raci.report.rules_doc import with_principles_table

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert readme == with_principles_table(readme), "run: python docs/make_rules_doc.py"


def test_principle_checks_join_the_rules_phrases_in_order() -> None:
    from raci.model.principles import PRINCIPLES_BY_NUMBER

    # Hand-written: the social-media rules' phrases first, then RACI006's.
    assert PRINCIPLES_BY_NUMBER[5].checks == (
        "every task has effort or budget, the five activities are covered, no one is overloaded"
    )


def test_required_cells_come_from_the_rules() -> None:
    cells = registry.required_cells()
    assert cells[Function.CUSTOMER_SERVICE, Activity.RESPOND] == frozenset({Letter.RESPONSIBLE})
    assert cells[Function.SALES, Activity.SELL] == frozenset({Letter.RESPONSIBLE, Letter.ACCOUNTABLE})
    assert len(cells) == 7  # care respond, PR recover, sales sell, marketing's four


def test_scaffold_writes_a_rule_that_the_registry_loads(tmp_path: Path) -> None:
    """scripts/new_rule.py on a copy of the package: module, case file, registry line."""
    shutil.copytree(ROOT / "raci", tmp_path / "raci", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "tests" / "rules" / "cases", tmp_path / "tests" / "rules" / "cases")
    (tmp_path / "scripts").mkdir()
    shutil.copy(ROOT / "scripts" / "new_rule.py", tmp_path / "scripts")
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    made = subprocess.run(
        [sys.executable, "scripts/new_rule.py", "SOC303", "legal-on-recovery"],
        cwd=tmp_path, env=env, capture_output=True, text=True, check=False,
    )
    assert made.returncode == 0, made.stderr
    assert (tmp_path / "raci" / "rules" / "soc303_legal_on_recovery.py").is_file()
    assert (tmp_path / "tests" / "rules" / "cases" / "SOC303.yaml").is_file()
    probe = "from raci.rules import ALL_RULES; print(ALL_RULES[-1].code, ALL_RULES[-1].name)"
    loaded = subprocess.run(
        [sys.executable, "-c", probe], cwd=tmp_path, env=env, capture_output=True, text=True, check=False
    )
    assert loaded.stdout == "SOC303 legal-on-recovery\n", loaded.stderr
    # Its prose reaches the translation catalog through babel.cfg's rule extractor.
    from raci.rules.doc_messages import rule_doc_messages

    module = (tmp_path / "raci" / "rules" / "soc303_legal_on_recovery.py").read_text(encoding="utf-8")
    sections = [section for _, section, _ in rule_doc_messages(module)]
    assert sections == ["summary", "Why", "Fix"]
    again = subprocess.run(
        [sys.executable, "scripts/new_rule.py", "SOC303", "other-name"],
        cwd=tmp_path, env=env, capture_output=True, text=True, check=False,
    )
    assert again.returncode == 2
    assert "exists already" in again.stderr


def test_every_rule_docstring_parses() -> None:
    """Rule docs are parsed on first read (start-up): every rule's must parse, here."""
    for rule in registry.ALL_RULES:
        doc = rule.doc
        assert doc.summary and doc.why and doc.passes.strip() and doc.fails.strip() and doc.fix, rule.code


def test_a_rule_missing_a_docstring_section_is_refused_at_import() -> None:
    with pytest.raises(TypeError, match="sections Fix"):

        class NoFix(Rule):
            """Summary.

            Why: w
            Passes: p
            Fails: f
            """

            code = "SOC397"
            name = "no-fix-section"
            severity = Severity.INFO
            no_fix = "none"
