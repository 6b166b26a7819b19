"""The JSON report: a stable, documented format for tools (see README, "JSON output")."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from raci import __version__
from raci.model.severity import Severity

if TYPE_CHECKING:
    from raci.checking.checker import CheckResult
    from raci.model.errors import Problem
    from raci.report import ReportOptions

FORMAT_VERSION = 1


def report_json(results: Sequence[CheckResult], problems: Sequence[Problem], options: ReportOptions) -> str:
    data = build_json(results, problems, baselined=options.baselined_total)
    return dumps_with_compact_findings(data)


def dumps_with_compact_findings(data: dict[str, Any]) -> str:
    """Indented JSON, except that each finding takes one line.

    One line a finding keeps large reports readable and diffable, and lets the C encoder do
    the work (``indent`` forces Python's pure encoder, ten times slower on thousands).
    """
    findings = data["findings"]
    text = json.dumps({**data, "findings": []}, indent=2, ensure_ascii=False)
    if findings:
        lines = ",\n".join("    " + json.dumps(f, ensure_ascii=False) for f in findings)
        text = text.replace('"findings": []', '"findings": [\n' + lines + "\n  ]", 1)
    return text + "\n"


def build_json(
    results: Sequence[CheckResult], problems: Sequence[Problem] = (), *, baselined: int = 0
) -> dict[str, Any]:
    findings = [finding.to_dict() for result in results for finding in result.findings]
    waived = [finding.to_dict() for result in results for finding in result.waived]
    totals = {severity.value: 0 for severity in reversed(Severity)}
    files = []
    for result in results:
        counts = {severity.value: count for severity, count in result.counts().items()}
        for key, count in counts.items():
            totals[key] += count
        files.append(
            {
                "file": result.source,
                "organization": result.org.organization,
                "summary": {**counts, "waived": len(result.waived)},
                "scorecard": result.scorecard.to_dict(),
            }
        )
    return {
        "tool": {"name": "raci", "version": __version__},
        "format_version": FORMAT_VERSION,
        "findings": findings,
        # Findings the org files waive, with the reason: reported, never counted.
        "waived": waived,
        "files": files,
        "load_errors": [problem.to_dict() for problem in problems],
        "summary": {
            "files_checked": len(results),
            "files_with_load_errors": len({p.source for p in problems}),
            "findings": len(findings),
            **totals,
            # Findings a --baseline file listed, left out of `findings`.
            "baselined": baselined,
            "waived": len(waived),
        },
    }
