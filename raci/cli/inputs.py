"""What the CLI accepts as input: the size bound of org and config files.

``raci --max-file-size MIB`` (or ``RACI_MAX_FILE_SIZE``) raises or lowers the bound for one
run; every command that reads an org file loads it with :func:`input_limits`.
"""

from __future__ import annotations

from dataclasses import replace

from raci.yaml.source_map import Limits

_limits = Limits()


def set_max_file_size(mebibytes: float | None) -> None:
    global _limits
    _limits = Limits() if mebibytes is None else replace(Limits(), max_bytes=int(mebibytes * 1024 * 1024))


def input_limits() -> Limits:
    return _limits
