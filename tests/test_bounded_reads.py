"""Every read is bounded, and what is not a file is refused at once.

Org files, configs, baselines and spreadsheets go through one reader (``files.read_bounded``):
a device, a FIFO with no writer, or a link to either is refused before a byte is read (exit
2, the file named), and hostile workbooks (truncated, entity bomb, XXE, zip bomb) are exit 2
naming the sheet and the member of the zip, never "a bug". All through the CLI.
"""

from __future__ import annotations

import io
import json
import os
import zipfile
from pathlib import Path

import pytest

import raci
from raci.workshop.spreadsheet.xlsx_export import export_xlsx
from tests.conftest import EXAMPLES, run_subprocess

ORG = EXAMPLES / "shared-ownership.yaml"


def _not_files(tmp_path: Path, suffix: str) -> dict[str, Path]:
    fifo = tmp_path / f"pipe{suffix}"
    os.mkfifo(fifo)  # nobody ever writes to it: reading it would block forever
    targets = {"FIFO": fifo}
    for label, target in (("link to /dev/zero", "/dev/zero"), ("link to FIFO", str(fifo))):
        link = tmp_path / f"{label.replace(' ', '-').replace('/', '')}{suffix}"
        link.symlink_to(target)
        targets[label] = link
    if suffix == ".yaml":
        targets["/dev/zero"] = Path("/dev/zero")
    return targets


@pytest.mark.parametrize(
    ("suffix", "command"),
    [
        (".yaml", ("check", "{path}")),
        (".yaml", ("check", str(ORG), "--config", "{path}")),
        (".json", ("check", str(ORG), "--baseline", "{path}")),
        (".csv", ("import", "{path}")),
        (".xlsx", ("import", "{path}")),
        (".yaml", ("render", "{path}", "-f", "dot")),
    ],
    ids=["org", "config", "baseline", "csv", "xlsx", "render"],
)
def test_devices_and_fifos_are_refused_at_once(tmp_path: Path, suffix: str, command: tuple[str, ...]) -> None:
    for label, path in _not_files(tmp_path, suffix).items():
        run = run_subprocess(*(part.replace("{path}", str(path)) for part in command), timeout=30)
        # (a blocked read would have timed out above)
        assert run.code == 2, (label, run.stderr)
        assert "not a regular file" in run.stderr, (label, run.stderr)
        assert "Traceback" not in run.stderr


def test_a_stdin_pipe_is_still_read(tmp_path: Path) -> None:
    run = run_subprocess("check", "-", stdin=ORG.read_bytes())
    assert run.code in (0, 1), run.stderr


def _workbook() -> bytes:
    org = raci.load(ORG)
    return export_xlsx(org, raci.check(org).findings)


def _replace_member(data: bytes, member: str, content: bytes) -> bytes:
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            target.writestr(info, content if info.filename == member else source.read(info.filename))
    return out.getvalue()


def _sheet_member(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return next(name for name in archive.namelist() if name.startswith("xl/worksheets/sheet"))


ENTITY_BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="inlineStr"><is><t>&lol3;</t></is></c></row></sheetData></worksheet>"""

XXE = b"""<?xml version="1.0"?>
<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c></row></sheetData></worksheet>"""


@pytest.mark.parametrize("attack", ["truncated", "entity-bomb", "xxe"])
def test_a_hostile_sheet_is_exit_2_naming_the_sheet_and_member(tmp_path: Path, attack: str) -> None:
    data = _workbook()
    member = _sheet_member(data)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        original = archive.read(member)
    content = {"truncated": original[: len(original) // 2], "entity-bomb": ENTITY_BOMB, "xxe": XXE}[attack]
    path = tmp_path / "hostile.xlsx"
    path.write_bytes(_replace_member(data, member, content))
    out = tmp_path / "org.yaml"
    run = run_subprocess("import", str(path), "-o", str(out))
    assert run.code == 2, run.stderr
    assert "Traceback" not in run.stderr and "internal error" not in run.stderr
    assert member in run.stderr, run.stderr
    if attack == "truncated":  # found while the sheet is read: its name too
        assert "sheet 'RACI'" in run.stderr
    assert "root:" not in run.stderr  # nothing of /etc/passwd
    assert not out.exists()


def test_a_zip_bomb_is_refused_from_the_directory(tmp_path: Path) -> None:
    # 600 MiB of zeros compress to about 600 KB: refused before anything is inflated.
    out = io.BytesIO()
    source = zipfile.ZipFile(io.BytesIO(_workbook()))
    with source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info, source.read(info.filename))
        with target.open("xl/media/bomb.bin", "w") as stream:
            chunk = bytes(1024 * 1024)
            for _ in range(600):
                stream.write(chunk)
    path = tmp_path / "bomb.xlsx"
    path.write_bytes(out.getvalue())
    assert path.stat().st_size < 2 * 1024 * 1024
    run = run_subprocess("import", str(path))
    assert run.code == 2, run.stderr
    assert "unpacks to more than 512 MiB" in run.stderr


def test_a_malformed_baseline_shows_fifty_problems_in_order_with_their_lines(tmp_path: Path) -> None:
    entries = [{"code": "RACI001", "file": "x.yaml", "count": 1} for _ in range(10)]
    entries += [{"code": "RACI001", "count": 0} for _ in range(200)]  # no file, count 0
    path = tmp_path / "baseline.json"
    path.write_text(json.dumps({"baseline_version": 1, "findings": entries}, indent=2), encoding="utf-8")
    run = run_subprocess("check", str(ORG), "--baseline", str(path))
    assert run.code == 2, run.stderr
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 51
    assert lines[-1].endswith("stopping after 50 problems (150 more not shown)")
    text_lines = path.read_text(encoding="utf-8").splitlines()
    places = []
    for line in lines[:-1]:
        _, number, column, _ = line.split(":", 3)
        places.append((int(number), int(column)))
        assert text_lines[int(number) - 1][int(column) - 1] == "{", line
    assert places == sorted(places)
    # Entry 10 (the first bad one) is the 11th object of the list: 5 lines each, after 3.
    assert places[0] == (3 + 5 * 10 + 1, 5)
