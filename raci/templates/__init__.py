"""Starter org files written by `raci init`."""

from __future__ import annotations

from importlib.resources import files

TEMPLATES = ("social-media", "blank")


def template_text(name: str) -> str:
    if name not in TEMPLATES:
        raise ValueError(f"unknown template {name!r}; choose from {', '.join(TEMPLATES)}")
    return files(__name__).joinpath(f"{name}.yaml").read_text(encoding="utf-8")
