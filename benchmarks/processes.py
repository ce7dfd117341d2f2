"""Fresh processes timed from start to exit, like hyperfine: one warm-up run, then the
median of N. Output goes to /dev/null; the command must succeed."""

from __future__ import annotations

import subprocess
import time
from collections.abc import Callable, Sequence

from benchmarks.common import median


def timed(argv: Sequence[str], env: dict[str, str], runs: int,
          before: Callable[[int], Sequence[str]] | None = None) -> float | None:  # fmt: skip
    """Median seconds of `runs` runs after a warm-up; `before(n)` may vary the command."""
    times = []
    for n in range(runs + 1):
        command = list(before(n)) if before else list(argv)
        started = time.perf_counter()
        subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                       check=True)  # fmt: skip
        elapsed = time.perf_counter() - started
        if n:
            times.append(elapsed)
    return median(times)
