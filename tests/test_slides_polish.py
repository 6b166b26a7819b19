"""`raci slides --lang pl`: the deck in Polish, read back with poppler's pdftotext and pdffonts."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest

import raci
from raci.i18n import gettext, language
from raci.workshop.slides import build_deck
from raci.workshop.slides import deck as deck_module

from .conftest import EXAMPLES, ROOT, run_subprocess
from .english_scan import english_phrases

pytestmark = pytest.mark.skipif(
    shutil.which("dot") is None or shutil.which("pdftotext") is None,
    reason="the deck needs Graphviz's dot; reading it back needs poppler-utils",
)

POLISH_EXAMPLE = EXAMPLES / "polska-firma.yaml"
WORKSHOP_HR = ROOT / "tests" / "data" / "workshop_hr.yaml"
POLISH_LETTERS = "ąćęłńóśźż"

#: Two departments, two tasks; t1's 10.5 h shared by its two R's (5.25 h each), t2's 4 h all a's.
SMALL = (
    "organization: Mała Firma\n"
    "departments:\n"
    "  a: {name: Obsługa Klienta, function: customer_service, capacity_hours: 8}\n"
    "  b: {name: Dział Prawny, function: legal, capacity_hours: 20}\n"
    "tasks:\n"
    "  t1: {name: Odpowiedzi, activity: respond, effort_hours: 10.5, raci: {a: RA, b: R}}\n"
    "  t2: {name: Skargi, activity: respond, effort_hours: 4, raci: {a: RA, b: I}}\n"
)


def _text(path: Path, *options: str) -> str:
    return subprocess.run(
        ["pdftotext", *options, path, "-"], capture_output=True, text=True, check=True
    ).stdout


def _polish_deck(org: raci.Organization, tmp_path: Path, **kwargs: object) -> tuple[Path, str]:
    with language("pl"):
        data = build_deck(raci.check(org), **kwargs)  # type: ignore[arg-type]
    path = tmp_path / "deck.pdf"
    path.write_bytes(data)
    return path, " ".join(_text(path).split())


def _pages(path: Path) -> list[list[tuple[str, float, float, float, float]]]:
    """Each page's words with their boxes (xMin, yMin, xMax, yMax; y down from the top)."""
    found = []
    for page in _text(path, "-bbox").split("<page ")[1:]:
        words = re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', page
        )
        found.append([(w, float(a), float(b), float(c), float(d)) for a, b, c, d, w in words])
    return found


def test_the_polish_example_gets_a_polish_deck_with_its_letters_as_text(tmp_path: Path) -> None:
    out = tmp_path / "deck.pdf"
    run = run_subprocess("slides", str(POLISH_EXAMPLE), "--lang", "pl", "-o", str(out), timeout=120)
    assert run.code == 0, run.stderr
    assert run.stderr.startswith(f"zapisano {out} (prezentacja na warsztat, ")
    fonts = subprocess.run(["pdffonts", out], capture_output=True, text=True, check=True).stdout
    assert all(" yes yes yes " in line for line in fonts.splitlines()[2:])  # embedded, subset, unicode
    words = " ".join(_text(out).split())
    org = raci.load(POLISH_EXAMPLE)
    for dept_id in org.departments:
        assert org.department_label(dept_id) in words
    for title in (
        "Fałszywy pogląd nr 1: „Media społecznościowe to kanał marketingowy”",
        "Zasada 5 niespełniona \u2013 fałszywy pogląd: „Media społecznościowe są bezpłatne”",
        "Kto za co odpowiada: funkcje \u00d7 czynności",
        "Macierz RACI",
        "Obciążenie",
        "Problemy",
        "Jak to naprawić",
    ):
        assert title in words, title
    for english in (
        "Principle",
        "fails: not",
        "Findings",
        "Fixes",
        "Workload",
        "The RACI matrix",
        "Who owns",
    ):
        assert english not in words, english
    # Every page, drawings too, read as a Polish facilitator would: no English phrase left.
    names = [org.organization, *(org.department_label(d) for d in org.departments)]
    names += [*(org.task_label(t) for t in org.tasks), *org.departments, *org.tasks]
    assert english_phrases(words, allowed=names) == []


