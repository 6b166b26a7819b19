"""``raci explain`` and ``raci rules`` in Polish: the rule prose comes from the catalogs (it is
extracted from the docstrings by babel.cfg's rule extractor), English stays as it was."""

from __future__ import annotations

import importlib
import inspect
import json
import re
from typing import Any

import pytest

from raci import i18n
from raci import rules as registry
from raci.report.catalog import explain_text
from raci.rules.doc_messages import rule_doc_messages

from .conftest import run_subprocess
from .english_scan import english_phrases

#: Keys of the org file a Polish text names as they are typed (the file's keys stay English).
FILE_KEYS = ("rules", "options", "budget")
RULE_NAMES = tuple(rule.name for rule in registry.ALL_RULES)


def prose_of(page: str) -> str:
    """An explain page without its YAML examples (indented four spaces: they stay as typed)."""
    return "\n".join(line for line in page.splitlines() if not line.startswith("    "))


def unquoted(text: str) -> str:
    """Example YAML with every double-quoted string blanked (the words that may differ)."""
    return re.sub(r'"[^"]*"', '""', text)


@pytest.mark.parametrize("rule", registry.ALL_RULES, ids=lambda rule: rule.code)
def test_explain_in_polish_has_no_english_prose(rule: Any) -> None:
    with i18n.language("pl"):
        page = explain_text(rule)
    english = explain_text(rule)
    assert english_phrases(prose_of(page), allowed=(*RULE_NAMES, *FILE_KEYS)) == []
    for heading in ("Dlaczego to ważne", "Tak jest dobrze", "Tak jest źle", "Jak to naprawić"):
        assert f"\n{heading}\n" in page
    # The examples are the same YAML in both languages but for the sentences quoted in them
    # (a waiver's reason); the summary line is translated.
    assert [unquoted(line) for line in page.splitlines() if line.startswith("    ")] == [
        unquoted(line) for line in english.splitlines() if line.startswith("    ")
    ]
    assert page.splitlines()[1] != english.splitlines()[1] == rule.doc.summary


def test_explain_names_the_principle_as_the_check_does() -> None:
    run = run_subprocess("explain", "--lang", "pl", "SOC103")
    assert run.code == 0
    assert run.stdout.startswith(
        "SOC103 shared-ownership (domyślnie: błąd)\n"
        "Obsługa klienta, PR i sprzedaż dzielą z marketingiem odpowiedzialność (R lub A).\n\n"
        "Zasada 3. Fałszywy pogląd: „Marketing powinien być odpowiedzialny za media społecznościowe”\n"
    )


def test_explain_options_in_polish() -> None:
    run = run_subprocess("explain", "--lang", "pl", "RACI004")
    heading = "Ustawienia (w pliku organizacji pod rules: options: albo przez --set KOD.ustawienie=wartość)"
    assert f"\n{heading}\n" in run.stdout
    assert "  max_responsible = 3  najwięcej działów odpowiedzialnych (R) w jednym zadaniu\n" in run.stdout


def test_an_unknown_rule_in_polish_is_one_line_and_exit_2() -> None:
    run = run_subprocess("explain", "--lang", "pl", "SOC999")
    assert run.code == 2 and run.stdout == ""
    assert run.stderr.startswith("raci: nieznana reguła 'SOC999'; znane reguły: RACI001, RACI002,")
    assert run.stderr.count("\n") == 1


def test_rules_in_polish() -> None:
    run = run_subprocess("rules", "--lang", "pl")
    lines = run.stdout.splitlines()
    assert len(lines) == len(registry.ALL_RULES) == 20
    # Hand count of the default severities: 6 errors, 12 warnings, 2 infos.
    words = [line.split()[2] for line in lines]
    assert (words.count("błąd"), words.count("ostrzeżenie"), words.count("informacja")) == (6, 12, 2)
    # The summaries still start in one column ("ostrzeżenie" is longer than "warning").
    starts = {line.index(summary) for line, summary in zip(lines, _polish_summaries(), strict=True)}
    assert len(starts) == 1
    assert english_phrases(run.stdout, allowed=RULE_NAMES) == []


def _polish_summaries() -> list[str]:
    with i18n.language("pl"):
        return [rule.doc.summary for rule in registry.ALL_RULES]


def test_rules_json_keeps_keys_codes_and_examples_and_translates_the_prose() -> None:
    english = json.loads(run_subprocess("rules", "-f", "json", "--lang", "en").stdout)
    polish = json.loads(run_subprocess("rules", "-f", "json", "--lang", "pl").stdout)
    assert [sorted(rule) for rule in polish] == [sorted(rule) for rule in english]
    for pl, en in zip(polish, english, strict=True):
        for key in ("code", "name", "severity", "principle"):
            assert pl[key] == en[key]
        for key in ("passes", "fails"):
            assert unquoted(pl[key]) == unquoted(en[key])
            assert (pl[key] == en[key]) == ('"' not in en[key])  # a quoted sentence is translated
        for key in ("summary", "why", "fix"):
            assert pl[key] != en[key]
        assert [o["name"] for o in pl["options"]] == [o["name"] for o in en["options"]]
    assert polish[0]["summary"] == "Każde zadanie ma dokładnie jeden dział rozliczany (A)."


@pytest.mark.parametrize("rule", registry.ALL_RULES, ids=lambda rule: rule.code)
def test_the_extractor_reads_what_the_rule_looks_up(rule: Any) -> None:
    """The catalog's msgids are exactly the texts RuleDoc.translated() asks for."""
    assert rule.doc == rule.source_doc  # in English, the docstring as written
    source = inspect.getsource(importlib.import_module(rule.__module__))
    extracted = [text for _, _, text in rule_doc_messages(source)]
    assert extracted == [text for _, text in rule.source_doc.prose()]


def test_explain_never_breaks_a_task_id_at_its_hyphen() -> None:
    english = run_subprocess("explain", "--lang", "en", "SOC101").stdout
    assert "\n  answer-complaints: {activity: respond," in english
    polish = run_subprocess("explain", "--lang", "pl", "SOC101").stdout
    assert " odpowiedzi-na-skargi: {activity: odpowiedzi," in polish.replace("\n  ", " ")
    assert "odpowiedzi-na-\n" not in polish


def test_rule_doc_follows_the_language_and_source_doc_stays_english() -> None:
    rule = registry.RULES_BY_CODE["SOC103"]
    with i18n.language("pl"):
        assert rule.doc.summary.startswith("Obsługa klienta, PR i sprzedaż dzielą")
        assert rule.source_doc.summary.startswith("Customer service, PR and sales each share")
        assert rule.doc.passes == rule.source_doc.passes  # the YAML is not translated
        from raci.report.rules_doc import principles_table, rules_markdown

        assert "Every task has exactly one Accountable department." in rules_markdown()
        assert "| 1 | Social media is a marketing channel |" in principles_table()
