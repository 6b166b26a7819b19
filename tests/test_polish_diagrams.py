"""Every diagram in Polish: its own words translated, Polish letters drawn in PNG.

The pictures are drawn for real (Graphviz's `dot`, resvg for the PNG without it) and read
back as SVG text: what a facilitator sees on the screen and in the tooltips.
"""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import raci
from raci import i18n
from raci.diagrams import words
from raci.diagrams.gapmap import build_gap_map
from raci.diagrams.raster import available as resvg_available
from raci.rules.raci006_overloaded_department import accountable_note

from .conftest import DATA, EXAMPLES, run_subprocess
from .english_scan import english_phrases

POLISH_ORG = EXAMPLES / "polska-firma.yaml"
ENGLISH_ORG = EXAMPLES / "shared-ownership.yaml"
POLISH_LETTERS = "ąćęłńóśźżĄĆĘŁŃÓŚŹŻ"
SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}"
#: (view, detail) for every picture the gaps view can be.
PICTURES = [
    ("gaps", "focus"),
    ("gaps", "full"),
    ("gaps", "summary"),
    ("ownership", "auto"),
    ("matrix", "auto"),
    ("workload", "auto"),
    ("handoffs", "auto"),
]
#: A phrase each view's own header or legend says in Polish (and its English, which must be gone).
HEADINGS = {
    "gaps": ("Zadania z lukami", "Gaps on"),
    "ownership": ("Pięć zasad", "The five principles"),
    "matrix": ("Macierz RACI", "RACI matrix"),
    "workload": ("Praca w tygodniu", "Work a week"),
    "handoffs": ("Przekazania między działami", "Hand-offs between departments"),
}

needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz's dot is not installed")


def svg_texts(svg: bytes) -> list[str]:
    """The words of a drawn SVG: every text element and every tooltip (xlink:title)."""
    root = ET.fromstring(svg)
    texts = ["".join(element.itertext()) for element in root.iter(f"{SVG}text")]
    texts += [
        element.get(f"{XLINK}title") or ""
        for element in root.iter()
        if element.get(f"{XLINK}title") and element.tag == f"{SVG}a"
    ]
    return [text for text in texts if text.strip()]


def names_of(org: raci.Organization) -> list[str]:
    """What the org itself spells (department and task names may be English)."""
    names = [org.organization, *org.departments, *org.tasks]
    names += [org.department_label(d) for d in org.departments]
    names += [org.task_label(t) for t in org.tasks]
    return names


def polish_pages(path: Path, view: str, detail: str) -> list[bytes]:
    org = raci.load(path)
    with i18n.language("pl"):
        return raci.diagrams.render_pages(org, view=view, detail=detail, format="svg")


@needs_dot
@pytest.mark.parametrize(("view", "detail"), PICTURES)
def test_every_view_speaks_polish(view: str, detail: str) -> None:
    org = raci.load(POLISH_ORG)
    pages = polish_pages(POLISH_ORG, view, detail)
    texts = [text for page in pages for text in svg_texts(page)]
    left = sorted({phrase for text in texts for phrase in english_phrases(text, names_of(org))})
    assert left == []
    joined = "\n".join(texts)
    polish, english = HEADINGS[view]
    if view == "gaps" and detail != "focus":
        polish, english = "Luki", "Gaps"
    assert polish in joined
    assert english not in joined


@needs_dot
@pytest.mark.parametrize(("view", "detail"), PICTURES)
def test_an_english_org_drawn_in_polish_keeps_only_its_own_names_english(view: str, detail: str) -> None:
    """The workshop's own English names stay; every word raci adds around them is Polish."""
    org = raci.load(ENGLISH_ORG)
    texts = [text for page in polish_pages(ENGLISH_ORG, view, detail) for text in svg_texts(page)]
    # The org's names wrap over lines in boxes: a line of a name is the name's.
    allowed = names_of(org) + [
        line for name in names_of(org) for line in raci.diagrams.escape.wrap(name, 22, 3)
    ]
    allowed += [line for name in names_of(org) for line in raci.diagrams.escape.wrap(name, 30, 3)]
    allowed += [line for name in names_of(org) for line in raci.diagrams.escape.wrap(name, 34, 3)]
    left = sorted(
        {
            phrase
            for text in texts
            for line in text.splitlines()
            for phrase in english_phrases(line, allowed)
            if not any(phrase in name for name in names_of(org))
        }
    )
    assert left == []


