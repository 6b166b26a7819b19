"""Running Graphviz: the real `dot`, the embedded fallback, and the time and memory limits."""

from __future__ import annotations

import os
import shutil
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import raci
from raci.diagrams import (
    EngineMissingError,
    RenderError,
    RenderLimitError,
    RenderLimits,
    render,
    render_source,
)
from raci.diagrams.engine import Engine, embedded_engine, find_engine, formats_without_dot, run_engine

from .conftest import EXAMPLES, needs_dot

CLASSIC = EXAMPLES / "classic-raci-mistakes.yaml"


@pytest.fixture
def no_dot(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A PATH without `dot` (nor anything else)."""
    empty = tmp_path / "empty-path"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))


def dense_graph(nodes: int = 90) -> str:
    """A graph `dot` needs many seconds for: every node linked to every other."""
    edges = "\n".join(f"n{a} -> n{b}" for a in range(nodes) for b in range(nodes) if a != b and (a + b) % 2)
    return f"digraph dense {{\n{edges}\n}}\n"


def children_named(name: str) -> list[int]:
    """Live children of this process whose command is ``name`` (Linux /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        command = stat[stat.index("(") + 1 : stat.rindex(")")]
        fields = stat[stat.rindex(")") + 2 :].split()
        if command == name and int(fields[1]) == os.getpid() and fields[0] != "Z":
            found.append(int(entry.name))
    return found


@needs_dot
def test_dot_is_used_when_installed() -> None:
    engine = find_engine("svg")
    assert engine.name == "dot" and Path(engine.path).name == "dot"


def test_embedded_engine_is_installed_and_found_without_path(no_dot: None) -> None:
    engine = find_engine("svg")
    assert engine.name == "graphviz-pure"
    assert Path(engine.path).is_file()


def test_svg_renders_without_dot(no_dot: None) -> None:
    org = raci.load(CLASSIC)
    data = render(org, raci.check(org), view="gaps", format="svg")
    root = ET.fromstring(data)
    assert b"graphviz-pure" in data[:400]
    assert any("gap" in g.get("class", "").split() for g in root.iter("{http://www.w3.org/2000/svg}g"))
    # The same input gives the same bytes with the embedded engine too.
    assert render(org, raci.check(org), view="gaps", format="svg") == data


# PNG without dot comes from the embedded engine through resvg where both are installed
# (tests/test_doctor.py); what is left needs Graphviz and says so.
@pytest.mark.parametrize("output_format", [f for f in ("png", "pdf") if f not in formats_without_dot()])
def test_png_and_pdf_without_dot_say_how_to_install_graphviz(no_dot: None, output_format: str) -> None:
    org = raci.load(CLASSIC)
    with pytest.raises(EngineMissingError) as raised:
        render(org, raci.check(org), format=output_format)
    message = str(raised.value)
    assert "\n" not in message
    assert output_format.upper() in message and "apt-get install graphviz" in message


def test_dot_format_needs_no_engine(no_dot: None) -> None:
    org = raci.load(CLASSIC)
    assert render(org, raci.check(org), format="dot").startswith(b"digraph gaps {")


def test_time_limit_stops_dot_and_leaves_no_process() -> None:
    started = time.monotonic()
    with pytest.raises(RenderLimitError) as raised:
        render_source(dense_graph(), "svg", limits=RenderLimits(timeout_seconds=0.5))
    assert time.monotonic() - started < 10
    message = str(raised.value)
    assert "time limit of 0.5 s" in message and "--timeout" in message and "\n" not in message
    assert children_named("dot") == []


def test_time_limit_kills_the_engines_own_children(tmp_path: Path) -> None:
    pid_file = tmp_path / "grandchild.pid"
    script = tmp_path / "slow-engine"
    ready = f"echo $! > {pid_file}.tmp\nmv {pid_file}.tmp {pid_file}\n"
    script.write_text(f"#!/bin/sh\nsleep 300 &\n{ready}wait\n")
    script.chmod(0o755)
    engine = Engine("slow-engine", str(script), ("svg",))
    # Under CPU load the limit may strike before the engine has started its child, which
    # proves nothing: try again with a longer limit until the child existed when it struck.
    for timeout in (0.3, 1, 3, 10, 30):
        with pytest.raises(RenderLimitError, match=rf"time limit of {timeout:g} s"):
            run_engine(engine, "digraph {}", "svg", RenderLimits(timeout_seconds=timeout))
        if pid_file.exists():
            break
    grandchild = int(pid_file.read_text())
    deadline = time.monotonic() + 10
    while _running(grandchild) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _running(grandchild)


def _running(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[-1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def test_memory_limit_is_applied_to_the_engine(tmp_path: Path) -> None:
    script = tmp_path / "greedy-engine"
    script.write_text(f"#!{sys.executable}\nimport sys\nsys.stdin.read()\nblock = bytearray(1024 ** 3)\n")
    script.chmod(0o755)
    engine = Engine("greedy-engine", str(script), ("svg",))
    with pytest.raises(RenderLimitError) as raised:
        run_engine(engine, "digraph {}", "svg", RenderLimits(memory_mib=256))
    message = str(raised.value)
    assert "memory limit of 256 MiB" in message and "--memory-limit" in message and "\n" not in message
    # Without the limit the same engine gets its memory (and fails only for producing nothing).
    with pytest.raises(RenderError, match="produced no output"):
        run_engine(engine, "digraph {}", "svg", RenderLimits(memory_mib=None))


def test_real_dot_under_a_tiny_memory_limit_fails_cleanly_or_draws() -> None:
    source = dense_graph(40)
    try:
        data = render_source(source, "svg", limits=RenderLimits(memory_mib=40))
    except RenderLimitError as error:
        assert "memory limit of 40 MiB" in str(error)
    else:
        assert data.lstrip().startswith(b"<?xml")


@needs_dot
def test_a_broken_source_is_a_render_error_not_a_limit() -> None:
    with pytest.raises(RenderError) as raised:
        render_source("digraph { a -> }", "svg")
    assert not isinstance(raised.value, RenderLimitError)
    assert "dot failed" in str(raised.value)


def test_limits_are_validated() -> None:
    with pytest.raises(ValueError):
        RenderLimits(timeout_seconds=0)
    with pytest.raises(ValueError):
        RenderLimits(memory_mib=1)


@needs_dot
def test_pdf_bytes_are_reproducible() -> None:
    org = raci.load(CLASSIC)
    result = raci.check(org)
    first = render(org, result, view="workload", format="pdf")
    time.sleep(1.1)  # cairo stamps the time to the second
    assert render(org, result, view="workload", format="pdf") == first
    assert b"/CreationDate (D:19700101000000" in first


def test_image_files_are_never_read(tmp_path: Path) -> None:
    """Second lock: Graphviz runs with file loading disabled, so even a crafted source with an
    image reads nothing from disk."""
    secret = tmp_path / "secret.png"
    shutil.copy(Path(__file__), secret)
    source = f'digraph {{ a [image="{secret}" label=""] }}'
    try:
        data = render_source(source, "svg")
    except RenderError:
        return
    assert str(secret).encode() not in data


def test_engine_for_another_format_is_refused() -> None:
    engine = embedded_engine()
    assert engine is not None
    with pytest.raises(EngineMissingError):
        run_engine(engine, "digraph {}", "png", RenderLimits())
