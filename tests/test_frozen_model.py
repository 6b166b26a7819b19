"""Organisations are immutable and valid by construction; edits return new, validated ones."""

from __future__ import annotations

import copy
import pickle
from types import MappingProxyType
from typing import Any

import pydantic
import pytest

import raci
from raci import Department, Letter, LoadError, Organization, Task

TEXT = """\
organization: Acme
departments:
  mkt: {function: marketing}
  care: {name: Customer Care, function: customer_service}
  pr: {function: pr}
tasks:
  answer:
    activity: respond
    raci: {care: RA, mkt: C, pr: I}
  post:
    activity: publish
    raci: {mkt: RA, pr: C}
"""


@pytest.fixture
def org() -> Organization:
    return raci.loads(TEXT, "acme.yaml")


def _data() -> dict[str, Any]:
    return {
        "organization": "Acme",
        "departments": {"care": {"function": "customer_service"}},
        "tasks": {"answer": {"activity": "respond", "raci": {"care": "RA"}}},
    }


# -- immutable ---------------------------------------------------------------------------


def test_fields_cannot_be_set(org: Organization) -> None:
    with pytest.raises(pydantic.ValidationError, match="frozen"):
        org.tasks["answer"].activity = "nonsense"  # type: ignore[misc]
    with pytest.raises(pydantic.ValidationError, match="frozen"):
        org.organization = "Other"  # type: ignore[misc]


@pytest.mark.parametrize(
    "mutate",
    [
        lambda o: o.tasks["answer"].raci.__setitem__("ghost", frozenset("R")),
        lambda o: o.tasks["answer"].raci.pop("care"),
        lambda o: o.tasks.__setitem__("new", o.tasks["post"]),
        lambda o: o.departments.clear(),
        lambda o: o.departments.update({"x": o.departments["mkt"]}),
        lambda o: o.tasks.__delitem__("post"),
    ],
)
def test_mappings_inside_are_read_only(org: Organization, mutate: Any) -> None:
    before = raci.check(org).findings
    with pytest.raises(TypeError, match="read-only"):
        mutate(org)
    assert raci.check(org).findings == before
    assert len(org.tasks) == 2 and set(org.tasks["answer"].raci) == {"care", "mkt", "pr"}


def test_lists_are_tuples(org: Organization) -> None:
    dept = Department(function="sales", roles=["lead"])
    assert dept.roles == ("lead",)
    assert Task(activity="publish", channels=["x"]).channels == ("x",)


# -- every way in runs the same checks -----------------------------------------------------


def _ghost() -> dict[str, Any]:
    data = _data()
    data["tasks"]["answer"]["raci"]["ghost"] = "RA"
    return data


@pytest.mark.parametrize(
    "make",
    [
        lambda d: Organization.from_data(d),
        lambda d: Organization.model_validate(d),
        lambda d: Organization(**d),
        lambda d: Organization.from_data(MappingProxyType(d)),
        lambda d: Organization.model_validate_json(__import__("json").dumps(d)),
        lambda d: raci.check(d),
    ],
)
def test_unknown_department_is_refused_on_every_path(make: Any) -> None:
    with pytest.raises(LoadError) as caught:
        make(_ghost())
    assert [p.message for p in caught.value.problems] == ["task 'answer' names unknown department 'ghost'"]
    assert caught.value.problems[0].path == ("tasks", "answer", "raci", "ghost")


def test_typed_objects_inside_data_are_cross_checked() -> None:
    data = {"organization": "x", "tasks": {"t": Task(activity="respond", raci={"ghost": "RA"})}}
    with pytest.raises(LoadError, match="names unknown department 'ghost'"):
        Organization.from_data(data)
    with pytest.raises(LoadError, match="names unknown department 'ghost'"):
        Organization(organization="x", tasks={"t": Task(activity="respond", raci={"ghost": "RA"})})
    ok = Organization(
        organization="x",
        departments={"care": Department(function="customer_service")},
        tasks={"t": Task(activity="respond", raci={"care": "RA"})},
    )
    assert ok.tasks["t"].raci == {"care": frozenset({Letter.RESPONSIBLE, Letter.ACCOUNTABLE})}


def test_ids_that_differ_only_by_spaces_are_refused_in_any_mapping() -> None:
    departments = MappingProxyType({"care": {"function": "customer_service"}, "care ": {"function": "sales"}})
    with pytest.raises(LoadError, match="duplicate id 'care'"):
        Organization.from_data(MappingProxyType({"organization": "x", "departments": departments}))
    with pytest.raises(pydantic.ValidationError, match="duplicate id 'a'"):
        Task(activity="respond", raci={"a": "R", "a ": "A"})


def test_model_validate_raises_load_error_not_pydantic() -> None:
    with pytest.raises(LoadError, match="unknown function"):
        Organization.model_validate({"organization": "x", "departments": {"c": {"function": "nope"}}})
    with pytest.raises(LoadError, match="not valid JSON"):
        Organization.model_validate_json("{")


