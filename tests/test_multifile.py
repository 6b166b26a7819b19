"""Many files in one run; terminal manners (--quiet, --color, --output, completion); pre-commit."""

from __future__ import annotations

import json
import re
import shlex
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

from .conftest import EXAMPLES, ROOT, run_subprocess

MISTAKES = "classic-raci-mistakes.yaml"
MARKETING = "marketing-owns-everything.yaml"
SHARED = "shared-ownership.yaml"


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    """a.yaml (findings), b.yaml (clean), teams/ (two files, one .yml), broken.yaml."""
    shutil.copy(EXAMPLES / MISTAKES, tmp_path / "a.yaml")
    shutil.copy(EXAMPLES / SHARED, tmp_path / "b.yaml")
    teams = tmp_path / "teams"
    teams.mkdir()
    shutil.copy(EXAMPLES / MARKETING, teams / "emea.yml")
    shutil.copy(EXAMPLES / SHARED, teams / "us.yaml")
    (teams / "notes.txt").write_text("not an org file\n", encoding="utf-8")
    (tmp_path / "broken.yaml").write_text(
        "organization: Broken\ndepartments:\n  mk: {function: marketing, colour: red}\n", encoding="utf-8"
    )
    return tmp_path


def check(workdir: Path, *args: str) -> tuple[int, str, str]:
    run = run_subprocess("check", *args, cwd=workdir)
    return run.code, run.stdout, run.stderr


FILES = ("a.yaml", "b.yaml", "teams/emea.yml", "teams/us.yaml")


def test_files_and_directories(workdir: Path) -> None:
    code, out, err = check(workdir, "a.yaml", "b.yaml", "teams/", "--format", "json")
    assert code == 1, err
    data = json.loads(out)
    assert [entry["file"] for entry in data["files"]] == [
        "a.yaml",
        "b.yaml",
        "teams/emea.yml",
        "teams/us.yaml",
    ]
    assert {finding["file"] for finding in data["findings"]} == {"a.yaml", "teams/emea.yml"}
    assert data["summary"]["files_checked"] == 4


def test_a_file_named_twice_is_checked_once(workdir: Path) -> None:
    code, out, _ = check(workdir, "teams", "./teams/us.yaml", "teams/us.yaml", "--format", "json")
    assert code == 1
    assert [entry["file"] for entry in json.loads(out)["files"]] == ["teams/emea.yml", "teams/us.yaml"]


def test_clean_files_exit_clean(workdir: Path) -> None:
    code, out, _ = check(workdir, "b.yaml", "teams/us.yaml")
    assert code == 0
    assert out.splitlines()[-1] == "✔ no findings in 2 files"


@pytest.mark.parametrize("name", ["text", "json", "sarif", "github", "junit", "markdown"])
def test_every_format_reports_every_file_and_a_broken_one_hides_nothing(workdir: Path, name: str) -> None:
    code, out, err = check(workdir, "a.yaml", "broken.yaml", "b.yaml", "teams", "--format", name)
    assert code == 2  # the worst: a file could not be loaded
    assert err.startswith("broken.yaml:3:")
    assert "colour" in err
    # The loaded files' findings are all there, whatever the format.
    assert "RACI001" in out or name == "junit"
    assert "SOC103" in out or name == "junit"  # teams/emea.yml's
    if name == "json":
        data = json.loads(out)
        assert [f["file"] for f in data["files"]] == list(FILES)
        assert data["load_errors"][0]["file"] == "broken.yaml"
    elif name == "sarif":
        run = json.loads(out)["runs"][0]
        assert {a["location"]["uri"] for a in run["artifacts"]} == {*FILES, "broken.yaml"}
        assert any(r["ruleId"] == "load-error" for r in run["results"])
    elif name == "junit":
        suites = ET.fromstring(out).findall("testsuite")
        assert [s.get("name") for s in suites] == [*FILES, "broken.yaml"]
        assert [s.get("failures") != "0" for s in suites] == [True, False, True, False, False]
        assert suites[-1].get("errors") == "1"
    elif name == "github":
        assert "::error file=broken.yaml,line=3," in out
        assert "file=teams/emea.yml," in out
    elif name == "markdown":
        for file in ("a.yaml", "b.yaml", "teams/emea.yml", "teams/us.yaml", "broken.yaml"):
            assert f"**{file}**" in out
        assert "| 🔴 error | load-error | 3 |" in out
    else:
        for file in FILES:
            assert f"({file})" in out  # each file's scorecard heading
        assert out.splitlines()[-1].endswith("in 4 files; 1 file not loaded")


def test_worst_exit_without_load_errors_is_findings(workdir: Path) -> None:
    assert check(workdir, "b.yaml", "a.yaml")[0] == 1
    assert check(workdir, "b.yaml", "a.yaml", "--fail-on", "error", "--ignore", "RACI001,RACI002")[0] == 0


def test_missing_file_and_empty_directory(workdir: Path) -> None:
    (workdir / "empty").mkdir()
    code, out, err = check(workdir, "a.yaml", "missing.yaml", "empty")
    assert code == 2
    assert "missing.yaml: cannot read file" in err
    assert "empty: directory has no .yaml or .yml files" in err
    assert "RACI001" in out


