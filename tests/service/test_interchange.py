"""Import and export use cases: lossless JSON, merging by uuid, Taskwarrior both ways, the
calendar file, all-or-nothing refusals, undo, and the files written."""

from __future__ import annotations

import io
import json
import os
import shutil
import sqlite3
import stat
import subprocess
import time
import uuid
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from tests.conftest import NOW
from workbench.service import interchange as I
from workbench.service.errors import UndoConflict
from workbench.service.report_files import ReportFileExists
from workbench.service.workbench import Workbench
from workbench.store import rows as R
from workbench.store.store import TaskFilter

DATA = Path(__file__).parents[1] / "data" / "interchange"
TW_FILE = DATA / "task-export-2.6.json"


@pytest.fixture(autouse=True)
def taipei(monkeypatch):
    """A named zone with no daylight saving, so Taskwarrior's UTC times are predictable."""
    monkeypatch.setenv("TZ", "Asia/Taipei")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


class Clock:
    def __init__(self, moment: datetime = NOW) -> None:
        self.moment = moment

    def __call__(self) -> datetime:
        return self.moment


@pytest.fixture
def clock():
    return Clock()


def _open(path: Path, clock) -> Workbench:
    return Workbench.open(path, clock=clock)


@pytest.fixture
def wb(tmp_path, clock):
    workbench = _open(tmp_path / "source.db", clock)
    yield workbench
    workbench.close()


@pytest.fixture
def empty(tmp_path, clock):
    workbench = _open(tmp_path / "copy.db", clock)
    yield workbench
    workbench.close()


def fill(wb: Workbench) -> dict[str, int]:
    """A bit of everything: every link, every kind of history, text to clean."""
    ids = {}
    ids["meeting"] = wb.add_task("準備校務會材料 明天下午3點 !重 #辦會").task.id
    weekly = wb.add_task("週報 每週一").task.id
    instr = wb.add_instruction(
        "把年度總結改好，\n第二段要寫清楚", leader="王主任", deadline="下週五", owner="辦公室",
        source="校務會議", feedback_interval=7,
    ).instruction.id  # fmt: skip
    ids["instruction"] = instr
    wb.chase(instr, note="請抓緊")
    wb.extend(instr, "12月20日", "材料未齊")
    fb = wb.add_feedback(instr, "初稿已完成", next_step="週三再議")
    wb.correct_feedback(fb.id, "初稿已完成，待審")
    wb.add_feedback(None, "口頭匯報了招生情況", leader="李校長")
    ids["linked"] = wb.add_task("整理總結附件", instruction_id=instr).task.id
    wb.complete_task(weekly)
    ids["secret"] = wb.add_instruction(
        "機密人事安排", leader="李書記", deadline="明天", confidential=True
    ).instruction.id
    ids["secret_task"] = wb.add_task("機密名單 明天").task.id
    wb.edit_task(ids["secret_task"], confidential=True)
    closed = wb.add_instruction("撤銷的事項", leader="王主任").instruction.id
    wb.cancel(closed, reason="不再需要")
    wb.delete_task(ids["meeting"])
    wb.undo()
    archived = wb.add_task("刪掉的待辦").task.id
    wb.delete_task(archived)
    wb.add_task("加錯了")
    wb.undo()
    ids["timed"] = wb.add_task("交材料 12月3日上午10點").task.id
    return ids


def dump(path: Path) -> dict[str, list[tuple]]:
    """Every table the import writes, every column, in id order."""
    conn = sqlite3.connect(path)
    try:
        out = {}
        for table in ("task", "instruction", "feedback", "extension", "chase", "event"):
            out[table] = [tuple(r) for r in conn.execute(f"SELECT * FROM {table} ORDER BY id")]
        for table in ("task", "instruction", "feedback"):
            for kind in ("tri", "uni"):
                out[f"{table}_{kind}"] = list(
                    conn.execute(f"SELECT rowid, body FROM {table}_{kind} ORDER BY rowid")
                )
        return out
    finally:
        conn.close()


def rows_of(path: Path, table: str, columns: tuple[str, ...]) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        cols = ", ".join(columns)
        return [tuple(r) for r in conn.execute(f"SELECT {cols} FROM {table} ORDER BY id")]
    finally:
        conn.close()


# --------------------------------------------------------------------------- lossless JSON


