"""What every rule is: metadata, documentation, a check, its fixes and where its gaps are drawn.

A rule owns its whole behaviour: the check (:meth:`Rule.check`), the changes ``raci suggest``
may propose for its findings (:meth:`Rule.fixes`, or :attr:`Rule.no_fix` saying why there are
none), where its findings are drawn in the diagrams (:meth:`Rule.gaps`), the cells of the
function x activity grid it expects filled (:attr:`Rule.required_cells`) and its phrase in its
principle's summary (:attr:`Rule.principle_check`). Metadata is checked when the class is made
(as sqlfluff does), so a rule with a malformed code, a missing docstring section, no fixes
and no reason for it, or a mutable option table fails at import, not in a user's CI. Rules
never format positions: they yield :class:`Violation` and the engine places them.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, ClassVar

from raci.i18n import gettext
from raci.model.severity import Severity
from raci.model.vocabulary import Activity, Function, Letter

if TYPE_CHECKING:
    from raci.graph import OrgGraph
    from raci.model.findings import Finding
    from raci.model.organization import Organization
    from raci.rules.fixes import Candidate, Planner
    from raci.rules.gaps import Gap

_CODE = re.compile(r"^(RACI|SOC)\d{3}$")
_NAME = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
_SECTIONS = ("Why", "Passes", "Fails", "Fix")
_SECTION_LINE = re.compile(r"^(Why|Passes|Fails|Fix):\s*(.*)$")
#: Human text inside the Passes/Fails YAML: a double-quoted string of two words or more (a
#: waiver's reason, a description). It is translated like the prose; ids and keys are not.
_EXAMPLE_TEXT = re.compile(r'"([^"\\\n]*\w [^"\\\n]*)"')


@dataclass(frozen=True)
class Option:
    """A rule setting users may change, e.g. a threshold."""

    name: str
    default: int | float
    description: str
    minimum: int | float = 0

    def coerce(self, value: Any) -> int | float:
        """Read a configured value (YAML gives text) as this option's type, or raise ValueError."""
        from raci.i18n import gettext

        kind = type(self.default)
        if isinstance(value, bool):
            raise ValueError(gettext("must be a number, not %(value)s") % {"value": value})
        try:
            number = kind(value) if not isinstance(value, str) else kind(value.strip())
        except (TypeError, ValueError):
            expected = gettext("must be a whole number") if kind is int else gettext("must be a number")
            raise ValueError(expected) from None
        if number < self.minimum:
            raise ValueError(gettext("must be at least %(minimum)s") % {"minimum": self.minimum})
        return number


@dataclass(frozen=True)
class RuleDoc:
    """A rule's documentation, English as written in its docstring."""

    summary: str
    why: str
    passes: str
    fails: str
    fix: str

    def prose(self) -> tuple[tuple[str, str], ...]:
        """The text a reader sees translated: the sections, and the sentences quoted in the
        Passes/Fails YAML (the YAML itself is not)."""
        quoted = dict.fromkeys(_EXAMPLE_TEXT.findall(f"{self.passes}\n{self.fails}"))
        sections = (("summary", self.summary), ("Why", self.why), ("Fix", self.fix))
        return (*sections, *(("example text", text) for text in quoted))

    def translated(self) -> RuleDoc:
        """The same documentation in the current language (the catalogs hold the prose,
        extracted from the docstrings by :mod:`raci.rules.doc_messages`)."""
        from raci.i18n import DEFAULT_LANGUAGE, current_language, gettext

        if current_language() == DEFAULT_LANGUAGE:
            return self
        return replace(
            self,
            summary=gettext(self.summary),
            why=gettext(self.why),
            passes=_translate_quoted(self.passes),
            fails=_translate_quoted(self.fails),
            fix=gettext(self.fix),
        )


def _translate_quoted(example: str) -> str:
    """The example YAML with its quoted sentences in the current language."""
    from raci.i18n import gettext

    return _EXAMPLE_TEXT.sub(lambda match: f'"{gettext(match.group(1))}"', example)


@dataclass(frozen=True)
class Violation:
    """A rule's raw verdict; the engine adds severity, file and position."""

    message: str
    task: str | None = None
    department: str | None = None
    hint: str | None = None
    activity: Activity | None = None
    function: Function | None = None
    #: Where to point when the finding concerns neither one task nor one department.
    section: str | None = None
    #: The letter whose holders the finding counts (RACI006's too many A's), for the views.
    letter: Letter | None = None


