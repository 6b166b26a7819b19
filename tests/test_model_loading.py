"""Loading organisations that are right: the documented example, aliases, plain dicts, stdin.

And the contract that bad input never leaks into messages: pydantic's echo of the input is
off, and user text that does appear is short and escaped.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest

import raci
from raci import Activity, Function, Letter

from .conftest import DATA, run_subprocess

DESIGN_EXAMPLE = DATA / "design_example.yaml"
R, A, C, INF = Letter.RESPONSIBLE, Letter.ACCOUNTABLE, Letter.CONSULTED, Letter.INFORMED


def test_design_example_loads_exactly_as_written() -> None:
    org = raci.load(DESIGN_EXAMPLE)
    assert org.organization == "Acme Outdoor"
    assert org.source == str(DESIGN_EXAMPLE)
    assert list(org.departments) == ["marketing", "care", "pr", "sales"]
    expected = {
        "marketing": ("Marketing", Function.MARKETING, 60),
        "care": ("Customer Care", Function.CUSTOMER_SERVICE, 80),
        "pr": ("Communications", Function.PUBLIC_RELATIONS, None),
        "sales": ("Sales", Function.SALES, None),
    }
    for key, (name, function, capacity) in expected.items():
        department = org.departments[key]
        assert (department.name, department.function, department.capacity_hours) == (name, function, capacity)
        assert department.roles == ()

    assert list(org.tasks) == ["answer-complaints", "quarterly-roi-review"]
    answer = org.tasks["answer-complaints"]
    assert answer.name == "Answer public complaints"
    assert answer.activity is Activity.RESPOND
    assert answer.effort_hours == 15
    assert answer.review_horizon_days is None
    assert answer.raci == {"care": frozenset({R, A}), "pr": frozenset({C}), "marketing": frozenset({INF})}
    review = org.tasks["quarterly-roi-review"]
    assert review.name is None
    assert review.activity is Activity.MEASURE
    assert review.review_horizon_days == 90
    assert review.effort_hours is None and review.budget is None
    assert review.raci == {"marketing": frozenset({R, A}), "sales": frozenset({C})}
    assert org.rules is None


def test_design_example_positions_point_at_the_file() -> None:
    org = raci.load(DESIGN_EXAMPLE)
    result = raci.check(org)
    text = DESIGN_EXAMPLE.read_text().splitlines()
    for finding in result.findings:
        assert finding.file == str(DESIGN_EXAMPLE)
        assert finding.line is not None and finding.column is not None
        if finding.task is not None:
            assert text[finding.line - 1].strip().startswith(f"{finding.task}:")


def _org(function: str = "marketing", activity: str = "respond") -> str:
    return (
        "organization: Acme\n"
        f"departments:\n  team: {{function: {function}}}\n"
        f"tasks:\n  work: {{activity: {activity}, raci: {{team: RA}}}}\n"
    )


@pytest.mark.parametrize(
    ("word", "function"),
    [
        ("support", Function.CUSTOMER_SERVICE),
        ("Support", Function.CUSTOMER_SERVICE),
        ("Customer Care", Function.CUSTOMER_SERVICE),
        ("CUSTOMER-CARE", Function.CUSTOMER_SERVICE),
        ("customer_care", Function.CUSTOMER_SERVICE),
        ("customer_service", Function.CUSTOMER_SERVICE),
        ("comms", Function.PUBLIC_RELATIONS),
        ("Comms", Function.PUBLIC_RELATIONS),
        ("press", Function.PUBLIC_RELATIONS),
        ("PRESS", Function.PUBLIC_RELATIONS),
        ("public_relations", Function.PUBLIC_RELATIONS),
        ("Sales", Function.SALES),
        ("Marketing", Function.MARKETING),
    ],
)
def test_function_aliases(word: str, function: Function) -> None:
    assert raci.loads(_org(function=word)).departments["team"].function is function


@pytest.mark.parametrize(
    ("word", "activity"),
    [
        ("listening", Activity.MONITOR),
        ("Listening", Activity.MONITOR),
        ("LISTENING", Activity.MONITOR),
        ("complaints", Activity.RESPOND),
        ("Complaints", Activity.RESPOND),
        ("media_relations", Activity.MEDIA_RELATIONS),
        ("Media Relations", Activity.MEDIA_RELATIONS),
        ("curating", Activity.SELECT),
        ("measure", Activity.MEASURE),
    ],
)
def test_activity_aliases(word: str, activity: Activity) -> None:
    assert raci.loads(_org(activity=word)).tasks["work"].activity is activity


@pytest.mark.parametrize("letters", ["RA", "AR", "ra", "R/A", "R, A", "A R"])
def test_letter_spellings(letters: str) -> None:
    text = _org().replace("{team: RA}", f"{{team: '{letters}'}}")
    assert raci.loads(text).tasks["work"].raci == {"team": frozenset({R, A})}


def test_yaml_1_1_booleans_and_octals_stay_text() -> None:
    text = """\
