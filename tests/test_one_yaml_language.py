"""One YAML language: the fast reader accepts nothing the full parser refuses, and agrees on
everything it accepts (data and the positions it keeps).

A differential property test over the shapes where hand-written readers go wrong: flow and
block mappings around keys, colons with and without a space, ``#`` inside words and as a
comment, quotes, nested flow collections. The full parser (libyaml through PyYAML's events,
as raci uses it) is the reference.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import raci
from raci.yaml.fast_reader import fast_parse
from raci.yaml.loader import parse_yaml
from tests.conftest import run_subprocess

_WORDS = ["care", "pr", "Sales#EMEA", "a#b", "R", "RA", "x y", "null", "~", "no", "12", "-", "café", "a:b"]
_QUOTED = ["'a b'", "'a#b'", '"q # r"', "'it''s'", '"x: y"', "''"]
_COLONS = [": ", ":", ":  ", " : ", ":\t"]
_COMMENTS = ["", " # note", "#note", "  #", " #: x"]

# The plain shapes come often, so that most documents are ones the fast reader takes on.
scalar = st.sampled_from(["care", "RA", "x y", "Sales#EMEA"] * 3 + _WORDS + _QUOTED)
key = st.sampled_from(
    ["care", "pr", "name", "raci", "k-1"] * 3 + ["a#b", "Sales#EMEA", "'q k'", "x y", "null", "~"]
)
colon = st.sampled_from([": "] * 8 + _COLONS)
comment = st.sampled_from([""] * 6 + _COMMENTS)


@st.composite
def flow(draw: st.DrawFn, depth: int = 0) -> str:
    if depth < 2 and draw(st.booleans()):
        items = draw(st.lists(st.tuples(key, colon, st.one_of(scalar, flow(depth + 1))), max_size=3))
        comma = draw(st.sampled_from([", ", ", ", ",", " , "]))
        return "{" + comma.join(f"{k}{c}{v}" for k, c, v in items) + "}"
    items = draw(st.lists(st.one_of(scalar, flow(depth + 1)) if depth < 2 else scalar, max_size=3))
    comma = draw(st.sampled_from([", ", ","]))
    return "[" + comma.join(items) + "]"


@st.composite
def document(draw: st.DrawFn) -> str:
    lines = ["organization: Acme"]
    blocks = draw(
        st.lists(
            st.sampled_from(["tasks", "departments", "rules", "x y", "a#b"]),
            min_size=1,
            max_size=4,
            unique=True,
        )
    )
    for block in blocks:
        lines.append(f"{block}:")
        indent = " " * draw(st.sampled_from([2, 2, 2, 4, 1]))
        for name in draw(st.lists(key, max_size=3, unique=True)):
            value = draw(st.one_of(scalar, flow()))
            lines.append(f"{indent}{name}{draw(colon)}{value}{draw(comment)}")
    return "\n".join(lines) + "\n"


def _full(text: str) -> Any:
    parsed = parse_yaml(text, "x.yaml", positions=False)
    if parsed.problems:
        raise raci.LoadError(parsed.problems)
    shallow = {path: place for path, place in parsed.source_map.keys.items() if len(path) <= 2}
    values = {path: place for path, place in parsed.source_map.values.items() if len(path) <= 2}
    return parsed.data, shallow, values


@settings(
    max_examples=1500, deadline=None, derandomize=True, database=None, suppress_health_check=list(HealthCheck)
)
@given(document())
@example("organization: Acme\ntasks:\n  t: {care:[R, A]}\n")
@example("organization: Acme\ntasks:\n  t: {care: [R, A]}\n")
@example("organization: Sales#EMEA\n")
@example("organization: Sales #EMEA\n")
@example("organization: Acme\nx: {a: {b:c}}\n")
@example("organization: Acme\nx: [a:b]\n")
@example("organization: Acme\nnull: x\n")  # a null key: the full parser refuses it
@example("organization: Acme\nx: {~: y}\n")
@example("organization: Acme\nx:\n  t: {null: y, a: b}\n")
@example("organization: Acme\ntasks:\n  t:\n  u: x\n")  # an empty value two levels down
@example("organization: Acme\nx:\n  t: {care: RA, care: C}\n")  # a duplicate key, flat
@example("organization: Acme\nx:\n  t: {care: [R], care: C}\n")  # a duplicate key, nested
def test_the_fast_reader_accepts_only_what_the_full_parser_reads_the_same(text: str) -> None:
    fast = fast_parse(text, "x.yaml")
    if fast is None:
        return
    try:
        expected = _full(text)
    except raci.LoadError as error:
        raise AssertionError(f"fast reader accepted text the full parser refuses:\n{text}\n{error}") from None
    data, source_map = fast
    assert (data, source_map.keys, source_map.values) == expected, text


def test_a_flow_key_without_a_space_is_the_same_error_everywhere(tmp_path: Path) -> None:
    org = "organization: Acme\ndepartments:\n  care: {name: Care, function: customer_service}\n"
    text = org + "tasks:\n  t:\n    name: T\n    activity: respond\n    raci: {care:[R, A]}\n"
    assert fast_parse(text, "x.yaml") is None
    path = tmp_path / "org.yaml"
    path.write_text(text, encoding="utf-8")
    run = run_subprocess("check", str(path))
    assert run.code == 2
    assert run.stderr.startswith(f"{path}:8:"), run.stderr
    assert "YAML syntax error" in run.stderr


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Sales#EMEA", "Sales#EMEA"),
        ("Sales #EMEA", "Sales"),
        ("'Sales #EMEA'", "Sales #EMEA"),
        ("a#b #c", "a#b"),
    ],
)
def test_a_hash_is_a_comment_only_after_a_space(value: str, expected: str) -> None:
    text = f"organization: {value}\n"
    fast = fast_parse(text, "x.yaml")
    full = parse_yaml(text, "x.yaml", positions=False).data
    assert full == {"organization": expected}
    assert fast is None or fast[0] == full
