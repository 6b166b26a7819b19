"""Running Graphviz: the system `dot`, or the embedded engine when `dot` is missing.

`dot` runs as a child process reading DOT on stdin and writing the picture to stdout, with
a wall-clock limit, a CPU-time limit (``RLIMIT_CPU``) and an address-space limit
(``RLIMIT_AS``). Nothing is written to disk here; on a breach the whole process group is
killed, so no `dot` is left running.

`dot` must not outlive raci either (a cancelled CI job, a worker timeout). It runs in a
process group of its own, so that killing it reaches anything it started; that group is
killed when raci gets SIGTERM, SIGHUP or SIGINT during a layout, and on Linux the kernel
sends `dot` SIGKILL when raci dies of anything, SIGKILL included (``PR_SET_PDEATHSIG``, set
between fork and exec through ``ctypes``). Elsewhere a SIGKILLed raci leaves `dot` to its
CPU-time limit, which ends it within ``timeout`` seconds of work.

Where `dot` is not installed, SVG renders through `graphviz-pure`, a self-contained build
of Graphviz 16 shipped as a Python wheel, under the same limits; PNG is that SVG rasterised
by resvg (:mod:`raci.diagrams.raster`). PDF needs the real Graphviz, and says how to
install it.
"""

from __future__ import annotations

import math
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from raci.i18n import N_, gettext, number
from raci.model.errors import RenderError as RenderError

#: Formats an engine lays out; "dot" (the source itself) needs no engine.
LAYOUT_FORMATS = ("svg", "png", "pdf")
EMBEDDED_FORMATS = ("svg",)
EMBEDDED_NAME = "graphviz-pure"
INSTALL_HINT = N_(
    "install Graphviz (Debian/Ubuntu: apt-get install graphviz; macOS: brew install graphviz; "
    "Windows: winget install graphviz), or write SVG instead"
)
#: What to do when a layout runs past a limit (the CLI's options, in every language).
_DRAW_LESS = N_("draw less (--detail summary, --activity ACTIVITY or another --view) or raise %(option)s")


class EngineMissingError(RenderError):
    """No engine can produce the requested format (PDF, or PNG without resvg, when Graphviz's
    `dot` is missing)."""


class RenderLimitError(RenderError):
    """`dot` ran past its time or memory limit and was stopped."""


@dataclass(frozen=True)
class RenderLimits:
    """How long and how much memory one `dot` run may take (``None``: no memory limit).

    ``timeout_seconds`` bounds the wall-clock time; the CPU time `dot` may use is bounded
    too, by the same number of seconds rounded up (``RLIMIT_CPU`` counts whole seconds), so
    a layout ends even when nobody is left to watch the clock.
    """

    timeout_seconds: float = 30.0
    memory_mib: int | None = 2048

    def __post_init__(self) -> None:
        if not self.timeout_seconds > 0:
            raise ValueError("timeout_seconds must be positive")
        if self.memory_mib is not None and self.memory_mib < 16:
            raise ValueError("memory_mib must be at least 16")

    @property
    def cpu_seconds(self) -> int:
        return max(1, math.ceil(self.timeout_seconds))


@dataclass(frozen=True)
class Engine:
    """An executable that speaks `dot`'s command line."""

    name: str
    path: str
    formats: tuple[str, ...]


def find_engine(output_format: str, *, allow_embedded: bool = True) -> Engine:
    """The engine for ``output_format``: `dot` on PATH, else the embedded one for SVG.

    Raises :class:`EngineMissingError` with an install hint when none fits.
    """
    dot = shutil.which("dot")
    if dot is not None:
        return Engine("dot", dot, LAYOUT_FORMATS)
    embedded = embedded_engine() if allow_embedded else None
    if embedded is not None and output_format in embedded.formats:
        return embedded
    if embedded is not None and output_format == "png" and raster_available():
        return Engine(EMBEDDED_NAME, embedded.path, (*EMBEDDED_FORMATS, "png"))
    if output_format in EMBEDDED_FORMATS:
        raise EngineMissingError(
            gettext(
                "cannot draw %(format)s: Graphviz's dot is not installed and the embedded engine "
                "(%(engine)s) is not available; %(hint)s"
            )
            % {"format": output_format.upper(), "engine": EMBEDDED_NAME, "hint": gettext(INSTALL_HINT)}
        )
    raise EngineMissingError(
        gettext("%(format)s needs Graphviz's dot, which is not installed: %(hint)s (-o diagram.svg)")
        % {"format": output_format.upper(), "hint": gettext(INSTALL_HINT)}
    )


