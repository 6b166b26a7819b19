"""Rule messages, fix hints and suggest notes in Polish: every failing case of every rule reads
Polish (no English left) and finds the same things as in English; plural forms by hand."""

from __future__ import annotations

import json
from concurrent import futures
from pathlib import Path
from typing import Any

import pytest
import yaml

import raci
from raci import i18n
from raci.checking.checker import CheckResult
from raci.checking.parallel import check_files
from raci.model.findings import Finding
from raci.rules import ALL_RULES, RULES_BY_CODE
from raci.rules.fixes import Planner
from tests.conftest import EXAMPLES, ROOT, run_subprocess
from tests.english_scan import english_phrases

from .harness import check_snippet

CASES_DIR = Path(__file__).parent / "cases"
#: Every locale variable cleared: a test sets only what it means.
NO_LOCALE = {"RACI_LANG": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "", "LANGUAGE": ""}


def _failing_snippets() -> list[Any]:
    """Each rule's docstring Fails example, and every failing case of its case file."""
    found = [pytest.param(rule.code, rule.doc.fails, {}, id=f"{rule.code}-doc") for rule in ALL_RULES]
    for path in sorted(CASES_DIR.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in data["cases"]:
            if "fails" in case:
                options = {data["rule"]: case["options"]} if "options" in case else {}
                found.append(
                    pytest.param(data["rule"], case["fails"], options, id=f"{data['rule']}-{case['name']}")
                )
    return found


def _check(snippet: str, options: dict[str, Any], lang: str) -> CheckResult:
    with i18n.language(lang):
        return check_snippet(snippet, raci.Config(options=options) if options else None)[0]


def _names(result: CheckResult) -> list[str]:
    """What the org itself names (ids and labels, often English words): allowed in Polish text."""
    org = result.org
    return [*org.tasks, *org.departments, *(org.department_label(d) for d in org.departments)]


def _where(finding: Finding) -> tuple[Any, ...]:
    return (
        finding.code,
        finding.severity,
        finding.line,
        finding.column,
        finding.task,
        finding.department,
        finding.activity,
        finding.function,
        finding.letter,
    )


def _says_hint(finding: Finding) -> bool:
    return bool(finding.hint) and str(finding.hint).lower() in finding.message.lower()


def _advice_texts(result: CheckResult, findings: list[Finding]) -> list[str]:
    """What `raci suggest` may say about ``findings``: change summaries, notes, advice."""
    plan = Planner(result)
    texts: list[str] = []
    for finding in findings:
        rule = RULES_BY_CODE[finding.code]
        for candidate in rule.fixes(plan, finding):
            texts += [candidate.summary, candidate.note or ""]
            texts += [str(op.name) for op in candidate.operations if hasattr(op, "name")]
        texts.append(rule.advice(finding, result.org) or "")
    texts += [note for notes in plan.notes.values() for note in notes]
    return texts


@pytest.mark.parametrize(("code", "snippet", "options"), _failing_snippets())
def test_failing_case_reads_polish_and_finds_the_same(
    code: str, snippet: str, options: dict[str, Any]
) -> None:
    english = _check(snippet, options, "en")
    polish = _check(snippet, options, "pl")
    assert [_where(f) for f in polish.findings] == [_where(f) for f in english.findings]
    found = [f for f in polish.findings if f.code == code]
    assert found, f"{code} does not fail its own example"
    allowed = _names(polish)
    for finding, twin in zip(found, [f for f in english.findings if f.code == code], strict=True):
        assert finding.message != twin.message
        # A hint the message already says is not repeated as a "fix:" line, in either language.
        assert _says_hint(finding) == _says_hint(twin), (finding.message, finding.hint)
        assert english_phrases(finding.message, allowed) == [], finding.message
        assert english_phrases(finding.hint or "", allowed) == [], finding.hint
    with i18n.language("pl"):
        texts = _advice_texts(polish, found)
    for text in texts:
        assert english_phrases(text, allowed) == [], text


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda rule: rule.code)
def test_the_docstring_example_reads_as_approved(rule: type[raci.rules.Rule]) -> None:  # type: ignore[name-defined]
    result = _check(rule.doc.fails, {}, "pl")
    approved = yaml.safe_load((Path(__file__).parent / "polish_examples.yaml").read_text(encoding="utf-8"))
    assert [f.message for f in result.findings if f.code == rule.code] == approved[rule.code]


@pytest.mark.parametrize("code", sorted(RULES_BY_CODE))
def test_a_rule_without_a_fix_says_why_in_polish(code: str) -> None:
    rule = RULES_BY_CODE[code]
    if rule.no_fix is None:
        return
    finding = Finding(code, rule.severity, "m", "f.yaml", 1, 1)
    with i18n.language("pl"):
        advice = rule.advice(finding, raci.loads("organization: A\n"))
    assert advice and advice != rule.no_fix
    assert english_phrases(advice) == []


