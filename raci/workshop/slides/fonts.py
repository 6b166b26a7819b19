"""A TrueType font with Polish letters for the deck's text, found on this machine.

PDF's built-in Helvetica has no "ł" or "ż" and is not embedded, so the deck embeds a real
font. DejaVu Sans (Debian/Ubuntu: fonts-dejavu-core) is looked for first, then other common
sans fonts with Latin Extended-A (Liberation Sans, Arial, Noto Sans); fontconfig's
``fc-match`` is asked last. ``RACI_FONT`` and ``RACI_FONT_BOLD`` name files to use instead.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from raci.i18n import N_, gettext
from raci.model.errors import RenderError

#: Letters a workshop in Polish needs; a font missing any of them is passed over.
POLISH = "ąćęłńóśźżĄĆĘŁŃÓŚŹŻ"

_DIRECTORIES = (
    "/usr/share/fonts",
    "/usr/local/share/fonts",
    "~/.local/share/fonts",
    "~/.fonts",
    "/Library/Fonts",
    "/System/Library/Fonts/Supplemental",
    "~/Library/Fonts",
    "C:/Windows/Fonts",
)
#: (regular, bold) file names, most wanted first.
_FAMILIES = (
    ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
    ("LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf"),
    ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf"),
    ("Arial.ttf", "Arial Bold.ttf"),
    ("arial.ttf", "arialbd.ttf"),
)
INSTALL_HINT = N_(
    "install DejaVu Sans (Debian/Ubuntu: apt-get install fonts-dejavu-core; macOS: brew install "
    "--cask font-dejavu; Windows: Arial is used) or set RACI_FONT to a .ttf file"
)


class FontMissingError(RenderError):
    """No TrueType font with Polish letters was found; the message says how to get one."""


@dataclass(frozen=True)
class FontFiles:
    regular: Path
    bold: Path


def find_font() -> FontFiles:
    """The deck's font files; :class:`FontMissingError` when there is none."""
    chosen = os.environ.get("RACI_FONT")
    if chosen:
        regular = Path(chosen)
        if not _usable(regular):
            raise FontMissingError(
                gettext("RACI_FONT=%(file)s is not a TrueType font with Polish letters") % {"file": chosen}
            )
        bold = Path(os.environ.get("RACI_FONT_BOLD") or chosen)
        return FontFiles(regular, bold if _usable(bold) else regular)
    for regular_name, bold_name in _FAMILIES:
        found = _find_file(regular_name)
        if found is not None and _usable(found):
            bold = found.with_name(bold_name)
            return FontFiles(found, bold if _usable(bold) else found)
    matched = _fc_match()
    if matched is not None:
        return FontFiles(matched, matched)
    raise FontMissingError(
        gettext("no font with Polish letters found for the slides: %(hint)s")
        % {"hint": gettext(INSTALL_HINT)}
    )


def _find_file(name: str) -> Path | None:
    for directory in _DIRECTORIES:
        root = Path(directory).expanduser()
        if not root.is_dir():
            continue
        direct = root / name
        if direct.is_file():
            return direct
        for found in sorted(root.rglob(name)):
            return found
    return None


def _fc_match() -> Path | None:
    program = shutil.which("fc-match")
    if program is None:
        return None
    try:
        completed = subprocess.run(
            [program, "-f", "%{file}", f"sans-serif:charset={' '.join(f'{ord(c):x}' for c in POLISH)}"],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    path = Path(completed.stdout.strip())
    return path if path.suffix.lower() == ".ttf" and _usable(path) else None


def _usable(path: Path) -> bool:
    """A TrueType file reportlab can embed that has every Polish letter."""
    if not path.is_file():
        return False
    try:
        from reportlab.pdfbase.ttfonts import TTFontFile

        font = TTFontFile(str(path))
    except Exception:  # reportlab raises several kinds for files it cannot read
        return False
    return all(ord(letter) in font.charToGlyph for letter in POLISH)