def test_the_locale_chooses_the_decks_language(tmp_path: Path) -> None:
    flagged, polish, english = tmp_path / "flag.pdf", tmp_path / "locale.pdf", tmp_path / "c.pdf"
    assert (
        run_subprocess("slides", str(POLISH_EXAMPLE), "--lang", "pl", "-o", str(flagged), timeout=120).code
        == 0
    )
    unset = {"RACI_LANG": "", "LC_ALL": "", "LC_MESSAGES": ""}
    run = run_subprocess(
        "slides", str(POLISH_EXAMPLE), "-o", str(polish), env={**unset, "LANG": "pl_PL.UTF-8"}, timeout=120
    )
    assert run.code == 0 and run.stderr.startswith("zapisano ")
    assert polish.read_bytes() == flagged.read_bytes()
    run = run_subprocess(
        "slides", str(POLISH_EXAMPLE), "-o", str(english), env={**unset, "LC_ALL": "C"}, timeout=120
    )
    assert run.code == 0 and run.stderr.startswith("wrote ")
    words = " ".join(_text(english).split())
    assert "Workload" in words and "Obciążenie" not in words


def test_every_polish_letter_is_text_in_the_pdf(tmp_path: Path) -> None:
    """All eighteen letters, in the deck's own words and in the org's names, come back from
    pdftotext as themselves: embedded, with their Unicode, never a lost glyph."""
    org = raci.loads(
        "organization: Zażółć Gęślą Jaźń\n"
        "departments:\n"
        "  a: {name: ZAŻÓŁĆ GĘŚLĄ JAŹŃ, function: customer_service}\n"
        "  b: {name: zażółć gęślą jaźń, function: marketing}\n"
        "tasks:\n"
        "  t1: {name: Źródła ćwiczeń, activity: respond, effort_hours: 2, raci: {a: RA, b: I}}\n",
        "litery.yaml",
    )
    _, words = _polish_deck(org, tmp_path)
    assert set(POLISH_LETTERS + POLISH_LETTERS.upper()) <= set(words)
    assert "ZAŻÓŁĆ GĘŚLĄ JAŹŃ" in words and "zażółć gęślą jaźń" in words and "Źródła ćwiczeń" in words
    assert "Obciążenie" in words and "Spełnione zasady" in words  # the deck's own
    assert "\ufffd" not in words and "?" not in words


def _without_drawings(self: object, source: str) -> bytes:
    """A blank picture for every Graphviz drawing: the deck's own words stay to be read."""
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(400, 300), invariant=True)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


