"""Build the one-file HTML report of an organisation: data in, one page of HTML out.

Everything the page needs is inside it (CSS, the SVG diagrams, the data), so it opens from a
USB stick on a projector's laptop and prints well. Every user string goes through Jinja2's
autoescaping; the diagrams are re-written by :mod:`raci.workshop.html_report.svg` before they are
marked safe. A Content-Security-Policy forbids scripts and any network access, as a second
lock. The same input gives the same bytes: stable order, and the one date on the page is the
org file's (see :mod:`raci.workshop.html_report.dating`), not the clock's.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from markupsafe import Markup

from raci import __version__
from raci.checking.scorecard import FAIL, PASS
from raci.diagrams.engine import RenderError, RenderLimits
from raci.i18n import N_, gettext, inner_quotes
from raci.model.severity import Severity
from raci.model.text_safety import UNSAFE_CHARACTERS
from raci.workshop.html_report.dating import report_date
from raci.workshop.html_report.matrix import MatrixTable, build_matrix
from raci.workshop.html_report.svg import UnsafeSvgError, inline_svg, svg_size
from raci.workshop.html_report.words import PageFacts, Words, page_words
from raci.workshop.html_report.words import findings as count_findings
from raci.workshop.html_report.words import notes as count_notes

if TYPE_CHECKING:
    import jinja2

    from raci.checking.checker import CheckResult
    from raci.model.findings import Finding
    from raci.model.organization import Organization

#: The policy of the page: no script, no fetch, no frame; inline CSS and data: images only.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"
)
TEMPLATE = "report.html.j2"
HYGIENE = "hygiene"

#: The diagrams in the page, in order: view, heading, what it shows, what the page says
#: when it cannot be drawn (marked here, translated when the page is built).
DIAGRAMS: tuple[tuple[str, str, str, str], ...] = (
    (
        "gaps",
        N_("Gaps"),
        N_(
            "The tasks with findings and the departments that own them (A bold, R thin; C and I "
            "counted in the boxes); a red dashed line from whoever should own work nobody owns. "
            "Tasks without gaps are counted in the heading."
        ),
        N_("The gaps diagram could not be drawn: %(error)s"),
    ),
    (
        "ownership",
        N_("Ownership"),
        N_(
            "Functions \u00d7 activities: the letters each function holds. Outlined cells are required "
            "by the principles; red when nobody holds them."
        ),
        N_("The ownership diagram could not be drawn: %(error)s"),
    ),
    (
        "workload",
        N_("Workload"),
        N_(
            "Per department: its share of the weekly hours of the tasks it does as Responsible (R) "
            "or Support (S) (a task's hours are split among its R's and S's), against its capacity "
            "(red past it), and the number of tasks it is Accountable for."
        ),
        N_("The workload diagram could not be drawn: %(error)s"),
    ),
)


@dataclass(frozen=True)
class Diagram:
    view: str
    title: str
    caption: str
    svg: Markup | None
    #: Why the diagram is missing, when it could not be drawn.
    problem: str
    #: The picture's natural width in CSS pixels (0 when unknown), to cap its size on screen.
    width: int


@dataclass(frozen=True)
class PrincipleCard:
    number: int
    anchor: str
    misconception: str
    truth: str
    checks: str
    status: str
    rules: tuple[str, ...]
    findings: int
    #: "2 findings", "1 finding, 2 notes": info findings are notes and never fail it.
    tally: str


@dataclass(frozen=True)
class FindingItem:
    code: str
    severity: str
    rule: str
    summary: str
    message: str
    location: str
    line: int | None
    subject: str
    fix: str
    #: Why the team accepts the finding, when it is waived ("" otherwise).
    waiver: str = ""


@dataclass(frozen=True)
class FindingGroup:
    anchor: str
    number: int | None
    title: str
    truth: str
    status: str
    items: tuple[FindingItem, ...]

    @property
    def tally(self) -> str:
        """ "3 findings", "2 notes", "1 finding, 2 notes": info findings are notes."""
        notes = sum(1 for item in self.items if item.severity == Severity.INFO.value)
        return tally(len(self.items) - notes, notes)


@dataclass(frozen=True)
class Totals:
    errors: int
    warnings: int
    infos: int
    findings: int
    #: Findings the org file waives: listed apart, not counted above.
    waived: int
    passed: int
    principles: int
    #: "3 of 5 principles honoured", or "principles not applicable (…)".
    honoured: str
    tasks: int
    departments: int
    #: False when the organisation has no social media work: no principle can fail.
    applicable: bool = True


@dataclass(frozen=True)
class Page:
    organization: str
    description: str
    source: str
    version: str
    #: When the data is from, e.g. "file last changed 2026-11-30".
    dated: str
    policy: str
    totals: Totals
    principles: tuple[PrincipleCard, ...]
    diagrams: dict[str, Diagram]
    matrix: MatrixTable
    groups: tuple[FindingGroup, ...]
    letters: tuple[tuple[str, str, str], ...]
    #: The page's own words, in the language it is built in.
    words: Words
    #: Findings the org file waives, with the reasons: shown, never counted.
    waived: tuple[FindingItem, ...] = ()


def build_report(
    org: Organization,
    result: CheckResult | None = None,
    *,
    limits: RenderLimits | None = None,
    date: dt.date | None = None,
) -> str:
    """The HTML report of ``org`` (checked now unless ``result`` is given), as text.

    Diagrams are drawn with :func:`raci.render` under ``limits``; one that cannot be drawn
    is replaced by a note saying why, and the rest of the report is still built. ``date``
    is the date the page shows; by default ``SOURCE_DATE_EPOCH``, else the day the org file
    last changed, else today (:mod:`raci.workshop.html_report.dating`).
    """
    if result is None:
        from raci.checking.checker import check

        result = check(org)
    page = build_page(result, limits=limits, date=date)
    return _environment().get_template(TEMPLATE).render(page=page)


def build_report_bytes(
    org: Organization,
    result: CheckResult | None = None,
    *,
    limits: RenderLimits | None = None,
    date: dt.date | None = None,
) -> bytes:
    """:func:`build_report` encoded as UTF-8, ready for :func:`raci.files.write_atomic`."""
    return build_report(org, result, limits=limits, date=date).encode("utf-8")


def build_page(
    result: CheckResult, *, limits: RenderLimits | None = None, date: dt.date | None = None
) -> Page:
    """Everything the template shows, as plain data."""
    org = result.org
    counts = result.counts()
    scorecard = result.scorecard
    notes = _notes_by_principle(result)
    cards = tuple(
        PrincipleCard(
            number=status.principle.number,
            anchor=f"principle-{status.principle.number}",
            misconception=status.principle.misconception,
            truth=status.principle.truth,
            checks=status.principle.checks,
            status=status.status,
            rules=status.rules,
            findings=status.findings,
            tally=_card_tally(status.findings, notes.get(status.principle.number, 0)),
        )
        for status in scorecard.principles
    )
    totals = Totals(
        errors=counts[Severity.ERROR],
        warnings=counts[Severity.WARNING],
        infos=counts[Severity.INFO],
        findings=len(result.findings),
        waived=len(result.waived),
        passed=scorecard.passed,
        principles=len(scorecard.principles),
        honoured=scorecard.honoured(),
        tasks=len(org.tasks),
        departments=len(org.departments),
        applicable=scorecard.applicable,
    )
    matrix = build_matrix(result)
    waived = tuple(_item(result, finding) for finding in result.waived)
    facts = PageFacts(
        organization=_clean(org.organization),
        source=_clean(org.source),
        dated=report_date(org.source, date).phrase,
        version=__version__,
        tasks=totals.tasks,
        departments=totals.departments,
        errors=totals.errors,
        warnings=totals.warnings,
        infos=totals.infos,
        findings=totals.findings,
        waived=totals.waived,
        waived_listed=len(waived),
        matrix_tasks=matrix.tasks,
        matrix_departments=len(matrix.columns),
        marked_cells=matrix.marked_cells,
        support=any("S" in cell.letters for row in matrix.rows for cell in row.cells),
    )
    return Page(
        organization=facts.organization,
        description=_clean(org.description or ""),
        source=facts.source,
        version=facts.version,
        dated=facts.dated,
        policy=CONTENT_SECURITY_POLICY,
        totals=totals,
        principles=cards,
        diagrams={
            view: _diagram(result, view, title, caption, problem, limits)
            for view, title, caption, problem in DIAGRAMS
        },
        matrix=matrix,
        groups=_groups(result, cards),
        letters=_letter_palette(),
        words=page_words(facts),
        waived=waived,
    )


def _groups(result: CheckResult, cards: tuple[PrincipleCard, ...]) -> tuple[FindingGroup, ...]:
    from raci.rules import RULES_BY_CODE

    by_group: dict[int | None, list[FindingItem]] = {}
    for finding in result.findings:
        rule = RULES_BY_CODE.get(finding.code)
        # With no social media work the principles do not apply: every finding is hygiene.
        principle = rule.principle if rule is not None and result.scorecard.applicable else None
        by_group.setdefault(principle, []).append(_item(result, finding))
    groups = [
        FindingGroup(
            anchor=card.anchor,
            number=card.number,
            title=gettext("Not “%(misconception)s”") % {"misconception": card.misconception},
            truth=card.truth,
            status=card.status,
            items=tuple(by_group.get(card.number, ())),
        )
        for card in cards
    ]
    hygiene = tuple(by_group.get(None, ()))
    groups.append(
        FindingGroup(
            anchor=HYGIENE,
            number=None,
            title=gettext("RACI hygiene"),
            truth=gettext(
                "Every task has exactly one Accountable and at least one Responsible; nobody is idle "
                "or overloaded; no task has too many R's or C's, or is done in a silo."
            ),
            # Like a principle, it fails on errors and warnings; info findings are notes.
            status=FAIL if any(item.severity != Severity.INFO.value for item in hygiene) else PASS,
            items=hygiene,
        )
    )
    return tuple(groups)


def tally(problems: int, notes: int) -> str:
    """ "2 findings", "2 notes", "1 finding, 2 notes"; "0 findings" when there are none."""
    if problems and notes:
        return gettext("%(findings)s, %(notes)s") % {
            "findings": count_findings(problems),
            "notes": count_notes(notes),
        }
    return count_notes(notes) if notes else count_findings(problems)


def _card_tally(found: int, info: int) -> str:
    # A principle that does not apply counts no findings, and so no notes.
    info = min(info, found)
    return tally(found - info, info)


def _notes_by_principle(result: CheckResult) -> dict[int, int]:
    """How many info findings (notes) each principle's rules made."""
    from raci.rules import RULES_BY_CODE

    notes: dict[int, int] = {}
    for finding in result.findings:
        rule = RULES_BY_CODE.get(finding.code)
        if finding.severity == Severity.INFO and rule is not None and rule.principle is not None:
            notes[rule.principle] = notes.get(rule.principle, 0) + 1
    return notes


