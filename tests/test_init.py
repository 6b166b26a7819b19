"""`raci init`: a starter that checks clean, and the schema editors need beside it."""

from __future__ import annotations

import json
from pathlib import Path

from .conftest import run_subprocess


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