def test_the_same_view_in_english_is_english() -> None:
    org = raci.load(POLISH_ORG)
    source = raci.diagram(org, view="ownership").source
    assert "The five principles" in source
    assert "Pięć zasad" not in source
    with i18n.language("pl"):
        assert "Pięć zasad" in raci.diagram(org, view="ownership").source


@pytest.mark.parametrize(
    ("count", "tasks", "departments", "accountable"),
    [
        (1, "1 zadanie", "1 dział", "A w 1 zadaniu"),
        (2, "2 zadania", "2 działy", "A w 2 zadaniach"),
        (5, "5 zadań", "5 działów", "A w 5 zadaniach"),
        (22, "22 zadania", "22 działy", "A w 22 zadaniach"),
        (25, "25 zadań", "25 działów", "A w 25 zadaniach"),
    ],
)
def test_counted_phrases_take_the_polish_plural(
    count: int, tasks: str, departments: str, accountable: str
) -> None:
    with i18n.language("pl"):
        assert words.tasks_count(count) == tasks
        assert words.departments_count(count) == departments
        assert words.accountable_on(count) == accountable
    assert words.tasks_count(count) == f"{count} task{'s' if count != 1 else ''}"


OVERLOADED = """\
organization: Piekarnia
rules:
  options:
    RACI006: {max_accountable: 1}
departments:
  sklep: {name: Sklep, function: customer_service, capacity_hours: 5}
  marketing: {name: Marketing, function: marketing}
tasks:
  odpowiedzi: {activity: respond, effort_hours: 8, raci: {sklep: RA, marketing: I}}
  posty: {activity: publish, effort_hours: 1, raci: {sklep: A, marketing: R}}
"""


def test_an_overloaded_department_gets_both_notes_in_polish(tmp_path: Path) -> None:
    """RACI006 says two things of one department (hours past capacity, too many A's): each
    finding gets its own note, told apart without reading the (translated) message."""
    path = tmp_path / "org.yaml"
    path.write_text(OVERLOADED, encoding="utf-8")
    org = raci.load(path)
    with i18n.language("pl"):
        result = raci.check(org)
        notes = [note for code, note in build_gap_map(result).departments["sklep"].items if code == "RACI006"]
        assert notes == ["przeciążenie: 8\u00a0h z 5\u00a0h", "A przy zadaniach: 2"]
        assert accountable_note(2) in notes
    english = [n for c, n in build_gap_map(raci.check(org)).departments["sklep"].items if c == "RACI006"]
    assert english == ["over capacity: 8 h of 5 h", "Accountable for 2 tasks"]


def test_a_workload_row_marks_the_a_count_in_polish_too(tmp_path: Path) -> None:
    path = tmp_path / "org.yaml"
    path.write_text(OVERLOADED, encoding="utf-8")
    org = raci.load(path)
    red_a = '<FONT COLOR="#c62828">A w 2 zadaniach</FONT>'
    with i18n.language("pl"):
        assert red_a in raci.diagram(org, view="workload").source
    assert '<FONT COLOR="#c62828">A on 2 tasks</FONT>' in raci.diagram(org, view="workload").source


