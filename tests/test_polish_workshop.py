"""`raci diff`, `raci whatif` and `raci suggest` in Polish: headings, counts, notes and
reasons in the language; the organisation's own names and the rules' messages as they are."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import raci
from raci import i18n

from .conftest import EXAMPLES, run_subprocess
from .english_scan import english_phrases

SILO = EXAMPLES / "marketing-owns-everything.yaml"
SHARED = EXAMPLES / "shared-ownership.yaml"
CLASSIC = EXAMPLES / "classic-raci-mistakes.yaml"
DASH = "\u2013"  # the Polish dash between a heading and its organisation


def org_words(*paths: Path) -> list[str]:
    """What the organisations themselves spell (ids, names, descriptions) and what their rules
    say: left out of the scan, which looks at the report's own words."""
    words: list[str] = ["name", "capacity_hours", "effort_hours", "review_horizon_days"]
    for path in paths:
        org = raci.load(path)
        words += [str(path), org.organization]
        words += [*org.departments, *(d.name or "" for d in org.departments.values())]
        words += [*org.tasks, *(org.task_label(t) for t in org.tasks)]
        with i18n.language("pl"):
            result = raci.check(org)
        words += [f.message for f in result.findings]
    return words


def own_english(text: str, allowed: list[str]) -> list[str]:
    for phrase in sorted(allowed, key=len, reverse=True):
        text = text.replace(phrase, " ")
    return english_phrases(text)


def numbers(line: str) -> list[str]:
    return re.findall(r"\d+", line)


def line_starting(text: str, start: str) -> str:
    return next(line for line in text.splitlines() if line.startswith(start))


def test_diff_in_polish() -> None:
    polish = run_subprocess("diff", "--lang", "pl", str(SILO), str(SHARED)).stdout
    english = run_subprocess("diff", "--lang", "en", str(SILO), str(SHARED)).stdout
    assert own_english(polish, org_words(SILO, SHARED)) == []
    pairs = [
        ("Przydział liter: ", "Assignments: "),
        ("Zadania: ", "Tasks: "),
        ("Działy: ", "Departments: "),
        ("Problemy: ", "Findings: "),
        ("Spełnione zasady: ", "Principles honoured: "),
        ("Problemy według poziomu: ", "Findings by severity: "),
    ]
    for pl, en in pairs:
        assert numbers(line_starting(polish, pl)) == numbers(line_starting(english, en)), pl
    # The example's hand count: all 8 findings resolved, every principle now honoured.
    assert "Problemy: rozwiązane 8, nowe 0, bez zmian 0" in polish
    assert "Spełnione zasady: 0 z 5 -> 5 z 5" in polish
    assert polish.count("\n  rozwiązany  ") == 8
    assert "Problemy według poziomu: błędy 3 -> 0, ostrzeżenia 5 -> 0, informacje 0 -> 0" in polish
    assert polish.count(": niespełniona -> spełniona") == 5


def test_diff_markdown_in_polish() -> None:
    polish = run_subprocess("diff", "--lang", "pl", "-f", "markdown", str(SILO), str(SHARED)).stdout
    assert polish.startswith("### ✅ raci diff: rozwiązano 8 problemów, nowe: 0\n")
    assert "| | Zadanie | Dział | Przed | Po |" in polish
    assert "| | Rodzaj | Identyfikator | Zmiana |" in polish
    assert "| Problem | Poziom | Kod | Komunikat |" in polish
    assert polish.count("| rozwiązany | błąd |") == 3
    principle = "- Zasada 1 (fałszywy pogląd: *Media społecznościowe to kanał marketingowy*)"
    assert principle + ": niespełniona → spełniona" in polish


