"""Reading and writing org files: :func:`read` (the one way in: size limit, decoding, the
fast reader for plain files or the full parser, positions for the problems shown), the
writer and the comment-keeping editor."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from raci.yaml.reading import Document, read

__all__ = ["Document", "read"]


def __getattr__(name: str) -> Any:
    # Loaded on use: the writer and the editor do not need the parsers.
    if name in __all__:
        from raci.yaml import reading

        return getattr(reading, name)
    raise AttributeError(f"module 'raci.yaml' has no attribute {name!r}")
