"""Text that is what it looks like: no invisible format characters in ids and names, and ids
a reader cannot tell apart are one id (NFKC, then a confusable skeleton), refused as
duplicates with both places named. Through the CLI as a user meets them."""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

import pytest

from raci.model.lookalike import id_key
from raci.model.text_safety import FORMAT_CHARACTERS, UNSAFE_IN_NAMES, escape
from tests.conftest import ROOT, run_subprocess

HEAD = "organization: Acme\ndepartments:\n  care: {name: Care, function: customer_service}\n"
TASK = "tasks:\n  t: {name: T, activity: respond, raci: {care: RA}}\n"


def _check(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "org.yaml"
    path.write_text(text, encoding="utf-8")
    run = run_subprocess("check", str(path))
    assert run.code == 2, run.stdout
    assert "Traceback" not in run.stderr
    return [line.removeprefix(f"{path}:") for line in run.stderr.strip().splitlines()]


@pytest.mark.parametrize("char", ["\u200b", "\u200d", "\u2060", "\ufeff", "\u00ad", "\U000e0041", "\u061c"])
@pytest.mark.parametrize("where", ["id", "name"])
def test_a_format_character_in_an_id_or_name_is_refused_and_shown_escaped(
    tmp_path: Path, char: str, where: str
) -> None:
    extra = (
        f"  p{char}r: {{name: PR, function: public_relations}}\n"
        if where == "id"
        else (f"  pr: {{name: P{char}R, function: public_relations}}\n")
    )
    (line,) = _check(tmp_path, HEAD + extra + TASK)
    assert line.startswith("4:3:" if where == "id" else "4:14:"), line
    assert f"U+{ord(char):04X} (an invisible format character) is not allowed" in line
    assert char not in line
    if where == "id":  # the id is quoted in the message, escaped
        assert escape(char) in line


def test_look_alike_ids_are_duplicates_naming_both_places(tmp_path: Path) -> None:
    text = (
        HEAD
        + "  c\u0430re: {name: Care 2, function: public_relations}\n"  # Cyrillic a
        + "  caf\u00e9: {name: Cafe, function: sales}\n"  # NFC
        + "  cafe\u0301: {name: Cafe 2, function: sales}\n"  # NFD
        + "  \uff50\uff52: {name: PR, function: public_relations}\n"  # full-width
        + "  pr: {name: PR 2, function: public_relations}\n"
        + TASK
    )
    lines = _check(tmp_path, text)
    assert lines == [
        "4:3: duplicate id 'c\u0430re': 'care' and 'c\u0430re' look the same (look-alike characters, "
        "e.g. from another script): ids must differ visibly (the first at line 3, column 3)",
        "6:3: duplicate id 'cafe\u0301': 'caf\u00e9' and 'cafe\u0301' are the same id once "
        "Unicode-normalised (NFKC): they look the same (the first at line 5, column 3)",
        "8:3: duplicate id 'pr': '\uff50\uff52' and 'pr' are the same id once Unicode-normalised "
        "(NFKC): they look the same (the first at line 7, column 3)",
    ]


def test_a_reference_that_only_looks_like_a_department_says_how_to_write_it(tmp_path: Path) -> None:
    text = HEAD + "tasks:\n  t: {name: T, activity: respond, raci: {c\u0430re: RA}}\n"
    assert _check(tmp_path, text) == [
        "5:42: task 't' names department 'c\u0430re', which only looks like 'care' (other characters); "
        "write it as 'care'"
    ]


def test_ids_that_differ_visibly_stay_different() -> None:
    assert len({id_key(word) for word in ("care", "Care", "cares", "car", "caf\u00e9", "cafe")}) == 6


def test_every_format_character_of_this_python_is_refused_in_names() -> None:
    missing = [
        f"U+{code:04X}"
        for code in range(sys.maxunicode + 1)
        if unicodedata.category(chr(code)) == "Cf" and not UNSAFE_IN_NAMES.match(chr(code))
    ]
    assert missing == [], f"add to text_safety.FORMAT_CHARACTERS: {missing}"
    assert "\u200b" in FORMAT_CHARACTERS


def test_the_confusables_table_is_current() -> None:
    pytest.importorskip("confusable_homoglyphs")
    sys.path.insert(0, str(ROOT / "scripts"))
    import make_confusables

    generated = make_confusables.source(make_confusables.table())
    assert (ROOT / "raci" / "model" / "confusable_table.py").read_text(encoding="utf-8") == generated


def test_the_ascii_look_alikes_are_the_tables_ascii_rows() -> None:
    """Plain ids fold with a small literal table (no loading the whole one): the same rows."""
    from raci.model.lookalike import _ASCII_TABLE, _full_table

    assert {code: char for code, char in _full_table().items() if code < 128} == _ASCII_TABLE
    assert id_key("Il|O`") == "1110'"
