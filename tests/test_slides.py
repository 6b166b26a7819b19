"""`raci slides`: a 16:9 PDF deck, read back with poppler's pdftotext/pdfinfo/pdffonts."""

from __future__ import annotations

import itertools
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
    # Findings name the tasks as the rest of the deck does, not by their ids.
    assert "resolved SOC102 respond task “Answer comments, complaints and DMs” has no" in words
    assert "'answer-comments'" not in words
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


def _words(path: Path, page: int) -> list[tuple[str, float, float, float, float]]:
    """The words of one page with their boxes (xMin, yMin, xMax, yMax), from pdftotext -bbox."""
    import re

    out = subprocess.run(
        ["pdftotext", "-f", str(page), "-l", str(page), "-bbox", path, "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    found = re.findall(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', out
    )
    return [(word, float(a), float(b), float(c), float(d)) for a, b, c, d, word in found]


def _page_of(path: Path, title: str) -> int:
    pages = _poppler("pdftotext", path).split("\f")
    return next(number for number, page in enumerate(pages, 1) if page.lstrip().startswith(title))


def test_the_matrix_shows_whole_rows_and_full_names(tmp_path: Path) -> None:
    long_name = "Odpowiadanie na pytania klientów o dostawy i reklamacje w weekendy i święta"
    departments = "".join(f"  d{i}: {{name: Dział numer {i}, function: other}}\n" for i in range(12))
    tasks = "".join(
        f"  t{i}: {{name: {long_name if i == 3 else f'Zadanie {i}'}, activity: create,"
        f" effort_hours: 1, raci: {{d{i % 12}: RA}}}}\n"
        for i in range(20)
    )
    org = raci.loads(f"organization: Duża Firma\ndepartments:\n{departments}tasks:\n{tasks}", "big.yaml")
    path = tmp_path / "deck.pdf"
    path.write_bytes(build_deck(raci.check(org)))
    page = _page_of(path, "The RACI matrix")
    words = _words(path, page)
    assert long_name in " ".join(w[0] for w in words)  # wrapped, never cut
    assert not any("…" in w[0] for w in words)
    # Each row's name starts below the previous row's last line: no row covers another.
    starts = sorted((w for w in words if w[0] in ("Zadanie", "Odpowiadanie")), key=lambda w: w[2])
    assert len(starts) >= 10
    name_words = [w for w in words if w[1] < 300 and w[2] > starts[0][2] - 1]
    assert any(w[0] == "święta" and w[2] > starts[0][2] for w in name_words)  # on a second line
    for upper, lower in itertools.pairwise(starts):
        bottom_of_upper = max(w[4] for w in name_words if upper[2] - 0.5 <= w[2] < lower[2] - 0.5)
        assert bottom_of_upper <= lower[2] + 0.01


def test_the_ownership_page_is_drawn_large_with_hand_counted_gaps(tmp_path: Path) -> None:
    source = EXAMPLES / "marketing-owns-everything.yaml"
    path = tmp_path / "deck.pdf"
    path.write_bytes(build_deck(raci.check(raci.load(source))))
    page = _page_of(path, "Who owns what")
    words = _words(path, page)
    line = " ".join(w[0] for w in words)
    # Customer service lacks R/A on its one respond task, sales on its sell task, PR has no recover task.
    assert line.count("1 task lacks R/A") == 2 and line.count("needs R/A") == 1
    assert "SOC301" in line and "SOC104" in line
    # Drawn as text at the page's size, not a shrunk picture: nothing under 9 pt
    # (18 px on a 1920x1080 projector), the diagram's own title and principles panel gone.
    assert min(w[4] - w[2] for w in words) >= 9
    assert "The five principles" not in line and line.count("Brightside Coffee Roasters") == 1  # the footer


def test_the_gaps_drawing_gets_the_room_the_findings_do_not_need(tmp_path: Path) -> None:
    source = EXAMPLES / "classic-raci-mistakes.yaml"
    path = tmp_path / "deck.pdf"
    path.write_bytes(build_deck(raci.check(raci.load(source))))
    page = _page_of(path, "Principle 5 fails")
    # The drawing's words are the page's words outside the title, findings and fixes: their
    # extent is the drawing's. It spans most of the width, not a quarter of the slide.
    words = _words(path, page)
    findings = min(w[2] for w in words if w[0] == "Findings")
    drawing = [w for w in words if w[0] in ("Answer", "forum", "Product", "Sales") and w[4] < findings]
    left, right = min(w[1] for w in drawing), max(w[3] for w in drawing)
    assert len(drawing) >= 4 and right - left > 0.6 * 960


def test_findings_name_the_tasks_the_drawing_shows(tmp_path: Path) -> None:
    org = raci.loads(
        "organization: Sklep\n"
        "departments:\n"
        "  mk: {name: Marketing, function: marketing}\n"
        "  bok: {name: Obsługa Klienta, function: customer_service}\n"
        "tasks:\n"
        "  t05: {name: Odpowiedzi na skargi, activity: respond, effort_hours: 2, raci: {mk: RA, bok: I}}\n",
        "sklep.yaml",
    )
    result = raci.check(org)
    assert any("'t05'" in f.message for f in result.findings)  # the rule quotes the id
    path = tmp_path / "deck.pdf"
    path.write_bytes(build_deck(result))
    words = " ".join(_poppler("pdftotext", path).split())
    assert "respond task “Odpowiedzi na skargi”" in words
    assert "'t05'" not in words


def test_an_output_that_is_not_pdf_is_refused(tmp_path: Path) -> None:
    for name in ("deck.svg", "deck"):
        out = tmp_path / name
        run = run_subprocess("slides", str(DECK_SOURCES[0]), "-o", str(out))
        assert run.code == 2 and run.stdout == ""
        assert len(run.stderr.strip().splitlines()) == 1 and "name the output .pdf" in run.stderr
        assert not out.exists()
    run = run_subprocess("slides", str(DECK_SOURCES[0]), "-o", str(tmp_path / "DECK.PDF"), timeout=120)
    assert run.code == 0 and (tmp_path / "DECK.PDF").exists()


def test_the_over_capacity_fix_names_the_department_and_its_hours(tmp_path: Path) -> None:
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
    # a: 5 h of t1 (shared with b) + 4 h of t2 = 9 h against 8 h; t1 is its biggest share.
    assert (
        "Obsługa Klienta has 9 h of work a week against 8 h: raise its capacity_hours to 9,"
        " lower the effort of its tasks by 1 h, or move R on “Odpowiedzi” (5 h of its load)"
        " to another department"
    ) in words


def test_waived_findings_are_counted_and_listed(tmp_path: Path) -> None:
    from .test_waivers import ORG, REASONS

    org = raci.loads(ORG, "waivers.yaml")
    path = tmp_path / "deck.pdf"
    path.write_bytes(build_deck(raci.check(org)))
    pages = _poppler("pdftotext", path).split("\f")
    title = " ".join(pages[0].split())
    assert "3 waived (see “Waived findings”)" in title
    listing = " ".join(pages[_page_of(path, "Waived findings") - 1].split())
    assert "3 findings the team accepts" in listing
    assert "RACI003 on department Legal, line 7" in listing
    assert "SOC102 on task “dms”, line 10" in listing
    for reason in REASONS.values():
        assert f"Reason: {reason}" in listing
    # Nothing waived: no count, no page.
    clean = tmp_path / "clean.pdf"
    clean.write_bytes(build_deck(raci.check(raci.load(EXAMPLES / "marketing-owns-everything.yaml"))))
    assert "waived" not in _poppler("pdftotext", clean).lower()
