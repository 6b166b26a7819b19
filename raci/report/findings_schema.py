"""The JSON Schema of ``raci check --format json``: the findings contract tools rely on.

It is made from :class:`raci.types.FindingsReport`, the same TypedDict the library's type
hints use, so the schema, the types and the report cannot drift apart (a test validates real
output against it). ``format_version`` is pinned to the version this raci writes.
"""

from __future__ import annotations

import json
from typing import Any

from raci import __version__
from raci.report.json_report import FORMAT_VERSION

FINDINGS_SCHEMA_ID = f"https://raci.dev/schema/findings-v{FORMAT_VERSION}.json"


def findings_schema() -> dict[str, Any]:
    from pydantic import TypeAdapter

    from raci.types import FindingsReport

    schema = TypeAdapter(FindingsReport).json_schema()
    schema["properties"]["format_version"] = {"const": FORMAT_VERSION, "type": "integer"}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": FINDINGS_SCHEMA_ID,
        "title": "raci findings report",
        "description": f"The output of `raci check --format json` (raci {__version__}, format "
        f"version {FORMAT_VERSION}): findings, load errors, per-file counts and scorecards.",
        **{key: value for key, value in schema.items() if key not in ("title", "description")},
    }


def findings_schema_text() -> str:
    return json.dumps(findings_schema(), indent=2, ensure_ascii=False) + "\n"
