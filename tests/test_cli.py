"""The `raci` command line, in-process (the `cli` fixture) and as a user runs it (subprocess)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import jsonschema
import pytest
import yaml

import raci
from raci.rules import ALL_RULES

from .conftest import DATA, EXAMPLES, ROOT, Run, run_subprocess

Cli = Callable[..., Run]

SHARED = str(EXAMPLES / "shared-ownership.yaml")
MARKETING = str(EXAMPLES / "marketing-owns-everything.yaml")
CLASSIC = str(EXAMPLES / "classic-raci-mistakes.yaml")
POLISH = str(EXAMPLES / "polska-firma.yaml")
FINDING_LINE = re.compile(r"^\S+:\d+:\d+: (error|warning|info) [A-Z]+\d{3} ", re.MULTILINE)
ANSI = re.compile(r"\x1b\[[0-9;]*m")
TOP_KEYS = {"tool", "format_version", "findings", "files", "load_errors", "summary"}
FINDING_KEYS = {
    "code",
    "severity",
    "message",
    "file",
    "line",
    "column",
    "rule",
    "task",
    "department",
    "activity",
    "function",
    "hint",
}
CODES = [rule.code for rule in ALL_RULES]


def _json(result: Run) -> dict[str, object]:
    assert not result.stdout.startswith("\x1b"), "JSON must never be coloured"
    data = json.loads(result.stdout)
    assert isinstance(data, dict)
    return data


def _codes(result: Run) -> list[str]:
    return [finding["code"] for finding in _json(result)["findings"]]  # type: ignore[index,union-attr]


def _one_line_error(result: Run) -> str:
    assert result.code == 2, result
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert result.stdout == ""
    return lines[0]


# --- check: exit codes ------------------------------------------------------------------


@pytest.mark.parametrize(("path", "code"), [(SHARED, 0), (MARKETING, 1), (CLASSIC, 1)])
def test_check_examples_in_process(cli: Cli, path: str, code: int) -> None:
    result = cli("check", path)
    assert result.code == code, result.stderr
    assert result.stderr == ""
    findings = FINDING_LINE.findall(result.stdout)
    assert bool(findings) == (code != 0)


@pytest.mark.parametrize(("path", "code"), [(SHARED, 0), (MARKETING, 1), (CLASSIC, 1)])
def test_check_examples_as_a_user_runs_it(path: str, code: int) -> None:
    result = run_subprocess("check", path)
    assert result.code == code, result.stderr
    assert result.stderr == ""
    assert "Traceback" not in result.stdout


def test_example_findings_are_what_the_stories_promise(cli: Cli) -> None:
    # Each example's header comment names the rules it shows; the check must find them.
    assert set(_codes(cli("check", "-f", "json", CLASSIC))) >= {f"RACI00{n}" for n in range(1, 8)}
    assert set(_codes(cli("check", "-f", "json", MARKETING))) >= {"SOC102", "SOC103", "SOC104", "SOC201"}
    assert _codes(cli("check", "-f", "json", SHARED)) == []


@pytest.mark.parametrize(
    ("flags", "expected"),
    [
        # Without its errors, the classic example has warnings and one info finding.
        (("--ignore", "RACI001,RACI002"), {"error": 0, "warning": 1, "info": 1}),
        (("--select", "RACI007"), {"error": 0, "warning": 0, "info": 1}),
        ((), {"error": 1, "warning": 1, "info": 1}),
    ],
)
def test_fail_on_changes_the_exit_code(cli: Cli, flags: tuple[str, ...], expected: dict[str, int]) -> None:
    for level, code in expected.items():
        result = cli("check", "--fail-on", level, *flags, CLASSIC)
        assert result.code == code, (level, flags)
    default = cli("check", *flags, CLASSIC)
    assert default.code == expected["error"]


# --- check: report formats and rule selection ---------------------------------------------


def test_json_report_has_the_documented_keys(cli: Cli) -> None:
    result = cli("check", "--format", "json", CLASSIC)
    assert result.code == 1
    data = _json(result)
    assert set(data) >= TOP_KEYS
    assert data["tool"]["name"] == "raci"  # type: ignore[index]
    assert data["tool"]["version"] == raci.__version__  # type: ignore[index]
    assert isinstance(data["format_version"], int)
    findings = data["findings"]
    assert isinstance(findings, list) and findings
    for finding in findings:
        assert set(finding) >= FINDING_KEYS
        assert finding["file"] == CLASSIC
        assert finding["severity"] in {"error", "warning", "info"}
        assert finding["code"] in CODES
        assert isinstance(finding["line"], int) and finding["line"] >= 1
        assert isinstance(finding["column"], int) and finding["column"] >= 1
    summary = data["summary"]
    assert summary["findings"] == len(findings)  # type: ignore[index]
    assert summary["files_checked"] == 1  # type: ignore[index]
    assert data["load_errors"] == []
    assert [f["file"] for f in data["files"]] == [CLASSIC]  # type: ignore[index,union-attr]


def test_json_report_of_a_broken_file(cli: Cli, tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("organization: Acme\ntasks:\n  t: {activity: respond, effort_hours: -1}\n")
    result = cli("check", "--format", "json", str(broken))
    assert result.code == 2
    data = _json(result)
    assert data["findings"] == []
    assert data["load_errors"] == [
        {
            "file": str(broken),
            "line": 3,
            "column": 40,
            "message": "effort_hours in task 't': must be at least 0",
            "path": ["tasks", "t", "effort_hours"],
        }
    ]
    assert result.stderr == f"{broken}:3:40: effort_hours in task 't': must be at least 0\n"


def test_select_and_ignore(cli: Cli) -> None:
    only = _codes(cli("check", "-f", "json", "--select", "SOC103", MARKETING))
    assert only == ["SOC103"]
    prefix = _codes(cli("check", "-f", "json", "--select", "SOC1", MARKETING))
    assert prefix and all(code.startswith("SOC1") for code in prefix)
    several = _codes(cli("check", "-f", "json", "--select", "SOC103", "--select", "SOC201", MARKETING))
    assert sorted(set(several)) == ["SOC103", "SOC201"]
    ignored = _codes(cli("check", "-f", "json", "--ignore", "SOC104,SOC402", MARKETING))
    assert ignored and not {"SOC104", "SOC402"} & set(ignored)
    assert cli("check", "--select", "RACI", MARKETING).code == 0
    assert cli("check", "--ignore", "SOC", "--ignore", "RACI", CLASSIC).code == 0


def test_severity_flag(cli: Cli) -> None:
    flags = ("--ignore", "RACI001,RACI002")
    assert cli("check", *flags, CLASSIC).code == 0
    raised = cli("check", "-f", "json", *flags, "--severity", "RACI003=error", CLASSIC)
    assert raised.code == 1
    levels = {f["code"]: f["severity"] for f in _json(raised)["findings"]}  # type: ignore[union-attr]
    assert levels["RACI003"] == "error"
    lowered = cli(
        "check", "-f", "json", "--severity", "RACI001=info", "--severity", "raci002=Warning", CLASSIC
    )
    assert lowered.code == 0
    levels = {f["code"]: f["severity"] for f in _json(lowered)["findings"]}  # type: ignore[union-attr]
    assert (levels["RACI001"], levels["RACI002"]) == ("info", "warning")


def test_set_flag(cli: Cli) -> None:
    assert {"RACI004", "RACI005"} <= set(_codes(cli("check", "-f", "json", CLASSIC)))
    codes = _codes(
        cli(
            "check",
            "-f",
            "json",
            "--set",
            "RACI004.max_responsible=10",
            "--set",
            "RACI005.max_consulted=9",
            CLASSIC,
        )
    )
    assert not {"RACI004", "RACI005"} & set(codes)
    default = _codes(cli("check", "-f", "json", CLASSIC)).count("RACI006")
    stricter = _codes(cli("check", "-f", "json", "--set", "RACI006.max_accountable=1", CLASSIC))
    assert stricter.count("RACI006") > default
    line = _one_line_error(cli("check", "--set", "RACI005.max_consulted=0", CLASSIC))
    assert "RACI005 option 'max_consulted' must be at least 1" in line


@pytest.mark.parametrize(
    ("flags", "fragment"),
    [
        (("--severity", "SOC101"), "--severity"),
        (("--severity", "SOC101=fatal"), "level must be error, warning or info"),
        (("--severity", "NOPE1=error"), "unknown rule code 'NOPE1'"),
        (("--set", "RACI004"), "--set"),
        (("--set", "RACI004.max_responsible"), "--set"),
        (("--set", "RACI004.nope=1"), "RACI004 has no option 'nope'"),
        (("--set", "RACI004.max_responsible=lots"), "max_responsible"),
        (("--set", "NOPE1.x=1"), "unknown rule code 'NOPE1'"),
        (("--select", "NOPE"), "unknown rule code 'NOPE'"),
        (("--ignore", "SOC1,NOPE"), "unknown rule code 'NOPE'"),
    ],
)
def test_bad_flag_values_are_one_clear_line(cli: Cli, flags: tuple[str, ...], fragment: str) -> None:
    line = _one_line_error(cli("check", *flags, SHARED))
    assert fragment in line


@pytest.mark.parametrize(
    "args",
    [
        ("check", "--fail-on", "bogus", SHARED),
        ("check", "--format", "bogus", SHARED),
        ("check", "--color", "bogus", SHARED),
        ("check", "--no-such-option", SHARED),
        ("check",),
        ("explain",),
        ("init", "--template", "nope", "x.yaml"),
        ("no-such-command",),
    ],
)
def test_usage_errors_are_exit_2(
    cli: Cli, args: tuple[str, ...], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = cli(*args)
    assert result.code == 2, result
    assert "Traceback" not in result.stderr
    assert "internal error" not in result.stderr
    assert result.stderr.strip()
    assert not FINDING_LINE.search(result.stdout)
    assert list(tmp_path.iterdir()) == []


def test_bad_flag_value_as_a_user_runs_it() -> None:
    line = _one_line_error(run_subprocess("check", "--set", "RACI004.max_responsible=lots", SHARED))
    assert "RACI004 option 'max_responsible'" in line


# --- check: configuration -----------------------------------------------------------------


def test_config_file(cli: Cli, tmp_path: Path) -> None:
    config = tmp_path / "raci.yaml"
    config.write_text("rules:\n  ignore: [RACI001, RACI002]\n  severity: {RACI007: error}\n")
    result = cli("check", "-f", "json", "--config", str(config), CLASSIC)
    assert result.code == 1
    levels = {f["code"]: f["severity"] for f in _json(result)["findings"]}  # type: ignore[union-attr]
    assert "RACI001" not in levels and "RACI002" not in levels
    assert levels["RACI007"] == "error"
    # Flags win over the file.
    flagged = cli("check", "--config", str(config), "--severity", "RACI007=info", CLASSIC)
    assert flagged.code == 0


def test_config_file_options(cli: Cli, tmp_path: Path) -> None:
    config = tmp_path / "raci.yaml"
    config.write_text("rules:\n  options:\n    RACI004: {max_responsible: 10}\n")
    assert "RACI004" not in _codes(cli("check", "-f", "json", "--config", str(config), CLASSIC))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("rules:\n  select: [SOC999]\n", "raci.yaml:2:12: unknown rule code 'SOC999' in select"),
        (
            "rules:\n  severity: {SOC101: loud}\n",
            "raci.yaml:2:22: SOC101 in 'rules.severity': must be one of",
        ),
        ("rules:\n  ignore: [SOC]\nextra: 1\n", "raci.yaml:1:1: expected a mapping with one key, 'rules'"),
        ("rules:\n  ignore: [SOC]\n  ignore: [RACI]\n", "raci.yaml:3:3: duplicate key 'ignore'"),
        (
            "rules:\n  selekt: [SOC]\n",
            "raci.yaml:2:3: unknown field 'selekt' in 'rules'; did you mean 'select'?",
        ),
    ],
)
def test_config_file_problems_are_located(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, expected: str
) -> None:
    (tmp_path / "raci.yaml").write_text(text)
    monkeypatch.chdir(tmp_path)
    line = _one_line_error(cli("check", "--config", "raci.yaml", SHARED))
    assert line.startswith(expected)


def test_missing_config_file(cli: Cli, tmp_path: Path) -> None:
    line = _one_line_error(cli("check", "--config", str(tmp_path / "nope.yaml"), SHARED))
    assert "cannot read file" in line


def test_rules_section_of_the_org_file(cli: Cli, tmp_path: Path) -> None:
    org = tmp_path / "org.yaml"
    org.write_text(Path(MARKETING).read_text() + "\nrules:\n  ignore: [SOC]\n")
    assert cli("check", str(org)).code == 0
    org.write_text(Path(MARKETING).read_text() + "\nrules:\n  ignore: [SOCK]\n")
    result = cli("check", str(org))
    assert result.code == 2
    lines = Path(org).read_text().splitlines()
    line_number = len(lines)
    assert result.stderr == f"{org}:{line_number}:12: unknown rule code 'SOCK' in ignore\n"
    assert not FINDING_LINE.search(result.stdout)


# --- check: output manners ------------------------------------------------------------------


def test_no_color_and_color_always() -> None:
    forced = {"FORCE_COLOR": "1"}
    plain = run_subprocess("check", CLASSIC, env={**forced, "NO_COLOR": "1"})
    assert plain.code == 1
    assert not ANSI.search(plain.stdout) and "\x1b" not in plain.stdout
    coloured = run_subprocess("check", CLASSIC, env={**forced, "NO_COLOR": ""})
    assert ANSI.search(coloured.stdout)
    always = run_subprocess("check", "--color", "always", CLASSIC)  # NO_COLOR=1 from the helper
    assert ANSI.search(always.stdout)
    # The same report under the colours (rich may pad coloured lines with blanks).
    assert [line.rstrip() for line in ANSI.sub("", always.stdout).splitlines()] == plain.stdout.splitlines()
    never = run_subprocess("check", "--color", "never", CLASSIC, env={**forced, "NO_COLOR": ""})
    assert "\x1b" not in never.stdout


def test_color_in_process(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    assert "\x1b" not in cli("check", CLASSIC).stdout
    assert ANSI.search(cli("check", "--color", "always", CLASSIC).stdout)
    assert "\x1b" not in cli("check", "--color", "always", "-f", "json", CLASSIC).stdout


def test_quiet_prints_findings_only(cli: Cli) -> None:
    full = cli("check", CLASSIC)
    quiet = cli("check", "--quiet", CLASSIC)
    assert quiet.code == full.code == 1
    lines = [line for line in quiet.stdout.splitlines() if line.strip()]
    assert lines
    for line in lines:
        assert FINDING_LINE.match(line) or line.startswith("    fix: "), line
    assert FINDING_LINE.findall(quiet.stdout) == FINDING_LINE.findall(full.stdout)
    assert len(quiet.stdout) < len(full.stdout)
    clean = cli("check", "-q", SHARED)
    assert clean.code == 0
    assert not FINDING_LINE.search(clean.stdout)


def test_several_files_and_a_directory(cli: Cli) -> None:
    result = cli("check", "-f", "json", str(EXAMPLES))
    assert result.code == 1
    data = _json(result)
    files = sorted(str(p) for p in EXAMPLES.glob("*.yaml"))
    assert sorted(f["file"] for f in data["files"]) == files  # type: ignore[union-attr]
    assert {f["file"] for f in data["findings"]} == {CLASSIC, MARKETING, POLISH}  # type: ignore[union-attr]
    named = cli("check", "-f", "json", CLASSIC, MARKETING)
    assert _json(named)["findings"] == [
        f
        for f in data["findings"]  # type: ignore[union-attr]
        if f["file"] in (MARKETING, CLASSIC)
    ]


def test_one_broken_file_does_not_hide_the_others(cli: Cli, tmp_path: Path) -> None:
    for example in EXAMPLES.glob("*.yaml"):
        (tmp_path / example.name).write_bytes(example.read_bytes())
    (tmp_path / "broken.yaml").write_text("organization: Acme\ndepartments: {care: {function: nope}}\n")
    result = cli("check", "-f", "json", str(tmp_path))
    assert result.code == 2
    data = _json(result)
    assert data["summary"]["files_checked"] == 4  # type: ignore[index]
    assert {Path(f["file"]).name for f in data["findings"]} == {  # type: ignore[union-attr]
        "classic-raci-mistakes.yaml",
        "marketing-owns-everything.yaml",
        "polska-firma.yaml",
    }
    assert [Path(e["file"]).name for e in data["load_errors"]] == ["broken.yaml"]  # type: ignore[union-attr]
    assert result.stderr.startswith(f"{tmp_path / 'broken.yaml'}:2:32: function in department 'care'")

    text = cli("check", str(tmp_path))
    assert text.code == 2
    assert "RACI001" in text.stdout and "SOC103" in text.stdout


def test_missing_file_and_empty_directory(cli: Cli, tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = cli("check", str(tmp_path / "nope.yaml"), str(tmp_path / "empty"), SHARED)
    assert result.code == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 2
    assert any("cannot read file" in line for line in lines)
    assert any("no .yaml or .yml files" in line for line in lines)
    assert "Traceback" not in result.stderr


# --- the other commands -------------------------------------------------------------------


def test_rules_lists_every_rule(cli: Cli) -> None:
    result = cli("rules")
    assert result.code == 0
    listed = [line.split()[0] for line in result.stdout.splitlines() if line.strip()]
    assert listed == CODES
    # Every rule module on disk is listed (no hard-coded count to update when one is added).
    modules = [p.stem for p in (ROOT / "raci" / "rules").glob("*.py") if p.stem[:3] in ("rac", "soc")]
    assert sorted(code.lower() for code in CODES) == sorted(m.split("_")[0] for m in modules)


def test_rules_as_json(cli: Cli) -> None:
    result = cli("rules", "--format", "json")
    assert result.code == 0
    rules = json.loads(result.stdout)
    assert [rule["code"] for rule in rules] == CODES
    for rule in rules:
        assert {"code", "name", "severity", "summary"} <= set(rule)
        assert rule["severity"] in {"error", "warning", "info"}
        assert rule["name"] and rule["summary"]


def test_explain_prints_the_whole_story(cli: Cli) -> None:
    result = cli("explain", "SOC103")
    assert result.code == 0
    text = result.stdout
    assert text.startswith("SOC103 shared-ownership")
    positions = [
        text.index(heading) for heading in ("Principle 3", "Why it matters", "Passes", "Fails", "How to fix")
    ]
    assert positions == sorted(positions)
    assert "answer-complaints" in text


@pytest.mark.parametrize("code", [rule.code for rule in ALL_RULES])
def test_explain_every_rule(cli: Cli, code: str) -> None:
    result = cli("explain", code.lower())
    assert result.code == 0
    assert result.stdout.startswith(code)
    assert "How to fix" in result.stdout


def test_explain_unknown_code(cli: Cli) -> None:
    line = _one_line_error(cli("explain", "SOC999"))
    assert "unknown rule 'SOC999'" in line and "SOC103" in line


def test_schema_is_valid_and_accepts_the_examples(cli: Cli) -> None:
    result = cli("schema")
    assert result.code == 0
    schema = json.loads(result.stdout)
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    validator = validator_class(schema)
    from raci.templates import TEMPLATES, template_text

    documents = {str(p): p.read_text() for p in [*EXAMPLES.glob("*.yaml"), DATA / "design_example.yaml"]}
    documents.update({name: template_text(name) for name in TEMPLATES})
    for name, text in documents.items():
        errors = [
            f"{'/'.join(map(str, e.path))}: {e.message}" for e in validator.iter_errors(yaml.safe_load(text))
        ]
        assert errors == [], name
    # Strict: what the loader refuses, the schema refuses too.
    wrong = yaml.safe_load((DATA / "design_example.yaml").read_text())
    wrong["tasks"]["answer-complaints"]["efort_hours"] = 1
    wrong["departments"]["pr"]["function"] = "nope"
    assert len(list(validator.iter_errors(wrong))) == 2


def test_version() -> None:
    result = run_subprocess("--version")
    assert result.code == 0
    assert result.stdout.strip() == f"raci {raci.__version__}"


# --- init ---------------------------------------------------------------------------------


def test_init_writes_a_file_that_passes(cli: Cli, tmp_path: Path) -> None:
    target = tmp_path / "org.yaml"
    result = cli("init", str(target))
    assert result.code == 0
    assert target.exists()
    assert str(target) in result.stderr
    checked = cli("check", "-f", "json", str(target))
    assert checked.code == 0
    assert _json(checked)["findings"] == []


def test_init_refuses_to_overwrite(cli: Cli, tmp_path: Path) -> None:
    target = tmp_path / "org.yaml"
    target.write_text("organization: Mine\n")
    line = _one_line_error(cli("init", str(target)))
    assert "already exists" in line and "--force" in line
    assert target.read_text() == "organization: Mine\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["org.yaml"]
    assert cli("init", "--force", str(target)).code == 0
    assert target.read_text() != "organization: Mine\n"
    assert cli("check", str(target)).code == 0


def test_init_blank_template_passes(cli: Cli, tmp_path: Path) -> None:
    target = tmp_path / "blank.yaml"
    assert cli("init", "--template", "blank", str(target)).code == 0
    checked = cli("check", "-f", "json", str(target))
    assert checked.code == 0
    assert _json(checked)["findings"] == []


def test_init_as_a_user_runs_it(tmp_path: Path) -> None:
    first = run_subprocess("init", cwd=tmp_path)
    assert first.code == 0
    written = (tmp_path / "org.yaml").read_bytes()
    assert run_subprocess("check", "org.yaml", cwd=tmp_path).code == 0
    again = run_subprocess("init", cwd=tmp_path)
    assert again.code == 2
    assert "Traceback" not in again.stderr
    assert (tmp_path / "org.yaml").read_bytes() == written
    # No temporary files left behind: just the starter and the schema written beside it.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["org.yaml", "raci.schema.json"]


def test_init_into_a_missing_directory(cli: Cli, tmp_path: Path) -> None:
    line = _one_line_error(cli("init", str(tmp_path / "no" / "such" / "org.yaml")))
    assert "cannot write" in line
    assert list(tmp_path.iterdir()) == []


# --- failures of raci itself ----------------------------------------------------------------


def test_internal_error_is_exit_3_without_traceback(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> object:
        raise RuntimeError("rule engine exploded")

    monkeypatch.setattr("raci.checking.checker.check", broken)
    # In case the command binds the function at import instead of calling through the module.
    monkeypatch.setattr("raci.cli.check_command.check", broken, raising=False)
    result = cli("check", SHARED)
    assert result.code == 3
    assert "Traceback" not in result.stderr
    assert "internal error" in result.stderr and "RuntimeError: rule engine exploded" in result.stderr
    assert "--debug" in result.stderr
    debug = cli("--debug", "check", SHARED)
    assert debug.code == 3
    assert "Traceback" in debug.stderr
    # --debug does not stick to later runs.
    assert "Traceback" not in cli("check", SHARED).stderr


def test_early_closed_pipe_exits_quietly(tmp_path: Path) -> None:
    lines = ["organization: Big", "departments:"]
    lines += [f"  d{d}: {{function: marketing, capacity_hours: 1}}" for d in range(40)]
    lines.append("tasks:")
    lines += [f"  t{t}: {{activity: publish, raci: {{d{t % 40}: C}}}}" for t in range(2000)]
    big = tmp_path / "big.yaml"
    big.write_text("\n".join(lines) + "\n")
    process = subprocess.Popen(
        [sys.executable, "-m", "raci", "check", str(big)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "NO_COLOR": "1"},
    )
    assert process.stdout is not None and process.stderr is not None
    first = process.stdout.readline().decode()
    process.stdout.close()  # like `| head -1`
    errors = process.stderr.read().decode()
    code = process.wait(timeout=60)
    assert FINDING_LINE.match(first), first
    assert "Traceback" not in errors
    assert "internal error" not in errors
    assert "Exception ignored" not in errors
    assert code in (0, 1)
