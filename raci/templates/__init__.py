"""Starter org files written by `raci init`.

Each starter is ``NAME.yaml`` (English) with a translation ``NAME.LANG.yaml`` beside it where
one exists: the same organisation in the reader's language (comments, department and task
names, the Polish words for functions, activities and horizons), checking just as clean.
"""

from __future__ import annotations

from importlib.resources import files

from raci.files import read_limited

TEMPLATES = ("social-media", "blank")
#: Templates are small files shipped with raci; read within a bound all the same, as every
#: input is, in case the installed file was replaced by something else.
MAX_TEMPLATE_BYTES = 1024 * 1024


def template_text(name: str, language: str = "en") -> str:
    """The starter ``name`` in ``language``, or in English where it has no translation."""
    if name not in TEMPLATES:
        raise ValueError(f"unknown template {name!r}; choose from {', '.join(TEMPLATES)}")
    translated = files(__name__).joinpath(f"{name}.{language}.yaml")
    chosen = (
        translated if language != "en" and translated.is_file() else files(__name__).joinpath(f"{name}.yaml")
    )
    with chosen.open("rb") as stream:
        data = read_limited(stream, MAX_TEMPLATE_BYTES)
    if len(data) > MAX_TEMPLATE_BYTES:
        raise ValueError(f"template {name!r} is larger than {MAX_TEMPLATE_BYTES:,} bytes")
    return data.decode("utf-8")