def _item(result: CheckResult, finding: Finding) -> FindingItem:
    from raci.rules import RULES_BY_CODE

    org = result.org
    rule = RULES_BY_CODE.get(finding.code)
    subject = []
    if finding.task is not None and finding.task in org.tasks:
        names = {"name": inner_quotes(org.task_label(finding.task)), "id": finding.task}
        subject.append(gettext("task %(name)s (%(id)s)") % names)
    if finding.department is not None and finding.department in org.departments:
        names = {"name": inner_quotes(org.department_label(finding.department)), "id": finding.department}
        subject.append(gettext("department %(name)s (%(id)s)") % names)
    location = finding.file
    if finding.line is not None:
        location += f":{finding.line}" + (f":{finding.column}" if finding.column is not None else "")
    fix = finding.hint or (rule.doc.fix if rule is not None else "")
    return FindingItem(
        code=finding.code,
        severity=finding.severity.value,
        rule=finding.rule,
        summary=rule.doc.summary if rule is not None else "",
        message=_clean(finding.message),
        location=_clean(location),
        line=finding.line,
        subject=_clean("; ".join(subject)),
        fix=_clean(fix),
        waiver=_clean(finding.waiver or ""),
    )


def _diagram(
    result: CheckResult, view: str, title: str, caption: str, problem: str, limits: RenderLimits | None
) -> Diagram:
    from raci.diagrams.api import render_pages

    title, caption = gettext(title), gettext(caption)
    # The gaps view may come in several slides ("Page 1 of 3"); the page shows them all.
    try:
        pages = render_pages(result.org, result, view=view, format="svg", limits=limits)
        svgs = [
            inline_svg(
                data,
                f"d-{view}" + (f"-{number}" if number > 1 else ""),
                gettext("%(title)s diagram of %(organization)s")
                % {"title": title, "organization": _clean(result.org.organization)},
            )
            for number, data in enumerate(pages, 1)
        ]
    except (RenderError, UnsafeSvgError) as error:
        return Diagram(view, title, caption, None, gettext(problem) % {"error": error}, 0)
    widths = [size[0] for size in (svg_size(data) for data in pages) if size]
    # Markup: inline_svg re-wrote every element and escaped every text and attribute value.
    return Diagram(view, title, caption, Markup("".join(svgs)), "", round(max(widths)) if widths else 0)


def _letter_palette() -> tuple[tuple[str, str, str], ...]:
    from raci.diagrams.style import LETTER_STYLES, STRENGTH

    return tuple((letter.value, LETTER_STYLES[letter].fill, LETTER_STYLES[letter].ink) for letter in STRENGTH)


def _clean(text: str) -> str:
    """No control characters, bidi overrides or lone surrogates in the page."""
    return UNSAFE_CHARACTERS.sub("", text)


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    import jinja2

    return jinja2.Environment(
        loader=jinja2.PackageLoader("raci.workshop.html_report", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )


__all__ = [
    "CONTENT_SECURITY_POLICY",
    "Diagram",
    "FindingGroup",
    "FindingItem",
    "Page",
    "PrincipleCard",
    "build_page",
    "build_report",
    "build_report_bytes",
]
