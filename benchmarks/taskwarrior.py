"""The same tasks in Taskwarrior, for `task next` and `task add` side by side.

The tasks are exported with the workbench's own Taskwarrior export (what a user moving
between the two would use) and loaded with `task import` into a TASKDATA folder under
benchmarks/data/, with an rc file of its own: nothing of the user's Taskwarrior is read or
written. Only `confirmation` is turned off (so commands never wait for an answer) and the
release notice is marked as read; everything else is Taskwarrior's default.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from benchmarks.common import DATA, PYTHON, child_env
from benchmarks.data import Dataset

TASK = shutil.which("task")


def version() -> str | None:
    if TASK is None:
        return None
    done = subprocess.run([TASK, "--version"], capture_output=True, text=True, check=False)
    return done.stdout.strip() or None


def rc_file(folder: Path) -> Path:
    rc = folder / "taskrc"
    rc.write_text(
        f"data.location={folder / 'data'}\nconfirmation=off\nnews.version={version()}\n",
        encoding="utf-8",
    )
    return rc


def env(rc: Path) -> dict[str, str]:
    return child_env(TASKRC=str(rc), TASKDATA=str(rc.parent / "data"))


def prepare(dataset: Dataset) -> Path | None:
    """A fresh copy of Taskwarrior's data for this dataset (imported once); the rc file
    to use it with, or None without Taskwarrior."""
    if TASK is None:
        return None
    base = DATA / f"taskwarrior-{dataset.size}"
    stamp = base / "source.json"
    source = json.loads((DATA / f"workbench-{dataset.size}.json").read_text())["fingerprint"]
    if not stamp.exists() or json.loads(stamp.read_text()).get("source") != source:
        shutil.rmtree(base, ignore_errors=True)
        (base / "data").mkdir(parents=True)
        export = base / "export.json"
        subprocess.run([PYTHON, "-m", "benchmarks.taskwarrior", str(dataset.pristine), str(export)],
                       env=child_env(), check=True)  # fmt: skip
        subprocess.run([TASK, "import", str(export)], env=env(rc_file(base)), check=True,
                       capture_output=True)  # fmt: skip
        export.unlink()
        stamp.write_text(json.dumps({"source": source}))
    copy = DATA / f"taskwarrior-run-{dataset.size}"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(base / "data", copy / "data")
    return rc_file(copy)


def export(db: str, target: str) -> None:
    """Write the database's tasks as Taskwarrior JSON (run in a child process)."""
    from workbench.config import load_config
    from workbench.service.interchange import export_taskwarrior
    from workbench.service.workbench import Workbench, clock_from_env

    wb = Workbench.open(Path(db), load_config(), clock_from_env(), create=False)
    try:
        export_taskwarrior(wb, Path(target), include_confidential=True, overwrite=True)
    finally:
        wb.close()


if __name__ == "__main__":
    export(sys.argv[1], sys.argv[2])