def formats_without_dot() -> tuple[str, ...]:
    """The formats drawn on a machine without `dot`: SVG by the embedded engine, and PNG
    when resvg-py can rasterise that SVG (none without the embedded engine)."""
    if embedded_engine() is None:
        return ()
    return (*EMBEDDED_FORMATS, "png") if raster_available() else EMBEDDED_FORMATS


def raster_available() -> bool:
    from raci.diagrams.raster import available

    return available()


def embedded_engine() -> Engine | None:
    """The `graphviz-pure` executable installed with raci, if this platform has it."""
    path = _embedded_path()
    return Engine(EMBEDDED_NAME, path, EMBEDDED_FORMATS) if path else None


@lru_cache(maxsize=1)
def _embedded_path() -> str | None:
    # Found through the package's own file list, so it works when the scripts folder of
    # the environment is not on PATH (a venv's python run by its full path).
    from importlib import metadata

    try:
        distribution = metadata.distribution(EMBEDDED_NAME)
    except metadata.PackageNotFoundError:
        distribution = None
    for entry in (distribution.files or []) if distribution else []:
        if Path(str(entry)).stem == EMBEDDED_NAME:
            located = Path(str(distribution.locate_file(entry))).resolve()  # type: ignore[union-attr]
            if located.is_file() and os.access(located, os.X_OK):
                return str(located)
    return shutil.which(EMBEDDED_NAME)


def run_engine(engine: Engine, source: str, output_format: str, limits: RenderLimits) -> bytes:
    """Lay out ``source`` with ``engine`` into ``output_format`` bytes, within ``limits``."""
    if output_format not in engine.formats:
        raise EngineMissingError(
            gettext("%(engine)s cannot write %(format)s: %(hint)s")
            % {"engine": engine.name, "format": output_format.upper(), "hint": gettext(INSTALL_HINT)}
        )
    if engine.name == EMBEDDED_NAME and output_format == "png":
        from raci.diagrams.raster import svg_to_png

        return svg_to_png(run_engine(engine, source, "svg", limits))
    command = [engine.path, f"-T{output_format}"]
    posix = os.name == "posix"
    try:
        process = subprocess.Popen(
            command,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=_environment(),
            preexec_fn=_limiter(limits) if posix else None,
            start_new_session=posix,
        )
    except OSError as error:
        raise RenderError(
            gettext("cannot run %(engine)s (%(path)s): %(reason)s")
            % {"engine": engine.name, "path": engine.path, "reason": error.strerror or error}
        ) from None
    try:
        with _killed_with_raci(process):
            output, errors = process.communicate(source.encode("utf-8"), timeout=limits.timeout_seconds)
    except subprocess.TimeoutExpired:
        _kill(process)
        raise RenderLimitError(
            gettext("%(engine)s did not finish within the time limit of %(seconds)s s; %(advice)s")
            % {
                "engine": engine.name,
                "seconds": number(limits.timeout_seconds),
                "advice": gettext(_DRAW_LESS) % {"option": "--timeout"},
            }
        ) from None
    except BaseException:
        _kill(process)
        raise
    if posix and process.returncode == -signal.SIGXCPU:
        raise RenderLimitError(
            gettext("%(engine)s used up its CPU-time limit of %(seconds)d s; %(advice)s")
            % {
                "engine": engine.name,
                "seconds": limits.cpu_seconds,
                "advice": gettext(_DRAW_LESS) % {"option": "--timeout"},
            }
        )
    if process.returncode != 0:
        raise _failure(engine, process.returncode, errors.decode("utf-8", "replace"), limits)
    if not output:
        raise RenderError(gettext("%(engine)s produced no output") % {"engine": engine.name})
    return _fixed_dates(output) if output_format == "pdf" else output


_PDF_DATE = re.compile(rb"(/(?:CreationDate|ModDate) \(D:)([0-9]+)")
_EPOCH = b"19700101000000"


def _fixed_dates(pdf: bytes) -> bytes:
    """Same input, same PDF: stamp the epoch over cairo's creation date (older cairo ignores
    SOURCE_DATE_EPOCH). Digits are replaced one for one, so every xref offset stays right."""

    def epoch(match: re.Match[bytes]) -> bytes:
        digits = match.group(2)
        return match.group(1) + (_EPOCH + b"0" * len(digits))[: len(digits)]

    return _PDF_DATE.sub(epoch, pdf)