@dataclass(frozen=True)
class RuleContext:
    org: Organization
    graph: OrgGraph
    options: Mapping[str, int | float]
    #: For rules that review the others' verdicts (:attr:`Rule.reviews_findings`): every
    #: finding the other rules made, waived or not, and the codes of the rules that ran.
    findings: tuple[Finding, ...] = ()
    ran: frozenset[str] = frozenset()


class _LazyDoc:
    """``Rule.source_doc``: the class's docstring parsed on first access, then kept on the
    class; ``Rule.doc``: the same in the current language."""

    def __init__(self, *, translated: bool) -> None:
        self.translated = translated

    def __get__(self, instance: object, owner: type[Rule]) -> RuleDoc:
        parsed = owner.__dict__.get("_parsed_doc")
        if not isinstance(parsed, RuleDoc):
            parsed = parse_doc(owner.__name__, owner.__doc__ or "")
            owner._parsed_doc = parsed  # type: ignore[attr-defined]
        return parsed.translated() if self.translated else parsed


class Rule:
    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity]
    options: ClassVar[tuple[Option, ...]] = ()
    #: Which of the article's five misconceptions the rule checks (None for RACI hygiene).
    principle: ClassVar[int | None] = None
    #: A social media rule (SOC…): it looks at social work only, and an org with none skips it.
    social: ClassVar[bool] = False
    #: Runs after the other rules and sees their findings (in :class:`RuleContext`).
    reviews_findings: ClassVar[bool] = False
    #: Whether a task or department may waive this rule's findings (``waive: {CODE: why}``).
    waivable: ClassVar[bool] = True
    #: Its findings are about the whole organisation (a missing task, shared ownership), never
    #: one task or department: a waiver on a task could never match, so the loader refuses it.
    organisation_wide: ClassVar[bool] = False
    #: The docstring's summary and sections, parsed when first read (``raci explain``, the
    #: reporters' rule metadata, the HTML report); a plain check never needs them. ``doc`` reads
    #: the summary, Why and Fix in the current language; ``source_doc`` is the English as
    #: written (the generated docs, the catalog extractor).
    doc = _LazyDoc(translated=True)
    source_doc = _LazyDoc(translated=False)
    #: Why ``raci suggest`` proposes no change for this rule's findings; a rule either defines
    #: :meth:`fixes` or says here why it cannot (shown when its findings stay).
    no_fix: ClassVar[str | None] = None
    #: Cells of the function x activity grid this rule expects filled, with the letters that
    #: fill them; the scorecard marks the empty ones.
    required_cells: ClassVar[tuple[tuple[Function, Activity, frozenset[Letter]], ...]] = ()
    #: This rule's part of its principle's "checks" summary (None: another rule's phrase says it).
    principle_check: ClassVar[str | None] = None
    #: In a flagged task's matrix row, the letters the finding points at, once at least
    #: :attr:`points_at_min` departments hold them (two A's, too many R's, …).
    points_at: ClassVar[tuple[Letter, ...]] = ()
    points_at_min: ClassVar[int] = 1
    #: Where this rule draws a missing owner on a task, the R and A this function holds there
    #: are pointed at too (marketing's, when another function should lead).
    displaces: ClassVar[Function | None] = None
    #: A letter the flagged task lacks: its Accountable's cell in the matrix row says "+R"
    #: (the task nobody does gets a red cell where the work should land).
    lacks: ClassVar[Letter | None] = None

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if not _CODE.match(getattr(cls, "code", "")):
            raise TypeError(f"{cls.__name__}: code must look like RACI001 or SOC101")
        if not _NAME.match(getattr(cls, "name", "")):
            raise TypeError(f"{cls.__name__}: name must be kebab-case")
        if not isinstance(getattr(cls, "severity", None), Severity):
            raise TypeError(f"{cls.__name__}: severity must be a Severity")
        if not isinstance(cls.options, tuple) or not all(isinstance(o, Option) for o in cls.options):
            raise TypeError(f"{cls.__name__}: options must be a tuple of Option")
        if cls.principle is not None and cls.principle not in range(1, 6):
            raise TypeError(f"{cls.__name__}: principle must be 1 to 5")
        if cls.fixes.__func__ is Rule.fixes.__func__ and not cls.no_fix:  # type: ignore[attr-defined]
            raise TypeError(f"{cls.__name__}: define fixes() or say in no_fix why there are none")
        cls.social = cls.code.startswith("SOC")
        missing = [name for name in _SECTIONS if f"{name}:" not in (cls.__doc__ or "")]
        if missing:  # the full parse waits for a reader; a missing section fails here
            sections = ", ".join(missing)
            raise TypeError(f"{cls.__name__}: docstring needs a summary line and sections {sections}")

    def check(self, context: RuleContext) -> Iterable[Violation]:
        raise NotImplementedError

    @classmethod
    def fixes(cls, plan: Planner, finding: Finding) -> Iterator[Candidate]:
        """Changes that might clear ``finding``, best first; ``raci suggest`` tries them."""
        return iter(())

    @classmethod
    def advice(cls, finding: Finding, org: Organization) -> str | None:
        """What to tell the user when no change clears ``finding``."""
        return gettext(cls.no_fix) if cls.no_fix else None

    @classmethod
    def gaps(cls, finding: Finding, org: Organization, graph: OrgGraph) -> list[Gap]:
        """Where ``finding`` is drawn: by default a flag on its task, else on its department."""
        # Imported here: checking never draws, and start-up counts every module.
        from raci.rules.gaps import OnDepartment, OnTask

        task = known_task(finding, org)
        if task is not None:
            return [OnTask(task, cls.task_note(finding, org, graph, task))]
        department = finding.department if finding.department in org.departments else None
        if department is not None:
            return [OnDepartment(department, cls.department_note(finding, org, graph, department))]
        return []

    @classmethod
    def lacking_cells(cls, graph: OrgGraph, task_id: str) -> list[tuple[str, Letter]]:
        """The matrix cells of a flagged task that should hold a letter the task lacks: by
        default :attr:`lacks` in its Accountable's cell (who should do the work or name who does)."""
        if cls.lacks is None:
            return []
        return [(dept_id, cls.lacks) for dept_id in graph.holders(task_id, Letter.ACCOUNTABLE)[:1]]

    @classmethod
    def task_note(cls, finding: Finding, org: Organization, graph: OrgGraph, task_id: str) -> str:
        """A few words for the task's flag, counted from the graph rather than read from messages."""
        from raci.rules.gaps import rule_note

        return rule_note(finding)

    @classmethod
    def department_note(cls, finding: Finding, org: Organization, graph: OrgGraph, dept_id: str) -> str:
        from raci.rules.gaps import rule_note

        return rule_note(finding)

    @classmethod
    def option_defaults(cls) -> dict[str, int | float]:
        return {option.name: option.default for option in cls.options}

    @classmethod
    def option(cls, name: str) -> Option | None:
        return next((option for option in cls.options if option.name == name), None)


