"""Regenerate docs/rules.md from the rule catalog: python docs/make_rules_doc.py"""

from __future__ import annotations

from pathlib import Path

from raci.report.rules_doc import rules_markdown

if __name__ == "__main__":
    target = Path(__file__).with_name("rules.md")
    target.write_text(rules_markdown(), encoding="utf-8")
    print(f"wrote {target}")
