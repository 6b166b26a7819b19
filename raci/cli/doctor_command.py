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
from raci.i18n import gettext as _
from raci.i18n import ngettext

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
        values = {"name": part.name, "found": part.found, "gives": part.gives, "without": part.without}
        if part.found is not None:
            lines.append(_("ok       %(name)s: %(found)s (%(gives)s)") % values)
        else:
            lines.append(_("MISSING  %(name)s: %(without)s") % values)
    missing = sum(1 for part in parts if part.found is None)
    lines.append("")
    if missing:
        lines.append(
            ngettext(
                "%(count)d part missing: see above for what each disables",
                "%(count)d parts missing: see above for what each disables",
                missing,
            )
            % {"count": missing}
        )
    else:
        lines.append(_("everything raci draws works here"))
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
    number = words[1].split()[0] if len(words) == 2 and words[1].split() else _("unknown version")
    return Part(
        "Graphviz dot",
        _("%(version)s at %(path)s") % {"version": number, "path": path} if path else None,
        _("SVG, PNG and PDF diagrams, the slide deck"),
        _(
            "PDF diagrams and `raci slides` are off (SVG, and PNG through resvg, still work with "
            "the embedded engine); %(hint)s"
        )
        % {"hint": INSTALL_HINT},
    )


def _embedded() -> Part:
    from importlib import metadata

    from raci.diagrams.engine import EMBEDDED_NAME, embedded_engine

    engine = embedded_engine()
    found = None
    if engine is not None:
        try:
            found = _("%(version)s at %(path)s") % {
                "version": metadata.version(EMBEDDED_NAME),
                "path": engine.path,
            }
        except metadata.PackageNotFoundError:
            found = engine.path
    return Part(
        _("embedded engine (%(name)s)") % {"name": EMBEDDED_NAME},
        found,
        _("SVG diagrams where dot is missing"),
        _(
            "without dot no diagram can be drawn; pip install %(name)s (wheels for x86_64 "
            "and arm64), or install Graphviz"
        )
        % {"name": EMBEDDED_NAME},
    )


def _raster() -> Part:
    from importlib import metadata

    from raci.diagrams.raster import RASTER_NAME, available

    found = None
    if available():
        try:
            found = metadata.version(RASTER_NAME)
        except metadata.PackageNotFoundError:
            found = _("installed")
    return Part(
        _("PNG without dot (%(name)s)") % {"name": RASTER_NAME},
        found,
        _("PNG from the embedded engine's SVG where dot is missing"),
        _("without dot, PNG diagrams are off; pip install %(name)s, or install Graphviz")
        % {"name": RASTER_NAME},
    )


def _diagram_fonts() -> Part:
    fc_list = shutil.which("fc-list")
    hint = _(
        "Polish letters in PNG and PDF diagrams may show as boxes; install DejaVu Sans "
        "(Debian/Ubuntu: apt-get install fonts-dejavu-core; macOS: brew install --cask font-dejavu)"
    )
    gives = _("diagram text in PNG and PDF")
    windows_arial = Path(os.environ.get("WINDIR", "C:/Windows")) / "Fonts" / "arial.ttf"
    if fc_list is None and sys.platform == "win32" and windows_arial.is_file():
        # Graphviz's Windows build draws with the system's fonts; Arial has the letters.
        found = f"Arial ({windows_arial})"
        return Part(_("fonts with Polish letters"), found, gives, hint)
    if fc_list is None:
        return Part(
            _("fonts with Polish letters (fontconfig)"),
            None,
            "",
            _(
                "fc-list is not installed, so raci cannot tell; Graphviz from Homebrew or apt brings "
                "fontconfig, and on Windows Arial has the letters"
            ),
        )
    listed = _run(fc_list, _POLISH_CHARSET, "family") or ""
    families = sorted({line.split(",")[0].strip() for line in listed.splitlines() if line.strip()})
    shown = ", ".join(families[:4])
    if len(families) > 4:
        more = len(families) - 4
        shown = ngettext("%(fonts)s and %(count)d more", "%(fonts)s and %(count)d more", more) % {
            "fonts": shown,
            "count": more,
        }
    return Part(_("fonts with Polish letters (fontconfig)"), shown or None, gives, hint)


def _deck_font() -> Part:
    from raci.workshop.slides.fonts import INSTALL_HINT, FontMissingError, find_font

    try:
        found = str(find_font().regular)
    except FontMissingError:
        found = None
    return Part(
        _("slide deck font"),
        found,
        _("text of `raci slides`, embedded in the PDF"),
        _("`raci slides` is off: %(hint)s") % {"hint": INSTALL_HINT},
    )