# --- terminal manners ---------------------------------------------------------------------


def test_quiet_prints_findings_only(workdir: Path) -> None:
    code, out, _ = check(workdir, "a.yaml", "b.yaml", "--quiet")
    assert code == 1
    lines = out.splitlines()
    assert lines and all(line.startswith(("a.yaml:", "    fix: ")) for line in lines)
    code, out, _ = check(workdir, "b.yaml", "-q")
    assert (code, out) == (0, "")


@pytest.mark.parametrize(("choice", "colored"), [("always", True), ("never", False), ("auto", False)])
def test_color_choice(workdir: Path, choice: str, colored: bool) -> None:
    _, out, _ = check(workdir, "a.yaml", "--color", choice)
    assert ("\x1b[" in out) is colored


def test_color_always_on_errors_too(workdir: Path) -> None:
    _, _, err = check(workdir, "broken.yaml", "--color", "always")
    assert err.startswith("\x1b[31mbroken.yaml:3:")


def test_output_writes_the_report_to_a_file(workdir: Path) -> None:
    code, out, _ = check(workdir, "a.yaml", "--format", "sarif", "--output", "./report.sarif")
    assert code == 1
    assert out == ""
    report = json.loads((workdir / "report.sarif").read_text(encoding="utf-8"))
    assert report["version"] == "2.1.0"


def test_output_replaces_atomically_and_leaves_no_temporary_file(workdir: Path) -> None:
    target = workdir / "report.txt"
    target.write_text("old report\n", encoding="utf-8")
    code, _, _ = check(workdir, "a.yaml", "-o", "report.txt", "--color", "auto")
    assert code == 1
    text = target.read_text(encoding="utf-8")
    assert text.startswith("a.yaml:20:3: warning RACI006")
    assert "\x1b[" not in text  # a file is not a terminal
    assert not list(workdir.glob(".report.txt.*"))


def test_output_into_a_missing_directory_is_bad_input(workdir: Path) -> None:
    code, out, err = check(workdir, "a.yaml", "--output", "no/such/dir/report.txt")
    assert code == 2
    assert out == ""
    assert "no/such/dir/report.txt: cannot write" in err


def test_output_is_not_written_for_bad_usage(workdir: Path) -> None:
    code, _, _ = check(workdir, "a.yaml", "--output", "report.txt", "--severity", "RACI001=fatal")
    assert code == 2
    assert not (workdir / "report.txt").exists()


def test_output_dash_means_stdout(workdir: Path) -> None:
    code, out, _ = check(workdir, "a.yaml", "--output", "-", "--format", "github")
    assert code == 1
    assert out.startswith("::warning file=a.yaml,")


@pytest.mark.parametrize("flag", ["--output", "--write-baseline"])
def test_never_writes_over_an_input_file(workdir: Path, flag: str) -> None:
    before = (workdir / "a.yaml").read_bytes()
    code, out, err = check(workdir, "a.yaml", flag, "./a.yaml")
    assert code == 2
    assert out == ""
    assert "is an input file" in err
    assert (workdir / "a.yaml").read_bytes() == before


def test_shell_completion_script_and_answers() -> None:
    run = run_subprocess(
        "--show-completion", "bash", env={"_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1"}
    )
    assert run.code == 0, run.stderr
    assert "complete -o default -F _raci_completion raci" in run.stdout
    # What the installed script asks the program: the values of --format, from the registry.
    env = {"_RACI_COMPLETE": "complete_bash", "COMP_WORDS": "raci check --format ", "COMP_CWORD": "3"}
    answer = run_subprocess(env=env)
    assert answer.code == 0, answer.stderr
    assert answer.stdout.split() == ["text", "json", "sarif", "github", "junit", "markdown"]


def test_usage_errors_exit_2(workdir: Path) -> None:
    code, _, err = check(workdir, "a.yaml", "--format", "yaml")
    assert code == 2
    assert "Invalid value for '--format'" in err
    assert "internal error" not in err


# --- pre-commit ---------------------------------------------------------------------------


def test_pre_commit_hook_checks_the_files_it_is_given(workdir: Path) -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(hook for hook in hooks if hook["id"] == "raci")
    assert hook["language"] == "python"
    assert 'raci = "raci.cli.main:main"' in (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    pattern = re.compile(hook["files"])
    assert pattern.search("org.yaml") and pattern.search("teams/raci-emea.yml")
    assert not pattern.search(".pre-commit-config.yaml") and not pattern.search("org.json")
    # pre-commit runs `entry args… files…`; `raci` is `python -m raci`.
    program, *command = shlex.split(hook["entry"])
    assert program == "raci"
    run = run_subprocess(*command, *hook.get("args", []), "a.yaml", "b.yaml", cwd=workdir)
    assert run.code == 1
    assert run.stdout.startswith("a.yaml:20:3: warning RACI006")
    assert run_subprocess(*command, *hook.get("args", []), "b.yaml", cwd=workdir).code == 0