def test_json_export_then_import_into_an_empty_database_is_lossless(wb, empty, tmp_path):
    """Compared table by table, ids included (an empty database keeps them):
    - task, instruction, feedback, extension, chase: every base column (`R.BASE_COLUMNS`),
      and the sort keys derived from them (`due_sort`, `deadline_sort`);
    - open tasks: their urgency and quadrant too (both databases scored at the same clock);
    - the search indexes of tasks, instructions and feedback: every body, by rowid;
    - event: every column of every event; the copy has one more, its own `import` event.
    Only the scores of closed tasks are left out: they are stale in the original by design
    (a closed task is never rescored) and fresh in the copy."""
    fill(wb)
    path = tmp_path / "all.json"
    exported = I.export_json(wb, path, include_confidential=True)
    assert exported.counts["task"] == 7 and exported.left_out == 0
    result = I.import_json(empty, path)
    assert result.kept_ids and not result.warnings
    assert result.created == {"instruction": 3, "feedback": 3, "task": 7}

    for table in ("task", "instruction", "feedback", "extension", "chase"):
        cols = R.BASE_COLUMNS[table]
        assert rows_of(wb.store.path, table, cols) == rows_of(empty.store.path, table, cols)
    sort_keys = ("id", "due_sort", "urgency", "quadrant")
    original = {r[0]: r for r in rows_of(wb.store.path, "task", (*sort_keys, "status"))}
    copied = {r[0]: r for r in rows_of(empty.store.path, "task", (*sort_keys, "status"))}
    for task_id, row in original.items():
        compared = row if row[-1] == "open" else row[:2]
        assert copied[task_id][: len(compared)] == compared
    keys = ("id", "deadline_sort")
    assert rows_of(wb.store.path, "instruction", keys) == rows_of(
        empty.store.path, "instruction", keys
    )

    a, b = dump(wb.store.path), dump(empty.store.path)
    for index in ("task_tri", "task_uni", "instruction_tri", "instruction_uni", "feedback_tri"):
        assert a[index] == b[index], index
    assert b["event"][:-1] == a["event"]
    assert b["event"][-1][2] == "import"


def test_the_copy_works_like_the_original(wb, empty, tmp_path):
    ids = fill(wb)
    path = tmp_path / "all.json"
    I.export_json(wb, path, include_confidential=True)
    I.import_json(empty, path)
    view = empty.instruction_view(ids["instruction"])
    assert view.chase_count == 1 and view.instruction.original_deadline == date(2026, 12, 4)
    assert [f.content for f in empty.feedback_of(ids["instruction"])] == ["初稿已完成，待審"]
    assert empty.list_tasks(TaskFilter(query="附件"))[0].task.instruction_id == ids["instruction"]
    history = [e.action for e in empty.history("instruction", ids["instruction"])]
    assert history == [e.action for e in wb.history("instruction", ids["instruction"])]


def test_confidential_records_stay_out_unless_asked(wb, tmp_path):
    ids = fill(wb)
    path = tmp_path / "plain.json"
    result = I.export_json(wb, path)
    text = path.read_text(encoding="utf-8")
    assert "機密人事安排" not in text and "機密名單" not in text
    assert result.left_out == 2
    assert result.counts["instruction"] == 2 and result.counts["task"] == 6
    with_all = I.export_json(wb, tmp_path / "all.json", include_confidential=True)
    assert "機密人事安排" in (tmp_path / "all.json").read_text(encoding="utf-8")
    assert with_all.left_out == 0
    assert ids["secret"]


# --------------------------------------------------------------------------- merging


def test_importing_the_same_file_again_changes_nothing(wb, tmp_path):
    fill(wb)
    path = tmp_path / "all.json"
    I.export_json(wb, path, include_confidential=True)
    before = dump(wb.store.path)
    result = I.import_json(wb, path)
    assert not result.kept_ids
    assert result.changed == 0 and result.history == 0
    assert result.unchanged == {"instruction": 3, "feedback": 3, "task": 7}
    assert dump(wb.store.path) == before  # not even an event


