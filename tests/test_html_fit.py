"""The report fits a 1920 px screen and an A4 landscape page, and says its date, file and version.

Measured in headless Chromium: element boxes at 1920x1080 (a copy of the page with a small
measuring script, since the page itself forbids scripts), a screenshot of the page as it
is, and the page printed to PDF, read back with pdftotext (every department and the
Findings column) and pdftotext's word boxes (nothing past the paper's edge).
"""

from __future__ import annotations

import datetime as dt
import html
import json
import os
import re
import shutil
import subprocess
from functools import cache
from pathlib import Path

import pytest

import raci
from raci import __version__, i18n
from raci.workshop.html_report import build_report

from .conftest import EXAMPLES, run_subprocess
from .orgs import generate
from .test_html_report import chromium, console_messages, needs_chromium, png_size

CLASSIC = EXAMPLES / "classic-raci-mistakes.yaml"
A4_LANDSCAPE = (841.92, 594.96)  # points
_MEASURE = """<script>
const box = (e) => e.getBoundingClientRect();
const wrap = document.querySelector('.table-wrap');
const table = document.querySelector('table.matrix');
const out = {
  width: document.documentElement.clientWidth,
  page: document.documentElement.scrollWidth,
  wrapScroll: wrap.scrollWidth, wrapClient: wrap.clientWidth,
  table: [box(table).left, box(table).right],
  departments: [...document.querySelectorAll('th.dept .name')]
    .map((h) => [h.textContent, box(h.closest('th')).right]),
  findings: box(document.querySelector('th.findings-head')).right,
  notes: Math.max(...[...document.querySelectorAll('td.notes')].map((n) => box(n).right)),
};
document.body.setAttribute('data-measure', JSON.stringify(out));
</script></body>"""

needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext is not installed")


@cache
def org_file(name: str) -> Path:
    """The orgs a workshop meets: 10 x 30 and 15 x 60 generated, and a bundled example."""
    if name == "classic":
        return CLASSIC
    departments, tasks = (int(n) for n in name.split("x"))
    folder = Path(os.environ.get("PYTEST_TMP", "/tmp")) / f"raci-fit-{os.getpid()}"
    folder.mkdir(exist_ok=True)
    path = folder / f"org-{name}.yaml"
    path.write_text(generate(departments, tasks), encoding="utf-8")
    return path


def report_of(name: str, tmp_path: Path) -> tuple[Path, raci.Organization]:
    path = org_file(name)
    out = tmp_path / f"{name}.html"
    run = run_subprocess("report", str(path), "-o", str(out))
    assert run.code == 0, run.stderr
    return out, raci.load(path)


SIZES = ["10x30", "15x60", "classic"]


@needs_chromium
@pytest.mark.parametrize("name", SIZES)
def test_matrix_fits_1920_pixels(name: str, tmp_path: Path) -> None:
    report, org = report_of(name, tmp_path)
    page = report.read_text(encoding="utf-8")
    page = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", page)
    measured = tmp_path / "measured.html"
    measured.write_text(page.replace("</body>", _MEASURE, 1), encoding="utf-8")
    done = chromium(tmp_path, measured.as_uri(), "--window-size=1920,1080", "--dump-dom")
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-2000:]
    found = re.search(r'data-measure="([^"]*)"', done.stdout.decode("utf-8"))
    assert found, "the measuring script did not run"
    box = json.loads(html.unescape(found.group(1)))
    width = box["width"]
    assert width >= 1880  # 1920 less a scrollbar
    assert box["page"] <= width, "the page scrolls sideways"
    assert box["wrapScroll"] <= box["wrapClient"], "the matrix scrolls sideways"
    assert box["table"][0] >= 0 and box["table"][1] <= width
    names = [name for name, _ in box["departments"]]
    assert names == [org.department_label(d) for d in _column_order(org)]
    assert all(right <= width for _, right in box["departments"])
    assert box["findings"] <= width and box["notes"] <= width


def _column_order(org: raci.Organization) -> list[str]:
    from raci.diagrams.gaps_view import functions_in_order
    from raci.graph import OrgGraph

    graph = OrgGraph(org)
    return [
        d for f in functions_in_order(graph.departments_by_function) for d in graph.departments_by_function[f]
    ]


