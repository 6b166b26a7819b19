"""Task audience: the rules about answering customers look at customer-facing work only."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import raci
from raci.model.errors import LoadError
from raci.model.vocabulary import Audience
from tests.conftest import DATA, run_subprocess

WORKSHOP = DATA / "workshop_hr.yaml"
HR_TASK = "job-replies"


def _letters(path: Path, task: str) -> dict[str, str]:
    org = raci.load(path)
    raci_map = org.model_dump(mode="json")["tasks"][task]["raci"]
    return {dept: "".join(sorted(letters)) for dept, letters in raci_map.items()}


def test_workshop_org_has_the_size_of_a_workshop() -> None:
    org = raci.load(WORKSHOP)
    assert (len(org.departments), len(org.tasks)) == (11, 25)
    assert org.tasks[HR_TASK].audience is Audience.CANDIDATES
    assert not org.tasks[HR_TASK].is_customer_facing
    assert org.tasks["complaints"].audience is Audience.CUSTOMERS  # the default
    assert org.tasks["complaints"].is_customer_facing


def test_replies_to_candidates_raise_no_customer_service_finding() -> None:
    run = run_subprocess("check", str(WORKSHOP), "--format", "json")
    findings = json.loads(run.stdout)["findings"]
    on_hr_task = sorted(f["code"] for f in findings if f["task"] == HR_TASK)
    assert on_hr_task == ["RACI001"]  # no A: RACI hygiene still applies to it
    assert not [f for f in findings if f["code"].startswith("SOC")]


def test_the_same_task_facing_customers_is_an_error(tmp_path: Path) -> None:
    """Without the audience the HR task is customer service's business: SOC102 fires."""
    text = WORKSHOP.read_text(encoding="utf-8").replace("    audience: candidates\n", "", 1)
    path = tmp_path / "org.yaml"
    path.write_text(text, encoding="utf-8")
    run = run_subprocess("check", str(path), "--format", "json")
    codes = sorted(f["code"] for f in json.loads(run.stdout)["findings"] if f["task"] == HR_TASK)
    assert codes == ["RACI001", "SOC102"]
    assert run.code == 1


@pytest.mark.parametrize(
    "letters",
    ["{hr: R, marketing: C}", "{marketing: R, hr: C}", "{hr: A, marketing: C}", "{marketing: RA}"],
)
def test_suggest_apply_never_gives_candidate_replies_to_care(tmp_path: Path, letters: str) -> None:
    text = WORKSHOP.read_text(encoding="utf-8").replace("{hr: R, marketing: C}", letters, 1)
    source = tmp_path / "org.yaml"
    source.write_text(text, encoding="utf-8")
    out = tmp_path / "new.yaml"
    run = run_subprocess("suggest", str(source), "--apply", "-o", str(out))
    assert run.code in (0, 1), run.stderr
    after = _letters(out, HR_TASK)
    assert not set(after.get("care", "")) & {"R", "A"}, after
    # The task still ends with one A and an R, taken by the departments already on it.
    assert sum("A" in held for held in after.values()) == 1, after
    assert any("R" in held for held in after.values()), after
    # A silo task may get someone Informed (RACI007), but no new department does the work.
    assert all(held == "I" for dept, held in after.items() if dept not in ("hr", "marketing")), after


def test_audience_aliases_and_unknown_audience_located(tmp_path: Path) -> None:
    org = raci.loads(
        "organization: X\ndepartments: {hr: {function: hr}}\n"
        "tasks:\n  a: {activity: respond, audience: Job-Seekers, raci: {hr: RA}}\n"
        "  b: {activity: respond, audience: press, raci: {hr: RA}}\n"
    )
    assert org.tasks["a"].audience is Audience.CANDIDATES
    assert org.tasks["b"].audience is Audience.MEDIA
    path = tmp_path / "bad.yaml"
    path.write_text(
        "organization: X\ndepartments: {hr: {function: hr}}\n"
        "tasks:\n  a: {activity: respond, audience: aliens, raci: {hr: RA}}\n",
        encoding="utf-8",
    )
    run = run_subprocess("check", str(path))
    assert run.code == 2
    assert f"{path}:4:36: " in run.stderr
    assert "unknown audience 'aliens'" in run.stderr
    assert "Traceback" not in run.stderr
    with pytest.raises(LoadError):
        raci.load(path)


def test_default_audience_is_not_written_back(tmp_path: Path) -> None:
    from raci.yaml.writer import dump_organization

    text = dump_organization(raci.load(WORKSHOP))
    assert text.count("audience:") == 5  # the five tasks that face someone else
    assert raci.loads(text).tasks[HR_TASK].audience is Audience.CANDIDATES


def test_audience_survives_the_spreadsheet_round_trip(tmp_path: Path) -> None:
    before = raci.load(WORKSHOP)
    for suffix in ("csv", "xlsx"):
        sheet = tmp_path / f"matrix.{suffix}"
        assert run_subprocess("export", str(WORKSHOP), "-o", str(sheet)).code == 0
        back = tmp_path / f"back-{suffix}.yaml"
        run = run_subprocess("import", str(sheet), "-o", str(back))
        assert run.code == 0, run.stderr
        after = raci.load(back)
        assert {t: task.audience for t, task in after.tasks.items()} == {
            t: task.audience for t, task in before.tasks.items()
        }