def test_merge_into_a_database_with_data_renumbers_and_never_duplicates(wb, tmp_path, clock):
    ids = fill(wb)
    path = tmp_path / "all.json"
    I.export_json(wb, path, include_confidential=True)
    other = _open(tmp_path / "other.db", clock)
    try:
        mine = other.add_task("我自己的待辦").task.id
        other.add_instruction("本地批示", leader="張處長")
        result = I.import_json(other, path)
        assert result.created == {"instruction": 3, "feedback": 3, "task": 7}
        again = I.import_json(other, path)
        assert again.changed == 0
        assert other.count_tasks(TaskFilter(scope="all")) == 7  # 6 + mine; one is archived
        assert other.store.get_task(mine).title == "我自己的待辦"
        linked = other.list_tasks(TaskFilter(query="附件"))[0].task
        instruction = other.store.get_instruction(linked.instruction_id)
        assert instruction.uuid == wb.store.get_instruction(ids["instruction"]).uuid
        assert instruction.id != ids["instruction"]
        assert instruction.chase_count == 1 and len(instruction.extensions) == 1
        feedback = other.store.feedback_of(instruction.id, include_revised=True)
        assert [f.content for f in feedback] == ["初稿已完成", "初稿已完成，待審"]
        assert feedback[1].revision_of == feedback[0].id
        actions = [e.action for e in other.history("instruction", instruction.id)]
        assert actions[:3] == ["instruction.add", "instruction.chase", "instruction.extend"]
    finally:
        other.close()


def test_a_newer_record_replaces_an_older_one_and_not_the_other_way(wb, tmp_path, clock):
    ids = fill(wb)
    old_file = tmp_path / "old.json"
    I.export_json(wb, old_file, include_confidential=True)
    copy = _open(tmp_path / "copy.db", clock)
    try:
        I.import_json(copy, old_file)
        clock.moment += timedelta(hours=1)
        copy.edit_task(ids["timed"], title="交材料（改過）")
        new_file = tmp_path / "new.json"
        I.export_json(copy, new_file, include_confidential=True)
    finally:
        copy.close()
    result = I.import_json(wb, new_file)
    assert result.updated == {"task": 1}
    assert wb.store.get_task(ids["timed"]).title == "交材料（改過）"
    stale = I.import_json(wb, old_file)
    assert stale.changed == 0
    assert wb.store.get_task(ids["timed"]).title == "交材料（改過）"


# --------------------------------------------------------------------------- refusals


def _ours(tmp_path, wb, mutate) -> Path:
    path = tmp_path / "ours.json"
    I.export_json(wb, path, include_confidential=True)
    lines = path.read_text(encoding="utf-8").split("\n")
    path.write_text("\n".join(mutate(lines)), encoding="utf-8")
    return path


def _edit_task_line(field, value):
    def mutate(lines):
        start = lines.index('"tasks": [')
        record = json.loads(lines[start + 2].rstrip(","))
        if value is KeyError:
            del record[field]
        else:
            record[field] = value
        lines[start + 2] = json.dumps(record, ensure_ascii=False) + ","
        return lines

    return mutate


MALFORMED_OURS = {
    "broken JSON": (
        lambda lines: [*lines[:3], lines[3].replace('"leader": ', '"leader" '), *lines[4:]],
        ("not valid JSON", "line 4", "instructions, record 2"),
    ),
    "missing title": (_edit_task_line("title", KeyError), ("record 2", "title")),
    "bad date": (_edit_task_line("due", "2026-02-30"), ("record 2", "due", "2026-02-30")),
    "wrong type": (_edit_task_line("urgent", "yes"), ("record 2", "urgent")),
    "unknown status": (_edit_task_line("status", "someday"), ("record 2", "status", "someday")),
}


@pytest.mark.parametrize("case", sorted(MALFORMED_OURS))
def test_a_malformed_json_file_changes_nothing_and_says_where(case, wb, empty, tmp_path):
    fill(wb)
    mutate, words = MALFORMED_OURS[case]
    path = _ours(tmp_path, wb, mutate)
    for target in (empty, wb):  # a restore and a merge
        before = dump(target.store.path)
        with pytest.raises(I.ImportFailed) as caught:
            I.import_json(target, path)
        assert dump(target.store.path) == before
        message = str(caught.value)
        assert all(word in message for word in words), message
        assert "ours.json" in message and "Nothing was imported" in message


