"""Loading organisations: files, text and plain data, all through one validation path."""

from __future__ import annotations

import os
import sys

from raci.checking.config import Config
from raci.files import read_limited
from raci.model.errors import LoadError, Problem
from raci.model.organization import Organization
from raci.model.validation import build_config, build_organization
from raci.yaml.fast_reader import fast_parse
from raci.yaml.loader import Limits, decode, parse_yaml

STDIN = "-"
DEFAULT_LIMITS = Limits()


def load(path: str | os.PathLike[str], *, limits: Limits = DEFAULT_LIMITS) -> Organization:
    """Load and validate an org file; ``"-"`` reads standard input. Raises :class:`LoadError`."""
    name = _path_name(path)
    if name == STDIN:
        return loads_bytes(_read_stdin(limits), source_name="<stdin>", limits=limits)
    return loads_bytes(_read_file(name, limits), source_name=name, limits=limits)


def read_text(path: str | os.PathLike[str], *, limits: Limits = DEFAULT_LIMITS) -> str:
    """The text of an org file (``"-"``: standard input), read within ``limits`` and decoded
    as :func:`load` does; for callers that need the text itself. Raises :class:`LoadError`."""
    name = os.fspath(path)
    data = _read_stdin(limits) if name == STDIN else _read_file(name, limits)
    return decode(data, "<stdin>" if name == STDIN else name)


def loads(
    text: str | bytes | bytearray | memoryview,
    source_name: str = "<string>",
    *,
    limits: Limits = DEFAULT_LIMITS,
) -> Organization:
    """Load and validate org YAML given as text or bytes (an upload, a database field).

    Bytes are decoded as files are: UTF-8 with or without a BOM, or UTF-16/32 with a BOM.
    Raises :class:`LoadError` for anything else, a non-text argument included.
    """
    if isinstance(text, (bytes, bytearray, memoryview)):
        return loads_bytes(bytes(text), source_name, limits=limits)
    if not isinstance(text, str):
        message = f"loads() takes text or bytes, not {type(text).__name__}"
        raise LoadError([Problem(source_name, None, None, message)])
    if len(text) > limits.max_bytes:
        raise LoadError([_too_large(source_name, limits)])
    # Plain files take the fast reader; anything it does not handle, the full parser, which
    # raises syntax problems here with exact positions.
    fast = fast_parse(text, source_name)
    if fast is not None:
        data, source_map = fast
    else:
        parsed = parse_yaml(text, source_name, limits=limits, positions=False)
        if parsed.problems:
            data = None
        else:
            data, source_map = parsed.data, parsed.source_map
    if data is not None:
        try:
            return build_organization(data, source_map)
        except LoadError:
            pass
    # Validation failed on a fast path, which keeps few positions: parse again with all of
    # them so every problem points at the exact key or value.
    parsed = parse_yaml(text, source_name, limits=limits, positions=True)
    return build_organization(parsed.data, parsed.source_map, parsed.problems)


def loads_bytes(
    data: bytes, source_name: str = "<bytes>", *, limits: Limits = DEFAULT_LIMITS
) -> Organization:
    """Load and validate org YAML given as bytes; as :func:`loads`. Raises :class:`LoadError`."""
    if not isinstance(data, bytes):
        message = f"loads_bytes() takes bytes, not {type(data).__name__}"
        raise LoadError([Problem(source_name, None, None, message)])
    if len(data) > limits.max_bytes:
        raise LoadError([_too_large(source_name, limits)])
    return loads(decode(data, source_name), source_name, limits=limits)


def _path_name(path: object) -> str:
    name = os.fspath(path) if isinstance(path, (str, os.PathLike)) else None
    if not isinstance(name, str):
        message = f"expected a file path (str or os.PathLike), not {type(path).__name__}"
        raise LoadError([Problem("<path>", None, None, message)])
    return name


def _read_file(name: str, limits: Limits) -> bytes:
    try:
        size = os.stat(name).st_size
        if size > limits.max_bytes:
            raise LoadError([_too_large(name, limits)])
        # Read at most one byte past the limit: a FIFO or /dev/zero reports size 0.
        with open(name, "rb") as stream:
            data = read_limited(stream, limits.max_bytes, size)
    except OSError as error:
        raise LoadError([Problem(name, None, None, f"cannot read file: {error.strerror or error}")]) from None
    except ValueError:  # a NUL in the path
        raise LoadError([Problem(name, None, None, "cannot read file: invalid file name")]) from None
    if len(data) > limits.max_bytes:
        raise LoadError([_too_large(name, limits)])
    return data


def _read_stdin(limits: Limits) -> bytes:
    data = read_limited(sys.stdin.buffer, limits.max_bytes)
    if len(data) > limits.max_bytes:
        raise LoadError([_too_large("<stdin>", limits)])
    return data


def _too_large(source: str, limits: Limits) -> Problem:
    size = limits.max_bytes
    limit = f"{size / (1024 * 1024):g} MiB" if size >= 1024 * 1024 else f"{size:,} bytes"
    return Problem(source, None, None, f"file is larger than the limit of {limit}")


def load_config(path: str | os.PathLike[str], *, limits: Limits = DEFAULT_LIMITS) -> Config:
    """Load a rules configuration file: a mapping with one ``rules:`` section, as in org files."""
    name = os.fspath(path)
    text = decode(_read_file(name, limits), name)
    parsed = parse_yaml(text, name, limits=limits, positions=True)
    return build_config(parsed.data, parsed.source_map, parsed.problems)
