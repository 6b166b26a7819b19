"""An org written with Polish words gives the same findings as its English twin."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import raci
from raci.model.polish_words import (
    POLISH_ACTIVITIES,
    POLISH_AUDIENCES,
    POLISH_FUNCTIONS,
    POLISH_HORIZONS,
    without_diacritics,
)
from raci.model.vocabulary import Activity, Audience, Function, parse_activity, parse_audience, parse_function

from .conftest import EXAMPLES, run_subprocess

FIELD = re.compile(r"\b(function|activity|audience): *([a-z_]+)(?=\s*[,}\n])")


def polish_twin(text: str) -> str:
    """The same org text with every function and activity written as a Polish word."""
    count = 0

    def swap(match: re.Match[str]) -> str:
        nonlocal count
        count += 1
        field, value = match.groups()
        table = {"function": POLISH_FUNCTIONS, "activity": POLISH_ACTIVITIES, "audience": POLISH_AUDIENCES}
        canonical = {"function": parse_function, "activity": parse_activity, "audience": parse_audience}[
            field
        ](value)
        assert canonical is not None, value
        words = [w for w, v in table[field].items() if v == canonical.value]
        # Alternate spellings with and without diacritics, so both are exercised.
        word = words[0] if count % 2 else without_diacritics(words[0])
        return f"{field}: {word}"

    return FIELD.sub(swap, text)


POLISH_FIELD = re.compile(r"\b(function|activity|audience|review_horizon_days): *([^,}\n]+?)(?=\s*[,}\n])")
POLISH_EXAMPLE = "polska-firma.yaml"


def english_twin(text: str) -> str:
    """The same org text with every Polish function, activity and horizon word made canonical."""

    def swap(match: re.Match[str]) -> str:
        field, value = match.groups()
        if field == "review_horizon_days":
            return f"{field}: {value if value.isdigit() else POLISH_HORIZONS[value]}"
        parse = {"function": parse_function, "activity": parse_activity, "audience": parse_audience}[field]
        canonical = parse(value)
        assert canonical is not None, value
        return f"{field}: {canonical.value}"

    return POLISH_FIELD.sub(swap, text)


def _codes(result: raci.CheckResult) -> list[tuple[str, str | None, str | None, int | None, str]]:
    return [(f.code, f.task, f.department, f.line, str(f.severity)) for f in result.findings]


ENGLISH_EXAMPLES = sorted(p.name for p in EXAMPLES.glob("*.yaml") if p.name != POLISH_EXAMPLE)


@pytest.mark.parametrize("example", ENGLISH_EXAMPLES)
def test_polish_twin_has_the_same_findings(example: str, tmp_path: Path) -> None:
    english = (EXAMPLES / example).read_text(encoding="utf-8")
    polish = polish_twin(english)
    assert polish != english
    assert "function: marketing" not in polish.replace("function: marketing i", "")
    english_result = raci.check(raci.loads(english, "org.yaml"))
    polish_result = raci.check(raci.loads(polish, "org.yaml"))
    assert _codes(polish_result) == _codes(english_result)
    assert english_result.findings or example == "shared-ownership.yaml"


def test_the_polish_example_has_the_same_findings_as_its_english_twin() -> None:
    polish = (EXAMPLES / POLISH_EXAMPLE).read_text(encoding="utf-8")
    english = english_twin(polish)
    # Every function, activity and horizon was written in Polish, none is left.
    swapped = [(a, b) for a, b in zip(polish.splitlines(), english.splitlines(), strict=True) if a != b]
    assert len(swapped) == 9 + 13 + 1  # departments, tasks, one horizon
    assert "po każdym poście" in polish and "review_horizon_days: 0" in english
    canonical = {m.value for enum in (Function, Activity, Audience) for m in enum}
    assert all(v in canonical or v.isdigit() for _, v in POLISH_FIELD.findall(english))
    assert not any(v in canonical for _, v in POLISH_FIELD.findall(polish) if v != "marketing")
    polish_result = raci.check(raci.loads(polish, "org.yaml"))
    english_result = raci.check(raci.loads(english, "org.yaml"))
    assert _codes(polish_result) == _codes(english_result)
    assert [f.message for f in polish_result.findings] == [f.message for f in english_result.findings]
    # The example exists to show many problems: 22 findings from 17 different rules.
    assert len(polish_result.findings) == 22
    assert len({f.code for f in polish_result.findings}) == 17


def test_polish_twin_through_the_cli(tmp_path: Path) -> None:
    english = (EXAMPLES / "marketing-owns-everything.yaml").read_text(encoding="utf-8")
    (tmp_path / "en.yaml").write_text(english, encoding="utf-8")
    (tmp_path / "pl.yaml").write_text(polish_twin(english), encoding="utf-8")
    en = run_subprocess("check", "en.yaml", "--format", "json", cwd=tmp_path)
    pl = run_subprocess("check", "pl.yaml", "--format", "json", cwd=tmp_path)
    assert en.code == pl.code == 1
    assert en.stdout.replace("en.yaml", "X") == pl.stdout.replace("pl.yaml", "X")


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("obsługa klienta", Function.CUSTOMER_SERVICE),
        ("obsluga klienta", Function.CUSTOMER_SERVICE),
        ("Obsługa Klienta", Function.CUSTOMER_SERVICE),
        ("sprzedaż", Function.SALES),
        ("sprzedaz", Function.SALES),
        ("komunikacja", Function.PUBLIC_RELATIONS),
        ("dział prawny", Function.LEGAL),
        ("dzial prawny", Function.LEGAL),
        ("prawny", Function.LEGAL),
        ("kadry", Function.HR),
        ("zarząd", Function.EXECUTIVE),
        ("zarzad", Function.EXECUTIVE),
        ("marketing", Function.MARKETING),
    ],
)
def test_polish_functions(word: str, expected: Function) -> None:
    assert parse_function(word) is expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("monitorowanie", Activity.MONITOR),
        ("odkrywanie", Activity.DISCOVER),
        ("selekcja", Activity.SELECT),
        ("tworzenie", Activity.CREATE),
        ("publikacja", Activity.PUBLISH),
        ("odpowiedzi", Activity.RESPOND),
        ("reklamacje", Activity.RESPOND),
        ("sprzedaż", Activity.SELL),
        ("relacje z mediami", Activity.MEDIA_RELATIONS),
        ("promocja", Activity.PROMOTE),
        ("kryzys", Activity.RECOVER),
        ("pomiar", Activity.MEASURE),
        ("błędy", Activity.RECOVER),
        ("bledy", Activity.RECOVER),
    ],
)
def test_polish_activities(word: str, expected: Activity) -> None:
    assert parse_activity(word) is expected


def test_polish_audience_and_horizons() -> None:
    assert parse_audience("kandydaci") is Audience.CANDIDATES
    assert parse_audience("dziennikarze") is Audience.MEDIA
    assert POLISH_HORIZONS["kwartalnie"] == 90
    assert POLISH_HORIZONS["co tydzien"] == POLISH_HORIZONS["co tydzień"] == 7
    org = raci.loads(
        "organization: Firma\n"
        "departments:\n  m: {function: marketing}\n"
        "tasks:\n"
        "  a: {activity: pomiar, review_horizon_days: kwartalnie, raci: {m: RA}}\n"
        "  b: {activity: pomiar, review_horizon_days: co  tydzień, raci: {m: RA}}\n",
        "org.yaml",
    )
    assert [org.tasks[t].review_horizon_days for t in ("a", "b")] == [90, 7]


def test_every_polish_word_has_its_plain_spelling() -> None:
    for table in (POLISH_FUNCTIONS, POLISH_ACTIVITIES, POLISH_AUDIENCES, POLISH_HORIZONS):
        for word in table:
            assert without_diacritics(word) in table, word


def test_the_schema_accepts_the_horizon_words_as_the_loader_reads_them() -> None:
    import re as regex

    from raci.model.schema import horizon_schema

    pattern = next(branch["pattern"] for branch in horizon_schema()["anyOf"] if "pattern" in branch)
    for written in ("co  tydzień", "Co-Tydzien", "po_każdym  poście", "kwartalnie", "half-yearly"):
        assert regex.fullmatch(pattern, written), written
    assert not regex.fullmatch(pattern, "co tydzien!")


@pytest.mark.parametrize(("departments", "tasks"), [(10, 30), (15, 60)])
def test_polish_twin_at_workshop_size(departments: int, tasks: int) -> None:
    from .orgs import generate

    english = generate(departments, tasks)
    polish = polish_twin(english)
    # Every department's function and every task's activity is written in Polish.
    assert len(FIELD.findall(english)) == departments + tasks
    assert len(POLISH_FIELD.findall(polish)) == departments + tasks + english.count("review_horizon_days")
    assert polish != english
    assert english_twin(polish) == english_twin(english)
    english_result = raci.check(raci.loads(english, "org.yaml"))
    polish_result = raci.check(raci.loads(polish, "org.yaml"))
    assert english_result.findings
    assert _codes(polish_result) == _codes(english_result)
    assert [f.message for f in polish_result.findings] == [f.message for f in english_result.findings]
