"""Files raci writes keep their privacy: the umask for new files, the old mode (and owner)
for replaced ones; stale temporaries of a killed run are cleaned up beside the target."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from raci.files import STALE_SECONDS, remove_stale_temporaries, write_atomic
from tests.conftest import EXAMPLES

ORG = str(EXAMPLES / "classic-raci-mistakes.yaml")


def _raci(umask: int, *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "raci", *args],
        capture_output=True,
        env={**os.environ, "NO_COLOR": "1"},
        preexec_fn=lambda: os.umask(umask),
        check=False,
        timeout=120,
    )


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize(("umask", "expected"), [(0o077, 0o600), (0o022, 0o644), (0o027, 0o640)])
@pytest.mark.parametrize(
    "command",
    [
        ("check", ORG, "--format", "json", "--output", "{out}"),
        ("render", ORG, "-f", "svg", "-o", "{out}"),
        ("check", ORG, "--write-baseline", "{out}"),
    ],
    ids=["check-output", "render", "baseline"],
)
def test_new_output_files_honour_the_umask(
    tmp_path: Path, umask: int, expected: int, command: tuple[str, ...]
) -> None:
    out = tmp_path / "result.out"
    run = _raci(umask, *(part.format(out=out) for part in command))
    assert run.returncode in (0, 1), run.stderr
    assert _mode(out) == expected


def test_a_replaced_file_keeps_its_mode(tmp_path: Path) -> None:
    out = tmp_path / "private.json"
    out.write_text("old", encoding="utf-8")
    out.chmod(0o600)
    run = _raci(0o022, "check", ORG, "--format", "json", "--output", str(out))
    assert run.returncode == 1, run.stderr
    assert out.read_text(encoding="utf-8") != "old"
    assert _mode(out) == 0o600
    out.chmod(0o640)
    _raci(0o000, "check", ORG, "--format", "json", "--output", str(out))
    assert _mode(out) == 0o640


@pytest.mark.skipif(os.geteuid() != 0, reason="only root may give a file to another owner")
def test_a_replaced_file_keeps_its_owner_when_root_writes_it(tmp_path: Path) -> None:
    out = tmp_path / "owned.json"
    out.write_text("old", encoding="utf-8")
    os.chown(out, 12345, 12346)
    write_atomic(out, b"new")
    found = out.stat()
    assert (found.st_uid, found.st_gid) == (12345, 12346)
    assert out.read_bytes() == b"new"


def test_stale_temporaries_beside_the_target_are_removed_when_it_is_written(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    stale = tmp_path / ".report.json.ab12cd_9.tmp"
    fresh = tmp_path / ".report.json.zz99yy00.tmp"  # a write in progress: left alone
    other = tmp_path / ".other.json.ab12cd_9.tmp"  # another target's: left alone
    odd = tmp_path / ".report.json.not-ours.tmp"  # not raci's pattern: left alone
    for path in (stale, fresh, other, odd):
        path.write_text("half", encoding="utf-8")
    old = time.time() - STALE_SECONDS - 60
    for path in (stale, other, odd):
        os.utime(path, (old, old))
    run = _raci(0o022, "check", ORG, "--format", "json", "--output", str(out))
    assert run.returncode == 1, run.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([out.name, fresh.name, other.name, odd.name])


def test_stale_means_older_than_an_hour(tmp_path: Path) -> None:
    target = tmp_path / "x.svg"
    temporary = tmp_path / ".x.svg.abcdefgh.tmp"
    temporary.write_text("", encoding="utf-8")
    written = temporary.stat().st_mtime
    assert remove_stale_temporaries(target, now=written + STALE_SECONDS - 1) == []
    assert remove_stale_temporaries(target, now=written + STALE_SECONDS) == []
    assert remove_stale_temporaries(target, now=written + STALE_SECONDS + 1) == [temporary]
    assert not temporary.exists()