def _failure(engine: Engine, code: int, errors: str, limits: RenderLimits) -> RenderError:
    lines = [line.strip() for line in errors.splitlines() if line.strip()]
    detail = next((line for line in lines if "error" in line.lower()), lines[0] if lines else "")
    detail = detail[:200]
    memory_words = ("memory", "alloc", "cannot map", "mmap", "bad_alloc")
    out_of_memory = code < 0 or any(word in errors.lower() for word in memory_words)
    if limits.memory_mib is not None and out_of_memory and "syntax error" not in errors:
        stopped = gettext("%(engine)s stopped at the memory limit of %(mib)d MiB") % {
            "engine": engine.name,
            "mib": limits.memory_mib,
        }
        advice = gettext(_DRAW_LESS) % {"option": "--memory-limit"}
        return RenderLimitError(f"{stopped}{': ' + detail if detail else ''}; {advice}")
    failed = gettext("%(engine)s failed (exit %(code)d)") % {"engine": engine.name, "code": code}
    return RenderError(f"{failed}{': ' + detail if detail else ''}")


def _environment() -> dict[str, str]:
    environment = dict(os.environ)
    # Reproducible PDFs: cairo stamps the creation date unless this is set.
    environment["SOURCE_DATE_EPOCH"] = "0"
    # Defence in depth: with SERVER_NAME set and GV_FILE_PATH empty, Graphviz refuses to
    # read any image file, so not even a label that slipped through could embed one.
    environment["SERVER_NAME"] = "raci"
    environment.pop("GV_FILE_PATH", None)
    return environment


def _limiter(limits: RenderLimits) -> Callable[[], None]:
    import resource

    memory = limits.memory_mib
    cpu = limits.cpu_seconds
    parent = os.getpid()
    set_death_signal = _death_signal_setter()

    def apply() -> None:  # runs in the child between fork and exec
        if set_death_signal is not None:
            set_death_signal()
            if os.getppid() != parent:  # raci died before the call: nobody would send it
                os.kill(os.getpid(), signal.SIGKILL)
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        # SIGXCPU at the soft limit, SIGKILL one second later if that is caught.
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
        if memory is not None:
            size = memory * 1024 * 1024
            resource.setrlimit(resource.RLIMIT_AS, (size, size))

    return apply


_PR_SET_PDEATHSIG = 1


def _death_signal_setter() -> Callable[[], None] | None:
    """On Linux, a call that asks the kernel to SIGKILL the calling process when its parent
    dies; elsewhere ``None``. Loaded before fork: the child only calls it.

    The kernel sends it when the *thread* that forked ends, so it is set only when the
    engine is started from the main thread (a render in a worker thread relies on the other
    safeguards)."""
    if not sys.platform.startswith("linux") or threading.current_thread() is not threading.main_thread():
        return None
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        prctl = libc.prctl
    except (OSError, AttributeError):  # pragma: no cover - a libc without prctl
        return None
    prctl.argtypes = [ctypes.c_int, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong]
    prctl.restype = ctypes.c_int

    def set_death_signal() -> None:
        prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)

    return set_death_signal


_FORWARDED = ("SIGTERM", "SIGHUP", "SIGINT")


@contextmanager
def _killed_with_raci(process: subprocess.Popen[bytes]) -> Iterator[None]:
    """While the engine runs, a SIGTERM, SIGHUP or SIGINT to raci first kills the engine's
    whole process group, then takes its usual course (the handler that was there before,
    or the default: raci ends by that signal)."""
    if os.name != "posix" or threading.current_thread() is not threading.main_thread():
        yield
        return
    previous: dict[int, Any] = {}

    def forward(signum: int, frame: Any) -> None:
        _kill(process, wait=False)
        handler = previous.get(signum, signal.SIG_DFL)
        signal.signal(signum, handler)
        if callable(handler):
            handler(signum, frame)
        else:
            os.kill(os.getpid(), signum)

    for name in _FORWARDED:
        signum = getattr(signal, name)
        previous[signum] = signal.signal(signum, forward)
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def _kill(process: subprocess.Popen[bytes], *, wait: bool = True) -> None:
    """Stop the engine and anything it started, and reap it."""
    try:
        if os.name == "posix":
            os.killpg(process.pid, signal.SIGKILL)
        else:  # pragma: no cover - Windows
            process.kill()
    except (ProcessLookupError, PermissionError):
        pass
    if not wait:
        return
    try:
        process.communicate(timeout=5)
    except (subprocess.TimeoutExpired, ValueError):  # pragma: no cover - defensive
        process.kill()
        process.wait()
