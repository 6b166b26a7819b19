"""The report formats in Polish: every word of the reporters' own in the language, the
machine formats' keys, codes, levels and ids unchanged."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

import raci
from raci import i18n
from raci.checking.config import Config
from raci.report import ReportOptions, render_report

from .conftest import EXAMPLES, run_subprocess
from .english_scan import english_phrases
from .test_waivers import ORG

MARKETING = EXAMPLES / "marketing-owns-everything.yaml"
SEVERITY_WORDS = {"error": "błąd", "warning": "ostrzeżenie", "info": "informacja"}


@pytest.fixture
def waiver_org(tmp_path: Path) -> Path:
    path = tmp_path / "org.yaml"
    path.write_text(ORG, encoding="utf-8")
    return path


def reports(path: Path, name: str, **options: Any) -> tuple[str, str, list[str]]:
    """The report in Polish and in English, and the texts that come from the rules (their
    messages, hints and the team's waiver reasons: another part of the catalog)."""
    result = raci.check(raci.load(path))
    with i18n.language("pl"):
        polish = render_report(name, [result], (), ReportOptions(**options))
        rule_texts = [
            text
            for finding in (*result.findings, *result.waived)
            for text in (finding.message, finding.hint, finding.waiver)
            if text
        ]
    english = render_report(name, [result], (), ReportOptions(**options))
    return polish, english, [*rule_texts, result.org.organization, result.source]


def own_words(text: str, rule_texts: list[str]) -> list[str]:
    """English left in the reporter's own words (rule messages and names are left out)."""
    for rule_text in sorted(rule_texts, key=len, reverse=True):
        text = text.replace(rule_text, " ")
    return english_phrases(text)


def test_text_report_in_polish(waiver_org: Path) -> None:
    polish, english, rule_texts = reports(waiver_org, "text", show_waived=True)
    assert own_words(polish, rule_texts) == []
    finding_lines = [line for line in polish.splitlines() if line.startswith(str(waiver_org))]
    english_lines = [line for line in english.splitlines() if line.startswith(str(waiver_org))]
    assert len(finding_lines) == len(english_lines) == 7  # 4 counted, 3 waived (hand count)
    words = [line.split(": ", 1)[1].split()[0] for line in finding_lines]
    assert words == ["ostrzeżenie"] * 3 + ["informacja"] + ["wyłączony"] * 3
    assert polish.count("\n    jak naprawić: ") == english.count("\n    fix: ") == 4
    assert "(powód wyłączenia: Instagram DMs are product questions marketing answers until Q3)" in polish
    assert polish.rstrip().endswith("✘ 3 ostrzeżenia, 1 informacja w 1 pliku; wyłączone: 3")


def test_markdown_report_in_polish(waiver_org: Path) -> None:
    polish, _, rule_texts = reports(waiver_org, "markdown")
    escaped = [text.replace("_", "\\_") for text in rule_texts]
    assert own_words(polish, [*rule_texts, *escaped]) == []
    assert polish.count("| Poziom | Kod | Wiersz | Komunikat |") == 2
    assert "): 4 problemy, spełnione zasady: " in polish
    assert "**Wyłączone problemy (3)**: zaakceptowane w pliku, z podanym powodem; nie są liczone" in polish
    assert polish.count("| ⚪ wyłączony (błąd) | SOC102 |") == 1
    assert polish.count("| 🟡 ostrzeżenie | SOC402 |") == 3
    assert polish.count("<br>*jak naprawić:* ") == 4
    assert polish.count("<br>*powód wyłączenia:* ") == 3


@pytest.mark.parametrize(("count", "words"), [(1, "1 problem"), (2, "2 problemy"), (5, "5 problemów")])
def test_markdown_counts_findings_in_polish_plurals(tmp_path: Path, count: int, words: str) -> None:
    tasks = "".join(f"  t{n}: {{activity: other, raci: {{a: R}}}}\n" for n in range(count))
    path = tmp_path / "org.yaml"
    org = f"organization: X\ndepartments:\n  a: {{name: A, function: legal}}\ntasks:\n{tasks}"
    path.write_text(org, encoding="utf-8")
    result = raci.check(raci.load(path), Config(select="RACI001"))
    assert len(result.findings) == count  # every task lacks its A
    with i18n.language("pl"):
        text = render_report("markdown", [result], (), ReportOptions())
    assert f"(X): {words}, zasady nie dotyczą" in text


def test_github_annotations_in_polish(waiver_org: Path) -> None:
    polish, english, rule_texts = reports(waiver_org, "github")
    # The commands and their properties are the runner's syntax; the messages are ours.
    messages = "\n".join(line.split("::")[-1] for line in polish.splitlines())
    assert own_words(messages.replace("%0A", "\n"), rule_texts) == []
    assert polish.count("title=SOC102 (wyłączony)::") == 1
    assert polish.count("%0Ajak naprawić: ") == english.count("%0Afix: ") == 4
    assert polish.count("%0Apowód wyłączenia: ") == 3
    # The commands themselves are the runner's words: unchanged.
    commands = [line.split(" ", 1)[0] for line in polish.splitlines()]
    assert commands == [line.split(" ", 1)[0] for line in english.splitlines()]


def test_junit_in_polish_keeps_its_structure(waiver_org: Path) -> None:
    polish, english, _ = reports(waiver_org, "junit")
    pl_root, en_root = ET.fromstring(polish), ET.fromstring(english)
    def structure(root: ET.Element) -> list[tuple[str, list[str], str | None]]:
        return [(e.tag, sorted(e.attrib), e.get("type")) for e in root.iter()]

    assert structure(pl_root) == structure(en_root)
    skipped = [e.get("message") for e in pl_root.iter("skipped")]
    assert "powód wyłączenia: asked only when a campaign needs it" in skipped
    assert "\n    jak naprawić: " in polish and "\n    fix: " not in polish
    assert "ostrzeżenie SOC402 " in polish


def test_junit_counts_findings_in_polish() -> None:
    with i18n.language("pl"):
        text = render_report("junit", [raci.check(raci.load(MARKETING))], (), ReportOptions())
    messages = [failure.get("message") for failure in ET.fromstring(text).iter("failure")]
    assert "2 problemy" in messages  # SOC402: no select task, no promote task (hand count)


def test_sarif_in_polish_keeps_ids_levels_and_keys() -> None:
    run_en = run_subprocess("check", "-f", "sarif", "--lang", "en", str(MARKETING))
    run_pl = run_subprocess("check", "-f", "sarif", "--lang", "pl", str(MARKETING))
    english, polish = json.loads(run_en.stdout), json.loads(run_pl.stdout)

    def shape(value: Any) -> Any:
        if isinstance(value, dict):
            return {key: shape(item) for key, item in value.items()}
        if isinstance(value, list):
            return [shape(item) for item in value]
        return type(value).__name__

    assert shape(polish) == shape(english)
    en_run, pl_run = english["runs"][0], polish["runs"][0]
    for key in ("ruleId", "level", "partialFingerprints"):
        assert [r[key] for r in pl_run["results"]] == [r[key] for r in en_run["results"]]
    pl_rules = pl_run["tool"]["driver"]["rules"]
    en_rules = en_run["tool"]["driver"]["rules"]
    assert [r["id"] for r in pl_rules] == [r["id"] for r in en_rules]
    assert pl_rules[0]["shortDescription"]["text"] == "Każde zadanie ma dokładnie jeden dział rozliczany (A)."
    soc103 = next(r for r in pl_rules if r["id"] == "SOC103")
    principle = "Zasada 3. Fałszywy pogląd: „Marketing powinien być odpowiedzialny"
    assert principle in soc103["fullDescription"]["text"]
    assert "\n\nDlaczego: Fałszywy pogląd nr 3:" in soc103["help"]["text"]
    assert "**Jak naprawić.** Daj każdemu brakującemu działowi" in soc103["help"]["markdown"]
    for rule in pl_rules:
        assert english_phrases(rule["shortDescription"]["text"]) == [], rule["id"]


def test_a_bad_baseline_in_polish(waiver_org: Path, tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    baseline.write_text('{"baseline_version": 7, "findings": []}', encoding="utf-8")
    run = run_subprocess("check", "--lang", "pl", "--baseline", str(baseline), str(waiver_org))
    assert run.code == 2
    assert f"{baseline}: nieobsługiwana wersja baseline_version 7; oczekiwano 1" in run.stderr


def test_a_bad_rule_option_in_polish(waiver_org: Path) -> None:
    run = run_subprocess("check", "--lang", "pl", "--set", "RACI004.max_responsible=0", str(waiver_org))
    assert run.code == 2
    assert "RACI004: ustawienie „max_responsible” musi wynosić co najmniej 1" in run.stderr
    english = run_subprocess("check", "--lang", "en", "--set", "RACI004.max_responsible=0", str(waiver_org))
    assert "RACI004 option 'max_responsible' must be at least 1" in english.stderr