def test_a_duplicate_uuid_inside_the_file_is_refused(wb, empty, tmp_path):
    fill(wb)

    def twice(lines):
        start = lines.index('"tasks": [')
        first = json.loads(lines[start + 1].rstrip(","))
        copy = json.loads(lines[start + 3].rstrip(","))
        copy["uuid"] = first["uuid"]
        lines[start + 3] = json.dumps(copy, ensure_ascii=False) + ","
        return lines

    path = _ours(tmp_path, wb, twice)
    before = dump(empty.store.path)
    with pytest.raises(I.ImportFailed) as caught:
        I.import_json(empty, path)
    assert dump(empty.store.path) == before
    assert "record 3" in str(caught.value) and "record 1" in str(caught.value)


def _tw_file(tmp_path, records) -> Path:
    path = tmp_path / "tw.json"
    path.write_text("[\n" + ",\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n]")
    return path


def _good(n):
    return {
        "description": f"任務 {n}",
        "entry": "20261118T013012Z",
        "status": "pending",
        "uuid": str(uuid.UUID(int=n)),
    }


MALFORMED_TW = {
    "broken JSON": ('[{"description": "a", "status": "pending"},\n{"description": "b", ', "line 2"),
    "missing description": ([_good(1), {**_good(2), "description": None}], "description"),
    "bad date": ([_good(1), {**_good(2), "due": "20261131T100000Z"}], "due"),
    "wrong type": ([_good(1), {**_good(2), "tags": "urgent"}], "tags"),
    "unknown status": ([_good(1), {**_good(2), "status": "someday"}], "status"),
    "duplicate uuid": ([_good(1), {**_good(2), "uuid": _good(1)["uuid"]}], "uuid"),
}


@pytest.mark.parametrize("case", sorted(MALFORMED_TW))
def test_a_malformed_taskwarrior_file_changes_nothing_and_says_where(case, wb, tmp_path):
    fill(wb)
    content, field = MALFORMED_TW[case]
    if isinstance(content, str):
        path = tmp_path / "tw.json"
        path.write_text(content)
    else:
        if content[1]["description"] is None:
            del content[1]["description"]
        path = _tw_file(tmp_path, content)
    before = dump(wb.store.path)
    with pytest.raises(I.ImportFailed) as caught:
        I.import_taskwarrior(wb, path)
    assert dump(wb.store.path) == before
    message = str(caught.value)
    assert field in message, message
    if case == "broken JSON":
        assert "record 2" in message and "not valid JSON" in message
    else:
        assert "record 2" in message and content[1]["uuid"] in message


def test_not_utf8_and_not_json_are_refused(wb, tmp_path):
    path = tmp_path / "latin1.json"
    path.write_bytes('[{"description": "caf\xe9"}]'.encode("latin-1"))
    with pytest.raises(I.ImportFailed, match="UTF-8"):
        I.import_taskwarrior(wb, path)
    text = tmp_path / "notes.txt"
    text.write_text("just some notes")
    with pytest.raises(I.ImportFailed, match="--from"):
        I.import_file(wb, text)


# --------------------------------------------------------------------------- Taskwarrior


def test_a_real_task_export_file_imports(empty):
    result = I.import_file(empty, TW_FILE)
    assert result.fmt == "taskwarrior"
    assert result.created == {"task": 9}
    assert result.unmapped == {"depends": 1, "estimate": 1, "scheduled": 1, "until": 1, "wait": 1}
    tasks = {v.task.uuid[-2:]: v.task for v in empty.list_tasks(TaskFilter(scope="all"), 0, 50)}
    meeting = tasks["01"]
    assert meeting.title == "準備校務會議材料（第三季度）"
    assert meeting.due == datetime(2026, 12, 1, 15, 0)
    assert meeting.importance.value == "high" and meeting.urgent
    assert meeting.category.value == "meeting" and meeting.tags == ("校務",)
    assert (
        meeting.notes
        == "2026-11-19 10:03 先找王主任確認與會名單\n2026-11-24 16:15 會場改到三樓會議室"
    )
    assert tasks["02"].due == date(2026, 12, 1) and tasks["02"].category.value == "doc"
    series = tasks["03"]  # the template's uuid, the pending occurrence's due date
    assert series.recurrence == "FREQ=WEEKLY" and series.due == date(2026, 12, 4)
    assert series.tags == ("Safety.Reports", "safety")
    assert "04" not in tasks  # the occurrence stands for its series
    assert tasks["08"].status.value == "done" and tasks["08"].recurrence is None
    assert tasks["09"].status.value == "cancelled"
    assert tasks["0a"].status.value == "done" and tasks["0a"].completed == datetime(
        2026, 11, 22, 17, 30
    )
    monthly = tasks["07"]  # a series with no pending occurrence: the one after the three made
    assert monthly.recurrence == "FREQ=MONTHLY" and monthly.due == date(2027, 3, 1)
    assert tasks["06"].importance.value == "low" and tasks["06"].tags == ("Home.Garden",)


