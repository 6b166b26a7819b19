"""Spreadsheet round trip: `raci export` to XLSX/CSV and `raci import` back, on real files."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

import raci
from raci.workshop.spreadsheet import export_csv, export_xlsx, import_sheet
from raci.workshop.spreadsheet.escape import neutralise, restore
from raci.workshop.spreadsheet.guessing import guess_activity, guess_function, slugify
from raci.yaml.writer import dump_organization, scalar

from .conftest import EXAMPLES, run_subprocess

EXAMPLE_FILES = sorted(EXAMPLES.glob("*.yaml"))
_LIST = re.compile(r"\(([^()]*, [^()]*)\)")


def finding_keys(result: raci.CheckResult) -> list[tuple[object, ...]]:
    """Findings without their position; department lists in messages compared as sets (a
    grid has no per-task order of departments, so they come back in column order)."""

    def message(text: str) -> str:
        return _LIST.sub(lambda m: "(" + ", ".join(sorted(m.group(1).split(", "))) + ")", text)

    return sorted(
        (f.code, f.severity, f.task, f.department, f.activity, f.function, message(f.message), f.hint)
        for f in result.findings
    )


# --- round trips through the CLI ---------------------------------------------------------


@pytest.mark.parametrize("suffix", ["xlsx", "csv"])
@pytest.mark.parametrize("example", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_export_import_round_trip_keeps_model_and_findings(
    cli, tmp_path: Path, example: Path, suffix: str
) -> None:
    sheet = tmp_path / f"matrix.{suffix}"
    exported = cli("export", str(example), "-o", str(sheet))
    assert exported.code == 0, exported.stderr
    assert sheet.exists()
    written = tmp_path / "org.yaml"
    imported = cli("import", str(sheet), "-o", str(written))
    assert imported.code == 0, imported.stderr
    assert "warning:" not in imported.stderr  # nothing had to be guessed
    original = raci.load(example)
    back = raci.load(written)
    assert back.model_dump() == original.model_dump()
    for task_id, task in original.tasks.items():
        assert back.tasks[task_id].raci == task.raci
    assert finding_keys(raci.check(back)) == finding_keys(raci.check(original))


def test_round_trip_as_subprocess(tmp_path: Path) -> None:
    example = EXAMPLES / "classic-raci-mistakes.yaml"
    sheet = tmp_path / "m.xlsx"
    assert run_subprocess("export", str(example), "-o", str(sheet)).code == 0
    run = run_subprocess("import", str(sheet))
    assert run.code == 0, run.stderr
    assert raci.loads(run.stdout).model_dump() == raci.load(example).model_dump()


def test_rich_fields_round_trip(tmp_path: Path) -> None:
    text = """
organization: "Acme: Outdoor"
description: "Two lines\\nof text"
departments:
  "Sales:EMEA": {name: "=cmd|' /C calc'!A0", function: sales, capacity_hours: 12.5,
                 roles: ["Head of Sales, EMEA", "rep; junior", " padded "], description: "-5 people"}
  care: {function: support}
tasks:
  answer:
    name: "+Answer"
    activity: respond
    effort_hours: 2.25
    budget: 100
    review_horizon_days: 7
    channels: [x, "[odd]"]
    description: "@mention handling\\twith tab"
    raci: {care: RA, "Sales:EMEA": C}
  leads: {activity: sell, raci: {"Sales:EMEA": RA, care: I}}
rules:
  ignore: [RACI007]
  severity: {SOC401: info}
  options: {RACI004: {max_responsible: 2}}
