"""What every rule is: stable metadata, documentation read from its docstring, and a check.

Metadata is checked when the class is made (as sqlfluff does), so a rule with a malformed
code, a missing docstring section or a mutable option table fails at import, not in a user's
CI. Rules never format positions: they yield :class:`Violation` and the engine places them.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from raci.model.severity import Severity
from raci.model.vocabulary import Activity, Function

if TYPE_CHECKING:
    from raci.graph import OrgGraph
    from raci.model.organization import Organization

_CODE = re.compile(r"^(RACI|SOC)\d{3}$")
_NAME = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
_SECTIONS = ("Why", "Passes", "Fails", "Fix")
_SECTION_LINE = re.compile(r"^(Why|Passes|Fails|Fix):\s*(.*)$")


@dataclass(frozen=True)
class Option:
    """A rule setting users may change, e.g. a threshold."""

    name: str
    default: int | float
    description: str
    minimum: int | float = 0

    def coerce(self, value: Any) -> int | float:
        """Read a configured value (YAML gives text) as this option's type, or raise ValueError."""
        kind = type(self.default)
        if isinstance(value, bool):
            raise ValueError(f"must be a number, not {value}")
        try:
            number = kind(value) if not isinstance(value, str) else kind(value.strip())
        except (TypeError, ValueError):
            raise ValueError(f"must be {'a whole number' if kind is int else 'a number'}") from None
        if number < self.minimum:
            raise ValueError(f"must be at least {self.minimum}")
        return number


@dataclass(frozen=True)
class RuleDoc:
    summary: str
    why: str
    passes: str
    fails: str
    fix: str


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


@dataclass(frozen=True)
class RuleContext:
    org: Organization
    graph: OrgGraph
    options: Mapping[str, int | float]


class Rule:
    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity]
    options: ClassVar[tuple[Option, ...]] = ()
    #: Which of the article's five misconceptions the rule checks (None for RACI hygiene).
    principle: ClassVar[int | None] = None
    #: A social media rule (SOC…): it looks at social work only, and an org with none skips it.
    social: ClassVar[bool] = False
    doc: ClassVar[RuleDoc]

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
        cls.social = cls.code.startswith("SOC")
        cls.doc = parse_doc(cls.__name__, cls.__doc__ or "")

    def check(self, context: RuleContext) -> Iterable[Violation]:
        raise NotImplementedError

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
