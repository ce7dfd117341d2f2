"""Imports: all or nothing, even when the process is killed half-way; malformed files are
refused with a message naming the file, and the database is left as it was."""

from __future__ import annotations

import json
import random
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.reliability.helpers import ROOT, assert_clean_failure, cli, integrity, sha256
from tests.reliability.hostile import HOSTILE, controls


@pytest.fixture(scope="module")
def big_export(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("export")
    src = folder / "src.db"
    made = cli("--db", str(src), "demo", "--tasks", "1500", "--instructions", "100",
               "--feedback", "300")  # fmt: skip
    assert made.returncode == 0, made.stderr
    out = folder / "big.json"
    done = cli("--db", str(src), "export", "--include-confidential", "-o", str(out))
    assert done.returncode == 0, done.stderr
    return out


def _counts(db: Path) -> tuple[int, int, int]:
    conn = sqlite3.connect(db)
    try:
        return tuple(  # type: ignore[return-value]
            conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("task", "instruction", "feedback")
        )
    finally:
        conn.close()


def _import(db: Path, source: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "workbench", "--db", str(db), "import", str(source)],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip


def _quickest_import(db: Path, source: Path) -> float:
    """Seconds a whole import takes here, from start to exit, at its quickest of two (on a
    copy): the moments to kill at are drawn within it, so that they land while it works
    however fast or loaded the machine is."""
    times = []
    for n in range(2):
        scratch = db.with_name(f"timing{n}.db")
        shutil.copy(db, scratch)
        start = time.monotonic()
        proc = _import(scratch, source)
        _, errors = proc.communicate(timeout=120)
        assert proc.returncode == 0, errors
        times.append(time.monotonic() - start)
    return min(times)


def _kill_imports(db: Path, source: Path, kills: int, seed: int) -> tuple[int, int]:
    """Import `source` again and again, killing the process at a random moment. After
    each kill the database has either none of the file or all of it. Returns (kills,
    imports that finished first)."""
    assert cli("--db", str(db), "add", "匯入前就有的").returncode == 0
    pristine = db.with_name("pristine.db")
    shutil.copy(db, pristine)
    before = _counts(db)
    expected = json.loads(source.read_text(encoding="utf-8"))
    full = (
        before[0] + len(expected["tasks"]),
        before[1] + len(expected["instructions"]),
        before[2] + len(expected["feedback"]),
    )
    whole = _quickest_import(db, source)
    rng = random.Random(seed)
    killed = completed = 0
    # Bounded: an import quicker than every moment drawn must fail the test, not hang it.
    for _ in range(kills * 5):
        if killed == kills:
            break
        proc = _import(db, source)
        # From the start of its work (after Python has started) to a little past its end.
        time.sleep(rng.uniform(0.3, 1.05) * whole)
        proc.kill()
        code = proc.wait()
        proc.stderr.close()  # type: ignore[union-attr]
        assert integrity(db) == "ok"
        now = _counts(db)
        if code == 0:
            assert now == full
        else:
            killed += 1
            assert now in (before, full), f"half an import: {now}"
        if now == full:
            # Committed (perhaps killed while saying so): start again from before it.
            completed += 1
            for suffix in ("-wal", "-shm"):
                db.with_name(db.name + suffix).unlink(missing_ok=True)
            shutil.copy(pristine, db)
    assert killed == kills, f"{completed} imports finished before their kill ({whole:.2f} s)"
    result = cli("--db", str(db), "import", str(source))
    assert result.returncode == 0, result.stderr
    assert _counts(db) == full
    return killed, completed


def test_an_import_killed_half_way_leaves_nothing_of_it(tmp_path, big_export):
    assert _kill_imports(tmp_path / "wb.db", big_export, kills=5, seed=3)[0] == 5


@pytest.mark.long
def test_imports_killed_many_times(tmp_path, big_export):
    assert _kill_imports(tmp_path / "wb.db", big_export, kills=40, seed=4)[0] == 40


def _record(**fields) -> dict:
    task = {
        "id": 1, "uuid": "7d9f3f4e-1111-4a4a-8888-000000000001", "title": "正常",
        "notes": "", "importance": "normal", "urgent": False, "due": None,
        "category": "other", "tags": [], "status": "open", "recurrence": None,
        "recurrence_workdays": False, "confidential": False,
        "created": "2026-11-20T09:00:00", "updated": "2026-11-20T09:00:00",
        "completed": None, "deleted": None, "instruction": None,
    }  # fmt: skip
    task.update(fields)
    return task


def _file(tasks: list[dict]) -> str:
    return json.dumps(
        {"format": "secretary-workbench", "version": 1, "exported": "2026-11-20T09:00:00",
         "schema": 2, "confidential_included": True, "instructions": [], "feedback": [],
         "tasks": tasks, "events": []},
        ensure_ascii=False,
    )  # fmt: skip


MALFORMED = {
    "empty": b"",
    "text": "買菜：白菜、豆腐\n".encode(),
    "binary": bytes(range(256)) * 4,
    "truncated": None,  # half of a real export
    "array": b"[1, 2, 3]",
    "other_format": b'{"format": "something-else", "version": 1}',
    "newer_version": _file([]).replace('"version": 1', '"version": 99').encode(),
    "bad_enum": _file([_record(importance="critical")]).encode(),
    "bad_date": _file([_record(due="2026-13-45")]).encode(),
    "wrong_type": _file([_record(title=["not", "text"])]).encode(),
    "blank_title": _file([_record(title=" \x1b[0m ")]).encode(),
    "nul_bytes": b'{"format": "secretary-workbench"\x00\x00',
    "deep_nesting": b"[" * 100_000,  # see test_deeply_nested_json_is_refused
    "bad_utf8": b'{"format": "secretary-workbench", "x": "\xff\xfe"}',
    "taskwarrior_garbage": b'[{"description": 42, "status": "???", "entry": "yesterday"}]',
}


@pytest.mark.parametrize(
    "name",
    sorted(MALFORMED),
)
def test_a_malformed_import_file_is_refused_and_changes_nothing(tmp_path, big_export, name):
    db = tmp_path / "wb.db"
    assert cli("--db", str(db), "add", "已有的").returncode == 0
    data = MALFORMED[name]
    if data is None:
        whole = big_export.read_bytes()
        data = whole[: len(whole) // 2]
    source = tmp_path / f"{name}.json"
    source.write_bytes(data)
    before = sha256(db)
    result = cli("--db", str(db), "import", str(source))
    assert_clean_failure(result, source.name)
    assert not controls(result.stderr, allow="\n")
    assert sha256(db) == before


def test_ids_too_large_for_sqlite_are_refused(tmp_path):
    """Into an empty database an import keeps the file's ids: one beyond SQLite's range
    is refused with a message, not a crash."""
    source = tmp_path / "huge.json"
    source.write_text(_file([_record(id=10**30)]), encoding="utf-8")
    db = tmp_path / "wb.db"
    result = cli("--db", str(db), "import", str(source))
    assert_clean_failure(result)
    assert "too large" in result.stderr


@pytest.mark.parametrize("source", ["missing.json", "."])
def test_an_import_file_that_is_not_there(tmp_path, source):
    db = tmp_path / "wb.db"
    assert cli("--db", str(db), "add", "已有的").returncode == 0
    before = sha256(db)
    result = cli("--db", str(db), "import", str(tmp_path / source))
    assert_clean_failure(result)
    assert sha256(db) == before


def test_hostile_text_in_an_import_is_cleaned_like_typed_text(tmp_path):
    tasks = [
        _record(
            id=n + 1,
            uuid=f"7d9f3f4e-1111-4a4a-8888-{n:012d}",
            title=text,
            notes=text,
            tags=[text[:20]],
        )
        for n, text in enumerate(
            v for k, v in HOSTILE.items() if k not in ("single_space", "only_controls", "long_line")
        )
    ]
    source = tmp_path / "hostile.json"
    source.write_text(_file(tasks), encoding="utf-8")
    db = tmp_path / "wb.db"
    result = cli("--db", str(db), "import", str(source))
    assert result.returncode == 0, result.stderr
    conn = sqlite3.connect(db)
    rows = conn.execute("SELECT title, notes, tags FROM task").fetchall()
    conn.close()
    assert len(rows) == len(tasks)
    for title, notes, tags in rows:
        assert not controls(title) and not controls(notes, allow="\n\t")
        assert not controls(tags)
    assert HOSTILE["markup"] in {r[0] for r in rows}
