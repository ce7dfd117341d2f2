"""Hostile text through the service and the command line.

Text is stored as typed where it is valid; escape sequences and control characters are
removed (never stored, never printed); what cannot be accepted is refused with a message
and changes nothing; nothing crashes and no traceback reaches the user.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import subprocess

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import NOW
from tests.reliability.helpers import assert_clean_failure, cli, sha256
from tests.reliability.hostile import HOSTILE, PRINTABLE, controls
from workbench.domain.dates import DateParseError
from workbench.domain.quickadd import QuickAddError
from workbench.domain.text import MAX_TEXT, MAX_TITLE, clean_text
from workbench.service.errors import WorkbenchError
from workbench.service.workbench import Workbench
from workbench.store.db import StoreError

REFUSALS = (WorkbenchError, QuickAddError, DateParseError, StoreError)
TEXT_TABLES = ("task", "instruction", "feedback", "extension", "chase", "event", "setting")


def no_control_characters_stored(path) -> None:
    """The invariant: no control character anywhere in the database (line breaks and
    tabs only in multi-line fields), including inside the JSON of history events."""
    conn = sqlite3.connect(path)
    try:
        for table in TEXT_TABLES:
            for row in conn.execute(f"SELECT * FROM {table}"):
                for value in row:
                    if not isinstance(value, str):
                        continue
                    texts = [value]
                    if value[:1] in "[{":
                        with contextlib.suppress(ValueError):
                            texts = _strings(json.loads(value))
                    for text in texts:
                        assert not controls(text, allow="\n\t"), (table, text[:80])
    finally:
        conn.close()


def _strings(data) -> list[str]:
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        return [s for v in data.values() for s in _strings(v)]
    if isinstance(data, list):
        return [s for v in data for s in _strings(v)]
    return []


@pytest.fixture
def wb(db_path):
    bench = Workbench.open(db_path, clock=lambda: NOW)
    yield bench
    bench.close()


def _state(wb: Workbench) -> tuple[int, str]:
    return wb.store.count_events(), sha256(wb.store.path)


def _refused_or_stored(action, wb: Workbench):
    events = wb.store.count_events()
    try:
        return action()
    except REFUSALS as err:
        message = str(err)
    assert message, "a refusal says why"
    assert wb.store.count_events() == events, "a refused input changed something"
    return None


# ----------------------------------------------------------------- the service


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_text_in_every_field(wb, name):
    text = HOSTILE[name]
    task = _refused_or_stored(lambda: wb.add_task(text, notes=text), wb)
    if task is not None:
        assert task.task.title == wb.preview(text).title
    if name in PRINTABLE and name not in ("single_space", "long_line", "newlines"):
        assert task is not None and task.task.notes == text, "printable text is kept as typed"
    instr = _refused_or_stored(
        lambda: wb.add_instruction(text, leader=text, source=text, owner=text, co_handlers=text),
        wb,
    )
    if instr is not None:
        iid = instr.instruction.id
        assert instr.instruction.content == clean_text(text, multiline=True)
        assert instr.instruction.leader == clean_text(text)
    else:
        iid = wb.add_instruction("正常的批示", leader="校長").instruction.id
    _refused_or_stored(lambda: wb.add_feedback(iid, text, next_step=text), wb)
    _refused_or_stored(lambda: wb.chase(iid, note=text, whom=text), wb)
    _refused_or_stored(lambda: wb.extend(iid, "2099-01-01", text), wb)
    _refused_or_stored(lambda: wb.close_instruction(iid, note=text, feedback=text), wb)
    _refused_or_stored(lambda: wb.reopen_instruction(iid, reason=text), wb)
    _refused_or_stored(lambda: wb.cancel(iid, reason=text), wb)
    if task is not None:
        tid = task.task.id
        _refused_or_stored(lambda: wb.edit_task(tid, title=text, notes=text, tags=[text]), wb)
    no_control_characters_stored(wb.store.path)


def test_text_is_kept_exactly_as_typed_where_valid(wb):
    kept = ("markup", "closing_tag", "backslashes", "rtl_override", "combining", "emoji_zwj",
            "zero_width", "sql_quote", "fts_syntax", "percent_braces")  # fmt: skip
    for name in kept:
        text = HOSTILE[name]
        view = wb.add_instruction(text, leader="校長")
        assert wb.instruction_view(view.instruction.id).instruction.content == text, name
        fb = wb.add_feedback(view.instruction.id, text, next_step=text)
        assert (fb.content, fb.next_step) == (text, text), name


def test_escapes_are_removed_and_the_rest_kept(wb):
    view = wb.add_instruction(HOSTILE["csi_colour"], leader=HOSTILE["osc52_clipboard"])
    assert view.instruction.content == "紅字正常"
    assert view.instruction.leader == "剪貼簿"
    view = wb.add_instruction(HOSTILE["c0_controls"], leader="校長")
    assert view.instruction.content == "abcdefgi"  # ESC h is itself an escape sequence


@pytest.mark.parametrize("name", ["single_space", "only_controls"])
def test_blank_after_cleaning_is_refused(wb, name):
    for action in (
        lambda: wb.add_task(HOSTILE[name]),
        lambda: wb.add_instruction(HOSTILE[name], leader="校長"),
        lambda: wb.add_instruction("內容", leader=HOSTILE[name]),
    ):
        with pytest.raises(REFUSALS):
            action()
    assert wb.store.count_events() == 0


def test_length_limits(wb):
    assert wb.add_task("短", notes="長" * MAX_TEXT).task.notes == "長" * MAX_TEXT
    events = wb.store.count_events()
    for action in (
        lambda: wb.add_task("長" * (MAX_TITLE + 1)),
        lambda: wb.add_task("短", notes="長" * (MAX_TEXT + 1)),
        lambda: wb.add_instruction("長" * (MAX_TEXT + 1), leader="校長"),
    ):
        with pytest.raises(REFUSALS) as err:
            action()
        assert "long" in str(err.value)
    assert wb.store.count_events() == events


@pytest.mark.parametrize(
    "when",
    ["10000-01-01", "0000-01-01", "2026-02-30", "2026-13-01", "+99999999d", "in 99999999 years",
     "9999-12-31 + 1 day", "99999999999999999999天後", "下下下下下下下下週五", "25:61", "-1d",
     "1e309", "NaN", "\x00明天", "明天\x1b[31m"],
)  # fmt: skip
def test_dates_out_of_range_are_refused_or_sane(wb, when):
    events = wb.store.count_events()
    view = _refused_or_stored(
        lambda: wb.add_instruction("期限測試", leader="校長", deadline=when), wb
    )
    if view is None:
        assert wb.store.count_events() == events
        return
    deadline = view.instruction.deadline
    assert deadline is None or 1 <= deadline.year <= 9999


@pytest.mark.parametrize("number", [0, -1, 2**63, -(2**63) - 1, 10**30])
def test_numbers_out_of_range_are_refused(wb, number):
    wb.add_task("存在的")
    events = wb.store.count_events()
    for action in (
        lambda: wb.complete_task(number),
        lambda: wb.edit_task(number, title="x"),
        lambda: wb.instruction_view(number),
        lambda: wb.chase(number),
        lambda: wb.add_feedback(number, "x"),
        lambda: wb.add_task("x", instruction_id=number),
        lambda: wb.add_instruction("x", leader="y", feedback_interval=number),
        lambda: wb.undo(number),
    ):
        with pytest.raises(REFUSALS) as err:
            action()
        assert str(err.value)
    assert wb.store.count_events() == events


def test_searching_for_hostile_text_finds_it_and_breaks_nothing(wb):
    from workbench.store.store import FeedbackFilter, InstructionFilter, TaskFilter

    for name, text in PRINTABLE.items():
        if name in ("single_space", "long_line"):
            continue
        wb.add_task(f"標題{name} " + text.replace("#", "").replace("!", ""))
    for text in [*HOSTILE.values(), '"', "'", "*", "NEAR(", "-", "^", ":", "%", "_"]:
        query = text[:200]
        assert wb.count_tasks(TaskFilter(query=query)) >= 0
        assert wb.count_instructions(InstructionFilter(query=query)) >= 0
        assert wb.count_feedback(FeedbackFilter(query=query)) >= 0
    assert wb.count_tasks(TaskFilter(query="DROP TABLE")) == 1
    assert wb.count_tasks(TaskFilter(query="[/link]")) == 1


# ----------------------------------------------------------------- hypothesis

hostile_chars = st.characters(
    codec="utf-8",
    categories=("Cc", "Cf", "Mn", "Me", "Zs", "Zl", "Zp", "Lo", "Ll", "Lu", "Nd", "Po", "Ps",
                "Pe", "Sm", "So", "Sk"),
)  # fmt: skip
hostile_text = st.one_of(
    st.text(hostile_chars, max_size=60),
    st.lists(st.sampled_from(list(HOSTILE.values())[:-1]), max_size=4).map(" ".join),
    st.text(max_size=60),
)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow,
          HealthCheck.function_scoped_fixture])  # fmt: skip
@given(title=hostile_text, notes=hostile_text, other=hostile_text)
def test_service_add_and_edit_any_text(wb, title, notes, other):
    added = _refused_or_stored(lambda: wb.add_task(title, notes=notes), wb)
    if added is None:
        return
    task = added.task
    assert not controls(task.title) and not controls(task.notes, allow="\n\t")
    assert task.notes == clean_text(notes, multiline=True)
    edited = _refused_or_stored(lambda: wb.edit_task(task.id, title=other, notes=other), wb)
    if edited is not None:
        assert edited.task.title == clean_text(other)
        if (edited.task.title, edited.task.notes) != (task.title, task.notes):
            assert wb.history("task", task.id)[-1].action == "task.edit"
    view = _refused_or_stored(lambda: wb.add_instruction(other, leader=title), wb)
    if view is not None:
        _refused_or_stored(lambda: wb.close_instruction(view.instruction.id, feedback=notes), wb)
    assert wb.undo() is not None


@settings(max_examples=40, deadline=None)
@given(st.text(hostile_chars, min_size=1, max_size=40))
def test_quick_add_titles_never_carry_controls(text):
    from workbench.domain.quickadd import parse_quick_add

    try:
        quick = parse_quick_add(text, NOW)
    except QuickAddError as err:
        quick, message = None, str(err)
    if quick is None:
        assert message
        return
    assert not controls(quick.title)
    assert all(not controls(tag) for tag in quick.tags)


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(hostile_chars, max_size=30), st.integers().map(str),
                 st.integers().map(lambda n: f"{n}天後"), st.integers().map(lambda n: f"+{n}d"),
                 st.integers(-5, 20000).map(lambda y: f"{y}-01-01")))  # fmt: skip
def test_date_parser_answers_or_explains(text):
    from workbench.domain.dates import parse_phrase

    message = None
    try:
        parse_phrase(text, NOW)
    except DateParseError as err:
        message = str(err)
    assert message is None or (message and not controls(message))


# ----------------------------------------------------------------- the command line


def _printed_cleanly(result) -> None:
    out = result.stdout + result.stderr
    assert "Traceback" not in out
    assert not controls(out, allow="\n\t"), repr(out[:200])


ARGV_SAFE = {k: v for k, v in HOSTILE.items() if "\x00" not in v and k != "long_line"}
"""What a command line can carry (no NUL; one argument is at most 128 KiB)."""


THROUGH_A_PROCESS = ("markup", "osc52_clipboard", "csi_colour", "rtl_override", "bell")
"""A few go through a real process (argv, encodings, exit status); the rest in-process."""


def test_hostile_text_through_the_command_line(db_path, run_main):
    db = ["--db", str(db_path)]

    def run(*args: str, process: bool = False):
        if process:
            result = cli(*db, *args)
            return result.returncode, result.stdout, result.stderr
        return run_main(*db, *args)

    def check(code: int, out: str, err: str) -> None:
        assert "Traceback" not in out + err
        assert not controls(out + err, allow="\n\t"), repr((out + err)[:200])
        if code:
            assert code in (1, 2) and err.strip()

    for name, text in ARGV_SAFE.items():
        process = name in THROUGH_A_PROCESS
        check(*run("add", text, "--notes", text, process=process))
        check(*run("instr", "add", text, "--leader", text, "--source", text, process=process))
    _, out, _ = run_main(*db, "instr", "add", "正常", "--leader", "校長", "--json")
    iid = json.loads(out)["id"]
    for name, text in ARGV_SAFE.items():
        process = name in THROUGH_A_PROCESS
        check(*run("feedback", "add", str(iid), text, "--next", text))
        check(*run("instr", "chase", str(iid), "--note", text, "--whom", text))
        check(*run("list", "--search", text, process=process))
        check(*run("instr", "list", "--search", text, "--leader", text))
        check(*run("date", text))
    for args in (["list", "--all"], ["list", "--all", "--json"], ["instr", "list", "--all"],
                 ["instr", "show", str(iid)], ["brief"], ["summary", "--month"],
                 ["summary", "--month", "--format", "text"], ["summary", "--format", "json"],
                 ["export"], ["export", "--format", "ics"]):  # fmt: skip
        result = cli(*db, *args)
        assert result.returncode == 0, result.stderr
        _printed_cleanly(result)
    no_control_characters_stored(db_path)
    _, out, _ = run_main(*db, "list", "--all", "--json")
    assert HOSTILE["markup"] in {t["title"] for t in json.loads(out)}


def test_nul_and_huge_arguments_in_process(db_path, run_main):
    """NUL cannot travel in argv and 100,000 Chinese characters exceed one argument's
    limit, but `main()` can be handed them: refused or cleaned, never a traceback."""
    for args in (
        ["add", HOSTILE["nul"]],
        ["add", "短", "--notes", HOSTILE["long_line"]],
        ["add", HOSTILE["long_line"]],
        ["instr", "add", HOSTILE["long_line"] + "長", "--leader", "校長"],
        ["instr", "add", "x", "--leader", HOSTILE["nul"]],
        ["list", "--search", HOSTILE["nul"]],
    ):
        code, out, err = run_main("--db", str(db_path), *args)
        assert "Traceback" not in err and not controls(out + err, allow="\n")
        assert code in (0, 1), (args, err)
        if code:
            assert err.strip()
    no_control_characters_stored(db_path)


@pytest.mark.parametrize(
    "args",
    [["done", "99999999999999999999999"], ["done", "-1"], ["done", "0"],
     ["list", "--limit", "99999999999999999999"], ["list", "--limit", "0"],
     ["instr", "add", "x", "--leader", "y", "--interval", "100000"],
     ["instr", "add", "x", "--leader", "y", "--deadline", "10000-01-01"],
     ["instr", "extend", "99999999999999999999", "--to", "明天", "--reason", "x"],
     ["feedback", "add", "-5", "x"], ["date", "99999999999天後"],
     ["date", "明天", "--now", "not-a-time"], ["summary", "--from", "2026-13-01"],
     ["--lang", "klingon", "list"], ["instr", "show", "18446744073709551616"]],
)  # fmt: skip
def test_numbers_and_dates_out_of_range_on_the_command_line(db_path, args, run_main):
    assert run_main("--db", str(db_path), "add", "已有的")[0] == 0
    before = sha256(db_path)
    code, out, err = run_main("--db", str(db_path), *args)
    assert code in (1, 2) and err.strip(), (code, out)
    assert "Traceback" not in err and not controls(out + err, allow="\n")
    assert sha256(db_path) == before


def test_a_huge_number_through_a_real_process(db_path):
    assert cli("--db", str(db_path), "add", "已有的").returncode == 0
    before = sha256(db_path)
    result = cli("--db", str(db_path), "done", "99999999999999999999999")
    assert_clean_failure(result, str(db_path))
    assert sha256(db_path) == before


@pytest.mark.parametrize(
    "content",
    [b"lang = \"zh-Hant\"\nlang = \"en\"\n", b"[urgency\n", b"\xff\xfe\x00garbage",
     b"backup_keep = -1\n", b"backup_keep = \"seven\"\n", b"yellow_days = 1e9\n",
     b"workdays = [\"2026-02-30\"]\n", b"region = 42\n", b"nonsense = true\n",
     b"[urgency]\nurgent = \"high\"\n", b"lang = \"\x1b]52;c;eA==\x07\"\n", b"\x00" * 10],
)  # fmt: skip
def test_malformed_config_files(db_path, tmp_path, content, run_main, monkeypatch):
    config = tmp_path / "config.toml"
    config.write_bytes(content)
    monkeypatch.setenv("WORKBENCH_CONFIG", str(config))
    for args in (["--db", str(db_path), "list"], ["--db", str(db_path), "add", "x"], []):
        code, out, err = run_main(*args)
        assert code == 1 and str(config) in err, (code, out, err)
        assert "Traceback" not in err and not controls(out + err, allow="\n")
    assert not db_path.exists()


def test_a_malformed_config_file_through_a_real_process(db_path, tmp_path):
    config = tmp_path / "config.toml"
    config.write_bytes(b"[urgency\n\x1b]52;c;eA==\x07")
    env = {**os.environ, "WORKBENCH_CONFIG": str(config)}
    for args in (["--db", str(db_path), "list"], []):
        result = cli(*args, env=env, stdin=subprocess.DEVNULL)
        assert_clean_failure(result, str(config))
        _printed_cleanly(result)


def test_a_config_file_that_is_a_folder(db_path, tmp_path):
    folder = tmp_path / "config.toml"
    folder.mkdir()
    result = cli("--db", str(db_path), "list", env={**os.environ, "WORKBENCH_CONFIG": str(folder)})
    assert_clean_failure(result, str(folder))


@pytest.mark.parametrize(
    "args",
    [["list", "--all"], ["list", "--json"], ["instr", "list", "--all"], ["brief"],
     ["export"], ["export", "--format", "ics"],
     ["instr", "show", "1"], ["summary", "--month"]],
)  # fmt: skip
def test_control_characters_already_stored_are_not_printed(db_path, run_main, args):
    """Rows written by something other than this program (an old version, a hand edit)."""
    wb = Workbench.open(db_path, clock=lambda: NOW)
    wb.add_task("暫時", notes="暫時")
    wb.add_feedback(wb.add_instruction("暫時", leader="校長").instruction.id, "暫時")
    wb.close()
    raw = HOSTILE["osc52_clipboard"] + HOSTILE["csi_colour"] + HOSTILE["bell"] + "\x00尾"
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE task SET title = ?, notes = ?", (raw, raw))
    conn.execute("UPDATE instruction SET content = ?, leader = ?", (raw, raw))
    conn.execute("UPDATE feedback SET content = ?", (raw,))
    conn.commit()
    conn.close()
    code, out, err = run_main("--db", str(db_path), *args)
    assert code == 0, err
    line_ends = "\r\n" if "ics" in args else "\n"  # RFC 5545 lines end in CRLF
    assert not controls(out + err, allow=line_ends + "\t"), repr(out[:300])


def test_a_bug_is_reported_without_a_traceback(db_path, run_main, monkeypatch):
    """The command line's last resort: a message, the change rolled back, and the
    traceback in a private file for whoever fixes the bug."""
    import stat
    from pathlib import Path

    from workbench.service import workbench as service

    def broken(self, *args, **kwargs):
        with self.store.transaction():
            self.store.set_setting("half", "done")
            raise ZeroDivisionError("a bug")

    run_main("--db", str(db_path), "add", "已有")
    monkeypatch.setattr(service.Workbench, "add_task", broken)
    code, _, err = run_main("--db", str(db_path), "add", "x")
    assert code == 1 and "Traceback" not in err and "ZeroDivisionError" in err
    report = Path(err.split("written to ")[1].split(";")[0])
    assert "a bug" in report.read_text(encoding="utf-8")
    assert stat.S_IMODE(report.stat().st_mode) == 0o600
    wb = Workbench.open(db_path)
    assert wb.store.get_setting("half") is None
    wb.close()
