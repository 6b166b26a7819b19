"""`raci import` on matrices in the shapes people publish (tests/data/matrices/).

Each matrix was written for these tests after the layouts, spellings, legends, phases and
encodings of RACI matrices in public repositories: governance pages in Markdown, CSV
exports, PMO and security workbooks, in English, French, Polish and Russian. Each must
import as published, with no hand edit; the counts and the findings the rules then report
are pinned, so a change in the importer that loses a task or a letter shows up here.
"""

from __future__ import annotations

import json
import runpy
from collections import Counter
from pathlib import Path

import pytest
from openpyxl import load_workbook

import raci
from tests.conftest import ROOT, run_subprocess

MATRICES = Path(__file__).parent / "data" / "matrices"

#: file -> (extra import options, tasks, departments, finding codes after import).
CORPUS: dict[str, tuple[tuple[str, ...], int, int, dict[str, int]]] = {
    "governance_en.md": ((), 10, 6, {"RACI007": 1}),
    "phases_fr.md": ((), 9, 4, {"RACI002": 1, "RACI007": 1}),
    "security_ru.md": ((), 6, 5, {}),
    "several_tables.md": ((), 5, 5, {"RACI001": 1}),
    "transposed_en.md": (
        (),
        7,
        15,
        {"SOC101": 1, "SOC103": 1, "SOC201": 1, "SOC301": 1, "SOC401": 2, "SOC402": 4},
    ),
    "devops_sections.csv": ((), 14, 3, {}),
    "itil_incident.csv": ((), 8, 5, {}),
    "drasci.csv": (
        ("--letter-map", "D=A"),
        4,
        5,
        {
            "RACI001": 2,
            "SOC102": 1,
            "SOC103": 1,
            "SOC104": 2,
            "SOC201": 1,
            "SOC301": 1,
            "SOC401": 3,
            "SOC402": 4,
        },
    ),
    "polish_excel.csv": ((), 7, 5, {"SOC103": 1, "SOC201": 1, "SOC301": 1, "SOC401": 7, "SOC402": 3}),
    "transposed_ru.csv": ((), 5, 7, {"SOC103": 1, "SOC201": 1, "SOC301": 1, "SOC401": 5, "SOC402": 3}),
    "social_numbered.tsv": ((), 7, 5, {"SOC102": 1, "SOC201": 1, "SOC401": 6, "SOC402": 3}),
    "pmo_workbook.xlsx": (
        (),
        10,
        6,
        {"SOC101": 1, "SOC103": 1, "SOC201": 1, "SOC301": 1, "SOC401": 1, "SOC402": 4},
    ),
    "security_roles.xlsx": ((), 7, 5, {}),
    "social_rasci.xlsx": ((), 6, 5, {"RACI007": 2, "SOC201": 1, "SOC301": 1, "SOC401": 6, "SOC402": 3}),
}


def _import(name: str, tmp_path: Path, *options: str) -> tuple[raci.Organization, str]:
    out = tmp_path / "org.yaml"
    run = run_subprocess("import", str(MATRICES / name), "-o", str(out), *options)
    assert run.code == 0, run.stderr
    return raci.load(out), run.stderr


def _codes(path: Path) -> dict[str, int]:
    run = run_subprocess("check", str(path), "--format", "json")
    report = json.loads(run.stdout)
    return dict(Counter(finding["code"] for finding in report["findings"]))


@pytest.mark.parametrize("name", sorted(CORPUS))
def test_each_published_matrix_imports_as_published(name: str, tmp_path: Path) -> None:
    options, tasks, departments, codes = CORPUS[name]
    org, stderr = _import(name, tmp_path, *options)
    assert (len(org.tasks), len(org.departments)) == (tasks, departments)
    assert _codes(tmp_path / "org.yaml") == codes
    # Every activity and function came from a name: each is listed once with its row.
    guesses = [line for line in stderr.splitlines() if ": guess: " in line]
    assert sum(": activity " in line for line in guesses) == tasks
    assert sum(": function " in line for line in guesses) == departments


def test_the_corpus_covers_every_format_and_at_least_twelve_matrices() -> None:
    files = sorted(p.name for p in MATRICES.iterdir() if p.suffix in (".md", ".csv", ".tsv", ".xlsx"))
    assert len(files) >= 12
    assert {Path(name).suffix for name in files} == {".md", ".csv", ".tsv", ".xlsx"}
    assert set(CORPUS) == set(files)


