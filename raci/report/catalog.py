"""The rule catalog as text: the list for ``raci rules`` and the page for ``raci explain``.

Both read the rules' own metadata and docstrings, so the docs cannot drift from the code.
"""

from __future__ import annotations

import json
import textwrap

from raci import rules as registry
from raci.model.principles import PRINCIPLES_BY_NUMBER
from raci.rules import Rule


def rule_list_text() -> str:
    width = max(len(rule.name) for rule in registry.ALL_RULES)
    lines = [
        f"{rule.code:<8}{rule.name:<{width + 2}}{rule.severity.value:<9}{rule.doc.summary}"
        for rule in registry.ALL_RULES
    ]
    return "\n".join(lines) + "\n"


def rule_list_json() -> str:
    return json.dumps([rule_metadata(rule) for rule in registry.ALL_RULES], indent=2) + "\n"


def rule_metadata(rule: type[Rule]) -> dict[str, object]:
    return {
        "code": rule.code,
        "name": rule.name,
        "severity": rule.severity.value,
        "principle": rule.principle,
        "summary": rule.doc.summary,
        "why": rule.doc.why,
        "passes": rule.doc.passes,
        "fails": rule.doc.fails,
        "fix": rule.doc.fix,
        "options": [
            {"name": o.name, "default": o.default, "description": o.description} for o in rule.options
        ],
    }


def explain_text(rule: type[Rule], width: int = 88) -> str:
    doc = rule.doc
    out = [f"{rule.code} {rule.name} (default severity: {rule.severity.value})", doc.summary, ""]
    if rule.principle is not None:
        principle = PRINCIPLES_BY_NUMBER[rule.principle]
        out += [
            f'Principle {principle.number}: not "{principle.misconception}"',
            *_wrap(principle.truth, width),
            "",
        ]
    out += ["Why it matters", *_wrap(doc.why, width), ""]
    out += ["Passes", *_indent(doc.passes), "Fails", *_indent(doc.fails)]
    out += ["How to fix", *_wrap(doc.fix, width)]
    if rule.options:
        out += ["", "Options (set under rules: options: in the org file, or --set CODE.option=value)"]
        out += [f"  {o.name} = {o.default}  {o.description}" for o in rule.options]
    return "\n".join(out) + "\n"


def _wrap(text: str, width: int) -> list[str]:
    return textwrap.wrap(text, width=width, initial_indent="  ", subsequent_indent="  ")


def _indent(block: str) -> list[str]:
    return ["    " + line if line else "" for line in block.rstrip("\n").splitlines()] + [""]
