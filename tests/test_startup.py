"""Start-up of a plain `raci check`: what a small check imports, as a user runs it.

A check of a small org is mostly imports (docs/architecture.md, performance bars; measured by
benchmarks/bench_startup.py). These tests hold the modules a plain check must not load: the
CLI framework (typer, click, rich), PyYAML for a file the fast reader reads, and the diagram
engine; and they show the other side: a file the fast reader leaves to PyYAML does load it,
with the same report.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import EXAMPLES

#: Loaded by no plain check of a plain file.
NOT_FOR_A_CHECK = (
    "typer",
    "click",
    "rich",
    "yaml",
    "raci.yaml.loader",
    "raci.cli.app",
    "graphviz",
    "raci.diagrams.api",
    "raci.diagrams.engine",
    "raci.workshop",
)

_CHECK = (
    "import contextlib, io, json, sys\n"
    "from raci.cli.main import main\n"
    "report = io.StringIO()\n"
    "with contextlib.redirect_stdout(report):\n"
    "    try:\n"
    "        main(sys.argv[1:])\n"
    "    except SystemExit as done:\n"
    "        code = done.code\n"
    "loaded = sorted(name for name in sys.modules if name.split('.')[0] in {'typer', 'click', 'rich',"
    " 'yaml', 'graphviz'} or name.startswith(('raci.yaml.loader', 'raci.cli.app', 'raci.diagrams.',"
    " 'raci.workshop')))\n"
    "print(json.dumps({'code': code, 'loaded': loaded, 'report': report.getvalue()}))\n"
)


def plain_check(path: Path, *options: str) -> dict[str, object]:
    """Run `raci check PATH OPTIONS` in a fresh interpreter, through the console entry point."""
    import json

    done = subprocess.run(
        [sys.executable, "-c", _CHECK, "check", str(path), *options],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    result: dict[str, object] = json.loads(done.stdout)
    return result


def heavy(loaded: object) -> list[str]:
    assert isinstance(loaded, list)
    return [name for name in loaded if name.startswith(NOT_FOR_A_CHECK) and name != "raci.diagrams.gapmap"]


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.name)
@pytest.mark.parametrize("output", ["text", "json", "sarif"])
def test_a_plain_check_of_a_bundled_example_loads_no_cli_framework_no_yaml_parser_no_engine(
    path: Path, output: str
) -> None:
    result = plain_check(path, "--format", output)
    assert result["code"] in (0, 1)
    assert result["report"]
    assert heavy(result["loaded"]) == []


def test_a_file_the_fast_reader_leaves_to_pyyaml_loads_it_and_reports_the_same(tmp_path: Path) -> None:
    """The other side: an escape in a double-quoted name is PyYAML's to read (the fast reader
    gives up), so yaml loads; the data, its lines and so the report are the same."""
    text = (EXAMPLES / "classic-raci-mistakes.yaml").read_text(encoding="utf-8")
    assert text.count("{name: Sales,") == 1
    plain = tmp_path / "org.yaml"
    escaped = tmp_path / "escaped" / "org.yaml"
    escaped.parent.mkdir()
    plain.write_text(text, encoding="utf-8")
    escaped.write_text(text.replace("{name: Sales,", '{name: "S\\x61les",'), encoding="utf-8")
    fast = plain_check(plain, "--format", "json")
    full = plain_check(escaped, "--format", "json")
    assert heavy(fast["loaded"]) == []
    assert "yaml" in heavy(full["loaded"]) and "raci.yaml.loader" in heavy(full["loaded"])
    assert '"findings": 8,' in str(fast["report"]) and "Sales" in str(fast["report"])
    assert full["report"] == str(fast["report"]).replace(str(plain), str(escaped))
