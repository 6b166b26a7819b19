"""Writing to the terminal: one escaped line per message, and quiet when the reader goes away.

``raci check org.yaml | head`` closes the pipe after ten lines; the next write raises
``BrokenPipeError``. That is not an error of ours: the stream is pointed at ``os.devnull`` (so
neither later writes nor Python's final flush complain) and the command carries on to return
its own exit code. Messages on stderr are escaped with :func:`raci.model.text_safety.escape`, so a
file name or argument holding a control character cannot reach the terminal raw.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
from collections.abc import Iterable
from typing import TextIO

from raci.model.text_safety import escape


class OutputWriteError(OSError):
    """Standard output could not be written (a full disk, a quota, an I/O error): bad
    circumstances, not a bug; the CLI says so in one line and exits 2."""


#: errno values that mean "the place output goes cannot take it": exit 2, not "a bug".
WRITE_FAILURES = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO, errno.EROFS})


def write_stdout(data: str | bytes) -> None:
    """Write a report to stdout, text or bytes, and flush; a closed pipe ends it quietly,
    and a failed write (disk full) raises :class:`OutputWriteError`."""
    stream = sys.stdout
    try:
        if isinstance(data, bytes):
            stream.flush()
            stream.buffer.write(data)
            stream.buffer.flush()
        else:
            stream.write(data)
            stream.flush()
    except BrokenPipeError:
        silence(stream)
    except OSError as error:
        silence(stream)  # what is still buffered would fail again at exit
        raise OutputWriteError(error.errno, error.strerror or str(error)) from None


def write_stderr_lines(lines: Iterable[str], *, color: bool = False) -> None:
    """Messages for the user, one escaped line each (red when ``color``)."""
    stream = sys.stderr
    try:
        for line in lines:
            shown = escape(line)
            stream.write(f"\x1b[31m{shown}\x1b[0m\n" if color else f"{shown}\n")
        stream.flush()
    except BrokenPipeError:
        silence(stream)


def silence(stream: TextIO) -> None:
    """Point a stream whose reader has gone at ``os.devnull``, at the descriptor level."""
    try:
        descriptor = stream.fileno()
    except (OSError, ValueError):  # not a real file (a test's capture): nothing to redirect
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, descriptor)
    finally:
        os.close(devnull)
    # What is still buffered goes to devnull now, instead of failing at exit.
    with contextlib.suppress(OSError, ValueError):
        stream.flush()
