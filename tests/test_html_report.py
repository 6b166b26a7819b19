"""`raci report`: one self-contained HTML page; its structure, its escaping, and a real browser."""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest

import raci
from raci.diagrams.engine import RenderLimitError, embedded_engine
from raci.rules import RULES_BY_CODE
from raci.workshop.html_report import CONTENT_SECURITY_POLICY, build_report
from raci.workshop.html_report.svg import UnsafeSvgError, inline_svg

from .conftest import EXAMPLES, run_subprocess

EXAMPLE = EXAMPLES / "marketing-owns-everything.yaml"
CLASSIC = EXAMPLES / "classic-raci-mistakes.yaml"
SECTIONS = ("scorecard", "gaps", "ownership", "matrix", "findings", "workload")

# Each would run script, add an element or read a file if it reached the page as markup.
HOSTILE = {
    "script": "<script>document.title='pwned'</script>",
    "img": '"><img src=x onerror="document.title=\'pwned\'">',
    "template": "{{ 7*7 }} {% raw %}{{ config }}",
    "svg": "</svg><svg onload=\"document.title='pwned'\"><b id=injected>",
    "title": "</title><script>document.title='pwned'</script>",
    "style": "</style><div id=injected>styled</div>",
    "comment": "--><!-- <p id=injected>",
    "cdata": "]]><![CDATA[ & &amp; &lt;b&gt;",
    "link": "<a href=\"javascript:document.title='pwned'\">click</a>",
    "polish": "Zażółć gęślą jaźń 😀 Łódź",
}


def hostile_org() -> raci.Organization:
    """Departments, tasks and the organisation named with :data:`HOSTILE` (ids too)."""
    keys = list(HOSTILE)
    functions = ["marketing", "customer_service", "public_relations", "sales"]
    departments = {
        HOSTILE[key] if key in ("img", "polish") else f"d-{key}": {
            "name": HOSTILE[key],
            "function": functions[i % 4],
            "capacity_hours": 1 + i % 3,
        }
        for i, key in enumerate(keys)
    }
    ids = list(departments)
    activities = ["monitor", "respond", "recover", "sell", "create", "publish", "measure"]
    tasks = {}
    for i, key in enumerate(keys):
        row = {ids[i]: "RA", ids[(i + 1) % len(ids)]: "C"}
        if i % 3 == 0:
            row[ids[(i + 2) % len(ids)]] = "RA"  # two A's: a marked cell
        tasks[HOSTILE[key] if key in ("script", "template") else f"t-{key}"] = {
            "name": HOSTILE[key],
            "activity": activities[i % len(activities)],
            "effort_hours": 2,
            "raci": row,
        }
    return raci.Organization.from_data(
        {
            "organization": HOSTILE["img"],
            "description": HOSTILE["svg"],
            "departments": departments,
            "tasks": tasks,
        },
        "hostile.yaml",
    )


# --- a small DOM from html.parser ---------------------------------------------------------------

VOID = {"meta", "br", "img", "input", "link", "hr", "area", "base", "col", "embed", "source", "wbr"}


@dataclass
class Node:
    tag: str
    attrs: dict[str, str]
    children: list[Node | str] = field(default_factory=list)

    @property
    def classes(self) -> list[str]:
        return self.attrs.get("class", "").split()

    def iter(self) -> Iterator[Node]:
        yield self
        for child in self.children:
            if isinstance(child, Node):
                yield from child.iter()

    def find_all(self, tag: str | None = None, cls: str | None = None) -> list[Node]:
        return [n for n in self.iter() if (tag is None or n.tag == tag) and (cls is None or cls in n.classes)]

    def by_id(self, ident: str) -> Node:
        found = [n for n in self.iter() if n.attrs.get("id") == ident]
        assert len(found) == 1, (ident, len(found))
        return found[0]

    def text(self) -> str:
        parts = [c if isinstance(c, str) else c.text() for c in self.children]
        return " ".join(" ".join(parts).split())


class TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(Node(tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        assert self.stack[-1].tag == tag, f"</{tag}> closes <{self.stack[-1].tag}>"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse(html: str) -> Node:
    builder = TreeBuilder()
    builder.feed(html)
    builder.close()
    assert builder.stack == [builder.root], "unclosed elements"
    return builder.root


def report_of(path: Path) -> tuple[str, raci.CheckResult]:
    org = raci.load(path)
    result = raci.check(org)
    return build_report(org, result), result


# --- structure ------------------------------------------------------------------------------------


def test_page_has_every_section_and_counts_every_finding() -> None:
    html, result = report_of(EXAMPLE)
    dom = parse(html)
    for section in SECTIONS:
        dom.by_id(section)
    assert dom.find_all("title")[0].text() == "raci report: Brightside Coffee Roasters"
    assert "Brightside Coffee Roasters" in dom.find_all("h1")[0].text()
    masthead = dom.find_all("header", "masthead")[0].text()
    assert "0 of 5 principles honoured" in masthead and "3 errors" in masthead and "5 warnings" in masthead
    # Scorecard: five principles, each with its status, misconception and truth.
    cards = dom.by_id("scorecard").find_all("li", "principle")
    assert len(cards) == 5
    for card, status in zip(cards, result.scorecard.principles, strict=True):
        assert status.status in card.classes
        assert status.principle.misconception in card.text()
        assert status.principle.truth in card.text()
    # Three diagrams inline, each an <svg> with the picture's text.
    for view in ("gaps", "ownership", "workload"):
        svgs = dom.by_id(view).find_all("svg")
        assert len(svgs) == 1, view
        assert "Brightside Coffee Roasters" in svgs[0].text()
    # The matrix: one row per task, the marked cells red.
    matrix = dom.by_id("matrix")
    assert len(matrix.find_all("tr", "task")) == len(result.org.tasks)
    marked = matrix.find_all("td", "hit") + matrix.find_all("td", "should")
    assert len(marked) >= 4
    assert any("needs R" in cell.text() for cell in marked)
    # Findings: all of them, each with its line and a fix.
    items = dom.by_id("findings").find_all("li", "finding")
    assert len(items) == len(result.findings) == 8
    for item, finding in zip(items, sorted(result.findings, key=_group_order), strict=True):
        assert item.attrs["data-code"] == finding.code
        assert f"line {finding.line}" in item.text()
        assert item.find_all("p", "fix"), finding.code


def _group_order(finding: raci.Finding) -> int:
    principle = RULES_BY_CODE[finding.code].principle
    return principle if principle is not None else 6


def test_findings_are_grouped_by_principle_with_hygiene_apart() -> None:
    html, result = report_of(CLASSIC)
    dom = parse(html)
    for number in range(1, 6):
        group = dom.by_id(f"principle-{number}")
        codes = [li.attrs["data-code"] for li in group.find_all("li", "finding")]
        assert all(RULES_BY_CODE[code].principle == number for code in codes)
    hygiene = dom.by_id("hygiene")
    codes = [li.attrs["data-code"] for li in hygiene.find_all("li", "finding")]
    expected = [f.code for f in result.findings if RULES_BY_CODE[f.code].principle is None]
    assert codes == expected and len(codes) == 7
    # A finding without a hint of its own shows its rule's fix.
    fixes = [p.text() for p in hygiene.find_all("p", "fix")]
    assert all(text.startswith("Fix:") and len(text) > 10 for text in fixes)
    # An idle and an overloaded department are marked in the matrix header.
    flagged = [th.text() for th in dom.by_id("matrix").find_all("th", "flagged")]
    assert any("Partnerships" in text and "RACI003" in text for text in flagged)
    assert any("Customer Success" in text and "RACI006" in text for text in flagged)


def test_clean_org_reports_no_findings() -> None:
    html, result = report_of(EXAMPLES / "shared-ownership.yaml")
    assert not result.findings
    dom = parse(html)
    assert not dom.find_all("li", "finding")
    assert len(dom.find_all("li", "pass")) == 5
    assert "No findings: every rule passes." in dom.by_id("findings").text()


def test_page_is_self_contained_and_forbids_scripts() -> None:
    html, _ = report_of(EXAMPLE)
    dom = parse(html)
    policies = [m.attrs["content"] for m in dom.find_all("meta") if m.attrs.get("http-equiv")]
    assert policies == [CONTENT_SECURITY_POLICY]
    assert "default-src 'none'" in CONTENT_SECURITY_POLICY and "script" not in CONTENT_SECURITY_POLICY
    assert not dom.find_all("script") and not dom.find_all("link") and not dom.find_all("img")
    for node in dom.iter():
        for name, value in node.attrs.items():
            assert not name.startswith("on"), (node.tag, name)
            if name in ("href", "src", "xlink:href"):
                assert value.startswith("#"), (node.tag, name, value)
    assert "@media print" in html
    assert "<?xml" not in html and "<!DOCTYPE svg" not in html


def test_same_input_gives_identical_bytes() -> None:
    first, _ = report_of(CLASSIC)
    second, _ = report_of(CLASSIC)
    assert first == second
    # One date only, the file's (see test_html_fit): never the clock's time of day.
    assert len(set(re.findall(r"\d{4}-\d\d-\d\d", first))) == 1
    assert not re.search(r"\d\d:\d\d:\d\d", first)


def test_every_slide_of_the_gaps_view_is_in_the_report() -> None:
    from raci.diagrams import render_pages

    from . import orgs

    org = raci.loads(orgs.generate(15, 60), "org.yaml")
    result = raci.check(org)
    pages = render_pages(org, result, view="gaps")
    assert len(pages) > 1
    dom = parse(build_report(org, result))
    svgs = dom.by_id("gaps").find_all("svg")
    assert len(svgs) == len(pages)


def test_a_diagram_that_cannot_be_drawn_becomes_a_note(monkeypatch: pytest.MonkeyPatch) -> None:
    import raci.diagrams.api as api

    real = api.render_pages

    def failing(*args: object, **kwargs: object) -> list[bytes]:
        if kwargs.get("view") == "gaps":
            raise RenderLimitError("dot did not finish within the time limit of 30 s")
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(api, "render_pages", failing)
    html, _ = report_of(EXAMPLE)
    dom = parse(html)
    gaps = dom.by_id("gaps")
    assert not gaps.find_all("svg")
    assert "could not be drawn: dot did not finish" in gaps.find_all("p", "problem")[0].text()
    assert dom.by_id("ownership").find_all("svg") and dom.by_id("workload").find_all("svg")
    assert len(dom.by_id("findings").find_all("li", "finding")) == 8


@pytest.mark.skipif(embedded_engine() is None, reason="graphviz-pure is not available on this platform")
def test_without_dot_the_embedded_engine_draws(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    html, _ = report_of(EXAMPLE)
    dom = parse(html)
    for view in ("gaps", "ownership", "workload"):
        assert len(dom.by_id(view).find_all("svg")) == 1, view
    assert not dom.find_all("p", "problem")


# --- escaping ---------------------------------------------------------------------------------------


def test_hostile_names_are_text_and_add_no_markup() -> None:
    org = hostile_org()
    html = build_report(org, raci.check(org))
    dom = parse(html)
    assert dom.find_all("title")[0].text() == f"raci report: {HOSTILE['img']}"
    assert_no_injection(dom)
    # Every diagram is one <svg>, well-formed XML with the names as text and nothing else.
    svgs = re.findall(r"<svg\b.*?</svg>", html, flags=re.S)
    assert len(svgs) == 3
    for svg in svgs:
        root = ET.fromstring(svg)
        tags = {element.tag.rpartition("}")[2] for element in root.iter()}
        assert not tags & {"script", "foreignObject", "image", "style", "iframe"}
        assert [e for e in root.iter() if e.tag.endswith("}svg")] == [root]
    gaps_text = dom.by_id("gaps").find_all("svg")[0].text()
    assert "Zażółć gęślą jaźń 😀 Łódź" in gaps_text
    assert "&lt;script&gt;document.title=" in svgs[0]  # wrapped over lines in the picture: raw


def assert_no_injection(dom: Node) -> None:
    """No element a payload would add, no handler, no link out; every name shown as text."""
    assert not dom.find_all("script") and not dom.find_all("img") and not dom.find_all("iframe")
    assert not [n for n in dom.iter() if n.attrs.get("id") == "injected"]
    for node in dom.iter():
        assert not any(name.startswith("on") for name in node.attrs), node.tag
        for name in ("href", "src", "xlink:href"):
            assert node.attrs.get(name, "#").startswith("#"), (node.tag, node.attrs)
    text = dom.text()
    for key, name in HOSTILE.items():
        assert " ".join(name.split()) in text, key
    assert "{{ 7*7 }} {% raw %}{{ config }}" in text  # not evaluated as a template


def test_inline_svg_keeps_drawing_and_drops_everything_else() -> None:
    data = b"""<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
<!-- Generated by graphviz -->
<svg width="72pt" height="36pt" viewBox="0 0 72 36" onload="alert(1)"
 xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">
<g id="graph0" class="graph" style="x" fill="url(#grad)">
<script>alert(1)</script>
<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>
<image xlink:href="/etc/hostname"/>
<a xlink:href="javascript:alert(1)" xlink:title="&lt;/svg&gt;&quot;tip">
<text x="1">&lt;/svg&gt;&lt;script&gt;x&lt;/script&gt; &amp;</text></a>
<a href="#node1"><text fill="url(http://evil/x)">y</text></a>
<linearGradient id="grad"><stop offset="0" stop-color="red"/></linearGradient>
</g>
</svg>"""
    out = inline_svg(data, "d-test", 'label "quoted" <b>')
    assert out.startswith(
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" role="img" '
        'aria-label="label &quot;quoted&quot; &lt;b&gt;"'
    )
    for gone in (
        "<?xml",
        "DOCTYPE",
        "<!--",
        "onload",
        "script>",
        "foreignObject",
        "<image",
        "javascript",
        "style=",
        "evil",
    ):
        assert gone not in out, gone
    assert 'id="d-test-graph0"' in out and 'fill="url(#d-test-grad)"' in out and 'href="#d-test-node1"' in out
    assert "&lt;/svg&gt;&lt;script&gt;x&lt;/script&gt; &amp;" in out
    assert 'xlink:title="&lt;/svg&gt;&quot;tip"' in out
    assert ET.fromstring(out).tag.endswith("svg")
    with pytest.raises(UnsafeSvgError):
        inline_svg(b"<svg><g></svg>", "d-x", "x")
    with pytest.raises(UnsafeSvgError):
        inline_svg(b"<html/>", "d-x", "x")


# --- command line -------------------------------------------------------------------------------------

BAD = "organization: X\ndepartments:\n  a: {function: marketting}\ntasks: {}\n"


def test_cli_writes_the_report(cli, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    run = cli("report", str(EXAMPLE), "-o", str(out))
    assert run.code == 0, run.stderr
    assert f"wrote {out}: 0 of 5 principles honoured, 8 findings" in run.stderr
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html"]  # no temporary left
    again = tmp_path / "again.html"
    assert cli("report", str(EXAMPLE), "--output", str(again)).code == 0
    assert again.read_bytes() == out.read_bytes()


def test_cli_writes_to_stdout(cli) -> None:
    run = cli("report", str(EXAMPLE))
    assert run.code == 0
    assert run.stdout.startswith("<!DOCTYPE html>") and run.stdout.rstrip().endswith("</html>")


def test_cli_bad_input_exits_2_and_writes_nothing(cli, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(BAD, encoding="utf-8")
    out = tmp_path / "report.html"
    run = cli("report", str(bad), "-o", str(out))
    assert run.code == 2
    assert re.search(rf"{re.escape(str(bad))}:3:\d+: .*marketting", run.stderr), run.stderr
    assert not out.exists()
    out.write_text("old", encoding="utf-8")
    assert cli("report", str(bad), "-o", str(out)).code == 2
    assert out.read_text(encoding="utf-8") == "old"
    assert cli("report", str(tmp_path / "missing.yaml"), "-o", str(out)).code == 2
    assert out.read_text(encoding="utf-8") == "old"


def test_cli_write_is_atomic(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "report.html"
    out.write_text("old", encoding="utf-8")

    def broken(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("raci.files.os.fsync", broken)
    run = cli("report", str(EXAMPLE), "-o", str(out))
    assert run.code == 2 and "cannot write" in run.stderr and "No space left" in run.stderr
    assert out.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html"]
    directory = cli("report", str(EXAMPLE), "-o", str(tmp_path))
    assert directory.code == 2 and "cannot write" in directory.stderr


def test_cli_as_a_subprocess(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    run = run_subprocess("report", str(CLASSIC), "-o", str(out))
    assert run.code == 0, run.stderr
    assert "4 of 5 principles honoured, 8 findings" in run.stderr
    assert out.read_bytes() == report_of(CLASSIC)[0].encode("utf-8")
    bad = tmp_path / "bad.yaml"
    bad.write_text(BAD, encoding="utf-8")
    failed = run_subprocess("report", str(bad), "-o", str(tmp_path / "bad.html"))
    assert failed.code == 2 and "Traceback" not in failed.stderr
    assert not (tmp_path / "bad.html").exists()
    help_run = run_subprocess("report", "--help")
    assert help_run.code == 0 and "HTML" in help_run.stdout


# --- a real browser -------------------------------------------------------------------------------------

CHROMIUM = shutil.which("chromium")
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="chromium is not installed (.ci/run installs it)"
)


def chromium(tmp_path: Path, url: str, *args: str) -> subprocess.CompletedProcess[bytes]:
    assert CHROMIUM is not None
    command = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--enable-logging=stderr",
        "--v=0",
        f"--user-data-dir={tmp_path / 'profile'}",
        *args,
        url,
    ]
    return subprocess.run(command, capture_output=True, timeout=120, check=False)


def console_messages(stderr: bytes) -> list[str]:
    """What the page logged: script errors and Content-Security-Policy violations."""
    return [line for line in stderr.decode(errors="replace").splitlines() if ":CONSOLE" in line]


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


@needs_chromium
def test_report_opens_in_headless_chromium_and_screenshots(tmp_path: Path) -> None:
    report = tmp_path / "report.html"
    run = run_subprocess("report", str(EXAMPLE), "-o", str(report))
    assert run.code == 0, run.stderr
    shot = tmp_path / "shot.png"
    # Tall enough for the whole page: header, principles, diagrams, matrix and findings.
    done = chromium(tmp_path, report.as_uri(), f"--screenshot={shot}", "--window-size=1400,8000")
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-2000:]
    assert shot.exists() and shot.stat().st_size > 100_000
    assert png_size(shot) == (1400, 8000)
    assert console_messages(done.stderr) == []
    keep = os.environ.get("RACI_REPORT_SCREENSHOT")
    if keep:  # e.g. RACI_REPORT_SCREENSHOT=/tmp/shot.png to look at it
        shutil.copyfile(shot, keep)


@needs_chromium
def test_hostile_names_run_no_script_in_chromium(tmp_path: Path) -> None:
    org = hostile_org()
    report = tmp_path / "hostile.html"
    report.write_text(build_report(org, raci.check(org)), encoding="utf-8")
    done = chromium(tmp_path, report.as_uri(), "--dump-dom")
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-2000:]
    assert console_messages(done.stderr) == []  # no script ran, none was even blocked
    dom = parse(done.stdout.decode("utf-8"))
    # document.title as the browser has it after load: no payload changed it.
    assert dom.find_all("title")[0].text() == f"raci report: {HOSTILE['img']}"
    assert "pwned" not in dom.find_all("title")[0].text().replace(HOSTILE["img"], "")
    assert_no_injection(dom)


@pytest.mark.parametrize("name", ["rep.pdf", "rep.txt", "rep.svg", "report"])
def test_cli_refuses_an_output_that_is_not_html(tmp_path: Path, name: str) -> None:
    out = tmp_path / name
    run = run_subprocess("report", str(EXAMPLE), "-o", str(out))
    assert run.code == 2
    assert len(run.stderr.splitlines()) == 1 and ".html" in run.stderr and "Traceback" not in run.stderr
    assert list(tmp_path.iterdir()) == []


def test_cli_writes_htm_and_upper_case_html(tmp_path: Path) -> None:
    for name in ("rep.htm", "REP.HTML"):
        assert run_subprocess("report", str(EXAMPLE), "-o", str(tmp_path / name)).code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["REP.HTML", "rep.htm"]


def test_info_findings_are_notes_that_fail_no_group_and_waivers_are_counted() -> None:
    from .test_waivers import ORG

    org = raci.loads(ORG)
    result = raci.check(org)
    dom = parse(build_report(org, result))
    # By hand: hygiene holds one info finding (RACI009, an unused waiver) and nothing else.
    hygiene = dom.by_id("hygiene")
    assert [li.attrs["data-code"] for li in hygiene.find_all("li", "finding")] == ["RACI009"]
    assert "pass" in hygiene.classes and "fail" not in hygiene.classes
    header = hygiene.find_all("header")[0].text()
    assert "✔ pass" in header and "1 note" in header and "finding" not in header
    # Three findings are waived (SOC102, SOC104, RACI003): the masthead says so.
    masthead = dom.find_all("header", "masthead")[0].text()
    assert "3 waived" in masthead and "1 info" in masthead
    # A warning in the same group fails it, as before.
    classic = raci.load(CLASSIC)
    assert "fail" in parse(build_report(classic, raci.check(classic))).by_id("hygiene").classes


def test_a_principle_with_only_info_findings_passes() -> None:
    org = raci.load(EXAMPLE)
    # Principle 1's one finding in the example is SOC102, an error: it fails.
    assert [f.code for f in raci.check(org).findings if RULES_BY_CODE[f.code].principle == 1] == ["SOC102"]
    assert raci.check(org).scorecard.principles[0].status == "fail"
    # Made info, the same finding is a note: the principle passes, card and group say "1 note".
    as_info = raci.check(org, raci.Config(severity={"SOC102": "info"}))
    assert as_info.scorecard.principles[0].status == "pass"
    assert as_info.scorecard.principles[0].findings == 1
    dom = parse(build_report(org, as_info))
    group = dom.by_id("principle-1")
    assert "pass" in group.classes and "1 note" in group.text()
    assert "1 note" in dom.by_id("card-1").text() and "pass" in dom.by_id("card-1").classes


def test_workload_caption_names_r_and_s_as_the_diagram_does() -> None:
    from .test_rasci import RASCI

    org = raci.loads(RASCI)
    dom = parse(build_report(org, raci.check(org)))
    caption = dom.by_id("workload").find_all("p", "lead")[0].text()
    assert "Responsible (R) or Support (S)" in caption and "among its R's and S's" in caption
    assert "Responsible and Support" in dom.by_id("workload").find_all("svg")[0].text()
