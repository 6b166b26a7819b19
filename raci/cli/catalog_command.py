"""`raci rules`, `raci explain CODE` and `raci schema`: what raci checks and reads."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

import typer

from raci.cli.exit_codes import EXIT_BAD_INPUT, EXIT_CLEAN
from raci.cli.streams import write_stderr_lines, write_stdout


class ListFormat(str, Enum):
    text = "text"
    json = "json"


def rules(
    output_format: Annotated[ListFormat, typer.Option("--format", "-f")] = ListFormat.text,
) -> int:
    """List every rule: code, name, default severity and summary."""
    from raci.report.catalog import rule_list_json, rule_list_text

    write_stdout(rule_list_json() if output_format is ListFormat.json else rule_list_text())
    return EXIT_CLEAN


def explain(code: Annotated[str, typer.Argument(help="A rule code (SOC103) or name.")]) -> int:
    """Explain a rule: the principle behind it, why it matters, examples, and how to fix."""
    from raci import rules as registry
    from raci.i18n import gettext as _
    from raci.report.catalog import explain_text

    rule = registry.rule_for(code)
    if rule is None:
        known = ", ".join(r.code for r in registry.ALL_RULES)
        message = _("unknown rule %(code)s; known rules: %(known)s") % {"code": repr(code), "known": known}
        write_stderr_lines([f"raci: {message}"])
        return EXIT_BAD_INPUT
    write_stdout(explain_text(rule))
    return EXIT_CLEAN


class SchemaKind(str, Enum):
    org = "org"
    findings = "findings"


def schema(
    kind: Annotated[
        SchemaKind,
        typer.Argument(help="org: the org file format; findings: the output of check --format json."),
    ] = SchemaKind.org,
) -> int:
    """Print a JSON Schema: of the org file format (for editors), or of the findings report."""
    if kind is SchemaKind.findings:
        from raci.report.findings_schema import findings_schema_text

        write_stdout(findings_schema_text())
        return EXIT_CLEAN
    from raci.model.schema import json_schema_text

    write_stdout(json_schema_text())
    return EXIT_CLEAN
