"""The known input traps (docs/reliability.md), each refused with one located line and exit code 2.

Every trap is checked twice: through the library (``raci.loads_bytes``), where the problem
must carry the right line and column, and through ``python -m raci check`` as a user would
run it, where stderr must hold a ``file:line:col: message`` line, exit code 2, no traceback
and no findings on stdout. The subprocesses run in parallel once per session.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

import raci

from .conftest import Run, run_subprocess

BASE = """\
organization: Acme Outdoor
departments:
  marketing: {name: Marketing, function: marketing, capacity_hours: 60}
  care: {name: Customer Care, function: customer_service, capacity_hours: 80}
tasks:
  answer-complaints:
    name: Answer public complaints
    activity: respond
    effort_hours: 15
    raci: {care: RA, marketing: I}
"""
TASK = "task 'answer-complaints'"
MAX_DEPTH = raci.Limits().max_depth
FUNCTIONS = [f.value for f in raci.Function]
ACTIVITIES = [a.value for a in raci.Activity]
# A finding line of the text report, or any rule code: none may appear for a refused file.
FINDING = re.compile(r"^\S+:\d+:\d+: (error|warning|info) |\b(RACI|SOC)\d{3}\b", re.MULTILINE)
# Raw characters that must never reach a terminal (escaped forms like \u001b are fine).
RAW_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1a\x1c-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def edit(old: str, new: str, text: str = BASE) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


def locate(text: str, needle: str) -> tuple[int, int]:
    """1-based line and column of the first occurrence of ``needle``."""
    index = text.index(needle)
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def billion_laughs() -> str:
    """A ~10 KB alias bomb shaped like an org file: each task's channels nest the last's."""
    lines = ["organization: Bomb", "departments:", "  marketing: {function: marketing}", "tasks:"]
    width = 40
    lines.append(
        f"  t0: {{activity: publish, raci: {{marketing: RA}}, channels: &c0 [{', '.join(['lol'] * width)}]}}"
    )
    for level in range(1, 50):
        aliases = ", ".join([f"*c{level - 1}"] * width)
        lines.append(
            f"  t{level}: {{activity: publish, raci: {{marketing: RA}}, channels: &c{level} [{aliases}]}}"
        )
        if sum(len(line) + 1 for line in lines) > 10_000:
            break
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class Trap:
    id: str
    data: bytes
    line: int
    column: int
    fragment: str

    @classmethod
    def text(cls, id: str, text: str, needle: str, fragment: str, shift: int = 0) -> Trap:
        line, column = locate(text, needle)
        return cls(id, text.encode("utf-8"), line, column + shift, fragment)


BOMB = billion_laughs()
HUGE = "9" * 5000


def _traps() -> Iterator[Trap]:
    yield Trap.text("alias-bomb", BOMB, "*c0", "YAML aliases (*c0) are not supported")
    for count in (100_000, 200_000):
        for bracket in "[{":
            yield Trap(
                f"nested-{bracket}-{count}", (bracket * count).encode(), 1, MAX_DEPTH + 1, "nesting is deeper"
            )
    deep = "organization: Acme\ndepartments: " + "[" * 100_000
    yield Trap("nested-in-value", deep.encode(), 2, len("departments: ") + MAX_DEPTH, "nesting is deeper")

    for tag, value in (("!!int", "x"), ("!!bool", "x"), ("!!python/object:os.system", "ls")):
        text = edit("activity: respond", f"activity: {tag} {value}")
        yield Trap.text(
            f"tag-{tag[2:8]}", text, tag, f"YAML tag tag:yaml.org,2002:{tag[2:]} is not supported"
        )
    text = edit("effort_hours: 15", "effort_hours: !!timestamp 2024-13-45")
    yield Trap.text("tag-timestamp", text, "!!timestamp", "tag:yaml.org,2002:timestamp is not supported")
    text = edit("effort_hours: 15", "effort_hours: !!python/object/apply:os.system [ls]")
    yield Trap.text("tag-python-apply", text, "!!python", "is not supported")
    text = edit("effort_hours: 15", "effort_hours: 2024-13-45")
    yield Trap.text("plain-bad-date", text, "2024-13-45", f"effort_hours in {TASK}: must be a number")
    text = edit("effort_hours: 15", f"effort_hours: {HUGE}")
    yield Trap.text("5000-digits", text, HUGE, f"effort_hours in {TASK}: must be at most")
    text = edit("    effort_hours: 15\n", f"    budget: {HUGE}\n")
    yield Trap.text("5000-digit-budget", text, HUGE, f"budget in {TASK}: must be a finite number")
    text = edit("effort_hours: 15", "effort_hours: 15\n    review_horizon_days: " + HUGE)
    yield Trap.text("5000-digit-horizon", text, HUGE, f"review_horizon_days in {TASK}: is too large")

    text = BASE + "organization: Again\n"
    yield Trap.text(
        "duplicate-top", text, "organization: Again", "duplicate key 'organization' (first defined at line 1)"
    )
    text = edit("tasks:\n", "  care: {function: support}\ntasks:\n")
    yield Trap.text(
        "duplicate-department",
        text,
        "care: {function: support}",
        "duplicate key 'care' (first defined at line 4)",
    )
    text = BASE + "  answer-complaints: {activity: respond, raci: {care: RA}}\n"
    yield Trap.text(
        "duplicate-task",
        text,
        "answer-complaints: {",
        "duplicate key 'answer-complaints' (first defined at line 6)",
    )
    text = edit("{care: RA, marketing: I}", "{care: RA, marketing: I, care: C}")
    yield Trap.text("duplicate-raci", text, "care: C", "duplicate key 'care' (first defined at line 10)")
    text = edit("    activity: respond\n", "    activity: respond\n    activity: publish\n")
    yield Trap.text(
        "duplicate-field", text, "activity: publish", "duplicate key 'activity' (first defined at line 8)"
    )

    yield Trap("latin-1", b"organization: Caf\xe9\n", 1, 18, "not valid UTF-8 (byte 0xE9)")
    text = edit("name: Customer Care", "name: Caf\xe9 Care")
    line, column = locate(text, "\xe9")
    yield Trap("latin-1-line-4", text.encode("latin-1"), line, column, "not valid UTF-8 (byte 0xE9)")
    bom = b"\xef\xbb\xbf" + text.encode("latin-1")
    yield Trap("latin-1-after-bom", bom, line, column, "not valid UTF-8 (byte 0xE9)")
    text = edit("name: Customer Care", "name: Care \udcff")
    line, column = locate(text, "\udcff")
    surrogate = text.encode("utf-8", "surrogatepass")
    yield Trap("encoded-surrogate", surrogate, line, column, "not valid UTF-8 (byte 0xED)")

    for char, kind in (
        ("\x00", "U+0000 (a control character)"),
        ("\x1b", "U+001B (a control character)"),
        ("\u202e", "U+202E (a bidirectional override)"),
        ("\x85", "U+0085 (a control character)"),
        ("\x9b", "U+009B (a control character)"),
    ):
        text = edit("name: Customer Care", f"name: Customer{char}Care")
        yield Trap.text(f"raw-U+{ord(char):04X}", text, char, f"{kind} is not allowed")
    for escape, kind in (
        ("\\e", "U+001B"),
        ("\\x00", "U+0000"),
        ("\\u202e", "U+202E (a bidirectional override)"),
        ("\\x9b", "U+009B"),
    ):
        text = edit("name: Customer Care", f'name: "Customer{escape}Care"')
        yield Trap.text(f"escaped-{escape[1:]}", text, '"Customer', f"{kind}")
    text = edit("  care: {", '  "care\\e[2J": {')
    yield Trap.text("escaped-in-key", text, '"care', "U+001B (a control character) is not allowed")

    text = edit("    activity: respond", "\tactivity: respond")
    yield Trap.text("tab-indentation", text, "\tactivity", "YAML syntax error")
    yield Trap.text("several-documents", BASE + "---\n" + BASE, "---", "only one YAML document is allowed")
    second = BASE.count("\n") + 2
    yield Trap(
        "second-empty-document", ("---\n" + BASE + "---\n").encode(), second, 1, "only one YAML document"
    )
    yield Trap("empty-file", b"", 1, 1, "found an empty file")
    yield Trap("comment-only", b"# nothing yet\n", 1, 1, "found an empty file")
    yield Trap("top-level-list", b"- marketing\n- care\n", 1, 1, "found a list")
    yield Trap("top-level-text", b"Acme Outdoor\n", 1, 1, "found a text value")

    text = edit("effort_hours: 15", "efort_hours: 15")
    yield Trap.text(
        "unknown-key",
        text,
        "efort_hours",
        f"unknown field 'efort_hours' in {TASK}; did you mean 'effort_hours'?",
    )
    text = edit("capacity_hours: 60", "capacity: 60")
    yield Trap.text(
        "unknown-department-key",
        text,
        "capacity:",
        "unknown field 'capacity' in department 'marketing'; did you mean 'capacity_hours'?",
    )
    text = edit("departments:", "departmants:")
    yield Trap.text(
        "unknown-top-key", text, "departmants", "unknown field 'departmants'; did you mean 'departments'?"
    )
    text = edit("{care: RA, marketing: I}", "{cares: RA, marketing: I}")
    yield Trap.text(
        "unknown-department", text, "cares", f"{TASK} names unknown department 'cares'; did you mean 'care'?"
    )

    for letters, fragment in (
        ("RX", "unknown RACI letter 'X' (use R, A, S, C or I"),
        ("RR", "letter R is written twice"),
        ("''", "no RACI letter given"),
        ("", "no RACI letter given"),
    ):
        text = edit("{care: RA, marketing: I}", f"{{care: {letters}, marketing: I}}")
        needle = "care: " + letters if letters else "care: ,"
        yield Trap.text(
            f"letters-{letters or 'null'}", text, needle, f"letters of 'care' in {TASK}: {fragment}", shift=6
        )

    text = edit("effort_hours: 15", "effort_hours: -15")
    yield Trap.text("negative-effort", text, "-15", f"effort_hours in {TASK}: must be at least 0")
    text = edit("capacity_hours: 60", "capacity_hours: -60")
    yield Trap.text(
        "negative-capacity", text, "-60", "capacity_hours in department 'marketing': must be at least 0"
    )

    text = edit(
        "  care: {name: Customer Care, function: customer_service, capacity_hours: 80}",
        "  care: [customer_service]",
    )
    yield Trap.text(
        "department-is-list", text, "[customer_service]", "care in 'departments': must be a mapping"
    )
    text = edit("raci: {care: RA, marketing: I}", "raci: [care, marketing]")
    yield Trap.text("raci-is-list", text, "[care, marketing]", f"raci in {TASK}: must be a mapping")
    text = edit("capacity_hours: 60", "capacity_hours: [60]")
    yield Trap.text(
        "number-is-list", text, "[60]", "capacity_hours in department 'marketing': must be a number"
    )

    text = edit("function: marketing", "function: marketting")
    yield Trap.text(
        "unknown-function",
        text,
        "marketting",
        "unknown function 'marketting'; use one of: " + ", ".join(FUNCTIONS),
    )
    text = edit("activity: respond", "activity: chatting")
    yield Trap.text(
        "unknown-activity",
        text,
        "chatting",
        "unknown activity 'chatting'; use one of: " + ", ".join(ACTIVITIES),
    )

    text = edit(
        "{name: Customer Care, function: customer_service, capacity_hours: 80}",
        "{name: Customer Care, capacity_hours: 80}",
    )
    yield Trap.text(
        "missing-function", text, "care:", "missing required field 'function' in department 'care'"
    )
    text = edit("    activity: respond\n", "")
    yield Trap.text(
        "missing-activity", text, "answer-complaints:", f"missing required field 'activity' in {TASK}"
    )
    text = edit("organization: Acme Outdoor\n", "")
    yield Trap.text("missing-organization", text, "departments:", "missing required field 'organization'")

    text = BASE + "rules:\n  ignore: [SOC999]\n  severity: {RACI999: info}\n"
    yield Trap.text("unknown-rule-in-org-file", text, "SOC999", "unknown rule code 'SOC999' in ignore")
    text = BASE + "rules:\n  options: {RACI004: {max_responsibles: 4}}\n"
    yield Trap.text(
        "unknown-rule-option", text, "max_responsibles", "RACI004 has no option 'max_responsibles'"
    )


TRAPS = list(_traps())


def _problem_at(error: raci.LoadError, trap: Trap) -> raci.Problem:
    for problem in error.problems:
        if (problem.line, problem.column) == (trap.line, trap.column) and trap.fragment in problem.message:
            return problem
    raise AssertionError(f"no problem at {trap.line}:{trap.column} with {trap.fragment!r} in:\n{error}")


@pytest.mark.parametrize("trap", TRAPS, ids=[t.id for t in TRAPS])
def test_trap_is_a_located_load_error(trap: Trap) -> None:
    with pytest.raises(raci.LoadError) as caught:
        raci.loads_bytes(trap.data, "trap.yaml")
    problem = _problem_at(caught.value, trap)
    assert problem.source == "trap.yaml"
    assert str(problem).startswith(f"trap.yaml:{trap.line}:{trap.column}: ")
    for line in str(caught.value).splitlines():
        assert re.match(r"trap\.yaml:\d+:\d+: \S", line), line
        # Never echo a long input, never let a raw control character through.
        assert len(line) < 400, line
        assert not RAW_UNSAFE.search(line), line


# Run on their own as well as in the batch: one process per trap proves its own exit code.
ALONE = {
    "alias-bomb",
    "nested-{-200000",
    "tag-python",
    "5000-digits",
    "latin-1",
    "escaped-e",
    "empty-file",
    "unknown-key",
}


@pytest.fixture(scope="session")
def trap_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("traps")
    for trap in TRAPS:
        (directory / f"{trap.id}.yaml").write_bytes(trap.data)
    return directory


@pytest.fixture(scope="session")
def batch_run(trap_dir: Path) -> Run:
    """Every trap file in one `python -m raci check` (a process per trap is too slow)."""
    return run_subprocess("check", *(f"{trap.id}.yaml" for trap in TRAPS), cwd=trap_dir)


@pytest.fixture(scope="session")
def alone_runs(trap_dir: Path) -> dict[str, Run]:
    def run(trap_id: str) -> Run:
        return run_subprocess("check", f"{trap_id}.yaml", cwd=trap_dir)

    with ThreadPoolExecutor(max_workers=4) as pool:
        return dict(zip(sorted(ALONE), pool.map(run, sorted(ALONE)), strict=True))


def _assert_refused(result: Run, trap: Trap, alone: bool) -> None:
    assert "Traceback" not in result.stderr + result.stdout
    prefix = f"{trap.id}.yaml:{trap.line}:{trap.column}: "
    lines = [line for line in result.stderr.splitlines() if line.startswith(f"{trap.id}.yaml:")]
    assert any(line.startswith(prefix) and trap.fragment in line for line in lines), (
        f"expected {prefix}…{trap.fragment}… in:\n{result.stderr}"
    )
    if alone:
        assert result.stderr.splitlines() == lines
    assert not FINDING.search(result.stdout), result.stdout
    assert not RAW_UNSAFE.search(result.stderr + result.stdout)


@pytest.mark.parametrize("trap", TRAPS, ids=[t.id for t in TRAPS])
def test_trap_through_the_cli(trap: Trap, batch_run: Run) -> None:
    assert batch_run.code == 2
    _assert_refused(batch_run, trap, alone=False)


@pytest.mark.parametrize("trap", [t for t in TRAPS if t.id in ALONE], ids=lambda t: t.id)
def test_trap_alone_through_the_cli(trap: Trap, alone_runs: dict[str, Run]) -> None:
    result = alone_runs[trap.id]
    assert result.code == 2, result
    _assert_refused(result, trap, alone=True)


def test_every_file_of_the_batch_is_reported(batch_run: Run) -> None:
    # One broken file never hides the next: each of them has its own located lines.
    reported = {line.split(":", 1)[0] for line in batch_run.stderr.splitlines()}
    assert reported == {f"{trap.id}.yaml" for trap in TRAPS}


def test_alias_bomb_is_refused_before_anything_expands() -> None:
    assert 9_000 < len(BOMB) <= 10_500
    with pytest.raises(raci.LoadError) as caught:
        raci.loads(BOMB, "bomb.yaml")
    problems = caught.value.problems
    # The first alias is named and placed; the rest stop at a bound instead of flooding.
    assert problems[0].message.startswith("YAML aliases (*c0) are not supported")
    assert (problems[0].line, problems[0].column) == locate(BOMB, "*c0")
    assert len(problems) <= 51
    assert problems[-1].message.startswith("stopping after")
    # Nothing about the schema: validation never ran on the expanded data.
    assert all("alias" in p.message or "stopping" in p.message for p in problems)


def test_alias_used_once_is_still_refused() -> None:
    text = edit("capacity_hours: 80}", "capacity_hours: 80}\n  sales: &same {function: sales}\n  more: *same")
    with pytest.raises(raci.LoadError) as caught:
        raci.loads(text, "org.yaml")
    problem = caught.value.problems[0]
    assert (problem.line, problem.column) == locate(text, "*same")
    assert "YAML aliases (*same) are not supported" in problem.message


def test_nested_braces_report_the_depth_not_one_line_per_level() -> None:
    with pytest.raises(raci.LoadError) as caught:
        raci.loads("{" * 200_000)
    messages = [p.message for p in caught.value.problems]
    assert len(messages) <= 3
    assert any("nesting is deeper than" in message for message in messages)


def test_depth_limit_is_configurable() -> None:
    nested = "organization: Acme\ndescription: [[[[x]]]]\n"
    with pytest.raises(raci.LoadError, match="nesting is deeper than 3 levels"):
        raci.loads(nested, limits=raci.Limits(max_depth=3))


def test_huge_number_is_not_echoed() -> None:
    text = edit("effort_hours: 15", f"effort_hours: {HUGE}")
    with pytest.raises(raci.LoadError) as caught:
        raci.loads(text)
    assert "9" * 20 not in str(caught.value)
    assert len(str(caught.value)) < 200


@pytest.mark.parametrize(
    ("value", "fragment"),
    [
        (".inf", "must be a number"),
        ("inf", "must be"),
        ("nan", "must be"),
        ("1e999", "must be at most"),
        ("true", "must be a number"),
        ("0x10", "must be a number"),
    ],
)
def test_non_finite_numbers_are_refused(value: str, fragment: str) -> None:
    with pytest.raises(raci.LoadError, match=fragment):
        raci.loads(edit("effort_hours: 15", f"effort_hours: {value}"))
    with pytest.raises(raci.LoadError, match="budget"):
        raci.loads(edit("effort_hours: 15", f"budget: {value}"))


def test_lone_surrogate_through_the_str_api_is_located() -> None:
    text = edit("name: Customer Care", "name: Customer\ud800Care")
    with pytest.raises(raci.LoadError) as caught:
        raci.loads(text, "org.yaml")
    (problem,) = caught.value.problems
    assert (problem.line, problem.column) == locate(text, "\ud800")
    assert "U+D800 (a lone surrogate) is not allowed" in problem.message
    # The message itself must be printable.
    str(caught.value).encode("utf-8")


def test_surrogate_escape_in_double_quotes_is_located() -> None:
    text = edit("name: Customer Care", 'name: "Customer\\ud800Care"')
    with pytest.raises(raci.LoadError) as caught:
        raci.loads(text, "org.yaml")
    (problem,) = caught.value.problems
    assert problem.line == 4
    str(caught.value).encode("utf-8")


def test_escaped_control_character_is_reported_once() -> None:
    text = edit("name: Customer Care", 'name: "Customer\\eCare"')
    with pytest.raises(raci.LoadError) as caught:
        raci.loads(text, "org.yaml")
    (problem,) = caught.value.problems
    assert problem.message == "U+001B (a control character) is not allowed"


@pytest.mark.parametrize(
    "text",
    [
        'organization: Acme\r\ndepartments:\r\n  care: {name: "Care\x1b", function: support}\r\n',
        'organization: Acme\rdepartments:\r  care: {name: "Care\x1b", function: support}\r',
        'organization: Acme\ndepartments:\n  care: {name: "Care\x1b", function: support}\n',
    ],
    ids=["crlf", "cr", "lf"],
)
def test_positions_follow_yaml_line_breaks(text: str) -> None:
    with pytest.raises(raci.LoadError) as caught:
        raci.loads(text)
    (problem,) = caught.value.problems
    assert (problem.line, problem.column) == locate(text.replace("\r\n", "\n").replace("\r", "\n"), "\x1b")
    assert problem.line == 3


def test_many_control_characters_stop_at_a_bound() -> None:
    text = "organization: Acme\ndescription: " + "\x07" * 10_000 + "\n"
    with pytest.raises(raci.LoadError) as caught:
        raci.loads(text)
    problems = caught.value.problems
    assert 1 < len(problems) <= 51
    assert problems[0].line == 2


def test_a_key_that_is_a_mapping_is_one_problem() -> None:
    text = "organization: Acme\n? {a: 1}\n: value\n"
    with pytest.raises(raci.LoadError) as caught:
        raci.loads(text)
    (problem,) = caught.value.problems
    assert (problem.line, problem.message) == (2, "a key must be a plain text value")


def test_duplicate_block_does_not_move_the_first_ones_positions() -> None:
    # The second 'answer-complaints' is refused; problems of the first stay at their lines.
    text = (
        edit("effort_hours: 15", "effort_hours: -1")
        + "  answer-complaints:\n    activity: publish\n    effort_hours: 2\n"
    )
    with pytest.raises(raci.LoadError) as caught:
        raci.loads(text)
    lines = {p.message.split(":")[0]: p.line for p in caught.value.problems}
    assert lines["effort_hours in task 'answer-complaints'"] == 9
    assert lines["duplicate key 'answer-complaints' (first defined at line 6)"] == 11


def test_all_problems_of_a_file_are_reported_at_once(tmp_path: Path) -> None:
    text = """\
