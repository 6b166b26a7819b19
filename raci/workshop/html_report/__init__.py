"""The one-file HTML report: scorecard, diagrams, the RACI matrix, findings and workload.

    import raci
    from raci.workshop.html_report import build_report

    org = raci.load("org.yaml")
    html = build_report(org, raci.check(org))       # a str; nothing is written

The page is self-contained (CSS, SVG and data inline, no script, no network), escapes every
user string, prints well, and is byte-identical for the same input.
"""

from __future__ import annotations

from raci.workshop.html_report.build import (
    CONTENT_SECURITY_POLICY,
    build_page,
    build_report,
    build_report_bytes,
)

__all__ = ["CONTENT_SECURITY_POLICY", "build_page", "build_report", "build_report_bytes"]
