"""The known input traps through the CLI, as a user (or HR tooling) runs it: `python -m raci`.

For each trap and each command that writes a file, the run must exit 2, say where the
problem is (``file:line:col: message``), show no traceback, and write nothing: the folder
holds exactly what it held before. Then: output paths (symbolic links, devices, folders
escaped), a reader that closes the pipe early, `dot` past its time or memory limit, and an
internal error (exit 3, a short report, the traceback only with ``--debug``).

Subprocesses run a few at a time in session fixtures; each test then reads its own result.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

import raci
from raci.files import UnsafeOutputError, output_path, write_atomic

from .conftest import EXAMPLES, Run, run_subprocess
from .test_loader_traps import BASE, BOMB, HUGE, RAW_UNSAFE, edit, locate

SHARED = EXAMPLES / "shared-ownership.yaml"
MARKETING = EXAMPLES / "marketing-owns-everything.yaml"


@dataclass(frozen=True)
class Trap:
    """One known trap: the file, and where (and what) the first problem is."""

    id: str
    data: bytes
    line: int
    column: int
    fragment: str


def _text_trap(id: str, text: str, needle: str, fragment: str) -> Trap:
    line, column = locate(text, needle)
    return Trap(id, text.encode("utf-8", "surrogatepass"), line, column, fragment)


def _traps() -> Iterator[Trap]:
    # Alias bombs: refused in the pass over the parser's events, before anything is built.
    yield _text_trap("alias-bomb", BOMB, "*c0", "YAML aliases (*c0) are not supported")
    # Deep nesting: bounded in the same pass.
    yield Trap("brackets", b"[" * 200_000, 1, raci.Limits().max_depth + 1, "nesting is deeper than")
    # Tags that crash PyYAML's constructor (IndexError, AttributeError, KeyError).
    for tag in ("!!int", "!!timestamp", "!!bool"):
        text = edit("effort_hours: 15", f"effort_hours: {tag} x")
        yield _text_trap(f"tag-{tag[2:]}", text, tag, "is not supported")
    # Values PyYAML turns into ValueError: an impossible date, a 5,000-digit integer.
    text = edit("effort_hours: 15", "effort_hours: 2024-13-45")
    yield _text_trap("bad-date", text, "2024-13-45", "must be a number")
    text = edit("effort_hours: 15", f"effort_hours: {HUGE}")
    yield _text_trap("5000-digits", text, HUGE, "must be at most")
    # Duplicate keys: PyYAML keeps the last silently.
    text = edit("{care: RA, marketing: I}", "{care: RA, marketing: I, care: C}")
    yield _text_trap("duplicate-key", text, "care: C", "duplicate key 'care'")
    # Ids equal once trimmed: the same trap by another road.
    text = edit("  care: {", '  "marketing ": {function: sales}\n  care: {')
    yield _text_trap("duplicate-trimmed", text, '"marketing "', "same id once spaces are trimmed")
    # Latin-1: a line and a column, not a byte offset.
    text = edit("name: Customer Care", "name: Caf\xe9 Care")
    line, column = locate(text, "\xe9")
    yield Trap("latin-1", text.encode("latin-1"), line, column, "not valid UTF-8 (byte 0xE9)")
    # Huge input is never echoed (pydantic would repr it).
    text = edit("name: Customer Care", "name: " + "x" * 100_000)
    yield _text_trap("huge-name", text, "x" * 50, "is too long (at most 2000 characters)")
    # NUL, ESC, C1 controls, bidi overrides, lone surrogates, line breaks in names.
    for char, kind in (
        ("\x00", "U+0000"),
        ("\x1b", "U+001B"),
        ("\x9b", "U+009B"),
        ("\u202e", "U+202E (a bidirectional override)"),
        ("\u2066", "U+2066 (a bidirectional override)"),
    ):
        text = edit("name: Customer Care", f"name: Customer{char}Care")
        yield _text_trap(f"raw-U+{ord(char):04X}", text, char, kind)
    # A lone surrogate cannot be encoded in UTF-8; its bytes are located as invalid UTF-8.
    text = edit("name: Customer Care", "name: Customer\ud800Care")
    yield _text_trap("surrogate", text, "\ud800", "not valid UTF-8 (byte 0xED)")
    text = edit("name: Customer Care", 'name: "Customer\\nCare"')
    yield _text_trap("newline-in-name", text, '"Customer', "U+000A (a line break) is not allowed")
    text = edit("name: Customer Care", 'name: "Customer\\e]0;pwned\\aCare"')
    yield _text_trap("escaped-osc", text, '"Customer', "U+001B (a control character) is not allowed")
    # One document only.
    yield _text_trap("two-documents", BASE + "---\n" + BASE, "---", "only one YAML document")


TRAPS = list(_traps())
TRAP_IDS = [trap.id for trap in TRAPS]

# Each command that writes a file, with the file it would write.
WRITERS: dict[str, tuple[list[str], str]] = {
    "check": (["check", "{file}", "--format", "sarif", "--output", "out.sarif"], "out.sarif"),
    "baseline": (["check", "{file}", "--write-baseline", "baseline.json"], "baseline.json"),
    "render": (["render", "{file}", "-o", "out.svg"], "out.svg"),
    "export": (["export", "{file}", "-o", "out.xlsx"], "out.xlsx"),
    "suggest": (["suggest", "{file}", "--apply", "-o", "out.yaml"], "out.yaml"),
    "diff": (["diff", str(SHARED), "{file}", "-o", "out.md", "--format", "markdown"], "out.md"),
    "whatif": (["whatif", "{file}", "--without", "care", "-o", "out.txt"], "out.txt"),
}
# check and render meet every trap; the other writers share the loader, so a few suffice.
EVERY_TRAP = ("check", "render")
SOME_TRAPS = (
    "alias-bomb",
    "brackets", "tag-int", "duplicate-key", "latin-1", "raw-U+001B", "newline-in-name",
)
CASES = [
    (trap, writer) for trap in TRAPS for writer in WRITERS if writer in EVERY_TRAP or trap.id in SOME_TRAPS
]


def _run_all(jobs: dict[str, tuple[list[str], Path]]) -> dict[str, Run]:
    def one(item: tuple[str, tuple[list[str], Path]]) -> tuple[str, Run]:
        key, (args, cwd) = item
        return key, run_subprocess(*args, cwd=cwd)

    with ThreadPoolExecutor(max_workers=4) as pool:
        return dict(pool.map(one, jobs.items()))


@pytest.fixture(scope="session")
def trap_runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Run, Path]]:
    """Every trap through every writing command, each in a folder of its own."""
    root = tmp_path_factory.mktemp("hostile")
    jobs: dict[str, tuple[list[str], Path]] = {}
    for trap, writer in CASES:
        template, _ = WRITERS[writer]
        folder = root / f"{trap.id}-{writer}"
        folder.mkdir()
        (folder / "trap.yaml").write_bytes(trap.data)
        jobs[f"{trap.id}/{writer}"] = ([arg.replace("{file}", "trap.yaml") for arg in template], folder)
    runs = _run_all(jobs)
    return {key: (run, jobs[key][1]) for key, run in runs.items()}


@pytest.mark.parametrize(("trap", "writer"), CASES, ids=[f"{t.id}-{w}" for t, w in CASES])
def test_trap_is_refused_located_and_nothing_is_written(
    trap: Trap, writer: str, trap_runs: dict[str, tuple[Run, Path]]
) -> None:
    run, folder = trap_runs[f"{trap.id}/{writer}"]
    assert run.code == 2, run
    assert "Traceback" not in run.stdout + run.stderr
    assert "internal error" not in run.stderr
    prefix = f"trap.yaml:{trap.line}:{trap.column}: "
    assert any(line.startswith(prefix) and trap.fragment in line for line in run.stderr.splitlines()), (
        f"expected {prefix}…{trap.fragment}… in:\n{run.stderr}"
    )
    # Short, escaped lines: no raw control character, no echo of a long input.
    assert not RAW_UNSAFE.search(run.stderr + run.stdout)
    assert all(len(line) < 400 for line in run.stderr.splitlines()), run.stderr
    # Nothing written, not even a temporary file.
    assert sorted(p.name for p in folder.iterdir()) == ["trap.yaml"]


def test_yaml_1_1_values_stay_what_was_written(tmp_path: Path) -> None:
    # YAML 1.1 would make the department `NO` the boolean False and 012 the number 10.
    text = edit("  care: {", "  NO: {function: sales, capacity_hours: 012}\n  care: {")
    text = edit("{care: RA, marketing: I}", "{care: RA, marketing: I, NO: C}", text)
    (tmp_path / "org.yaml").write_text(text, encoding="utf-8")
    run = run_subprocess("check", "org.yaml", "--format", "json", cwd=tmp_path)
    assert run.code in (0, 1), run.stderr
    findings = json.loads(run.stdout)["findings"]
    assert not any(f["department"] == "NO" and f["code"] == "RACI003" for f in findings)
    run = run_subprocess("export", "org.yaml", "-o", "m.csv", cwd=tmp_path)
    assert run.code == 0, run.stderr
    sheet = (tmp_path / "m.csv").read_text(encoding="utf-8-sig")
    assert ",NO," in sheet or sheet.rstrip().endswith(",NO") or "NO\r\n" in sheet
    assert "12" in sheet and ",10," not in sheet


def test_size_limit_is_configurable_with_a_clear_message(tmp_path: Path) -> None:
    (tmp_path / "org.yaml").write_text(BASE + "# padding\n" * 200, encoding="utf-8")
    run = run_subprocess("--max-file-size", "0.001", "check", "org.yaml", "-o", "out.txt", cwd=tmp_path)
    assert run.code == 2
    assert run.stderr.splitlines()[0] == "org.yaml: file is larger than the limit of 1,048 bytes"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["org.yaml"]
    env = {"RACI_MAX_FILE_SIZE": "0.001"}
    run = run_subprocess("render", "org.yaml", "-o", "out.svg", cwd=tmp_path, env=env)
    assert run.code == 2 and "larger than the limit" in run.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["org.yaml"]
    assert run_subprocess("--max-file-size", "1", "check", "org.yaml", cwd=tmp_path).code in (0, 1)


def test_hostile_file_name_is_escaped_in_every_report(tmp_path: Path) -> None:
    name = "ev\x1b[2Jil\u202e.yaml"
    (tmp_path / name).write_bytes(MARKETING.read_bytes())
    for report in ("text", "json", "sarif", "github", "junit", "markdown"):
        run = run_subprocess("check", "--format", report, name, cwd=tmp_path)
        assert run.code == 1, (report, run.stderr)
        assert not RAW_UNSAFE.search(run.stdout + run.stderr), report
        if report not in ("sarif", "markdown"):  # a URI is percent-encoded, Markdown escapes '['.
            assert "ev\\u001b[2Jil\\u202e.yaml" in run.stdout.replace("\\\\", "\\"), report


# --- output paths ----------------------------------------------------------------------------

LINK_WRITERS = {
    "check": ["check", str(SHARED), "-o", "{out}"],
    "baseline": ["check", str(SHARED), "--write-baseline", "{out}"],
    "render": ["render", str(SHARED), "-o", "{out}", "-f", "svg"],
    "export": ["export", str(SHARED), "-o", "{out}", "-f", "csv"],
    "suggest": ["suggest", str(MARKETING), "--apply", "-o", "{out}"],
    "diff": ["diff", str(MARKETING), str(SHARED), "-o", "{out}"],
    "whatif": ["whatif", str(SHARED), "--without", "support", "-o", "{out}"],
    "init": ["init", "{out}", "--force"],
    "report": ["report", str(SHARED), "-o", "{out}"],
    "slides": ["slides", str(SHARED), "-o", "{out}"],
}
#: Writers that check the output's extension first get a name they accept, so the link is
#: what they refuse.
LINK_NAMES = {"report": "out.html", "slides": "out.pdf", "render": "out.svg"}


def _link_name(writer: str) -> str:
    return LINK_NAMES.get(writer, "out.file")


@pytest.fixture(scope="session")
def link_runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Run, Path]]:
    root = tmp_path_factory.mktemp("links")
    jobs: dict[str, tuple[list[str], Path]] = {}
    for writer, template in LINK_WRITERS.items():
        folder = root / writer
        folder.mkdir()
        (folder / "victim.txt").write_text("precious\n", encoding="utf-8")
        (folder / _link_name(writer)).symlink_to(folder / "victim.txt")
        jobs[writer] = ([arg.replace("{out}", _link_name(writer)) for arg in template], folder)
    runs = _run_all(jobs)
    return {key: (run, jobs[key][1]) for key, run in runs.items()}


@pytest.mark.parametrize("writer", list(LINK_WRITERS))
def test_an_output_path_that_is_a_symlink_is_refused(
    writer: str, link_runs: dict[str, tuple[Run, Path]]
) -> None:
    run, folder = link_runs[writer]
    assert run.code == 2, run
    assert "Traceback" not in run.stderr
    name = _link_name(writer)
    assert name in run.stderr and "symbolic link" in run.stderr, run.stderr
    assert (folder / "victim.txt").read_text(encoding="utf-8") == "precious\n"
    assert (folder / name).is_symlink()
    assert sorted(p.name for p in folder.iterdir()) == sorted([name, "victim.txt"])


def test_a_device_or_a_folder_is_not_an_output_file(tmp_path: Path) -> None:
    (tmp_path / "folder.svg").mkdir()
    run = run_subprocess("render", str(SHARED), "-o", "folder.svg", cwd=tmp_path)
    assert run.code == 2 and "is a directory" in run.stderr, run.stderr
    if Path("/dev/null").exists():
        run = run_subprocess("check", str(SHARED), "-o", "/dev/null", cwd=tmp_path)
        assert run.code == 2 and "not a regular file" in run.stderr, run.stderr
        assert Path("/dev/null").is_char_device()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["folder.svg"]


def test_output_path_keeps_names_inside_the_chosen_folder(tmp_path: Path) -> None:
    out = tmp_path / "images"
    out.mkdir()
    (tmp_path / "elsewhere").mkdir()
    (out / "link-out").symlink_to(tmp_path / "elsewhere")
    (out / "file-link.png").symlink_to(tmp_path / "elsewhere" / "x.png")
    assert output_path(out, "gaps.png") == out / "gaps.png"
    for name in ("../gaps.png", "/tmp/gaps.png", "link-out/gaps.png", "..", "", "file-link.png"):
        with pytest.raises(UnsafeOutputError) as refused:
            output_path(out, name)
        assert "\n" not in str(refused.value)
    assert sorted(p.name for p in (tmp_path / "elsewhere").iterdir()) == []


def test_write_atomic_refuses_a_symlink_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    (tmp_path / "victim").write_bytes(b"precious")
    (tmp_path / "out").symlink_to(tmp_path / "victim")
    with pytest.raises(UnsafeOutputError, match="symbolic link"):
        write_atomic(tmp_path / "out", b"new")
    assert (tmp_path / "victim").read_bytes() == b"precious"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "victim"]


# --- a reader that goes away (`| head`) ------------------------------------------------------

PIPE_COMMANDS = {
    "check": (["check", str(MARKETING)], 1),
    "check-json": (["check", "--format", "json", str(MARKETING)], 1),
    "check-clean": (["check", str(SHARED)], 0),
    "rules": (["rules"], 0),
    "explain": (["explain", "SOC103"], 0),
    "schema": (["schema"], 0),
    "render-svg": (["render", str(SHARED)], 0),
    "render-dot": (["render", str(SHARED), "-f", "dot"], 0),
    "diff": (["diff", str(MARKETING), str(SHARED)], 0),
    "whatif": (["whatif", str(SHARED), "--without", "support"], 1),
    "suggest": (["suggest", str(MARKETING)], 0),
    "import": (["import", "{sheet}"], 0),
    "version": (["--version"], 0),
    "report": (["report", str(SHARED), "-o", "-"], 0),
}


def _closed_pipe_run(args: list[str], cwd: Path) -> tuple[int, str]:
    read, write = os.pipe()
    os.close(read)  # the reader has already gone: the first write fails
    try:
        completed = subprocess.run(
            [sys.executable, "-m", "raci", *args],
            stdout=write,
            stderr=subprocess.PIPE,
            cwd=cwd,
            env={**os.environ, "NO_COLOR": "1"},
            timeout=60,
            check=False,
        )
    finally:
        os.close(write)
    return completed.returncode, completed.stderr.decode("utf-8", "replace")


@pytest.fixture(scope="session")
def pipe_runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[int, str]]:
    folder = tmp_path_factory.mktemp("pipes")
    sheet = folder / "matrix.csv"
    assert run_subprocess("export", str(SHARED), "-o", str(sheet)).code == 0
    jobs = {
        name: [a.replace("{sheet}", str(sheet)) for a in args]
        for name, (args, _code) in PIPE_COMMANDS.items()
    }
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = pool.map(lambda item: (item[0], _closed_pipe_run(item[1], folder)), jobs.items())
        return dict(results)


@pytest.mark.parametrize("command", list(PIPE_COMMANDS))
def test_a_closed_pipe_ends_quietly_with_the_commands_own_exit_code(
    command: str, pipe_runs: dict[str, tuple[int, str]]
) -> None:
    code, errors = pipe_runs[command]
    assert errors == "", errors  # no traceback, no "Exception ignored", no "internal error"
    assert code == PIPE_COMMANDS[command][1]


# --- `dot` past its limits -------------------------------------------------------------------


def _fake_dot(folder: Path, body: str) -> dict[str, str]:
    bin_dir = folder / "bin"
    bin_dir.mkdir()
    script = bin_dir / "dot"
    script.write_text(body, encoding="utf-8")
    script.chmod(0o755)
    return {"PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"}


def _alive(pid: int) -> bool:
    stat = Path(f"/proc/{pid}/stat")
    try:
        return stat.read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return False


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc")
def test_dot_past_its_time_limit(tmp_path: Path) -> None:
    pid_file = tmp_path / "grandchild.pid"
    env = _fake_dot(tmp_path, f"#!/bin/sh\ncat > /dev/null\nsleep 300 &\necho $! > {pid_file}\nwait\n")
    started = time.monotonic()
    run = run_subprocess("render", str(SHARED), "-o", "out.svg", "--timeout", "0.5", cwd=tmp_path, env=env)
    assert time.monotonic() - started < 30
    assert run.code == 2, run
    lines = run.stderr.splitlines()
    assert len(lines) == 1, run.stderr
    assert "time limit of 0.5 s" in lines[0] and "--detail summary" in lines[0] and "--timeout" in lines[0]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bin", "grandchild.pid"]
    grandchild = int(pid_file.read_text())
    deadline = time.monotonic() + 5
    while _alive(grandchild) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _alive(grandchild), "dot left a process behind"


def test_dot_past_its_memory_limit(tmp_path: Path) -> None:
    greedy = f"#!{sys.executable}\nimport sys\nsys.stdin.read()\nblock = bytearray(1024 ** 3)\n"
    env = _fake_dot(tmp_path, greedy)
    args = ("render", str(SHARED), "-o", "out.svg", "--memory-limit", "256")
    run = run_subprocess(*args, cwd=tmp_path, env=env)
    assert run.code == 2, run
    lines = run.stderr.splitlines()
    assert len(lines) == 1, run.stderr
    assert "memory limit of 256 MiB" in lines[0] and "--memory-limit" in lines[0]
    assert "--detail summary" in lines[0]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bin"]


# --- exit codes ------------------------------------------------------------------------------

_BROKEN = """
import sys
import raci.checking.checker
def broken(*args, **kwargs):
    raise RuntimeError("rule engine exploded \\x1b[2J " + "x" * 5000)
