"""An open backlog: the same tasks with every one of them still to do, in both tools.

The generated offices are years of records, most of them done (at 100,000 tasks, about
1,500 are open), and Taskwarrior's `add` and `next` read only its pending tasks: on that
data its `add` takes a few milliseconds. The Taskwarrior figures the speed targets were
set from (1.6 s for `next`, 0.55 s for `add` at 100,000) come from a list where the tasks
are pending. This measures that shape too, on the same tasks for both tools, so the table
shows the comparison on either: the dataset's Taskwarrior export with every task made
pending (its end date dropped), loaded with `workbench import` into a database of its own
and with `task import` into a Taskwarrior folder of its own. Both are built once per
dataset and copied afresh for each run, like the rest of the data.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from benchmarks import importing, taskwarrior
from benchmarks.common import DATA, WORKBENCH, child_env
from benchmarks.data import Dataset


@dataclass(frozen=True)
class Backlog:
    size: int
    db: Path
    """A working copy of the workbench database with every task open."""
    rc: Path | None
    """Taskwarrior's rc file for a working copy of the same tasks, all pending (None
    without Taskwarrior)."""


def _pending(source: Path, target: Path) -> None:
    tasks = json.loads(source.read_text(encoding="utf-8"))
    for task in tasks:
        task["status"] = "pending"
        task.pop("end", None)
    target.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")


def prepare(dataset: Dataset) -> Backlog:
    """The backlog of this dataset, built if missing or out of date, and fresh copies."""
    base = DATA / f"backlog-{dataset.size}"
    stamp = base / "source.json"
    fingerprint = json.loads((DATA / f"workbench-{dataset.size}.json").read_text())["fingerprint"]
    wanted = {"source": fingerprint, "taskwarrior": taskwarrior.version()}
    if not stamp.exists() or json.loads(stamp.read_text()) != wanted:
        shutil.rmtree(base, ignore_errors=True)
        base.mkdir(parents=True)
        export = base / "pending.json"
        _pending(importing.source(dataset), export)
        subprocess.run([WORKBENCH, "--db", str(base / "workbench.db"), "import", str(export)],
                       env=child_env(), check=True, capture_output=True)  # fmt: skip
        if taskwarrior.TASK is not None:
            (base / "taskwarrior" / "data").mkdir(parents=True)
            rc = taskwarrior.rc_file(base / "taskwarrior")
            subprocess.run([taskwarrior.TASK, "import", str(export)], env=taskwarrior.env(rc),
                           check=True, capture_output=True)  # fmt: skip
        export.unlink()
        stamp.write_text(json.dumps(wanted))
    db = DATA / f"backlog-run-{dataset.size}.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(base / "workbench.db", db)
    rc = None
    if (base / "taskwarrior").exists() and taskwarrior.TASK is not None:
        copy = DATA / f"backlog-taskwarrior-run-{dataset.size}"
        shutil.rmtree(copy, ignore_errors=True)
        shutil.copytree(base / "taskwarrior" / "data", copy / "data")
        rc = taskwarrior.rc_file(copy)
    return Backlog(dataset.size, db, rc)