@needs_chromium
def test_screenshot_at_1920_by_1080(tmp_path: Path) -> None:
    report, _ = report_of("15x60", tmp_path)
    shot = tmp_path / "shot.png"
    done = chromium(tmp_path, report.as_uri(), f"--screenshot={shot}", "--window-size=1920,1080")
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-2000:]
    assert png_size(shot) == (1920, 1080)
    assert shot.stat().st_size > 50_000  # a page, not a blank
    assert console_messages(done.stderr) == []
    keep = os.environ.get("RACI_FIT_SCREENSHOT")
    if keep:  # to look at it
        shutil.copyfile(shot, keep)


def _pdf_words(pdf: Path) -> list[tuple[int, float, str]]:
    """(page, right edge in points, word) for every word pdftotext finds."""
    out = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, check=True, text=True)
    words = []
    page = 0
    for line in out.stdout.splitlines():
        if "<page " in line:
            page += 1
        match = re.search(r'xMax="([\d.]+)"[^>]*>([^<]*)</word>', line)
        if match:
            words.append((page, float(match.group(1)), html.unescape(match.group(2))))
    return words


@needs_chromium
@needs_pdftotext
@pytest.mark.parametrize("name", ["15x60", "classic"])
def test_printed_on_a4_landscape_nothing_is_cut(name: str, tmp_path: Path) -> None:
    report, org = report_of(name, tmp_path)
    pdf = tmp_path / "report.pdf"
    done = chromium(tmp_path, report.as_uri(), f"--print-to-pdf={pdf}", "--no-pdf-header-footer")
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-2000:]
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, check=True, text=True).stdout
    size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info)
    assert size and (float(size.group(1)), float(size.group(2))) == pytest.approx(A4_LANDSCAPE, abs=1)
    words = _pdf_words(pdf)
    # Nothing printed past the right margin (10 mm = 28.35 pt): no column cut off.
    assert max(right for _, right, _ in words) <= A4_LANDSCAPE[0] - 28
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, check=True, text=True).stdout
    flat = " ".join(text.split())
    matrix = flat[flat.index("RACI matrix") : flat.index("Findings and fixes")]
    for dept_id in org.departments:
        assert " ".join(org.department_label(dept_id).split()) in matrix, dept_id
    assert "Findings" in matrix
    for task_id in org.tasks:
        assert " ".join(org.task_label(task_id).split()) in matrix, task_id
    # Each row's findings are printed beside it (the last column), e.g. the silo notes.
    assert matrix.count("silo: nobody consulted or informed") == sum(
        1 for f in raci.check(org).findings if f.code == "RACI007"
    )
    keep = os.environ.get("RACI_FIT_PDF")
    if keep:
        shutil.copyfile(pdf, keep)


def test_footer_dates_the_page_by_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    path = tmp_path / "org.yaml"
    path.write_bytes(CLASSIC.read_bytes())
    changed = dt.datetime(2021, 3, 4, 12, 0, tzinfo=dt.timezone.utc).timestamp()
    os.utime(path, (changed, changed))
    first = build_report(raci.load(path))
    footer = re.search(r'<footer class="stamp">(.*?)</footer>', first, re.S)
    assert footer is not None
    assert f'<span class="file">{path}</span> (file last changed 2021-03-04) made by raci {__version__}' in (
        footer.group(1)
    )
    assert f"{path} · file last changed 2021-03-04 ·" in first  # and in the masthead
    # The same file gives the same bytes, on any day.
    assert build_report(raci.load(path)) == first
    # A changed file is dated by its change.
    later = dt.datetime(2022, 1, 2, 12, 0, tzinfo=dt.timezone.utc).timestamp()
    os.utime(path, (later, later))
    assert "(file last changed 2022-01-02)" in build_report(raci.load(path))


