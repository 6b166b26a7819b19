"""The default gaps view fits a 16:9 slide at workshop size, drawn by the real `dot`.

The bar: landscape (width/height 1.2-2.6), at most 45 lines, smallest text at least 11 px
when the picture fills 1920x1080, and no text on a line or on other text. Held for orgs
generated at 10x30 and 15x60 (and two sizes between), the bundled examples and templates.
When the gaps need more than one slide they are split by activity into numbered pages.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path

import pytest

import raci
from raci.diagrams import render, render_pages
from raci.diagrams.fit import MAX_LINES, measure_svg

from . import orgs
from .conftest import EXAMPLES, ROOT, run_subprocess

SVG = "{http://www.w3.org/2000/svg}"
TEMPLATES = ROOT / "raci" / "templates"
SIZES = [(10, 30), (15, 60), (8, 20), (12, 45)]


@cache
def generated(departments: int, tasks: int) -> raci.Organization:
    return raci.loads(orgs.generate(departments, tasks), f"org-{departments}x{tasks}.yaml")


def _all_orgs() -> list[tuple[str, raci.Organization]]:
    found = [(f"generated {d}x{t}", generated(d, t)) for d, t in SIZES]
    for path in [*sorted(EXAMPLES.glob("*.yaml")), *sorted(TEMPLATES.glob("*.yaml"))]:
        found.append((path.name, raci.load(path)))
    return found


@cache
def pages_of(name: str) -> list[bytes]:
    org = dict(_all_orgs())[name]
    return render_pages(org, raci.check(org), view="gaps", format="svg")


def _texts(svg: bytes) -> str:
    root = ET.fromstring(svg)
    return " ".join("".join(t.itertext()) for t in root.iter(f"{SVG}text"))


@pytest.mark.parametrize("name", [name for name, _ in _all_orgs()])
def test_every_page_of_the_default_gaps_view_fits_a_slide(name: str) -> None:
    for page in pages_of(name):
        fit = measure_svg(page)
        assert fit.problems() == [], name
        assert 1.2 <= fit.aspect <= 2.6 and fit.lines <= MAX_LINES and fit.smallest_text_px >= 11


@pytest.mark.parametrize("size", SIZES)
def test_every_gap_of_a_generated_org_is_drawn_on_some_page(size: tuple[int, int]) -> None:
    org = generated(*size)
    result = raci.check(org)
    pages = pages_of(f"generated {size[0]}x{size[1]}")
    words = " ".join(_texts(page) for page in pages)
    flagged = {f.task for f in result.findings if f.task}
    for task_id in flagged:
        assert org.task_label(task_id) in words
    for finding in result.findings:
        assert finding.code in words
    # The header counts what the boxes show: tasks with gaps, and the healthy rest in words.
    first = _texts(pages[0])
    assert f"Gaps on {len(flagged)} of {len(org.tasks)} tasks" in first
    assert f"Not drawn: {len(org.tasks) - len(flagged)} tasks with no gaps" in first


@pytest.mark.parametrize("size", [(10, 30), (15, 60), (15, 40)])
@pytest.mark.parametrize("mistakes", [True, False], ids=["with-gaps", "clean"])
def test_other_seeds_and_clean_orgs_fit_too(size: tuple[int, int], mistakes: bool) -> None:
    for seed in (1, 2, 3):
        org = raci.loads(orgs.generate(*size, seed=seed, mistakes=mistakes))
        pages = render_pages(org, raci.check(org), view="gaps", format="svg")
        for page in pages:
            assert measure_svg(page).problems() == [], (size, seed)
        # Pages are balanced: none holds under a third of the lines of the fullest.
        lines = [measure_svg(page).lines for page in pages]
        assert min(lines) * 3 >= max(lines), lines


def test_a_big_org_is_split_into_numbered_pages_by_activity() -> None:
    pages = pages_of("generated 15x60")
    assert len(pages) >= 2
    for number, page in enumerate(pages, 1):
        assert f"Page {number} of {len(pages)} (" in _texts(page)
    # Each activity's tasks are on one page, pages in activity order.
    seen: list[str] = []
    for page in pages:
        listed = re.search(r"Page \d+ of \d+ \(([^)]*)\)", _texts(page))
        assert listed is not None
        seen.extend(word.strip() for word in listed.group(1).split(","))
    assert len(seen) == len(set(seen))


def test_a_clean_org_shows_its_owners_and_says_it_passes() -> None:
    org = raci.load(EXAMPLES / "shared-ownership.yaml")
    words = " ".join(_texts(page) for page in pages_of("shared-ownership.yaml"))
    assert "no gaps, every rule passes" in words
    for task_id in org.tasks:
        assert org.task_label(task_id) in words


def test_detail_full_keeps_every_line() -> None:
    org = generated(10, 30)
    svg = render(org, raci.check(org), view="gaps", format="svg", detail="full")
    assert measure_svg(svg).lines >= sum(len(task.raci) for task in org.tasks.values())
    focus = measure_svg(pages_of("generated 10x30")[0])
    assert focus.lines < measure_svg(svg).lines


def test_the_cli_writes_one_numbered_file_per_slide(tmp_path: Path) -> None:
    source = tmp_path / "org.yaml"
    source.write_text(orgs.generate(15, 60), encoding="utf-8")
    run = run_subprocess("render", str(source), "-o", str(tmp_path / "gaps.svg"))
    assert run.code == 0, run.stderr
    written = sorted(p.name for p in tmp_path.glob("gaps*.svg"))
    count = len(pages_of("generated 15x60"))
    assert written == [f"gaps-{n}.svg" for n in range(1, count + 1)]
    assert f"wrote {count} slides" in run.stderr
    refused = run_subprocess("render", str(source))
    assert refused.code == 2 and refused.stdout == ""
    assert f"needs {count} slides" in refused.stderr and "Traceback" not in refused.stderr
    one = tmp_path / "small.yaml"
    one.write_text(orgs.generate(8, 20), encoding="utf-8")
    assert run_subprocess("render", str(one), "-o", str(tmp_path / "small.svg")).code == 0
    assert (tmp_path / "small.svg").exists() and not (tmp_path / "small-1.svg").exists()


def test_polish_names_reach_the_picture_intact() -> None:
    words = _texts(pages_of("generated 10x30")[0])
    assert "Obsługa Klienta" in words
