"""The plain `raci check` command line skips typer (start-up); it must act exactly as typer would."""

from __future__ import annotations

import pytest

from raci.cli.main import fast_check_request

from .conftest import EXAMPLES, ROOT, run_subprocess

MISTAKES = str(EXAMPLES / "classic-raci-mistakes.yaml")
SHARED = str(EXAMPLES / "shared-ownership.yaml")


@pytest.mark.parametrize(
    "args",
    [
        ["check", "org.yaml"],
        ["check", "a.yaml", "b.yaml", "-q"],
        ["check", "-", "--format", "json"],
        ["check", "org.yaml", "--format=sarif", "--fail-on", "warning", "--color", "never"],
        ["check", "org.yaml", "-f", "junit", "--quiet"],
    ],
)
def test_plain_check_lines_take_the_fast_path(args: list[str]) -> None:
    request = fast_check_request(args)
    assert request is not None
    assert list(request.files) == [a for a in args[1:] if a in ("-",) or a.endswith(".yaml")]


@pytest.mark.parametrize(
    "args",
    [
        ["check"],  # typer says a file is needed
        ["check", "--help"],
        ["check", "org.yaml", "--format", "yaml"],  # typer refuses the value
        ["check", "org.yaml", "--format"],
        ["check", "org.yaml", "--select", "SOC"],  # rule flags go through typer
        ["check", "org.yaml", "-o", "out.txt"],
        ["--debug", "check", "org.yaml"],
        ["render", "org.yaml"],
        ["check", "org.yaml", "--", "x"],
    ],
)
def test_anything_else_goes_through_typer(args: list[str]) -> None:
    assert fast_check_request(args) is None


def test_max_file_size_from_the_environment_goes_through_typer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RACI_MAX_FILE_SIZE", "1")
    assert fast_check_request(["check", "org.yaml"]) is None


@pytest.mark.parametrize(
    "args",
    [
        ("check", MISTAKES, "--color", "never"),
        ("check", MISTAKES, SHARED, "--format", "json"),
        ("check", MISTAKES, "--format=sarif", "--fail-on", "warning"),
        ("check", SHARED, "-q", "--color", "never"),
        ("check", str(ROOT / "no-such-file.yaml")),
    ],
)
def test_fast_path_prints_and_exits_as_typer_does(cli, args: tuple[str, ...]) -> None:
    fast = run_subprocess(*args, cwd=ROOT)  # python -m raci: the console entry point
    typed = cli(*args)  # in-process through typer
    assert (fast.code, fast.stdout, fast.stderr) == (typed.code, typed.stdout, typed.stderr)
