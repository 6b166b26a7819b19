"""The report's own words in the current language: headings, labels, counts and dates.

Built when a page is built (never stored translated), so a Polish and an English page can be
made side by side. Numbers a reader sees as prose are written as the language writes them
(Polish groups thousands with a space: 12 345); English keeps plain digits.
"""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass

from markupsafe import Markup, escape

from raci.checking.scorecard import FAIL, NOT_APPLICABLE, NOT_CHECKED, PASS
from raci.i18n import DEFAULT_LANGUAGE, N_, current_language, gettext, ngettext
from raci.model.severity import Severity

#: The verdict on a principle (or on RACI hygiene), as its badge says it.
STATUS_WORDS = {
    PASS: N_("✔ pass"),
    FAIL: N_("✘ fail"),
    NOT_CHECKED: N_("\u2013 not checked"),
    NOT_APPLICABLE: N_("\u2013 not applicable"),
}
#: Layout a language needs beyond the page's own CSS: longer words want wider columns.
#: Polish badges ("✘ niespełniona", "niesprawdzona" with its dash) are twice as long as English ones.
LANGUAGE_CSS = {
    "pl": (
        ".principle { grid-template-columns: 11.5rem 1fr 8.5rem; }\n"
        # Printed, the badge is smaller, so the cards keep their width for the text: all five
        # still fit the first page.
        "@media print { .principle { grid-template-columns: 9rem 1fr 7rem; line-height: 1.3; }"
        " .principle .status { font-size: 0.75rem; padding: 3px 6px; }"
        " .principles { gap: 4px; } .principle .myth { font-size: 1rem; }"
        " .principle .truth, .principle .checks { margin-top: 1px; } }\n"
        "@media screen and (max-width: 900px) { .principle { grid-template-columns: 1fr; } }\n"
    ),
}
SEVERITY_WORDS = {
    Severity.ERROR.value: N_("error"),
    Severity.WARNING.value: N_("warning"),
    Severity.INFO.value: N_("info"),
}


def number(value: int) -> str:
    """``value`` as the language writes it in a sentence: 12345, or in Polish 12 345."""
    code = current_language()
    # Polish (as CLDR's minimum grouping says) leaves four digits whole: 1234, but 12 345.
    if code == DEFAULT_LANGUAGE or abs(value) < 10_000:
        return str(value)
    from babel.numbers import format_decimal

    return format_decimal(value, locale=code)


def day(value: dt.date) -> str:
    """A date in a sentence: 2026-11-30, or in Polish 30 listopada 2026."""
    code = current_language()
    if code == DEFAULT_LANGUAGE:
        return value.isoformat()
    from babel.dates import format_date

    return format_date(value, format="long", locale=code)


def tasks(count: int) -> str:
    return ngettext("%(count)s task", "%(count)s tasks", count) % {"count": number(count)}


def departments(count: int) -> str:
    return ngettext("%(count)s department", "%(count)s departments", count) % {"count": number(count)}


def findings(count: int) -> str:
    return ngettext("%(count)s finding", "%(count)s findings", count) % {"count": number(count)}


def notes(count: int) -> str:
    """Info findings: they are counted, but never fail a principle."""
    return ngettext("%(count)s note", "%(count)s notes", count) % {"count": number(count)}


@dataclass(frozen=True)
class Words:
    """Every fixed text of the page, in the language it is built in."""

    lang: str
    #: CSS the language needs (see :data:`LANGUAGE_CSS`), "" for English.
    css: Markup
    title: str
    kicker: str
    summary: str
    contents: str
    nav: tuple[tuple[str, str], ...]
    tasks: str
    departments: str
    errors: str
    warnings: str
    infos: str
    waived_count: str
    scorecard_title: str
    scorecard_lead: str
    no_findings: str
    matrix_title: str
    matrix_lead: str
    legend: str
    letters: tuple[tuple[str, str], ...]
    pointed_at: str
    matrix_caption: Markup
    task: str
    findings: str
    findings_title: str
    findings_lead: str
    not_checked: str
    not_applicable: str
    none: str
    waived_title: str
    waived_findings: str
    waived_lead: Markup
    waived_badge: str
    fix: str
    waiver: str
    footer: Markup
    status: dict[str, str]
    severity: dict[str, str]

    def line(self, number_: int) -> str:
        return gettext("line %(line)s") % {"line": number(number_)}

    def needs(self, letters: str) -> str:
        return gettext("needs %(letters)s") % {"letters": letters}

    def finding_mark(self, codes: str) -> str:
        return gettext("finding %(codes)s") % {"codes": codes}

    def no_task(self, activity: str) -> str:
        return gettext("%(activity)s: no task") % {"activity": activity}

    def misconception(self, text: str) -> str:
        return gettext("Not “%(misconception)s”") % {"misconception": text}

    def checks(self, text: str) -> str:
        return gettext("Checks: %(checks)s") % {"checks": text}


@dataclass(frozen=True)
class PageFacts:
    """What the words around the numbers need to know."""

    organization: str
    source: str
    dated: str
    version: str
    tasks: int
    departments: int
    errors: int
    warnings: int
    infos: int
    findings: int
    waived: int
    waived_listed: int
    matrix_tasks: int
    matrix_departments: int
    marked_cells: int
    #: The matrix holds S (RASCI): the legend names it too.
    support: bool = False


