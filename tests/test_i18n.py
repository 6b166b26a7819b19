"""Translations: complete catalogs, placeholders kept, Polish plurals, the language chosen by
--lang, RACI_LANG or the locale, and one language per thread."""

from __future__ import annotations

import gettext
import json
import re
import threading
from pathlib import Path
from typing import Any

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

import raci
from raci import i18n
from raci.model.principles import PRINCIPLES
from raci.model.vocabulary import Activity, Function
from raci.report import ReportOptions, render_report

from .conftest import EXAMPLES, ROOT, run_subprocess

LOCALE = ROOT / "raci" / "locale"
MARKETING = str(EXAMPLES / "marketing-owns-everything.yaml")
SHARED = str(EXAMPLES / "shared-ownership.yaml")
#: Every locale variable cleared: a test sets only what it means.
NO_LOCALE = {"RACI_LANG": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "", "LANGUAGE": ""}
TRANSLATED = [code for code in i18n.LANGUAGES if code != i18n.DEFAULT_LANGUAGE]

# python-format placeholders: %(name)s, %d, %5.1f …; "%%" is a literal percent sign.
_PLACEHOLDER = re.compile(r"%(?:\((?P<name>[^)]*)\))?[#0 +-]*(?:\*|\d+)?(?:\.(?:\*|\d+))?[diouxXeEfFgGcrsa%]")


def placeholders(text: str) -> list[str]:
    return sorted(match.group(0) for match in _PLACEHOLDER.finditer(text) if match.group(0) != "%%")


def catalog(code: str) -> Catalog:
    with (LOCALE / code / "LC_MESSAGES" / "raci.po").open("rb") as handle:
        return read_po(handle, locale=code)


def source_messages() -> set[str]:
    """Every message the source marks for translation, extracted as pybabel extract does:
    with babel.cfg's mapping, so the rule docstrings' prose is counted too."""
    with (ROOT / "babel.cfg").open(encoding="utf-8") as handle:
        method_map, options_map = parse_mapping_cfg(handle)
    found = extract_from_dir(str(ROOT), method_map=method_map, options_map=options_map)
    return {message[2] if isinstance(message[2], str) else message[2][0] for message in found}


def entries(cat: Catalog) -> list[Any]:
    return [message for message in cat if message.id]


# --- the catalogs ------------------------------------------------------------------------


def test_every_marked_message_is_in_the_catalog() -> None:
    """A string marked in the code but missing from the .po fails here (run pybabel update)."""
    marked = source_messages()
    assert len(marked) > 60  # the principles, labels, scorecard and summary at least
    for code in TRANSLATED:
        in_catalog = {m.id if isinstance(m.id, str) else m.id[0] for m in entries(catalog(code))}
        assert marked - in_catalog == set(), f"{code}: not in the catalog"
        assert in_catalog - marked == set(), f"{code}: no longer in the code (run pybabel update)"


@pytest.mark.parametrize("code", TRANSLATED)
def test_every_message_has_a_translation(code: str) -> None:
    cat = catalog(code)
    assert cat.num_plurals == 3 if code == "pl" else cat.num_plurals >= 1
    for message in entries(cat):
        assert not message.fuzzy, f"fuzzy: {message.id!r}"
        forms = message.string if isinstance(message.string, tuple) else (message.string,)
        if isinstance(message.id, tuple):
            assert len(forms) == cat.num_plurals, f"plural forms of {message.id[0]!r}"
        assert all(form.strip() for form in forms), f"untranslated: {message.id!r}"


@pytest.mark.parametrize("code", TRANSLATED)
def test_translations_keep_the_placeholders(code: str) -> None:
    for message in entries(catalog(code)):
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        forms = message.string if isinstance(message.string, tuple) else (message.string,)
        expected = placeholders(ids[-1])
        assert placeholders(ids[0]) == expected  # the English singular and plural agree
        for form in forms:
            assert placeholders(form) == expected, f"{message.id!r} -> {form!r}"


def test_the_placeholder_check_sees_a_dropped_or_added_placeholder() -> None:
    assert placeholders("%(count)d błędów") == ["%(count)d"]
    assert placeholders("błędów") != placeholders("%(count)d errors")
    assert placeholders("%(count)d z %(total)d, 100%%") == ["%(count)d", "%(total)d"]


