"""Property-based fuzzing: hostile YAML-ish text and generated valid organisations.

What must hold for any input:

- ``raci.loads`` / ``raci.loads_bytes`` return an :class:`raci.Organization` or raise
  :class:`raci.LoadError`, whose lines are located, short and free of raw control characters;
  no other exception type ever escapes the library;
- the fast reader agrees with the full parser, or gives up; the pure-Python parser agrees
  with libyaml's on tabs;
- the CLI never ends with a traceback or an internal error;

and for any valid organisation:

- ``check`` and every DOT view are deterministic (and SVG through `dot`, on a few);
- YAML, CSV and XLSX export -> import give back the same model and the same findings;
- every report format is free of raw control characters.

The default run is short enough for CI (derandomised, so CI is reproducible). For a long
hunt: ``RACI_FUZZ=long python -m pytest tests/test_fuzz.py`` (many more examples, random
seeds, failures kept in ``.hypothesis/`` and replayed first next time). See
docs/reliability.md.
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import raci
from raci.model.lookalike import id_key
from raci.model.vocabulary import ACTIVITY_ALIASES, FUNCTION_ALIASES, Activity, Function
from raci.report import FORMATS, render_report
from raci.yaml.fast_reader import fast_parse
from raci.yaml.loader import PythonParser, parse_yaml

from .conftest import Run

LONG = os.environ.get("RACI_FUZZ", "").lower() == "long"
_SUPPRESS = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture]


def fuzz(examples: int) -> Any:
    """Hypothesis settings: ``examples`` by default, fifty times as many with RACI_FUZZ=long."""
    if LONG:
        return settings(max_examples=examples * 50, deadline=None, suppress_health_check=_SUPPRESS)
    return settings(
        max_examples=examples,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=_SUPPRESS,
    )


# Raw characters that must never reach a terminal or a report (escaped forms are fine).
RAW_UNSAFE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)

# --- YAML-ish text ---------------------------------------------------------------------------

KEYWORDS = [
    "organization", "departments", "tasks", "name", "function", "activity", "raci",
    "effort_hours", "capacity_hours", "review_horizon_days", "channels", "budget", "roles",
    "description", "rules", "ignore", "select", "severity", "options", "RACI004",
    "max_responsible",
]  # fmt: skip
VALUES = [
    "care", "marketing", "pr", "sales", "support", "comms", "respond", "publish", "measure",
    "recover", "RA", "R", "A", "C", "I", "R/A", "RX", "RR", "no", "yes", "on", "~", "null",
    "012", "0x10", "1e3", "-5", "15", ".inf", ".nan", "2024-13-45", "9" * 60, "quarterly",
    "per post", "error", "x",
]  # fmt: skip
NASTY = [
    " ", "  ", "\t", "\n", "\r\n", "\r", ": ", ":", "- ", "? ", "{", "}", "[", "]", ", ", ",",
    "&a ", "*a", "&b ", "*b", "!!int ", "!!bool ", "!!timestamp ", "!!python/object:os.system ",
    "!x ", "!!str ", "!!map ", "# c", "#", "'", "''", '"', "|", "|-", ">", "---\n", "...\n",
    "%YAML 1.1\n", "%TAG ! tag:x,2002:\n", "\\", "\\e", "\\x00", "\\u202e", "\\ud800", "\x00",
    "\x1b[2J", "\x07", "\x85", "\u2028", "\u202e", "\u2066", "\ud800", "\udcff", "\ufeff",
    "\xe9", "Zażółć", "😀", "<IMG SRC=x>", "=1+1", "@cmd", "\\N", "\\G",
]  # fmt: skip

_words = st.sampled_from(KEYWORDS + VALUES)
_piece = st.one_of(
    st.sampled_from(NASTY),
    _words,
    st.text(max_size=4),
)


@st.composite
def org_line(draw: st.DrawFn) -> str:
    """One line shaped like an org file's: indentation, a key, a value of some kind."""
    indent = "  " * draw(st.integers(0, 3)) + draw(st.sampled_from(["", "", "", " ", "\t"]))
    key = draw(_words)
    kind = draw(st.integers(0, 5))
    if kind == 0:
        value = ""
    elif kind == 1:
        value = draw(_words)
    elif kind == 2:
        pairs = draw(st.lists(st.tuples(_words, _words), max_size=4))
        value = "{" + ", ".join(f"{k}: {v}" for k, v in pairs) + "}"
    elif kind == 3:
        value = "[" + ", ".join(draw(st.lists(_words, max_size=4))) + "]"
    elif kind == 4:
        quote = st.sampled_from(["'", '"'])
        value = draw(quote) + draw(st.text(max_size=8)) + draw(quote)
    else:
        value = "".join(draw(st.lists(_piece, max_size=4)))
    separator = draw(st.sampled_from([": ", ": ", ": ", ":\t", ":", ":  "]))
    return f"{indent}{key}{separator}{value}"