def page_words(facts: PageFacts) -> Words:
    """The page's words for ``facts``, in the current language."""
    return Words(
        lang=current_language(),
        css=Markup(LANGUAGE_CSS.get(current_language(), "")),
        title=gettext("raci report: %(organization)s") % {"organization": facts.organization},
        kicker=gettext("raci report · who owns your social media"),
        summary=gettext("Summary"),
        contents=gettext("Contents"),
        nav=(
            ("scorecard", gettext("Principles")),
            ("gaps", gettext("Gaps")),
            ("ownership", gettext("Ownership")),
            ("matrix", gettext("RACI matrix")),
            ("findings", gettext("Findings and fixes")),
            ("workload", gettext("Workload")),
        ),
        tasks=tasks(facts.tasks),
        departments=departments(facts.departments),
        errors=_count(ngettext("%(count)s error", "%(count)s errors", facts.errors), facts.errors),
        warnings=_count(ngettext("%(count)s warning", "%(count)s warnings", facts.warnings), facts.warnings),
        infos=_count(ngettext("%(count)s info", "%(count)s infos", facts.infos), facts.infos),
        waived_count=_count(gettext("%(count)s waived"), facts.waived),
        scorecard_title=gettext("The five principles"),
        scorecard_lead=gettext(
            "Social media is a communication channel, not a marketing one. Each principle answers "
            "a common misconception; a principle fails when any of its rules has an error or a "
            "warning (info findings are notes)."
        ),
        no_findings=gettext("no findings"),
        matrix_title=gettext("RACI matrix"),
        matrix_lead=_matrix_lead(facts),
        legend=gettext("Legend"),
        letters=_letters(facts.support),
        pointed_at=gettext("a cell a finding points at"),
        # Element text: quotes need no escaping there (the page has always said "row's").
        matrix_caption=Markup(
            html.escape(
                gettext(
                    "Letters per task (rows) and department (columns); the last column lists each "
                    "row's findings."
                ),
                quote=False,
            )
        ),
        task=gettext("Task"),
        findings=gettext("Findings"),
        findings_title=gettext("Findings and fixes"),
        findings_lead=_findings_lead(facts.findings),
        not_checked=gettext("Not checked: its rules are switched off."),
        not_applicable=gettext("Not applicable: no task is social media work."),
        none=gettext("No findings."),
        waived_title=gettext("Waived"),
        waived_findings=findings(facts.waived_listed),
        waived_lead=_markup(
            gettext(
                "Findings the team accepts, each with its reason (%(key)s in the file). "
                "They do not count above."
            ),
            key=Markup("<code>waive:</code>"),
        ),
        waived_badge=gettext("waived"),
        fix=gettext("Fix:"),
        waiver=gettext("Waived:"),
        footer=_footer(facts),
        status={status: gettext(word) for status, word in STATUS_WORDS.items()},
        severity={severity: gettext(word) for severity, word in SEVERITY_WORDS.items()},
    )


def _letters(support: bool) -> tuple[tuple[str, str], ...]:
    letters = [("A", gettext("Accountable")), ("R", gettext("Responsible"))]
    if support:
        letters.append(("S", gettext("Support")))
    return (*letters, ("C", gettext("Consulted")), ("I", gettext("Informed")))


def _count(message: str, count: int) -> str:
    return message % {"count": number(count)}


def _matrix_lead(facts: PageFacts) -> str:
    lead = gettext("%(tasks)s \u00d7 %(departments)s, grouped by activity and by function.") % {
        "tasks": tasks(facts.matrix_tasks),
        "departments": departments(facts.matrix_departments),
    }
    if facts.marked_cells:
        marked = ngettext(
            "%(count)s cell is marked red: a finding points at it "
            "(“needs R”: that department should hold R).",
            "%(count)s cells are marked red: a finding points at it "
            "(“needs R”: that department should hold R).",
            facts.marked_cells,
        )
        lead += " " + _count(marked, facts.marked_cells)
    return lead


def _findings_lead(count: int) -> str:
    if not count:
        return gettext("No findings: every rule passes.")
    message = ngettext(
        "%(count)s finding, grouped by the principle they test; RACI hygiene last. "
        "Each says where it is in the file and how to fix it.",
        "%(count)s findings, grouped by the principle they test; RACI hygiene last. "
        "Each says where it is in the file and how to fix it.",
        count,
    )
    return _count(message, count)


def _footer(facts: PageFacts) -> Markup:
    return _markup(
        gettext(
            "Report of %(file)s (%(dated)s) made by raci %(version)s. The same file gives the "
            "same page; %(check)s gives the same findings in CI."
        ),
        file=Markup('<span class="file">%s</span>') % facts.source,
        dated=facts.dated,
        version=facts.version,
        check=Markup("<code>raci check</code>"),
    )


def _markup(message: str, **values: str) -> Markup:
    """A translated sentence with markup in its placeholders; the sentence itself is text."""
    return escape(message) % values
