"""Loading organisations: files, text and plain data, all through one validation path."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping

from raci.checking.config import Config
from raci.files import InputTooLargeError, os_reason, read_bounded, read_limited
from raci.i18n import gettext as _
from raci.model.errors import LoadError, Problem
from raci.model.organization import Organization
from raci.model.validation import build_config, build_organization
from raci.yaml.reading import DEFAULT_LIMITS, Document, read, too_large
from raci.yaml.source_map import Limits, decode

STDIN = "-"


def load(
    path: str | os.PathLike[str],
    *,
    limits: Limits = DEFAULT_LIMITS,
    letter_map: Mapping[str, str] | None = None,
) -> Organization:
    """Load and validate an org file; ``"-"`` reads standard input. Raises :class:`LoadError`.

    ``letter_map`` reads another RACI variant: ``{"D": "A"}`` reads D as A, ``""`` as none.
    """
    name = _path_name(path)
    if name == STDIN:
        return loads_bytes(_read_stdin(limits), source_name="<stdin>", limits=limits, letter_map=letter_map)
    return loads_bytes(_read_file(name, limits), source_name=name, limits=limits, letter_map=letter_map)


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
    letter_map: Mapping[str, str] | None = None,
) -> Organization:
    """Load and validate org YAML given as text or bytes (an upload, a database field).

    Bytes are decoded as files are: UTF-8 with or without a BOM, or UTF-16/32 with a BOM.
    Raises :class:`LoadError` for anything else, a non-text argument included.
    """
    if isinstance(text, (bytes, bytearray, memoryview)):
        return loads_bytes(bytes(text), source_name, limits=limits, letter_map=letter_map)
    if not isinstance(text, str):
        message = f"loads() takes text or bytes, not {type(text).__name__}"
        raise LoadError([Problem(source_name, None, None, message)])
    return _build(read(text, source_name, limits=limits), letter_map)


def loads_bytes(
    data: bytes,
    source_name: str = "<bytes>",
    *,
    limits: Limits = DEFAULT_LIMITS,
    letter_map: Mapping[str, str] | None = None,
) -> Organization:
    """Load and validate org YAML given as bytes; as :func:`loads`. Raises :class:`LoadError`."""
    if not isinstance(data, bytes):
        message = f"loads_bytes() takes bytes, not {type(data).__name__}"
        raise LoadError([Problem(source_name, None, None, message)])
    return _build(read(data, source_name, limits=limits), letter_map)


def _build(document: Document, letter_map: Mapping[str, str] | None) -> Organization:
    try:
        return build_organization(
            document.data, document.source_map, document.problems, letter_map=letter_map
        )
    finally:
        document.source_map.release()  # the text is not kept alive by the organisation


def _path_name(path: object) -> str:
    name = os.fspath(path) if isinstance(path, (str, os.PathLike)) else None
    if not isinstance(name, str):
        message = f"expected a file path (str or os.PathLike), not {type(path).__name__}"
        raise LoadError([Problem("<path>", None, None, message)])
    return name


def _read_file(name: str, limits: Limits) -> bytes:
    try:
        return read_bounded(name, limits.max_bytes)
    except InputTooLargeError:
        raise LoadError([too_large(name, limits)]) from None
    except OSError as error:
        message = _("cannot read file: %(reason)s") % {"reason": os_reason(error)}
        raise LoadError([Problem(name, None, None, message)]) from None
    except ValueError:  # a NUL in the path
        message = _("cannot read file: %(reason)s") % {"reason": _("invalid file name")}
        raise LoadError([Problem(name, None, None, message)]) from None


def _read_stdin(limits: Limits) -> bytes:
    data = read_limited(sys.stdin.buffer, limits.max_bytes)
    if len(data) > limits.max_bytes:
        raise LoadError([too_large("<stdin>", limits)])
    return data


def load_config(path: str | os.PathLike[str], *, limits: Limits = DEFAULT_LIMITS) -> Config:
    """Load a rules configuration file: a mapping with one ``rules:`` section, as in org files."""
    name = os.fspath(path)
    document = read(_read_file(name, limits), name, limits=limits)
    try:
        return build_config(document.data, document.source_map, document.problems)
    finally:
        document.source_map.release()
