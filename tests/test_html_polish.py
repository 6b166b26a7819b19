"""`raci report --lang pl`: the page in Polish (lang, headings, counts, dates, badges) as a
Polish reader sees it in Chromium, on screen and printed; English stays as it was."""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import subprocess
from pathlib import Path

import pytest

import raci
from raci import i18n
from raci.rules import RULES_BY_CODE
from raci.workshop.html_report import build_report
from raci.workshop.html_report.dating import ReportDate
from raci.workshop.html_report.words import day, departments, findings, notes, number, tasks

from .conftest import EXAMPLES, run_subprocess
from .english_scan import english_phrases
from .test_html_fit import A4_LANDSCAPE, needs_pdftotext
from .test_html_report import chromium, console_messages, needs_chromium, parse

POLISH = EXAMPLES / "polska-firma.yaml"
CLASSIC = EXAMPLES / "classic-raci-mistakes.yaml"
#: 2026-11-30 00:00 UTC: the page's date, whatever the file's.
NOVEMBER_30 = {"SOURCE_DATE_EPOCH": "1795996800"}
HEADINGS = [
    "Pięć zasad",
    "Luki",
    "Kto za co odpowiada",
    "Macierz RACI",
    "Problemy i jak je naprawić",
    "Obciążenie",
]


def polish_report(org: raci.Organization, config: raci.Config | None = None) -> str:
    with i18n.language("pl"):
        return build_report(org, raci.check(org, config), date=dt.date(2026, 11, 30))


def org_names(org: raci.Organization) -> list[str]:
    """What the org itself names (ids and labels) and the rules' names: allowed as they are."""
    names = [org.organization, *org.tasks, *org.departments]
    names += [org.task_label(task) for task in org.tasks]
    names += [org.department_label(dept) for dept in org.departments]
    return [*names, *(rule.name for rule in RULES_BY_CODE.values())]


# --- the page's words -----------------------------------------------------------------------------


def test_polish_page_has_lang_pl_and_polish_headings() -> None:
    org = raci.load(POLISH)
    dom = parse(polish_report(org))
    assert dom.find_all("html")[0].attrs["lang"] == "pl"
    assert dom.find_all("title")[0].text() == "raport raci: Piekarnie Złoty Kłos sp. z o.o."
    assert [h2.text() for h2 in dom.find_all("h2")] == HEADINGS
    assert [a.text() for a in dom.find_all("nav")[0].find_all("a")] == [
        "Zasady",
        "Luki",
        "Kto za co odpowiada",
        "Macierz RACI",
        "Problemy i jak je naprawić",
        "Obciążenie",
    ]
    legend = dom.find_all("ul", "legend")[0]
    assert legend.attrs["aria-label"] == "Legenda"
    assert [li.text() for li in legend.find_all("li")] == [
        "A rozliczany (zatwierdza)",
        "R odpowiedzialny (wykonuje)",
        "C konsultowany",
        "I informowany",
        "R komórka, na którą wskazuje problem",
    ]
    assert dom.find_all("ul", "totals")[0].attrs["aria-label"] == "Podsumowanie"
    assert dom.find_all("nav")[0].attrs["aria-label"] == "Spis treści"
    matrix = dom.by_id("matrix")
    assert [th.text() for th in matrix.find_all("th", "task-head")] == ["Zadanie"]
    assert [th.text() for th in matrix.find_all("th", "findings-head")] == ["Problemy"]
    # The five misconceptions as the article names them, and the checks in Polish.
    cards = dom.by_id("scorecard").find_all("li", "principle")
    assert all("Fałszywy pogląd: „" in card.text() and "Sprawdza, czy " in card.text() for card in cards)
    # Each finding: a Polish severity, "wiersz N", and "Jak naprawić:".
    items = dom.by_id("findings").find_all("li", "finding")
    assert len(items) == 22
    assert {item.find_all("span", "sev")[0].text() for item in items} == {"błąd", "ostrzeżenie", "informacja"}
    assert all(re.search(r"wiersz \d+", item.text()) for item in items)
    assert all(p.text().startswith("Jak naprawić: ") for p in dom.by_id("findings").find_all("p", "fix"))
    assert "Higiena RACI" in dom.by_id("hygiene").text()


