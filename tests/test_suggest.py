"""`raci suggest`: changes that clear findings within capacity, and `--apply`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import raci
from raci.workshop.suggest import responsible_hours, suggest
from raci.yaml.editor import Unsupported, edit_org_text

from .conftest import EXAMPLES, run_subprocess

EXAMPLE_FILES = sorted(EXAMPLES.glob("*.yaml"))
SILO = EXAMPLES / "marketing-owns-everything.yaml"
CLASSIC = EXAMPLES / "classic-raci-mistakes.yaml"
SHARED = EXAMPLES / "shared-ownership.yaml"


def errors(org: raci.Organization) -> int:
    return sum(1 for f in raci.check(org).findings if f.severity is raci.Severity.ERROR)


@pytest.mark.parametrize("example", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_apply_checks_cleaner_within_capacity(cli, tmp_path: Path, example: Path) -> None:
    out = tmp_path / "new.yaml"
    run = cli("suggest", str(example), "--apply", "-o", str(out))
    assert run.code == 0, run.stderr
    before, after = raci.load(example), raci.load(out)
    if errors(before):
        assert errors(after) < errors(before)
    assert len(raci.check(after).findings) <= len(raci.check(before).findings)
    old_hours, new_hours = responsible_hours(before), responsible_hours(after)
    for dept_id, dept in after.departments.items():
        if dept.capacity_hours is not None and new_hours[dept_id] > dept.capacity_hours:
            assert new_hours[dept_id] <= old_hours[dept_id]
    assert "edited in place; comments kept" in run.stderr
    # Comments of the original file survive.
    first_comment = example.read_text(encoding="utf-8").splitlines()[0]
    assert out.read_text(encoding="utf-8").startswith(first_comment)


def test_silo_example_suggestions(cli) -> None:
    run = cli("suggest", str(SILO))
    assert run.code == 0
    out = run.stdout
    assert (
        "  2. Customer Care I -> RA on answer-comments; Marketing RA -> C on answer-comments  "
        "[clears SOC102, SOC104]" in out
    )
    assert "add task handle-incidents (recover): Founder's Office RA" in out
    assert "Wholesale Sales I -> RA on answer-wholesale-leads" in out
    assert "note: effort_hours 3 h is an estimate" in out
    assert out.rstrip().endswith("With all applied: errors 3 -> 0, warnings 5 -> 0, infos 0 -> 0")


def test_applied_file_is_a_minimal_edit(cli, tmp_path: Path) -> None:
    out = tmp_path / "new.yaml"
    cli("suggest", str(SILO), "--apply", "-o", str(out))
    old = SILO.read_text(encoding="utf-8").splitlines()
    new = out.read_text(encoding="utf-8").splitlines()
    changed = [(a, b) for a, b in zip(old, new[: len(old)], strict=True) if a != b]
    assert changed == [
        ("    raci: {marketing: RA, care: I}", "    raci: {marketing: C, care: RA}"),
        ("    raci: {marketing: RA, sales: I}", "    raci: {marketing: C, sales: RA}"),
    ]
    assert new[len(old) :][:6] == [
        "",
        "  handle-incidents:",
        "    name: Own and fix public mistakes openly",
        "    activity: recover",
        "    effort_hours: 3",
        "    raci: {press: RA, marketing: C, care: I, sales: I}",
    ]


def test_capacity_trade_off_is_explained(cli, tmp_path: Path) -> None:
    org = tmp_path / "tight.yaml"
    org.write_text(
        """organization: Tight
departments:
  marketing: {function: marketing, capacity_hours: 40}
  care: {function: customer_service, capacity_hours: 3}
tasks:
  answer: {activity: respond, effort_hours: 8, raci: {marketing: RA, care: I}}
