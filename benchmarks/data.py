"""The benchmark databases: generated once per size with `workbench demo`, kept under
benchmarks/data/, and copied afresh for every run so that what one run adds
(quick-adds, `workbench add`) never changes the next one's data."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks.common import DATA, NOW, ROOT, WORKBENCH, child_env

SEED = 1


@dataclass(frozen=True)
class Dataset:
    size: int
    pristine: Path
    work: Path
    generated_in: float | None
    """Seconds `workbench demo` took (None: reused from an earlier run)."""

    @property
    def instructions(self) -> int:
        return self.size // 10

    @property
    def feedback(self) -> int:
        return self.size // 2


def _fingerprint(size: int) -> str:
    """What the generated data depends on: the generator, the store, the sizes, the clock."""
    digest = hashlib.sha256()
    for part in ("workbench/service/demo.py", "workbench/store/store.py",
                 "workbench/store/schema.py", "workbench/store/search.py",
                 "workbench/store/script_fold.py"):  # fmt: skip
        digest.update((ROOT / part).read_bytes())
    digest.update(f"{size}/{SEED}/{NOW}".encode())
    return digest.hexdigest()


def prepare(size: int, *, regenerate: bool = False) -> Dataset:
    """The database of `size` tasks (size/10 instructions, size/2 feedback), generated if
    missing or out of date, and a fresh working copy of it."""
    DATA.mkdir(parents=True, exist_ok=True)
    pristine = DATA / f"workbench-{size}.db"
    stamp = DATA / f"workbench-{size}.json"
    fingerprint = _fingerprint(size)
    seconds = None
    current = stamp.exists() and json.loads(stamp.read_text())["fingerprint"] == fingerprint
    if regenerate or not current or not pristine.exists():
        for suffix in ("", "-wal", "-shm"):
            Path(f"{pristine}{suffix}").unlink(missing_ok=True)
        started = time.perf_counter()
        subprocess.run(
            [WORKBENCH, "--db", str(pristine), "demo", "--tasks", str(size),
             "--instructions", str(size // 10), "--feedback", str(size // 2),
             "--seed", str(SEED)],
            env=child_env(), check=True, capture_output=True,
        )  # fmt: skip
        seconds = time.perf_counter() - started
        stamp.write_text(json.dumps({"fingerprint": fingerprint, "seconds": seconds}))
    work = DATA / f"run-{size}.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{work}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(pristine, work)
    return Dataset(size, pristine, work, seconds)


def top_title(dataset: Dataset) -> str:
    """The title of the first row of the to-do list (what the first frame must show)."""
    done = subprocess.run(
        [WORKBENCH, "--db", str(dataset.work), "list", "--json", "--limit", "1"],
        env=child_env(), check=True, capture_output=True, text=True,
    )  # fmt: skip
    return json.loads(done.stdout)[0]["title"]