# --- the Polish Excel CSV: semicolons, Windows-1250 ------------------------------------------


def test_polish_excel_csv_comes_out_with_exact_names(tmp_path: Path) -> None:
    data = (MATRICES / "polish_excel.csv").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")  # the fixture really is Windows-1250
    org, stderr = _import("polish_excel.csv", tmp_path)
    assert "read as windows-1250 (detected)" in stderr
    names = [dept.name for dept in org.departments.values()]
    assert names == ["Marketing", "Obsługa Klienta", "Dział Prawny", "Kadry", "Zarząd"]
    assert org.organization == "Macierz RACI \u2013 media społecznościowe"
    assert org.tasks["odpowiedź-na-skargi-klientów-w-komentarzach"].name == (
        "Odpowiedź na skargi klientów w komentarzach"
    )
    assert org.departments["obsługa-klienta"].function.value == "customer_service"
    assert org.departments["dział-prawny"].function.value == "legal"
    assert org.departments["zarząd"].function.value == "executive"
    text = (tmp_path / "org.yaml").read_text(encoding="utf-8")
    assert not set("³¹¿ŸœŒ") & set(text)  # what Windows-1252 would have made of ł, ą, ż, ź, ś


def test_ambiguous_bytes_are_refused_and_name_the_encoding_option(tmp_path: Path) -> None:
    # "Zarząd" alone: ą is 0xB9 in Windows-1250 and š in ISO-8859-2; nothing else tells them apart.
    path = tmp_path / "m.csv"
    path.write_bytes("Zadanie;Dział Prawny;Zarząd\nPublikacja postów;R;A\n".encode("cp1250"))
    out = tmp_path / "org.yaml"
    run = run_subprocess("import", str(path), "-o", str(out))
    assert run.code == 2
    assert f"{path}:1:1: not UTF-8, and the encoding is ambiguous" in run.stderr
    assert "--encoding windows-1250" in run.stderr
    assert not out.exists()
    run = run_subprocess("import", str(path), "-o", str(out), "--encoding", "windows-1250")
    assert run.code == 0, run.stderr
    assert [d.name for d in raci.load(out).departments.values()] == ["Dział Prawny", "Zarząd"]


# --- shapes ------------------------------------------------------------------------------


def test_phases_are_kept_and_equal_names_in_different_phases_stay_apart(tmp_path: Path) -> None:
    org, _ = _import("phases_fr.md", tmp_path)
    assert org.tasks["validation"].phase == "Phase 2 : Réalisation (semaines 4-12)"
    assert org.tasks["phase-3-validation"].phase == "Phase 3 : Déploiement (semaines 13-14)"
    assert org.tasks["phase-3-validation"].name == "Validation"
    phases = Counter(task.phase for task in org.tasks.values())
    assert sorted(phases.values()) == [3, 3, 3]
    # The legend table above and the remark below are not tasks.
    assert not any("Réalisateur" in (task.name or "") for task in org.tasks.values())


def test_workbook_table_away_from_a1_with_title_phases_notes_and_legend(tmp_path: Path) -> None:
    org, stderr = _import("pmo_workbook.xlsx", tmp_path)
    path = MATRICES / "pmo_workbook.xlsx"
    assert org.organization == "Website relaunch RACI matrix"  # the two-line title, one line
    assert f"{path}:'RACI Matrix'!C2: warning: a line break in a name was read as a space" in stderr
    assert "read sheet 'RACI Matrix'; also in the workbook: 'Cover', 'Legend'" in stderr
    assert f"{path}:'RACI Matrix'!C23: warning: row 23 below the table not read" in stderr
    assert org.tasks["review-and-sign-off"].phase == "Design"
    assert org.tasks["build-review-and-sign-off"].phase == "Build"
    build = org.tasks["front-end-build"]
    assert build.raci["web-agency"] == frozenset({raci.Letter("R")})  # "R (Build)"
    assert build.description == "Web Agency: Build"  # the note is kept
    assert org.tasks["review-and-sign-off"].raci["legal-counsel"] == frozenset({raci.Letter("C")})  # "(C)"
    assert "legal-counsel" not in org.tasks["build-review-and-sign-off"].raci  # "n/a"


