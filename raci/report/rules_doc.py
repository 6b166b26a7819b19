"""The rule reference as Markdown (docs/rules.md), generated from the rules themselves."""

from __future__ import annotations

from raci.model.principles import PRINCIPLES_BY_NUMBER
from raci.rules import ALL_RULES


def rules_markdown() -> str:
    out = [
        "# Rule reference",
        "",
        "Generated from the rules' own docstrings by `python docs/make_rules_doc.py`; "
        "`raci explain CODE` prints the same text.",
        "",
        "| Code | Name | Default | Checks |",
        "|---|---|---|---|",
    ]
    out += [
        f"| [{r.code}](#{r.code.lower()}) | `{r.name}` | {r.severity.value} | {r.doc.summary} |"
        for r in ALL_RULES
    ]
    for rule in ALL_RULES:
        doc = rule.doc
        out += ["", f"## {rule.code}", "", f"**{rule.name}** · default severity **{rule.severity.value}**"]
        if rule.principle is not None:
            principle = PRINCIPLES_BY_NUMBER[rule.principle]
            out.append(f" · principle {principle.number}: not *{principle.misconception}*")
        out += ["", doc.summary, "", f"**Why.** {doc.why}", ""]
        out += ["**Passes:**", "", "```yaml", doc.passes.rstrip("\n"), "```", ""]
        out += ["**Fails:**", "", "```yaml", doc.fails.rstrip("\n"), "```", ""]
        out += [f"**Fix.** {doc.fix}"]
        if rule.options:
            out += ["", "**Options:**", ""]
            out += [f"- `{o.name}` (default {o.default}): {o.description}" for o in rule.options]
    return "\n".join(out) + "\n"
