"""One error family: every error raci raises on purpose is a raci.Error, and pickles whole."""

from __future__ import annotations

import pickle
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

import raci
from raci.checking.config import Config
from raci.model.errors import ConfigError, Error, LoadError, Problem, RenderError, ScenarioError, SheetError

GOOD = """\
organization: Acme
departments:
  care: {function: customer_service}
  mkt: {function: marketing}
tasks:
  answer:
    activity: respond
    raci: {care: RA, mkt: C}
"""
BAD = "organization: Acme\ndepartments:\n  care: {function: nonsense}\n"


def test_the_family_tree() -> None:
    assert raci.Error is Error
    for kind in (LoadError, ConfigError, SheetError, RenderError, ScenarioError):
        assert issubclass(kind, raci.Error)
    assert issubclass(ConfigError, LoadError) and issubclass(SheetError, LoadError)
    from raci.diagrams import EngineMissingError, RenderLimitError

    assert issubclass(EngineMissingError, raci.RenderError) and issubclass(RenderLimitError, RenderError)


@pytest.mark.parametrize("kind", [LoadError, ConfigError, SheetError])
def test_problem_errors_pickle_with_their_problems(kind: type[LoadError]) -> None:
    error = kind([Problem("a.yaml", 3, 5, "bad value", ("tasks", "t")), Problem("a.yaml", 1, 1, "first")])
    again = pickle.loads(pickle.dumps(error))
    assert type(again) is kind
    assert again.problems == error.problems
    assert str(again) == str(error) == "a.yaml:1:1: first\na.yaml:3:5: bad value"


@pytest.mark.parametrize("kind", [RenderError, ScenarioError])
def test_message_errors_pickle(kind: type[Error]) -> None:
    again = pickle.loads(pickle.dumps(kind("dot failed (exit 1)")))
    assert type(again) is kind and str(again) == "dot failed (exit 1)"


def test_a_real_load_error_round_trips() -> None:
    with pytest.raises(LoadError) as caught:
        raci.loads(BAD, "bad.yaml")
    again = pickle.loads(pickle.dumps(caught.value))
    assert again.problems == caught.value.problems
    assert again.problems[0].line == 3


def test_check_result_pickles() -> None:
    result = raci.check(raci.loads(GOOD, "good.yaml"))
    again = pickle.loads(pickle.dumps(result))
    assert again.findings == result.findings and again.findings
    assert again.org == result.org and again.source == "good.yaml"
    assert [rule.options for rule in again.rules] == [rule.options for rule in result.rules]
    # The graph is rebuilt on the other side: it answers as the original did.
    assert again.graph.holders("answer", raci.Letter.RESPONSIBLE) == ["care"]
    assert again.scorecard == result.scorecard


def _check_file(path: str) -> tuple[str, ...]:
    return tuple(f.code for f in raci.check(raci.load(path)).findings)


def test_one_bad_file_does_not_break_a_process_pool(tmp_path: Path) -> None:
    names = []
    for index in range(4):
        path = tmp_path / f"org{index}.yaml"
        path.write_text(BAD if index == 2 else GOOD, encoding="utf-8")
        names.append(str(path))
    with ProcessPoolExecutor(max_workers=2) as pool:
        futures = [pool.submit(_check_file, name) for name in names]
        outcomes: list[object] = []
        for future in futures:
            try:
                outcomes.append(future.result())
            except LoadError as error:
                outcomes.append(error)
    bad = outcomes[2]
    assert isinstance(bad, LoadError)
    assert bad.problems[0].source == names[2] and bad.problems[0].line == 3
    expected = _check_file(names[0])
    assert outcomes[0] == outcomes[1] == outcomes[3] == expected


def test_config_takes_one_code_as_one_code() -> None:
    assert Config(ignore="RACI007").ignore == ("RACI007",)
    assert Config(select="SOC").select == ("SOC",)
    result = raci.check(raci.loads(GOOD), Config(ignore="RACI007"))
    assert "RACI007" not in {rule.rule.code for rule in result.rules}
    assert "RACI001" in {rule.rule.code for rule in result.rules}


def test_bad_config_raises_config_error_with_a_path() -> None:
    with pytest.raises(ConfigError) as caught:
        Config(severity={"RACI001": "fatal"}, select=5)  # type: ignore[arg-type]
    paths = [problem.path for problem in caught.value.problems]
    assert ("select",) in paths and ("severity", "RACI001") in paths
    with pytest.raises(ConfigError, match="unknown rule code 'NOPE'"):
        raci.check(raci.loads(GOOD), Config(ignore=("NOPE",)))
    assert Config(severity={"RACI001": "Warning"}).severity["RACI001"] is raci.Severity.WARNING


def test_loads_takes_bytes_and_refuses_other_types_clearly() -> None:
    assert raci.loads(GOOD.encode("utf-8")) == raci.loads(GOOD)
    assert raci.loads(bytearray(GOOD.encode("utf-16"))) == raci.loads(GOOD)
    with pytest.raises(LoadError, match="loads\\(\\) takes text or bytes, not int"):
        raci.loads(42)  # type: ignore[arg-type]
    with pytest.raises(LoadError, match="expected a file path"):
        raci.load(None)  # type: ignore[arg-type]


def test_check_takes_plain_data_and_refuses_other_types_clearly() -> None:
    data = {"organization": "Acme", "departments": {"care": {"function": "customer_service"}},
            "tasks": {"answer": {"activity": "respond", "raci": {"care": "RA"}}}}
    assert raci.check(data).findings == raci.check(raci.Organization.from_data(data)).findings
    with pytest.raises(LoadError, match="check\\(\\) takes an Organization"):
        raci.check(42)  # type: ignore[arg-type]
    with pytest.raises(LoadError, match="unknown department 'ghost'"):
        raci.check({"organization": "x", "tasks": {"t": {"activity": "respond", "raci": {"ghost": "RA"}}}})