@st.composite
def yamlish(draw: st.DrawFn) -> str:
    """Lines shaped like an org file, mixed with fragments of everything YAML has."""
    parts = draw(
        st.lists(
            st.one_of(org_line(), org_line(), st.lists(_piece, min_size=1, max_size=6).map("".join)),
            max_size=14,
        )
    )
    return "\n".join(parts) + draw(st.sampled_from(["", "\n"]))


VALID_BASE = """\
organization: Acme Outdoor
departments:
  marketing: {name: Marketing, function: marketing, capacity_hours: 60}
  care: {name: Customer Care, function: customer_service, capacity_hours: 80}
  pr:
    name: Communications
    function: public_relations
tasks:
  answer-complaints:
    name: Answer public complaints
    activity: respond
    effort_hours: 15
    raci: {care: RA, pr: C, marketing: I}
  quarterly-roi-review:
    activity: measure
    review_horizon_days: 90
    channels: [facebook, linkedin]
    raci: {marketing: RA}
"""


@st.composite
def mutated(draw: st.DrawFn) -> str:
    """A valid org file with a few fragments inserted, replaced or deleted."""
    text = VALID_BASE
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(text)))
        action = draw(st.integers(0, 2))
        if action == 0:
            text = text[:at] + draw(_piece) + text[at:]
        elif action == 1:
            text = text[:at] + draw(_piece) + text[at + draw(st.integers(1, 5)) :]
        else:
            text = text[:at] + text[at + draw(st.integers(1, 20)) :]
    return text


any_text = st.one_of(yamlish(), mutated(), st.text(max_size=200))


def assert_clean_load_error(error: raci.LoadError) -> None:
    assert error.problems
    assert len(error.problems) <= 51
    for problem in error.problems:
        # The catch-all for exotic Python objects must never fire on plain data: if it
        # does, validation itself raised, which is a bug of ours.
        assert "cannot be validated" not in problem.message, problem
        assert problem.line is None or problem.line >= 1
        assert problem.column is None or problem.column >= 1
        assert not RAW_UNSAFE.search(problem.message), problem
        assert not RAW_UNSAFE.search(problem.source), problem
    for line in str(error).splitlines():
        assert not RAW_UNSAFE.search(line), line
        assert len(line) < 600, line
    str(error).encode("utf-8")  # printable anywhere


def load_outcome(load: Any) -> Any:
    """The organisation, or the LoadError; anything else escaping is a bug and fails the test."""
    try:
        org = load()
    except raci.LoadError as error:
        assert_clean_load_error(error)
        return error
    assert isinstance(org, raci.Organization)
    return org


@fuzz(1000)
@given(any_text)
def test_loads_returns_an_organization_or_raises_load_error(text: str) -> None:
    load_outcome(lambda: raci.loads(text, "fuzz.yaml"))


