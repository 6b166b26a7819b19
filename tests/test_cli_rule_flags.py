"""`render` and `report` take the rule flags `check` takes (--select, --ignore, --config...),
declared once in raci/cli/options.py; each is tried through the CLI here."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import EXAMPLES

MISTAKES = str(EXAMPLES / "classic-raci-mistakes.yaml")
# Hand count from the file: 8 findings in all; RACI001 twice (launch-posts, webinar-promotion),
# one each of RACI002..RACI007.
ALL_CODES = {"RACI001", "RACI002", "RACI003", "RACI004", "RACI005", "RACI006", "RACI007"}


def _codes_in(text: str) -> set[str]:
    return {code for code in ALL_CODES if code in text}


@pytest.fixture
def only_raci001(tmp_path: Path) -> Path:
    path = tmp_path / "rules.yaml"
    path.write_text("rules:\n  select: [RACI001]\n", encoding="utf-8")
    return path


def test_check_render_and_report_share_the_rule_options(cli) -> None:
    for command in ("check", "render", "report"):
        shown = cli(command, "--help").stdout
        for flag in ("--select", "--ignore", "--severity", "--set", "--config"):
            assert flag in shown, (command, flag)


@pytest.mark.parametrize(
    ("flags", "expected"),
    [
        ((), ALL_CODES),
        (("--select", "RACI001,RACI002"), {"RACI001", "RACI002"}),
        (("--ignore", "RACI00"), set()),
        (("--ignore", "RACI007"), ALL_CODES - {"RACI007"}),
    ],
)
def test_render_draws_only_the_selected_rules(cli, flags: tuple[str, ...], expected: set[str]) -> None:
    done = cli("render", MISTAKES, "--view", "matrix", "-f", "dot", *flags)
    assert done.code == 0, done.stderr
    assert _codes_in(done.stdout) == expected


def test_render_reads_a_config_file(cli, only_raci001: Path) -> None:
    done = cli("render", MISTAKES, "--view", "matrix", "-f", "dot", "--config", str(only_raci001))
    assert done.code == 0, done.stderr
    assert _codes_in(done.stdout) == {"RACI001"}


def test_report_counts_only_the_selected_rules(cli, tmp_path: Path, only_raci001: Path) -> None:
    runs = {
        "all": (),
        "select": ("--select", "RACI001"),
        "config": ("--config", str(only_raci001)),
        "ignore": ("--ignore", "RACI001"),
    }
    counts = {}
    for name, flags in runs.items():
        out = tmp_path / f"{name}.html"
        done = cli("report", MISTAKES, "-o", str(out), *flags)
        assert done.code == 0, done.stderr
        counts[name] = done.stderr.split(" findings")[0].rsplit(" ", 1)[1]
    assert counts == {"all": "8", "select": "2", "config": "2", "ignore": "6"}


def test_bad_rule_flags_exit_2_without_writing(cli, tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    bad = cli("report", MISTAKES, "-o", str(out), "--severity", "RACI001")
    assert bad.code == 2
    assert "--severity" in bad.stderr
    assert not out.exists()
    missing = cli("render", MISTAKES, "-f", "dot", "--config", str(tmp_path / "nope.yaml"))
    assert missing.code == 2
    assert "nope.yaml" in missing.stderr
    assert "Traceback" not in missing.stderr + bad.stderr
