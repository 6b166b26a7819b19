"""Writes the .xlsx matrices of this folder (run: python tests/data/matrices/make_workbooks.py).

The workbooks copy the shapes PMO and security teams publish: a cover sheet, a legend
sheet, the table starting away from A1 under a two-line title, phase rows, merged phase
cells, notes below the table. The tests import the committed files and check that this
script still writes the same cells.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

HERE = Path(__file__).parent

Row = list[object]


def pmo_workbook() -> Workbook:
    book = Workbook()
    cover = book.active
    cover.title = "Cover"
    cover["A1"] = "Website relaunch"
    cover["A3"] = "Owner: PMO. Read the matrix on the third sheet."
    legend = book.create_sheet("Legend")
    for row in (
        ["Letter", "Meaning"],
        ["R", "Responsible"],
        ["A", "Accountable"],
        ["C", "Consulted"],
        ["I", "Informed"],
    ):
        legend.append(row)
    sheet = book.create_sheet("RACI Matrix")
    sheet["C2"] = "Website relaunch\nRACI matrix"
    sheet["C2"].alignment = Alignment(wrap_text=True)
    sheet["C3"] = "Prepared by the PMO, v0.9"
    rows: list[Row] = [
        [
            "Phase / task",
            "Project Manager",
            "Marketing Lead",
            "Web Agency",
            "Legal Counsel",
            "IT Operations",
            "CEO",
        ],
        ["Initiation"],
        ["Business case", "R", "C", None, None, None, "A"],
        ["Kick-off workshop", "A/R", "C", "C", None, "I", "I"],
        ["Design"],
        ["Wireframes", "A", "C", "R", None, None, None],
        ["Cookie banner wording", "I", "C", "R", "A", None, None],
        ["Review and sign-off", "R", "C", "C", "(C)", None, "A"],
        ["Build"],
        ["Front-end build", "A", None, "R (Build)", None, "C", None],
        ["Hosting set-up", "I", None, "C", None, "A/R", None],
        ["Review and sign-off", "R", "C", "n/a", "n/a", "C", "A"],
        ["Launch"],
        ["Launch announcement posts", "C", "A/R", None, "C", None, "I"],
        ["Go-live", "A", "I", "R", None, "R", "I"],
    ]
    for r, row in enumerate(rows, start=5):
        for c, value in enumerate(row, start=3):
            if value is not None:
                sheet.cell(row=r, column=c, value=value)
        if len(row) == 1:
            sheet.cell(row=r, column=3).font = Font(bold=True)
    sheet["C22"] = "R = Responsible, A = Accountable, C = Consulted, I = Informed"
    sheet["C23"] = "The CEO signs off each phase."
    return book


def security_workbook() -> Workbook:
    book = Workbook()
    intro = book.active
    intro.title = "Instructions"
    intro["A1"] = "Information security: who does what"
    intro["A2"] = "One row per control activity; the Roles sheet holds the assignments."
    data = book.create_sheet("Data")
    for row in (
        ["System", "Owner", "Criticality"],
        ["HR system", "HR", "High"],
        ["Website", "Marketing", "Medium"],
    ):
        data.append(row)
    sheet = book.create_sheet("Roles")
    rows: list[Row] = [
        ["Phase", "Control activity", "CISO", "IT Ops", "HR", "Internal Audit", "DPO"],
        ["Quarterly", "Access review", "A", "R", "C", "I", "\u2014"],
        [None, "Patch compliance report", "A", "R", "\u2014", "I", "\u2014"],
        [None, "Phishing simulation", "A/R", "C", "C", "\u2014", "I"],
        ["Annual", "Access review", "A", "R", "R", "C", "C"],
        [None, "Security awareness training", "C", "\u2014", "A/R", "I", "C"],
        [None, "Data protection impact assessment", "C", "C", "N/A", "I", "A/R"],
        [None, "Internal audit of controls", "C", "C", "\u2014", "A/R", "C"],
    ]
    for row in rows:
        sheet.append(row)
    sheet.merge_cells("A2:A4")
    sheet.merge_cells("A5:A8")
    return book


def social_rasci_workbook() -> Workbook:
    book = Workbook()
    sheet = book.active
    sheet.title = "RASCI"
    rows: list[Row] = [
        ["Task", "Social Media Team", "Customer Care", "HR", "PR", "Sales", "Notes"],
        ["Answer complaints on Facebook", "S", "A/R", None, "I", None, "Within 2 hours"],
        ["Publish the content calendar", "A/R", "I", None, "C", "I", None],
        ["Reply to candidates who comment on job posts", "S", None, "A/R", None, None, "Employer brand"],
        ["Answer journalists on LinkedIn", "S", None, None, "A/R", None, None],
        ["Qualify leads from Instagram DMs", "S", "C", None, None, "A/R", None],
        ["Monthly social media report", "A/R", "C", "I", "C", "C", "KPIs: reach, response time"],
    ]
    for row in rows:
        sheet.append(row)
    return book


WORKBOOKS = {
    "pmo_workbook.xlsx": pmo_workbook,
    "security_roles.xlsx": security_workbook,
    "social_rasci.xlsx": social_rasci_workbook,
}


def main() -> None:
    for name, make in WORKBOOKS.items():
        make().save(HERE / name)


if __name__ == "__main__":
    main()
