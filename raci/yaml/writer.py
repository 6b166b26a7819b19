"""An organisation -> org-file YAML: clean, deterministic, in the documented shape.

::

    organization: Acme Outdoor

    departments:
      marketing: {name: Marketing, function: marketing, capacity_hours: 60}
      care:      {name: Customer Care, function: customer_service, capacity_hours: 80}

    tasks:
      answer-complaints:
        name: Answer public complaints
        activity: respond
        effort_hours: 15
        raci: {care: RA, pr: C, marketing: I}

Text is written plain when every YAML reader reads it back as the same string, and
double-quoted otherwise (``"no"``, ``"2024"``, ``"Sales: EMEA"``, names with ``#`` or
``{``…). Empty lists and mappings are left out, except ``raci``. Comments cannot be kept:
this writes a new file (see :mod:`raci.yaml.editor` for editing one in place).
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from raci.model.organization import Organization

INDENT = "  "

# Plain scalars we write: a letter first, then words, spaces and a little punctuation; no
# ': ', ' #', flow indicators or quotes that YAML would read differently.
_PLAIN = re.compile(r"[^\W\d_](?:[\w.&'()/+\- ]*[\w.)])?")
# In block context (a value on its own line) commas are plain text too.
_PLAIN_BLOCK = re.compile(r"[^\W\d_](?:[\w.,&'()/+\- ]*[\w.)])?")
# YAML 1.1 and 1.2 words read as booleans or null, whatever the case.
_RESERVED = frozenset({"y", "n", "yes", "no", "true", "false", "on", "off", "null", "nan", "inf"})
# Characters YAML would fold or refuse inside double quotes: line breaks it knows beyond
# \n, and the non-printable ones.
_ESCAPE_MORE = re.compile("[\u0085\u2028\u2029\ufeff\ufffe\uffff]")


def scalar(value: Any, *, block: bool = False) -> str:
    """One scalar as YAML text: numbers bare, text plain when safe, else double-quoted.

    ``block`` says the scalar stands alone as a block mapping's value, where commas are
    ordinary text; inside ``{…}`` or ``[…]`` they would end it.
    """
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return _float(value)
    text = str(value)
    pattern = _PLAIN_BLOCK if block else _PLAIN
    if pattern.fullmatch(text) and text.lower() not in _RESERVED and "  " not in text:
        return text
    return _quoted(text)


def _float(value: float) -> str:
    if value.is_integer() and abs(value) < 2**53:
        return str(int(value))
    text = repr(value)
    if "e" in text or "E" in text:
        text = format(Decimal(text), "f")
    return text


def _quoted(text: str) -> str:
    quoted = json.dumps(text, ensure_ascii=False)
    return _ESCAPE_MORE.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted)


def flow_sequence(items: list[Any]) -> str:
    return "[" + ", ".join(scalar(item) for item in items) + "]"


def flow_mapping(items: dict[str, Any]) -> str:
    parts = []
    for key, value in items.items():
        if isinstance(value, list):
            text = flow_sequence(value)
        elif isinstance(value, dict):
            text = flow_mapping(value)
        else:
            text = scalar(value)
        parts.append(f"{scalar(key)}: {text}")
    return "{" + ", ".join(parts) + "}"


def dump_organization(org: Organization) -> str:
    """The organisation as org-file text; loading it gives back an equal organisation."""
    return dump_data(org.model_dump(mode="json", exclude_none=True))


def dump_data(data: dict[str, Any]) -> str:
    """Plain org data (as ``model_dump(mode="json")`` gives it) as org-file text."""
    lines = [f"organization: {scalar(data['organization'], block=True)}"]
    if data.get("description") is not None:
        lines.append(f"description: {scalar(data['description'], block=True)}")
    lines += ["", *_department_lines(data.get("departments") or {})]
    lines += ["", *_task_section(data.get("tasks") or {})]
    if data.get("rules") is not None:
        lines += ["", *_rules_lines(data["rules"])]
    return "\n".join(lines) + "\n"


def _department_lines(departments: dict[str, dict[str, Any]]) -> list[str]:
    """One flow mapping per department, the mappings aligned."""
    if not departments:
        return ["departments: {}"]
    keys = {dept_id: scalar(dept_id) + ":" for dept_id in departments}
    width = max(len(key) for key in keys.values())
    lines = ["departments:"]
    for dept_id, department in departments.items():
        fields = {k: v for k, v in department.items() if v not in ([], {}, None)}
        lines.append(f"{INDENT}{keys[dept_id]:<{width}} {flow_mapping(fields)}")
    return lines


def _task_section(tasks: dict[str, dict[str, Any]]) -> list[str]:
    """Each task as a block, a blank line between tasks."""
    if not tasks:
        return ["tasks: {}"]
    lines = ["tasks:"]
    for index, (task_id, task) in enumerate(tasks.items()):
        if index:
            lines.append("")
        lines.append(f"{INDENT}{scalar(task_id)}:")
        lines.extend(task_lines(task, INDENT * 2))
    return lines


def _rules_lines(section: dict[str, Any]) -> list[str]:
    rules = {k: v for k, v in section.items() if v not in ([], {}, None)}
    if not rules:
        return ["rules: {}"]
    lines = ["rules:"]
    for key, value in rules.items():
        text = flow_sequence(value) if isinstance(value, list) else flow_mapping(value)
        lines.append(f"{INDENT}{key}: {text}")
    return lines


# Every task faces customers unless it says otherwise: writing it on each one is noise.
_DEFAULT_AUDIENCE = ("audience", "customers")


def task_lines(task: dict[str, Any], indent: str) -> list[str]:
    """A task's fields as block lines at ``indent``; ``raci`` last, as a flow mapping."""
    lines = []
    for key, value in task.items():
        if key == "raci" or value in ([], {}, None) or (key, value) == _DEFAULT_AUDIENCE:
            continue
        if isinstance(value, list):
            text = flow_sequence(value)
        elif isinstance(value, dict):
            text = flow_mapping(value)  # waive: {SOC102: reason}
        else:
            text = scalar(value, block=True)
        lines.append(f"{indent}{key}: {text}")
    lines.append(f"{indent}raci: {flow_mapping(task.get('raci') or {})}")
    return lines
