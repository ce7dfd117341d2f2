"""Files kept in the cache folder so that a command does not work them out again.

What is kept there can always be worked out afresh (the parsed config file, a region's
holidays, the table that folds Traditional to Simplified), so the cache is best effort: a
file that cannot be read is as if missing, and one that cannot be written only costs time.
A file is written whole under another name and then renamed, so that another window
reading it at that moment sees the old file or the new one, never half of one.
"""

from __future__ import annotations

import os
from contextlib import suppress
from pathlib import Path

from workbench import locations


def read(name: str, folder: Path | None = None) -> bytes | None:
    """The kept file's bytes, or None (missing or unreadable)."""
    try:
        return ((folder or locations.cache_dir()) / name).read_bytes()
    except OSError:
        return None


def write(name: str, payload: bytes, folder: Path | None = None) -> None:
    """Keep `payload` as `name` in the cache folder (or `folder`), if it can be."""
    folder = folder or locations.cache_dir()
    temporary = folder / f".{name}.{os.getpid()}"
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        temporary.write_bytes(payload)
        os.replace(temporary, folder / name)
    except OSError:
        with suppress(OSError):
            temporary.unlink(missing_ok=True)
