"""`raci doctor`: what this machine has for drawing, and what each missing part disables.

Checks Graphviz's `dot` (and its version), the embedded engine (`graphviz-pure`) and the
PNG rasteriser for it (`resvg-py`), fonts with
Polish letters for the diagrams (through fontconfig's `fc-list`, which Graphviz itself
uses) and the TrueType font the slide deck embeds. Exit 0 when everything is there, 1 when
something is missing (so a setup script can stop), never 2: nothing the user typed is wrong.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from raci.cli.exit_codes import EXIT_CLEAN, EXIT_FINDINGS
from raci.cli.streams import write_stdout

#: A letter only Polish (and a few neighbours) needs: a font with it has the rest.
_POLISH_CHARSET = ":charset=0x0142"


@dataclass(frozen=True)
class Part:
    name: str
    found: str | None  # what was found, e.g. "2.43.0 at /usr/bin/dot"; None when missing
    gives: str  # what it is for
    without: str  # what is lost when it is missing, and how to get it


def doctor() -> int:
    """Say what raci can draw here: Graphviz, the embedded engine, fonts with Polish letters.

    Exit 0 when every part is present, 1 when one is missing (each missing part says what it
    disables and how to install it).
    """
    parts = [_dot(), _embedded(), _raster(), _diagram_fonts(), _deck_font()]
    lines = []
    for part in parts:
        if part.found is not None:
            lines.append(f"ok       {part.name}: {part.found} ({part.gives})")
        else:
            lines.append(f"MISSING  {part.name}: {part.without}")
    missing = sum(1 for part in parts if part.found is None)
    lines.append("")
    lines.append(
        "everything raci draws works here"
        if not missing
        else f"{missing} part{'s' if missing != 1 else ''} missing: see above for what each disables"
    )
    write_stdout("\n".join(lines) + "\n")
    return EXIT_FINDINGS if missing else EXIT_CLEAN


def _run(*command: str) -> str | None:
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=20, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return (done.stdout + done.stderr).strip() if done.returncode == 0 else None


def _dot() -> Part:
    from raci.diagrams.engine import INSTALL_HINT

    path = shutil.which("dot")
    version = _run(path, "-V") if path else None
    # "dot - graphviz version 2.43.0 (0)"
    words = (version or "").split("version", 1)
    number = words[1].split()[0] if len(words) == 2 and words[1].split() else "unknown version"
    return Part(
        "Graphviz dot",
        f"{number} at {path}" if path else None,
        "SVG, PNG and PDF diagrams, the slide deck",
        f"PDF diagrams and `raci slides` are off (SVG, and PNG through resvg, still work with "
        f"the embedded engine); {INSTALL_HINT}",
    )


def _embedded() -> Part:
    from importlib import metadata

    from raci.diagrams.engine import EMBEDDED_NAME, embedded_engine

    engine = embedded_engine()
    found = None
    if engine is not None:
        try:
            found = f"{metadata.version(EMBEDDED_NAME)} at {engine.path}"
        except metadata.PackageNotFoundError:
            found = engine.path
    return Part(
        f"embedded engine ({EMBEDDED_NAME})",
        found,
        "SVG diagrams where dot is missing",
        f"without dot no diagram can be drawn; pip install {EMBEDDED_NAME} (wheels for x86_64 "
        "and arm64), or install Graphviz",
    )


def _raster() -> Part:
    from importlib import metadata

    from raci.diagrams.raster import RASTER_NAME, available

    found = None
    if available():
        try:
            found = metadata.version(RASTER_NAME)
        except metadata.PackageNotFoundError:
            found = "installed"
    return Part(
        f"PNG without dot ({RASTER_NAME})",
        found,
        "PNG from the embedded engine's SVG where dot is missing",
        f"without dot, PNG diagrams are off; pip install {RASTER_NAME}, or install Graphviz",
    )


def _diagram_fonts() -> Part:
    fc_list = shutil.which("fc-list")
    hint = (
        "Polish letters in PNG and PDF diagrams may show as boxes; install DejaVu Sans "
        "(Debian/Ubuntu: apt-get install fonts-dejavu-core; macOS: brew install --cask font-dejavu)"
    )
    windows_arial = Path(os.environ.get("WINDIR", "C:/Windows")) / "Fonts" / "arial.ttf"
    if fc_list is None and sys.platform == "win32" and windows_arial.is_file():
        # Graphviz's Windows build draws with the system's fonts; Arial has the letters.
        found = f"Arial ({windows_arial})"
        return Part("fonts with Polish letters", found, "diagram text in PNG and PDF", hint)
    if fc_list is None:
        return Part(
            "fonts with Polish letters (fontconfig)",
            None,
            "",
            "fc-list is not installed, so raci cannot tell; Graphviz from Homebrew or apt brings "
            "fontconfig, and on Windows Arial has the letters",
        )
    listed = _run(fc_list, _POLISH_CHARSET, "family") or ""
    families = sorted({line.split(",")[0].strip() for line in listed.splitlines() if line.strip()})
    shown = ", ".join(families[:4]) + (f" and {len(families) - 4} more" if len(families) > 4 else "")
    return Part(
        "fonts with Polish letters (fontconfig)",
        shown or None,
        "diagram text in PNG and PDF",
        hint,
    )


def _deck_font() -> Part:
    from raci.workshop.slides.fonts import INSTALL_HINT, FontMissingError, find_font

    try:
        found = str(find_font().regular)
    except FontMissingError:
        found = None
    return Part(
        "slide deck font",
        found,
        "text of `raci slides`, embedded in the PDF",
        f"`raci slides` is off: {INSTALL_HINT}",
    )
