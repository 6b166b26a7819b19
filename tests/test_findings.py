"""Findings: ordering, immutability and their dict form."""

from __future__ import annotations

import dataclasses

import pytest

from raci.model.findings import Finding
from raci.model.severity import Severity


def test_to_dict_has_every_field() -> None:
    finding = Finding("RACI001", Severity.ERROR, "m", "f.yaml", 3, 5, rule="one-accountable", task="t")
    data = finding.to_dict()
    # The waiver's reason is written as the two keys JSON readers look for.
    # ``letter`` is a detail the views read; the message says it (the JSON contract holds).
    fields = [field.name for field in dataclasses.fields(Finding) if field.name not in ("waiver", "letter")]
    assert list(data) == [*fields, "waived", "reason"]
    assert data["severity"] == "error"
    assert data["line"] == 3
    assert (data["waived"], data["reason"]) == (False, None)
    waived = dataclasses.replace(finding, waiver="HR answers candidates").to_dict()
    assert (waived["waived"], waived["reason"]) == (True, "HR answers candidates")


def test_positions_are_one_based() -> None:
    with pytest.raises(ValueError):
        Finding("RACI001", Severity.ERROR, "m", "f.yaml", 0, 1)
    with pytest.raises(ValueError):
        Finding("RACI001", Severity.ERROR, "m", "f.yaml", 1, 0)


def test_sorted_by_position_then_code() -> None:
    a = Finding("SOC101", Severity.ERROR, "m", "a.yaml", 2, 1)
    b = Finding("RACI001", Severity.ERROR, "m", "a.yaml", 2, 1)
    c = Finding("RACI001", Severity.ERROR, "m", "a.yaml", 1, 9)
    assert sorted([a, b, c]) == [c, b, a]


def test_severity_order() -> None:
    assert Severity.ERROR > Severity.WARNING > Severity.INFO
    assert max([Severity.INFO, Severity.ERROR, Severity.WARNING]) is Severity.ERROR
