"""An HR service's use of raci: review uploaded org files and matrices, plan fixes, report.

Run it in a folder holding ``org.yaml``; it writes nothing, and prints one summary line.
Every public function of ``raci`` is used once; ``mypy --strict`` passes on this file.
"""

from __future__ import annotations

import raci
from raci.types import FindingDict, ProblemDict


def review_upload(data: bytes, name: str) -> list[FindingDict] | list[ProblemDict]:
    """Findings of an uploaded org file, or its problems: never an exception."""
    try:
        result = raci.check(raci.loads(data, name))
    except raci.Error as error:  # LoadError, ConfigError...: all carry located problems
        if isinstance(error, raci.LoadError):
            return [problem.to_dict() for problem in error.problems]
        raise
    return [finding.to_dict() for finding in result.findings if finding.severity >= "warning"]


def review_matrix(data: bytes) -> raci.CheckResult:
    """An uploaded XLSX matrix, checked; raci.SheetError names the cells at fault."""
    return raci.check(raci.import_sheet(data, "xlsx", source_name="matrix.xlsx").org)


def main() -> None:
    org = raci.load("org.yaml")
    result = raci.check(org, raci.Config(ignore="RACI007"))

    # What HR tooling does with uploads: bytes in, plain data out.
    problems = review_upload(b"organization: [unclosed", "bad.yaml")
    findings = review_upload(raci.dumps(org).encode("utf-8"), "copy.yaml")
    matrix = review_matrix(raci.export_sheet(result, "xlsx"))
    assert matrix.org == org  # equality by content, whatever the source

    # Edits are validated and return a new organisation; the old one is unchanged.
    reorganised = org.remove_department("legal").assign("incident-response", "support", "C")
    changes = raci.diff(result, reorganised)
    scenario = raci.what_if(result, [raci.Move("answer-questions", "R", "support", "sales")])
    plan = raci.suggest(reorganised)

    # Pictures and the report, as bytes and text for the service to send back.
    svg: bytes = raci.render(result, view="gaps", format="svg")
    graph = raci.diagram(result, view="ownership")
    page: str = raci.report_html(result)
    slides: list[bytes] = raci.render_pages(result, view="gaps", format="svg")  # one per 16:9 slide
    deck: bytes = raci.slides(reorganised, before=result)  # workshop deck (needs dot and a font)

    print(
        f"{len(problems)} problem(s) in the bad upload; {len(findings)} warning(s) or worse; "
        f"{len(changes.assignments)} letter change(s); {len(scenario.lost)} owner(s) lost; "
        f"{len(plan.suggestions)} suggestion(s); svg {len(svg) > 0}, dot {graph.source[:7]}, "
        f"html {page.startswith('<!DOCTYPE html>')}, {len(slides)} slide(s), pdf {deck.startswith(b'%PDF')}"
    )


if __name__ == "__main__":
    main()
