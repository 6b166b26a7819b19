"""The fast reader gives exactly what the full parser gives, or gives up."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from raci.yaml.fast_reader import fast_parse
from raci.yaml.loader import LoadError, parse_yaml

from .conftest import EXAMPLES, ROOT

SAMPLES = sorted([*EXAMPLES.glob("*.yaml"), *(ROOT / "raci" / "templates").glob("*.yaml")])


def full(text: str) -> tuple[object, dict[object, object], dict[object, object]]:
    parsed = parse_yaml(text, "x.yaml", positions=False)
    keys = {k: v for k, v in parsed.source_map.keys.items() if len(k) <= 2}
    values = {k: v for k, v in parsed.source_map.values.items() if len(k) <= 2}
    return parsed.data, keys, values


def assert_same_or_gave_up(text: str) -> bool:
    fast = fast_parse(text, "x.yaml")
    try:
        expected = full(text)
    except LoadError:
        assert fast is None, "the fast reader accepted text the full parser refuses"
        return False
    if fast is None:
        return False
    data, source_map = fast
    assert (data, source_map.keys, source_map.values) == expected
    return True


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_bundled_files(path: Path) -> None:
    assert_same_or_gave_up(path.read_text(encoding="utf-8"))


def test_reads_the_common_shape() -> None:
    text = (
        "organization: Acme  # comment\n"
        "departments:\n"
        "  care: {name: Customer Care, function: support}\n"
        "  no: {function: sales}\n"
        "tasks:\n"
        "  t1:\n"
        "    activity: respond\n"
        "    effort_hours: 012\n"
        "    empty:\n"
        "    raci: {care: RA, no: C}\n"
        "  t2: {activity: sell, raci: {no: RA}, channels: [x, 'linked in']}\n"
    )
    assert assert_same_or_gave_up(text)
    data, _ = fast_parse(text, "x.yaml")  # type: ignore[misc]
    assert data["tasks"]["t1"]["effort_hours"] == "012"
    assert data["tasks"]["t1"]["empty"] is None
    assert data["departments"]["no"] == {"function": "sales"}


@pytest.mark.parametrize(
    "text",
    [
        "a: &x 1\nb: *x\n",
        "a: !!int 3\n",
        "a: 1\na: 2\n",
        "a:\n  - x\n",
        "a: |\n  text\n",
        'a: "esc\\x41"\n',
        "a: b: c\n",
        "a:\n\tb: 1\n",
        "a: 1\n---\nb: 2\n",
        "a: {b: [1, {c: d}]}\n",
        "a:\n    b: 1\n  c: 2\n",
        "a: x\n  continued\n",
        "? complex\n: key\n",
        "a: [" * 100 + "\n",
        "",
        "# only a comment\n",
        "a: 'it''s'\n",
        "a: {x: 1, x: 2}\n",
        # Flow collections over several lines: joined where YAML reads the break as a space.
        "a:\n  b: {c: d,\n     e: f}\n",
        "a:\n  b: [x,\n     [y,\n      z]\n     ]\n",
        "a:\n  b: {c: d,\n\n     e: f}\n",
        "a:\n  b: {c: d,  # note\n     e: f}\n",
        "a:\n  b: {c: d,\n  e: f}\n",
        "a:\n  b: {c: d\n     e, f: g}\n",
        "a:\n  b: {c: d,\n",
        "a:\n  b: {c: 'd,\n     e'}\n",
        "a:\n  b: {c: d,\n     e: f}}\n",
        "a: {c: d,\n  e: f}\n",
    ],
)
def test_gives_up_or_agrees_on_unusual_yaml(text: str) -> None:
    assert_same_or_gave_up(text)


_ALPHABET = "abcdefghijklmnopqrstuvwxyzĄŁż0123456789 -_./:#'\"{}[],&*!~"
_word = st.text(alphabet=_ALPHABET, min_size=0, max_size=12)


@settings(max_examples=int(os.environ.get("RACI_FUZZ_EXAMPLES", "300")), deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 3), _word, st.one_of(st.none(), _word, st.lists(_word, max_size=3))),
        max_size=8,
    )
)
def test_generated_documents_agree(lines: list[tuple[int, str, object]]) -> None:
    rendered = []
    for depth, key, value in lines:
        if isinstance(value, list):
            shown = "{" + ", ".join(f"{v}: {v}" for v in value) + "}"
        else:
            shown = "" if value is None else str(value)
        rendered.append(f"{'  ' * depth}{key}: {shown}".rstrip() + "\n")
    assert_same_or_gave_up("".join(rendered))


def test_flow_collections_over_several_lines_are_read_fast() -> None:
    """The bundled examples write departments as flow mappings over two lines; the fast
    reader reads them (PyYAML is not even imported for them, see test_startup.py)."""
    text = (EXAMPLES / "shared-ownership.yaml").read_text(encoding="utf-8")
    assert "capacity_hours: 50,\n              roles: [" in text
    assert assert_same_or_gave_up(text)


@settings(max_examples=int(os.environ.get("RACI_FUZZ_EXAMPLES", "300")), deadline=None)
@given(
    st.lists(st.tuples(_word, _word), min_size=1, max_size=5),
    st.lists(st.integers(0, 6), max_size=4),
    st.integers(0, 6),
)
def test_flow_mappings_broken_over_lines_agree(
    items: list[tuple[str, str]], breaks: list[int], indent: int
) -> None:
    """A flow mapping with line breaks after some of its entries (at any indentation): the
    fast reader gives what the full parser gives, or gives up."""
    entries = [f"{key}: {value}" for key, value in items]
    text = "{"
    for index, entry in enumerate(entries):
        text += entry + ("," if index < len(entries) - 1 else "")
        if index in breaks:
            text += "\n" + " " * indent
    assert_same_or_gave_up(f"top:\n  key: {text}}}\n")


def test_problems_inside_a_flow_over_several_lines_are_placed_as_the_full_parser_places_them() -> None:
    """Wrong values on the first and on the continuation line of a two-line department: the
    same lines and columns whether the fast reader read the file or PyYAML did."""
    import raci

    text = (EXAMPLES / "shared-ownership.yaml").read_text(encoding="utf-8")
    old = "capacity_hours: 50,\n              roles: [social media lead, content designer, copywriter]}"
    new = "capacity_hours: lots,\n              roles: [social media lead, {x: 1}, copywriter], colour: red}"
    assert text.count(old) == 1
    fast_text = text.replace(old, new)
    # An escape PyYAML reads to the same name makes the fast reader give up; no line moves.
    escaped = 'organization: "Northwind Outfitter\\x73"'
    full_text = fast_text.replace("organization: Northwind Outfitters", escaped)
    assert fast_parse(fast_text, "x.yaml") is not None
    assert fast_parse(full_text, "x.yaml") is None

    def problems(source: str) -> list[tuple[int | None, int | None, str]]:
        with pytest.raises(raci.LoadError) as raised:
            raci.loads(source, source_name="org.yaml")
        return [(p.line, p.column, p.message) for p in raised.value.problems]

    placed = problems(fast_text)
    assert placed == problems(full_text)
    assert [(line, column) for line, column, _ in placed] == [(18, 75), (19, 42), (19, 63)]