def test_polish_masthead_counts_by_hand() -> None:
    """polska-firma.yaml, counted in the file: 13 tasks, 9 departments; `raci check` finds 6
    errors, 13 warnings and 3 info findings (22), nothing waived."""
    org = raci.load(POLISH)
    dom = parse(polish_report(org))
    masthead = dom.find_all("header", "masthead")[0]
    assert "· stan na 30 listopada 2026 · 13 zadań · 9 działów ·" in masthead.text()
    totals = [li.text() for li in masthead.find_all("li")]
    assert totals == ["spełnione zasady: 0 z 5", "6 błędów", "13 ostrzeżeń", "3 informacje", "wyłączone: 0"]
    lead = dom.by_id("matrix").find_all("p", "lead")[0].text()
    assert lead.startswith("13 zadań \u00d7 9 działów; wiersze według czynności, kolumny według funkcji.")
    assert (
        dom.by_id("findings")
        .find_all("p", "lead")[0]
        .text()
        .startswith("22 problemy pogrupowane według zasad, których dotyczą")
    )
    footer = dom.find_all("footer")[0].text()
    assert footer.startswith(f"Raport z pliku {POLISH} (stan na 30 listopada 2026), wygenerowany przez raci ")
    assert footer.endswith(
        "Ten sam plik zawsze daje identyczną stronę, a raci check zgłosi w CI dokładnie te problemy."
    )
    lead = dom.by_id("scorecard").find_all("p", "lead")[0].text()
    assert lead.startswith(
        "Media społecznościowe to kanał komunikacji, a nie tylko marketingu. Każda zasada prostuje"
    )
    caption = dom.by_id("matrix").find_all("caption")[0].text()
    # Wording a merge of the catalogs could quietly take back: held here.
    assert caption == (
        "Litery każdego działu (kolumny) w każdym zadaniu (wiersze); "
        "w ostatniej kolumnie \u2013 problemy danego wiersza."
    )


def test_polish_statuses_notes_and_waivers() -> None:
    from .test_waivers import ORG

    org = raci.loads(ORG)
    dom = parse(polish_report(org))
    hygiene = dom.by_id("hygiene").find_all("header")[0].text()
    assert "✔ spełniona" in hygiene and "1 uwaga" in hygiene  # one info finding: a note
    waived = dom.by_id("waived")
    assert waived.find_all("h3")[0].text() == "Wyłączone"
    assert "3 problemy" in waived.find_all("header")[0].text()
    assert [p.text()[:14] for p in waived.find_all("p", "fix")] == ["Uzasadnienie: "] * 3
    assert "<code>waive:</code> w pliku" in polish_report(org)
    # Rules switched off: "niesprawdzona" and its note; no social media work: "nie dotyczy".
    classic = raci.load(CLASSIC)
    off = parse(polish_report(classic, raci.Config(ignore=["SOC201"])))
    assert "\u2013 niesprawdzona" in off.by_id("card-2").text()
    assert "Nie sprawdzono: reguły tej zasady są pominięte." in off.by_id("principle-2").text()
    plain = raci.Organization.from_data(
        {
            "organization": "Biuro",
            "departments": {"ops": {"name": "Operacje", "function": "other"}},
            "tasks": {"audyt": {"name": "Audyt", "activity": "other", "raci": {"ops": "RA"}}},
        }
    )
    page = parse(polish_report(plain))
    cards = page.by_id("scorecard").find_all("li", "principle")
    assert len(cards) == 5 and all("\u2013 nie dotyczy" in card.text() for card in cards)
    score = page.find_all("li", "score")[0]
    assert "fail" not in score.classes  # not applicable is no failure, in any language
    assert score.text() == "zasady nie dotyczą (brak zadań w mediach społecznościowych)"
    nones = [p.text() for p in page.by_id("findings").find_all("p", "none")]
    assert nones == ["Nie dotyczy: w pliku nie ma zadań w mediach społecznościowych."] * 5