def test_whatif_in_polish() -> None:
    args = ("whatif", str(SHARED), "--without", "support", "--move", "sales:social-selling:C")
    polish = run_subprocess(*args, "--lang", "pl").stdout
    english = run_subprocess(*args, "--lang", "en").stdout
    assert own_english(polish, org_words(SHARED)) == []
    assert polish.startswith(
        f"Co jeśli {DASH} Northwind Outfitters ({SHARED}):\n"
        "  - bez działu „Customer Support” (support)\n"
        "  - E-commerce Sales: C w zadaniu „social-selling”\n"
    )
    lost = [line for line in polish.splitlines() if " traci " in line]
    assert len(lost) == english.count(" loses its ") == 6  # two tasks of support, one of sales: R and A
    assert "Zasady, które przestałyby być spełnione:" in polish
    assert "(co jeśli)" in polish and "(what if)" not in polish


def test_whatif_markdown_in_polish() -> None:
    args = ("whatif", "--lang", "pl", "-f", "markdown", str(SHARED), "--without", "comms")
    polish = run_subprocess(*args).stdout
    assert polish.startswith("## Co jeśli: bez działu „Communications” (comms)\n")
    assert "| Zadanie | Traci | Dotąd |" in polish
    assert polish.count("- ❌ zasada ") == 2
    assert "### 🔴 W porównaniu z obecnym stanem: rozwiązano 0 problemów, nowe: " in polish


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--without", "zz"), "raci: nie ma działu 'zz' (działy: "),
        (("--move", "nope"), "raci: --move 'nope': oczekiwano DZIAŁ:ZADANIE:LITERY"),
        ((), "raci: nie ma czego sprawdzać: podaj --without DZIAŁ albo --move DZIAŁ:ZADANIE:LITERY"),
    ],
)
def test_a_bad_scenario_in_polish(args: tuple[str, ...], message: str) -> None:
    run = run_subprocess("whatif", "--lang", "pl", str(SHARED), *args)
    assert run.code == 2 and run.stdout == ""
    assert run.stderr.startswith(message), run.stderr


def test_suggest_in_polish() -> None:
    polish = run_subprocess("suggest", "--lang", "pl", str(CLASSIC)).stdout
    english = run_subprocess("suggest", "--lang", "en", str(CLASSIC)).stdout
    assert own_english(polish, org_words(CLASSIC)) == []
    assert polish.startswith(f"Propozycje zmian {DASH} Lumen Software ({CLASSIC}):\n")
    changes = [line for line in polish.splitlines() if re.match(r"  \d+\. ", line)]
    assert len(changes) == len([line for line in english.splitlines() if re.match(r"  \d+\. ", line)]) == 6
    assert polish.count("[usuwa ") == english.count("[clears ")
    assert polish.count("\n     dlaczego: ") == english.count("\n     why: ") == 2
    assert "\nBez rozwiązania zostają:\n" in polish
    # A reason names the change and what it would do, as one Polish sentence.
    over = ": dział „Customer Success” miałby wtedy 53,3 h pracy tygodniowo, a ma czas tylko na 40 h"
    assert over in polish
    assert polish.rstrip().endswith(
        "Po wprowadzeniu wszystkich zmian: błędy 3 -> 0, ostrzeżenia 4 -> 2, informacje 1 -> 0"
    )
    assert english.rstrip().endswith("With all applied: errors 3 -> 0, warnings 4 -> 2, infos 1 -> 0")


def test_suggest_markdown_in_polish() -> None:
    polish = run_subprocess("suggest", "--lang", "pl", "-f", "markdown", str(SILO)).stdout
    assert polish.startswith(f"### raci suggest: 6 zmian {DASH} Brightside Coffee Roasters\n")
    assert "| # | Zmiana | Efekt | Uwaga |" in polish


@pytest.mark.parametrize(
    ("count", "words"),
    [(1, "1 zmiana"), (2, "2 zmiany"), (5, "5 zmian"), (22, "22 zmiany"), (25, "25 zmian")],
)
def test_suggest_heading_plurals(count: int, words: str) -> None:
    with i18n.language("pl"):
        heading = i18n.ngettext(
            "### raci suggest: %(count)d change for %(organization)s",
            "### raci suggest: %(count)d changes for %(organization)s",
            count,
        )
    assert heading % {"count": count, "organization": "X"} == f"### raci suggest: {words} {DASH} X"
