"""The ecosystem formats: SARIF 2.1.0, GitHub annotations, JUnit XML and Markdown.

Each format runs through the CLI as a subprocess, as CI would run it; SARIF is validated
against the OASIS schema, JUnit is parsed as XML, and user text that could break out of each
format (pipes, HTML, newlines, commas and colons, XML specials) is checked to stay inert.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import jsonschema
import pytest

import raci
from raci.report import FORMATS, ReportOptions, render_report
from raci.report.github import escape_data, escape_property
from raci.report.markdown import escape_markdown
from raci.rules import ALL_RULES

from .conftest import EXAMPLES, ROOT, run_subprocess

MISTAKES = EXAMPLES / "classic-raci-mistakes.yaml"
MISTAKES_NAME = "org_examples/classic-raci-mistakes.yaml"
SARIF_SCHEMA = ROOT.parent / "shared" / "schemas" / "sarif-schema-2.1.0.json"

# An idle department's name reaches a message (RACI003): every special character of every
# format is in it.
TRICKY_NAME = 'Sales | EMEA <img src=x> [x](http://e.test) 100%, a:b & "q" ]]> *bold* `code`'
TRICKY = f"""\
organization: "Tricky <Org> & | co"
departments:
  marketing: {{function: marketing, capacity_hours: 40}}
  care: {{function: customer_service, capacity_hours: 40}}
  pr: {{function: public_relations, capacity_hours: 10}}
  sales: {{function: sales, capacity_hours: 10}}
  idle: {{name: {json.dumps(TRICKY_NAME)}, function: other}}
tasks:
  listen: {{activity: monitor, effort_hours: 1, raci: {{marketing: RA, care: I}}}}
  discover: {{activity: discover, effort_hours: 1, raci: {{marketing: RA, sales: C}}}}
  select: {{activity: select, effort_hours: 1, raci: {{marketing: RA, pr: C}}}}
  create: {{activity: create, effort_hours: 1, raci: {{marketing: RA, pr: C}}}}
  publish: {{activity: publish, effort_hours: 1, raci: {{marketing: RA, care: I}}}}
  answer: {{activity: respond, effort_hours: 1, raci: {{care: RA, pr: C}}}}
  sell: {{activity: sell, effort_hours: 1, raci: {{sales: RA, marketing: I}}}}
  promote: {{activity: promote, budget: 10, raci: {{marketing: RA, sales: C}}}}
  recover: {{activity: recover, effort_hours: 1, raci: {{pr: RA, care: C, sales: I}}}}
  measure: {{activity: measure, review_horizon_days: 90, effort_hours: 1, raci: {{marketing: RA, sales: C}}}}