def test_polish_dates_numbers_and_plurals() -> None:
    november = dt.date(2026, 11, 30)
    with i18n.language("pl"):
        assert day(november) == "30 listopada 2026"
        assert day(dt.date(2026, 3, 1)) == "1 marca 2026"
        assert ReportDate(november, "file last changed").phrase == "ostatnia zmiana 30 listopada 2026"
        assert ReportDate(november, "SOURCE_DATE_EPOCH").phrase == "stan na 30 listopada 2026"
        assert ReportDate(november, "made").phrase == "utworzono 30 listopada 2026"
        # Polish groups thousands with a (non-breaking) space from five digits on.
        assert number(12345) == "12\u00a0345" and number(1234) == "1234" and number(7) == "7"
        assert tasks(20000) == "20\u00a0000 zadań"
        for count, task, dept, finding, note in [
            (1, "1 zadanie", "1 dział", "1 problem", "1 uwaga"),
            (2, "2 zadania", "2 działy", "2 problemy", "2 uwagi"),
            (5, "5 zadań", "5 działów", "5 problemów", "5 uwag"),
            (22, "22 zadania", "22 działy", "22 problemy", "22 uwagi"),
            (25, "25 zadań", "25 działów", "25 problemów", "25 uwag"),
        ]:
            assert (tasks(count), departments(count), findings(count), notes(count)) == (
                task,
                dept,
                finding,
                note,
            )
    with i18n.language("en"):
        assert day(november) == "2026-11-30"
        assert ReportDate(november, "file last changed").phrase == "file last changed 2026-11-30"
        assert number(12345) == "12345" and tasks(1) == "1 task" and notes(2) == "2 notes"


@pytest.mark.parametrize(
    ("rows", "columns", "expected"),
    [
        (12, 8, []),  # the classic example's 12 tasks and 8 departments fit: no note
        (
            11,
            7,
            [
                "Za dużo zadań na jedną tabelę (12): pokazano tylko te z problemami (6).",
                "Za dużo działów na jedną tabelę (8): pokazano 7.",
            ],
        ),
        (
            5,
            4,
            [
                "Za dużo zadań na jedną tabelę (12): pokazano tylko pierwsze 5 z tych, które mają problemy.",
                "Za dużo działów na jedną tabelę (8): pokazano 4.",
            ],
        ),
    ],
)
def test_matrix_notes_past_the_table_size_in_polish(
    monkeypatch: pytest.MonkeyPatch, rows: int, columns: int, expected: list[str]
) -> None:
    """By hand: 6 of the classic example's tasks have findings (newsletter-picks, launch-posts,
    community-forum, status-updates, ads-budget, webinar-promotion)."""
    from raci.workshop.html_report import matrix

    monkeypatch.setattr(matrix, "MAX_ROWS", rows)
    monkeypatch.setattr(matrix, "MAX_COLUMNS", columns)
    dom = parse(polish_report(raci.load(CLASSIC)))
    assert [p.text() for p in dom.by_id("matrix").find_all("p", "notes-list")] == expected


def test_english_page_keeps_lang_en() -> None:
    org = raci.load(CLASSIC)
    with i18n.language("en"):
        page = build_report(org, raci.check(org))
    assert '<html lang="en">' in page and '<h2 id="scorecard-title">The five principles</h2>' in page
    assert "Pięć" not in page


