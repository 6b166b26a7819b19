"""The JSON report: a stable, documented format for tools (see README, "JSON output")."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from .. import __version__
from ..severity import Severity

if TYPE_CHECKING:
    from ..checker import CheckResult
    from ..errors import Problem
    from . import ReportOptions

FORMAT_VERSION = 1


def report_json(results: Sequence[CheckResult], problems: Sequence[Problem], options: ReportOptions) -> str:
    return json.dumps(build_json(results, problems), indent=2, ensure_ascii=False) + "\n"


def build_json(results: Sequence[CheckResult], problems: Sequence[Problem] = ()) -> dict[str, Any]:
    findings = [finding.to_dict() for result in results for finding in result.findings]
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
                "summary": counts,
                "scorecard": result.scorecard.to_dict(),
            }
        )
    return {
        "tool": {"name": "raci", "version": __version__},
        "format_version": FORMAT_VERSION,
        "findings": findings,
        "files": files,
        "load_errors": [
            {"file": p.source, "line": p.line, "column": p.column, "message": p.message} for p in problems
        ],
        "summary": {
            "files_checked": len(results),
            "files_with_load_errors": len({p.source for p in problems}),
            "findings": len(findings),
            **totals,
        },
    }
