# ruff: noqa: RUF001 (Polish text writes the en dash and the multiplication sign)
"""Spreadsheets in Polish: `raci export --lang pl` writes a workbook a Polish facilitator reads
(sheet names, labels, headings, words, the Problemy and Obciążenie sheets) that imports back
to the same organisation; matrices kept in Polish import; import messages read in Polish."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

import raci
from raci import i18n
from raci.model.vocabulary import Activity, Audience, Function, parse_activity, parse_audience, parse_function
from raci.workshop.spreadsheet import export_csv, export_xlsx, import_sheet
from raci.workshop.spreadsheet.headings import (
    MATRIX_SHEET_NAMES,
    activity_word,
    audience_word,
    function_word,
    matrix_sheet_name,
    row_label_texts,
    task_column_texts,
)
from raci.workshop.spreadsheet.layout import (
    DEPT_LABELS,
    NAME_HEADINGS,
    ORG_LABELS,
    TASK_COLUMN_LABELS,
    TASK_HEADINGS,
    label_key,
)
from raci.yaml.writer import dump_organization

from . import orgs
from .conftest import EXAMPLES, ROOT, run_subprocess
from .english_scan import english_phrases

POLISH_EXAMPLE = EXAMPLES / "polska-firma.yaml"
MATRICES = ROOT / "tests" / "data" / "matrices"

#: Every field a sheet carries: roles, descriptions, waivers, split effort, channels, audience,
#: budget and horizon, rules, decimals.
RICH_ORG = """
organization: "Acme: Outdoor"
description: "Dwie linie\\ntekstu"
departments:
  sales: {name: "Sprzedaż hurtowa", function: sales, capacity_hours: 12.5,
          roles: ["Szef sprzedaży, EMEA", "handlowiec; junior"], description: "5 osób",
          waive: {RACI003: "sezonowo bez zadań"}}
  care: {name: "Obsługa Klienta", function: customer_service, capacity_hours: 37.5}
  hr: {name: Kadry, function: hr}
tasks:
  answer:
    name: Odpowiedzi na skargi
    phase: Codziennie
    activity: respond
    effort_hours: 2.25
    effort_split: {care: 60%, sales: 40%}
    budget: 100
    review_horizon_days: 7
    channels: [Facebook, "[dziwne]"]
    description: "@wzmianki"
    raci: {care: RA, sales: R}
  leads: {activity: sell, effort_hours: 3, raci: {sales: RA, care: I}}
  jobs:
    name: Oferty pracy
    activity: publish
    audience: candidates
    effort_hours: 1
    waive: {RACI007: "tylko kadry"}
    raci: {hr: RA}
rules:
  ignore: [RACI008]
  severity: {SOC401: info}