@needs_dot
@pytest.mark.parametrize("output_format", ["dot", "svg", "png", "pdf"])
def test_render_lang_pl_writes_every_format(tmp_path: Path, output_format: str) -> None:
    out = tmp_path / f"workload.{output_format}"
    run = run_subprocess(
        "render", "--lang", "pl", "-v", "workload", "-o", str(out), str(DATA / "workshop_hr.yaml")
    )
    assert run.code == 0, run.stderr
    data = out.read_bytes()
    if output_format in ("dot", "svg"):
        text = data.decode("utf-8")
        assert "Praca w tygodniu" in text
        assert "Work a week" not in text
    else:
        assert data[:4] in (b"\x89PNG", b"%PDF")


# --- Polish letters drawn -------------------------------------------------------------------


def label_graph(text: str) -> str:
    """One box of text in the views' font and size."""
    from raci.diagrams import style

    return f'digraph {{ node [fontname="{style.FONT}" fontsize="24" shape=box] n [label="{text}"] }}'


#: Nine letters no font has a glyph for (Unicode private use): each is drawn as the font's
#: "missing glyph" box, as a Polish letter would be if the font lacked it.
NO_GLYPHS = "\ue000\ue001\ue002\ue003\ue004\ue005\ue006\ue007\ue008"


def png_with_dot(text: str) -> bytes:
    from raci.diagrams import render_source

    return render_source(label_graph(text), "png")


def png_with_resvg(text: str) -> bytes:
    """The PNG as raci draws it where `dot` is missing: the embedded engine's SVG through resvg."""
    from raci.diagrams.engine import RenderLimits, embedded_engine, run_engine
    from raci.diagrams.raster import svg_to_png

    engine = embedded_engine()
    assert engine is not None
    return svg_to_png(run_engine(engine, label_graph(text), "svg", RenderLimits()))


def test_polish_letters_are_drawn_by_resvg() -> None:
    """Each Polish letter is drawn as itself in the PNG made without `dot`: neither as the
    font's missing-glyph box (what a letter no font has looks like) nor as its letter without
    the mark. Drawing is deterministic, so two pictures differ only by their letters."""
    from raci.diagrams.engine import embedded_engine

    if not resvg_available() or embedded_engine() is None:
        pytest.skip("resvg-py or the embedded engine is not installed")
    missing = png_with_resvg(NO_GLYPHS[0] * 3)
    assert missing[:4] == b"\x89PNG"
    assert png_with_resvg(NO_GLYPHS[1] * 3) == missing  # the test can tell a missing glyph
    for letter, plain in zip(POLISH_LETTERS, "acelnoszzACELNOSZZ", strict=True):
        drawn = png_with_resvg(letter * 3)
        assert drawn != missing, f"{letter} is drawn as a missing glyph"
        assert drawn != png_with_resvg(plain * 3), f"{letter} is drawn as {plain}"


