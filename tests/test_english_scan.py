"""The English scan catches English and lets Polish through."""

from __future__ import annotations

import doctest

import pytest

from . import english_scan
from .english_scan import english_phrases


def test_an_english_sentence_is_caught() -> None:
    text = "SOC102 error: Customer service is not Responsible on task 'answer-comments'."
    # The task id is quoted: an id, not prose.
    assert english_phrases(text) == ["error", "Customer service is not Responsible on task"]


def test_a_polish_sentence_passes() -> None:
    text = (
        "org.yaml:12:3: SOC102 błąd: dział „Obsługa klienta” nie jest R "
        "w zadaniu „Odpowiedzi na komentarze”.\n"
        "  Jak naprawić: dodaj R działowi obsługi klienta (`activity: respond`), zob. raci explain SOC102.\n"
        "Marketing, PR i HR: monitoring, problem, plan, post, media \u2013 3 zadania, 5 zadań."
    )
    assert english_phrases(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "reguła RACI001, litery R, A, C, I, S, RA, RACI i RASCI",
        "plik org_examples/polska-firma.yaml, wykres widok.svg, https://example.com/the/page",
        "użyj --lang pl albo -f json",
        "`customer_service`, `respond`, `effort_hours: 4`, `review_horizon_days: quarterly`",
        "function: customer_service, activity: respond, audience: customers",
        "uruchom raci check, raci render --view handoffs",
        "plik powinien mieć klucze 'organization', 'departments' i 'tasks'",
        "aby zaakceptować problemy, dopisz regułę do rules: ignore: [SOC101] albo rules: options:",
        "Na pewno? To jest dobrze, a i by to było do zrobienia.",
        "Ten sam plik daje te same problemy; most, we wtorek, był u was.",
    ],
)
def test_what_polish_text_rightly_contains_is_not_counted(text: str) -> None:
    assert english_phrases(text) == []


def test_whole_words_in_any_case() -> None:
    assert english_phrases("THE TASK") == ["THE TASK"]
    assert english_phrases("Zadanie: Tasks") == ["Tasks"]
    # "theme", "ownerka", "isolate" contain English words but are not them.
    assert english_phrases("theme ownerka isolate fixacja") == []


def test_phrases_are_split_at_sentence_punctuation() -> None:
    found = english_phrases("Fix: give the task an owner. Zadanie nie ma A.")
    assert found == ["Fix", "give the task an owner"]


def test_allowed_words_and_phrases_are_not_counted() -> None:
    text = "Dział „Customer Care” nie ma zadań; Task Force też nie."
    assert english_phrases(text) == ["Customer Care", "Task"]
    assert english_phrases(text, allowed=["Customer Care", "task force"]) == []


def test_example_yaml_lines_are_code() -> None:
    example = "tasks:\n  answer-complaints: {activity: respond, raci: {care: RA, marketing: I}}\n"
    assert english_phrases(example) == []
    block = '  answer-dms:\n    waive: {SOC102: "marketing answers DMs until Q3"}\n'
    assert english_phrases(block) == ["answers", "until"]
    assert english_phrases('    waive: {SOC102: "marketing odpowiada do III kwartału"}') == []
    # A sentence with a colon is still prose.
    assert english_phrases("Fix: give the task an owner") == ["Fix", "give the task an owner"]
    assert english_phrases("tasks: the owner is missing") == ["tasks", "the owner is missing"]


def test_quoted_prose_is_still_read() -> None:
    assert english_phrases("zadanie 'the owner is missing'") == ["the owner is missing"]
    assert english_phrases("fix: give the task an owner") == ["fix", "give the task an owner"]


def test_backticks_holding_prose_are_still_read() -> None:
    assert english_phrases("zob. `the task has no owner`") == ["the task has no owner"]


def test_the_module_example_holds() -> None:
    failures, tried = doctest.testmod(english_scan)
    assert tried and not failures