def test_the_language_comes_from_the_locale_without_a_flag(tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    polish = {"RACI_LANG": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "pl_PL.UTF-8"}
    run = run_subprocess("report", str(CLASSIC), "-o", str(out), env=polish)
    assert run.code == 0, run.stderr
    assert '<html lang="pl">' in out.read_text(encoding="utf-8")
    assert run.stderr.startswith(f"zapisano {out} (") and "spełnione zasady: 4 z 5, 8 problemów" in run.stderr
    run = run_subprocess("report", str(CLASSIC), "-o", str(out), env={**polish, "LC_ALL": "C"})
    assert '<html lang="en">' in out.read_text(encoding="utf-8")
    assert f"wrote {out}: 4 of 5 principles honoured, 8 findings" in run.stderr


def test_report_command_refusals_in_polish(tmp_path: Path) -> None:
    run = run_subprocess("report", "--lang", "pl", str(CLASSIC), "-o", str(tmp_path / "r.txt"))
    assert run.code == 2
    assert run.stderr.strip() == "raci: raport to strona HTML: nazwij plik .html lub .htm, nie .txt"
    run = run_subprocess("report", "--lang", "pl", str(CLASSIC), "-o", str(tmp_path / "r"))
    assert (
        run.stderr.strip()
        == "raci: raport to strona HTML: nazwij plik .html lub .htm (ten nie ma rozszerzenia)"
    )
    assert list(tmp_path.iterdir()) == []


# --- in a real browser ----------------------------------------------------------------------------

#: Reads what Chromium shows: the page's text, and each principle's badge against its column.
_MEASURE = """<script>
const box = (e) => e.getBoundingClientRect();
const badges = [...document.querySelectorAll('.principle .status')].map((b) => [
  b.textContent, box(b).right, box(b.parentElement).right, box(b.parentElement.nextElementSibling).left]);
const out = {width: document.documentElement.clientWidth, page: document.documentElement.scrollWidth,
  badges: badges, text: document.body.innerText};
document.body.setAttribute('data-measure', JSON.stringify(out));
</script></body>"""


def measured(tmp_path: Path, page: Path, width: int = 1920) -> dict:  # type: ignore[type-arg]
    text = page.read_text(encoding="utf-8")
    text = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", text).replace(
        "</body>", _MEASURE, 1
    )
    probe = tmp_path / "measured.html"
    probe.write_text(text, encoding="utf-8")
    done = chromium(tmp_path, probe.as_uri(), f"--window-size={width},1080", "--dump-dom")
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-2000:]
    found = re.search(r'data-measure="([^"]*)"', done.stdout.decode("utf-8"))
    assert found, "the measuring script did not run"
    return json.loads(html.unescape(found.group(1)))  # type: ignore[no-any-return]


@needs_chromium
def test_polish_page_in_chromium_shows_no_english(tmp_path: Path) -> None:
    out = tmp_path / "raport.html"
    run = run_subprocess("report", str(POLISH), "-o", str(out), "--lang", "pl", env=NOVEMBER_30)
    assert run.code == 0, run.stderr
    box = measured(tmp_path, out)
    text = box["text"]
    # "budget": a key of the org file, quoted by the messages that ask for it.
    allowed = [*org_names(raci.load(POLISH)), "budget"]
    # Everything Chromium shows: the page's own words, the findings, the diagrams' text.
    assert english_phrases(text, allowed) == []
    for heading in HEADINGS:
        assert heading in text
    assert set("ąćęłńóśżŁŚŻ") <= set(text)  # Polish letters the page is known to show
    assert box["page"] <= box["width"], "the page scrolls sideways"


@needs_chromium
@pytest.mark.parametrize("width", [1920, 1280])
def test_polish_badges_fit_their_column(tmp_path: Path, width: int) -> None:
    """Every verdict, as long as Polish makes it (a dash and "niesprawdzona"), stays in its column."""
    classic = raci.load(CLASSIC)
    plain = raci.Organization.from_data(
        {
            "organization": "Biuro",
            "departments": {"ops": {"name": "Operacje", "function": "other"}},
            "tasks": {"audyt": {"name": "Audyt", "activity": "other", "raci": {"ops": "RA"}}},
        }
    )
    seen = set()
    for name, page in {
        "checked": polish_report(classic, raci.Config(ignore=["SOC201"])),
        "plain": polish_report(plain),
    }.items():
        path = tmp_path / f"{name}.html"
        path.write_text(page, encoding="utf-8")
        for text, right, cell, next_left in measured(tmp_path, path, width)["badges"]:
            seen.add(text)
            assert right <= cell + 0.5 and right <= next_left, (text, right, cell, next_left)
    assert seen == {"✔ spełniona", "✘ niespełniona", "\u2013 niesprawdzona", "\u2013 nie dotyczy"}


