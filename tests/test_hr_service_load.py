"""The HR-service load test: many threads, valid and hostile uploads mixed, one library.

A small service function takes an uploaded org file (or XLSX matrix) as bytes and answers
with plain data: the findings, or the located problems. It catches ``raci.Error`` and
nothing else, so any other exception escaping the library fails the test. The same uploads
are answered once on one thread, then by ``THREADS`` threads in a shuffled order; every
answer must be identical to the single-threaded one.

The suite runs a short profile (``RACI_HR_REQUESTS``, default 240 requests). The longer
profile, documented in docs/api.md, is 8 threads x 400 requests:

    RACI_HR_REQUESTS=3200 python -m pytest -q tests/test_hr_service_load.py
"""

from __future__ import annotations

import os
import random
import sys
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

import raci
from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
import generate_org

THREADS = 8
REQUESTS = int(os.environ.get("RACI_HR_REQUESTS", "240"))
#: What the service accepts: small uploads, refused past these bounds.
LIMITS = raci.Limits(max_bytes=2 * 1024 * 1024, max_depth=32, max_items=200_000)

Answer = tuple[str, Any]


def serve(kind: str, payload: bytes) -> Answer:
    """One request: ("ok", findings) or ("refused", problems). Only raci.Error is caught."""
    try:
        if kind == "xlsx":
            org = raci.import_sheet(payload, "xlsx", source_name="upload.xlsx").org
        else:
            org = raci.loads(payload, "upload.yaml", limits=LIMITS)
        result = raci.check(org)
    except raci.Error as error:
        problems = error.problems if isinstance(error, raci.LoadError) else ()
        return ("refused", [problem.to_dict() for problem in problems] or [str(error)])
    return ("ok", [finding.to_dict() for finding in result.findings])


def _alias_bomb() -> bytes:
    lines = ["organization: Bomb", "departments:", "  mkt: {function: marketing}", "tasks:"]
    lines.append("  t0: {activity: publish, raci: {mkt: RA}, channels: &c0 [" + ", ".join(["x"] * 40) + "]}")
    for level in range(1, 12):
        refs = ", ".join([f"*c{level - 1}"] * 40)
        lines.append(f"  t{level}: {{activity: publish, raci: {{mkt: RA}}, channels: &c{level} [{refs}]}}")
    return ("\n".join(lines) + "\n").encode()


def uploads() -> list[tuple[str, str, bytes]]:
    """(label, kind, bytes): real-shaped orgs, and the hostile uploads an HR service sees."""
    small = generate_org.generate(10, 30, 4, 1)
    large = generate_org.generate(15, 60, 5, 2)
    xlsx = raci.export_sheet(raci.check(raci.loads(small)), "xlsx")
    valid = [
        ("10x30", "yaml", small.encode()),
        ("15x60", "yaml", large.encode()),
        ("15x60 utf-16", "yaml", large.encode("utf-16")),
        ("example", "yaml", (ROOT / "org_examples" / "classic-raci-mistakes.yaml").read_bytes()),
        ("matrix", "xlsx", xlsx),
    ]
    hostile = [
        ("alias bomb", "yaml", _alias_bomb()),
        ("brackets", "yaml", b"[" * 200_000),
        ("deep", "yaml", b"organization: A\ndescription: " + b"[" * 40 + b"]" * 40 + b"\n"),
        ("too large", "yaml", b"organization: A\n" + b"#" * (3 * 1024 * 1024) + b"\n"),
        ("not utf-8", "yaml", b"organization: \xff\xfe\xfa\n"),
        ("nul bytes", "yaml", b"organization: A\x00\x00\n"),
        ("binary", "yaml", bytes(range(256)) * 40),
        ("python tag", "yaml", b"organization: !!python/object/apply:os.system [ls]\n"),
        ("empty", "yaml", b""),
        ("a list", "yaml", b"- organization: A\n"),
        ("ghost department", "yaml", small.replace("dept-0001", "ghost", 3).encode()),
        ("ids equal trimmed", "yaml", b"organization: A\ndepartments:\n  care: {function: sales}\n"
         b"  'care ': {function: sales}\n"),
        ("bidi override", "yaml", "organization: A\u202eB\n".encode()),
        ("huge number", "yaml", b"organization: A\ntasks:\n  t: {activity: sell, effort_hours: 1e999}\n"),
        ("garbage xlsx", "xlsx", b"PK\x03\x04" + b"\x00" * 200),
        ("truncated xlsx", "xlsx", xlsx[: len(xlsx) // 2]),
        ("yaml as xlsx", "xlsx", small.encode()),
    ]  # fmt: skip
    return valid + hostile


@pytest.fixture(scope="module")
def corpus() -> list[tuple[str, str, bytes]]:
    return uploads()


@pytest.fixture(scope="module")
def expected(corpus: list[tuple[str, str, bytes]]) -> list[Answer]:
    return [serve(kind, payload) for _, kind, payload in corpus]


def test_single_threaded_answers_are_what_they_should_be(
    corpus: list[tuple[str, str, bytes]], expected: list[Answer]
) -> None:
    valid = {"10x30", "15x60", "15x60 utf-16", "example", "matrix"}
    for (label, _, _), (status, _) in zip(corpus, expected, strict=True):
        assert status == ("ok" if label in valid else "refused"), label
    by_label = {label: answer for (label, _, _), answer in zip(corpus, expected, strict=True)}
    assert by_label["15x60 utf-16"] == by_label["15x60"]
    assert "larger than the limit" in by_label["too large"][1][0]["message"]
    assert "names unknown department 'dept-0001'" in by_label["ghost department"][1][0]["message"]


def test_threads_give_the_single_threaded_answers(
    corpus: list[tuple[str, str, bytes]], expected: list[Answer]
) -> None:
    rng = random.Random(14)
    order = [rng.randrange(len(corpus)) for _ in range(REQUESTS)]
    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        answers = list(pool.map(lambda index: serve(corpus[index][1], corpus[index][2]), order))
    wrong = [corpus[i][0] for i, answer in zip(order, answers, strict=True) if answer != expected[i]]
    assert wrong == []
    assert len(set(order)) == len(corpus)  # every upload was served, most many times