raci.checking.checker.check = broken
from raci.cli.app import main
main(sys.argv[1:])
"""


def test_internal_error_is_exit_3_with_a_short_report(tmp_path: Path) -> None:
    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-c", _BROKEN, *args],
            capture_output=True,
            text=True,
            cwd=tmp_path,
            env={**os.environ, "NO_COLOR": "1"},
            timeout=60,
            check=False,
        )

    plain = run("check", str(SHARED), "-o", "out.txt")
    assert plain.returncode == 3
    assert "Traceback" not in plain.stderr
    assert "internal error: RuntimeError: rule engine exploded" in plain.stderr
    assert "--debug" in plain.stderr
    assert not RAW_UNSAFE.search(plain.stderr) and len(plain.stderr) < 600
    debug = run("--debug", "check", str(SHARED), "-o", "out.txt")
    assert debug.returncode == 3 and "Traceback" in debug.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_exit_codes_are_documented() -> None:
    run = run_subprocess("--help")
    assert run.code == 0
    text = " ".join(run.stdout.split())
    assert "0 clean, 1 findings at or above --fail-on, 2 bad input or usage, 3 internal error" in text
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    assert re.search(r"`3` an internal error", readme)


# --- spreadsheets: the other door in ---------------------------------------------------------


def test_a_control_character_in_an_imported_sheet_is_located_and_nothing_written(tmp_path: Path) -> None:
    (tmp_path / "m.csv").write_bytes(b"task,Marke\x1bting,Customer Care\nAnswer complaints,I,RA\n")
    run = run_subprocess("import", "m.csv", "-o", "org.yaml", cwd=tmp_path)
    assert run.code == 2, run
    assert run.stderr.startswith("m.csv:1:2: "), run.stderr
    assert "U+001B (a control character) is not allowed" in run.stderr
    assert not RAW_UNSAFE.search(run.stderr)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.csv"]


def test_a_wrapped_header_in_a_sheet_is_read_as_one_line(tmp_path: Path) -> None:
    sheet = 'task,Marketing,"Customer\nCare"\nAnswer complaints,I,RA\n'
    (tmp_path / "m.csv").write_text(sheet, encoding="utf-8")
    run = run_subprocess("import", "m.csv", "-o", "org.yaml", cwd=tmp_path)
    assert run.code == 0, run.stderr
    assert "m.csv:1:3: warning: a line break in a name was read as a space" in run.stderr
    org = raci.load(tmp_path / "org.yaml")
    assert org.departments["customer-care"].name == "Customer Care"


def test_workbook_bounds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from raci.workshop.spreadsheet import cells
    from raci.workshop.spreadsheet.sheet_import import import_sheet
    from raci.workshop.spreadsheet.xlsx_export import export_xlsx

    org = raci.load(SHARED)
    path = tmp_path / "m.xlsx"
    path.write_bytes(export_xlsx(org, raci.check(org).findings))
    assert import_sheet(path).org.model_dump() == org.model_dump()
    # A zip bomb is refused from the zip's directory, before anything is inflated.
    monkeypatch.setattr(cells, "MAX_UNPACKED_BYTES", 10_000)
    with pytest.raises(raci.LoadError, match="unpacks to more than"):
        import_sheet(path)
    monkeypatch.undo()
    # Rows and columns are bounded one by one, and their product too.
    monkeypatch.setattr(cells, "MAX_CELLS", 50)
    with pytest.raises(raci.LoadError, match="more than 50 cells"):
        import_sheet(path)
