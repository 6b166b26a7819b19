"""The library's manners: light to import, never prints, never exits, errors as data."""

from __future__ import annotations

import ast
import dataclasses
import json
import subprocess
import sys
from pathlib import Path

import pytest

import raci
from raci import Finding, LoadError, Problem, Severity

from .conftest import DATA, EXAMPLES, ROOT

HEAVY = ("typer", "click", "rich", "networkx")


def _modules_after(code: str) -> set[str]:
    script = f"import json, sys\n{code}\nprint(json.dumps(sorted(sys.modules)))"
    completed = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=ROOT
    )
    return set(json.loads(completed.stdout.splitlines()[-1]))


def _heavy(modules: set[str], names: tuple[str, ...]) -> list[str]:
    return sorted(m for m in modules if m.split(".")[0] in names)


def test_import_raci_does_not_import_the_cli_or_graph_packages() -> None:
    assert _heavy(_modules_after("import raci"), HEAVY) == []


def test_loading_does_not_import_the_cli_or_graph_packages() -> None:
    code = f"import raci\norg = raci.load({str(EXAMPLES / 'shared-ownership.yaml')!r})"
    assert _heavy(_modules_after(code), HEAVY) == []


def test_checking_does_not_import_the_cli_packages() -> None:
    code = f"import raci\nraci.check(raci.load({str(EXAMPLES / 'classic-raci-mistakes.yaml')!r}))"
    assert _heavy(_modules_after(code), ("typer", "click", "rich")) == []


def test_public_names_resolve() -> None:
    for name in raci.__all__:
        assert getattr(raci, name) is not None
    with pytest.raises(AttributeError):
        raci.no_such_name  # noqa: B018


def test_check_and_load_do_not_print(capsys: pytest.CaptureFixture[str]) -> None:
    for path in sorted(EXAMPLES.glob("*.yaml")):
        result = raci.check(raci.load(path))
        assert isinstance(result.findings, tuple)
    with pytest.raises(LoadError):
        raci.loads("organization: [")
    with pytest.raises(LoadError):
        raci.loads_bytes(b"\xff\xfe\x00")
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err == ""


def test_library_never_exits(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object) -> None:
        raise AssertionError("the library called sys.exit")

    monkeypatch.setattr(sys, "exit", refuse)
    for text in ("", "organization: [", "- a", "organization: X\ntasks: {t: {activity: x}}"):
        with pytest.raises(LoadError):
            raci.loads(text)
    with pytest.raises(LoadError):
        raci.load(DATA / "no-such-file.yaml")
    raci.check(raci.load(EXAMPLES / "marketing-owns-everything.yaml"))


def test_library_source_has_no_print_or_exit() -> None:
    # The CLI may print and exit; nothing else in the package may.
    offenders = []
    for path in sorted((ROOT / "raci").rglob("*.py")):
        if "cli" in path.relative_to(ROOT / "raci").parts or path.name == "__main__.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if not isinstance(node, ast.Call):
                continue
            function = node.func
            if isinstance(function, ast.Name):
                name = function.id  # print(), exit(), quit()
            elif isinstance(function, ast.Attribute) and isinstance(function.value, ast.Name):
                name = f"{function.value.id}.{function.attr}"  # sys.exit(), os._exit()
            else:
                continue
            if name in {"print", "exit", "quit", "sys.exit", "os._exit"}:
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}: {name}()")
    assert offenders == []


def test_load_error_problems_are_sorted_and_one_line_each() -> None:
    text = """\
organization: Acme
departments:
  sales: {function: sales, capacity_hours: -1}
  care: {function: nope}
tasks:
  answer: {activity: respond, raci: {care: X}}
  post: {activity: nope, raci: {sales: R}}
"""
    with pytest.raises(LoadError) as caught:
        raci.loads(text, "org.yaml")
    error = caught.value
    problems = error.problems
    assert len(problems) == 4
    positions = [(p.line, p.column) for p in problems]
    assert positions == sorted(positions)
    assert [p.line for p in problems] == [3, 4, 6, 7]
    assert str(error).splitlines() == [str(p) for p in problems]
    for problem in problems:
        assert str(problem) == f"org.yaml:{problem.line}:{problem.column}: {problem.message}"
        assert "\n" not in problem.message


def test_load_error_needs_a_problem_and_deduplicates() -> None:
    with pytest.raises(ValueError):
        LoadError([])
    same = Problem("f.yaml", 2, 3, "bad")
    error = LoadError([Problem("f.yaml", 9, 1, "later"), same, same])
    assert error.problems == (same, Problem("f.yaml", 9, 1, "later"))


@pytest.mark.parametrize(("line", "column"), [(0, 1), (1, 0), (-1, 1)])
def test_problem_rejects_positions_below_one(line: int, column: int) -> None:
    with pytest.raises(ValueError):
        Problem("f.yaml", line, column, "x")


def test_problem_without_a_position_shows_its_path() -> None:
    assert str(Problem("<data>", None, None, "bad", ("tasks", "t", 0))) == "<data>: tasks.t.0: bad"
    assert str(Problem("<data>", None, None, "bad")) == "<data>: bad"


def test_problem_text_is_one_safe_line() -> None:
    problem = Problem("evil\x1b[2J\nname.yaml", 1, 1, "x\ny\x07")
    assert str(problem) == "evil\\u001b[2J\\nname.yaml:1:1: x\\ny\\u0007"


def _finding(**changes: object) -> Finding:
    fields: dict[str, object] = {
        "code": "SOC101",
        "severity": Severity.ERROR,
        "message": "m",
        "file": "f.yaml",
        "line": 1,
        "column": 1,
    }
    fields.update(changes)
    return Finding(**fields)  # type: ignore[arg-type]


def test_finding_is_frozen() -> None:
    finding = _finding()
    with pytest.raises(dataclasses.FrozenInstanceError):
        finding.line = 5  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        finding.message = "changed"  # type: ignore[misc]


@pytest.mark.parametrize(("line", "column"), [(0, 1), (1, 0), (-3, 2)])
def test_finding_rejects_positions_below_one(line: int, column: int) -> None:
    with pytest.raises(ValueError):
        _finding(line=line, column=column)


def test_finding_without_position_is_allowed() -> None:
    assert _finding(line=None, column=None).line is None


def test_findings_are_data() -> None:
    result = raci.check(raci.load(EXAMPLES / "classic-raci-mistakes.yaml"))
    assert result.findings
    assert list(result.findings) == sorted(result.findings, key=lambda f: f.sort_key)
    for finding in result.findings:
        data = finding.to_dict()
        assert json.loads(json.dumps(data)) == data
        assert data["severity"] in {"error", "warning", "info"}
    assert result.fails(Severity.ERROR)
    assert sum(result.counts().values()) == len(result.findings)


def test_check_refuses_a_config_with_unknown_codes() -> None:
    org = raci.load(EXAMPLES / "shared-ownership.yaml")
    with pytest.raises(LoadError, match="unknown rule code 'NOPE1'"):
        raci.check(org, raci.Config(select=("NOPE1",)))


def test_check_is_repeatable() -> None:
    org = raci.load(EXAMPLES / "marketing-owns-everything.yaml")
    assert raci.check(org).findings == raci.check(org).findings


def test_source_map_is_kept_off_the_data(tmp_path: Path) -> None:
    org = raci.load(EXAMPLES / "shared-ownership.yaml")
    dumped = json.dumps(org.model_dump(mode="json"))
    assert "line" not in json.loads(dumped)
    assert org.source_map is not None