""",
        encoding="utf-8",
    )
    run = cli("suggest", str(org), "--format", "json")
    data = json.loads(run.stdout)
    changed = [op for s in data["suggestions"] for op in s["operations"] if op.get("task") == "answer"]
    assert not any(op.get("department") == "care" and "R" in op.get("letters", "") for op in changed)
    reasons = {item["code"]: item["reason"] for item in data["unresolved"]}
    # care and marketing would share the 8 h task: 4 h each, past care's 3 h.
    assert "would put care at 4 h a week, over its capacity of 3 h" in reasons["SOC102"]


def test_overload_that_cannot_move_is_explained(cli) -> None:
    out = cli("suggest", str(CLASSIC)).stdout
    assert "Left as they are:" in out
    assert "warning RACI006 department 'Customer Success' has 51.25 h of work a week" in out
    assert "would add SOC102 (error); raise capacity_hours of Customer Success to 51.25 h" in out


def test_clean_org_gets_nothing_and_apply_keeps_it(cli, tmp_path: Path) -> None:
    out = tmp_path / "same.yaml"
    run = cli("suggest", str(SHARED), "--apply", "-o", str(out))
    assert "none: no single assignment change" in run.stdout
    assert out.read_text(encoding="utf-8") == SHARED.read_text(encoding="utf-8")


def test_deterministic(cli, tmp_path: Path) -> None:
    outputs = []
    for name in ("a.yaml", "b.yaml"):
        run = cli("suggest", str(CLASSIC), "--apply", "-o", str(tmp_path / name), "--format", "json")
        outputs.append((run.stdout, (tmp_path / name).read_bytes()))
    assert outputs[0] == outputs[1]


def test_flow_style_tasks_are_written_anew(cli, tmp_path: Path) -> None:
    org = tmp_path / "flow.yaml"
    org.write_text(
        "# a comment\norganization: F\n"
        "departments: {m: {function: marketing}, c: {function: support}, p: {function: pr}}\n"
        "tasks: {answer: {activity: respond, effort_hours: 2, raci: {m: RA, c: I, p: I}}}\n",
        encoding="utf-8",
    )
    out = tmp_path / "new.yaml"
    run = cli("suggest", str(org), "--apply", "-o", str(out))
    assert run.code == 0
    assert "written anew; comments of the original are not kept" in run.stderr
    assert errors(raci.load(out)) < errors(raci.load(org))
    assert "handle-incidents" in raci.load(out).tasks


def test_block_raci_and_new_fields_are_edited_in_place() -> None:
    text = """organization: B   # keep
departments:
  m: {function: marketing}
  c: {function: support}
tasks:
  answer:
    activity: respond   # why
    raci:
      m: RA   # marketing answers today
  post:
    activity: publish
    raci: {m: RA}
"""
    before = raci.loads(text)
    answer = before.tasks["answer"]
    new_raci = {**answer.raci, "c": frozenset({raci.Letter("I")})}
    after = before.model_copy(
        update={
            "tasks": {
                **before.tasks,
                "answer": answer.model_copy(update={"raci": new_raci, "effort_hours": 3.0}),
            }
        }
    )
    edited = edit_org_text(text, before, after)
    assert edited.splitlines()[6:11] == [
        "    activity: respond   # why",
        "    effort_hours: 3",
        "    raci:",
        "      m: RA   # marketing answers today",
        "      c: I",
    ]
    removed = before.model_copy(update={"tasks": {"answer": answer}})
    with pytest.raises(Unsupported):
        edit_org_text(text, before, removed)


def test_options_and_errors(cli, tmp_path: Path) -> None:
    assert cli("suggest", str(SILO), "--apply").code == 2
    assert cli("suggest", str(SILO), "-o", str(tmp_path / "x.yaml")).code == 2
    assert not (tmp_path / "x.yaml").exists()
    missing = cli("suggest", str(tmp_path / "missing.yaml"))
    assert missing.code == 2 and "cannot read file" in missing.stderr
    markdown = cli("suggest", str(SILO), "--format", "markdown").stdout
    assert markdown.startswith("### raci suggest: 6 changes for Brightside Coffee Roasters")


def test_library_result() -> None:
    result = suggest(raci.check(raci.load(SILO)))
    assert len(result.suggestions) == 6
    assert result.after.counts()[raci.Severity.ERROR] == 0
    assert {f.code for s in result.suggestions for f in s.resolved} >= {"SOC102", "SOC103", "SOC301"}
    assert result.before.org.tasks["answer-comments"].raci != result.org.tasks["answer-comments"].raci


def test_suggest_apply_as_subprocess(tmp_path: Path) -> None:
    out = tmp_path / "new.yaml"
    run = run_subprocess("suggest", str(CLASSIC), "--apply", "-o", str(out))
    assert run.code == 0, run.stderr
    assert errors(raci.load(out)) == 0 < errors(raci.load(CLASSIC))