@pytest.mark.skipif(shutil.which("fc-match") is None, reason="fontconfig's tools are not installed")
def test_the_font_dot_draws_with_has_every_polish_letter() -> None:
    """`dot` asks fontconfig for the views' font (Helvetica): the file it gets must hold every
    Polish letter itself (Pango would otherwise draw a borrowed glyph or a hex box)."""
    import subprocess

    from raci.diagrams import style

    chosen = subprocess.run(
        ["fc-match", "-f", "%{file}", style.FONT], capture_output=True, text=True, check=True
    ).stdout.strip()
    charset = " ".join(f"{ord(letter):x}" for letter in POLISH_LETTERS)
    covering = subprocess.run(
        ["fc-list", "--format", "%{file}\n", f":charset={charset}"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert chosen, "fontconfig found no font for the views"
    assert chosen in covering, f"{chosen} lacks Polish letters"


@needs_dot
def test_polish_letters_are_drawn_by_dot() -> None:
    for letter, plain in zip(POLISH_LETTERS, "acelnoszzACELNOSZZ", strict=True):
        assert png_with_dot(letter * 3) != png_with_dot(plain * 3), f"{letter} is drawn as {plain}"


@needs_dot
def test_polish_letters_survive_into_the_svg() -> None:
    svg = polish_pages(POLISH_ORG, "gaps", "focus")[0]
    text = "\n".join(svg_texts(svg))
    assert "Księgowość" in text
    assert "Brak zadania: wybieranie" in text
    assert ET.fromstring(svg).get("width")


def test_a_missing_engine_is_explained_in_polish(monkeypatch: pytest.MonkeyPatch) -> None:
    from raci.diagrams import engine

    monkeypatch.setattr(engine.shutil, "which", lambda name: None)
    with i18n.language("pl"), pytest.raises(engine.EngineMissingError) as raised:
        engine.find_engine("pdf")
    message = str(raised.value)
    assert message.startswith("PDF wymaga programu dot z pakietu Graphviz")
    assert "zainstaluj Graphviz" in message
    assert english_phrases(message) == []
    with pytest.raises(engine.EngineMissingError, match="PDF needs Graphviz's dot"):
        engine.find_engine("pdf")


def _slide_orgs() -> list[tuple[str, raci.Organization]]:
    from . import orgs

    found = [(f"generated {d}x{t}", raci.loads(orgs.generate(d, t))) for d, t in [(10, 30), (15, 60)]]
    for path in [*sorted(EXAMPLES.glob("*.yaml")), DATA / "workshop_hr.yaml"]:
        found.append((path.name, raci.load(path)))
    return found


@needs_dot
@pytest.mark.parametrize(("name", "org"), _slide_orgs(), ids=[name for name, _ in _slide_orgs()])
def test_every_polish_page_of_the_default_gaps_view_fits_a_slide(name: str, org: raci.Organization) -> None:
    """Polish words run longer than English: the slides hold them to the same bar (landscape,
    at most 45 lines, no text under 11 px on a 1920x1080 screen, no text on a line or text)."""
    from raci.diagrams.fit import measure_svg

    with i18n.language("pl"):
        pages = raci.diagrams.render_pages(org, raci.check(org), view="gaps", format="svg")
    for number, page in enumerate(pages, 1):
        assert measure_svg(page).problems() == [], (name, number)


def test_a_number_keeps_its_unit_on_its_line() -> None:
    """Polish notes join a number and its "h" with a no-break space: the box wraps around them."""
    from raci.diagrams.escape import wrap

    with i18n.language("pl"):
        note = words.hours_a_week(45)
    assert note == "45\u00a0h tygodniowo"
    for width in range(4, 12):
        lines = wrap("przeciążenie: 45\u00a0h z 40\u00a0h", width, 9)
        assert not any(line.startswith("h") for line in lines), (width, lines)
        assert "45\u00a0h" in lines or any("45\u00a0h" in line for line in lines)
    assert wrap("a  b\u00a0c", 40) == ["a b\u00a0c"]


@needs_dot
@pytest.mark.parametrize(
    ("locale", "words_seen"), [("pl_PL.UTF-8", "Pięć zasad"), ("C", "The five principles")]
)
def test_the_locale_chooses_the_pictures_language(locale: str, words_seen: str) -> None:
    environment = {"RACI_LANG": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": locale}
    run = run_subprocess("render", "-v", "ownership", "-f", "dot", str(POLISH_ORG), env=environment)
    assert run.code == 0, run.stderr
    assert words_seen in run.stdout


def test_a_matrix_too_big_for_one_slide_says_so_in_polish() -> None:
    """100 tasks are more than the matrix draws (80): it keeps the tasks with findings and
    says how many, counted here by hand from the gap map."""
    from . import orgs

    org = raci.loads(orgs.generate(12, 100))
    result = raci.check(org)
    gaps = build_gap_map(result)
    flagged = {*gaps.tasks, *(o.task for o in gaps.missing_owners.values() if o.task is not None)}
    with i18n.language("pl"):
        source = raci.diagram(result, view="matrix").source
    assert (
        f"Zadań jest za dużo na jedną macierz (100): widać tylko te z problemami ({len(flagged)})." in source
    )
