"""`raci doctor`, and a machine without Graphviz: what works, what is skipped and why."""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from raci.diagrams import raster
from raci.diagrams.engine import embedded_engine

from .conftest import NEEDS_DOT, ROOT, needs_dot, run_subprocess
from .orgs import generate


def path_without(tmp_path: Path, *left_out: str) -> str:
    """A PATH with every program of this one but ``left_out`` (symlinks in one folder)."""
    folder = tmp_path / "bin"
    folder.mkdir()
    for directory in os.environ.get("PATH", "").split(os.pathsep):
        if not os.path.isdir(directory):
            continue
        for entry in os.scandir(directory):
            if entry.name in left_out or (folder / entry.name).exists():
                continue
            if entry.is_file() and os.access(entry.path, os.X_OK):
                (folder / entry.name).symlink_to(entry.path)
    return str(folder)


@needs_dot
def test_doctor_reports_everything_present() -> None:
    run = run_subprocess("doctor")
    assert run.code == 0, run.stdout
    version = subprocess.run(["dot", "-V"], capture_output=True, text=True, check=True).stderr
    number = re.search(r"version (\S+)", version)
    assert number is not None
    lines = run.stdout.splitlines()
    assert f"ok       Graphviz dot: {number.group(1)} at {shutil.which('dot')}" in lines[0]
    assert lines[1].startswith("ok       embedded engine (graphviz-pure): ")
    assert lines[2].startswith("ok       PNG without dot (resvg-py): ")
    assert lines[3].startswith("ok       fonts with Polish letters (fontconfig): ")
    assert "DejaVu Sans" in lines[3]
    assert lines[-1] == "everything raci draws works here"


def test_doctor_without_dot_says_what_is_off(tmp_path: Path) -> None:
    run = run_subprocess("doctor", env={"PATH": path_without(tmp_path, "dot")})
    assert run.code == 1
    missing = [line for line in run.stdout.splitlines() if line.startswith("MISSING")]
    assert len(missing) == 1
    assert "Graphviz dot: PDF diagrams and `raci slides` are off" in missing[0]
    assert "apt-get install graphviz" in missing[0] and "brew install graphviz" in missing[0]
    assert "winget install graphviz" in missing[0]
    assert "ok       embedded engine (graphviz-pure)" in run.stdout
    assert run.stdout.splitlines()[-1] == "1 part missing: see above for what each disables"


def test_doctor_without_fontconfig_cannot_tell_the_fonts(tmp_path: Path) -> None:
    run = run_subprocess("doctor", env={"PATH": path_without(tmp_path, "dot", "fc-list")})
    assert run.code == 1
    assert "MISSING  fonts with Polish letters (fontconfig): fc-list is not installed" in run.stdout


def test_without_dot_the_render_tests_skip_under_a_named_reason(tmp_path: Path) -> None:
    env = {**os.environ, "PATH": path_without(tmp_path, "dot"), "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-rs",
            "-p",
            "no:cacheprovider",
            "tests/test_render_engine.py",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-3000:]
    summary = done.stdout.strip().splitlines()[-1]
    assert re.search(r"\d+ passed, \d+ skipped", summary), summary
    skipped = [line for line in done.stdout.splitlines() if line.startswith("SKIPPED")]
    assert skipped and all(line.endswith(NEEDS_DOT) for line in skipped)


@pytest.mark.parametrize("command", ["doctor"])
def test_doctor_is_listed_in_help(command: str) -> None:
    assert command in run_subprocess("--help").stdout


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


@pytest.mark.skipif(
    not raster.available() or embedded_engine() is None, reason="no resvg-py or graphviz-pure"
)
def test_png_without_dot_comes_from_the_embedded_svg(tmp_path: Path) -> None:
    # The 10-department, 30-task workshop org, with Polish names, drawn with no Graphviz.
    org = tmp_path / "org.yaml"
    org.write_text(generate(10, 30), encoding="utf-8")
    env = {"PATH": path_without(tmp_path, "dot")}
    png, svg = tmp_path / "gaps.png", tmp_path / "gaps.svg"
    run = run_subprocess("render", str(org), "-o", str(png), env=env)
    assert run.code == 0, run.stderr
    assert run_subprocess("render", str(org), "-o", str(svg), env=env).code == 0
    # The picture is the embedded engine's SVG at 96 dpi: its size in points times 4/3.
    size = re.search(r'<svg width="([\d.]+)pt" height="([\d.]+)pt"', svg.read_text(encoding="utf-8"))
    assert size is not None
    width, height = _png_size(png.read_bytes())
    assert abs(width - float(size.group(1)) * 4 / 3) <= 2
    assert abs(height - float(size.group(2)) * 4 / 3) <= 2
    again = tmp_path / "again.png"
    assert run_subprocess("render", str(org), "-o", str(again), env=env).code == 0
    assert again.read_bytes() == png.read_bytes()
    # PDF still needs dot, and says how to get it in one line.
    run = run_subprocess("render", str(org), "-o", str(tmp_path / "gaps.pdf"), env=env)
    assert run.code == 2 and "PDF needs Graphviz's dot" in run.stderr
    assert "apt-get install graphviz" in run.stderr


def test_a_huge_picture_is_drawn_smaller_not_bigger_in_memory() -> None:
    if not raster.available():
        pytest.skip("no resvg-py")
    # 10,000 x 10,000 pt would be 178 million pixels at 96 dpi: drawn at 40 million instead.
    svg = (
        b'<svg width="10000pt" height="10000pt" viewBox="0 0 10000 10000" '
        b'xmlns="http://www.w3.org/2000/svg"><rect width="10" height="10"/></svg>'
    )
    width, height = _png_size(raster.svg_to_png(svg))
    assert width == height and width * height <= raster.MAX_PIXELS
    assert width >= 6000
