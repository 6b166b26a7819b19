"""The exit codes every command returns (documented in README and `raci --help`)."""

from __future__ import annotations

from enum import Enum

#: Nothing at or above the fail level (or the command's job done).
EXIT_CLEAN = 0
#: Findings at or above ``--fail-on``.
EXIT_FINDINGS = 1
#: Bad input or usage: one ``file:line:col: message`` line per problem, nothing written.
EXIT_BAD_INPUT = 2
#: A bug in raci: a short report, the traceback only with ``--debug``.
EXIT_INTERNAL = 3


class FailLevel(str, Enum):
    """``--fail-on``: the lowest severity that makes a command exit 1."""

    error = "error"
    warning = "warning"
    info = "info"
