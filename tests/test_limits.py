"""``raci.Limits`` means what it says on every path: validated, bytes counted as bytes, depth
bounded on the fast path too, and a bound on the number of items."""

from __future__ import annotations

import pytest

import raci
from raci.yaml.fast_reader import fast_parse

BASE = (
    "organization: Acme\n"
    "departments:\n  care: {name: Care, function: customer_service}\n"
    "tasks:\n  t:\n    name: T\n    activity: respond\n    raci: {care: RA}\n"
)


@pytest.mark.parametrize("field", ["max_bytes", "max_depth", "max_items"])
@pytest.mark.parametrize("value", [0, -1, 1.5, True, "10"])
def test_limits_refuse_what_is_not_a_positive_whole_number(field: str, value: object) -> None:
    with pytest.raises(ValueError, match=field):
        raci.Limits(**{field: value})  # type: ignore[arg-type]


def test_one_is_the_smallest_limit() -> None:
    assert raci.Limits(max_bytes=1, max_depth=1, max_items=1).max_items == 1


def test_max_bytes_counts_bytes_not_characters() -> None:
    text = BASE.replace("Acme", "Ącmé")  # two characters of two bytes each
    size = len(text.encode("utf-8"))
    assert size == len(text) + 2
    assert raci.loads(text, limits=raci.Limits(max_bytes=size)).organization == "Ącmé"
    with pytest.raises(raci.LoadError, match="larger than the limit of"):
        raci.loads(text, limits=raci.Limits(max_bytes=size - 1))
    with pytest.raises(raci.LoadError, match="larger than the limit of"):
        raci.loads_bytes(text.encode(), limits=raci.Limits(max_bytes=size - 1))


def test_the_fast_path_honours_max_depth() -> None:
    # BASE nests four collections: the root, tasks, the task, its raci mapping.
    assert fast_parse(BASE, "x.yaml") is not None
    assert raci.loads(BASE, limits=raci.Limits(max_depth=4)).organization == "Acme"
    assert fast_parse(BASE, "x.yaml", raci.Limits(max_depth=4)) is not None  # at the limit: read
    assert fast_parse(BASE, "x.yaml", raci.Limits(max_depth=3)) is None
    with pytest.raises(raci.LoadError) as caught:
        raci.loads(BASE, limits=raci.Limits(max_depth=3))
    (problem,) = caught.value.problems
    assert "nesting is deeper than 3 levels" in problem.message
    assert (problem.line, problem.column) == (8, 11)  # the raci mapping, four deep


def test_max_items_counts_keys_and_list_items_on_both_paths() -> None:
    # Keys: organization, departments, care, name, function, tasks, t, name, activity,
    # raci, care: eleven.
    assert raci.loads(BASE, limits=raci.Limits(max_items=11)).organization == "Acme"
    assert fast_parse(BASE, "x.yaml", raci.Limits(max_items=11)) is not None  # at the limit: read
    assert fast_parse(BASE, "x.yaml", raci.Limits(max_items=10)) is None
    with pytest.raises(raci.LoadError, match="more than 10 items"):
        raci.loads(BASE, limits=raci.Limits(max_items=10))
    listed = BASE + "    channels: [facebook, linkedin]\n"  # a key and two items: 14
    assert raci.loads(listed, limits=raci.Limits(max_items=14)).organization == "Acme"
    with pytest.raises(raci.LoadError, match="more than 13 items"):
        raci.loads(listed, limits=raci.Limits(max_items=13))


def test_the_full_parser_counts_items_to_the_same_boundary() -> None:
    from raci.yaml.loader import parse_yaml

    assert parse_yaml(BASE, "x.yaml", limits=raci.Limits(max_items=11)).data["organization"] == "Acme"
    with pytest.raises(raci.LoadError, match="more than 10 items"):
        parse_yaml(BASE, "x.yaml", limits=raci.Limits(max_items=10))
