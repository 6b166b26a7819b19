"""`raci init [org.yaml]`: a commented starter org file, and the schema beside it."""

from __future__ import annotations

import re
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from raci.cli.exit_codes import EXIT_BAD_INPUT, EXIT_CLEAN
from raci.cli.streams import write_stderr_lines
from raci.i18n import gettext as _


class Template(str, Enum):
    social_media = "social-media"
    blank = "blank"


def init(
    path: Annotated[Path, typer.Argument(help="Where to write the starter org file.")] = Path("org.yaml"),
    template: Annotated[Template, typer.Option(help="Which starter to write.")] = Template.social_media,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing file.")] = False,
) -> int:
    """Write a commented starter org file that passes `raci check` and teaches the principles.

    The starter is in the run's language (--lang, RACI_LANG or the locale): in Polish its
    comments, department and task names and its function and activity words are Polish.
    """
    from raci.files import OutputExistsError, os_reason, write_atomic
    from raci.i18n import current_language
    from raci.model.schema import json_schema_text
    from raci.templates import template_text

    # The starter names raci.schema.json for editors; write it beside the file unless one
    # is already there (it may be the user's, or shared by several org files).
    schema_path = path.parent / "raci.schema.json"
    try:
        text = _named(template_text(template.value, current_language()), path.name)
        write_atomic(path, text.encode("utf-8"), overwrite=force)
        # A link there (even a dangling one) counts as "already there": never written through.
        wrote_schema = not (schema_path.exists() or schema_path.is_symlink())
        if wrote_schema:
            write_atomic(schema_path, json_schema_text().encode("utf-8"), overwrite=False)
    except OutputExistsError as error:
        return _fail(str(error))
    except OSError as error:
        return _fail(_("cannot write %(path)s: %(reason)s") % {"path": path, "reason": os_reason(error)})
    if wrote_schema:
        message = _("wrote %(path)s and %(schema)s (for editors); next: raci check %(path)s")
    else:
        message = _("wrote %(path)s; next: raci check %(path)s")
    write_stderr_lines([message % {"path": path, "schema": schema_path}])
    return EXIT_CLEAN


def _fail(message: str) -> int:
    write_stderr_lines([f"raci: {message}"])
    return EXIT_BAD_INPUT


def _named(text: str, name: str) -> str:
    """The starter's "run: raci check org.yaml" names the file it is written to; a name
    that is not plain letters, digits, dots, dashes and underscores keeps "org.yaml" (a
    comment is no place for quoting rules)."""
    if re.fullmatch(r"[\w.-]+", name) is None:
        return text
    return text.replace("raci check org.yaml", f"raci check {name}", 1)
