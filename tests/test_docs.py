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


def _readme_block_after(marker: str) -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("```text\n", readme.index(marker)) + len("```text\n")
    return readme[start : readme.index("```", start)]


def test_readme_example_outputs_are_current() -> None:
    """The README pastes two real runs; they must still be what `raci check` prints."""
    from .conftest import run_subprocess

    for name, code in (("marketing-owns-everything.yaml", 1), ("shared-ownership.yaml", 0)):
        marker = f"`raci check org_examples/{name}` (exit code {code}):"
        done = run_subprocess("check", f"org_examples/{name}", "--color", "never", cwd=ROOT)
        assert done.code == code
        assert done.stdout == _readme_block_after(marker), f"update the README block for {name}"