organization: Acme
departments:
  marketing: {function: marketting}
  care: {function: support, capacity_hours: -80}
tasks:
  answer:
    activity: respond
    efort_hours: 3
    raci: {care: RX, marketing: I}
  post:
    activity: publish
    raci: {markting: RA}
"""
    with pytest.raises(raci.LoadError) as caught:
        raci.loads(text, "org.yaml")
    assert [p.line for p in caught.value.problems] == [3, 4, 8, 9, 12]

    (tmp_path / "org.yaml").write_text(text)
    result = run_subprocess("check", "org.yaml", cwd=tmp_path)
    assert result.code == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 5, result.stderr
    assert [int(line.split(":")[1]) for line in lines] == [3, 4, 8, 9, 12]
    assert "unknown function 'marketting'" in lines[0]
    assert "capacity_hours in department 'care': must be at least 0" in lines[1]
    assert "did you mean 'effort_hours'?" in lines[2]
    assert "unknown RACI letter 'X'" in lines[3]
    assert "unknown department 'markting'; did you mean 'marketing'?" in lines[4]


def test_problems_stay_per_file_when_several_are_broken(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(edit("effort_hours: 15", "effort_hours: -1"))
    (tmp_path / "b.yaml").write_bytes(b"organization: Caf\xe9\n")
    result = run_subprocess("check", "a.yaml", "b.yaml", cwd=tmp_path)
    assert result.code == 2
    assert result.stderr.splitlines() == [
        f"a.yaml:9:19: effort_hours in {TASK}: must be at least 0",
        "b.yaml:1:18: not valid UTF-8 (byte 0xE9); save the file as UTF-8",
    ]


@pytest.mark.parametrize(
    "data",
    [
        BASE.encode("utf-8-sig"),
        BASE.encode("utf-16"),
        b"\xff\xfe" + BASE.encode("utf-16-le"),
        b"\xfe\xff" + BASE.encode("utf-16-be"),
        BASE.encode("utf-32"),
        BASE.replace("\n", "\r\n").encode(),
    ],
    ids=["utf-8-bom", "utf-16-native", "utf-16-le", "utf-16-be", "utf-32", "crlf"],
)
def test_byte_order_marks_and_line_endings_are_accepted(data: bytes, tmp_path: Path) -> None:
    org = raci.loads_bytes(data, "org.yaml")
    assert org.organization == "Acme Outdoor"
    assert org.departments["care"].name == "Customer Care"
    assert org.tasks["answer-complaints"].effort_hours == 15
    (tmp_path / "org.yaml").write_bytes(data)
    assert raci.load(tmp_path / "org.yaml").model_dump() == org.model_dump()


def test_byte_order_mark_through_the_cli(tmp_path: Path) -> None:
    (tmp_path / "le.yaml").write_bytes(b"\xff\xfe" + BASE.encode("utf-16-le"))
    (tmp_path / "be.yaml").write_bytes(b"\xfe\xff" + BASE.encode("utf-16-be"))
    (tmp_path / "bom.yaml").write_bytes(BASE.encode("utf-8-sig"))
    result = run_subprocess("check", "--format", "json", "le.yaml", "be.yaml", "bom.yaml", cwd=tmp_path)
    assert result.code in (0, 1), result.stderr
    assert result.stderr == ""


@pytest.mark.parametrize(
    "text",
    [
        edit("activity: respond", "activity:\trespond"),
        edit("activity: respond", "activity: respond\t"),
        edit("    activity: respond", "\tactivity: respond"),
        edit("    raci", "  \traci"),
    ],
    ids=["key-tab-value", "trailing-tab", "tab-indent", "mixed-indent"],
)
def test_tabs_behave_the_same_through_loads_and_load(text: str, tmp_path: Path) -> None:
    path = tmp_path / "org.yaml"
    path.write_text(text)

    def outcome(loader: object) -> object:
        try:
            org = loader()  # type: ignore[operator]
        except raci.LoadError as error:
            return [(p.line, p.column, p.message) for p in error.problems]
        return org.model_dump()

    through_text = outcome(lambda: raci.loads(text, str(path)))
    through_file = outcome(lambda: raci.load(path))
    assert through_text == through_file
    if isinstance(through_text, dict):
        assert through_text["tasks"]["answer-complaints"]["activity"] == raci.Activity.RESPOND
    else:
        assert all(line is not None and column is not None for line, column, _ in through_text)


def test_size_limit_through_every_entry_point(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    limits = raci.Limits(max_bytes=100)
    path = tmp_path / "org.yaml"
    path.write_text(BASE)
    assert len(BASE) > 100
    for call in (
        lambda: raci.load(path, limits=limits),
        lambda: raci.loads(BASE, "org.yaml", limits=limits),
        lambda: raci.loads_bytes(BASE.encode(), "org.yaml", limits=limits),
    ):
        with pytest.raises(raci.LoadError) as caught:
            call()
        (problem,) = caught.value.problems
        assert problem.message == "file is larger than the limit of 100 bytes"
    # Within the limit, the same file loads.
    assert raci.load(path, limits=raci.Limits(max_bytes=len(BASE))).organization == "Acme Outdoor"

    import io

    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(BASE.encode())))
    with pytest.raises(raci.LoadError, match="larger than the limit"):
        raci.load("-", limits=limits)


def test_size_limit_of_a_file_that_reports_no_size() -> None:
    # /dev/zero says it is empty and never ends: it is refused before a byte is read.
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero")
    with pytest.raises(raci.LoadError, match="not a regular file"):
        raci.load("/dev/zero", limits=raci.Limits(max_bytes=1000))


@pytest.mark.parametrize("name", ["missing.yaml", "bad\x00name.yaml"])
def test_unreadable_paths_are_load_errors(name: str, tmp_path: Path) -> None:
    with pytest.raises(raci.LoadError) as caught:
        raci.load(str(tmp_path / name))
    (problem,) = caught.value.problems
    assert problem.message.startswith("cannot read file")
    assert "\x00" not in str(caught.value)


def test_a_libyaml_depth_stop_still_gives_our_own_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    """libyaml 0.2.6 (PyYAML 6.0.4) stops runs of brackets at depth 1000 before emitting any
    event; the loader then reads with the Python parser so its own bound and position win."""
    import yaml

    from raci.yaml import loader as yaml_loader

    class StopsAtDepth(yaml_loader.PythonParser):
        def get_event(self) -> object:
            mark = yaml.Mark("x", 0, 0, 1000, None, None)
            raise yaml.scanner.ScannerError(
                "while increasing flow level", mark, "exceeded maximum nesting depth", mark
            )

    monkeypatch.setattr(yaml_loader, "_Parser", StopsAtDepth)
    with pytest.raises(raci.LoadError) as caught:
        raci.loads("[" * 5_000, source_name="deep.yaml")
    (problem,) = caught.value.problems
    assert (problem.line, problem.column) == (1, MAX_DEPTH + 1)
    assert "nesting is deeper than" in problem.message
