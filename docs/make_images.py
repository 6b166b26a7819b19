"""Regenerate the diagrams in docs/images/: python docs/make_images.py

Draws every view of every bundled example as PNG with Graphviz's `dot` (which must be
installed: PNG needs it), the Polish example in Polish. The README shows some of them; the
rest are there to compare.
``--out DIR`` writes elsewhere; ``--format svg`` writes SVG instead.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import raci
from raci.diagrams import VIEWS, RenderError, render
from raci.files import output_path, write_atomic
from raci.i18n import language

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "org_examples"
IMAGES = Path(__file__).resolve().parent / "images"
#: Examples written in Polish are drawn in Polish, the others in English (whatever the locale).
LANGUAGES = {"polska-firma": "pl"}


def image_name(example: str, view: str, output_format: str = "png") -> str:
    return f"{example}-{view}.{output_format}"


def make_images(out: Path, output_format: str = "png") -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for path in sorted(EXAMPLES.glob("*.yaml")):
        with language(LANGUAGES.get(path.stem, "en")):
            org = raci.load(path)
            result = raci.check(org)
            for view in VIEWS:
                # Names come from example files: output_path keeps each one inside --out.
                target = output_path(out, image_name(path.stem, view, output_format))
                write_atomic(target, render(org, result, view=view, format=output_format))
                written.append(target)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--out", type=Path, default=IMAGES, help="folder to write to (default: docs/images)")
    parser.add_argument("--format", choices=("png", "svg"), default="png")
    args = parser.parse_args(argv)
    try:
        written = make_images(args.out, args.format)
    except (RenderError, OSError) as error:
        print(f"make_images: {error}", file=sys.stderr)
        return 2
    for target in written:
        print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
