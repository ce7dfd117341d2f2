"""Every acknowledged change survives the writer being killed at any moment.

Writer processes (tests/reliability/writer.py) print `ACK` after each committed change,
exactly when a user would be told "saved". We SIGKILL them at random moments — while
opening or creating the file, in the middle of a transaction, between the two rows of a
close-with-feedback — two at a time so one recovers the journal while the other writes.
Afterwards SQLite's integrity check passes and every acknowledged change is present; each
multi-row change is either all there or not there at all.

SIGKILL ends the process, not the machine: what a killed process wrote is still in the
operating system's cache. Surviving power loss relies on `synchronous=FULL` in WAL mode
(every commit is fsynced before it returns), which `test_every_connection_syncs_each_commit`
checks on every connection the program opens.
"""

from __future__ import annotations

import random
import sqlite3
import time

import pytest

from tests.reliability.helpers import Writer, integrity
from workbench.store.db import Database


def _kill_rounds(db, rounds: int, seed: int) -> tuple[list[list[str]], int]:
    rng = random.Random(seed)
    acks: list[list[str]] = []
    kills = 0
    writer_id = 0
    for _ in range(rounds):
        writers = []
        for _ in range(2):
            writer_id += 1
            writers.append(Writer.start(db, writer_id, closes=rng.choice((3, 5, 7))))
        for w in writers:
            if rng.random() < 0.15:
                # Now and then, kill it while it starts: opening, creating, recovering.
                time.sleep(rng.uniform(0.0, 0.4))
            else:
                assert w.ready.wait(30), "writer did not start"
                time.sleep(rng.uniform(0.0, 0.25))
            w.kill()
            kills += 1
            acks.extend(w.acks())
            # A writer that ended by itself failed: say how.
            if w.proc.returncode != -9:
                print(w.errors)  # shown whole with the failure (an assertion's text is cut)
            assert w.proc.returncode == -9, (w.proc.returncode, w.errors[-3000:])
    return acks, kills


def _check(db, acks: list[list[str]]) -> None:
    assert integrity(db) == "ok"
    conn = sqlite3.connect(db)
    titles = [r[0] for r in conn.execute("SELECT title FROM task")]
    assert len(titles) == len(set(titles)), "a change was applied twice"
    present = set(titles)
    lost = [a for a in acks if a[0] == "task" and a[1] not in present]
    assert not lost, f"acknowledged but lost: {lost[:5]}"
    status = dict(conn.execute("SELECT id, status FROM instruction"))
    completion = {
        r[0]: r[1]
        for r in conn.execute(
            "SELECT instruction_id, content FROM feedback WHERE kind = 'completion'"
        )
    }
    for ack in acks:
        if ack[0] == "instr":
            assert int(ack[1]) in status, ack
        elif ack[0] == "close":
            assert status[int(ack[1])] == "done", ack
            assert completion[int(ack[1])] == ack[2], ack
    # Close-with-feedback is one transaction: the feedback row and the closing together.
    for iid, state in status.items():
        assert (state == "done") == (iid in completion), iid
    # One change, one history event, in the same transaction.
    events = dict(conn.execute("SELECT action, count(*) FROM event GROUP BY action"))
    assert events.get("task.add", 0) == len(titles)
    assert events.get("instruction.close", 0) == len(completion)
    conn.close()


def _survives(db, rounds: int, seed: int) -> int:
    acks, kills = _kill_rounds(db, rounds, seed)
    assert any(a[0] == "close" for a in acks), "the test never closed an instruction"
    _check(db, acks)
    # And the file still takes changes afterwards.
    last = Writer.start(db, 999, count=5)
    assert last.finish() == ""
    assert len(last.acks()) == 5
    _check(db, acks + last.acks())
    return kills


def test_acknowledged_changes_survive_kills(tmp_path):
    kills = _survives(tmp_path / "kill.db", rounds=15, seed=1)
    assert kills == 30


@pytest.mark.long
def test_acknowledged_changes_survive_hundreds_of_kills(tmp_path):
    kills = _survives(tmp_path / "kill.db", rounds=160, seed=2)
    assert kills == 320


def test_every_connection_syncs_each_commit(tmp_path):
    db = Database(tmp_path / "sync.db")
    try:
        assert db.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert db.conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000
    finally:
        db.close()
    again = Database(tmp_path / "sync.db")
    try:
        assert again.conn.execute("PRAGMA synchronous").fetchone()[0] == 2
    finally:
        again.close()


def test_undo_of_a_multi_row_change_restores_every_row(tmp_path):
    """Closing a new instruction with feedback changes the instruction twice (to in
    progress, then done) and adds a feedback row; undo puts all of it back at once."""
    from workbench.service.workbench import Workbench

    wb = Workbench.open(tmp_path / "undo.db")
    try:
        iid = wb.add_instruction("檢查消防設施", leader="校長").instruction.id
        before = wb.store.row("instruction", iid)
        wb.close_instruction(iid, feedback="已全部檢查完畢")
        assert wb.instruction_view(iid).instruction.status.value == "done"
        wb.undo()
        assert wb.store.row("instruction", iid) == before
        assert wb.feedback_of(iid) == []
    finally:
        wb.close()