# --- plural forms, counted by hand -------------------------------------------------------

COUNTS = (1, 2, 5, 22, 25)


def _org(departments: dict[str, dict[str, Any]], tasks: dict[str, dict[str, Any]]) -> raci.Organization:
    return raci.Organization.from_data({"organization": "Firma", "departments": departments, "tasks": tasks})


def _polish(org: raci.Organization, code: str, options: dict[str, Any] | None = None) -> list[str]:
    with i18n.language("pl"):
        result = raci.check(org, raci.Config(options={code: options}) if options else None)
    return [f.message for f in result.findings if f.code == code]


@pytest.mark.parametrize(
    ("count", "words"),
    [
        (1, "(w pliku: 1 zadanie)"),
        (2, "(w pliku: 2 zadania)"),
        (5, "(w pliku: 5 zadań)"),
        (22, "(w pliku: 22 zadania)"),
        (25, "(w pliku: 25 zadań)"),
    ],
)
def test_soc105_counts_the_tasks_marketing_leaves(count: int, words: str) -> None:
    tasks = {f"post-{n}": {"activity": "create", "raci": {"care": "RA", "mkt": "I"}} for n in range(count)}
    departments = {"mkt": {"function": "marketing"}, "care": {"function": "customer_service"}}
    (message,) = _polish(_org(departments, tasks), "SOC105")
    assert words in message
    assert "z czynnością „tworzenie”" in message


@pytest.mark.parametrize(
    ("count", "words"),
    [(1, "co 1 dzień;"), (2, "co 2 dni;"), (5, "co 5 dni;"), (22, "co 22 dni;"), (25, "co 25 dni;")],
)
def test_soc201_says_the_horizon_in_days(count: int, words: str) -> None:
    tasks = {"likes": {"activity": "measure", "review_horizon_days": count, "raci": {"mkt": "RA"}}}
    (message,) = _polish(_org({"mkt": {"function": "marketing"}}, tasks), "SOC201", {"min_horizon_days": 30})
    assert f"zadanie pomiaru „likes” ocenia wyniki {words}" in message
    assert message.endswith("ustaw review_horizon_days na 30 lub więcej")


@pytest.mark.parametrize(
    ("count", "words"),
    [
        (1, "w 1 zadaniu,"),
        (2, "w 2 zadaniach,"),
        (5, "w 5 zadaniach,"),
        (22, "w 22 zadaniach,"),
        (25, "w 25 zadaniach,"),
    ],
)
def test_raci006_counts_the_accountable_tasks(count: int, words: str) -> None:
    tasks = {f"t{n}": {"activity": "other", "raci": {"boss": "A", "team": "R"}} for n in range(count)}
    departments = {"boss": {"name": "Zarząd", "function": "executive"}, "team": {"function": "other"}}
    limit = max(count - 1, 0)
    if limit < 1:  # the threshold is at least 1: one task is counted through ngettext alone
        with i18n.language("pl"):
            text = i18n.ngettext(
                "department '%(department)s' is Accountable for %(count)d task, more than %(limit)s",
                "department '%(department)s' is Accountable for %(count)d tasks, more than %(limit)s",
                1,
            ) % {"department": "Zarząd", "count": 1, "limit": 0}
        assert text == "dział „Zarząd” jest A w 1 zadaniu, więcej niż 0"
        return
    (message,) = _polish(_org(departments, tasks), "RACI006", {"max_accountable": limit})
    assert message == f"dział „Zarząd” jest A {words} więcej niż {limit}"


@pytest.mark.parametrize(
    ("count", "words"),
    [(2, "2 działy z R"), (5, "5 działów z R"), (22, "22 działy z R"), (25, "25 działów z R")],
)
def test_raci004_counts_the_responsible_departments(count: int, words: str) -> None:
    departments = {f"d{n}": {"function": "other"} for n in range(count)}
    raci_letters = {f"d{n}": "R" for n in range(count)} | {"d0": "RA"}
    (message,) = _polish(
        _org(departments, {"t": {"activity": "other", "raci": raci_letters}}),
        "RACI004",
        {"max_responsible": 1},
    )
    assert message.startswith(f"zadanie „t” ma {words} (d0, d1")
    assert message.endswith("więcej niż 1: podziel je")


