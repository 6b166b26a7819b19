"""Generated docs stay in step with the code."""

from __future__ import annotations

from raci.report.rules_doc import rules_markdown
from raci.rules import ALL_RULES

from .conftest import ROOT


def test_rules_doc_is_up_to_date() -> None:
    committed = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert committed == rules_markdown(), "run: python docs/make_rules_doc.py"


def test_rules_doc_covers_every_rule() -> None:
    text = rules_markdown()
    for rule in ALL_RULES:
        assert f"## {rule.code}" in text
        assert rule.doc.fix[:40] in text
