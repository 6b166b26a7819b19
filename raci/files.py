"""Writing output files safely: whole or not at all, and never over a file by surprise.

Every file `raci` writes goes through :func:`write_atomic`: the data goes to a temporary file
beside the target, which is then renamed into place, so a reader never sees half a file and
a failure leaves the old one as it was. A target that is a symbolic link, or that exists and
is not a regular file (a device, a FIFO, a directory), is refused: writing "through" a link
planted in an output folder must not replace a file elsewhere. Where one command writes
several files into a folder, :func:`output_path` keeps every name inside that folder.

Written files keep their privacy: a new file gets the mode the umask allows (``umask 077``
gives 0600, as any program's output would), and a replaced file keeps its mode, and its
owner and group where the user may set them. Temporary files of raci's own pattern
(``.NAME.XXXXXXXX.tmp``) left beside a target by a killed run are removed, once older than
an hour, the next time that target is written.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import tempfile
import time
from pathlib import Path
from typing import IO

from raci.i18n import N_
from raci.i18n import gettext as _

_CHUNK = 1024 * 1024
#: A temporary file older than this was left by a run that died: no live write takes an hour.
STALE_SECONDS = 3600
# mkstemp's names: the prefix and suffix given, around eight characters of [a-z0-9_].
_TEMP_MIDDLE = re.compile(r"[a-z0-9_]{8}")


class OutputExistsError(FileExistsError):
    pass


#: The operating system's words for the failures people meet, as Linux spells them, so that
#: they can be read in the reader's language; others stay as the system says them.
_OS_REASONS = {
    errno.ENOENT: N_("No such file or directory"),
    errno.EACCES: N_("Permission denied"),
    errno.EPERM: N_("Operation not permitted"),
    errno.EISDIR: N_("Is a directory"),
    errno.ENOTDIR: N_("Not a directory"),
    errno.ENOSPC: N_("No space left on device"),
    errno.EROFS: N_("Read-only file system"),
    errno.ENAMETOOLONG: N_("File name too long"),
}


def os_reason(error: OSError) -> str:
    """Why an operation failed, one line: the system's ``strerror`` (in the reader's language
    for the common failures), or the whole error when it has none."""
    english = _OS_REASONS.get(error.errno or 0)
    if english is not None and error.strerror == english:
        return _(english)
    return error.strerror or str(error)


class UnsafeOutputError(OSError):
    """An output path that is refused: a symbolic link, not a regular file, or outside the
    folder chosen for output. ``strerror`` (and ``str()``) is one line for the user."""

    def __init__(self, path: str | os.PathLike[str], reason: str) -> None:
        super().__init__(errno.EPERM, reason, os.fspath(path))

    def __str__(self) -> str:
        return f"{self.filename}: {self.strerror}"


def check_output_target(path: str | os.PathLike[str]) -> None:
    """Raise :class:`UnsafeOutputError` for a target that must not be written."""
    target = Path(path)
    try:
        found = os.lstat(target)
    except FileNotFoundError:
        return
    except OSError:
        return  # unreadable parent and the like: the write itself reports it
    if stat.S_ISLNK(found.st_mode):
        reason = _(
            "is a symbolic link; refusing to write through it (remove the link or choose another path)"
        )
        raise UnsafeOutputError(target, reason)
    if stat.S_ISDIR(found.st_mode):
        raise UnsafeOutputError(target, _("is a directory; give a file name"))
    if not stat.S_ISREG(found.st_mode):
        raise UnsafeOutputError(
            target, _("is not a regular file (a device or a pipe); write to a file, or to '-' for stdout")
        )


def output_path(directory: str | os.PathLike[str], name: str | os.PathLike[str]) -> Path:
    """``directory / name``, refused (:class:`UnsafeOutputError`) unless it stays inside ``directory``.

    For commands that write several files into one folder from names they make up (from
    example names, views, ids): an absolute name, a ``..`` or a symbolic link on the way
    must not send a file elsewhere.
    """
    root = Path(directory)
    candidate = root / name
    resolved_root = root.resolve()
    # The folder part of the name is resolved (links followed); the file itself is checked
    # by write_atomic, which refuses a link there.
    resolved = candidate.parent.resolve() / candidate.name
    if candidate.name in ("", ".", "..") or not resolved.is_relative_to(resolved_root):
        reason = _("is outside the output folder %(folder)s; refusing to write it") % {"folder": root}
        raise UnsafeOutputError(candidate, reason)
    check_output_target(candidate)
    return candidate


def write_atomic(path: str | os.PathLike[str], data: bytes, *, overwrite: bool = True) -> None:
    """Write ``data`` to a temporary file beside ``path`` and rename it into place.

    A reader never sees a half-written file, and a failure leaves the old file untouched.
    With ``overwrite=False`` an existing file is refused. A target that is a symbolic link or
    not a regular file is refused (:class:`UnsafeOutputError`, an :class:`OSError`).
    """
    target = Path(path)
    if not overwrite and (target.exists() or target.is_symlink()):
        raise OutputExistsError(_("%(path)s already exists (use --force to replace it)") % {"path": target})
    check_output_target(target)
    directory = target.parent if str(target.parent) else Path(".")
    remove_stale_temporaries(target)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            _take_mode_of(target, stream.fileno())
            os.fsync(stream.fileno())
        if overwrite:
            os.replace(temporary, target)
        else:
            # link() fails if the target appeared meanwhile, where rename would replace it.
            os.link(temporary, target)
            os.unlink(temporary)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise


def _take_mode_of(target: Path, handle: int) -> None:
    """Give the new file the mode (and owner) of the file it replaces, or what the umask
    allows for a new one. mkstemp made it 0600, so nobody else could read it meanwhile."""
    try:
        existing = os.stat(target)
    except OSError:
        os.fchmod(handle, 0o666 & ~current_umask())
        return
    os.fchmod(handle, stat.S_IMODE(existing.st_mode))
    mine = os.fstat(handle)
    if (mine.st_uid, mine.st_gid) != (existing.st_uid, existing.st_gid):
        # Not ours to give away unless we are root; the mode is kept all the same.
        with contextlib.suppress(OSError):
            os.fchown(handle, existing.st_uid, existing.st_gid)


def current_umask() -> int:
    """The process's umask, read without changing it where the system says it (Linux)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)  # elsewhere: the classic set-and-restore
    os.umask(mask)
    return mask