def test_the_next_task_export_updates_instead_of_duplicating(empty, tmp_path):
    I.import_file(empty, TW_FILE)
    records = json.loads(TW_FILE.read_text(encoding="utf-8"))
    for record in records:
        if record["uuid"].endswith("04"):  # the occurrence is done; the next one is pending
            record.update(status="completed", end="20261204T020000Z", modified="20261204T020000Z")
    records.append({
        **records[3], "uuid": "5f1c2a9e-8d1b-4c52-9a6e-2f7b1d3c4e0b", "imask": 2,
        "due": "20261211T155959Z", "entry": "20261204T020001Z", "modified": "20261204T020001Z",
        "status": "pending",
    })  # fmt: skip
    again = I.import_taskwarrior(empty, _tw_file(tmp_path, records))
    assert again.created == {"task": 1}  # the finished occurrence, as a done task
    assert again.updated == {"task": 1}  # the series moves on to its next date
    series = next(v.task for v in empty.list_tasks() if v.task.uuid.endswith("03"))
    assert series.due == date(2026, 12, 11)
    assert empty.count_tasks(TaskFilter(scope="all")) == 10


def test_one_object_per_line_is_read_too(empty, tmp_path):
    records = json.loads(TW_FILE.read_text(encoding="utf-8"))
    path = tmp_path / "lines.json"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n")
    assert I.import_taskwarrior(empty, path).created == {"task": 9}


def test_a_small_import_can_be_undone(wb, tmp_path):
    fill(wb)
    before = dump(wb.store.path)
    result = I.import_taskwarrior(wb, TW_FILE)
    assert result.undoable and result.event_id is not None
    event = wb.last_event()
    assert event.action == "import" and event.summary["created"] == {"task": 9}
    wb.undo()
    after = dump(wb.store.path)
    for table in ("task", "instruction", "feedback", "extension", "chase"):
        assert after[table] == before[table]


def test_undoing_a_merge_puts_the_older_versions_back(empty, tmp_path, clock):
    from workbench.domain.history import describe_event

    I.import_file(empty, TW_FILE)
    records = json.loads(TW_FILE.read_text(encoding="utf-8"))
    records[0].update(description="準備校務會議材料（改）", modified="20261126T030000Z")
    result = I.import_taskwarrior(empty, _tw_file(tmp_path, records))
    assert result.updated == {"task": 1} and result.undoable
    assert describe_event(empty.last_event()) == "Imported tw.json"
    empty.undo()
    meeting = next(v.task for v in empty.list_tasks() if v.task.uuid.endswith("01"))
    assert meeting.title == "準備校務會議材料（第三季度）"


def test_a_refusal_speaks_the_interface_language(empty, tmp_path, lang):
    lang("zh-Hant")
    path = _tw_file(tmp_path, [_good(1), {**_good(2), "due": "20261131T100000Z"}])
    with pytest.raises(I.ImportFailed) as caught:
        I.import_taskwarrior(empty, path)
    message = str(caught.value)
    assert "待辦第 2 筆" in message and "欄位「due」" in message and "未匯入任何資料" in message


def test_an_import_that_brings_history_cannot_be_undone(wb, empty, tmp_path):
    fill(wb)
    path = tmp_path / "all.json"
    I.export_json(wb, path, include_confidential=True)
    result = I.import_json(empty, path)
    assert not result.undoable
    assert empty.last_event().summary["undoable"] is False
    before = dump(empty.store.path)
    with pytest.raises(UndoConflict):
        empty.undo()
    assert dump(empty.store.path) == before


def _tw_env(tmp_path: Path) -> dict[str, str]:
    home = tmp_path / "taskwarrior"
    home.mkdir()
    (home / "taskrc").write_text("")
    return {**os.environ, "TASKRC": str(home / "taskrc"), "TASKDATA": str(home / "data")}


