"""`raci render` as a user runs it: in-process and as a subprocess, on real files."""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest

from raci.diagrams.engine import formats_without_dot

from .conftest import EXAMPLES, ROOT, Run, format_params, needs_dot, run_subprocess

CLASSIC = EXAMPLES / "classic-raci-mistakes.yaml"
MARKETING = EXAMPLES / "marketing-owns-everything.yaml"
SIGNATURES = {"svg": b"<?xml", "png": b"\x89PNG\r\n\x1a\n", "pdf": b"%PDF-", "dot": b"digraph "}

Cli = Callable[..., Run]


def empty_path(tmp_path: Path) -> str:
    folder = tmp_path / "no-dot"
    folder.mkdir(exist_ok=True)
    return str(folder)


def big_org(tmp_path: Path) -> Path:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from generate_org import generate
    finally:
        sys.path.pop(0)
    path = tmp_path / "big.yaml"
    path.write_text(generate(40, 400, 6, 7), encoding="utf-8")
    return path


@pytest.mark.parametrize("view", ["gaps", "ownership", "matrix", "workload"])
@pytest.mark.parametrize("suffix", format_params(["svg", "png", "pdf", "dot"]))
def test_render_writes_each_view_in_the_format_of_the_extension(
    cli: Cli, tmp_path: Path, view: str, suffix: str
) -> None:
    out = tmp_path / f"diagram.{suffix}"
    run = cli("render", str(CLASSIC), "--view", view, "-o", str(out))
    assert run.code == 0, run.stderr
    assert out.read_bytes().startswith(SIGNATURES[suffix])
    assert run.stderr.startswith(f"wrote {out} ({view} view, {suffix.upper()}")
    assert run.stdout == ""
    assert [p.name for p in tmp_path.iterdir()] == [out.name]  # no temporary file left


@needs_dot
def test_format_option_wins_over_the_extension(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "diagram.out"
    run = cli("render", str(CLASSIC), "-o", str(out), "--format", "png")
    assert run.code == 0, run.stderr
    assert out.read_bytes().startswith(SIGNATURES["png"])


def test_stdout_gets_svg_by_default_and_dot_on_request(cli: Cli) -> None:
    run = cli("render", str(MARKETING), "-o", "-")
    assert run.code == 0, run.stderr
    root = ET.fromstring(run.stdout)
    assert root.tag.endswith("svg")
    run = cli("render", str(MARKETING), "-v", "ownership", "-f", "dot")
    assert run.code == 0 and run.stdout.startswith("digraph ownership {")


def test_subprocess_renders_svg_to_stdout_and_reads_stdin() -> None:
    run = run_subprocess("render", "-", "--view", "matrix", stdin=MARKETING.read_text(encoding="utf-8"))
    assert run.code == 0, run.stderr
    assert "Brightside Coffee Roasters" in run.stdout
    ET.fromstring(run.stdout)


@needs_dot
def test_subprocess_renders_png_file(tmp_path: Path) -> None:
    out = tmp_path / "gaps.png"
    run = run_subprocess("render", str(CLASSIC), "-o", str(out))
    assert run.code == 0, run.stderr
    assert out.read_bytes().startswith(SIGNATURES["png"])


def test_without_dot_svg_still_renders(tmp_path: Path) -> None:
    out = tmp_path / "gaps.svg"
    run = run_subprocess("render", str(CLASSIC), "-o", str(out), env={"PATH": empty_path(tmp_path)})
    assert run.code == 0, run.stderr
    data = out.read_bytes()
    assert b"graphviz-pure" in data[:400]
    ET.fromstring(data)


# Where resvg-py and the embedded engine are installed, PNG is drawn without dot
# (tests/test_doctor.py); what is left fails with one line.
@pytest.mark.parametrize("suffix", [f for f in ("png", "pdf") if f not in formats_without_dot()])
def test_without_dot_png_and_pdf_fail_with_one_line(tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"gaps.{suffix}"
    run = run_subprocess("render", str(CLASSIC), "-o", str(out), env={"PATH": empty_path(tmp_path)})
    assert run.code == 2
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "install Graphviz" in lines[0] and "apt-get install graphviz" in lines[0]
    assert not out.exists()
    assert "Traceback" not in run.stderr


def test_bad_input_is_reported_per_problem_and_writes_nothing(cli: Cli, tmp_path: Path) -> None:
    source = tmp_path / "bad.yaml"
    source.write_text(
        "organization: X\ndepartments:\n  a: {function: marketing}\n"
        "tasks:\n  t: {activity: juggling, raci: {a: RZ}}\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.svg"
    run = cli("render", str(source), "-o", str(out))
    assert run.code == 2
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 2
    for line in lines:
        assert line.startswith(f"{source}:5:")
    assert not out.exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-o", "picture.jpg"], "cannot tell the format of picture.jpg ('.jpg')"),
        (["-o", "picture"], "cannot tell the format of picture (no extension)"),
        (["--activity", "juggling"], "--activity: unknown activity 'juggling'"),
    ],
)
def test_usage_errors_exit_2_with_one_line(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    run = cli("render", str(CLASSIC), *args)
    assert run.code == 2
    assert len(run.stderr.strip().splitlines()) == 1
    assert run.stderr.startswith(f"raci: {message}")
    assert list(tmp_path.iterdir()) == []


def test_unknown_view_is_a_usage_error(cli: Cli) -> None:
    run = cli("render", str(CLASSIC), "--view", "pie")
    assert run.code == 2


def test_missing_file_exits_2(cli: Cli, tmp_path: Path) -> None:
    run = cli("render", str(tmp_path / "nope.yaml"), "-o", str(tmp_path / "x.svg"))
    assert run.code == 2
    assert "nope.yaml: cannot read file" in run.stderr


def test_time_limit_breach_keeps_the_old_file(cli: Cli, tmp_path: Path) -> None:
    source = big_org(tmp_path)
    out = tmp_path / "gaps.svg"
    out.write_text("old picture", encoding="utf-8")
    run = cli("render", str(source), "--detail", "full", "--timeout", "0.2", "-o", str(out))
    assert run.code == 2
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and "time limit of 0.2 s" in lines[0] and "--detail summary" in lines[0]
    assert out.read_text(encoding="utf-8") == "old picture"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["big.yaml", "gaps.svg"]


def test_an_existing_output_file_is_replaced(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "gaps.svg"
    out.write_text("old picture", encoding="utf-8")
    run = cli("render", str(CLASSIC), "-o", str(out))
    assert run.code == 0
    assert out.read_bytes().startswith(b"<?xml")


def test_large_org_renders_a_summary_and_one_activity_in_full(cli: Cli, tmp_path: Path) -> None:
    source = big_org(tmp_path)
    run = cli("render", str(source), "-f", "svg")
    assert run.code == 0, run.stderr
    assert "Too many to draw one by one" in run.stdout
    run = cli("render", str(source), "-a", "respond", "--detail", "full", "-f", "svg")
    assert run.code == 0, run.stderr
    assert "Only respond tasks are drawn." in run.stdout


def test_help_lists_views_and_formats(cli: Cli) -> None:
    run = cli("render", "--help")
    assert run.code == 0
    for word in (
        "gaps",
        "ownership",
        "matrix",
        "workload",
        "svg",
        "png",
        "pdf",
        "--timeout",
        "--memory-limit",
    ):
        assert word in run.stdout
