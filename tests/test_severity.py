"""Severity orders by rank, compares with its words by rank, and formats as its word."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import raci
from raci import Severity

INFO, WARNING, ERROR = Severity.INFO, Severity.WARNING, Severity.ERROR


def test_order_is_by_rank_not_by_spelling() -> None:
    # Alphabetically "error" < "info" < "warning": rank must win.
    assert sorted([WARNING, ERROR, INFO]) == [INFO, WARNING, ERROR]
    assert max([INFO, ERROR, WARNING]) is ERROR
    assert INFO < WARNING < ERROR
    assert not ERROR < WARNING


@pytest.mark.parametrize(
    ("level", "word", "at_or_above"),
    [
        (INFO, "warning", False),
        (WARNING, "warning", True),
        (ERROR, "warning", True),
        (WARNING, "error", False),
    ],
)
def test_strings_compare_by_rank(level: Severity, word: str, at_or_above: bool) -> None:
    assert (level >= word) is at_or_above
    assert (word <= level) is at_or_above  # the reflected comparison too
    assert (level < word) is not at_or_above


def test_filtering_findings_at_or_above_warning_keeps_errors() -> None:
    levels = [ERROR, WARNING, INFO, ERROR]
    assert [level for level in levels if level >= "warning"] == [ERROR, WARNING, ERROR]


def test_other_strings_and_types_raise_type_error() -> None:
    with pytest.raises(TypeError, match="cannot compare Severity"):
        _ = ERROR < "fatal"
    with pytest.raises(TypeError):
        _ = ERROR >= 2
    with pytest.raises(TypeError):
        _ = "Error" > WARNING  # noqa: SIM300 - the reflected comparison is the point


def test_equality_and_hash_are_the_words() -> None:
    assert ERROR == "error" and ERROR != "warning"
    assert {"error": 1}[ERROR] == 1
    assert Severity("warning") is WARNING and Severity.parse(" Warning ") is WARNING
    with pytest.raises(ValueError, match="unknown severity 'fatal'"):
        Severity.parse("fatal")


def test_formatting_gives_the_word() -> None:
    assert f"{ERROR}" == "error" and str(WARNING) == "warning" and f"{INFO:>6}" == "  info"
    assert "%s" % ERROR == "error"  # noqa: UP031 - old-style formatting too


ROOT = Path(__file__).resolve().parent.parent
SCRIPT = (
    "import importlib.util, sys\n"
    "spec = importlib.util.spec_from_file_location('severity', sys.argv[1])\n"
    "module = importlib.util.module_from_spec(spec); spec.loader.exec_module(module)\n"
    "S = module.Severity\n"
    "print(f'{S.ERROR}', str(S.WARNING), S.ERROR >= 'warning', sorted([S.ERROR, S.INFO])[0].value)\n"
)


@pytest.mark.parametrize("version", ["3.10", "3.11", "3.12", "3.13"])
def test_formatting_on_every_supported_python(version: str) -> None:
    """Where other interpreters are installed (pyenv), the module behaves the same on each."""
    candidates = sorted(Path.home().glob(f".pyenv/versions/{version}.*/bin/python"))
    if version == f"{sys.version_info[0]}.{sys.version_info[1]}":
        candidates = [Path(sys.executable)]
    if not candidates:
        pytest.skip(f"python {version} is not installed")
    module = ROOT / "raci" / "model" / "severity.py"
    out = subprocess.run(
        [str(candidates[-1]), "-c", SCRIPT, str(module)], capture_output=True, text=True, check=True
    ).stdout
    assert out == "error warning True info\n"


def test_check_result_fails_takes_a_word() -> None:
    org = raci.loads(
        "organization: A\ndepartments:\n  care: {function: customer_service}\n"
        "tasks:\n  t:\n    activity: respond\n    raci: {care: R}\n"
    )
    result = raci.check(org)
    assert result.worst() is ERROR  # RACI001 (no Accountable), SOC301
    assert result.fails("error") and result.fails("warning") and result.fails(WARNING)
    only_warnings = raci.check(org, raci.Config(severity={"RACI001": "warning", "SOC301": "warning"}))
    assert only_warnings.worst() is WARNING
    assert not only_warnings.fails("error")
    assert only_warnings.fails("warning")