def test_the_raci_sheet_is_found_by_its_letters_and_a_merged_phase_column_is_read(tmp_path: Path) -> None:
    org, stderr = _import("security_roles.xlsx", tmp_path)
    assert "read sheet 'Roles'" in stderr
    assert [t.phase for t in org.tasks.values()] == ["Quarterly"] * 3 + ["Annual"] * 4
    assert org.tasks["annual-access-review"].name == "Access review"
    assert "dpo" not in org.tasks["access-review"].raci  # "—"
    assert "hr" not in org.tasks["data-protection-impact-assessment"].raci  # "N/A"


def test_transposed_matrix_makes_departments_of_the_names(tmp_path: Path) -> None:
    org, stderr = _import("transposed_en.md", tmp_path)
    assert "read as a transposed matrix" in stderr
    pricing = org.tasks["pricing-approval"].raci
    letters = {dept: "".join(sorted(x.value for x in held)) for dept, held in pricing.items()}
    assert letters == {"finance": "R", "legal": "R", "cfo": "A", "product-marketing": "C", "sales": "C"} | {
        "executives": "I"
    }


def test_markdown_table_choice_and_table_option(tmp_path: Path) -> None:
    org, stderr = _import("several_tables.md", tmp_path)
    assert "read table 1; other RACI tables with other columns were left: table 2 (line 17)" in stderr
    assert next(iter(org.tasks)) == "code-changes"  # **bold** names are read plain
    org, _ = _import("several_tables.md", tmp_path, "--table", "2")
    assert list(org.departments) == ["on-call-engineer", "incident-commander", "support", "communications"]
    run = run_subprocess("import", str(MATRICES / "several_tables.md"), "--table", "3")
    assert run.code == 2 and "--table 3: the file has 2 tables" in run.stderr


def test_problems_in_markdown_point_at_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "m.md"
    path.write_text(
        "# Team\n\nR = Responsible\n\n| Task | Dev | QA |\n|---|---|---|\n"
        "| Build | R | A |\n| Test | A | Q |\n",
        encoding="utf-8",
    )
    out = tmp_path / "org.yaml"
    run = run_subprocess("import", str(path), "-o", str(out))
    assert run.code == 2
    assert run.stderr.startswith(f"{path}:8:14: ")  # line 8, the Q at character 14
    assert "unknown RACI letter 'Q'" in run.stderr
    assert not out.exists()


def test_problems_in_a_workbook_point_at_the_cell(tmp_path: Path) -> None:
    book = load_workbook(MATRICES / "pmo_workbook.xlsx")
    book["RACI Matrix"]["E7"] = "Q"
    path = tmp_path / "broken.xlsx"
    book.save(path)
    run = run_subprocess("import", str(path), "-o", str(tmp_path / "org.yaml"))
    assert run.code == 2
    assert f"{path}:'RACI Matrix'!E7: " in run.stderr
    assert not (tmp_path / "org.yaml").exists()


def test_each_problem_is_reported_once(tmp_path: Path) -> None:
    rows = ["Task,Dev,QA"] + [f"Task {n},R,Q" for n in range(1, 31)]
    path = tmp_path / "m.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    run = run_subprocess("import", str(path))
    problems = [line for line in run.stderr.splitlines() if "unknown RACI letter 'Q'" in line]
    assert len(problems) == 30
    assert len(set(problems)) == 30
    assert "raci: " in run.stderr and "30 problems; nothing written" in run.stderr


def test_the_same_name_twice_in_one_phase_is_kept_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "m.csv"
    path.write_text("Task,Dev,QA\nTriage,R,A\nDeploy,A,R\nTriage,R,A\n", encoding="utf-8")
    org, stderr = _import(str(path), tmp_path)
    assert list(org.tasks) == ["triage", "deploy", "triage-2"]
    assert (
        f"{path}:4:1: warning: task 'triage' appears twice (first in row 2): imported as triage-2" in stderr
    )


def test_the_workbooks_are_what_the_generator_writes(tmp_path: Path) -> None:
    generator = runpy.run_path(str(MATRICES / "make_workbooks.py"))
    for name, make in generator["WORKBOOKS"].items():
        make().save(tmp_path / name)
        for fresh, committed in zip(
            load_workbook(tmp_path / name).worksheets, load_workbook(MATRICES / name).worksheets, strict=True
        ):
            assert fresh.title == committed.title
            assert [[c.value for c in row] for row in fresh.iter_rows()] == [
                [c.value for c in row] for row in committed.iter_rows()
            ]


