"""Writing output files safely: whole or not at all, and never over a file by surprise."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


class OutputExistsError(FileExistsError):
    pass


def write_atomic(path: str | os.PathLike[str], data: bytes, *, overwrite: bool = True) -> None:
    """Write ``data`` to a temporary file beside ``path`` and rename it into place.

    A reader never sees a half-written file, and a failure leaves the old file untouched.
    With ``overwrite=False`` an existing file is refused.
    """
    target = Path(path)
    if not overwrite and (target.exists() or target.is_symlink()):
        raise OutputExistsError(f"{target} already exists (use --force to replace it)")
    directory = target.parent if str(target.parent) else Path(".")
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, 0o644)
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