@needs_chromium
@needs_pdftotext
def test_polish_page_printed_on_a4(tmp_path: Path) -> None:
    out = tmp_path / "raport.html"
    assert run_subprocess("report", str(POLISH), "-o", str(out), "--lang", "pl", env=NOVEMBER_30).code == 0
    pdf = tmp_path / "raport.pdf"
    done = chromium(tmp_path, out.as_uri(), f"--print-to-pdf={pdf}", "--no-pdf-header-footer")
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-2000:]
    assert console_messages(done.stderr) == []
    bbox = _run("pdftotext", "-bbox", str(pdf), "-")
    rights = [float(x) for x in re.findall(r'xMax="([\d.]+)"', bbox)]
    assert rights and max(rights) <= A4_LANDSCAPE[0] - 28  # nothing past the right margin
    text = " ".join(_run("pdftotext", str(pdf), "-").split())
    for heading in HEADINGS:
        assert heading in text
    # The longer Polish cards still fit the first page, all five (as the English ones do).
    first = " ".join(_run("pdftotext", "-f", "1", "-l", "1", str(pdf), "-").split())
    assert all(f"{number}. Fałszywy pogląd: „" in first for number in range(1, 6))
    assert "Fałszywy pogląd: „Media społecznościowe to kanał marketingowy”" in text
    assert "(stan na 30 listopada 2026)" in text
    # The fonts carry the Polish letters: each is printed as itself, not dropped.
    fonts = _run("pdffonts", str(pdf))
    assert "Type 3" not in fonts
    assert all(letter in text for letter in "ąćęłńóśżŁŚŻ")


def _run(*command: str) -> str:
    return subprocess.run(command, capture_output=True, check=True, text=True).stdout


def test_the_legend_names_s_when_the_matrix_holds_it() -> None:
    from .test_rasci import RASCI

    rasci = raci.loads(RASCI)
    legend = parse(polish_report(rasci)).find_all("ul", "legend")[0]
    assert [li.text() for li in legend.find_all("li")][:3] == [
        "A rozliczany (zatwierdza)",
        "R odpowiedzialny (wykonuje)",
        "S wspierający",
    ]
    with i18n.language("en"):
        english = parse(build_report(rasci, raci.check(rasci))).find_all("ul", "legend")[0]
        assert "S Support" in english.text()
        classic = raci.load(CLASSIC)  # no S anywhere: no S in the legend
        plain = parse(build_report(classic, raci.check(classic))).find_all("ul", "legend")[0]
        assert [li.text()[0] for li in plain.find_all("li")] == ["A", "R", "C", "I", "R"]


def test_hostile_names_stay_text_in_the_polish_sentences() -> None:
    """Names reach Polish sentences through placeholders (title, footer, subjects): still text."""
    from .test_html_report import HOSTILE, assert_no_injection, hostile_org

    org = hostile_org()
    page = polish_report(org)
    dom = parse(page)
    assert dom.find_all("title")[0].text() == f"raport raci: {HOSTILE['img']}"
    assert_no_injection(dom)
    footer = dom.find_all("footer")[0]
    assert [span.text() for span in footer.find_all("span", "file")] == [org.source]
    assert [code.text() for code in footer.find_all("code")] == ["raci check"]
    subjects = " ".join(p.text() for p in dom.find_all("p", "subject"))
    assert f"zadanie „{HOSTILE['script']}”" in subjects