"""
    org = raci.loads(text)
    for data, name in ((export_csv(org), "m.csv"), (export_xlsx(org, raci.check(org).findings), "m.xlsx")):
        path = tmp_path / name
        path.write_bytes(data)
        back = raci.loads(dump_organization(import_sheet(path).org))
        assert back.model_dump() == org.model_dump()
        assert finding_keys(raci.check(back)) == finding_keys(raci.check(org))


# --- the XLSX is readable ----------------------------------------------------------------


def test_xlsx_is_formatted_for_people(tmp_path: Path) -> None:
    example = EXAMPLES / "classic-raci-mistakes.yaml"
    org = raci.load(example)
    result = raci.check(org)
    path = tmp_path / "m.xlsx"
    path.write_bytes(export_xlsx(org, result.findings))
    workbook = load_workbook(path)
    assert workbook.sheetnames == ["RACI", "Findings", "Workload"]
    sheet = workbook["RACI"]
    header = next(r for r in range(1, 20) if sheet.cell(r, 1).value == "task")
    assert sheet.freeze_panes == f"C{header + 1}"
    assert sheet.cell(header, 1).font.bold
    first_dept = [sheet.cell(header, c).value for c in range(1, 20)].index("marketing") + 1
    assert [sheet.cell(r, 1).value for r in range(1, header)][-3:] == [
        "department name",
        "function",
        "capacity_hours",
    ]
    assert sheet.cell(header - 3, first_dept).value == "Product Marketing"
    assert sheet.cell(header - 1, first_dept).value == 50
    # letters are coloured by their strongest letter
    fills = {}
    for row in sheet.iter_rows(min_row=header + 1, min_col=first_dept):
        for cell in row:
            if cell.value:
                fills.setdefault(cell.value, cell.fill.fgColor.rgb)
    assert fills["RA"] == fills["A"] != fills["R"] != fills["C"] != fills["I"]
    widths = {letter: dim.width for letter, dim in sheet.column_dimensions.items()}
    assert widths["B"] > widths[sheet.cell(header, first_dept).column_letter] >= 6
    findings = workbook["Findings"]
    rows = list(findings.iter_rows(min_row=2, values_only=True))
    assert len(rows) == len(result.findings)
    assert sorted(r[1] for r in rows) == sorted(f.code for f in result.findings)
    assert findings.freeze_panes == "A2"


def test_exports_are_byte_identical(tmp_path: Path) -> None:
    org = raci.load(EXAMPLES / "shared-ownership.yaml")
    assert export_xlsx(org) == export_xlsx(org)
    assert export_csv(org) == export_csv(org)


# --- formula injection -------------------------------------------------------------------

DANGEROUS = ["=1+1", "+SUM(A1)", "-2", "@cmd", "\tx", "'=already", "''+twice"]


@pytest.mark.parametrize(
    "text", ["=1+1", "+x", "-x", "@x", "\tx", "\rx", "'=x", "''=x", "'plain", "plain", ""]
)
def test_neutralise_restore_round_trip(text: str) -> None:
    assert restore(neutralise(text)) == text
    if text[:1] in ("=", "+", "-", "@", "\t", "\r"):
        assert neutralise(text).startswith("'")


def _dangerous_org() -> raci.Organization:
    departments = {f"d{i}": {"name": name, "function": "other"} for i, name in enumerate(DANGEROUS)}
    tasks = {
        f"t{i}": {"name": name, "activity": "publish", "raci": {f"d{i}": "RA"}}
        for i, name in enumerate(DANGEROUS)
    }
    return raci.Organization.from_data(
        {"organization": '=HYPERLINK("x")', "departments": departments, "tasks": tasks}
    )


def test_csv_cells_are_neutralised_and_restored(tmp_path: Path) -> None:
    org = _dangerous_org()
    data = export_csv(org)
    cells = [cell for row in csv.reader(io.StringIO(data.decode("utf-8-sig"))) for cell in row]
    for cell in cells:
        assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
    assert '\'=HYPERLINK("x")' in cells
    path = tmp_path / "m.csv"
    path.write_bytes(data)
    assert import_sheet(path).org.model_dump() == org.model_dump()


def test_xlsx_cells_are_text_never_formulas(tmp_path: Path) -> None:
    org = _dangerous_org()
    path = tmp_path / "m.xlsx"
    path.write_bytes(export_xlsx(org))
    sheet = load_workbook(path)["RACI"]
    found = 0
    for row in sheet.iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and cell.value.startswith(("=", "+", "-", "@", "\t")):
                assert cell.data_type == "s"
                assert cell.quotePrefix
                found += 1
    assert found >= 6
    assert import_sheet(path).org.model_dump() == org.model_dump()


# --- plain sheets a team keeps -----------------------------------------------------------

PLAIN_ROWS = [
    ["Social media RACI 2024"],
    [],
    ["", "Marketing", "Customer Care", "Comms", "Sales", "Founder's Office"],
    ["Answer public complaints", "I", "RA", "C", None, None],
    ["Write posts", "RA", None, "C", "I", "-"],
    ["Handle incidents", "C", "i", "r/a", None, "I"],
    ["Quarterly ROI review", "RA", None, None, "C", "I"],
    ["Answer demo requests", "I", None, None, "RA", None],
]


def _write_xlsx(path: Path, rows: list[list[object]], title: str = "Matrix") -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    workbook.save(path)


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_plain_sheet_is_imported_with_a_warning_per_guess(cli, tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"team.{suffix}"
    if suffix == "csv":
        with path.open("w", newline="", encoding="utf-8") as stream:
            csv.writer(stream, delimiter=";").writerows([[c or "" for c in row] for row in PLAIN_ROWS])
    else:
        _write_xlsx(path, PLAIN_ROWS)
    out = tmp_path / "org.yaml"
    run = cli("import", str(path), "-o", str(out))
    assert run.code == 0, run.stderr
    org = raci.load(out)
    assert list(org.departments) == ["marketing", "customer-care", "comms", "sales", "founders-office"]
    assert org.departments["customer-care"].name == "Customer Care"
    assert org.departments["customer-care"].function.value == "customer_service"
    assert org.departments["comms"].function.value == "public_relations"
    assert org.departments["founders-office"].function.value == "other"
    activities = {task_id: task.activity.value for task_id, task in org.tasks.items()}
    assert activities == {
        "answer-public-complaints": "respond",
        "write-posts": "create",
        "handle-incidents": "recover",
        "quarterly-roi-review": "measure",
        "answer-demo-requests": "sell",
    }
    assert org.tasks["handle-incidents"].raci["comms"] == frozenset({raci.Letter("R"), raci.Letter("A")})
    assert "founders-office" not in org.tasks["write-posts"].raci  # "-" means no letter
    assert org.organization == "Social media RACI 2024"
    warnings = [line for line in run.stderr.splitlines() if "warning:" in line]
    guesses = [line for line in run.stderr.splitlines() if ": guess: " in line]
    # Every guess listed once, at its cell: 5 functions (one of them the fallback) + 5 activities.
    assert len(guesses) == 5 + 5
    assert "raci: 10 guesses from names; check them and fix any wrong one:" in run.stderr
    assert sum("no word of the name names a function" in line for line in guesses) == 1  # Founder's Office
    assert any("organization name taken from the title" in line for line in warnings)
    if suffix == "xlsx":
        assert any(line.startswith(f"{path}:Matrix!B3: guess: department 'Marketing'") for line in guesses)
        assert any(line.startswith(f"{path}:Matrix!A4: guess: task 'Answer public") for line in guesses)
    else:
        assert any(line.startswith(f"{path}:3:2: guess: department 'Marketing'") for line in guesses)
        assert any(line.startswith(f"{path}:4:1: guess: task 'Answer public") for line in guesses)


# --- broken sheets -----------------------------------------------------------------------

BROKEN_ROWS = [
    ["organization", "Acme"],
    ["department name", None, None, "Marketing", "Care"],
    ["function", None, None, "marketing", "supprt"],
    ["capacity_hours", None, None, "lots", 10],
    ["task", "name", "activity", "marketing", "care"],
    ["answer", "Answer", "respond", "RX", "RA"],
    ["answer", "Answer again", "respond", "R", "A"],
    ["post", "Post", "blogging", "RA", None],
    [None, None, None, "R", None],
]


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_broken_sheet_gives_located_errors_and_writes_nothing(cli, tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"broken.{suffix}"
    if suffix == "csv":
        with path.open("w", newline="", encoding="utf-8") as stream:
            csv.writer(stream).writerows([["" if c is None else c for c in row] for row in BROKEN_ROWS])
    else:
        _write_xlsx(path, BROKEN_ROWS, title="RACI")
    out = tmp_path / "org.yaml"
    run = cli("import", str(path), "-o", str(out))
    assert run.code == 2
    assert not out.exists()
    assert not list(tmp_path.glob(".org.yaml*"))
    lines = run.stderr.splitlines()
    expected = {
        (3, 5): "unknown function 'supprt'",
        (4, 4): "must be a number",
        (6, 4): "unknown RACI letter 'X'",
        (7, 1): "'answer' appears twice",
        (8, 3): "unknown activity 'blogging'",
        (9, 1): "no task in column A",
    }
    for (row, column), text in expected.items():
        where = f"{path}:{row}:{column}:" if suffix == "csv" else f"{path}:RACI!{'ABCDE'[column - 1]}{row}:"
        assert any(line.startswith(where) and text in line for line in lines), (where, lines)
    assert lines[-1].endswith("nothing written")


def test_failed_import_leaves_an_existing_output_alone(cli, tmp_path: Path) -> None:
    path = tmp_path / "broken.csv"
    path.write_text("task,name,activity,marketing\nx,X,nonsense,Q\n", encoding="utf-8")
    out = tmp_path / "org.yaml"
    out.write_text("keep me", encoding="utf-8")
    assert cli("import", str(path), "-o", str(out)).code == 2
    assert out.read_text(encoding="utf-8") == "keep me"


def test_formula_without_saved_value_is_located(tmp_path: Path) -> None:
    path = tmp_path / "f.xlsx"
    _write_xlsx(path, [["task", "Marketing"], ["Publish posts", '=CONCAT("R","A")']], title="RACI")
    with pytest.raises(raci.LoadError) as caught:
        import_sheet(path)
    assert str(caught.value).startswith(f"{path}:RACI!B2: a formula with no saved value")


def test_not_a_workbook_and_unknown_suffix(cli, tmp_path: Path) -> None:
    fake = tmp_path / "fake.xlsx"
    fake.write_text("not a zip", encoding="utf-8")
    run = cli("import", str(fake))
    assert run.code == 2 and "not a readable .xlsx workbook" in run.stderr
    other = tmp_path / "m.ods"
    other.write_text("x", encoding="utf-8")
    assert "unknown spreadsheet type" in cli("import", str(other)).stderr
    assert cli("export", str(EXAMPLES / "shared-ownership.yaml"), "-o", str(tmp_path / "m.ods")).code == 2
    assert not (tmp_path / "m.ods.tmp").exists()


def test_unknown_sheet_is_named(tmp_path: Path) -> None:
    path = tmp_path / "m.xlsx"
    _write_xlsx(path, [["task", "Marketing"], ["Publish posts", "RA"]], title="Matrix")
    with pytest.raises(raci.LoadError, match="no sheet named 'Nope'; sheets: Matrix"):
        import_sheet(path, sheet="Nope")


def test_csv_in_windows_1252_is_read_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "m.csv"
    path.write_bytes("task;Marketing;Café team\nPublish posts;RA;I\n".encode("cp1252"))
    result = import_sheet(path, organization="Acme")
    assert result.org.departments["café-team"].name == "Café team"
    assert any("read as windows-1252 (detected)" in str(w) for w in result.warnings)


# --- guessing and the YAML writer --------------------------------------------------------


def test_guesses() -> None:
    assert guess_function("Product Marketing").value == "marketing"
    assert guess_function("Marketing Operations").value == "marketing"
    assert guess_function("Customer Success").value == "customer_service"
    assert guess_function("Founder's Office") is None
    assert guess_activity("Answer demo requests from social").value == "sell"
    assert guess_activity("Post status-page updates during outages").value == "recover"
    assert guess_activity("Lunch") is None
    assert slugify("Founder\u2019s Office") == "founders-office"
    assert slugify("  Sales / EMEA ") == "sales-emea"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=30))
def test_yaml_scalars_read_back_as_written(text: str) -> None:
    for block in (False, True):
        rendered = scalar(text, block=block)
        document = f"key: {rendered}" if block else f"{{key: {rendered}}}"
        assert yaml.safe_load(document) == {"key": text}


def test_yaml_writer_quotes_what_yaml_would_change() -> None:
    assert scalar("no") == '"no"'
    assert scalar("2024") == '"2024"'
    assert scalar("Sales: EMEA") == '"Sales: EMEA"'
    assert scalar("Founder's Office") == "Founder's Office"
    assert scalar(15.0) == "15" and scalar(2.5) == "2.5" and scalar(1e-05) == "0.00001"


@pytest.mark.parametrize("example", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_yaml_writer_output_loads_back_to_the_same_model(example: Path) -> None:
    org = raci.load(example)
    text = dump_organization(org)
    assert raci.loads(text).model_dump() == org.model_dump()
    assert dump_organization(raci.loads(text)) == text
    assert "\n  tasks" not in text and "raci: {" in text
