"""What a bug leaves behind: a private file with its traceback, instead of a traceback
on a screen the user cannot act on. Shared by the command line and the app."""

from __future__ import annotations

import os

from workbench import locations


def write_report(err: BaseException) -> str:
    """Write the traceback to a file only the owner can read, in the cache folder; returns
    its path ("-" when even that fails: the user still gets the message)."""
    import time
    import traceback

    try:
        folder = locations.cache_dir()
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        path = folder / f"crash-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}.log"
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write("".join(traceback.format_exception(err)))
    except OSError:
        return "-"
    return str(path)