def test_rasci_support_and_other_letters(tmp_path: Path) -> None:
    org, _ = _import("social_rasci.xlsx", tmp_path)
    complaints = org.tasks["answer-complaints-on-facebook"]
    assert complaints.raci["social-media-team"] == frozenset({raci.Letter("S")})
    assert complaints.description == "Within 2 hours"  # the Notes column
    itil, _ = _import("itil_incident.csv", tmp_path)
    assert itil.tasks["initial-diagnosis"].raci["2nd-line-support"] == frozenset({raci.Letter("S")})
    # DRASCI's D is not guessed: refused at its cell, naming --letter-map.
    path = MATRICES / "drasci.csv"
    out = tmp_path / "drasci.yaml"
    run = run_subprocess("import", str(path), "-o", str(out))
    assert run.code == 2 and not out.exists()
    assert f"{path}:2:2: " in run.stderr and "--letter-map D=A" in run.stderr
    org, _ = _import("drasci.csv", tmp_path, "--letter-map", "D=A")
    assert org.tasks["annual-social-media-strategy"].raci["board"] == frozenset({raci.Letter("A")})
    run = run_subprocess("import", str(path), "--letter-map", "D")
    assert run.code == 2 and "--letter-map 'D'" in run.stderr


def test_a_matrix_marked_with_x_is_refused_naming_the_letter_map(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("Task,Dev,QA,PM\nBuild,x,,X\nTest,,x,\n", encoding="utf-8")
    run = run_subprocess("import", str(path))
    assert run.code == 2
    assert "cells are marked 'X', which is not a RACI letter" in run.stderr
    assert "--letter-map X=R" in run.stderr
    org, _ = _import(str(path), tmp_path, "--letter-map", "X=R")
    assert {task_id: sorted(task.raci) for task_id, task in org.tasks.items()} == {
        "build": ["dev", "pm"],
        "test": ["qa"],
    }


@pytest.mark.parametrize("suffix", ["xlsx", "csv"])
def test_an_imported_matrix_round_trips_through_export_with_its_phases(tmp_path: Path, suffix: str) -> None:
    org, _ = _import("phases_fr.md", tmp_path)
    sheet = tmp_path / f"m.{suffix}"
    assert run_subprocess("export", str(tmp_path / "org.yaml"), "-o", str(sheet)).code == 0
    back = tmp_path / "back.yaml"
    run = run_subprocess("import", str(sheet), "-o", str(back))
    assert run.code == 0, run.stderr
    assert raci.load(back).model_dump() == org.model_dump()
    assert back.read_bytes() == (tmp_path / "org.yaml").read_bytes()


def test_a_matrix_of_office_work_reads_incident_as_office_work(tmp_path: Path) -> None:
    org, stderr = _import("itil_incident.csv", tmp_path)
    assert {task.activity.value for task in org.tasks.values()} == {"other"}
    assert "activity 'other' (the word 'incident' in a matrix of office work)" in stderr
    # The legend above (row 4) and the notes below are not tasks.
    assert len(org.tasks) == 8 and org.organization.startswith("Service Desk RACI")


# --- guesses -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "activity"),
    [
        ("Interview team leads", "other"),
        ("Internal Audit Lead", "other"),
        ("Code review", "other"),
        ("Code reviews", "other"),
        ("Onboard new hires", "other"),
        ("Approve the quarterly budget", "other"),
        ("Backup and recovery", "other"),
        ("Incident management", "other"),
        ("Community management", "respond"),
        ("Monthly report", "other"),
        ("Answer public complaints", "respond"),
        ("Reply to candidates who comment on job posts", "respond"),
        ("Monitor brand mentions", "monitor"),
        ("Handle incidents", "recover"),
        ("Answer demo requests", "sell"),
        ("Approve press releases", "media_relations"),
        ("Odpowiedź na skargi klientów", "respond"),
    ],
)
def test_activity_guesses_are_honest(name: str, activity: str) -> None:
    from raci.workshop.spreadsheet.guessing import guess_task_activity

    assert guess_task_activity(name).value == activity


def test_a_weak_guess_says_so() -> None:
    from raci.workshop.spreadsheet.guessing import guess_department_function, guess_task_activity

    weak = guess_task_activity("Go-live")
    assert (weak.value, weak.confident) == ("other", False)
    assert guess_task_activity("Code review") == guess_task_activity("Code reviews")
    assert guess_department_function("Lawyers").value == "legal"
    assert guess_department_function("Recruiters").value == "hr"
    assert guess_department_function("Head of Sales").value == "sales"
    assert guess_department_function("Internal Audit Lead").value == "other"


