"""Load errors speak Polish under --lang pl, keep file:line:column in front and exit 2."""

from __future__ import annotations

import re
from pathlib import Path

import raci
from raci.i18n import language
from raci.model.vocabulary import Activity, Audience, Function

from .conftest import EXAMPLES, run_subprocess
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
    # An unknown horizon word names the words that work, not "must be a whole number".
    assert "review_horizon_days w zadaniu 'b': nieznany horyzont oceny 'kiedyś'; wpisz liczbę dni" in text


def test_a_horizon_in_digits_that_is_not_whole_still_asks_for_a_whole_number() -> None:
    text = "organization: X\ntasks: {t: {activity: measure, review_horizon_days: '90.5'}}"
    with language("pl"):
        try:
            raci.loads(text, "org.yaml")
        except raci.LoadError as error:
            polish = str(error)
    assert "review_horizon_days w zadaniu 't': musi być liczbą całkowitą" in polish


def test_the_same_file_in_english_stays_english(tmp_path: Path) -> None:
    (tmp_path / "org.yaml").write_text(BROKEN, encoding="utf-8")
    done = run_subprocess("check", "--lang", "en", "org.yaml", cwd=tmp_path)
    assert done.code == 2
    text = "\n".join(_lines(done.stderr))
    assert "unknown function 'marketingg'" in text
    assert "missing required field 'activity' in task 'b'" in text
    assert "unknown review horizon 'kiedyś'; write a number of days or a word such as 'quarterly'" in text


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
    assert problems[-1].message == "dalsze problemy pominięto (pokazano 50, pominięto jeszcze 10)"


def test_an_unknown_raci_lang_is_said_in_the_locale_language() -> None:
    run = run_subprocess(
        "check", "org.yaml", env={"RACI_LANG": "klingon", "LC_ALL": "", "LANG": "pl_PL.UTF-8"}
    )
    assert run.code == 2
    assert run.stderr == "raci: RACI_LANG: nieznany język 'klingon'; znane języki: en, pl\n"


def test_cli_lines_in_polish(tmp_path: Path) -> None:
    example = str(EXAMPLES / "polska-firma.yaml")
    missing = run_subprocess("check", "--lang", "pl", "brak.yaml", cwd=tmp_path)
    assert missing.code == 2
    assert "brak.yaml: nie można odczytać pliku: nie ma takiego pliku ani katalogu" in missing.stderr
    cases = [
        (
            ["render", example, "-o", "x.xyz"],
            "raci: nie wiadomo, jaki format ma mieć x.xyz ('.xyz'): "
            "nadaj mu rozszerzenie .svg, .png, .pdf lub .dot albo podaj --format",
        ),
        (
            ["slides", example, "-o", "d.txt"],
            "raci: prezentacja to plik PDF: nadaj plikowi rozszerzenie .pdf",
        ),
        (
            ["report", example, "-o", "r.txt"],
            "raci: raport to strona HTML: nazwij plik .html lub .htm, nie .txt",
        ),
        (
            ["check", "--severity", "SOC102=bad", example],
            "--severity SOC102=bad: poziom musi być jednym z: error, warning, info",
        ),
        (
            ["render", example, "--activity", "kryzys,foo", "-o", "a.svg"],
            "raci: --activity: nieznana czynność 'foo'",
        ),
        (
            ["suggest", "--apply", example],
            "raci: --apply wymaga --output PLIK (może to być sam plik wejściowy)",
        ),
    ]
    for args, expected in cases:
        run = run_subprocess(args[0], "--lang", "pl", *args[1:], cwd=tmp_path)
        assert run.code == 2, (args, run)
        assert expected in run.stdout + run.stderr, (args, run)
    assert sorted(p.name for p in tmp_path.iterdir()) == []
    drawn = run_subprocess("render", "--lang", "pl", example, "-o", "luki.svg", cwd=tmp_path)
    assert drawn.code == 0
    assert drawn.stderr.startswith("zapisano luki.svg (widok „gaps”, SVG, ")


def test_a_list_field_given_one_value_says_it_must_be_a_list() -> None:
    text = "organization: X\ndepartments:\n  m: {function: marketing, roles: x}\ntasks: {}\n"
    for lang, expected in (
        ("en", "roles in department 'm': must be a list"),
        ("pl", "roles w dziale 'm': musi być listą"),
    ):
        with language(lang):
            try:
                raci.loads(text, "org.yaml")
            except raci.LoadError as error:
                assert str(error) == f"org.yaml:3:35: {expected}"
            else:  # pragma: no cover - the file is wrong
                raise AssertionError("loaded")