def remove_stale_temporaries(target: Path, *, now: float | None = None) -> list[Path]:
    """Remove ``.NAME.XXXXXXXX.tmp`` files beside ``target`` older than an hour, left by a
    run that was killed mid-write; return what was removed. Only regular files of this
    user, of the exact pattern raci makes for this target, are touched."""
    directory = target.parent if str(target.parent) else Path(".")
    prefix = f".{target.name}."
    removed: list[Path] = []
    limit = (time.time() if now is None else now) - STALE_SECONDS
    try:
        names = [name for name in os.listdir(directory) if name.startswith(prefix) and name.endswith(".tmp")]
    except OSError:
        return removed
    for name in names:
        if not _TEMP_MIDDLE.fullmatch(name[len(prefix) : -len(".tmp")]):
            continue
        path = directory / name
        try:
            found = os.lstat(path)
            if stat.S_ISREG(found.st_mode) and found.st_uid == os.geteuid() and found.st_mtime < limit:
                os.unlink(path)
                removed.append(path)
        except OSError:
            continue
    return removed


class UnreadableInputError(OSError):
    """An input path that is refused before any byte is read: a device, a FIFO, a socket, a
    folder (or a link to one). ``strerror`` is one line for the user."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(errno.EINVAL, reason, path)


class InputTooLargeError(OSError):
    """An input file larger than the limit; ``limit`` is that limit in bytes."""

    def __init__(self, path: str, limit: int) -> None:
        super().__init__(errno.EFBIG, "file is larger than the limit", path)
        self.limit = limit


def read_bounded(path: str | os.PathLike[str], limit: int) -> bytes:
    """The bytes of the regular file ``path``: at most ``limit + 1`` of them (one more than
    allowed says "too large"), so memory follows the limit whatever the file claims.

    Every input file raci reads goes through here (org files, configs, baselines,
    spreadsheets). The file is opened without blocking and checked on the open descriptor,
    so a FIFO with no writer, ``/dev/zero``, a terminal or a link to any of them is refused
    at once (:class:`UnreadableInputError`), never read or waited on; standard input is read
    with :func:`read_limited` by the caller that allows it.
    """
    name = os.fspath(path)
    handle = os.open(name, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        found = os.fstat(handle)
        if stat.S_ISDIR(found.st_mode):
            raise UnreadableInputError(name, _("is a directory, not a file"))
        if not stat.S_ISREG(found.st_mode):
            raise UnreadableInputError(name, _("is not a regular file (a device, a pipe or a socket)"))
        if found.st_size > limit:
            raise InputTooLargeError(name, limit)
        with os.fdopen(handle, "rb", closefd=False) as stream:
            data = read_limited(stream, limit, found.st_size)
    finally:
        os.close(handle)
    if len(data) > limit:  # it grew while being read
        raise InputTooLargeError(name, limit)
    return data


def read_limited(stream: IO[bytes], limit: int, expected: int = 0) -> bytes:
    """At most ``limit + 1`` bytes of ``stream`` (one more than allowed says "too large").

    Memory follows what is actually there, not the limit: a 200-byte file costs 200 bytes
    even when the limit is 64 MiB (``read(limit + 1)`` would allocate the whole limit up
    front). ``expected`` is the size ``stat`` reported, 0 when unknown (a pipe, stdin).
    """
    first = stream.read(min(limit, expected) + 1 if expected > 0 else min(limit + 1, 64 * 1024))
    if not first or len(first) > limit:
        return first
    chunks = [first]
    total = len(first)
    while total <= limit:
        chunk = stream.read(min(_CHUNK, limit + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return first if len(chunks) == 1 else b"".join(chunks)
