"""`raci slides`: a 16:9 PDF deck, read back with poppler's pdftotext/pdfinfo/pdffonts."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

import raci
from raci.workshop.slides import build_deck

from . import orgs
from .conftest import EXAMPLES, ROOT, run_subprocess

pytestmark = pytest.mark.skipif(
    shutil.which("dot") is None or shutil.which("pdftotext") is None,
    reason="the deck needs Graphviz's dot; reading it back needs poppler-utils",
)

DECK_SOURCES = [
    *sorted(EXAMPLES.glob("*.yaml")),
    ROOT / "raci" / "templates" / "social-media.yaml",
]


def _poppler(tool: str, path: Path) -> str:
    return subprocess.run(
        [tool, path, *(["-"] if tool == "pdftotext" else [])], capture_output=True, text=True, check=True
    ).stdout


def _check_deck(path: Path, org: raci.Organization) -> str:
    info = _poppler("pdfinfo", path)
    assert "Page size:       960 x 540 pts" in info  # 16:9
    fonts = _poppler("pdffonts", path).splitlines()[2:]
    assert fonts and all(" yes yes yes " in line for line in fonts), fonts  # embedded, subset, unicode
    words = _poppler("pdftotext", path)
    assert org.organization in words
    for dept_id in org.departments:
        assert org.department_label(dept_id) in words
    for finding in raci.check(org).findings:
        assert finding.code in words, finding.code
    return words


@pytest.mark.parametrize("source", DECK_SOURCES, ids=lambda p: p.name)
def test_the_deck_of_each_bundled_example(source: Path, tmp_path: Path) -> None:
    out = tmp_path / "deck.pdf"
    run = run_subprocess("slides", str(source), "-o", str(out), timeout=120)
    assert run.code == 0, run.stderr
    words = _check_deck(out, raci.load(source))
    result = raci.check(raci.load(source))
    failing = [s for s in result.scorecard.principles if s.status == "fail"]
    assert words.count("fails: not") == len(failing) + words.count("(2 of")  # a page per failing principle
    assert "The RACI matrix" in words and "Workload" in words and "Who owns what" in words
    # A clean org gets the picture of its owners instead of gap pages.
    assert ("Who owns the work" in words) == (not result.findings)


def test_polish_names_are_real_text_and_the_bytes_are_stable(tmp_path: Path) -> None:
    org = raci.loads(orgs.generate(10, 30), "zielony-las.yaml")
    result = raci.check(org)
    first, second = build_deck(result), build_deck(result)
    assert first == second
    path = tmp_path / "deck.pdf"
    path.write_bytes(first)
    words = _check_deck(path, org)
    assert "Obsługa Klienta" in words and "Dział Prawny" in words
    # 30 tasks at 16 rows a page: the matrix takes two pages.
    assert "The RACI matrix (1 of 2)" in words and "The RACI matrix (2 of 2)" in words


def test_before_and_after_says_what_changed(tmp_path: Path) -> None:
    before = EXAMPLES / "marketing-owns-everything.yaml"
    text = before.read_text(encoding="utf-8")
    fixed = text.replace(
        "    effort_hours: 8\n    raci: {marketing: RA, care: I}",
        "    effort_hours: 8\n    raci: {marketing: I, care: RA}",
    )
    assert fixed != text
    after = tmp_path / "after.yaml"
    after.write_text(fixed, encoding="utf-8")
    out = tmp_path / "deck.pdf"
    run = run_subprocess("slides", str(after), "--before", str(before), "-o", str(out), timeout=120)
    assert run.code == 0, run.stderr
    words = _poppler("pdftotext", out)
    assert "What changed in the workshop" in words
    assert "resolved SOC102" in words
    assert "Customer Care on “Answer comments, complaints and DMs”: I → RA" in words


def test_the_deck_needs_an_output_file(tmp_path: Path) -> None:
    run = run_subprocess("slides", str(DECK_SOURCES[0]))
    assert run.code == 2 and run.stdout == ""
    assert run.stderr.strip() == "raci: say where to write the deck: raci slides FILE -o deck.pdf"
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "organization: X\ndepartments: {a: {name: A, function: nope}}\ntasks: {}\n", encoding="utf-8"
    )
    run = run_subprocess("slides", str(bad), "-o", str(tmp_path / "deck.pdf"))
    assert run.code == 2 and "Traceback" not in run.stderr
    assert not (tmp_path / "deck.pdf").exists()


def test_the_workload_page_shows_hand_counted_hours(tmp_path: Path) -> None:
    org = raci.loads(
        "organization: Mała Firma\n"
        "departments:\n"
        "  a: {name: Obsługa Klienta, function: customer_service, capacity_hours: 8}\n"
        "  b: {name: Dział Prawny, function: legal, capacity_hours: 20}\n"
        "tasks:\n"
        "  t1: {name: Odpowiedzi, activity: respond, effort_hours: 10, raci: {a: RA, b: R}}\n"
        "  t2: {name: Skargi, activity: respond, effort_hours: 4, raci: {a: RA, b: I}}\n",
        "mala.yaml",
    )
    path = tmp_path / "deck.pdf"
    path.write_bytes(build_deck(raci.check(org)))
    words = " ".join(_poppler("pdftotext", path).split())
    # t1's 10 h shared by its two R's (5 h each), t2's 4 h all a's: a 9 h, b 5 h, 14 h in all.
    assert "14 h in all, capacity 28 h" in words
    assert "9 h of 8 h A on 2 tasks" in words
    assert "5 h of 20 h A on 0 tasks" in words


def test_the_public_api_gives_the_same_deck_and_slides() -> None:
    result = raci.check(raci.load(EXAMPLES / "marketing-owns-everything.yaml"))
    deck = raci.slides(result)
    assert deck.startswith(b"%PDF") and deck == build_deck(result)
    org = raci.loads(orgs.generate(15, 60), "org.yaml")
    pages = raci.render_pages(org, format="dot")
    assert len(pages) > 1 and all(page.startswith(b"digraph") for page in pages)
    assert pages[0] == raci.render(org, format="dot")
