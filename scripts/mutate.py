"""A small mutation run: do the tests notice a one-token change in the rules and the loaders?

Each mutant changes one token of one file: a comparison (``>`` <-> ``>=``, ``<`` <-> ``<=``,
``==`` <-> ``!=``), a boolean operator (``and`` <-> ``or``), a dropped ``not``, a constant
(``True`` <-> ``False``, a small whole number +1), or the comment cut of the fast reader
(``" #"`` -> ``"#"``). Only code that decides something is mutated: the ``check`` methods and
module-level functions of each rule (not fix proposals, gap drawing or wording), and the
fast reader, the composer and ``Limits``. Each mutant runs in a copy of the repository,
against only the tests of its module (``pytest -x``, stopping at the first failure), so the
run stays affordable on a shared machine. It is not part of the test suite.

    python scripts/mutate.py                     # everything (hours on 2 busy cores)
    python scripts/mutate.py raci/rules/raci006_overloaded_department.py
    python scripts/mutate.py --every 3 raci/yaml/fast_reader.py   # every third mutant
    python scripts/mutate.py --start 40 --timeout 240 ...          # resume; shorter hang limit

Prints each surviving mutant (file:line, the change) and the score: killed / all.
"""

from __future__ import annotations

import ast
import io
import os
import shutil
import subprocess
import sys
import tempfile
import tokenize
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RULE_TESTS = ["tests/rules", "tests/test_rule_boundaries.py"]
LOADER_TESTS = [  # quickest first: -x stops at the first that fails
    "tests/test_limits.py",
    "tests/test_fast_yaml.py",
    "tests/test_loader_traps.py",
    "tests/test_one_yaml_language.py",
]
SWAPS = {">": ">=", ">=": ">", "<": "<=", "<=": "<", "==": "!=", "!=": "==", "and": "or", "or": "and"}
SWAPS |= {"True": "False", "False": "True"}


@dataclass(frozen=True)
class Mutant:
    path: str
    line: int
    column: int
    old: str
    new: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column + 1}: {self.old!r} -> {self.new!r}"


def targets() -> dict[str, list[str]]:
    found = {str(p.relative_to(ROOT)): RULE_TESTS for p in sorted((ROOT / "raci/rules").glob("*.py"))}
    for name in ("__init__.py", "base.py", "fixes.py", "gaps.py", "wording.py", "flow.py"):
        found.pop(f"raci/rules/{name}", None)
    found["raci/yaml/fast_reader.py"] = LOADER_TESTS
    found["raci/yaml/loader.py"] = LOADER_TESTS
    return found


#: The loaders' functions that decide what is read and what is refused. (Not mutated: the
#: pure-Python parser used only without libyaml, and the position finders for shown problems.)
LOADER_FUNCTIONS = {
    "raci/yaml/fast_reader.py": {
        "fast_parse", "_plain", "_quoted", "_scalar", "_key", "_flow", "_flat_flow", "_flow_tokens",
        "_flow_size", "_read", "_without_comment",
    },
    "raci/yaml/loader.py": {"__post_init__", "_add", "_count_item", "_walk", "decode"},
}  # fmt: skip


def decisive_lines(source: str, path: str) -> set[int]:
    """Lines of code that decide: rules' check methods and plain functions; loader code."""
    tree = ast.parse(source)
    lines: set[int] = set()
    loader = path.startswith("raci/yaml/")
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            decorated = any(isinstance(d, ast.Name) and d.id == "classmethod" for d in node.decorator_list)
            if loader and node.name not in LOADER_FUNCTIONS[path]:
                continue
            if loader or (node.name == "check" or (not decorated and node.col_offset == 0)):
                body_start = node.body[0].lineno
                if isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant):
                    body_start = node.body[0].end_lineno or body_start  # skip the docstring
                lines.update(range(body_start, (node.end_lineno or body_start) + 1))
    return lines


def mutants(path: str) -> list[Mutant]:
    source = original(path)
    lines = decisive_lines(source, path)
    found = []
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        line, column = token.start
        if line not in lines:
            continue
        text = token.string
        if token.type in (tokenize.OP, tokenize.NAME) and text in SWAPS:
            found.append(Mutant(path, line, column, text, SWAPS[text]))
        elif token.type == tokenize.NAME and text == "not":
            found.append(Mutant(path, line, column, "not ", ""))
        elif token.type == tokenize.NUMBER and text.isdigit() and int(text) < 100:
            found.append(Mutant(path, line, column, text, str(int(text) + 1)))
        elif token.type == tokenize.STRING and text in ('" #"', "' #'"):
            found.append(Mutant(path, line, column, text, '"#"'))
    return found


#: The sources as they were when the run began: the working tree may change meanwhile.
ORIGINALS: dict[str, str] = {}


def original(path: str) -> str:
    if path not in ORIGINALS:
        ORIGINALS[path] = (ROOT / path).read_text(encoding="utf-8")
    return ORIGINALS[path]


def apply(copy: Path, mutant: Mutant) -> None:
    target = copy / mutant.path
    lines = original(mutant.path).splitlines(keepends=True)
    row = lines[mutant.line - 1]
    assert row[mutant.column :].startswith(mutant.old), mutant
    lines[mutant.line - 1] = row[: mutant.column] + mutant.new + row[mutant.column + len(mutant.old) :]
    target.write_text("".join(lines), encoding="utf-8")


#: A mutant whose tests run longer than this hangs them (an endless loop): noticed, killed.
TIMEOUT = 900.0


def killed(copy: Path, mutant: Mutant, tests: list[str]) -> bool:
    apply(copy, mutant)
    try:
        env = {**os.environ, "PYTHONPATH": str(copy), "NO_COLOR": "1", "PYTHONDONTWRITEBYTECODE": "1"}
        completed = subprocess.run(
            [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", *tests],
            cwd=copy,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=TIMEOUT,
            check=False,
        )
        return completed.returncode != 0
    except subprocess.TimeoutExpired:
        return True  # a mutant that hangs the tests is noticed
    finally:
        (copy / mutant.path).write_text(original(mutant.path), encoding="utf-8")


def main(argv: list[str]) -> int:
    global TIMEOUT
    every, start = 1, 0
    while argv[:1] and argv[0] in ("--every", "--start", "--timeout"):
        flag, value, argv = argv[0], argv[1], argv[2:]
        if flag == "--every":
            every = int(value)
        elif flag == "--start":
            start = int(value)  # resume a run: skip the first mutants of the selection
        else:
            TIMEOUT = float(value)
    chosen = targets()
    if argv:
        chosen = {path: tests for path, tests in chosen.items() if path in argv}
    survivors: list[Mutant] = []
    total = 0
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "repo"
        shutil.copytree(
            ROOT, copy, ignore=shutil.ignore_patterns(".git", "__pycache__", ".hypothesis", "*.egg-info")
        )
        selection = [(m, tests) for path, tests in chosen.items() for m in mutants(path)[::every]]
        for mutant, tests in selection[start:]:
            total += 1
            alive = not killed(copy, mutant, tests)
            print(f"{'SURVIVED' if alive else 'killed  '} {mutant}", flush=True)
            if alive:
                survivors.append(mutant)
    score = (total - len(survivors)) / total if total else 1.0
    print(f"\n{total - len(survivors)} of {total} mutants killed: {score:.0%}")
    for mutant in survivors:
        print(f"survivor: {mutant}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
