"""Terminal manners: when to use colour, and how wide to draw."""

from __future__ import annotations

import os
import shutil
from typing import TextIO


def use_color(choice: str, stream: TextIO) -> bool:
    """``always``/``never`` win; ``auto`` means a terminal, unless NO_COLOR or TERM=dumb say no."""
    if choice == "always":
        return True
    if choice == "never":
        return False
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return stream.isatty() and os.environ.get("TERM") != "dumb"


def width(stream: TextIO) -> int:
    """The terminal's width, or a fixed one for files and pipes so output is reproducible."""
    if stream.isatty():
        return max(60, shutil.get_terminal_size((120, 24)).columns)
    return 120
