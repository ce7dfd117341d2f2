"""Fresh processes timed from start to exit, like hyperfine (the caller takes a warm-up
round and the median of the rest). Output goes to /dev/null; the command must succeed."""

from __future__ import annotations

import subprocess
import time
from collections.abc import Sequence


def once(argv: Sequence[str], env: dict[str, str]) -> float:
    """Seconds from start to exit of one run."""
    started = time.perf_counter()
    subprocess.run(list(argv), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                   check=True)  # fmt: skip
    return time.perf_counter() - started
