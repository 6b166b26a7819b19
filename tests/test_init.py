"""`raci init`: a starter that checks clean, and the schema editors need beside it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import raci
from raci.templates import template_text

from .conftest import run_subprocess
from .english_scan import english_phrases


def test_init_writes_the_schema_beside_the_starter(tmp_path: Path) -> None:
    done = run_subprocess("init", "org.yaml", cwd=tmp_path)
    assert done.code == 0, done.stderr
    schema = json.loads((tmp_path / "raci.schema.json").read_text(encoding="utf-8"))
    assert schema["properties"]["tasks"]
    first_line = (tmp_path / "org.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first_line == "# yaml-language-server: $schema=raci.schema.json"
    assert run_subprocess("check", "org.yaml", "--quiet", cwd=tmp_path).code == 0


def test_init_keeps_an_existing_schema(tmp_path: Path) -> None:
    (tmp_path / "raci.schema.json").write_text("{}", encoding="utf-8")
    done = run_subprocess("init", "team.yaml", "--template", "blank", cwd=tmp_path)
    assert done.code == 0, done.stderr
    assert (tmp_path / "raci.schema.json").read_text(encoding="utf-8") == "{}"
    assert "raci.schema.json" not in done.stderr


def _starter(tmp_path: Path, *args: str, env: dict[str, str] | None = None) -> str:
    done = run_subprocess("init", "org.yaml", *args, cwd=tmp_path, env=env)
    assert done.code == 0, done.stderr
    return (tmp_path / "org.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize("template", ["social-media", "blank"])
def test_init_in_polish_writes_a_polish_starter_that_checks_clean(tmp_path: Path, template: str) -> None:
    text = _starter(tmp_path, "--lang", "pl", "--template", template)
    assert text.splitlines()[0] == "# yaml-language-server: $schema=raci.schema.json"
    comments = "\n".join(line for line in text.splitlines()[1:] if line.lstrip().startswith("#"))
    assert english_phrases(comments, allowed=["yaml language server", "name", "function"]) == []
    # Polish department names and task ids, and the Polish words for functions and activities.
    assert "function: obsługa klienta" in text and "activity: reklamacje" in text
    assert "sprzedaż:" in text and "review_horizon_days: kwartalnie" in text
    org = raci.loads(text, "org.yaml")
    english = raci.loads(template_text(template), "org.yaml")
    # The same organisation as the English starter: the same functions, activities and letters.
    assert sorted(d.function.value for d in org.departments.values()) == sorted(
        d.function.value for d in english.departments.values()
    )
    assert sorted(t.activity.value for t in org.tasks.values()) == sorted(
        t.activity.value for t in english.tasks.values()
    )
    assert raci.check(org).findings == ()
    done = run_subprocess("check", "org.yaml", "--lang", "pl", cwd=tmp_path)
    assert done.code == 0, done.stdout


def test_init_follows_the_polish_locale_and_stays_english_otherwise(tmp_path: Path) -> None:
    polish = _starter(tmp_path, env={"RACI_LANG": "", "LC_ALL": "", "LANG": "pl_PL.UTF-8"})
    assert "organization: Przykładowa Firma" in polish
    (tmp_path / "org.yaml").unlink()
    english = _starter(tmp_path, env={"RACI_LANG": "", "LC_ALL": "C"})
    assert english == template_text("social-media")
    (tmp_path / "org.yaml").unlink()
    assert _starter(tmp_path, "--lang", "en") == template_text("social-media")


def test_init_says_what_it_wrote_in_polish(tmp_path: Path) -> None:
    done = run_subprocess("init", "org.yaml", "--lang", "pl", cwd=tmp_path)
    assert (
        done.stderr.strip()
        == "zapisano org.yaml i raci.schema.json (dla edytorów); dalej: raci check org.yaml"
    )
    again = run_subprocess("init", "org.yaml", "--lang", "pl", cwd=tmp_path)
    assert again.code == 2
    assert again.stderr.strip() == "raci: org.yaml już istnieje (użyj --force, żeby go zastąpić)"


@pytest.mark.parametrize(
    ("name", "said"), [("moja-firma.yaml", "moja-firma.yaml"), ("my org.yaml", "org.yaml")]
)
@pytest.mark.parametrize("lang", ["en", "pl"])
def test_the_starter_names_the_file_it_was_written_to(
    tmp_path: Path, name: str, said: str, lang: str
) -> None:
    done = run_subprocess("init", name, "--lang", lang, cwd=tmp_path)
    assert done.code == 0, done.stderr
    text = (tmp_path / name).read_text(encoding="utf-8")
    assert f"raci check {said}\n" in text
    assert text.count("raci check ") == 1
