"""The JSON Schema of the org file format, for editors (yaml-language-server) and validators."""

from __future__ import annotations

import json
from typing import Any

from . import __version__
from .model import Organization

SCHEMA_ID = "https://raci.dev/schema/org-v1.json"


def json_schema() -> dict[str, Any]:
    schema = Organization.model_json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "description": f"An organisation file for raci {__version__}: departments, social media "
        "tasks, and who is Responsible, Accountable, Consulted and Informed for each.",
        **schema,
    }


def json_schema_text() -> str:
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