def _task(env, *args) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["task", "rc.confirmation=off", "rc.hooks=off", "rc.verbose=nothing", *args],
        env=env, capture_output=True, text=True, timeout=60, check=True,
    )  # fmt: skip


needs_task = pytest.mark.skipif(
    shutil.which("task") is None,
    reason="Taskwarrior (`task`) is not installed: `make test` installs it with apt-get when "
    "it can (apt-get install taskwarrior)",
)


@needs_task
def test_our_taskwarrior_export_round_trips_through_task(wb, tmp_path, clock):
    fill(wb)
    path = tmp_path / "for-task.json"
    result = I.export_taskwarrior(wb, path, include_confidential=True)
    assert "instruction (1)" in result.warnings[0]
    env = _tw_env(tmp_path)
    _task(env, "import", str(path))
    back = tmp_path / "from-task.json"
    back.write_text(_task(env, "export").stdout, encoding="utf-8")
    fresh = _open(tmp_path / "fresh.db", clock)
    try:
        I.import_taskwarrior(fresh, back)
        keys = ("uuid", "title", "status", "due", "importance", "tags")
        mine = {r[0]: r for r in rows_of(wb.store.path, "task", keys) if r[2] != "cancelled"}
        theirs = {r[0]: r for r in rows_of(fresh.store.path, "task", keys)}
        archived = {r[0] for r in rows_of(wb.store.path, "task", ("uuid", "deleted")) if r[1]}
        for task_uuid, row in mine.items():
            if task_uuid in archived:
                assert theirs[task_uuid][2] == "cancelled"
                continue
            assert theirs[task_uuid] == row
    finally:
        fresh.close()


@needs_task
def test_the_real_file_goes_through_task_and_back(empty, tmp_path, clock):
    I.import_file(empty, TW_FILE)
    path = tmp_path / "again.json"
    I.export_taskwarrior(empty, path)
    env = _tw_env(tmp_path)
    _task(env, "import", str(path))
    exported = json.loads(_task(env, "export").stdout)
    descriptions = {r["description"] for r in exported}
    assert "準備校務會議材料（第三季度）" in descriptions
    series = [r for r in exported if r["uuid"].endswith("03")]
    assert series[0]["status"] == "recurring" and series[0]["recur"] == "weekly"


# --------------------------------------------------------------------------- calendar


def _calendar(path: Path):
    from icalendar import Calendar

    return Calendar.from_ical(path.read_bytes())


def test_ics_has_one_event_per_open_dated_item(wb, tmp_path):
    ids = fill(wb)
    wb.add_task("沒有期限的待辦")
    path = tmp_path / "cal.ics"
    result = I.export_ics(wb, path)
    cal = _calendar(path)
    events = {str(e["uid"]): e for e in cal.walk("VEVENT")}
    open_tasks = [
        v.task for v in wb.list_tasks(TaskFilter(include_confidential=False), 0, 100) if v.task.due
    ]
    assert result.counts == {"task": len(open_tasks), "instruction": 1}
    assert len(events) == len(open_tasks) + 1
    for task in open_tasks:
        event = events[f"{task.uuid}@workbench"]
        start = event.decoded("dtstart")
        assert isinstance(start, datetime) == isinstance(task.due, datetime)
        if isinstance(start, datetime):
            assert str(start.tzinfo) == "Asia/Taipei"
            start = start.replace(tzinfo=None)
        assert start == task.due
        assert not event.walk("VALARM")
    instruction = wb.store.get_instruction(ids["instruction"])
    event = events[f"{instruction.uuid}@workbench"]
    assert event.decoded("dtstart") == date(2026, 12, 20)
    assert "DTSTART;VALUE=DATE:20261220" in path.read_text()
    alarm = event.walk("VALARM")[0]
    assert alarm.decoded("trigger") == -timedelta(days=1, hours=15)  # Sunday 20th → Fri 09:00
    timed = events[f"{wb.store.get_task(ids['timed']).uuid}@workbench"]
    assert "TZID=Asia/Taipei" in timed.to_ical().decode()
    assert cal.walk("VTIMEZONE")[0]["tzid"] == "Asia/Taipei"
    assert "機密" not in path.read_text(encoding="utf-8")