def test_model_copy_with_changes_is_validated(org: Organization) -> None:
    assert org.model_copy(update={"organization": "Other"}).organization == "Other"
    with pytest.raises(LoadError):
        org.model_copy(update={"organization": ""})
    with pytest.raises(pydantic.ValidationError):
        org.tasks["answer"].model_copy(update={"activity": "nonsense"})


# -- equality, hashing, pickling -----------------------------------------------------------


def test_equality_is_by_content_not_source(org: Organization) -> None:
    other = raci.loads(TEXT, "elsewhere.yaml")
    assert other.source != org.source
    assert other == org and hash(other) == hash(org)
    assert org.assign("answer", "mkt", "C") == org  # the same letters: the same organisation
    assert org.assign("answer", "mkt", "I") != org


def test_pickle_and_deepcopy_keep_content_and_source(org: Organization) -> None:
    for again in (pickle.loads(pickle.dumps(org)), copy.deepcopy(org)):
        assert again == org and again.source == "acme.yaml"
        with pytest.raises(TypeError):
            again.tasks["answer"].raci.pop("care")


# -- edits ----------------------------------------------------------------------------------


def test_assign_and_unassign(org: Organization) -> None:
    after = org.assign("answer", "mkt", "R")
    assert after.tasks["answer"].raci["mkt"] == {Letter.RESPONSIBLE}
    assert org.tasks["answer"].raci["mkt"] == {Letter.CONSULTED}  # the original is untouched
    assert after.assign("post", "care", {Letter.INFORMED}).tasks["post"].raci["care"] == {Letter.INFORMED}
    removed = org.unassign("answer", "pr")
    assert list(removed.tasks["answer"].raci) == ["care", "mkt"]
    assert removed.unassign("answer", "pr") == removed


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda o: o.assign("nope", "mkt", "R"), "no task 'nope'"),
        (lambda o: o.assign("answer", "ghost", "R"), "no department 'ghost'"),
        (lambda o: o.assign("answer", "mkt", "X"), "unknown RACI letter 'X'"),
        (lambda o: o.assign("answer", "mkt", "RR"), "letter R is written twice"),
        (lambda o: o.add_task("post", {"activity": "publish"}), "there is already a task 'post'"),
        (lambda o: o.add_task("new", {"activity": "dance"}), "unknown activity 'dance'"),
        (lambda o: o.add_task("new", {"activity": "publish", "raci": {"ghost": "R"}}), "unknown department"),
        (lambda o: o.add_department("mkt", {"function": "sales"}), "there is already a department 'mkt'"),
        (lambda o: o.remove_task("nope"), "no task 'nope'"),
        (lambda o: o.remove_department("nope"), "no department 'nope'"),
        (lambda o: o.rename_department("mkt", "care"), "there is already a department 'care'"),
        (lambda o: o.rename_department("nope", "x"), "no department 'nope'"),
    ],
)
def test_edits_refuse_what_would_not_be_valid(org: Organization, edit: Any, message: str) -> None:
    with pytest.raises(LoadError, match=message):
        edit(org)


def test_add_and_remove_task(org: Organization) -> None:
    after = org.add_task("review", Task(activity="measure", raci={"mkt": "RA"}))
    assert list(after.tasks) == ["answer", "post", "review"]
    also = org.add_task("review", {"activity": "measure", "raci": {"mkt": "RA"}})
    assert also == after
    assert after.remove_task("review") == org


def test_add_department_and_remove_it_with_its_letters(org: Organization) -> None:
    after = org.add_department("sales", Department(function="sales")).assign("post", "sales", "I")
    assert after.tasks["post"].raci["sales"] == {Letter.INFORMED}
    gone = org.remove_department("pr")
    assert list(gone.departments) == ["mkt", "care"]
    assert all("pr" not in task.raci for task in gone.tasks.values())
    assert "pr" in org.departments  # the original is untouched


def test_rename_department_keeps_place_and_letters(org: Organization) -> None:
    after = org.rename_department("mkt", "marketing")
    assert list(after.departments) == ["marketing", "care", "pr"]
    assert list(after.tasks["answer"].raci) == ["care", "marketing", "pr"]
    assert after.tasks["post"].raci["marketing"] == org.tasks["post"].raci["mkt"]
    assert raci.check(after).findings  # still checks
    codes = sorted(f.code for f in raci.check(after).findings)
    assert codes == sorted(f.code for f in raci.check(org).findings)


def test_edited_org_keeps_pointing_into_its_file(org: Organization) -> None:
    after = org.assign("answer", "mkt", "I").add_task("review", {"activity": "measure", "raci": {"pr": "R"}})
    assert after.source == "acme.yaml"
    lines = {(f.code, f.task): f.line for f in raci.check(after).findings}
    assert lines[("RACI001", "review")] == 6  # a new task: the `tasks:` line
    assert {line for (_, task), line in lines.items() if task == "post"} == {10}
    data_org = Organization.from_data(org.model_dump())
    assert {f.line for f in raci.check(data_org.assign("answer", "mkt", "I")).findings} == {None}
