"""Everything a workshop sees on the Polish example speaks Polish: no English phrase is left.

`check` (text, Markdown, and the human text of the GitHub, JUnit and JSON formats), `explain`
and `rules`, `render` (every view, the text of the SVG and of the DOT source), `report` (the
HTML page's text), `slides` (the PDF's text through pdftotext), `diff`, `whatif` and
`suggest` run as a user runs them on ``org_examples/polska-firma.yaml``, with ``--lang pl``
and, separately, under a Polish locale with no flag and no ``RACI_LANG``. Their text is
scanned by :func:`tests.english_scan.english_phrases`. Under ``LC_ALL=C`` the same commands
speak English.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from raci.diagrams import VIEWS
from raci.rules import ALL_RULES
from raci.templates import template_text

from .conftest import EXAMPLES, Run, run_subprocess
from .english_scan import english_phrases

EXAMPLE = EXAMPLES / "polska-firma.yaml"
#: Flags or environment for each way of asking for Polish (and for English).
POLISH_FLAG: tuple[list[str], dict[str, str]] = (["--lang", "pl"], {})
POLISH_LOCALE: tuple[list[str], dict[str, str]] = (
    [],
    {"RACI_LANG": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "pl_PL.UTF-8"},
)
C_LOCALE: tuple[list[str], dict[str, str]] = ([], {"RACI_LANG": "", "LC_ALL": "C"})

#: Words a Polish text rightly shows in English: YAML keys the reader types in the org file,
#: command-line values (view names) and the rules' names, which are ids like their codes.
ALLOWED = ("budget", "name", *VIEWS, *(rule.name for rule in ALL_RULES))

needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz dot is not installed")
needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext is not installed")


def _svg_text(svg: str) -> str:
    """The words an SVG shows: its <text> and <title> elements, entities decoded."""
    parts = re.findall(r"<(?:text|title)\b[^>]*>(.*?)</(?:text|title)>", svg, re.DOTALL)
    return "\n".join(html.unescape(re.sub(r"<[^>]+>", "", part)) for part in parts)


def _dot_text(dot: str) -> str:
    """The labels and tooltips of a DOT source (what the picture says)."""
    quoted = re.findall(r'(?:label|xlabel|tooltip|headlabel|taillabel)\s*=\s*"((?:[^"\\]|\\.)*)"', dot)
    html_labels = re.findall(r"label\s*=\s*<(.*?)>\s*[,\]]", dot, re.DOTALL)
    texts = [*quoted, *(re.sub(r"<[^>]+>", " ", label) for label in html_labels)]
    return "\n".join(html.unescape(text.replace("\\n", "\n").replace("\\l", "\n")) for text in texts)


def _html_text(page: str) -> str:
    """The visible text of an HTML page (no style, no script, no tags)."""
    page = re.sub(r"<(style|script)\b.*?</\1>", " ", page, flags=re.DOTALL)
    page = re.sub(r"<svg\b.*?</svg>", lambda m: _svg_text(m.group(0)), page, flags=re.DOTALL)
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


def _xml_text(xml: str) -> str:
    """The text of an XML report: element text and the message attributes."""
    messages = re.findall(r'message="([^"]*)"', xml)
    return html.unescape("\n".join([*messages, re.sub(r"<[^>]+>", "\n", xml)]))


def _json_messages(text: str) -> str:
    """The human text of the JSON report: each finding's message and hint."""
    data = json.loads(text[: text.rindex("}") + 1])
    return "\n".join(f"{f['message']}\n{f.get('hint') or ''}" for f in data["findings"])


def _run(args: list[str], mode: tuple[list[str], dict[str, str]], cwd: Path) -> str:
    flags, env = mode
    done = run_subprocess(args[0], *flags, *args[1:], cwd=cwd, env=env, timeout=180)
    assert done.code in (0, 1), (args, done.stderr)
    return done.stdout + done.stderr