def parse_doc(owner: str, docstring: str) -> RuleDoc:
    """Split a rule docstring into its summary and the Why/Passes/Fails/Fix sections."""
    text = textwrap.dedent(docstring).strip("\n")
    summary, _, body = text.partition("\n")
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in textwrap.dedent(body).splitlines():
        match = _SECTION_LINE.match(line)
        if match:
            current = sections.setdefault(match.group(1), [])
            if match.group(2):
                current.append(match.group(2))
        elif current is not None:
            current.append(line)
    missing = [name for name in _SECTIONS if not "".join(sections.get(name, [])).strip()]
    if not summary.strip() or missing:
        raise TypeError(f"{owner}: docstring needs a summary line and sections {', '.join(missing)}")

    def section(name: str, *, code: bool = False) -> str:
        lines = sections[name]
        if code:
            return textwrap.dedent("\n".join(lines)).strip("\n") + "\n"
        return " ".join(" ".join(lines).split())

    return RuleDoc(
        summary=summary.strip(),
        why=section("Why"),
        passes=section("Passes", code=True),
        fails=section("Fails", code=True),
        fix=section("Fix"),
    )


def known_task(finding: Finding, org: Organization) -> str | None:
    """The finding's task if the organisation has it."""
    return finding.task if finding.task in org.tasks else None


def finding_activity(finding: Finding) -> Activity | None:
    try:
        return Activity(finding.activity) if finding.activity else None
    except ValueError:
        return None


def finding_function(finding: Finding) -> Function | None:
    try:
        return Function(finding.function) if finding.function else None
    except ValueError:
        return None
