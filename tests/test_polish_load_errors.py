"""Load errors speak Polish under --lang pl, keep file:line:column in front and exit 2."""

from __future__ import annotations

import re
from pathlib import Path

import raci
from raci.i18n import language
from raci.model.vocabulary import Activity, Audience, Function

from .conftest import run_subprocess
from .english_scan import english_phrases

#: What a Polish message rightly names in English: the YAML keys and canonical values.
YAML_WORDS = (
    "function",
    "activity",
    "name",
    "rules",
    *(member.value for enum in (Function, Activity, Audience) for member in enum),
)

BROKEN = """\
organization: Firma
departments:
  marketing: {name: Marketing, function: marketingg, capacity_hours: -3}
  bok: {name: BOK, function: obsługa klienta, capcity_hours: 5}
tasks:
  odpowiedzi:
    activity: reklamacjee
    effort_hours: dużo
    raci: {marketing: RX, bokk: R, bok: ""}
    waive: {SOC999: x, RACI009: powód, SOC101: ""}
  b:
    raci: {marketing: RA}
    review_horizon_days: kiedyś
"""

LOCATED = re.compile(r"^org\.yaml:\d+:\d+: \S")


def _lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("org.yaml:")]


def test_each_problem_is_one_polish_line_in_place(tmp_path: Path) -> None:
    (tmp_path / "org.yaml").write_text(BROKEN, encoding="utf-8")
    done = run_subprocess("check", "--lang", "pl", "org.yaml", cwd=tmp_path)
    assert done.code == 2
    assert "Traceback" not in done.stderr
    lines = _lines(done.stderr)
    # Hand count: function, capacity_hours, capcity_hours, activity, effort_hours, RX, bokk,
    # "" letters, SOC999, RACI009, SOC101 (organisation-wide), SOC101 reason, missing
    # activity of b, review_horizon_days.
    assert len(lines) == 14
    assert all(LOCATED.match(line) for line in lines)
    for line in lines:
        assert english_phrases(line, allowed=YAML_WORDS) == [], line
    text = "\n".join(lines)
    assert "nieznana funkcja 'marketingg'" in text
    assert "nieznane pole 'capcity_hours' w dziale 'bok'; czy chodziło o 'capacity_hours'?" in text
    assert "zadanie 'odpowiedzi' wymienia nieznany dział 'bokk'; czy chodziło o 'bok'?" in text
    assert "brak wymaganego pola 'activity' w zadaniu 'b'" in text


def test_the_same_file_in_english_stays_english(tmp_path: Path) -> None:
    (tmp_path / "org.yaml").write_text(BROKEN, encoding="utf-8")
    done = run_subprocess("check", "--lang", "en", "org.yaml", cwd=tmp_path)
    assert done.code == 2
    text = "\n".join(_lines(done.stderr))
    assert "unknown function 'marketingg'" in text
    assert "missing required field 'activity' in task 'b'" in text


def test_yaml_syntax_errors_in_polish(tmp_path: Path) -> None:
    cases = {
        "a: b: c\n": "org.yaml:1:5: błąd składni YAML: w tym miejscu nie może stać para klucz: wartość",
        "a: [1, 2\n": "org.yaml:2:1: błąd składni YAML: lista w nawiasach [ ]: brakuje ',' lub ']'",
        "a: 1\na: 2\n": "org.yaml:2:1: powtórzony klucz 'a' (pierwszy raz w wierszu 1)",
    }
    for text, expected in cases.items():
        (tmp_path / "org.yaml").write_text(text, encoding="utf-8")
        done = run_subprocess("check", "--lang", "pl", "org.yaml", cwd=tmp_path)
        assert done.code == 2
        assert any(line.startswith(expected) for line in _lines(done.stderr)), done.stderr


def test_library_load_errors_follow_the_language() -> None:
    with language("pl"):
        try:
            raci.loads("organization: X\ntasks: {t: {activity: x, effort_hours: -1}}", "org.yaml")
        except raci.LoadError as error:
            polish = str(error)
    assert "nieznana czynność 'x'" in polish
    assert "effort_hours w zadaniu 't': musi wynosić co najmniej 0" in polish


def test_the_cut_off_note_stays_last_in_polish() -> None:
    text = "organization: X\ndepartments:\n" + "".join(f"  d{i}: {{function: nope}}\n" for i in range(60))
    with language("pl"):
        try:
            raci.loads(text + "tasks: {}\n", "org.yaml")
        except raci.LoadError as error:
            problems = error.problems
    assert len(problems) == 51
    assert problems[-1].message == "pokazano pierwsze 50 problemów, pominięto jeszcze 10"
