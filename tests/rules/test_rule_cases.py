"""Data-driven rule tests: every case file in tests/rules/cases/, one test per case.

A case `passes` when the rule raises nothing on it; a case `fails` with exactly the findings
listed under `expect` (line relative to the snippet, task/department ids, message parts).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

import raci
from raci.rules import ALL_RULES, RULES_BY_CODE

from .harness import check_snippet

CASES_DIR = Path(__file__).parent / "cases"


def _cases() -> list[Any]:
    params = []
    for path in sorted(CASES_DIR.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in data["cases"]:
            params.append(pytest.param(data["rule"], case, id=f"{data['rule']}-{case['name']}"))
    return params


def test_every_rule_has_passing_and_failing_cases() -> None:
    for rule in ALL_RULES:
        data = yaml.safe_load((CASES_DIR / f"{rule.code}.yaml").read_text(encoding="utf-8"))
        kinds = {"passes" if "passes" in case else "fails" for case in data["cases"]}
        assert kinds == {"passes", "fails"}, rule.code


@pytest.mark.parametrize(("code", "case"), _cases())
def test_rule_case(code: str, case: dict[str, Any]) -> None:
    assert code in RULES_BY_CODE
    options = {code: case["options"]} if "options" in case else {}
    config = raci.Config(options=options) if options else None
    snippet = case.get("passes", case.get("fails"))
    result, offset = check_snippet(snippet, config)
    found = [finding for finding in result.findings if finding.code == code]
    if "passes" in case:
        assert found == [], [f.message for f in found]
        return
    expected = case["expect"]
    assert len(found) == len(expected), [f.message for f in found]
    for finding, want in zip(found, sorted(expected, key=lambda e: e["line"]), strict=True):
        assert finding.line == want["line"] + offset, finding
        assert finding.file == "case.yaml"
        assert finding.task == want.get("task")
        assert finding.department == want.get("department")
        if "message_contains" in want:
            assert want["message_contains"] in finding.message
        if "not_contains" in want:
            assert want["not_contains"] not in finding.message


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda rule: rule.code)
def test_docstring_examples_are_true(rule: type[raci.rules.Rule]) -> None:  # type: ignore[name-defined]
    """The examples `raci explain` prints are checked: Passes passes, Fails fails."""
    passing, _ = check_snippet(rule.doc.passes)
    failing, _ = check_snippet(rule.doc.fails)
    assert rule.code not in {f.code for f in passing.findings}
    assert rule.code in {f.code for f in failing.findings}
