"""The SARIF 2.1.0 report, for GitHub code scanning and other static-analysis dashboards.

One run per invocation. The tool driver lists every rule of the catalog (id, name, short and
full description, help, default level) plus ``load-error`` for files that could not be
loaded; results point at relative artifact URIs with a 1-based line and column region.
Each result carries a partial fingerprint built from the same identity a baseline uses
(code, file, task, department, activity, function: not the line), so dashboards follow a
finding when lines above it move.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Sequence
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from raci import __version__
from raci.checking.baseline import finding_identity
from raci.i18n import gettext
from raci.model.principles import PRINCIPLES_BY_NUMBER
from raci.model.severity import Severity
from raci.report import LOAD_ERROR_ID, fix_note, portable_path
from raci.rules import ALL_RULES, Rule

if TYPE_CHECKING:
    from raci.checking.checker import CheckResult
    from raci.model.errors import Problem
    from raci.model.findings import Finding
    from raci.report import ReportOptions

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SRCROOT = "%SRCROOT%"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
FINGERPRINT_KEY = "raciFindingIdentity/v1"
#: Where a SARIF viewer sends people to read about the tool.
INFORMATION_URI = "https://raci.dev"
#: The load-error rule's human name (its id, ``load-error``, is what dashboards key on).
LOAD_ERROR_NAME = "FileCouldNotBeLoaded"
#: Org files are YAML (RFC 9512's media type).
YAML_MIME_TYPE = "application/yaml"


def report_sarif(results: Sequence[CheckResult], problems: Sequence[Problem], options: ReportOptions) -> str:
    return json.dumps(build_sarif(results, problems, options), indent=2, ensure_ascii=False) + "\n"


def build_sarif(
    results: Sequence[CheckResult], problems: Sequence[Problem], options: ReportOptions
) -> dict[str, Any]:
    rules = [_rule_descriptor(rule) for rule in ALL_RULES] + [_load_error_descriptor()]
    rule_index = {descriptor["id"]: index for index, descriptor in enumerate(rules)}

    artifacts: list[dict[str, Any]] = []
    artifact_index: dict[str, int] = {}

    def artifact(name: str) -> dict[str, Any]:
        uri = artifact_uri(name)
        if uri not in artifact_index:
            artifact_index[uri] = len(artifacts)
            artifacts.append(
                {
                    "location": _location_uri(uri),
                    "roles": ["analysisTarget"],
                    "mimeType": YAML_MIME_TYPE,
                    "sourceLanguage": "yaml",
                }
            )
        return {**_location_uri(uri), "index": artifact_index[uri]}

    sarif_results: list[dict[str, Any]] = []
    for result in results:
        artifact(result.source)
        seen: Counter[str] = Counter()
        # Waived findings stay in the log, suppressed in source with the team's reason, as
        # SARIF viewers and GitHub code scanning expect.
        for finding in sorted((*result.findings, *result.waived), key=lambda f: f.sort_key):
            sarif_results.append(_finding_result(finding, rule_index, artifact(finding.file), seen, options))
    for problem in problems:
        sarif_results.append(_problem_result(problem, rule_index, artifact(problem.source)))

    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "raci",
                "informationUri": INFORMATION_URI,
                "version": __version__,
                "semanticVersion": __version__,
                "rules": rules,
            }
        },
        "invocations": [{"executionSuccessful": not problems}],
        "originalUriBaseIds": {
            SRCROOT: {"description": {"text": gettext("The directory raci check ran in.")}},
        },
        "artifacts": artifacts,
        "columnKind": "unicodeCodePoints",
        "results": sarif_results,
    }
    if options.baselined is not None:
        run["properties"] = {"baselined": options.baselined_total}
    return {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}


def artifact_uri(name: str) -> str:
    """A relative URI reference for a file name (percent-encoded, forward slashes)."""
    path = portable_path(name)
    if PurePosixPath(path).is_absolute():
        # Outside the working directory: only an absolute file URI can say where.
        return "file://" + quote(path, safe="/")
    return quote(path, safe="/")


def _location_uri(uri: str) -> dict[str, Any]:
    if uri.startswith("file://"):
        return {"uri": uri}
    return {"uri": uri, "uriBaseId": SRCROOT}


def _finding_result(
    finding: Finding,
    rule_index: dict[str, int],
    location: dict[str, Any],
    seen: Counter[str],
    options: ReportOptions,
) -> dict[str, Any]:
    identity = "\x1f".join(finding_identity(finding))
    occurrence = seen[identity]
    seen[identity] += 1
    fingerprint = hashlib.sha256(f"{identity}\x1f{occurrence}".encode("utf-8", "replace")).hexdigest()
    message = finding.message
    if finding.hint and finding.hint.lower() not in message.lower():
        message = f"{message} ({fix_note(finding.hint)})"
    entry: dict[str, Any] = {
        "ruleId": finding.code,
        "ruleIndex": rule_index[finding.code],
        "level": LEVELS[finding.severity],
        "message": {"text": message},
        "locations": [_physical_location(location, finding.line, finding.column)],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint[:32]},
    }
    logical = _logical_location(finding)
    if logical is not None:
        entry["locations"][0]["logicalLocations"] = [logical]
    if options.baselined is not None:
        # Compared with the baseline, every finding still reported is a new one.
        entry["baselineState"] = "new"
    if finding.waiver is not None:
        entry["suppressions"] = [{"kind": "inSource", "justification": finding.waiver}]
    properties = {
        key: value
        for key, value in (
            ("task", finding.task),
            ("department", finding.department),
            ("activity", finding.activity),
            ("function", finding.function),
        )
        if value is not None
    }
    if properties:
        entry["properties"] = properties
    return entry


def _problem_result(problem: Problem, rule_index: dict[str, int], location: dict[str, Any]) -> dict[str, Any]:
    return {
        "ruleId": LOAD_ERROR_ID,
        "ruleIndex": rule_index[LOAD_ERROR_ID],
        "level": "error",
        "message": {"text": problem.message},
        "locations": [_physical_location(location, problem.line, problem.column)],
    }


def _physical_location(artifact: dict[str, Any], line: int | None, column: int | None) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": artifact}
    if line is not None:
        region: dict[str, int] = {"startLine": line}
        if column is not None:
            region["startColumn"] = column
        physical["region"] = region
    return {"physicalLocation": physical}


def _logical_location(finding: Finding) -> dict[str, Any] | None:
    if finding.task is not None:
        return {"name": finding.task, "fullyQualifiedName": f"tasks.{finding.task}", "kind": "member"}
    if finding.department is not None:
        return {
            "name": finding.department,
            "fullyQualifiedName": f"departments.{finding.department}",
            "kind": "member",
        }
    return None


def _rule_descriptor(rule: type[Rule]) -> dict[str, Any]:
    doc = rule.doc
    tags = ["raci"] if rule.code.startswith("RACI") else ["social-media"]
    principle_text = ""
    if rule.principle is not None:
        principle = PRINCIPLES_BY_NUMBER[rule.principle]
        tags.append(f"principle-{principle.number}")
        names = {"number": principle.number, "misconception": principle.misconception}
        principle_line = gettext('Principle %(number)d: not "%(misconception)s"') % names
        principle_text = f"{principle_line}. {principle.truth}"
    full = " ".join(part for part in (doc.why, principle_text) if part)
    why, fix = gettext("Why"), gettext("Fix")
    passes, fails = gettext("Passes"), gettext("Fails")
    help_text = (
        f"{doc.summary}\n\n{why}: {doc.why}\n\n{fix}: {doc.fix}\n\n"
        f"{passes}:\n{doc.passes}\n{fails}:\n{doc.fails}"
    )
    help_markdown = (
        f"{doc.summary}\n\n**{why}.** {doc.why}\n\n**{fix}.** {doc.fix}\n\n"
        f"{passes}:\n\n```yaml\n{doc.passes}```\n\n{fails}:\n\n```yaml\n{doc.fails}```\n"
    )
    descriptor: dict[str, Any] = {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": doc.summary},
        "fullDescription": {"text": full},
        "help": {"text": help_text, "markdown": help_markdown},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"tags": tags},
    }
    if rule.options:
        descriptor["properties"]["options"] = {option.name: option.default for option in rule.options}
    return descriptor


def _load_error_descriptor() -> dict[str, Any]:
    text = gettext("The file could not be loaded: a YAML syntax error, or a value the org format refuses.")
    advice = gettext("Fix the problem at the position given; `raci schema` describes the format.")
    return {
        "id": LOAD_ERROR_ID,
        "name": LOAD_ERROR_NAME,
        "shortDescription": {"text": gettext("The org file could not be loaded.")},
        "fullDescription": {"text": text},
        "help": {
            "text": f"{text} {advice}",
        },
        "defaultConfiguration": {"level": "error"},
        "properties": {"tags": ["raci"]},
    }
