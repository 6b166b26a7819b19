"""The diagrams in the docs: present for every view, shown in the README, regenerable."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from raci.diagrams import VIEWS

from .conftest import EXAMPLES, ROOT, needs_dot

IMAGES = ROOT / "docs" / "images"
PNG = b"\x89PNG\r\n\x1a\n"


def test_every_view_of_every_example_has_a_png() -> None:
    for example in sorted(EXAMPLES.glob("*.yaml")):
        for view in VIEWS:
            image = IMAGES / f"{example.stem}-{view}.png"
            assert image.read_bytes().startswith(PNG), image


def test_readme_shows_each_view_and_the_images_exist() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    images = re.findall(r"!\[[^\]]*\]\((docs/images/[^)]+\.png)\)", readme)
    # Diagrams are named <example>-<view>.png; the HTML report's screenshot is report-*.png.
    shown = [path for path in images if not Path(path).name.startswith("report-")]
    assert {Path(path).stem.rsplit("-", 1)[1] for path in shown} == set(VIEWS)
    for path in images:
        assert (ROOT / path).is_file(), path
    assert "python docs/make_images.py" in readme


@needs_dot
def test_make_images_regenerates_them(tmp_path: Path) -> None:
    completed = subprocess.run(
        [sys.executable, str(ROOT / "docs" / "make_images.py"), "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert completed.returncode == 0, completed.stderr
    written = sorted(p.name for p in tmp_path.iterdir())
    expected = sorted(f"{e.stem}-{v}.png" for e in EXAMPLES.glob("*.yaml") for v in VIEWS)
    assert written == expected
    for name in written:
        assert (tmp_path / name).read_bytes().startswith(PNG)