@pytest.mark.parametrize(
    ("count", "words"),
    [(2, "2 działy z A"), (5, "5 działów z A"), (22, "22 działy z A"), (25, "25 działów z A")],
)
def test_raci001_counts_the_accountable_departments(count: int, words: str) -> None:
    departments = {f"d{n}": {"function": "other"} for n in range(count)}
    letters = {f"d{n}": "A" for n in range(count)} | {"d0": "RA"}
    (message,) = _polish(_org(departments, {"t": {"activity": "other", "raci": letters}}), "RACI001")
    assert message.startswith(f"zadanie „t” ma {words} (d0, d1")
    assert message.endswith("); zostaw A tylko jednemu")


def test_one_of_each_plural_form_in_the_catalog() -> None:
    """1, 2, 5, 22 and 25 through the catalog for the messages whose count may be 1."""
    with i18n.language("pl"):
        forms = {
            n: i18n.ngettext(
                "marketing holds R or A on %(count)d task", "marketing holds R or A on %(count)d tasks", n
            )
            % {"count": n}
            for n in COUNTS
        }
        consulted = {
            n: i18n.ngettext(
                "task '%(task)s' has %(count)d Consulted department (%(departments)s), "
                "more than %(limit)s: decisions will be slow",
                "task '%(task)s' has %(count)d Consulted departments (%(departments)s), "
                "more than %(limit)s: decisions will be slow",
                n,
            )
            % {"task": "t", "count": n, "departments": "…", "limit": 0}
            for n in COUNTS
        }
    assert forms == {
        1: "marketing ma R lub A w 1 zadaniu",
        2: "marketing ma R lub A w 2 zadaniach",
        5: "marketing ma R lub A w 5 zadaniach",
        22: "marketing ma R lub A w 22 zadaniach",
        25: "marketing ma R lub A w 25 zadaniach",
    }
    assert [consulted[n].split(" (")[0] for n in COUNTS] == [
        "zadanie „t” ma 1 dział z C",
        "zadanie „t” ma 2 działy z C",
        "zadanie „t” ma 5 działów z C",
        "zadanie „t” ma 22 działy z C",
        "zadanie „t” ma 25 działów z C",
    ]


def test_an_island_of_one_and_of_two() -> None:
    departments = {
        "mkt": {"name": "Marketing", "function": "marketing"},
        "care": {"name": "Obsługa", "function": "customer_service"},
        "pr": {"name": "Rzecznik", "function": "public_relations"},
        "fin": {"name": "Finanse", "function": "other"},
        "hr": {"name": "Kadry", "function": "hr"},
    }
    mainland = {"mkt": "RA", "care": "C", "pr": "I"}
    one = {"a": {"activity": "publish", "raci": mainland}, "b": {"activity": "other", "raci": {"fin": "RA"}}}
    two = {"a": one["a"], "b": {"activity": "other", "raci": {"fin": "RA", "hr": "C"}}}
    (single,) = _polish(_org(departments, one), "RACI008")
    (double,) = _polish(_org(departments, two), "RACI008")
    assert single.startswith("wyspa informacyjna: dział „Finanse” nie ma wspólnego zadania z resztą firmy")
    assert double.startswith(
        "wyspa informacyjna (działy: Finanse, Kadry) nie ma wspólnego zadania z resztą firmy"
    )
    assert "daj działowi „Marketing” I w zadaniu „b”" in single
    assert "(albo daj wyspie literę w zadaniu, które prowadzi reszta firmy)" in double


def test_lists_join_with_the_polish_and() -> None:
    departments = {"mkt": {"function": "marketing"}, "care": {"function": "customer_service"}}
    departments |= {"pr": {"function": "public_relations"}, "sales": {"function": "sales"}}
    tasks = {"answer": {"activity": "respond", "raci": {"mkt": "RA", "care": "I"}}}
    (message,) = _polish(_org(departments, tasks), "SOC103")
    assert message.startswith("Obsługa klienta, PR i sprzedaż nie mają R ani A w żadnym zadaniu")
    assert ", a marketing ma R lub A w 1 zadaniu: odpowiedzialność nie jest podzielona; " in message


# --- structured data, machine formats and parallel checks -------------------------------


def test_raci006_tells_its_two_findings_apart_by_letter_in_any_language() -> None:
    """Over capacity and too many A's on one department: two notes, whatever the language."""
    tasks = {f"t{n}": {"activity": "other", "effort_hours": 10, "raci": {"boss": "RA"}} for n in range(3)}
    org = _org({"boss": {"function": "executive", "capacity_hours": 20}}, tasks)
    config = raci.Config(options={"RACI006": {"max_accountable": 2}})
    rule = RULES_BY_CODE["RACI006"]
    notes = {}
    for lang in ("en", "pl"):
        with i18n.language(lang):
            result = raci.check(org, config)
            found = [f for f in result.findings if f.code == "RACI006"]
            assert [f.letter for f in found] == [None, "A"]
            notes[lang] = [rule.department_note(f, org, result.graph, "boss") for f in found]
    for capacity, accountable in notes.values():
        assert capacity != accountable
        assert "30" in capacity and "3" in accountable