def test_audience_is_guessed_only_where_the_name_says_it(tmp_path: Path) -> None:
    org, stderr = _import("polish_excel.csv", tmp_path)
    candidates = org.tasks["odpowiedzi-kandydatom-pod-ogłoszeniami-o-pracę"]
    assert candidates.audience.value == "candidates"
    assert org.tasks["kontakt-z-dziennikarzami"].audience.value == "media"
    assert org.tasks["publikacja-postów-na-facebooku"].audience.value == "customers"
    assert "audience 'candidates' (the word 'kandydatom')" in stderr


def test_the_readme_import_example_is_a_real_run(tmp_path: Path) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Importing an existing RACI matrix") :]

    def block(kind: str) -> str:
        start = section.index(f"```{kind}\n") + len(f"```{kind}\n")
        return section[start : section.index("```", start)]

    before = ROOT / "docs" / "import-example.md"
    assert block("markdown") == before.read_text(encoding="utf-8")
    out = tmp_path / "org.yaml"
    run = run_subprocess("import", "docs/import-example.md", "-o", str(out), cwd=ROOT)
    assert run.code == 0, run.stderr
    assert block("yaml") == out.read_text(encoding="utf-8")
    for line in block("text").splitlines():
        assert line in run.stderr.splitlines()


def test_markdown_tables_are_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from raci.workshop.spreadsheet import markdown
    from raci.workshop.spreadsheet.sheet_import import import_sheet

    path = tmp_path / "m.md"
    path.write_text("| Task | Dev |\n|---|---|\n" + "| Build | R |\n" * 30, encoding="utf-8")
    assert len(import_sheet(path).org.tasks) == 30  # 30 equal names, kept apart by number
    monkeypatch.setattr(markdown, "MAX_CELLS", 50)
    with pytest.raises(raci.LoadError, match="tables larger than"):
        import_sheet(path)


def test_a_grouping_column_before_the_tasks_and_footnote_marks(tmp_path: Path) -> None:
    path = tmp_path / "area.csv"
    path.write_text(
        "Area,Task,PM,Dev\nPlanning,Scope,A*,C\n,Estimate,R,A\nDelivery,Build,I,A/R\n", encoding="utf-8"
    )
    org, _ = _import(str(path), tmp_path)
    assert [(t.name, t.phase) for t in org.tasks.values()] == [
        ("Scope", "Planning"),
        ("Estimate", "Planning"),
        ("Build", "Delivery"),
    ]
    assert org.tasks["scope"].raci["pm"] == frozenset({raci.Letter("A")})
    assert org.tasks["scope"].description == "PM: footnote *"


def test_phase_headings_are_named_so_a_misread_task_shows(tmp_path: Path) -> None:
    _, stderr = _import("devops_sections.csv", tmp_path)
    path = MATRICES / "devops_sections.csv"
    assert (
        f"{path}:2:1: warning: 5 rows with a name and no letters read as phase headings: "
        "'Source control platform' (row 2), 'Access management' (row 6), 'Code management' (row 10), "
        "'Build pipelines' (row 13), 'Support' (row 17); a task nobody holds yet needs a '-' in its cells"
    ) in stderr


def test_excel_unicode_text_utf16_is_read(tmp_path: Path) -> None:
    # Excel's "Unicode Text" is UTF-16 with a byte-order mark, tab-separated.
    path = tmp_path / "m.tsv"
    path.write_bytes(
        "Zadanie\tObsługa Klienta\tDział Prawny\r\nOdpowiedź na skargi\tR/A\tC\r\n".encode("utf-16")
    )
    org, stderr = _import(str(path), tmp_path)
    assert [d.name for d in org.departments.values()] == ["Obsługa Klienta", "Dział Prawny"]
    assert "detected" not in stderr  # a byte-order mark is certain, not a guess


@pytest.mark.parametrize("header", [",Task", "WBS,Task", "#,Task"])
def test_a_numbering_column_is_skipped_with_or_without_a_header(tmp_path: Path, header: str) -> None:
    path = tmp_path / "m.csv"
    path.write_text(f"{header},PM,Dev\n1.1,Scope,A,R\n1.2,Build,I,A/R\n", encoding="utf-8")
    org, _ = _import(str(path), tmp_path)
    assert list(org.tasks) == ["scope", "build"]
    assert list(org.departments) == ["pm", "dev"]
    assert org.tasks["scope"].phase is None
