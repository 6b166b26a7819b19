"""The code's own standards, checked in CI: a small top level, public networkx only, small
functions, and a repository that stands alone (no references to documents outside it)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from .conftest import ROOT

RACI = ROOT / "raci"
#: Most modules directly under raci/ (the rest live in packages named for their stage).
MAX_TOP_LEVEL_MODULES = 12
#: Most cyclomatic complexity of one function or method (radon's count).
MAX_COMPLEXITY = 15
#: Writes (or reads) of networkx's private adjacency: the graph is built with its public API.
PRIVATE_NETWORKX = re.compile(r"\._(adj|succ|pred|node)\b")
#: References to documents that are not in the repository: a design brief's sections, issue
#: numbers, the seed material's folder.
OUTSIDE_REFERENCE = re.compile(r"DESIGN(\.md| ?§)|§|\b[Ii]ssue #?\d+|\bISSUE \d+|\.\./shared|shared/seed")
TEXT_SUFFIXES = {".py", ".md", ".toml", ".yaml", ".yml", ".txt", ".cfg", ".j2", ".html", ".css", ""}


def _tracked_text_files() -> list[Path]:
    listed = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=False
    ).stdout.decode("utf-8", "replace")
    if not listed:  # not a git checkout (an sdist): every file under the root
        return [p for p in ROOT.rglob("*") if p.is_file() and ".git" not in p.parts]
    paths = [ROOT / name for name in listed.split("\0") if name]
    return [p for p in paths if p.suffix in TEXT_SUFFIXES and p.is_file()]


def test_few_modules_directly_under_raci() -> None:
    modules = sorted(p.name for p in RACI.glob("*.py"))
    assert len(modules) <= MAX_TOP_LEVEL_MODULES, modules


def test_networkx_is_used_through_its_public_api() -> None:
    found = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in sorted(RACI.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if PRIVATE_NETWORKX.search(line)
    ]
    assert found == []


def test_no_function_is_too_complex() -> None:
    radon = pytest.importorskip("radon.complexity")
    too_complex = sorted(
        {
            (block.complexity, f"{path.relative_to(ROOT)}:{block.lineno} {block.fullname}")
            for path in sorted(RACI.rglob("*.py"))
            for block in radon.cc_visit(path.read_text(encoding="utf-8"))
            if block.complexity > MAX_COMPLEXITY and not hasattr(block, "methods")
        },
        reverse=True,
    )
    assert too_complex == [], "\n".join(f"{c:3d} {where}" for c, where in too_complex)


def test_the_repository_stands_alone() -> None:
    found = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()[:100]}"
        for path in _tracked_text_files()
        if path.name != Path(__file__).name
        for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1)
        if OUTSIDE_REFERENCE.search(line)
    ]
    assert found == []


def test_the_outside_reference_pattern_catches_what_it_should() -> None:
    for text in ("see DESIGN §7", "(issue 6)", "ISSUE 7", "../shared/seed/", "§3"):
        assert OUTSIDE_REFERENCE.search(text), text
    for text in ("DESIGN_EXAMPLE = 1", "please report an issue", "--seed 7", "design"):
        assert not OUTSIDE_REFERENCE.search(text), text