@pytest.mark.parametrize("code", TRANSLATED)
def test_the_shipped_mo_matches_the_po(code: str) -> None:
    """The committed .mo is what `pybabel compile` makes of the .po (nothing to build at install)."""
    with (LOCALE / code / "LC_MESSAGES" / "raci.mo").open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    for message in entries(catalog(code)):
        if isinstance(message.id, tuple):
            for count, form in zip((1, 2, 5), message.string, strict=False):
                assert compiled.ngettext(message.id[0], message.id[1], count) == form
        else:
            assert compiled.gettext(message.id) == message.string


def test_the_catalogs_ship_in_the_package() -> None:
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"locale/*/LC_MESSAGES/*.mo"' in pyproject
    assert i18n.translations("pl").gettext("Sales") == "Sprzedaż"  # found where it is installed


# --- Polish plurals ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("count", "errors", "warnings", "files"),
    [
        (1, "1 błąd", "1 ostrzeżenie", "w 1 pliku"),
        (2, "2 błędy", "2 ostrzeżenia", "w 2 plikach"),
        (5, "5 błędów", "5 ostrzeżeń", "w 5 plikach"),
        (12, "12 błędów", "12 ostrzeżeń", "w 12 plikach"),
        (22, "22 błędy", "22 ostrzeżenia", "w 22 plikach"),
        (25, "25 błędów", "25 ostrzeżeń", "w 25 plikach"),
    ],
)
def test_polish_plural_forms(count: int, errors: str, warnings: str, files: str) -> None:
    with i18n.language("pl"):
        assert i18n.ngettext("%(count)d error", "%(count)d errors", count) % {"count": count} == errors
        assert i18n.ngettext("%(count)d warning", "%(count)d warnings", count) % {"count": count} == warnings
        assert i18n.ngettext("in %(count)d file", "in %(count)d files", count) % {"count": count} == files
    with i18n.language("en"):
        plural = "" if count == 1 else "s"
        assert i18n.ngettext("%(count)d error", "%(count)d errors", count) % {"count": count} == (
            f"{count} error{plural}"
        )


# --- choosing the language ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, "en"),
        ({"LANG": "pl_PL.UTF-8"}, "pl"),
        ({"LANG": "pl_PL.UTF-8", "LC_ALL": "C"}, "en"),  # LC_ALL overrides LANG
        ({"LANG": "en_US.UTF-8", "LC_MESSAGES": "pl_PL.UTF-8"}, "pl"),
        ({"LC_MESSAGES": "pl_PL", "LC_ALL": "en_GB.UTF-8"}, "en"),
        ({"LANG": "de_DE.UTF-8"}, "en"),  # a language raci does not speak: English
        ({"RACI_LANG": "pl", "LC_ALL": "C"}, "pl"),  # RACI_LANG beats the locale
        ({"RACI_LANG": "en", "LANG": "pl_PL.UTF-8"}, "en"),
        ({"RACI_LANG": "", "LANG": "pl_PL.UTF-8"}, "pl"),  # empty is unset
        ({"LANG": "pl_PL.utf8@euro"}, "pl"),
    ],
)
def test_environment_language(environ: dict[str, str], expected: str) -> None:
    assert i18n.environment_language(environ) == expected


def test_an_unknown_raci_lang_is_an_error_not_a_guess() -> None:
    with pytest.raises(i18n.LanguageError, match="unknown language 'xx'"):
        i18n.environment_language({"RACI_LANG": "xx"})


def test_the_fast_path_knows_the_same_languages() -> None:
    from raci.cli import main

    assert main._LANGUAGES == i18n.LANGUAGES


def test_labels_follow_the_language_and_keep_their_shape() -> None:
    with i18n.language("pl"):
        assert Function.CUSTOMER_SERVICE.label == "Obsługa klienta"
        assert Activity.RESPOND.label == "odpowiedzi"
        polish = {activity: activity.label for activity in Activity}
        assert PRINCIPLES[0].misconception == "Media społecznościowe to kanał marketingowy"
    assert Function.CUSTOMER_SERVICE.label == "Customer service"
    assert Function.CUSTOMER_SERVICE.phrase == "customer service"  # rule messages: English still
    for activity in Activity:
        # Diagrams split "word (gloss)": a translation keeps the gloss where English has one.
        assert (" (" in activity.label) == (" (" in polish[activity]), activity


