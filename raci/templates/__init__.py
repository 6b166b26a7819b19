"""Starter org files written by `raci init`."""

from __future__ import annotations

from importlib.resources import files

from raci.files import read_limited

TEMPLATES = ("social-media", "blank")
#: Templates are small files shipped with raci; read within a bound all the same, as every
#: input is, in case the installed file was replaced by something else.
MAX_TEMPLATE_BYTES = 1024 * 1024


def template_text(name: str) -> str:
    if name not in TEMPLATES:
        raise ValueError(f"unknown template {name!r}; choose from {', '.join(TEMPLATES)}")
    with files(__name__).joinpath(f"{name}.yaml").open("rb") as stream:
        data = read_limited(stream, MAX_TEMPLATE_BYTES)
    if len(data) > MAX_TEMPLATE_BYTES:
        raise ValueError(f"template {name!r} is larger than {MAX_TEMPLATE_BYTES:,} bytes")
    return data.decode("utf-8")
