"""One surface: every step of the workflow is a function of `raci`, typed, taking what the
step before gave (a CheckResult carries its organisation)."""

from __future__ import annotations

import typing
import warnings
from pathlib import Path

import pytest

import raci
from raci.diagrams.options import DETAILS, FORMATS
from raci.diagrams.views import VIEWS
from raci.types import Detail, ImageFormat, SeverityName, View
from tests.conftest import EXAMPLES

PUBLIC = (
    "load", "loads", "dumps", "check", "render", "diagram", "report_html", "export_sheet",
    "import_sheet", "diff", "what_if", "suggest",
)  # fmt: skip
MISTAKES = EXAMPLES / "classic-raci-mistakes.yaml"
SILO = EXAMPLES / "marketing-owns-everything.yaml"


@pytest.fixture(scope="module")
def result() -> raci.CheckResult:
    return raci.check(raci.load(SILO))


def test_every_step_is_exported(result: raci.CheckResult) -> None:
    for name in PUBLIC:
        assert callable(getattr(raci, name)) and name in raci.__all__
    assert set(PUBLIC) <= set(dir(raci))


def test_literals_name_exactly_what_the_code_accepts() -> None:
    assert typing.get_args(View) == tuple(VIEWS)
    assert typing.get_args(ImageFormat) == FORMATS
    assert typing.get_args(Detail) == DETAILS
    assert typing.get_args(SeverityName) == tuple(level.value for level in raci.Severity)


def test_dumps_and_loads_round_trip(result: raci.CheckResult) -> None:
    text = raci.dumps(result.org)
    assert raci.loads(text) == result.org
    assert raci.loads(text.encode("utf-8")) == result.org


def test_render_takes_the_result_alone(result: raci.CheckResult) -> None:
    dot = raci.render(result, view="ownership", format="dot")
    assert dot.startswith(b"digraph")
    assert raci.render(result.org, view="ownership", format="dot") == dot  # an org is checked first
    assert raci.diagram(result, view="ownership").source.encode("utf-8") == dot
    svg = raci.render(result, format="svg")
    assert svg.lstrip().startswith(b"<?xml") and b"</svg>" in svg


def test_the_old_render_form_warns_and_refuses_a_mismatched_pair(result: raci.CheckResult) -> None:
    with pytest.warns(DeprecationWarning, match="pass the result alone"):
        old = raci.render(result.org, result, view="matrix", format="dot")
    assert old == raci.render(result, view="matrix", format="dot")
    other = raci.check(raci.load(MISTAKES))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        with pytest.raises(raci.RenderError, match="another organisation"):
            raci.render(result.org, other, format="dot")


def test_report_html(result: raci.CheckResult) -> None:
    page = raci.report_html(result)
    assert page.startswith("<!DOCTYPE html>") and result.org.organization in page


@pytest.mark.parametrize("sheet_format", ["xlsx", "csv"])
def test_export_and_import_bytes_round_trip(result: raci.CheckResult, sheet_format: str) -> None:
    data = raci.export_sheet(result, sheet_format)  # type: ignore[arg-type]
    assert isinstance(data, bytes)
    imported = raci.import_sheet(data, sheet_format)  # type: ignore[arg-type]
    assert imported.org == result.org
    assert imported.org.source == f"<upload>.{sheet_format}"


def test_import_from_a_path_and_from_bytes_agree(result: raci.CheckResult, tmp_path: Path) -> None:
    path = tmp_path / "matrix.xlsx"
    path.write_bytes(raci.export_sheet(result.org))
    assert raci.import_sheet(path).org == raci.import_sheet(path.read_bytes(), "xlsx").org


def test_bad_sheets_raise_sheet_error_naming_the_upload(tmp_path: Path) -> None:
    with pytest.raises(raci.SheetError) as caught:
        raci.import_sheet(b"not a zip", "xlsx", source_name="hr-upload.xlsx")
    assert caught.value.problems[0].source == "hr-upload.xlsx"
    assert "raci-import-" not in str(caught.value)  # the temporary file never shows
    with pytest.raises(raci.SheetError, match="format of spreadsheet bytes must be given"):
        raci.import_sheet(b"task,care\n")
    with pytest.raises(raci.SheetError, match="cannot read file"):
        raci.import_sheet(tmp_path / "missing.csv")
    assert issubclass(raci.SheetError, raci.LoadError)


def test_diff_what_if_and_suggest_take_results_or_orgs(result: raci.CheckResult) -> None:
    plan = raci.suggest(result)
    assert plan.suggestions and plan.org != result.org
    changes = raci.diff(result, plan.org)
    assert changes.resolved and not changes.introduced
    assert raci.diff(result.org, plan.org).resolved == changes.resolved
    scenario = raci.what_if(result, [raci.Move("answer-comments", "R", "marketing", "care")])
    assert scenario.descriptions == ("Marketing hands R to Customer Care on answer-comments",)
    assert {f.code for f in scenario.diff.resolved} >= {"SOC102"}
    with pytest.raises(raci.ScenarioError):
        raci.what_if(result.org, [raci.Without("nobody")])