# --- the command line --------------------------------------------------------------------

POLISH_MISCONCEPTIONS = (
    "„Media społecznościowe to kanał marketingowy”",
    "„Zwrot z inwestycji powinien być natychmiastowy i łatwy do zmierzenia przy każdym poście”",
    "„Marketing powinien być odpowiedzialny za media społecznościowe”",
    "„Wpadki w mediach społecznościowych niszczą firmy”",
    "„Media społecznościowe są bezpłatne”",
)


def assert_polish_check(stdout: str) -> None:
    assert "Zasady: Brightside Coffee Roasters" in stdout and "spełnione 0 z 5" in stdout
    for number, misconception in enumerate(POLISH_MISCONCEPTIONS, start=1):
        assert f"✘ NIESPEŁNIONA  {number}. Fałszywy pogląd: {misconception}." in stdout
    assert "Sprawdzono, czy istnieje zadanie odpowiadania" in stdout
    assert ": NIE (3 problemy: SOC103, SOC104)" in stdout  # hand count: 3 findings of principle 3
    assert "Kto za co odpowiada" in stdout and "Obsługa" in stdout and "odpowiedzi" in stdout
    # Hand count of the example (the English run says "3 errors, 5 warnings in 1 file").
    assert stdout.rstrip().endswith("✘ 3 błędy, 5 ostrzeżeń w 1 pliku")
    for english in ("Principles for", 'Not "', "Checked that", "errors", "warnings", "Ownership"):
        assert english not in stdout


def test_check_with_lang_pl_speaks_polish() -> None:
    run = run_subprocess("check", "--lang", "pl", MARKETING, env=NO_LOCALE)
    assert run.code == 1
    assert_polish_check(run.stdout)


def test_a_polish_locale_without_the_flag_speaks_polish() -> None:
    flagged = run_subprocess("check", "--lang", "pl", MARKETING, env=NO_LOCALE)
    run = run_subprocess("check", MARKETING, env={**NO_LOCALE, "LANG": "pl_PL.UTF-8"})
    assert_polish_check(run.stdout)
    assert run.stdout == flagged.stdout


def test_the_c_locale_speaks_english() -> None:
    run = run_subprocess("check", MARKETING, env={**NO_LOCALE, "LANG": "pl_PL.UTF-8", "LC_ALL": "C"})
    assert "Principles for Brightside Coffee Roasters" in run.stdout
    assert 'FAIL  1. Not "Social media is a marketing channel".' in run.stdout
    assert run.stdout.rstrip().endswith("✘ 3 errors, 5 warnings in 1 file")
    assert "Fałszywy" not in run.stdout


def test_the_flag_beats_raci_lang_and_raci_lang_beats_the_locale() -> None:
    english = run_subprocess("check", "--lang", "en", MARKETING, env={**NO_LOCALE, "RACI_LANG": "pl"})
    assert english.stdout.rstrip().endswith("✘ 3 errors, 5 warnings in 1 file")
    polish = run_subprocess("check", MARKETING, env={**NO_LOCALE, "RACI_LANG": "pl", "LC_ALL": "C"})
    assert_polish_check(polish.stdout)


def test_lang_through_typer_too() -> None:
    """With a rule flag the line goes through typer, not the fast path: the same words."""
    run = run_subprocess("check", "--lang", "pl", "--select", "SOC,RACI", MARKETING, env=NO_LOCALE)
    assert_polish_check(run.stdout)
    clean = run_subprocess("check", "--lang=pl", "--select", "SOC", SHARED, env=NO_LOCALE)
    assert clean.code == 0
    assert clean.stdout.rstrip().endswith("✔ brak problemów w 1 pliku")


@pytest.mark.parametrize("args", [("check", SHARED), ("check", "--select", "SOC", SHARED), ("rules",)])
def test_an_unknown_raci_lang_is_one_line_and_exit_2(args: tuple[str, ...]) -> None:
    run = run_subprocess(*args, env={**NO_LOCALE, "RACI_LANG": "klingon"})
    assert run.code == 2
    assert run.stdout == ""
    assert run.stderr == "raci: RACI_LANG: unknown language 'klingon': expected one of en, pl\n"


