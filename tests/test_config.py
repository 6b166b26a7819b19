"""Rule configuration: the org file's `rules:` section, a caller's Config, and their merge."""

from __future__ import annotations

import pytest

import raci
from raci.model.severity import Severity

from .rules.harness import complete

MISTAKES = """\
tasks:
  publish: {activity: publish, raci: {marketing: RA}}
  forum: {activity: respond, raci: {care: RA, marketing: R, sales: R, product: R, pr: I}}
"""


def codes(text: str, config: raci.Config | None = None) -> dict[str, Severity]:
    org = raci.loads(complete(text)[0], source_name="org.yaml")
    return {finding.code: finding.severity for finding in raci.check(org, config).findings}


def test_defaults_run_every_rule() -> None:
    found = codes(MISTAKES)
    assert {"RACI004", "RACI007", "SOC301"} <= set(found)


def test_ignore_and_select_by_prefix_in_the_file() -> None:
    found = codes(MISTAKES + "rules:\n  select: [RACI]\n  ignore: [RACI007]\n")
    assert "RACI004" in found
    assert "RACI007" not in found
    assert not any(code.startswith("SOC") for code in found)


def test_severity_and_options_in_the_file() -> None:
    text = MISTAKES + (
        "rules:\n  severity: {RACI004: error, raci007: warning}\n  options: {RACI004: {max_responsible: 5}}\n"
    )
    found = codes(text)
    assert "RACI004" not in found  # 4 R's are within the raised threshold
    assert found["RACI007"] is Severity.WARNING
    text = MISTAKES + "rules:\n  severity: {RACI004: error}\n"
    assert codes(text)["RACI004"] is Severity.ERROR


def test_caller_config_overrides_the_file() -> None:
    text = MISTAKES + "rules:\n  options: {RACI004: {max_responsible: 5}}\n"
    caller = raci.Config(options={"RACI004": {"max_responsible": "2"}}, severity={"RACI004": Severity.INFO})
    found = codes(text, caller)
    assert found["RACI004"] is Severity.INFO


def test_unknown_codes_and_options_are_located_load_errors() -> None:
    text, offset = complete(
        MISTAKES
        + "rules:\n  ignore: [RACI999]\n  options: {SOC201: {min_days: 3}, RACI004: {max_responsible: -1}}\n"
    )
    with pytest.raises(raci.LoadError) as caught:
        raci.loads(text, source_name="org.yaml")
    messages = [str(problem) for problem in caught.value.problems]
    rules_line = offset + MISTAKES.count("\n") + 1
    assert messages[0].startswith(f"org.yaml:{rules_line + 1}:")
    assert "unknown rule code 'RACI999'" in messages[0]
    assert any("SOC201 has no option 'min_days' (options: min_horizon_days)" in m for m in messages)
    assert any("max_responsible' must be at least 1" in m for m in messages)


def test_bad_caller_config_raises_load_error() -> None:
    org = raci.loads(complete(MISTAKES)[0])
    with pytest.raises(raci.LoadError, match="unknown rule code 'NOPE'"):
        raci.check(org, raci.Config(select=("NOPE",)))