def test_a_refused_command_line_in_polish() -> None:
    example = str(EXAMPLES / "polska-firma.yaml")
    cases = [
        (["check", "--lang", "pl", "--bogus", example], "Błąd: nie ma opcji --bogus"),
        (["check", "--lang", "pl"], "Błąd: brakuje argumentu 'FILES'"),
        (
            ["render", "--lang", "pl", example, "--view", "nope"],
            "Błąd: niepoprawna wartość opcji '--view' / '-v': 'nope'; dozwolone: 'gaps', 'ownership',",
        ),
        (["init", "--lang", "pl", "a", "b", "c"], "Błąd: nadmiarowe argumenty: b c"),
    ]
    for args, expected in cases:
        run = run_subprocess(*args)
        assert run.code == 2, run
        assert expected in run.stderr, run.stderr
        assert "Pomoc: raci " in run.stderr
    # A bad --lang itself is refused in the locale's language, and in English without one.
    polish = run_subprocess(
        "check", "--lang", "xx", example, env={"RACI_LANG": "", "LC_ALL": "", "LANG": "pl_PL.UTF-8"}
    )
    assert "Błąd: niepoprawna wartość opcji '--lang': 'xx'; dozwolone: 'en', 'pl'" in polish.stderr
    english = run_subprocess("check", "--lang", "xx", example, env={"RACI_LANG": "", "LC_ALL": "C"})
    assert "Invalid value for '--lang'" in english.stderr


def test_a_near_miss_of_a_polish_word_gets_a_did_you_mean(tmp_path: Path) -> None:
    """'monitorowania' and 'obsuga klienta' are one letter from words raci knows;
    'żonglerka' is like none of them and gets no guess."""
    text = """\
organization: Firma
departments:
  bok: {name: BOK, function: obsuga klienta}
tasks:
  nasłuch: {activity: monitorowania, raci: {bok: RA}}
  żonglerka: {activity: żonglerka, raci: {bok: RA}}
  wyniki: {activity: pomiary, raci: {bok: RA}}
"""
    (tmp_path / "org.yaml").write_text(text, encoding="utf-8")
    done = run_subprocess("check", "--lang", "pl", "org.yaml", cwd=tmp_path)
    assert done.code == 2
    lines = _lines(done.stderr)
    assert len(lines) == 4
    function, listen, dance, measure = lines
    assert function.startswith("org.yaml:3:")
    assert "nieznana funkcja 'obsuga klienta'" in function
    assert function.endswith("; czy chodziło o 'obsługa klienta'?")
    assert listen.endswith("; czy chodziło o 'monitorowanie'?")
    assert "czy chodziło" not in dance
    assert measure.endswith("; czy chodziło o 'pomiar'?")
    english = run_subprocess("check", "--lang", "en", "org.yaml", cwd=tmp_path)
    assert _lines(english.stderr)[1].endswith("; did you mean 'monitorowanie'?")


def test_a_polish_key_is_answered_with_its_english_name(tmp_path: Path) -> None:
    """Keys stay English; a facilitator's first guess ("nazwa", "czynność") is pointed at
    the key that works, while a key like nothing raci knows gets no guess."""
    text = """\
organizacja: Firma
departments:
  bok: {nazwa: BOK, function: obsługa klienta}
tasks:
  t: {czynność: pomiar, raci: {bok: RA}, zupa: 1}
"""
    (tmp_path / "org.yaml").write_text(text, encoding="utf-8")
    done = run_subprocess("check", "--lang", "pl", "org.yaml", cwd=tmp_path)
    assert done.code == 2
    text = "\n".join(_lines(done.stderr))
    assert "org.yaml:1:1: nieznane pole 'organizacja'; czy chodziło o 'organization'?" in text
    assert "nieznane pole 'nazwa' w dziale 'bok'; czy chodziło o 'name'?" in text
    assert "nieznane pole 'czynność' w zadaniu 't'; czy chodziło o 'activity'?" in text
    assert "nieznane pole 'zupa' w zadaniu 't'\n" in text + "\n"
