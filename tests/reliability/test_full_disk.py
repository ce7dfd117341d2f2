"""A full disk: the change is refused with a message, nothing half-written, the file as it
was; once there is room again everything works.

Two ways to fill the disk: SQLite's `max_page_count` on every connection (the database
cannot grow, which SQLite reports exactly as a full disk), always available; and a real
tiny file system (tmpfs), when the tests run as root and may mount one.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import uuid
from pathlib import Path

import pytest

from tests.reliability.helpers import assert_clean_failure, cli, integrity, sha256
from tests.reliability.test_damaged_files import make_database
from workbench.service.workbench import Workbench

BIG = "很長的備註。" * 15_000  # about 270 KB as UTF-8
ARGUMENT = "滿" * 40_000
"""120 KB as UTF-8: as much as one command-line argument may hold (128 KiB on Linux)."""


@pytest.fixture
def no_room(monkeypatch):
    """Call it, and every connection opened from then on may not grow its database by a
    single page; call `.undo()` to make room again."""
    real = sqlite3.connect

    def tight(*args, **kwargs):
        conn = real(*args, **kwargs)
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {max(pages, 1)}")
        return conn

    class Switch:
        def __call__(self) -> None:
            monkeypatch.setattr(sqlite3, "connect", tight)

        def undo(self) -> None:
            monkeypatch.setattr(sqlite3, "connect", real)

    return Switch()


def test_a_full_disk_refuses_the_change_and_keeps_the_file(tmp_path, run_main, no_room):
    path = make_database(tmp_path / "wb.db")
    no_room()
    before = sha256(path)
    for args in (
        ["add", "放不下的任務", "--notes", BIG],
        ["instr", "add", BIG, "--leader", "校長"],
        ["instr", "close", "1", "--feedback", BIG],
        ["feedback", "add", "1", BIG],
    ):
        code, out, err = run_main("--db", str(path), *args)
        assert code == 1, out
        assert "full" in err and str(path) in err and "Traceback" not in err
        assert sha256(path) == before, args
    code, out, err = run_main("--db", str(path), "list", "--all")
    assert code == 0, err


def test_after_a_full_disk_nothing_is_half_done(tmp_path, run_main, no_room):
    path = make_database(tmp_path / "wb.db")
    no_room()
    code, _, err = run_main("--db", str(path), "instr", "close", "1", "--feedback", BIG)
    assert code == 1, err
    no_room.undo()
    wb = Workbench.open(path)
    try:
        view = wb.instruction_view(1)
        assert view.instruction.status.value == "in_progress"
        assert [f.content for f in wb.feedback_of(1)] == ["已完成七成"]
        # With room again, the same change goes through whole.
        wb.close_instruction(1, feedback=BIG)
        assert wb.instruction_view(1).instruction.status.value == "done"
    finally:
        wb.close()
    assert integrity(path) == "ok"


@pytest.fixture
def tiny_disk(tmp_path):
    """A real 2 MB file system, if we may mount one (root, and mount works here)."""
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a small file system needs root")
    mount = tmp_path / f"tiny-{uuid.uuid4().hex[:6]}"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=2m,mode=0700", "tmpfs", str(mount)],
        capture_output=True,
    )
    if done.returncode != 0:
        pytest.skip("cannot mount a tmpfs here: " + done.stderr.decode(errors="replace"))
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], capture_output=True)


def _fill(folder: Path, leave: int) -> Path:
    """Fill the file system, leaving about `leave` bytes free."""
    filler = folder / "filler"
    free = shutil.disk_usage(folder).free
    with filler.open("wb") as handle:
        try:
            handle.write(b"\0" * max(0, free - leave))
            handle.flush()
            os.fsync(handle.fileno())
        except OSError:
            pass
    return filler


def test_a_really_full_disk(tiny_disk, tmp_path):
    path = tiny_disk / "wb.db"
    result = cli("--db", str(path), "add", "第一項")
    assert result.returncode == 0, result.stderr
    filler = _fill(tiny_disk, leave=64 * 1024)
    before = sha256(path)
    result = cli("--db", str(path), "add", "放不下的任務", "--notes", ARGUMENT)
    assert_clean_failure(result, str(path))
    assert "full" in result.stderr
    assert sha256(path) == before
    listed = cli("--db", str(path), "list", "--json")
    assert listed.returncode == 0, listed.stderr
    assert "放不下" not in listed.stdout
    # A backup to the full disk fails the same way and leaves nothing behind.
    result = cli("--db", str(path), "backup", str(tiny_disk / "copy.db"))
    assert_clean_failure(result)
    assert not (tiny_disk / "copy.db").exists()
    assert not [p for p in tiny_disk.iterdir() if p.name.endswith(".tmp")]
    filler.unlink()
    result = cli("--db", str(path), "add", "有空間了", "--notes", ARGUMENT)
    assert result.returncode == 0, result.stderr
    assert integrity(path) == "ok"