def test_every_command_takes_lang(cli: Any) -> None:
    from raci.cli.app import COMMANDS

    for name, _ in COMMANDS:
        run = cli(name, "--help")
        assert run.code == 0 and "--lang" in run.stdout, name


def test_machine_formats_keep_english_keys_and_codes() -> None:
    english = json.loads(run_subprocess("check", "-f", "json", "--lang", "en", MARKETING).stdout)
    polish = json.loads(run_subprocess("check", "-f", "json", "--lang", "pl", MARKETING).stdout)

    def shape(value: Any) -> Any:
        if isinstance(value, dict):
            return {key: shape(item) for key, item in value.items()}
        if isinstance(value, list):
            return [shape(item) for item in value]
        return type(value).__name__

    assert shape(polish) == shape(english)
    assert json.dumps(polish, ensure_ascii=False).count('"status": "fail"') == 5
    assert [f["code"] for f in polish["findings"]] == [f["code"] for f in english["findings"]]
    assert polish["summary"] == english["summary"]
    assert "Media społecznościowe to kanał marketingowy" in json.dumps(polish, ensure_ascii=False)


def test_the_in_process_cli_leaves_the_language_as_it_found_it(cli: Any) -> None:
    assert cli("check", "--lang", "pl", "--select", "SOC", SHARED).stdout.rstrip().endswith("w 1 pliku")
    assert i18n.current_language() == "en"


# --- one language per thread -------------------------------------------------------------


def test_two_threads_check_in_different_languages_at_once() -> None:
    org = raci.load(MARKETING)
    result = raci.check(org)
    barrier = threading.Barrier(2)
    outputs: dict[str, list[str]] = {"pl": [], "en": []}

    def work(code: str) -> None:
        with i18n.language(code):
            barrier.wait()  # both threads are inside their language before either renders
            for _ in range(20):
                outputs[code].append(render_report("text", [result], (), ReportOptions()))

    threads = [threading.Thread(target=work, args=(code,)) for code in ("pl", "en")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(set(outputs["pl"])) == 1 and len(set(outputs["en"])) == 1
    assert outputs["pl"][0].rstrip().endswith("✘ 3 błędy, 5 ostrzeżeń w 1 pliku")
    assert "Fałszywy pogląd" in outputs["pl"][0]
    assert outputs["en"][0].rstrip().endswith("✘ 3 errors, 5 warnings in 1 file")
    assert "Fałszywy" not in outputs["en"][0]
    assert i18n.current_language() == "en"  # this thread never changed


def test_po_files_sit_where_gettext_looks() -> None:
    assert sorted(p.parent.parent.name for p in LOCALE.glob("*/LC_MESSAGES/raci.po")) == TRANSLATED
    assert Path(i18n.LOCALE_DIR) == LOCALE


def test_worker_processes_take_the_callers_language() -> None:
    """``--jobs`` workers start in the caller's language: the Polish report is the same."""
    files = [str(path) for path in sorted(EXAMPLES.glob("*.yaml"))]
    one = run_subprocess("check", "--lang", "pl", "--jobs", "1", *files, env=NO_LOCALE)
    many = run_subprocess("check", "--lang", "pl", "--jobs", "2", *files, env=NO_LOCALE)
    assert many.code == one.code and many.stderr == one.stderr == ""
    assert many.stdout == one.stdout
    assert "Fałszywy pogląd" in many.stdout


def test_a_name_with_its_own_quotes_gets_the_inner_kind_inside_polish_quotes() -> None:
    from raci.i18n import inner_quotes, language

    with language("pl"):
        assert inner_quotes("Kampania „Pierniki od Kłosa”") == "Kampania »Pierniki od Kłosa«"
        assert inner_quotes("Zwykła nazwa") == "Zwykła nazwa"
    with language("en"):
        assert inner_quotes("Holiday “Gingerbread” drive") == "Holiday \u2018Gingerbread\u2019 drive"
        # Not a pair of the English marks: left as written.
        assert inner_quotes("Kampania „Pierniki”") == "Kampania „Pierniki”"
