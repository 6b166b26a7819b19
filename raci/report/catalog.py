"""The rule catalog as text: the list for ``raci rules`` and the page for ``raci explain``.

Both read the rules' own metadata and docstrings, so the docs cannot drift from the code;
the prose comes in the current language (``Rule.doc``).
"""

from __future__ import annotations

import json
import textwrap

from raci import rules as registry
from raci.i18n import gettext as _
from raci.model.principles import PRINCIPLES_BY_NUMBER
from raci.model.severity import Severity
from raci.rules import Rule


def rule_list_text() -> str:
    width = max(len(rule.name) for rule in registry.ALL_RULES)
    severity_width = max(len(level.label) for level in Severity) + 2
    lines = [
        f"{rule.code:<8}{rule.name:<{width + 2}}{rule.severity.label:<{severity_width}}"
        f"{rule.doc.summary}"
        for rule in registry.ALL_RULES
    ]
    return "\n".join(lines) + "\n"


def rule_list_json() -> str:
    rules = [rule_metadata(rule) for rule in registry.ALL_RULES]
    return json.dumps(rules, indent=2, ensure_ascii=False) + "\n"


def rule_metadata(rule: type[Rule]) -> dict[str, object]:
    """A rule's metadata: English keys, codes and the YAML examples; its prose in the language."""
    doc = rule.doc
    return {
        "code": rule.code,
        "name": rule.name,
        "severity": rule.severity.value,
        "principle": rule.principle,
        "summary": doc.summary,
        "why": doc.why,
        "passes": doc.passes,
        "fails": doc.fails,
        "fix": doc.fix,
        "options": [
            {"name": o.name, "default": o.default, "description": _(o.description)} for o in rule.options
        ],
    }


def explain_text(rule: type[Rule], width: int = 88) -> str:
    doc = rule.doc
    heading = _("%(code)s %(name)s (default severity: %(severity)s)") % {
        "code": rule.code,
        "name": rule.name,
        "severity": rule.severity.label,
    }
    out = [heading, doc.summary, ""]
    if rule.principle is not None:
        principle = PRINCIPLES_BY_NUMBER[rule.principle]
        out += [
            _('Principle %(number)d: not "%(misconception)s"')
            % {"number": principle.number, "misconception": principle.misconception},
            *_wrap(principle.truth, width),
            "",
        ]
    out += [_("Why it matters"), *_wrap(doc.why, width), ""]
    out += [_("Passes"), *_indent(doc.passes), _("Fails"), *_indent(doc.fails)]
    out += [_("How to fix"), *_wrap(doc.fix, width)]
    if rule.options:
        out += ["", _("Options (set under rules: options: in the org file, or --set CODE.option=value)")]
        out += [f"  {o.name} = {o.default}  {_(o.description)}" for o in rule.options]
    return "\n".join(out) + "\n"


def _wrap(text: str, width: int) -> list[str]:
    # Never at a hyphen: task ids (answer-complaints) stay whole.
    return textwrap.wrap(
        text, width=width, initial_indent="  ", subsequent_indent="  ", break_on_hyphens=False
    )


def _indent(block: str) -> list[str]:
    return ["    " + line if line else "" for line in block.rstrip("\n").splitlines()] + [""]
