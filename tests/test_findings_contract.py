"""The findings contract: `raci schema findings` describes `raci check --format json` output."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

import raci
from raci.report.json_report import FORMAT_VERSION, build_json
from tests.conftest import EXAMPLES, run_subprocess


@pytest.fixture(scope="module")
def schema() -> dict[str, object]:
    run = run_subprocess("schema", "findings")
    assert run.code == 0, run.stderr
    document = json.loads(run.stdout)
    jsonschema.Draft202012Validator.check_schema(document)
    return document  # type: ignore[no-any-return]


def test_schema_alone_is_still_the_org_schema() -> None:
    run = run_subprocess("schema")
    assert run.code == 0
    assert json.loads(run.stdout)["$id"].endswith("org-v1.json")
    assert run_subprocess("schema", "org").stdout == run.stdout


def test_schema_pins_the_format_version(schema: dict[str, object]) -> None:
    properties = schema["properties"]
    assert isinstance(properties, dict)
    assert properties["format_version"] == {"const": FORMAT_VERSION, "type": "integer"}
    assert str(FORMAT_VERSION) in str(schema["$id"])


def test_real_output_with_findings_and_load_errors_validates(
    schema: dict[str, object], tmp_path: Path
) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("organization: Acme\ntasks:\n  t: {activity: dance}\n", encoding="utf-8")
    run = run_subprocess("check", "--format", "json", str(EXAMPLES), str(broken))
    assert run.code == 2
    report = json.loads(run.stdout)
    jsonschema.validate(report, schema)
    assert report["findings"] and report["load_errors"]
    assert report["load_errors"][0]["path"] == ["tasks", "t", "activity"]
    assert {finding["severity"] for finding in report["findings"]} <= {"info", "warning", "error"}


def test_schema_refuses_what_breaks_the_contract(schema: dict[str, object]) -> None:
    report = build_json([raci.check(raci.load(EXAMPLES / "classic-raci-mistakes.yaml"))])
    jsonschema.validate(report, schema)
    for broken in (
        {**report, "format_version": FORMAT_VERSION + 1},
        {**report, "findings": [{**report["findings"][0], "severity": "fatal"}]},
        {key: value for key, value in report.items() if key != "summary"},
        {**report, "findings": [{k: v for k, v in report["findings"][0].items() if k != "code"}]},
    ):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(broken, schema)


def test_problem_to_dict_keeps_the_path_of_data_problems() -> None:
    with pytest.raises(raci.LoadError) as caught:
        raci.Organization.from_data(
            {"organization": "A", "tasks": {"t": {"activity": "respond", "raci": {"ghost": "R"}}}}
        )
    (problem,) = caught.value.problems
    assert problem.to_dict() == {
        "file": "<data>",
        "line": None,
        "column": None,
        "message": "task 't' names unknown department 'ghost'",
        "path": ["tasks", "t", "raci", "ghost"],
    }


def test_schema_requires_the_waived_counts(schema: dict[str, object]) -> None:
    defs = schema["$defs"]
    assert isinstance(defs, dict)
    assert defs["FileCounts"]["required"] == ["error", "warning", "info", "waived"]
    assert "waived" in defs["ReportSummary"]["required"]
    assert "waived" in schema["required"]  # type: ignore[operator]
    report = build_json([raci.check(raci.load(EXAMPLES / "classic-raci-mistakes.yaml"))])
    jsonschema.validate(report, schema)
    file = report["files"][0]
    no_count = {key: value for key, value in file["summary"].items() if key != "waived"}
    for broken in (
        {**report, "files": [{**file, "summary": no_count}]},
        {**report, "files": [{**file, "summary": {**file["summary"], "waived": "2"}}]},
        {key: value for key, value in report.items() if key != "waived"},
    ):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(broken, schema)
