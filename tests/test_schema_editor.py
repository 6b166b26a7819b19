"""Editor support: the JSON Schema works with real clients, and agrees with the loader.

`check-jsonschema` (the validator behind many editors' and pre-commit's schema checks) must
accept every bundled example and starter, reject files with unknown keys, bad letters, wrong
types or unknown functions, and agree with `raci check` on each file in tests/data/schema/.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from raci.model.schema import SCHEMA_FILE, json_schema, json_schema_text
from raci.model.vocabulary import Activity, Function

from .conftest import DATA, EXAMPLES, ROOT, run_subprocess

SCHEMA_CASES = DATA / "schema"
TEMPLATES = sorted((ROOT / "raci" / "templates").glob("*.yaml"))
BAD = {
    "bad-unknown-key.yaml": "'effort_hour' was unexpected",
    "bad-unknown-top-key.yaml": "'department' was unexpected",
    "bad-letters.yaml": "raci.marketing",
    "bad-repeated-letter.yaml": "raci.marketing",
    "bad-type.yaml": "effort_hours",
    "bad-negative.yaml": "capacity_hours",
    "bad-departments-list.yaml": "$.departments",
    "bad-unknown-function.yaml": "magic.function",
    "bad-unknown-activity.yaml": "juggle.activity",
    "bad-horizon.yaml": "review_horizon_days",
    "bad-rule-code.yaml": "$.rules",
    "bad-missing-organization.yaml": "'organization' is a required property",
}


@pytest.fixture(scope="module")
def schema_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The schema as users get it: the output of `raci schema`, written to a file."""
    run = run_subprocess("schema")
    assert run.code == 0, run.stderr
    path = tmp_path_factory.mktemp("schema") / SCHEMA_FILE
    path.write_text(run.stdout, encoding="utf-8")
    return path


def check_jsonschema(schema: Path, *files: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--schemafile", str(schema), *map(str, files)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_check_jsonschema_accepts_every_bundled_example_and_template(schema_file: Path) -> None:
    files = sorted(EXAMPLES.glob("*.yaml")) + TEMPLATES
    assert len(files) >= 5
    done = check_jsonschema(schema_file, *files)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize("name", sorted(BAD))
def test_check_jsonschema_rejects_bad_files_that_raci_rejects(schema_file: Path, name: str) -> None:
    path = SCHEMA_CASES / name
    done = check_jsonschema(schema_file, path)
    assert done.returncode == 1, done.stdout + done.stderr
    assert BAD[name] in done.stdout
    # The loader agrees: the same file is bad input to raci.
    assert run_subprocess("check", str(path)).code == 2


def test_bad_cases_are_all_listed() -> None:
    assert {path.name for path in SCHEMA_CASES.glob("bad-*.yaml")} == set(BAD)


def test_what_the_loader_forgives_the_schema_accepts(schema_file: Path) -> None:
    path = SCHEMA_CASES / "good-forgiving.yaml"
    done = check_jsonschema(schema_file, path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert run_subprocess("check", str(path), "--quiet").code in (0, 1)


def test_schema_is_valid_draft_2020_12() -> None:
    schema = json_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)
    assert json.loads(json_schema_text()) == schema


def _objects(schema: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {"<root>": schema, **schema["$defs"]}


def test_every_field_has_a_description() -> None:
    schema = json_schema()
    missing = [
        f"{owner}.{field}"
        for owner, node in _objects(schema).items()
        for field, spec in node.get("properties", {}).items()
        if not spec.get("description")
    ]
    assert not missing
    for name in ("Department", "Task", "RulesConfig"):
        assert schema["$defs"][name]["description"]


def _enum_values(node: dict[str, Any]) -> set[str]:
    values = set(node.get("enum", []))
    for branch in node.get("anyOf", []):
        values |= _enum_values(branch)
    return values


def test_editors_can_complete_functions_activities_and_letters() -> None:
    defs = json_schema()["$defs"]
    functions = _enum_values(defs["Department"]["properties"]["function"])
    assert {function.value for function in Function} <= functions
    assert {"support", "comms", "customer care"} <= functions
    activities = _enum_values(defs["Task"]["properties"]["activity"])
    assert {activity.value for activity in Activity} <= activities
    letters = _enum_values(defs["Task"]["properties"]["raci"]["additionalProperties"])
    assert {"R", "A", "S", "C", "I", "RA", "RACI", "RASCI"} <= letters
    assert len(letters) == 31  # every non-empty combination of the five RASCI letters
    audiences = _enum_values(defs["Task"]["properties"]["audience"])
    assert {"customers", "candidates", "employees", "media", "investors", "partners"} <= audiences
    assert "applicants" in audiences
    horizon = _enum_values(defs["Task"]["properties"]["review_horizon_days"])
    assert {"quarterly", "per post", "yearly"} <= horizon
    assert set(defs["Severity"]["enum"]) == {"error", "warning", "info"}


def test_enum_lists_have_a_description_per_value() -> None:
    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if "enumDescriptions" in node:
                assert len(node["enumDescriptions"]) == len(node["enum"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(json_schema())


def test_no_pydantic_only_keywords_leak_into_the_schema() -> None:
    text = json_schema_text()
    for keyword in ('"ge"', '"le"', '"gt"', '"lt"'):
        assert keyword not in text


def test_patterns_avoid_engine_specific_syntax() -> None:
    """yaml-language-server runs patterns in JavaScript, check-jsonschema in an ECMA engine,
    jsonschema in Python: no backreferences or inline flags that one of them reads otherwise."""
    patterns = re.findall(r'"pattern": "((?:[^"\\]|\\.)*)"', json_schema_text())
    assert patterns
    for raw in patterns:
        pattern = json.loads(f'"{raw}"')
        re.compile(pattern)
        assert not re.search(r"\\[1-9]|\(\?[aiLmsux]", pattern), pattern


def test_init_writes_the_yaml_language_server_line(tmp_path: Path, schema_file: Path) -> None:
    org = tmp_path / "org.yaml"
    run = run_subprocess("init", str(org))
    assert run.code == 0, run.stderr
    first = org.read_text(encoding="utf-8").splitlines()[0]
    match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
    assert match, first
    # The modeline names a file beside the org file, which `raci schema` writes.
    target = tmp_path / match.group(1)
    target.write_text(schema_file.read_text(encoding="utf-8"), encoding="utf-8")
    done = check_jsonschema(target, org)
    assert done.returncode == 0, done.stdout + done.stderr
    check = run_subprocess("check", str(org))
    assert check.code == 0, check.stdout + check.stderr
    assert "no findings" in check.stdout


@pytest.mark.parametrize("template", ["social-media", "blank"])
def test_every_template_carries_the_line_and_passes_clean(tmp_path: Path, template: str) -> None:
    org = tmp_path / f"{template}.yaml"
    assert run_subprocess("init", str(org), "--template", template).code == 0
    text = org.read_text(encoding="utf-8")
    assert text.startswith(f"# yaml-language-server: $schema={SCHEMA_FILE}\n")
    run = run_subprocess("check", str(org), "--fail-on", "info", "--format", "json")
    assert run.code == 0, run.stdout
    assert json.loads(run.stdout)["findings"] == []
