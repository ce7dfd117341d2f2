"""Moving in: every task of a dataset as the JSON `task export` writes, imported into an
empty database by `workbench import` on a pseudo-terminal, where it draws its progress bar.

The file is the workbench's own Taskwarrior export of the dataset (the same one loaded into
Taskwarrior for `task next`), written once per dataset and kept under benchmarks/data/.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import time
from pathlib import Path
from typing import Any

from benchmarks.common import DATA, PYTHON, WORKBENCH, child_env
from benchmarks.data import Dataset
from benchmarks.terminal import Terminal


def source(dataset: Dataset) -> Path:
    """The dataset's tasks as Taskwarrior JSON, written again only when the data changed."""
    path = DATA / f"import-{dataset.size}.json"
    stamp = DATA / f"import-{dataset.size}.stamp"
    fingerprint = json.loads((DATA / f"workbench-{dataset.size}.json").read_text())["fingerprint"]
    if not path.exists() or not stamp.exists() or stamp.read_text() != fingerprint:
        subprocess.run([PYTHON, "-m", "benchmarks.taskwarrior", str(dataset.pristine), str(path)],
                       env=child_env(), check=True)  # fmt: skip
        stamp.write_text(fingerprint)
    return path


def once(dataset: Dataset) -> dict[str, Any]:
    """Seconds from start to exit of one import into a new database, the tasks that
    database then holds, and whether the progress bar was drawn (it is, on a terminal, for
    a file large enough that the wait is felt)."""
    from workbench.cli.interchange import LONG_IMPORT_BYTES

    file = source(dataset)
    target = DATA / f"import-{dataset.size}.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    term = Terminal.spawn([WORKBENCH, "--db", str(target), "import", str(file)], child_env())
    status = term.run_to_end(600)
    seconds = time.perf_counter() - term.started
    tasks = None
    if status == 0:
        conn = sqlite3.connect(target)
        tasks = conn.execute("SELECT count(*) FROM task").fetchone()[0]
        conn.close()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    return {
        "seconds": seconds if status == 0 else None,
        "tasks": tasks,
        "bar": "100%" in term.text,
        "bar_expected": file.stat().st_size >= LONG_IMPORT_BYTES,
        "megabytes": file.stat().st_size / 2**20,
        "error": None if status == 0 else term.text[-500:],
    }


def measure(datasets: list[Dataset]) -> dict[int, dict[str, Any]]:
    return {dataset.size: once(dataset) for dataset in datasets}