_BOMS = st.sampled_from([b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00"])


@fuzz(400)
@given(
    st.one_of(
        st.tuples(_BOMS, st.binary(max_size=120)).map(b"".join),
        st.tuples(_BOMS, mutated().map(lambda t: t.encode("utf-8", "surrogatepass"))).map(b"".join),
        mutated().map(lambda t: t.encode("latin-1", "replace")),
        mutated().map(lambda t: t.encode("utf-16", "surrogatepass")),
    )
)
def test_loads_bytes_returns_an_organization_or_raises_load_error(data: bytes) -> None:
    load_outcome(lambda: raci.loads_bytes(data, "fuzz.yaml"))


def full_parse(text: str) -> tuple[Any, dict[Any, Any], dict[Any, Any]]:
    parsed = parse_yaml(text, "x.yaml", positions=False)
    keys = {k: v for k, v in parsed.source_map.keys.items() if len(k) <= 2}
    values = {k: v for k, v in parsed.source_map.values.items() if len(k) <= 2}
    return parsed.data, keys, values


@fuzz(1000)
@given(any_text)
# Found by the fuzzer (docs/reliability.md): YAML breaks lines at U+2028 and U+2029 too.
@example("o\u2028rganization: Acme\n")
@example("organization: Acme\ndescription: a\u2029b: c\n")
@example("\ufefforganization: Acme\n")
@example("organization: Acme\ndepartments:\n  m: {name: M, function\xa0: marketing}\n")
def test_fast_reader_agrees_with_the_full_parser_or_gives_up(text: str) -> None:
    fast = fast_parse(text, "x.yaml")
    if fast is None:
        return
    try:
        expected = full_parse(text)
    except raci.LoadError as error:
        raise AssertionError(f"the fast reader accepted text the full parser refuses: {error}") from None
    data, source_map = fast
    assert (data, source_map.keys, source_map.values) == expected


def _events(text: str, loader: Any) -> Any:
    try:
        return [
            (type(event).__name__, getattr(event, "value", None), getattr(event, "anchor", None))
            for event in yaml.parse(text, Loader=loader)
        ]
    except yaml.YAMLError:
        return "error"


@st.composite
def tabbed(draw: st.DrawFn) -> str:
    """Org-shaped text with tabs where spaces would be: around values, inside, indenting."""
    lines = VALID_BASE.splitlines()
    for _ in range(draw(st.integers(1, 4))):
        index = draw(st.integers(0, len(lines) - 1))
        line = lines[index]
        spaces = [i for i, char in enumerate(line) if char == " "]
        where = draw(st.sampled_from(spaces)) if spaces else 0
        replacement = draw(st.sampled_from(["\t", " \t", "\t ", "\t\t"]))
        lines[index] = line[:where] + replacement + line[where + 1 :]
    return "\n".join(lines) + "\n"


@pytest.mark.skipif(not hasattr(yaml, "CSafeLoader"), reason="PyYAML without libyaml")
@fuzz(400)
@given(tabbed())
def test_tabs_read_the_same_by_libyaml_and_the_python_parser(text: str) -> None:
    assert _events(text, PythonParser) == _events(text, yaml.CSafeLoader)


# --- the CLI on hostile text -----------------------------------------------------------------


@fuzz(150)
@given(any_text)
def test_cli_never_shows_a_traceback(cli: Any, text: str) -> None:
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "org.yaml"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        for args in (("check", str(path)), ("render", str(path), "-f", "dot")):
            result: Run = cli(*args)
            shown = result.stdout + result.stderr
            assert result.code in (0, 1, 2), (args, result)
            assert "Traceback" not in shown and "internal error" not in shown, shown
            assert not RAW_UNSAFE.search(result.stderr), result.stderr
            if result.code == 2:
                assert result.stderr.strip(), "exit 2 says why"
        assert sorted(p.name for p in Path(directory).iterdir()) == ["org.yaml"]


# --- valid organisations ---------------------------------------------------------------------

_NAME_CHARS = st.characters(
    # Cf: invisible format characters are refused in names (docs/reliability.md).
    blacklist_categories=("Cs", "Cc", "Cf", "Zl", "Zp"),
    blacklist_characters="\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\x85",
)
names = st.text(alphabet=_NAME_CHARS, max_size=24)
ids = st.one_of(
    st.tuples(
        st.sampled_from("abcdefghijklmnopqrstuvwxyz"), st.text(alphabet="abcdefgxyz0123456789_-", max_size=10)
    ).map("".join),
    st.text(alphabet=_NAME_CHARS, min_size=1, max_size=10).filter(lambda s: s.strip() == s and s),
)
hours = st.one_of(
    st.none(),
    st.integers(0, 500),
    st.floats(0, 500, allow_nan=False, allow_infinity=False).map(lambda x: round(x, 2)),
)
letters = st.sampled_from(["R", "A", "C", "I", "RA", "AR", "R/A", "CI", "RC", "RAC", "RACI", "ra"])


@st.composite
def organizations(draw: st.DrawFn) -> dict[str, Any]:
    # Ids a reader cannot tell apart are one id (raci.model.lookalike): draw distinct ones.
    department_ids = draw(st.lists(ids, min_size=1, max_size=6, unique_by=id_key))
    departments = {}
    for department in department_ids:
        entry: dict[str, Any] = {
            "function": draw(st.sampled_from([f.value for f in Function] + sorted(FUNCTION_ALIASES)))
        }
        if draw(st.booleans()):
            entry["name"] = draw(names)
        capacity = draw(hours)
        if capacity is not None:
            entry["capacity_hours"] = capacity
        if draw(st.integers(0, 4)) == 0:
            entry["roles"] = draw(st.lists(names, max_size=3))
        if draw(st.integers(0, 4)) == 0:
            entry["description"] = draw(st.text(alphabet=_NAME_CHARS | st.sampled_from("\n\t"), max_size=40))
        departments[department] = entry
    tasks = {}
    for task in draw(st.lists(ids, max_size=8, unique_by=id_key)):
        row = draw(st.dictionaries(st.sampled_from(department_ids), letters, max_size=len(department_ids)))
        entry = {
            "activity": draw(st.sampled_from([a.value for a in Activity] + sorted(ACTIVITY_ALIASES))),
            "raci": row,
        }
        if draw(st.booleans()):
            entry["name"] = draw(names)
        effort = draw(hours)
        if effort is not None:
            entry["effort_hours"] = effort
        if draw(st.integers(0, 3)) == 0:
            entry["budget"] = draw(st.integers(0, 100_000))
        if draw(st.integers(0, 3)) == 0:
            words = st.sampled_from(["per post", "weekly", "quarterly", "yearly"])
            entry["review_horizon_days"] = draw(st.one_of(st.integers(0, 3650), words))
        if draw(st.integers(0, 3)) == 0:
            entry["channels"] = draw(st.lists(names, max_size=3))
        tasks[task] = entry
    organization = draw(names.filter(str.strip))
    data: dict[str, Any] = {"organization": organization, "departments": departments, "tasks": tasks}
    if draw(st.integers(0, 3)) == 0:
        data["description"] = draw(st.text(alphabet=_NAME_CHARS | st.sampled_from("\n\t"), max_size=30))
    return data


def findings_of(org: raci.Organization) -> list[tuple[Any, ...]]:
    """Findings without their positions (which differ between a file and a sheet, and order
    them differently)."""
    return sorted(
        (f.code, f.severity.value, f.message, f.task or "", f.department or "", f.hint or "")
        for f in raci.check(org).findings
    )


@fuzz(200)
@given(organizations())
def test_check_and_dot_are_deterministic(data: dict[str, Any]) -> None:
    org = raci.Organization.from_data(data, "fuzz")
    again = raci.Organization.from_data(data, "fuzz")
    first, second = raci.check(org), raci.check(again)
    assert [f.to_dict() for f in first.findings] == [f.to_dict() for f in second.findings]
    assert first.scorecard.to_dict() == second.scorecard.to_dict()
    for view in ("gaps", "ownership", "matrix", "workload"):
        source = raci.diagram(first, view=view, detail="full").source
        assert source == raci.diagram(second, view=view, detail="full").source
        # No user text ever names a node: every statement is about synthetic ids.
        for statement in source.splitlines():
            head = statement.strip().split("[")[0]
            if "->" in head:
                assert re.fullmatch(r"\s*n\d+ -> n\d+\s*", head), statement
    for name in FORMATS:
        report = render_report(name, [first])
        assert report == render_report(name, [second])
        assert not RAW_UNSAFE.search(report), name


@fuzz(8)
@given(organizations())
# Found by the fuzzer: Graphviz refuses an HTML-like label whose whole text is "]".
@example(
    {
        "organization": "0",
        "departments": {"a": {"function": "marketing"}, "0": {"function": "marketing", "name": "]"}},
        "tasks": {},
    }
)
def test_svg_through_dot_is_deterministic(data: dict[str, Any]) -> None:
    org = raci.Organization.from_data(data, "fuzz")
    result = raci.check(org)
    assert raci.render(result, view="gaps", format="svg") == raci.render(result, view="gaps", format="svg")


@fuzz(300)
@given(organizations())
def test_yaml_round_trip_is_lossless(data: dict[str, Any]) -> None:
    from raci.yaml.writer import dump_organization

    org = raci.Organization.from_data(data, "fuzz")
    back = raci.loads(dump_organization(org), "fuzz.yaml")
    assert back.model_dump() == org.model_dump()
    assert findings_of(back) == findings_of(org)


@fuzz(150)
@given(organizations(), st.sampled_from(["csv", "xlsx"]))
# Found by the fuzzer (docs/reliability.md): a blank name, which a sheet cannot tell from none;
# findings naming departments in the order a task's raci happened to list them; a department
# whose id reads like a task column, taken for one.
@example(
    {"organization": "0", "departments": {"a": {"function": "marketing", "name": "", "description": " "}}},
    "csv",
)
@example(
    {
        "organization": "0",
        "departments": {"b": {"function": "marketing"}, "0": {"function": "marketing"}},
        "tasks": {"a": {"activity": "monitor", "raci": {"0": "A", "b": "A"}}},
    },
    "csv",
)
@example({"organization": "0", "departments": {"BUDGET": {"function": "marketing"}}, "tasks": {}}, "csv")
@example(
    {
        "organization": "0",
        "departments": {"name": {"function": "sales"}, "activity": {"function": "other"}},
        "tasks": {"t": {"activity": "respond", "raci": {"name": "RA", "activity": "C"}}},
    },
    "xlsx",
)
def test_spreadsheet_round_trip_is_lossless(data: dict[str, Any], suffix: str) -> None:
    from raci.workshop.spreadsheet.csv_export import export_csv
    from raci.workshop.spreadsheet.sheet_import import import_sheet
    from raci.workshop.spreadsheet.xlsx_export import export_xlsx

    org = raci.Organization.from_data(data, "fuzz")
    exported = export_csv(org) if suffix == "csv" else export_xlsx(org, raci.check(org).findings)
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / f"matrix.{suffix}"
        path.write_bytes(exported)
        back = import_sheet(path).org
    assert back.model_dump() == org.model_dump()
    assert findings_of(back) == findings_of(org)


@fuzz(300)
@given(organizations(), st.data())
def test_hostile_text_in_any_field_is_refused_or_harmless(data: dict[str, Any], draw: st.DataObject) -> None:
    # Put one unsafe character into one string of valid data: it is refused with a located
    # (pathed) LoadError, or it is free text and every report stays clean.
    unsafe = ["\x00", "\x1b", "\x07", "\x9b", "\u202e", "\u2067", "\ud800", "\n", "\r"]
    bad = draw.draw(st.sampled_from(unsafe))
    targets: list[tuple[Any, Any, bool]] = []

    def collect(node: Any) -> None:
        if isinstance(node, dict):
            for key in list(node):
                targets.append((node, key, True))
                if isinstance(node[key], str):
                    targets.append((node, key, False))
                collect(node[key])
        elif isinstance(node, list):
            targets.extend((node, index, False) for index, item in enumerate(node) if isinstance(item, str))

    collect(data)
    container, key, on_key = draw.draw(st.sampled_from(targets))
    if on_key:
        container[f"{key}{bad}"] = container.pop(key)
    else:
        container[key] = container[key] + bad
    outcome = load_outcome(lambda: raci.Organization.from_data(data, "fuzz"))
    if isinstance(outcome, raci.Organization):
        assert bad in "\n\r"  # only free text (a description) may hold a line break
        for name in FORMATS:
            assert not RAW_UNSAFE.search(render_report(name, [raci.check(outcome)]))


@pytest.mark.parametrize(
    ("section", "key", "word"), [("departments", "function", "marketing"), ("tasks", "activity", "monitor")]
)
def test_a_lone_surrogate_in_a_function_or_activity_is_located(section: str, key: str, word: str) -> None:
    # Found by the hostile-text fuzz: the did-you-mean carried the raw word in pydantic's
    # error context, and a lone surrogate there made reading the errors raise.
    data: dict[str, Any] = {
        "organization": "o",
        "departments": {"m": {"function": "marketing"}},
        "tasks": {"t": {"activity": "monitor", "raci": {"m": "RA"}}},
    }
    entry = data[section]["m" if section == "departments" else "t"]
    entry[key] = word + "\ud800"
    with pytest.raises(raci.LoadError) as caught:
        raci.Organization.from_data(data, "fuzz")
    (problem,) = caught.value.problems
    assert problem.path == (section, "m" if section == "departments" else "t", key)
    assert f"did you mean '{word}'?" in problem.message
    assert "cannot be validated" not in problem.message
