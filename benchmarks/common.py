"""Paths, the fixed clock, child environments and statistics shared by the benchmarks."""

from __future__ import annotations

import os
import statistics
import sys
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DATA = HERE / "data"
"""Generated databases, Taskwarrior data, caches and scratch files (git-ignored)."""
RESULTS = HERE / "RESULTS.md"

NOW = "2026-11-26T10:00"
"""Every process sees this moment (WORKBENCH_NOW), so data and results repeat."""
LANG = "zh-Hant"
COLUMNS, LINES = 120, 40
"""The pseudo-terminal's size."""

PYTHON = sys.executable
WORKBENCH = str(Path(sys.executable).with_name("workbench"))
"""The console script installed beside this interpreter (what a user runs)."""


def child_env(**extra: str) -> dict[str, str]:
    """The environment of every measured process: isolated from the user's own config,
    cache, backups and database, in Chinese, with a colour terminal."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("WORKBENCH_", "TEXTUAL"))}
    (DATA / "home").mkdir(parents=True, exist_ok=True)
    config = DATA / "home" / "config.toml"
    if not config.exists():
        config.write_text('region = "CN"\n', encoding="utf-8")
    env.update(
        WORKBENCH_NOW=NOW,
        WORKBENCH_LANG=LANG,
        WORKBENCH_CONFIG=str(config),
        WORKBENCH_CACHE_DIR=str(DATA / "home" / "cache"),
        WORKBENCH_BACKUP_DIR=str(DATA / "home" / "backups"),
        XDG_DATA_HOME=str(DATA / "home" / "xdg"),
        LANG="C.UTF-8",
        TERM="xterm-256color",
        COLORTERM="truecolor",
        PYTHONPATH=str(ROOT),
    )
    env.update(extra)
    return env


def median(values: Sequence[float]) -> float | None:
    return statistics.median(values) if values else None


def p95(values: Sequence[float]) -> float | None:
    """The 95th percentile, nearest rank (the value 95 % of samples do not exceed)."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, -(-95 * len(ordered) // 100))
    return ordered[rank - 1]