def _outputs(mode: tuple[list[str], dict[str, str]], tmp: Path) -> dict[str, str]:
    """Every output of the workshop commands on the Polish example, as text, by name."""
    example = str(EXAMPLE)
    outputs = {
        "check": _run(["check", example, "--color", "never"], mode, tmp),
        "check --format markdown": _run(["check", example, "--format", "markdown"], mode, tmp),
        "rules": _run(["rules"], mode, tmp),
        # Machine formats keep English keys and codes; their human text is scanned.
        "check --format github": "\n".join(
            line.rsplit("::", 1)[-1].replace("%0A", "\n")
            for line in _run(["check", example, "--format", "github"], mode, tmp).splitlines()
        ),
        "check --format junit": _xml_text(_run(["check", example, "--format", "junit"], mode, tmp)),
        "check --format json": _json_messages(_run(["check", example, "--format", "json"], mode, tmp)),
    }
    after = tmp / "po.yaml"
    after.write_text(template_text("social-media", "pl"), encoding="utf-8")
    outputs["diff"] = _run(["diff", example, str(after)], mode, tmp)
    outputs["whatif"] = _run(
        ["whatif", example, "--without", "bok", "--move", "sprzedaż:zapytania-kawiarni:RA"], mode, tmp
    )
    outputs["suggest"] = _run(["suggest", example], mode, tmp)
    for code in ("SOC102", "RACI001", "SOC301"):
        outputs[f"explain {code}"] = _run(["explain", code], mode, tmp)
    for view in VIEWS:
        outputs[f"render {view} (svg)"] = _svg_text(_run(["render", example, "--view", view], mode, tmp))
        dot = tmp / f"{view}.dot"
        _run(["render", example, "--view", view, "-o", str(dot)], mode, tmp)
        outputs[f"render {view} (dot)"] = _dot_text(dot.read_text(encoding="utf-8"))
    page = tmp / "raport.html"
    _run(["report", example, "-o", str(page)], mode, tmp)
    outputs["report (html)"] = _html_text(page.read_text(encoding="utf-8"))
    deck = tmp / "warsztat.pdf"
    _run(["slides", example, "-o", str(deck)], mode, tmp)
    outputs["slides (pdf)"] = subprocess.run(
        ["pdftotext", "-layout", str(deck), "-"], capture_output=True, text=True, check=True
    ).stdout
    return outputs


def _english_left(outputs: dict[str, str]) -> dict[str, list[str]]:
    left: dict[str, list[str]] = {}
    for name, text in outputs.items():
        lines = [line for line in text.splitlines() if english_phrases(line, ALLOWED)]
        if lines:
            left[name] = lines
    return left


@pytest.fixture(scope="module")
def polish_by_flag(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    return _outputs(POLISH_FLAG, tmp_path_factory.mktemp("flag"))


@pytest.fixture(scope="module")
def polish_by_locale(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    return _outputs(POLISH_LOCALE, tmp_path_factory.mktemp("locale"))


@needs_dot
@needs_pdftotext
@pytest.mark.parametrize("source", ["polish_by_flag", "polish_by_locale"])
def test_no_english_is_left(source: str, request: pytest.FixtureRequest) -> None:
    outputs: dict[str, str] = request.getfixturevalue(source)
    assert all(text.strip() for text in outputs.values()), [n for n, t in outputs.items() if not t.strip()]
    assert _english_left(outputs) == {}


@needs_dot
@needs_pdftotext
def test_the_flag_and_the_locale_say_the_same(
    polish_by_flag: dict[str, str], polish_by_locale: dict[str, str]
) -> None:
    # Same text whichever way Polish was chosen (the file names differ in the written lines).
    strip: Callable[[str], str] = lambda text: re.sub(r"/\S+/(flag|locale)\d*/", "/", text)  # noqa: E731
    by_flag = {name: strip(text) for name, text in polish_by_flag.items()}
    assert by_flag == {name: strip(text) for name, text in polish_by_locale.items()}


@needs_dot
def test_the_c_locale_speaks_english(tmp_path: Path) -> None:
    check = _run(["check", str(EXAMPLE), "--color", "never"], C_LOCALE, tmp_path)
    assert "has no Responsible" in check or "holds no letter on any task" in check
    assert "Principles for Piekarnie Złoty Kłos sp. z o.o." in check
    svg = _svg_text(_run(["render", str(EXAMPLE), "--view", "handoffs"], C_LOCALE, tmp_path))
    assert "Hand-offs between departments" in svg
    assert english_phrases(check) and english_phrases(svg)
    explain = _run(["explain", "SOC102"], C_LOCALE, tmp_path)
    assert "Why it matters" in explain and "How to fix" in explain, explain
    assert "RACI001 one-accountable" in _run(["rules"], C_LOCALE, tmp_path)


def test_every_rule_is_explained_in_polish(cli: Callable[..., Run]) -> None:
    for rule in ALL_RULES:
        done = cli("explain", "--lang", "pl", rule.code)
        assert done.code == 0, done.stderr
        left = [line for line in done.stdout.splitlines() if english_phrases(line, ALLOWED)]
        assert left == [], (rule.code, left)


def test_the_quoted_sentences_of_rule_examples_are_translated_and_stay_yaml() -> None:
    """A waiver's reason in RACI009's examples reads Polish; the YAML around it is kept."""
    import yaml

    from raci import i18n
    from raci.rules import RULES_BY_CODE

    rule = RULES_BY_CODE["RACI009"]
    english = rule.doc
    with i18n.language("pl"):
        polish = rule.doc
    assert english.passes.count('"') == polish.passes.count('"') == 2
    assert "marketing answers DMs" in english.passes and "marketing answers DMs" not in polish.passes
    assert "wiadomości prywatne" in polish.passes and "wiadomości prywatne" in polish.fails
    english_data, polish_data = yaml.safe_load(english.passes), yaml.safe_load(polish.passes)
    reason = polish_data["tasks"]["answer-dms"]["waive"].pop("SOC102")
    assert reason.startswith("marketing odpowiada")
    english_data["tasks"]["answer-dms"]["waive"].pop("SOC102")
    assert polish_data == english_data