def test_ics_uids_are_stable_and_confidential_only_when_asked(wb, tmp_path, clock):
    fill(wb)
    first, second = tmp_path / "a.ics", tmp_path / "b.ics"
    I.export_ics(wb, first)
    clock.moment += timedelta(days=1)
    I.export_ics(wb, second)
    uids = [sorted(str(e["uid"]) for e in _calendar(p).walk("VEVENT")) for p in (first, second)]
    assert uids[0] == uids[1]
    secret = tmp_path / "secret.ics"
    result = I.export_ics(wb, secret, include_confidential=True)
    assert result.counts == {"task": 5, "instruction": 2}
    text = secret.read_text(encoding="utf-8")
    assert "機密人事安排" in text and "CLASS:CONFIDENTIAL" in text


def test_ics_floats_when_the_zone_has_no_name(wb, tmp_path, monkeypatch):
    fill(wb)
    monkeypatch.setenv("TZ", "CST-8")
    time.tzset()
    path = tmp_path / "floating.ics"
    I.export_ics(wb, path)
    text = path.read_text(encoding="utf-8")
    assert "VTIMEZONE" not in text and "TZID" not in text
    assert "DTSTART:20261203T100000" in text and "COMMENT:" in text


# --------------------------------------------------------------------------- files


def test_exports_are_private_atomic_and_never_replace_a_file_unasked(wb, tmp_path):
    fill(wb)
    for fmt in I.FORMATS:
        path = tmp_path / f"out.{fmt}"
        I.export_file(wb, path, fmt)
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        size = path.stat().st_size
        with pytest.raises(ReportFileExists):
            I.export_file(wb, path, fmt)
        assert path.stat().st_size == size
        I.export_file(wb, path, fmt, overwrite=True)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_export_to_a_stream_and_progress(wb):
    fill(wb)
    seen = []
    out = io.StringIO()
    result = I.export_json(wb, out, progress=lambda done, total: seen.append((done, total)))
    assert result.path is None
    data = json.loads(out.getvalue())
    assert data["format"] == "secretary-workbench" and data["version"] == 1
    assert [len(data[s]) for s in ("instructions", "feedback", "tasks")] == [2, 3, 6]
    assert seen and seen[-1][0] == seen[-1][1]
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_import_progress_counts_bytes(empty):
    seen = []
    I.import_file(empty, TW_FILE, progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (TW_FILE.stat().st_size, TW_FILE.stat().st_size)


# --------------------------------------------------------------------------- large files


def write_taskwarrior(path: Path, n: int) -> None:
    """`n` tasks in `task export`'s layout, written as they are generated."""
    tags = (["校務"], ["教務", "next"], [], ["safety"])
    with path.open("w", encoding="utf-8") as out:
        out.write("[\n")
        for i in range(n):
            record = {
                "id": i + 1,
                "description": f"第{i}項：準備會議材料 prepare the minutes",
                "due": f"202612{1 + i % 28:02d}T0{i % 10}0000Z",
                "entry": "20261118T013012Z",
                "modified": "20261125T092241Z",
                "priority": "HML"[i % 3],
                "project": ("辦會", "Work", "doc")[i % 3],
                "status": ("pending", "pending", "completed", "deleted")[i % 4],
                "uuid": str(uuid.UUID(int=i + 1)),
                "tags": tags[i % 4],
                "annotations": [{"entry": "20261119T020300Z", "description": "先確認名單"}],
                "urgency": 5.5,
            }
            if record["status"] != "pending":
                record["end"] = "20261122T093000Z"
            out.write(("," if i else "") + json.dumps(record, ensure_ascii=False) + "\n")
        out.write("]\n")


@pytest.mark.long
def test_importing_100000_taskwarrior_tasks_takes_seconds(empty, tmp_path):
    path = tmp_path / "big.json"
    write_taskwarrior(path, 100_000)
    started = time.perf_counter()
    result = I.import_taskwarrior(empty, path)
    elapsed = time.perf_counter() - started
    print(
        f"\n100,000 Taskwarrior tasks ({path.stat().st_size >> 20} MiB) imported in {elapsed:.1f} s"
    )
    assert result.created == {"task": 100_000}
    assert not result.undoable
    assert elapsed < 60
    assert empty.count_tasks(TaskFilter(scope="all")) == 100_000
    assert empty.list_tasks(TaskFilter(scope="all", query="第99999項"))