@pytest.mark.parametrize(
    "source",
    [*sorted(EXAMPLES.glob("*.yaml")), "15x60", "waivers"],
    ids=lambda s: s if isinstance(s, str) else s.name,
)
def test_the_decks_own_words_have_no_english_left(
    source: Path | str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every word the deck writes itself is Polish. The drawings are left blank (their words
    are the views'), and the notes the views make for gap cells and departments are allowed."""
    from raci.diagrams.gapmap import build_gap_map
    from raci.diagrams.gaps_focus import note_lines
    from raci.diagrams.ownership_view import cell_gap

    from . import orgs
    from .test_waivers import ORG

    monkeypatch.setattr(deck_module._Deck, "pdf", _without_drawings)
    if source == "15x60":
        org = raci.loads(orgs.generate(15, 60), "org.yaml")
    elif source == "waivers":
        org = raci.loads(ORG, "waivers.yaml")
    else:
        assert isinstance(source, Path)
        org = raci.load(source)
    _, words = _polish_deck(org, tmp_path)
    with language("pl"):
        result = raci.check(org)
        gaps = build_gap_map(result)
        notes = [note for flag in gaps.departments.values() for note in note_lines(flag)]
        for cell in result.scorecard.cells.values():
            gap = cell_gap(cell, gaps, result)
            notes += gap[1] if gap is not None else []
    allowed = [
        org.organization,
        *(org.department_label(d) for d in org.departments),
        *(org.task_label(t) for t in org.tasks),
        *org.departments,  # ids the rules quote in YAML snippets ("raci: {press: R}")
        *org.tasks,
        *(f.waiver or "" for f in result.waived),  # the team's own words
        *notes,
    ]
    assert english_phrases(words, allowed) == []


def test_numbers_and_plurals_in_polish_match_a_hand_count(tmp_path: Path) -> None:
    org = raci.loads(SMALL, "mala.yaml")
    _, words = _polish_deck(org, tmp_path)
    # 2 departments, 2 tasks; a: 5.25 h of t1 + 4 h of t2 = 9.25 h of 8 h; b: 5.25 h of 20 h.
    assert "Kto odpowiada za media społecznościowe · 2 działy · 2 zadania ·" in words
    assert "łącznie 14,5 h, dostępne 28 h" in words
    assert "9,25 h z 8 h A w 2 zadaniach" in words
    assert "5,25 h z 20 h A w 0 zadaniach" in words
    assert "2 zadania \u00d7 2 działy" in words
    # The over-capacity fix in the department's own numbers, with a decimal comma.
    assert (
        "Dział „Obsługa Klienta” ma 9,25 h pracy tygodniowo przy dostępnych 8 h: podnieś jego"
        " capacity_hours do 9,25, zmniejsz nakład pracy jego zadań o 1,25 h albo przenieś R w zadaniu"
        " „Odpowiedzi” (5,25 h jego obciążenia) do innego działu"
    ) in words


@pytest.mark.parametrize(
    ("count", "departments", "tasks", "findings"),
    [
        (1, "1 dział", "1 zadanie", "1 problem"),
        (2, "2 działy", "2 zadania", "2 problemy"),
        (5, "5 działów", "5 zadań", "5 problemów"),
        (22, "22 działy", "22 zadania", "22 problemy"),
        (25, "25 działów", "25 zadań", "25 problemów"),
    ],
)
def test_the_three_polish_plural_forms(count: int, departments: str, tasks: str, findings: str) -> None:
    with language("pl"):
        assert deck_module.departments_count(count) == departments
        assert deck_module.tasks_count(count) == tasks
        assert deck_module._findings(count) == findings


def test_what_changed_in_polish(tmp_path: Path) -> None:
    before = EXAMPLES / "marketing-owns-everything.yaml"
    text = before.read_text(encoding="utf-8")
    after = tmp_path / "after.yaml"
    after.write_text(
        text.replace("raci: {marketing: RA, care: I}", "raci: {marketing: I, care: RA}"), encoding="utf-8"
    )
    out = tmp_path / "deck.pdf"
    run = run_subprocess(
        "slides", str(after), "--before", str(before), "--lang", "pl", "-o", str(out), timeout=120
    )
    assert run.code == 0, run.stderr
    words = " ".join(_text(out).split())
    # Care takes RA on the two tasks marketing held alone: SOC102 and SOC104 go, SOC105 comes.
    assert "Co zmieniło się na warsztacie" in words
    assert "Przed: marketing-owns-everything.yaml · po: after.yaml · rozwiązano 2 problemy, 1 nowy" in words
    assert "Customer Care w zadaniu „Answer comments, complaints and DMs”: I → RA" in words
    assert "rozwiązany SOC102" in words and "rozwiązany SOC104" in words and "nowy SOC105" in words
    assert "answer-comments" not in words and "watch-mentions" not in words  # names, not ids
    assert "Zasada 1 „Media społecznościowe to kanał marketingowy”: niespełniona → spełniona" in words


def test_waived_findings_in_polish(tmp_path: Path) -> None:
    from .test_waivers import ORG, REASONS

    _, words = _polish_deck(raci.loads(ORG, "waivers.yaml"), tmp_path)
    assert "wyłączone: 3 (zob. „Wyłączone problemy”)" in words
    assert "3 problemy, które zespół akceptuje: nie są liczone, ale warto do nich wrócić" in words
    assert "RACI003 \u2013 dział „Legal”, wiersz 7:" in words
    assert "SOC102 \u2013 zadanie „dms”, wiersz 10:" in words
    for reason in REASONS.values():
        assert f"Powód: {reason}" in words


def test_polish_findings_name_the_tasks_the_drawing_shows(tmp_path: Path) -> None:
    org = raci.loads(
        "organization: Sklep\n"
        "departments:\n"
        "  mk: {name: Marketing, function: marketing}\n"
        "  bok: {name: Obsługa Klienta, function: customer_service}\n"
        "tasks:\n"
        "  t05: {name: Odpowiedzi na skargi, activity: respond, effort_hours: 2, raci: {mk: RA, bok: I}}\n",
        "sklep.yaml",
    )
    _, words = _polish_deck(org, tmp_path)
    assert "„Odpowiedzi na skargi”" in words
    assert "t05" not in words and "“" not in words  # Polish quotes only: „…”


@pytest.mark.parametrize(
    "source",
    [POLISH_EXAMPLE, "10x30", "15x60", EXAMPLES / "marketing-owns-everything.yaml", WORKSHOP_HR],
    ids=lambda s: s if isinstance(s, str) else s.name,
)
def test_every_polish_page_keeps_its_words_inside_and_apart(source: Path | str, tmp_path: Path) -> None:
    """Longer Polish words stay on the page, inside its margins and off each other's boxes;
    the grid's activity words are never broken inside a word."""
    from . import orgs

    if isinstance(source, str):
        departments, tasks = (int(n) for n in source.split("x"))
        org = raci.loads(orgs.generate(departments, tasks), "org.yaml")
    else:
        org = raci.load(source)
    path, _ = _polish_deck(org, tmp_path)
    for number, words in enumerate(_pages(path), 1):
        for word in words:
            _, left, top, right, bottom = word
            assert left >= 35 and right <= 925 and top >= 30 and bottom <= 530, (number, word)
        for index, first in enumerate(words):
            for second in words[index + 1 :]:
                across = min(first[3], second[3]) - max(first[1], second[1])
                down = min(first[4], second[4]) - max(first[2], second[2])
                assert across <= 1 or down <= 1, (number, first, second)
        # A findings column shows a finding first, never only "i jeszcze 3: ...".
        for heading in (w for w in words if w[0] == "Problemy" and w[4] - w[2] > 12):
            below = [w for w in words if abs(w[1] - heading[1]) < 1 and w[2] > heading[4]]
            first = min(below, key=lambda w: w[2])
            assert re.fullmatch(r"[A-Z]{3,4}\d{3}", first[0]), (number, first)
    # The workload's "A w 3 zadaniach" stays on one line, even two panels side by side.
    workload = next(w for w in _pages(path) if w and w[0][0] == "Obciążenie")
    counts = [
        workload[i : i + 4] for i, w in enumerate(workload) if w[0] == "A" and workload[i + 1][0] == "w"
    ]
    assert len(counts) == len(org.departments)
    assert all(words[3][0] in ("zadaniu", "zadaniach") and words[3][2] == words[0][2] for words in counts)
    grid = next(w for w in _pages(path) if any(x[0] == "czynności" for x in w[:12]))
    headings = {w[0] for w in grid}
    assert {"monitoring", "odkrywanie", "wybieranie", "publikacja", "odpowiedzi"} <= headings


def test_the_english_deck_does_not_follow_the_polish_catalog() -> None:
    result = raci.check(raci.load(EXAMPLES / "classic-raci-mistakes.yaml"))
    with language("en"):
        english = build_deck(result)
    assert english == build_deck(result)  # the tests run with RACI_LANG=en


def test_slides_messages_in_polish(tmp_path: Path) -> None:
    run = run_subprocess("slides", str(POLISH_EXAMPLE), "--lang", "pl")
    assert run.code == 2 and run.stdout == ""
    with language("pl"):
        expected = gettext("say where to write the deck: raci slides FILE -o deck.pdf")
    assert run.stderr.strip() == f"raci: {expected}"
    assert "PLIK" in expected and english_phrases(expected) == []
    svg = tmp_path / "deck.svg"
    run = run_subprocess("slides", str(POLISH_EXAMPLE), "--lang", "pl", "-o", str(svg))
    assert run.code == 2
    assert (
        run.stderr.strip()
        == f"raci: prezentacja to plik PDF: nadaj plikowi rozszerzenie .pdf zamiast '.svg' ({svg})"
    )
    assert not svg.exists()


def test_a_font_without_polish_letters_is_refused_in_polish(tmp_path: Path) -> None:
    missing = tmp_path / "brak.ttf"
    out = tmp_path / "deck.pdf"
    run = run_subprocess(
        "slides", str(POLISH_EXAMPLE), "--lang", "pl", "-o", str(out), env={"RACI_FONT": str(missing)}
    )
    assert run.code == 2 and not out.exists()
    assert run.stderr.strip() == f"raci: RACI_FONT={missing} nie jest czcionką TrueType z polskimi literami"