def test_raci006_advice_fits_the_finding() -> None:
    """Too many A's is not fixed by raising capacity (it once advised "raise ... to 0 h")."""
    tasks = {f"t{n}": {"activity": "other", "raci": {"boss": "A", "team": "R"}} for n in range(3)}
    org = _org({"boss": {"name": "Zarząd", "function": "executive"}, "team": {"function": "other"}}, tasks)
    result = raci.check(org, raci.Config(options={"RACI006": {"max_accountable": 2}}))
    (finding,) = [f for f in result.findings if f.code == "RACI006"]
    rule = RULES_BY_CODE["RACI006"]
    assert rule.advice(finding, org) == (
        "share the A's out to the departments that do the work: which ones is the team's call"
    )
    with i18n.language("pl"):
        assert (
            rule.advice(finding, org)
            == "rozdziel A między działy, które wykonują pracę: które A oddać, decyduje zespół"
        )


def test_json_message_follows_the_language_codes_and_keys_do_not() -> None:
    path = str(EXAMPLES / "marketing-owns-everything.yaml")
    english = json.loads(
        run_subprocess("check", "--lang", "en", "--format", "json", path, env=NO_LOCALE).stdout
    )
    polish = json.loads(
        run_subprocess("check", "--lang", "pl", "--format", "json", path, env=NO_LOCALE).stdout
    )
    assert len(polish["findings"]) == len(english["findings"]) > 5
    for pl, en in zip(polish["findings"], english["findings"], strict=True):
        assert list(pl) == list(en)
        assert {k: v for k, v in pl.items() if k not in ("message", "hint")} == {
            k: v for k, v in en.items() if k not in ("message", "hint")
        }
        assert pl["message"] != en["message"]
    messages = " ".join(f["message"] for f in polish["findings"])
    org = raci.load(path)
    allowed = [*org.tasks, *org.departments, *(org.department_label(d) for d in org.departments)]
    assert english_phrases(messages, allowed) == []
    assert "w zadaniu „answer-comments” (czynność „odpowiedzi”) nikt z obsługi klienta nie ma R" in messages


def test_sarif_message_is_polish_and_the_rule_id_english() -> None:
    path = str(EXAMPLES / "classic-raci-mistakes.yaml")
    run = run_subprocess("check", "--lang", "pl", "--format", "sarif", path, env=NO_LOCALE)
    results = json.loads(run.stdout)["runs"][0]["results"]
    assert {r["ruleId"] for r in results} >= {"RACI001", "RACI002", "RACI006"}
    texts = {r["ruleId"]: r["message"]["text"] for r in results}
    assert texts["RACI002"].startswith("zadanie „newsletter-picks”: żaden dział nie jest R")


def test_jobs_write_the_callers_language_not_the_workers_environment() -> None:
    """Two worker processes whose environment says English write the Polish asked for."""
    files = [str(EXAMPLES / "classic-raci-mistakes.yaml"), str(EXAMPLES / "marketing-owns-everything.yaml")]
    english_env = {**NO_LOCALE, "LANG": "en_US.UTF-8"}
    one = run_subprocess("check", "--lang", "pl", "--jobs", "1", *files, env=english_env)
    two = run_subprocess("check", "--lang", "pl", "--jobs", "2", *files, env=english_env)
    assert two.stdout == one.stdout and two.code == one.code
    assert "RACI002 zadanie „newsletter-picks”: żaden dział nie jest R" in two.stdout
    assert "SOC301 brak zadania naprawy wpadek" in two.stdout
    assert "has no" not in two.stdout


def test_a_thread_pool_checks_in_the_callers_language(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pool threads do not inherit context variables: each call carries the language."""
    monkeypatch.setattr(futures, "ProcessPoolExecutor", futures.ThreadPoolExecutor)
    files = [str(EXAMPLES / "classic-raci-mistakes.yaml"), str(ROOT / "tests" / "data" / "workshop_hr.yaml")]
    with i18n.language("pl"):
        outcomes = check_files(files, jobs=2)
    messages = [f.message for result in outcomes if isinstance(result, CheckResult) for f in result.findings]
    assert "zadanie „job-replies”: żaden dział nie jest A (rozliczany)" in messages
    assert not [m for m in messages if m.startswith(("task ", "department "))]
    assert i18n.current_language() == "en"
