"""Regenerate docs/rules.md and the README's principles table from the rules:
python docs/make_rules_doc.py"""

from __future__ import annotations

from pathlib import Path

from raci.report.rules_doc import rules_markdown, with_principles_table

if __name__ == "__main__":
    target = Path(__file__).with_name("rules.md")
    target.write_text(rules_markdown(), encoding="utf-8")
    print(f"wrote {target}")
    readme = Path(__file__).resolve().parent.parent / "README.md"
    readme.write_text(with_principles_table(readme.read_text(encoding="utf-8")), encoding="utf-8")
    print(f"updated the principles table in {readme}")
