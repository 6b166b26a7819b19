"""JUnit XML, the format CI dashboards (Jenkins, GitLab, Azure, CircleCI…) show as tests.

One ``<testsuite>`` per file; in it one ``<testcase>`` per rule of the catalog. A rule with
errors or warnings in that file fails, its ``<failure>`` carrying each of them as
``file:line:col: severity CODE message`` lines. Info findings never fail ``raci check``, so
they do not fail here either: their case passes with the lines in ``<system-out>``. A rule
that did not run (deselected or ignored) is skipped, and so is one whose every finding the
file waives (the message gives the reason; waived findings beside others go to
``<system-out>``). A file that could
not be loaded is one test case with an ``<error>``.
XML is built with :mod:`xml.etree.ElementTree`, which escapes every user string.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from typing import TYPE_CHECKING

from raci.i18n import gettext, ngettext
from raci.model.severity import Severity
from raci.report import LOAD_ERROR_ID, fix_note, portable_path, waived_note
from raci.rules import ALL_RULES

if TYPE_CHECKING:
    from raci.checking.checker import CheckResult
    from raci.model.errors import Problem
    from raci.model.findings import Finding
    from raci.report import ReportOptions

# Characters XML 1.0 cannot carry at all, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def report_junit(results: Sequence[CheckResult], problems: Sequence[Problem], options: ReportOptions) -> str:
    root = ET.Element("testsuites", {"name": "raci"})
    for result in results:
        root.append(_result_suite(result, options))
    by_file: dict[str, list[Problem]] = {}
    for problem in problems:
        by_file.setdefault(problem.source, []).append(problem)
    for source, file_problems in by_file.items():
        root.append(_problem_suite(source, file_problems))
    _set_counts(root, root.findall("testsuite"))
    ET.indent(root, space="  ")
    body = ET.tostring(root, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{body}\n'


def _result_suite(result: CheckResult, options: ReportOptions) -> ET.Element:
    file = portable_path(result.source)
    suite = ET.Element("testsuite", {"name": _xml(file)})
    properties = ET.SubElement(suite, "properties")
    ET.SubElement(properties, "property", {"name": "organization", "value": _xml(result.org.organization)})
    if options.baselined is not None:
        count = options.baselined.get(result.source, 0)
        ET.SubElement(properties, "property", {"name": "baselined", "value": str(count)})
    active = {entry.rule.code for entry in result.rules}
    by_code: dict[str, list[Finding]] = {}
    for finding in result.findings:
        by_code.setdefault(finding.code, []).append(finding)
    waived: dict[str, list[Finding]] = {}
    for finding in result.waived:
        waived.setdefault(finding.code, []).append(finding)
    for rule in ALL_RULES:
        case = ET.SubElement(
            suite,
            "testcase",
            {"name": f"{rule.code} {rule.name}", "classname": _xml(file), "file": _xml(file)},
        )
        _fill_case(case, by_code.get(rule.code, []), waived.get(rule.code), rule.code in active)
    return suite


def _fill_case(case: ET.Element, findings: list[Finding], waived: list[Finding] | None, active: bool) -> None:
    """One rule's test case: failed by its errors and warnings, else skipped when its findings
    are all waived or the rule was not selected; passed otherwise."""
    if findings and findings[0].line is not None:
        case.set("line", str(findings[0].line))
    failing = [finding for finding in findings if finding.severity != Severity.INFO]
    notes = [finding for finding in findings if finding.severity == Severity.INFO]
    if failing:
        _add_failure(case, failing)
    elif waived is not None and not notes:
        _add_skipped_waived(case, waived)
    elif not active:
        ET.SubElement(case, "skipped", {"message": gettext("rule not selected")})
    _add_system_out(case, notes, waived if failing or notes else None)


def _add_system_out(case: ET.Element, notes: list[Finding], waived: list[Finding] | None) -> None:
    """Info findings pass (they never fail `raci check`): their lines go to <system-out>,
    with the waived findings of a case that shows findings anyway."""
    out = [_finding_lines(finding) for finding in notes]
    if waived is not None:
        out += [f"{_finding_lines(f)}\n    {waived_note(f.waiver)}" for f in waived]
    if out:
        ET.SubElement(case, "system-out").text = _xml("\n".join(out))


def _add_failure(case: ET.Element, findings: Sequence[Finding]) -> None:
    """One ``<failure>`` carrying every error and warning of the rule in the file."""
    worst = max(finding.severity for finding in findings)
    count = len(findings)
    many = ngettext("%(count)d finding", "%(count)d findings", count) % {"count": count}
    message = findings[0].message if count == 1 else many
    failure = ET.SubElement(case, "failure", {"message": _xml(message), "type": worst.value})
    failure.text = _xml("\n".join(_finding_lines(finding) for finding in findings))


def _add_skipped_waived(case: ET.Element, findings: Sequence[Finding]) -> None:
    """Waived findings of a rule that found nothing else in the file: the case is skipped,
    with the reasons (the team decided, and says why)."""
    text = _xml("\n".join(f"{_finding_lines(f)}\n    {waived_note(f.waiver)}" for f in findings))
    reasons = "; ".join(dict.fromkeys(f.waiver or "" for f in findings))
    ET.SubElement(case, "skipped", {"message": _xml(waived_note(reasons))}).text = text


def _problem_suite(source: str, problems: Sequence[Problem]) -> ET.Element:
    file = portable_path(source)
    suite = ET.Element("testsuite", {"name": _xml(file)})
    case = ET.SubElement(
        suite, "testcase", {"name": LOAD_ERROR_ID, "classname": _xml(file), "file": _xml(file)}
    )
    count = len(problems)
    many = ngettext("%(count)d problem", "%(count)d problems", count) % {"count": count}
    message = problems[0].message if count == 1 else many
    error = ET.SubElement(case, "error", {"message": _xml(message), "type": LOAD_ERROR_ID})
    error.text = _xml("\n".join(str(problem) for problem in problems))
    if problems[0].line is not None:
        case.set("line", str(problems[0].line))
    return suite


def _set_counts(element: ET.Element, suites: Sequence[ET.Element]) -> None:
    totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    for suite in suites:
        cases = suite.findall("testcase")
        counts = {
            "tests": len(cases),
            "failures": sum(1 for case in cases if case.find("failure") is not None),
            "errors": sum(1 for case in cases if case.find("error") is not None),
            "skipped": sum(1 for case in cases if case.find("skipped") is not None),
        }
        for key, value in counts.items():
            suite.set(key, str(value))
            totals[key] += value
    for key, value in totals.items():
        element.set(key, str(value))


def _finding_lines(finding: Finding) -> str:
    where = portable_path(finding.file)
    if finding.line is not None:
        where += f":{finding.line}:{finding.column or 1}"
    line = f"{where}: {finding.severity.label} {finding.code} {finding.message}"
    if finding.hint and finding.hint.lower() not in finding.message.lower():
        line += f"\n    {fix_note(finding.hint)}"
    return line


def _xml(text: str) -> str:
    """Text XML can hold: characters XML 1.0 forbids become U+FFFD (escaping is ElementTree's)."""
    return _NOT_XML.sub("\ufffd", text)