organization: NO
description: 1.10
departments:
  no: {name: on, function: marketing, capacity_hours: 012}
  '012': {name: 1.10, function: support}
  off: {name: Off, function: comms}
  yes: {name: y, function: sales}
tasks:
  respond:
    name: 012
    activity: respond
    effort_hours: 1.10
    raci: {no: I, 012: RA, off: C, yes: C}
"""
    org = raci.loads(text)
    assert org.organization == "NO"
    assert org.description == "1.10"
    assert list(org.departments) == ["no", "012", "off", "yes"]
    assert org.departments["no"].name == "on"
    assert org.departments["no"].capacity_hours == 12  # a number field: decimal, never octal
    assert org.departments["012"].name == "1.10"
    assert org.departments["yes"].name == "y"
    task = org.tasks["respond"]
    assert task.name == "012"
    assert task.effort_hours == pytest.approx(1.1)
    assert task.raci == {
        "no": frozenset({INF}),
        "012": frozenset({R, A}),
        "off": frozenset({C}),
        "yes": frozenset({C}),
    }
    # The department named 'no' is a department like any other for the rules.
    result = raci.check(org)
    assert all(finding.department in {None, "no", "012", "off", "yes"} for finding in result.findings)
    assert not any("unknown" in finding.message for finding in result.findings)


@pytest.mark.parametrize("empty", ["", "~", "null", "Null", "NULL"])
def test_empty_values_are_absent_values(empty: str) -> None:
    text = _org().replace(
        "{activity: respond,", f"{{activity: respond, effort_hours: {empty}, name: {empty},"
    )
    task = raci.loads(text).tasks["work"]
    assert task.effort_hours is None
    assert task.name is None


@pytest.mark.parametrize("quoted", ["'~'", '"null"', "!!str null", "''"])
def test_quoted_or_tagged_nulls_are_text(quoted: str) -> None:
    text = _org().replace("{activity: respond,", f"{{activity: respond, name: {quoted},")
    expected = quoted.strip("'\"").removeprefix("!!str ")
    # An empty name says nothing: it is the same as none (as an empty spreadsheet cell is).
    assert raci.loads(text).tasks["work"].name == (expected or None)


@pytest.mark.parametrize("key", ["~", "null", "''"])
def test_a_null_key_is_refused(key: str) -> None:
    with pytest.raises(raci.LoadError) as caught:
        raci.loads(f"organization: Acme\ndepartments:\n  {key}: {{function: sales}}\n")
    (problem,) = caught.value.problems
    if key == "''":
        # An empty text key is refused by the model.
        assert str(problem) == "<string>:3:3: '' in 'departments': must not be empty"
    else:
        assert str(problem) == "<string>:3:3: a key must not be empty or null"


def test_loads_uses_the_source_name() -> None:
    org = raci.loads(_org(), source_name="hr/export.yaml")
    assert org.source == "hr/export.yaml"
    assert all(f.file == "hr/export.yaml" for f in raci.check(org).findings)
    with pytest.raises(raci.LoadError) as caught:
        raci.loads(_org(function="nope"), source_name="hr/export.yaml")
    (problem,) = caught.value.problems
    assert problem.source == "hr/export.yaml"
    assert str(problem).startswith(
        "hr/export.yaml:3:20: function in department 'team': unknown function 'nope'"
    )


def test_loads_default_source_name() -> None:
    with pytest.raises(raci.LoadError) as caught:
        raci.loads(_org(function="nope"))
    assert str(caught.value).startswith("<string>:3:")


def test_load_dash_reads_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(DESIGN_EXAMPLE.read_bytes())))
    org = raci.load("-")
    assert org.organization == "Acme Outdoor"
    assert org.source == "<stdin>"
    assert org.model_dump() == raci.load(DESIGN_EXAMPLE).model_dump()


def test_load_dash_stdin_errors_are_located(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"organization: Caf\xe9\n")))
    with pytest.raises(raci.LoadError) as caught:
        raci.load("-")
    assert str(caught.value) == "<stdin>:1:18: not valid UTF-8 (byte 0xE9); save the file as UTF-8"


def test_cli_check_dash_reads_stdin() -> None:
    result = run_subprocess("check", "--format", "json", "-", stdin=DESIGN_EXAMPLE.read_bytes())
    assert result.code == 1, result.stderr
    assert '"file": "<stdin>"' in result.stdout
    broken = run_subprocess("check", "-", stdin=b"organization: [\n")
    assert broken.code == 2
    assert broken.stderr.startswith("<stdin>:2:1: YAML syntax error")
    assert "Traceback" not in broken.stderr


# --- plain data (HR records) ------------------------------------------------------------


def _data() -> dict[str, Any]:
    return {
        "organization": "Acme",
        "departments": {
            "marketing": {"function": "Marketing", "capacity_hours": 10},
            "care": {"function": "customer care"},
        },
        "tasks": {
            "answer": {"activity": "Complaints", "effort_hours": 3, "raci": {"care": "RA", "marketing": "I"}},
        },
    }


def test_from_data_validates_plain_dicts() -> None:
    org = raci.Organization.from_data(_data())
    assert org.departments["care"].function is Function.CUSTOMER_SERVICE
    assert org.tasks["answer"].activity is Activity.RESPOND
    assert org.tasks["answer"].raci == {"care": frozenset({R, A}), "marketing": frozenset({INF})}
    assert org.source == "<data>"
    # Findings of dict input have no position but still name what they are about.
    for finding in raci.check(org).findings:
        assert finding.line is None and finding.column is None
        assert finding.file == "<data>"


def test_from_data_letters_as_a_list() -> None:
    data = _data()
    data["tasks"]["answer"]["raci"]["care"] = ["R", "A"]
    assert raci.Organization.from_data(data).tasks["answer"].raci["care"] == frozenset({R, A})


def test_from_data_problems_carry_a_path_and_no_line() -> None:
    data = _data()
    data["departments"]["care"]["function"] = "helpdeskk"
    data["tasks"]["answer"]["raci"]["cares"] = "C"
    data["tasks"]["answer"]["raci"]["marketing"] = "IX"
    data["tasks"]["answer"]["efort_hours"] = 2
    with pytest.raises(raci.LoadError) as caught:
        raci.Organization.from_data(data, source="hr-api")
    problems = {p.path: p for p in caught.value.problems}
    assert set(problems) == {
        ("departments", "care", "function"),
        ("tasks", "answer", "raci", "cares"),
        ("tasks", "answer", "raci", "marketing"),
        ("tasks", "answer", "efort_hours"),
    }
    for problem in caught.value.problems:
        assert problem.line is None and problem.column is None
        assert problem.source == "hr-api"
        assert str(problem).startswith("hr-api: " + ".".join(map(str, problem.path)) + ": ")
    assert "did you mean 'care'?" in problems[("tasks", "answer", "raci", "cares")].message
    assert "did you mean 'effort_hours'?" in problems[("tasks", "answer", "efort_hours")].message


def test_from_data_and_yaml_follow_the_same_rules() -> None:
    text = """\
