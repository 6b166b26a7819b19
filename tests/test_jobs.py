"""`raci check --jobs N`: many files on several cores, output identical to one at a time."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import raci
from raci.checking import parallel
from raci.checking.parallel import MANY_FILES, check_files, default_jobs
from tests.conftest import ROOT, run_subprocess

sys.path.insert(0, str(ROOT / "benchmarks"))
import generate_org

FILES = MANY_FILES + 8  # enough for the default to go parallel


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Real-shaped orgs of different sizes, three of them broken in different ways."""
    root = tmp_path_factory.mktemp("many")
    for index in range(FILES):
        text = generate_org.generate(4 + index % 7, 10 + 3 * index, 3, index)
        if index == 5:
            text = text.replace("activity:", "activity: nonsense #", 1)
        elif index == 17:
            text += "  broken: [unclosed\n"
        elif index == 30:
            text = "organization: \n"
        (root / f"org{index:03}.yaml").write_text(text, encoding="utf-8")
    return root


@pytest.mark.parametrize("report", ["json", "sarif", "text", "github"])
def test_output_is_identical_whatever_the_number_of_jobs(folder: Path, report: str) -> None:
    runs = [
        run_subprocess("check", str(folder), "--format", report, *jobs, timeout=300)
        for jobs in (["--jobs", "1"], ["--jobs", "3"], [])
    ]
    one = runs[0]
    assert one.code == 2 and one.stdout and one.stderr.count("\n") >= 3
    for other in runs[1:]:
        assert (other.code, other.stdout, other.stderr) == (one.code, one.stdout, one.stderr)


def test_stdin_among_files_is_read_once_in_order(folder: Path) -> None:
    text = (folder / "org000.yaml").read_text(encoding="utf-8")
    files = [str(folder / "org001.yaml"), "-", str(folder / "org002.yaml")]
    one = run_subprocess("check", *files, "--jobs", "1", "-f", "json", stdin=text)
    two = run_subprocess("check", *files, "--jobs", "2", "-f", "json", stdin=text)
    assert one.code == 1 and (two.code, two.stdout) == (one.code, one.stdout)
    assert '"file": "<stdin>"' in one.stdout


def test_jobs_must_be_positive(folder: Path) -> None:
    run = run_subprocess("check", str(folder), "--jobs", "0")
    assert run.code == 2 and "--jobs" in run.stderr and "Traceback" not in run.stderr


def test_check_files_returns_results_and_errors_in_order(folder: Path) -> None:
    names = sorted(str(path) for path in folder.iterdir())
    serial = check_files(names, jobs=1)
    pooled = check_files(names, jobs=2)
    assert [type(outcome).__name__ for outcome in pooled] == [type(outcome).__name__ for outcome in serial]
    assert [i for i, outcome in enumerate(pooled) if isinstance(outcome, raci.LoadError)] == [5, 17, 30]
    for a, b in zip(serial, pooled, strict=True):
        if isinstance(a, raci.CheckResult):
            assert isinstance(b, raci.CheckResult)
            assert (a.org, a.findings, a.source) == (b.org, b.findings, b.source)
        else:
            assert isinstance(b, raci.LoadError) and a.problems == b.problems
    with pytest.raises(ValueError, match="jobs must be at least 1"):
        check_files(names, jobs=0)


def test_default_is_one_worker_per_core_from_many_files(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "available_cores", lambda: 4)
    assert default_jobs(MANY_FILES - 1) == 1
    assert default_jobs(MANY_FILES) == 4
    monkeypatch.setattr(parallel, "available_cores", lambda: 64)
    assert default_jobs(MANY_FILES) == MANY_FILES  # never more workers than files