def test_source_date_epoch_wins_and_no_file_means_today(tmp_path: Path) -> None:
    path = tmp_path / "org.yaml"
    path.write_bytes(CLASSIC.read_bytes())
    out_a, out_b = tmp_path / "a.html", tmp_path / "b.html"
    env = {"SOURCE_DATE_EPOCH": "86400"}  # 1970-01-02
    assert run_subprocess("report", str(path), "-o", str(out_a), env=env).code == 0
    os.utime(path, (1_600_000_000, 1_600_000_000))
    assert run_subprocess("report", str(path), "-o", str(out_b), env=env).code == 0
    assert out_a.read_bytes() == out_b.read_bytes()
    assert "(dated 1970-01-02)" in out_a.read_text(encoding="utf-8")
    # From stdin there is no file to date: the page says the day it was made.
    run = run_subprocess(
        "report", "-", "-o", str(tmp_path / "c.html"), stdin=CLASSIC.read_text(encoding="utf-8")
    )
    assert run.code == 0, run.stderr
    today = dt.datetime.now(dt.timezone.utc).date().isoformat()
    assert f"(made {today})" in (tmp_path / "c.html").read_text(encoding="utf-8")


#: Fewer words than this on a printed page is a page left nearly empty: a footer alone (26
#: words), one principle's box (41), a heading and its lead whose picture went to the next page.
MIN_WORDS_A_PAGE = 80


@needs_chromium
@needs_pdftotext
@pytest.mark.parametrize("name", ["10x30", "12x40", "15x60", "classic"])
def test_printed_pages_are_none_nearly_empty(name: str, tmp_path: Path) -> None:
    report, _ = report_of(name, tmp_path)
    pdf = tmp_path / "report.pdf"
    done = chromium(tmp_path, report.as_uri(), f"--print-to-pdf={pdf}", "--no-pdf-header-footer")
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-2000:]
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, check=True, text=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))  # type: ignore[union-attr]
    words = [
        len(
            subprocess.run(
                ["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"],
                capture_output=True,
                check=True,
                text=True,
            ).stdout.split()
        )
        for page in range(1, pages + 1)
    ]
    assert min(words) > MIN_WORDS_A_PAGE, words
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, check=True, text=True).stdout
    last = text.split("\f")[pages - 1]
    # The footer sits with the last section, and all five principles fit on the first page.
    assert "Workload" in last and "made by raci" in last
    first = text.split("\f")[0]
    assert all(f"{number}. Not" in first for number in range(1, 6))


_LEGEND_GAP = r"""<script>
// Legend words are separate SVG texts that start with a space (" accountable" after a
// bold "A", a non-breaking one in the diagrams); it must be drawn, or they read "Aaccountable".
const spaced = [...document.querySelectorAll('figure.diagram svg text')]
  .filter((t) => /^\s/.test(t.textContent) && t.textContent.trim());
const gaps = spaced.map((t) => {
  const bare = t.cloneNode(true);
  bare.textContent = t.textContent.trimStart();
  t.parentNode.appendChild(bare);
  const gap = t.getComputedTextLength() - bare.getComputedTextLength();
  bare.remove();
  return [t.textContent, gap];
});
document.body.setAttribute('data-measure', JSON.stringify(gaps));
</script></body>"""


@needs_chromium
@pytest.mark.parametrize("language", ["en", "pl"])
def test_a_legend_letter_and_its_word_keep_their_space(tmp_path: Path, language: str) -> None:
    org = raci.load(EXAMPLES / "polska-firma.yaml")
    with i18n.language(language):
        page = build_report(org)
    page = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", page)
    measured = tmp_path / "gap.html"
    measured.write_text(page.replace("</body>", _LEGEND_GAP, 1), encoding="utf-8")
    done = chromium(tmp_path, measured.as_uri(), "--window-size=1920,1080", "--dump-dom")
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-2000:]
    found = re.search(r'data-measure="([^"]*)"', done.stdout.decode("utf-8"))
    assert found, "the measuring script did not run"
    gaps = json.loads(html.unescape(found.group(1)))
    words = {"en": " accountable", "pl": " rozliczany"}[language]
    assert any(text.replace("\u00a0", " ").startswith(words) for text, _ in gaps)
    assert all(gap > 1 for _, gap in gaps), [text for text, gap in gaps if gap <= 1]