organization: Acme
departments:
  marketing: {function: marketting, capacity_hours: -1}
tasks:
  answer: {activity: respond, efort_hours: 2, raci: {marketing: RX, care: C}}
"""
    data = {
        "organization": "Acme",
        "departments": {"marketing": {"function": "marketting", "capacity_hours": -1}},
        "tasks": {
            "answer": {"activity": "respond", "efort_hours": 2, "raci": {"marketing": "RX", "care": "C"}}
        },
    }
    with pytest.raises(raci.LoadError) as from_text:
        raci.loads(text)
    with pytest.raises(raci.LoadError) as from_data:
        raci.Organization.from_data(data)
    assert len(from_text.value.problems) == 5
    assert sorted(p.message for p in from_text.value.problems) == sorted(
        p.message for p in from_data.value.problems
    )
    assert sorted(p.path for p in from_text.value.problems) == sorted(
        p.path for p in from_data.value.problems
    )


@pytest.mark.parametrize("data", [None, [], ["organization"], "Acme", 42])
def test_from_data_refuses_what_is_not_a_mapping(data: Any) -> None:
    with pytest.raises(raci.LoadError) as caught:
        raci.Organization.from_data(data)
    (problem,) = caught.value.problems
    assert problem.line is None
    assert "expected a mapping with 'organization'" in problem.message


@pytest.mark.parametrize("value", [True, False])
def test_from_data_booleans_are_not_numbers(value: bool) -> None:
    data = _data()
    data["tasks"]["answer"]["effort_hours"] = value
    data["departments"]["care"]["capacity_hours"] = value
    data["tasks"]["answer"]["review_horizon_days"] = value
    with pytest.raises(raci.LoadError) as caught:
        raci.Organization.from_data(data)
    assert {p.path[-1] for p in caught.value.problems} == {
        "effort_hours",
        "capacity_hours",
        "review_horizon_days",
    }


def test_from_data_control_characters_are_escaped_in_messages() -> None:
    data = _data()
    data["tasks"]["answer\x1b[31m"] = {"activity": "respond", "raci": {"ca\x1b]8;;re": "R"}, "bad\x07": 1}
    with pytest.raises(raci.LoadError) as caught:
        raci.Organization.from_data(data)
    text = str(caught.value)
    assert "\x1b" not in text and "\x07" not in text
    assert "\\u001b" in text
    assert len(text.splitlines()) == len(caught.value.problems)


def test_from_data_huge_keys_and_ints_do_not_crash_or_flood() -> None:
    data = _data()
    data["tasks"]["answer"]["k" * 100_000] = 1
    data["departments"][10**5000] = {"function": "sales"}
    with pytest.raises(raci.LoadError) as caught:
        raci.Organization.from_data(data)
    assert len(str(caught.value)) < 1000


# --- nothing leaks ----------------------------------------------------------------------

SECRET = "sk_live_SECRET_4f9a8b7c6d5e"


@pytest.mark.parametrize(
    ("where", "value"),
    [
        (("tasks", "answer", "effort_hours"), SECRET),
        (("tasks", "answer", "effort_hours"), [SECRET]),
        (("tasks", "answer", "budget"), {"token": SECRET}),
        (("tasks", "answer", "review_horizon_days"), SECRET),
        (("tasks", "answer", "channels"), SECRET + "x" * 3000),
        (("tasks", "answer", "raci"), [SECRET]),
        (("tasks", "answer", "raci", "care"), {"letters": SECRET}),
        (("departments", "care", "capacity_hours"), SECRET),
        (("departments", "care", "roles"), {"password": SECRET}),
        (("departments", "care"), SECRET),
        (("organization",), [SECRET]),
        (("organization",), SECRET * 200),
        (("rules",), {"select": {"token": SECRET}}),
        (("rules",), {"severity": {"SOC101": SECRET}}),
    ],
)
def test_wrong_typed_values_are_not_echoed(where: tuple[str, ...], value: Any) -> None:
    data = _data()
    node = data
    for key in where[:-1]:
        node = node[key]
    node[where[-1]] = value
    with pytest.raises(raci.LoadError) as caught:
        raci.Organization.from_data(data)
    assert "SECRET" not in str(caught.value)
    assert all("SECRET" not in p.message for p in caught.value.problems)


def test_secret_in_a_yaml_number_field_is_not_echoed(tmp_path: Path) -> None:
    path = tmp_path / "org.yaml"
    path.write_text(_org().replace("{activity: respond,", f"{{activity: respond, effort_hours: {SECRET},"))
    with pytest.raises(raci.LoadError) as caught:
        raci.load(path)
    assert "SECRET" not in str(caught.value)
    result = run_subprocess("check", "--format", "json", str(path))
    assert result.code == 2
    assert "SECRET" not in result.stdout + result.stderr


def test_huge_values_are_not_repr_d() -> None:
    data = _data()
    data["organization"] = "x" * 1_000_000
    data["departments"]["care"]["roles"] = list(range(20_000))
    data["tasks"]["answer"]["activity"] = "y" * 1_000_000
    with pytest.raises(raci.LoadError) as caught:
        raci.Organization.from_data(data)
    text = str(caught.value)
    assert "x" * 100 not in text and "y" * 100 not in text
    # 20,000 bad roles: the first problems and a note, not a flood.
    problems = caught.value.problems
    assert len(problems) == 51
    assert problems[-1].message.startswith("stopping after 50 problems")
    assert len(text) < 10_000


def test_unknown_words_are_quoted_short() -> None:
    with pytest.raises(raci.LoadError) as caught:
        raci.loads(_org(function="z" * 5000))
    (problem,) = caught.value.problems
    assert "z" * 41 not in problem.message
    assert len(problem.message) < 300
