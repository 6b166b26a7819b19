"""Writing to the terminal: one escaped line per message, and quiet when the reader goes away.

``raci check org.yaml | head`` closes the pipe after ten lines; the next write raises
``BrokenPipeError``. That is not an error of ours: the stream is pointed at ``os.devnull`` (so
neither later writes nor Python's final flush complain) and the command carries on to return
its own exit code. Messages on stderr are escaped with :func:`raci.model.text_safety.escape`, so a
file name or argument holding a control character cannot reach the terminal raw.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterable
from typing import TextIO

from raci.model.text_safety import escape


def write_stdout(data: str | bytes) -> None:
    """Write a report to stdout, text or bytes, and flush; a closed pipe ends it quietly."""
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