"""


@pytest.fixture(scope="module")
def tricky(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("tricky") / "tricky, org:1.yaml"
    path.write_text(TRICKY, encoding="utf-8")
    return path


def check(*args: str, cwd: Path = ROOT) -> tuple[int, str, str]:
    run = run_subprocess("check", *args, cwd=cwd)
    return run.code, run.stdout, run.stderr


def mistakes_result() -> raci.CheckResult:
    return raci.check(raci.load(MISTAKES))


# --- the registry -------------------------------------------------------------------------


def test_every_format_is_registered_and_offered_by_the_cli() -> None:
    assert {"text", "json", "sarif", "github", "junit", "markdown"} <= set(FORMATS)
    run = run_subprocess("check", "--help")
    for name in ("sarif", "github", "junit", "markdown"):
        assert name in run.stdout


def test_reporters_import_nothing_from_the_cli() -> None:
    code = (
        "import sys, raci\n"
        "from raci.report import render_report\n"
        "r = raci.check(raci.load(sys.argv[1]))\n"
        "for name in ('sarif', 'github', 'junit', 'markdown', 'json'):\n"
        "    assert render_report(name, [r])\n"
        "bad = [m for m in ('typer', 'click', 'rich', 'raci.cli') if m in sys.modules]\n"
        "assert not bad, bad\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(MISTAKES)], capture_output=True, text=True, check=False, timeout=60
    )
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("name", ["sarif", "github", "junit", "markdown"])
def test_reports_are_deterministic(name: str) -> None:
    first = render_report(name, [mistakes_result()])
    assert first == render_report(name, [mistakes_result()])


@pytest.mark.parametrize("name", ["sarif", "github", "junit", "markdown", "json", "text"])
def test_every_format_through_the_cli(name: str) -> None:
    code, out, err = check(MISTAKES_NAME, "--format", name)
    assert code == 1, err
    assert out.strip()
    assert err == ""
    if name != "junit":
        assert "RACI001" in out


# --- SARIF --------------------------------------------------------------------------------


def sarif_validator() -> jsonschema.protocols.Validator:
    if not SARIF_SCHEMA.exists():
        pytest.skip(f"the OASIS SARIF schema is not at {SARIF_SCHEMA}")
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def validate_sarif(document: dict[str, Any]) -> None:
    errors = sorted(sarif_validator().iter_errors(document), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:10])


def test_sarif_validates_against_the_oasis_schema() -> None:
    code, out, _ = check(MISTAKES_NAME, "--format", "sarif")
    assert code == 1
    validate_sarif(json.loads(out))


def test_sarif_with_load_errors_and_many_files_validates(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("organization: [unclosed\n", encoding="utf-8")
    code, out, _ = check(str(EXAMPLES), str(broken), "--format", "sarif")
    assert code == 2
    document = json.loads(out)
    validate_sarif(document)
    run = document["runs"][0]
    load_errors = [r for r in run["results"] if r["ruleId"] == "load-error"]
    assert load_errors
    assert load_errors[0]["locations"][0]["physicalLocation"]["region"]["startLine"] >= 1
    assert run["invocations"][0]["executionSuccessful"] is False
    assert len(run["artifacts"]) == 5  # the four bundled examples and broken.yaml
    # More than locations (SARIF Multitool's GitHub rules warn about location-only artifacts).
    for entry in run["artifacts"]:
        assert entry["roles"] == ["analysisTarget"] and entry["mimeType"] == "application/yaml"


def test_sarif_names_the_tool_and_its_load_error_rule() -> None:
    _, out, _ = check(MISTAKES_NAME, "--format", "sarif")
    driver = json.loads(out)["runs"][0]["tool"]["driver"]
    assert driver["informationUri"].startswith("https://")
    load_error = next(rule for rule in driver["rules"] if rule["id"] == "load-error")
    assert load_error["name"] == "FileCouldNotBeLoaded" != load_error["id"]
    assert len({rule["name"] for rule in driver["rules"]}) == len(driver["rules"])


def test_sarif_driver_describes_every_rule() -> None:
    _, out, _ = check(MISTAKES_NAME, "--format", "sarif")
    document = json.loads(out)
    assert document["version"] == "2.1.0"
    driver = document["runs"][0]["tool"]["driver"]
    assert driver["name"] == "raci"
    rules = {rule["id"]: rule for rule in driver["rules"]}
    for rule in ALL_RULES:
        descriptor = rules[rule.code]
        assert descriptor["name"] == rule.name
        assert descriptor["shortDescription"]["text"] == rule.doc.summary
        assert rule.doc.why in descriptor["fullDescription"]["text"]
        assert rule.doc.fix in descriptor["help"]["text"]
        expected = {"error": "error", "warning": "warning", "info": "note"}[rule.severity.value]
        assert descriptor["defaultConfiguration"]["level"] == expected
    for index, descriptor in enumerate(driver["rules"]):
        for result in document["runs"][0]["results"]:
            if result["ruleId"] == descriptor["id"]:
                assert result["ruleIndex"] == index


def test_sarif_results_carry_message_level_region_and_relative_uri() -> None:
    _, out, _ = check(MISTAKES_NAME, "--format", "sarif")
    results = json.loads(out)["runs"][0]["results"]
    findings = mistakes_result().findings
    assert len(results) == len(findings)
    for result, finding in zip(results, findings, strict=True):
        assert result["ruleId"] == finding.code
        assert result["message"]["text"].startswith(finding.message)
        assert (
            result["level"]
            == {"error": "error", "warning": "warning", "info": "note"}[finding.severity.value]
        )
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uri"] == MISTAKES_NAME
        assert location["region"] == {"startLine": finding.line, "startColumn": finding.column}
        assert result["partialFingerprints"]


def test_sarif_uris_are_relative_even_for_absolute_arguments() -> None:
    _, out, _ = check(str(MISTAKES), "--format", "sarif")
    uris = {
        result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for result in json.loads(out)["runs"][0]["results"]
    }
    assert uris == {MISTAKES_NAME}


def test_sarif_fingerprints_do_not_depend_on_lines(tmp_path: Path) -> None:
    original = tmp_path / "org.yaml"
    original.write_text(MISTAKES.read_text(encoding="utf-8"), encoding="utf-8")
    _, before, _ = check("org.yaml", "--format", "sarif", cwd=tmp_path)
    original.write_text("# moved\n# down\n" + MISTAKES.read_text(encoding="utf-8"), encoding="utf-8")
    _, after, _ = check("org.yaml", "--format", "sarif", cwd=tmp_path)

    def prints(text: str) -> list[str]:
        return [
            r["partialFingerprints"]["raciFindingIdentity/v1"] for r in json.loads(text)["runs"][0]["results"]
        ]

    assert prints(before) == prints(after)
    assert len(set(prints(before))) == len(prints(before))


def test_sarif_percent_encodes_file_names(tricky: Path) -> None:
    code, out, _ = check(tricky.name, "--format", "sarif", cwd=tricky.parent)
    assert code == 0
    document = json.loads(out)
    validate_sarif(document)
    assert document["runs"][0]["artifacts"][0]["location"]["uri"] == "tricky%2C%20org%3A1.yaml"


# --- GitHub -------------------------------------------------------------------------------

ANNOTATION = re.compile(
    r"^::(error|warning|notice) file=([^,:]+),line=(\d+),col=(\d+),title=([A-Za-z0-9-]+)::(.+)$"
)


def test_github_annotations_through_the_cli() -> None:
    code, out, _ = check(MISTAKES_NAME, "--format", "github")
    assert code == 1
    lines = out.splitlines()
    findings = mistakes_result().findings
    annotations = [ANNOTATION.match(line) for line in lines[:-1]]
    assert all(annotations), lines
    assert len(annotations) == len(findings)
    for match, finding in zip(annotations, findings, strict=True):
        assert match is not None
        level = {"error": "error", "warning": "warning", "info": "notice"}[finding.severity.value]
        assert match.groups()[:5] == (
            level,
            MISTAKES_NAME,
            str(finding.line),
            str(finding.column),
            finding.code,
        )
        assert match.group(6).startswith(finding.message)
    assert lines[-1] == "raci: 3 errors, 4 warnings, 1 info in 1 file"
    assert lines[0].startswith(
        "::warning file=org_examples/classic-raci-mistakes.yaml,line=20,col=3,title=RACI006::"
        "department 'Customer Success' has 51.25 h"
    )


def test_github_escaping() -> None:
    assert escape_data("100% done\r\nnext") == "100%25 done%0D%0Anext"
    assert escape_property("a,b:c%\n") == "a%2Cb%3Ac%25%0A"
    assert escape_data("a,b:c") == "a,b:c"


def test_github_user_text_cannot_end_or_start_a_command(tricky: Path) -> None:
    code, out, _ = check(tricky.name, "--format", "github", "--quiet", cwd=tricky.parent)
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == 1  # RACI003 for the idle department; --quiet drops the summary
    assert lines[0].startswith("::warning file=tricky%2C org%3A1.yaml,line=")
    assert "title=RACI003::" in lines[0]
    assert "100%25, a:b" in lines[0]


def test_github_load_errors_are_annotations(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("organization: Acme\ndepartments:\n  mk: {function: wizardry}\n", encoding="utf-8")
    code, out, _ = check("broken.yaml", "--format", "github", cwd=tmp_path)
    assert code == 2
    assert re.search(r"^::error file=broken\.yaml,line=3,col=\d+,title=load-error::.*wizardry", out, re.M)
    assert out.splitlines()[-1] == "raci: 1 file not loaded"


# --- JUnit --------------------------------------------------------------------------------


def test_junit_has_one_case_per_rule_per_file_and_failures_carry_findings() -> None:
    code, out, _ = check(MISTAKES_NAME, "--format", "junit")
    assert code == 1
    root = ET.fromstring(out)
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert len(suites) == 1
    suite = suites[0]
    assert suite.get("name") == MISTAKES_NAME
    cases = suite.findall("testcase")
    assert [case.get("name", "").split()[0] for case in cases] == [rule.code for rule in ALL_RULES]
    findings = mistakes_result().findings
    # Errors and warnings fail; info findings pass (as `raci check` does) with <system-out>.
    failing = {finding.code for finding in findings if finding.severity != raci.Severity.INFO}
    noted = {finding.code for finding in findings if finding.severity == raci.Severity.INFO}
    assert noted, "the example should have an info finding"
    assert suite.get("tests") == str(len(ALL_RULES))
    assert suite.get("failures") == str(len(failing)) == root.get("failures")
    for case in cases:
        code_ = case.get("name", "").split()[0]
        failure = case.find("failure")
        assert (failure is not None) == (code_ in failing)
        out = case.find("system-out")
        assert (out is not None) == (code_ in noted)
        text = (failure.text if failure is not None else out.text if out is not None else "") or ""
        for finding in findings:
            if finding.code == code_:
                assert f"{MISTAKES_NAME}:{finding.line}:{finding.column}: " in text
                assert finding.message in text


def test_junit_skips_rules_that_did_not_run() -> None:
    _, out, _ = check(MISTAKES_NAME, "--format", "junit", "--ignore", "SOC")
    suite = ET.fromstring(out).find("testsuite")
    assert suite is not None
    skipped = [case.get("name", "") for case in suite.findall("testcase") if case.find("skipped") is not None]
    assert skipped and all(name.startswith("SOC") for name in skipped)
    assert suite.get("skipped") == str(len(skipped))


def test_junit_escapes_user_text_and_reports_load_errors(tricky: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("organization: <&>\ntasks: 3\n", encoding="utf-8")
    code, out, _ = check(str(tricky), str(broken), "--format", "junit")
    assert code == 2
    root = ET.fromstring(out)  # well-formed despite <, &, ]]> and quotes in names
    suites = root.findall("testsuite")
    assert len(suites) == 2
    properties = {p.get("name"): p.get("value") for p in suites[0].iter("property")}
    assert properties["organization"] == "Tricky <Org> & | co"
    failure = next(
        case.find("failure") for case in suites[0].iter("testcase") if case.find("failure") is not None
    )
    assert failure is not None and TRICKY_NAME in (failure.text or "")
    error = suites[1].find("testcase/error")
    assert error is not None and error.get("type") == "load-error"
    assert suites[1].get("errors") == "1" and root.get("errors") == "1"


# --- Markdown -----------------------------------------------------------------------------


def table_rows(text: str) -> list[str]:
    skip = ("| Severity", "| ---")
    return [line for line in text.splitlines() if line.startswith("| ") and not line.startswith(skip)]


def unescaped_pipes(line: str) -> int:
    return len(re.findall(r"(?<!\\)\|", line))


def test_markdown_table_and_summary() -> None:
    code, out, _ = check(MISTAKES_NAME, "--format", "markdown")
    assert code == 1
    lines = out.splitlines()
    assert lines[0].startswith("### ") and "raci: 3 errors, 4 warnings, 1 info in 1 file" in lines[0]
    assert "| Severity | Code | Line | Message |" in lines
    rows = table_rows(out)
    assert len(rows) == len(mistakes_result().findings)
    assert all(unescaped_pipes(row) == 5 for row in rows)
    assert "| 🔴 error | RACI001 | 47 |" in out


def test_markdown_escapes_user_text(tricky: Path) -> None:
    code, out, _ = check(tricky.name, "--format", "markdown", cwd=tricky.parent)
    assert code == 0
    rows = table_rows(out)
    assert len(rows) == 1
    assert unescaped_pipes(rows[0]) == 5  # the | in the name cannot open a cell
    assert "<img" not in out and "&lt;img src=x&gt;" in out
    assert "[x](" not in out.replace("\\[x\\](", "")
    assert "\\*bold\\*" in out and "\\`code\\`" in out
    assert "Tricky &lt;Org&gt; &amp; \\| co" in out


def test_markdown_escape_function() -> None:
    assert escape_markdown("a|b\nc") == "a\\|b c"
    assert escape_markdown("<script>") == "&lt;script&gt;"
    assert escape_markdown("[a](b)") == "\\[a\\](b)"
    assert escape_markdown("x_y*z`~") == "x\\_y\\*z\\`\\~"


def test_markdown_quiet_is_just_the_table() -> None:
    _, out, _ = check(MISTAKES_NAME, "--format", "markdown", "--quiet")
    assert out.startswith("| Severity | Code | Line | Message |")
    assert "raci:" not in out


# --- options reach the reporters ----------------------------------------------------------


def test_baselined_count_reaches_every_summary() -> None:
    result = mistakes_result()
    options = ReportOptions(baselined={result.source: 3})
    assert "; 3 baselined" in render_report("text", [result], (), options)
    assert "; 3 baselined" in render_report("github", [result], (), options)
    assert "; 3 baselined" in render_report("markdown", [result], (), options)
    assert json.loads(render_report("json", [result], (), options))["summary"]["baselined"] == 3
    sarif = json.loads(render_report("sarif", [result], (), options))
    assert sarif["runs"][0]["properties"]["baselined"] == 3
    assert {r["baselineState"] for r in sarif["runs"][0]["results"]} == {"new"}
    junit = ET.fromstring(render_report("junit", [result], (), options))
    assert {p.get("name"): p.get("value") for p in junit.iter("property")}["baselined"] == "3"
    # Without a baseline in use, nothing says "baselined".
    assert "baselined" not in render_report("text", [result])