"""


def _orgs() -> list[tuple[str, raci.Organization]]:
    found = [(path.stem, raci.load(path)) for path in sorted(EXAMPLES.glob("*.yaml"))]
    found.append(("rich", raci.loads(RICH_ORG)))
    found.append(("10x30", raci.loads(orgs.generate(10, 30))))
    found.append(("15x60", raci.loads(orgs.generate(15, 60))))
    return found


def _codes(org: raci.Organization) -> list[tuple[str, str | None, str | None]]:
    return sorted((f.code, f.task, f.department) for f in raci.check(org).findings)


# --- what the export writes, the import reads --------------------------------------------


@pytest.mark.parametrize("code", i18n.LANGUAGES)
def test_every_word_the_export_writes_is_read_back(code: str) -> None:
    with i18n.language(code):
        for key, text in row_label_texts().items():
            folded = label_key(text)
            if key == "task":
                assert folded in TASK_HEADINGS, text
            else:
                assert (ORG_LABELS.get(folded) or DEPT_LABELS.get(folded)) == key, text
        for field, text in task_column_texts().items():
            assert TASK_COLUMN_LABELS[label_key(text)] == field, text
        assert label_key(task_column_texts()["name"]) in NAME_HEADINGS
        assert matrix_sheet_name() in MATRIX_SHEET_NAMES
        for function in Function:
            assert parse_function(function_word(function)) is function
        for activity in Activity:
            assert parse_activity(activity_word(activity)) is activity
        for audience in Audience:
            assert parse_audience(audience_word(audience)) is audience


def test_polish_words_are_the_ones_a_facilitator_uses() -> None:
    with i18n.language("pl"):
        assert function_word(Function.CUSTOMER_SERVICE) == "Obsługa klienta"
        assert function_word(Function.LEGAL) == "Dział prawny"
        assert [activity_word(a) for a in (Activity.SELECT, Activity.RECOVER, Activity.MONITOR)] == [
            "wybieranie",
            "naprawa",
            "monitoring",
        ]
        assert audience_word(Audience.CANDIDATES) == "kandydaci"
        # Every sheet name fits Excel's 31 characters.
        assert all(len(name) <= 31 for name in MATRIX_SHEET_NAMES)


# --- the Polish workbook -------------------------------------------------------------------


def _column(sheet: object, column: int) -> list[object]:
    return [row[column] for row in sheet.iter_rows(values_only=True)]  # type: ignore[attr-defined]


def test_polish_workbook_reads_in_polish(tmp_path: Path) -> None:
    path = tmp_path / "macierz.xlsx"
    run = run_subprocess("export", str(POLISH_EXAMPLE), "-o", str(path), "--lang", "pl")
    assert run.code == 0, run.stderr
    org = raci.load(POLISH_EXAMPLE)
    findings = raci.check(org).findings
    # 13 tasks and 9 departments in the file, counted by hand.
    assert (len(org.tasks), len(org.departments)) == (13, 9)
    wrote = re.fullmatch(
        r"zapisano (.*): 13 zadań × 9 działów; (\d+) problem(?:y|ów)? w arkuszu „Problemy”",
        run.stderr.strip(),
    )
    assert wrote is not None, run.stderr
    assert (wrote[1], int(wrote[2])) == (str(path), len(findings))
    workbook = load_workbook(path)
    assert workbook.sheetnames == ["Macierz RACI", "Problemy", "Obciążenie"]
    matrix = workbook["Macierz RACI"]
    labels = [value for value in _column(matrix, 0)[:6]]
    assert labels == [
        "organizacja",
        None,
        "nazwa działu",
        "funkcja",
        "dostępny czas (h/tydz.)",
        "zadanie",
    ]
    header = [cell.value for cell in matrix[6]]
    assert header[:6] == [
        "zadanie",
        "nazwa",
        "etap",
        "czynność",
        "nakład (h/tydz.)",
        "ocena wyników po (dniach)",
    ]
    assert header[6:] == list(org.departments)
    functions = [cell.value for cell in matrix[4]][6:]
    assert functions == [
        "Marketing",
        "Obsługa klienta",
        "Sprzedaż",
        "PR",
        "Inne",
        "Dział prawny",
        "HR",
        "Zarząd",
        "Inne",
    ]
    activities = _column(matrix, 3)[6:]
    assert activities[-2:] == ["naprawa", "pomiar"]
    assert matrix.freeze_panes == "C7"

    problems = workbook["Problemy"]
    headings = ["poziom", "kod", "zadanie", "dział", "opis problemu", "jak naprawić"]
    assert [cell.value for cell in problems[1]] == headings
    words = {"error": "błąd", "warning": "ostrzeżenie", "info": "informacja"}
    rows = list(problems.iter_rows(min_row=2, values_only=True))
    assert [(row[0], row[1]) for row in rows] == [(words[f.severity.value], f.code) for f in findings]
    # The severity colours follow the level, not the word.
    assert problems["A2"].font.color.rgb.endswith(("C00000", "BF8F00", "2F75B5"))

    workload = workbook["Obciążenie"]
    assert [cell.value for cell in workload[1]] == [
        "dział",
        "nazwa",
        "funkcja",
        "godziny w tygodniu",
        "dostępny czas",
        "przekroczenie",
        "zadania",
    ]
    assert _column(workload, 0)[-1] == "razem"
    # Columns fit the Polish words: "ostrzeżenie" (11 letters), "godziny w tygodniu" (18).
    assert problems.column_dimensions["A"].width >= len("ostrzeżenie") + 2
    for cell in workload[1]:
        assert workload.column_dimensions[cell.column_letter].width >= len(str(cell.value)) + 2
    assert workload.cell(workload.max_row, 7).value == 13

    # No English in the words raci writes around the org's own names (the rules' messages,
    # columns E and F of Problemy, are the rule texts' own business).
    own = [
        name
        for name in (*(t.name for t in org.tasks.values()), *(d.name for d in org.departments.values()))
        if name
    ]
    texts = [v for v in (*_column(matrix, 0), *header[:6], *functions, *activities) if isinstance(v, str)]
    texts += [*headings, *(row[0] for row in rows)]
    texts += [v for row in workload.iter_rows(values_only=True) for v in row if isinstance(v, str)]
    texts += workbook.sheetnames
    assert english_phrases("\n".join(texts), allowed=own) == []


def test_english_export_keeps_its_words(tmp_path: Path) -> None:
    org = raci.loads(RICH_ORG)
    with i18n.language("en"):
        text = export_csv(org).decode("utf-8-sig")
        workbook = export_xlsx(org)
    assert text.startswith("organization,Acme: Outdoor\r\n")
    assert "\r\ntask,name,phase,activity,effort_hours,effort_split,budget,review_horizon_days," in text
    assert "capacity_hours,,,,,,,,,,,,12.5,37.5\r\n" in text
    assert "function,,,,,,,,,,,,sales,customer_service,hr\r\n" in text
    assert export_csv(org) == export_csv(org) and export_xlsx(org) == workbook  # RACI_LANG=en
    path = tmp_path / "m.xlsx"
    path.write_bytes(workbook)
    assert load_workbook(path).sheetnames == ["RACI", "Findings", "Workload"]


def test_polish_csv_is_what_polish_excel_opens() -> None:
    """Semicolons and decimal commas, as Excel writes CSV where the comma is a decimal sign."""
    org = raci.loads(RICH_ORG)
    with i18n.language("pl"):
        text = export_csv(org).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    labels = {row[0]: row for row in rows if row}
    assert labels["dostępny czas (h/tydz.)"][-2:] == ["12,5", "37,5"]  # the third has none
    task = next(row for row in rows if row and row[0] == "answer")
    header = next(row for row in rows if row and row[0] == "zadanie")
    assert task[header.index("nakład (h/tydz.)")] == "2,25"
    assert task[header.index("czynność")] == "odpowiedzi"
    assert task[header.index("podział nakładu")] == "care: 60%; sales: 40%"
    jobs = next(row for row in rows if row and row[0] == "jobs")
    assert jobs[header.index("odbiorcy")] == "kandydaci"
    assert labels["funkcja"][-3:] == ["Sprzedaż", "Obsługa klienta", "HR"]


@pytest.mark.parametrize("suffix", ["xlsx", "csv"])
@pytest.mark.parametrize(("name", "org"), _orgs(), ids=[name for name, _ in _orgs()])
def test_polish_export_imports_back_to_the_same_org(
    tmp_path: Path, name: str, org: raci.Organization, suffix: str
) -> None:
    with i18n.language("pl"):
        data = export_xlsx(org, raci.check(org).findings) if suffix == "xlsx" else export_csv(org)
    path = tmp_path / f"{name}.{suffix}"
    path.write_bytes(data)
    for code in i18n.LANGUAGES:  # the importer reads Polish words whatever language it runs in
        with i18n.language(code):
            imported = import_sheet(path)
        assert imported.warnings == () and imported.guesses == ()
        back = raci.loads(dump_organization(imported.org))
        assert back.model_dump() == org.model_dump()
        assert _codes(back) == _codes(org)


def test_polish_round_trip_through_the_cli(tmp_path: Path) -> None:
    sheet, written = tmp_path / "macierz.xlsx", tmp_path / "org.yaml"
    assert run_subprocess("export", str(POLISH_EXAMPLE), "-o", str(sheet), "--lang", "pl").code == 0
    run = run_subprocess("import", str(sheet), "-o", str(written), "--lang", "pl")
    assert run.code == 0, run.stderr
    org = raci.load(POLISH_EXAMPLE)
    assert raci.load(written).model_dump() == org.model_dump()
    errors = sum(f.severity == "error" for f in raci.check(org).findings)
    assert run.stderr.startswith(f"zapisano {written}: 13 zadań, 9 działów ({errors} błęd")
    assert run.stderr.rstrip().endswith(f"); dalej: raci check {written}")
    assert english_phrases(run.stderr) == []


# --- matrices kept in Polish ---------------------------------------------------------------


def test_polish_excel_csv_with_numbering_phase_effort_and_legend(tmp_path: Path) -> None:
    """Polish Excel's CSV: Windows-1250, semicolons, decimal commas, an "Lp." column, a title
    and a legend."""
    text = (
        "Podział odpowiedzialności – social media 2025;;;;;;;\r\n"
        ";;;;;;;\r\n"
        "Lp.;Zadanie;Etap;Nakład (h/tydz.);Marketing;Obsługa klienta;Dział prawny;Zarząd\r\n"
        "1;Monitorowanie wzmianek o marce;Codziennie;2,5;R;C;;A\r\n"
        "2;Odpowiedzi na reklamacje w komentarzach;Codziennie;10;I;R/A;C;\r\n"
        "3;Regulamin konkursów;Kampanie;1;C;;R/A;I\r\n"
        "4;Raport kwartalny;Co kwartał;0,75;R/A;I;;I\r\n"
        ";;;;;;;\r\n"
        "R – odpowiedzialny, A – zatwierdzający, C – konsultowany, I – informowany;;;;;;;\r\n"
    )
    path = tmp_path / "macierz.csv"
    path.write_bytes(text.encode("cp1250"))
    result = import_sheet(path)
    org = result.org
    assert org.organization == "Podział odpowiedzialności – social media 2025"
    assert list(org.departments) == ["marketing", "obsługa-klienta", "dział-prawny", "zarząd"]
    assert [d.function.value for d in org.departments.values()] == [
        "marketing",
        "customer_service",
        "legal",
        "executive",
    ]
    assert len(org.tasks) == 4
    tasks = list(org.tasks.values())
    assert [t.effort_hours for t in tasks] == [2.5, 10, 1, 0.75]
    assert [t.phase for t in tasks] == ["Codziennie", "Codziennie", "Kampanie", "Co kwartał"]
    assert [t.activity.value for t in tasks] == ["monitor", "respond", "other", "measure"]
    answer = tasks[1]
    assert {d: "".join(sorted(letter.value for letter in ls)) for d, ls in answer.raci.items()} == {
        "marketing": "I",
        "obsługa-klienta": "AR",
        "dział-prawny": "C",
    }
    assert len(result.guesses) == 8  # 4 functions and 4 activities


def test_polish_workbook_with_a_legend_sheet_and_notes(tmp_path: Path) -> None:
    workbook = Workbook()
    legend = workbook.active
    legend.title = "Legenda"
    legend["A1"] = "R – wykonuje, A – zatwierdza, C – konsultowany, I – informowany"
    sheet = workbook.create_sheet("Macierz odpowiedzialności")
    sheet["B2"] = "Media społecznościowe – kto za co odpowiada"
    rows: list[list[str | None]] = [
        ["Zadanie \\ Dział", "Marketing", "BOK", "Rzecznik prasowy", "Sprzedaż", "Uwagi"],
        ["Publikacja postów", "RA", "I", None, None, "wg kalendarza"],
        ["Odpowiedzi na pytania klientów", "C", "RA", None, "I", None],
        ["Kontakt z dziennikarzami", "I", None, "RA", None, "tylko rzecznik"],
    ]
    for r, values in enumerate(rows, start=4):
        for c, value in enumerate(values, start=2):
            sheet.cell(row=r, column=c, value=value)
    path = tmp_path / "macierz.xlsx"
    workbook.save(path)
    with i18n.language("pl"):
        result = import_sheet(path)
    notes = [str(problem) for problem in result.warnings]
    assert notes[0] == (
        f"{path}: uwaga: odczytano arkusz „Macierz odpowiedzialności”; "
        "w skoroszycie są też: „Legenda” (wybór: --sheet)"
    )
    org = result.org
    assert org.organization == "Media społecznościowe – kto za co odpowiada"
    assert [d.name or key for key, d in org.departments.items()] == [
        "Marketing",
        "BOK",
        "Rzecznik prasowy",
        "Sprzedaż",
    ]
    assert [d.function.value for d in org.departments.values()] == [
        "marketing",
        "customer_service",
        "public_relations",
        "sales",
    ]
    assert [t.description for t in org.tasks.values()] == ["wg kalendarza", None, "tylko rzecznik"]
    assert [t.activity.value for t in org.tasks.values()] == ["publish", "respond", "media_relations"]


@pytest.mark.parametrize(
    "header",
    [
        "| Zadanie | Odpowiedzialny | Zatwierdzający | Konsultowany | Informowany |",
        "| Czynność | Odpowiedzialni | Zatwierdzajacy | Konsultowani | Informowani |",
        "| Zadanie | Wykonuje | Zatwierdza | Konsultowany | Informowany | Wspierający |",
    ],
)
def test_polish_transposed_markdown(tmp_path: Path, header: str) -> None:
    extra = " |" if header.count("|") == 7 else ""
    text = "\n".join(
        [
            "# Kto za co odpowiada",
            "",
            header,
            "|---|---|---|---|---|" + ("---|" if extra else ""),
            "| Odpowiedzi na skargi | Obsługa klienta | Obsługa klienta | PR | Marketing |" + extra,
            "| Publikacja postów | Marketing | Marketing | | Obsługa klienta, PR |" + extra,
            "",
        ]
    )
    path = tmp_path / "macierz.md"
    path.write_text(text, encoding="utf-8")
    with i18n.language("pl"):
        result = import_sheet(path)
    org = result.org
    assert list(org.departments) == ["obsługa-klienta", "pr", "marketing"]
    letters = {
        task: {d: "".join(sorted(letter.value for letter in ls)) for d, ls in t.raci.items()}
        for task, t in org.tasks.items()
    }
    assert letters == {
        "odpowiedzi-na-skargi": {"obsługa-klienta": "AR", "pr": "C", "marketing": "I"},
        "publikacja-postów": {"marketing": "AR", "obsługa-klienta": "I", "pr": "I"},
    }
    note = next(str(p) for p in result.warnings if "odwróconą" in str(p))
    assert note.endswith(
        "odczytano jako macierz odwróconą (po jednej kolumnie na literę, nazwy w komórkach): "
        "3 nazwy stały się działami"
    )


# --- messages ------------------------------------------------------------------------------


def test_polish_guesses_read_in_polish(tmp_path: Path) -> None:
    out = tmp_path / "org.yaml"
    run = run_subprocess("import", str(MATRICES / "polish_excel.csv"), "-o", str(out), "--lang", "pl")
    assert run.code == 0, run.stderr
    lines = run.stderr.splitlines()
    source = str(MATRICES / "polish_excel.csv")
    assert lines[0] == (
        f"{source}: uwaga: to nie jest UTF-8: odczytano jako windows-1250 (wykryte); "
        "jeśli nazwy wyglądają źle, podaj --encoding"
    )
    # 5 departments, 7 tasks and 2 audiences guessed: 14, counted by hand.
    assert "raci: 14 wartości odgadniętych z nazw; sprawdź je i popraw te, które się nie zgadzają:" in lines
    assert (
        f"{source}:3:3: odgadnięto: dział „Obsługa Klienta”: funkcja „Obsługa klienta”"
        " – po nazwie „Obsługa Klienta”"
    ) in lines
    assert (
        f"{source}:9:1: odgadnięto: zadanie „Kontakt z dziennikarzami”: "
        "odbiorcy „media” – po słowie „dziennikarzami”" in lines
    )
    assert sum(": odgadnięto: " in line for line in lines) == 14
    assert lines[-1].startswith(f"zapisano {out}: 7 zadań, 5 działów (")
    assert english_phrases(run.stderr) == []


def test_office_words_read_in_polish(tmp_path: Path) -> None:
    run = run_subprocess("import", str(MATRICES / "devops_sections.csv"), "--lang", "pl")
    assert run.code == 0, run.stderr
    assert "czynność „inne” – praca biurowa (słowo „server”)" in run.stderr
    assert "funkcja „Inne” – żadne słowo w nazwie nie wskazuje funkcji" in run.stderr
    assert (
        "uwaga: 5 wierszy z nazwą, ale bez liter, odczytano jako nagłówki etapów: "
        "„Source control platform” (wiersz 2)" in run.stderr
    )


def test_a_bad_polish_csv_is_one_polish_line_per_problem_and_nothing_written(tmp_path: Path) -> None:
    path = tmp_path / "macierz.csv"
    path.write_text(
        "Zadanie;Marketing;Obsługa klienta;Marketing\nPublikacja postów;RA;I;C\nOdpowiedzi;I;RA;\n;R;;\n",
        encoding="utf-8",
    )
    out = tmp_path / "org.yaml"
    run = run_subprocess("import", str(path), "-o", str(out), "--lang", "pl")
    assert run.code == 2
    assert not out.exists()
    assert run.stderr.splitlines() == [
        f"{path}:1:4: dział „marketing” występuje dwa razy (także w kolumnie B)",
        f"{path}:4:1: ten wiersz ma wypełnione komórki, ale w kolumnie A nie ma zadania",
        f"raci: {path}: 2 problemy; niczego nie zapisano",
    ]
    assert "Traceback" not in run.stderr


def test_a_formula_without_a_value_is_named_at_its_polish_sheet_cell(tmp_path: Path) -> None:
    org = raci.load(POLISH_EXAMPLE)
    with i18n.language("pl"):
        source = tmp_path / "eksport.xlsx"
        source.write_bytes(export_xlsx(org))
    workbook = load_workbook(source)
    workbook["Macierz RACI"]["E8"] = "=2+1"  # nakład of the second task, never computed
    path = tmp_path / "macierz.xlsx"
    workbook.save(path)
    out = tmp_path / "org.yaml"
    run = run_subprocess("import", str(path), "-o", str(out), "--lang", "pl")
    assert run.code == 2
    assert not out.exists()
    assert run.stderr.splitlines() == [
        f"{path}:'Macierz RACI'!E8: formuła bez zapisanej wartości: "
        "otwórz i zapisz plik w Excelu albo wklej same wartości",
        f"raci: {path}: 1 problem; niczego nie zapisano",
    ]


@pytest.mark.parametrize(
    ("count", "tasks", "departments", "guesses", "problems", "tables"),
    [
        (1, "1 zadanie", "1 dział", "1 wartość odgadnięta", "1 problem;", "1 tabelę"),
        (2, "2 zadania", "2 działy", "2 wartości odgadnięte", "2 problemy;", "2 tabele"),
        (5, "5 zadań", "5 działów", "5 wartości odgadniętych", "5 problemów;", "5 tabel"),
        (22, "22 zadania", "22 działy", "22 wartości odgadnięte", "22 problemy;", "22 tabele"),
        (25, "25 zadań", "25 działów", "25 wartości odgadniętych", "25 problemów;", "25 tabel"),
    ],
)
def test_polish_plurals(
    count: int, tasks: str, departments: str, guesses: str, problems: str, tables: str
) -> None:
    with i18n.language("pl"):
        n = {"count": count, "file": "m.csv", "table": 30}
        assert i18n.ngettext("%(count)d task", "%(count)d tasks", count) % n == tasks
        assert i18n.ngettext("%(count)d department", "%(count)d departments", count) % n == departments
        guess = i18n.ngettext(
            "raci: %(count)d guess from names; check them and fix any wrong one:",
            "raci: %(count)d guesses from names; check them and fix any wrong one:",
            count,
        )
        assert (guess % n).startswith(f"raci: {guesses} z nazw")
        failed = i18n.ngettext(
            "raci: %(file)s: %(count)d problem; nothing written",
            "raci: %(file)s: %(count)d problems; nothing written",
            count,
        )
        assert f"m.csv: {problems} niczego nie zapisano" in failed % n
        table = i18n.ngettext(
            "--table %(table)d: the file has %(count)d table",
            "--table %(table)d: the file has %(count)d tables",
            count,
        )
        assert table % n == f"--table 30: plik ma {tables}"


def test_a_table_number_past_the_end_is_counted_in_polish(tmp_path: Path) -> None:
    path = tmp_path / "macierz.md"
    table = "| Zadanie | Marketing |\n|---|---|\n| Publikacja | RA |\n"
    path.write_text(f"# A\n\n{table}\n# B\n\n{table}", encoding="utf-8")
    run = run_subprocess("import", str(path), "--table", "3", "--lang", "pl")
    assert run.code == 2
    assert run.stderr.splitlines()[0] == f"{path}: --table 3: plik ma 2 tabele"


def test_numbers_and_names_are_written_the_polish_way() -> None:
    from raci.workshop.spreadsheet.wording import grouped, quote, quote_word

    with i18n.language("pl"):
        assert grouped(250_000) == "250\u00a0000"
        assert quote("Obsługa klienta") == "„Obsługa klienta”"
        assert quote_word("respond") == "„respond”"
    with i18n.language("en"):
        assert grouped(250_000) == "250,000"
        assert quote("Customer Care") == "'Customer Care'"
        assert quote_word("respond") == "'respond'"


def test_decimal_commas_are_read_only_where_the_comma_is_not_the_separator(tmp_path: Path) -> None:
    semicolons = tmp_path / "a.csv"
    semicolons.write_text("Zadanie;Nakład;Marketing\nPublikacja postów;1,5;RA\n", encoding="utf-8")
    assert next(iter(import_sheet(semicolons).org.tasks.values())).effort_hours == 1.5
    commas = tmp_path / "b.csv"
    commas.write_text('Task,Effort,Marketing\nPublish posts,"1,500",RA\n', encoding="utf-8")
    with pytest.raises(raci.LoadError) as error:
        import_sheet(commas)
    assert re.search(r"b\.csv:2:2: ", str(error.value.problems[0]))


@pytest.mark.parametrize(
    ("pairs", "line"),
    [
        (
            ["D"],
            "--letter-map 'D': wpisz LITERA=LITERY, z literami spośród R, A, S, C, I, "
            "np. D=A, V=C albo X=- (brak litery)",
        ),
        (
            ["R=A"],
            "--letter-map 'R=A': R to standardowa litera (odpowiedzialny – wykonuje) "
            "i nie można zmienić jej znaczenia; mapuj tylko inne litery, np. D=A",
        ),
        (["D=A,D=C"], "--letter-map: litera D ma dwa znaczenia (A i C)"),
    ],
)
def test_a_bad_letter_map_is_refused_in_polish(pairs: list[str], line: str) -> None:
    args = [arg for pair in pairs for arg in ("--letter-map", pair)]
    run = run_subprocess("import", str(MATRICES / "drasci.csv"), *args, "--lang", "pl")
    assert run.code == 2
    source = MATRICES / "drasci.csv"
    assert run.stderr.splitlines() == [
        f"{source}: {line}",
        f"raci: {source}: 1 problem; niczego nie zapisano",
    ]


def test_a_footnote_mark_is_kept_in_the_language_of_the_run(tmp_path: Path) -> None:
    path = tmp_path / "macierz.csv"
    path.write_text("Zadanie;Marketing;PR\nPublikacja postów;RA*;I\n", encoding="utf-8")
    with i18n.language("pl"):
        polish = import_sheet(path).org
    with i18n.language("en"):
        english = import_sheet(path).org  # the same cell read again: nothing cached in Polish
    assert polish.tasks["publikacja-postów"].description == "Marketing: przypis *"
    assert english.tasks["publikacja-postów"].description == "Marketing: footnote *"


def test_the_library_refuses_a_wrong_upload_in_polish() -> None:
    with i18n.language("pl"), pytest.raises(raci.SheetError) as error:
        raci.import_sheet("macierz.csv", "xlsx")
    assert str(error.value.problems[0]) == (
        "macierz.csv: plik ma rozszerzenie .csv, a podany format to xlsx: zmień jego nazwę"
    )
    with i18n.language("pl"), pytest.raises(raci.SheetError) as error:
        raci.import_sheet(b"x")
    assert "trzeba wskazać format: xlsx, csv, tsv lub md" in str(error.value.problems[0])


def test_a_grouping_column_before_czynnosc_is_the_phase(tmp_path: Path) -> None:
    path = tmp_path / "obszary.csv"
    path.write_text(
        "Obszar;Czynność;Marketing;BOK;PR\n"
        "Media społecznościowe;Publikacja postów;RA;I;\n"
        ";Odpowiedzi na komentarze;C;RA;I\n"
        "Kryzys;Oświadczenie w sprawie wpadki;C;I;RA\n",
        encoding="utf-8",
    )
    org = import_sheet(path).org
    assert [(t.name, t.phase, t.activity.value) for t in org.tasks.values()] == [
        ("Publikacja postów", "Media społecznościowe", "publish"),
        ("Odpowiedzi na komentarze", "Media społecznościowe", "respond"),
        ("Oświadczenie w sprawie wpadki", "Kryzys", "recover"),
    ]
    assert [d.function.value for d in org.departments.values()] == [
        "marketing",
        "customer_service",
        "public_relations",
    ]
