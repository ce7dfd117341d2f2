"""Security: private files, confidential items kept out of what is handed on, user text
never part of SQL, no network.

- Files: the database (and SQLite's -wal/-shm beside it), backups and every exported or
  saved report are created 0600, their folders 0700, whatever the umask. The command line
  also sets umask 077; the tests use umask 0 to show the files do not depend on it.
- Confidential (機要) rows are left out of summaries, reports and exports unless asked
  for; the secretary's own lists and the daily briefing show them.
- SQL: user text only ever travels as a bound parameter. Proven dynamically (every SQL
  statement the program prepares while handling text full of quotes and SQL is recorded;
  none contains it) and guarded statically (no SQL built with % or str.format; f-string
  SQL only in the store layer, from names the store itself chooses).
- Network: the command line and the screen run with socket connections and name lookups
  made to fail the test.
"""

from __future__ import annotations

import ast
import asyncio
import os
import socket
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import NOW
from tests.reliability.helpers import ROOT
from workbench.service.workbench import Workbench

PACKAGE = ROOT / "workbench"
SECRET = "機密CANARY內容"
PUBLIC = "公開的批示"


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def open_umask():
    old = os.umask(0)
    yield
    os.umask(old)


# ----------------------------------------------------------------- file permissions


def test_database_and_its_journal_files_are_private(tmp_path, open_umask):
    path = tmp_path / "new" / "wb.db"
    wb = Workbench.open(path)  # the screen's path: no command line, no umask set
    try:
        wb.add_task("x")
        for name in ("wb.db", "wb.db-wal", "wb.db-shm"):
            assert _mode(path.with_name(name)) == 0o600, name
        assert _mode(path.parent) == 0o700
    finally:
        wb.close()


def test_everything_the_command_line_writes_is_private(tmp_path):
    db = tmp_path / "wb.db"
    env = {**os.environ, "WORKBENCH_NOW": NOW.isoformat()}

    def run(*args: str) -> None:
        result = subprocess.run(
            [sys.executable, "-m", "workbench", "--db", str(db), *args],
            cwd=ROOT, env=env, capture_output=True, text=True, preexec_fn=lambda: os.umask(0),
        )  # fmt: skip
        assert result.returncode == 0, result.stderr

    run("instr", "add", PUBLIC, "--leader", "校長", "--deadline", "2026-12-04")
    out = tmp_path / "out"
    out.mkdir()
    written = {
        "export.json": ["export", "-o"],
        "export.ics": ["export", "--format", "ics", "-o"],
        "export.tw.json": ["export", "--format", "taskwarrior", "-o"],
        "summary.md": ["summary", "--month", "-o"],
        "summary.docx": ["summary", "--month", "--format", "docx", "-o"],
        "ledger.xlsx": ["summary", "--month", "--format", "xlsx", "-o"],
        "copy.db": ["backup"],
    }
    for name, args in written.items():
        run(*args, str(out / name))
        assert _mode(out / name) == 0o600, name
    run("backup")
    backups = Path(os.environ["WORKBENCH_BACKUP_DIR"])
    assert _mode(backups) == 0o700
    assert all(_mode(p) == 0o600 for p in backups.iterdir())
    assert _mode(db) == 0o600


def test_files_saved_from_the_screen_are_private(tmp_path, open_umask):
    """The screen saves through the same service functions as the command line."""
    from workbench.service import interchange
    from workbench.service.report_files import write_file

    wb = Workbench.open(tmp_path / "wb.db", clock=lambda: NOW)
    try:
        wb.add_task("x")
        interchange.export_file(wb, tmp_path / "e.json", "json")
        write_file(tmp_path / "r.md", b"report")
    finally:
        wb.close()
    assert _mode(tmp_path / "e.json") == 0o600
    assert _mode(tmp_path / "r.md") == 0o600


# ----------------------------------------------------------------- confidential items


@pytest.fixture
def mixed_db(tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBENCH_NOW", NOW.isoformat())
    db = tmp_path / "mixed.db"
    wb = Workbench.open(db, clock=lambda: NOW)
    public = wb.add_instruction(PUBLIC, leader="校長", deadline="2026-12-04")
    secret = wb.add_instruction(SECRET, leader="校長", deadline="2026-12-04", confidential=True)
    wb.add_feedback(public.instruction.id, "公開的反饋")
    wb.add_feedback(secret.instruction.id, SECRET + "反饋")
    wb.add_task(f"{SECRET}任務 明天 !密")
    wb.add_task("公開任務 明天", instruction_id=public.instruction.id)
    wb.close()
    return db


SHARED = [
    ["summary", "--month"], ["summary", "--month", "--format", "text"],
    ["summary", "--month", "--format", "json"], ["summary", "--week"],
    ["summary", "--month", "--leader", "校長"],
    ["export"], ["export", "--format", "ics"], ["export", "--format", "taskwarrior"],
]  # fmt: skip


@pytest.mark.parametrize("args", SHARED, ids=" ".join)
def test_confidential_items_stay_out_of_what_is_handed_on(mixed_db, run_main, args):
    code, out, err = run_main("--db", str(mixed_db), *args)
    assert code == 0, err
    assert "CANARY" not in out
    assert PUBLIC in out or "公開任務" in out or "ics" in args  # the rest is there


@pytest.mark.parametrize("args", SHARED[:3] + SHARED[5:7], ids=" ".join)
def test_confidential_items_when_asked_for(mixed_db, run_main, args):
    code, out, err = run_main("--db", str(mixed_db), *args, "--include-confidential")
    assert code == 0, err
    assert "CANARY" in out


def test_confidential_items_stay_out_of_report_files(mixed_db, run_main, tmp_path):
    from docx import Document
    from openpyxl import load_workbook

    for fmt in ("docx", "xlsx"):
        target = tmp_path / f"r.{fmt}"
        code, _, err = run_main("--db", str(mixed_db), "summary", "--month",
                                "--format", fmt, "-o", str(target))  # fmt: skip
        assert code == 0, err
        if fmt == "docx":
            text = "\n".join(p.text for p in Document(str(target)).paragraphs)
            for table in Document(str(target)).tables:
                text += "\n".join(c.text for row in table.rows for c in row.cells)
        else:
            book = load_workbook(target)
            text = "\n".join(
                str(v) for ws in book for row in ws.iter_rows(values_only=True) for v in row
            )
        assert "CANARY" not in text and PUBLIC in text, fmt


def test_a_confidential_instruction_report_needs_asking(mixed_db):
    from workbench.service import reports
    from workbench.service.errors import InvalidInput

    wb = Workbench.open(mixed_db, clock=lambda: NOW)
    try:
        with pytest.raises(InvalidInput):
            reports.instruction_report(wb, 2)
        assert reports.instruction_report(wb, 2, include_confidential=True)
    finally:
        wb.close()


def test_the_secretarys_own_lists_show_confidential_items(mixed_db, run_main):
    code, out, _ = run_main("--db", str(mixed_db), "instr", "list")
    assert code == 0 and "CANARY" in out
    code, out, _ = run_main("--db", str(mixed_db), "brief")
    assert code == 0 and "CANARY" in out


# ----------------------------------------------------------------- SQL


class _Recording:
    """A connection that remembers the SQL text of every statement prepared on it."""

    def __init__(self, conn) -> None:
        self._conn = conn
        self.statements: list[str] = []

    def execute(self, sql, *args):
        self.statements.append(sql)
        return self._conn.execute(sql, *args)

    def executemany(self, sql, *args):
        self.statements.append(sql)
        return self._conn.executemany(sql, *args)

    def __getattr__(self, name):
        return getattr(self._conn, name)


INJECTION = "CANARY'); DROP TABLE task; --\" OR 1=1 /*"


def test_user_text_never_becomes_sql(tmp_path):
    from workbench.domain.summary import Period
    from workbench.service import interchange, reports
    from workbench.store.store import FeedbackFilter, InstructionFilter, TaskFilter

    wb = Workbench.open(tmp_path / "sql.db", clock=lambda: NOW)
    recording = _Recording(wb.store.db.conn)
    wb.store.db.conn = recording  # type: ignore[assignment]
    x = INJECTION
    try:
        task = wb.add_task(f"{x} 明天 #{x[:6]}", notes=x)
        wb.edit_task(task.task.id, title=x, notes=x, tags=[x])
        view = wb.add_instruction(x, leader=x, source=x, owner=x, co_handlers=x,
                                  deadline="2026-12-04")  # fmt: skip
        iid = view.instruction.id
        wb.add_feedback(iid, x, next_step=x, leader=x)
        wb.chase(iid, note=x, whom=x)
        wb.extend(iid, "2026-12-31", x)
        wb.update_instruction(iid, content=x, owner=x)
        for query in (x, x[:2], x[:1], "CANARY", "'", '"'):
            wb.count_tasks(TaskFilter(query=query))
            wb.list_tasks(TaskFilter(query=query, scope="all"))
            wb.count_instructions(InstructionFilter(query=query, leader=x, owner=x))
            wb.list_instructions(InstructionFilter(query=query, leader=x))
            wb.count_feedback(FeedbackFilter(query=query))
        period = Period.this_month(NOW.date())
        reports.summary(wb, period, leader=x, owner=x, include_confidential=True)
        reports.ledger(wb, period, leader=x)
        reports.brief(wb)
        wb.close_instruction(iid, note=x, feedback=x)
        wb.undo()
        interchange.export_file(wb, tmp_path / "e.json", "json", include_confidential=True)
        assert wb.store.count_tasks(TaskFilter(scope="all")) == 1
    finally:
        wb.store.db.conn = recording._conn  # type: ignore[assignment]
        wb.close()
    assert len(recording.statements) > 50
    leaked = [s for s in recording.statements if "CANARY" in s]
    assert not leaked, leaked[:3]
    # And it was stored as typed, every table still there.
    wb = Workbench.open(tmp_path / "sql.db", clock=lambda: NOW)
    try:
        assert wb.task_view(task.task.id).task.title == x
        imported = Workbench.open(tmp_path / "in.db", clock=lambda: NOW)
        recording = _Recording(imported.store.db.conn)
        imported.store.db.conn = recording  # type: ignore[assignment]
        interchange.import_file(imported, tmp_path / "e.json")
        imported.store.db.conn = recording._conn  # type: ignore[assignment]
        assert not [s for s in recording.statements if "CANARY" in s]
        assert imported.task_view(1).task.title == x
        imported.close()
    finally:
        wb.close()


SQL_CALLS = {"execute", "executemany", "executescript", "query", "query_one"}


def _sql_calls(tree: ast.AST):
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in SQL_CALLS
            and node.args
        ):
            yield node, node.args[0]


def test_no_sql_is_built_by_formatting():
    """`%` and `.format()` are how user text usually ends up inside SQL: neither is used
    to build a statement anywhere, and f-string statements exist only in the store layer,
    which interpolates table, column and clause names it chooses itself."""
    problems = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if "tui" in path.relative_to(PACKAGE).parts:
            continue  # the screen never touches SQL; its query() selects widgets
        tree = ast.parse(path.read_text(encoding="utf-8"))
        where = path.relative_to(ROOT)
        for call, sql in _sql_calls(tree):
            if isinstance(sql, ast.BinOp) and isinstance(sql.op, ast.Mod):
                problems.append(f"{where}:{call.lineno}: SQL built with %")
            if (
                isinstance(sql, ast.Call)
                and isinstance(sql.func, ast.Attribute)
                and sql.func.attr == "format"
            ):
                problems.append(f"{where}:{call.lineno}: SQL built with .format()")
            if isinstance(sql, ast.JoinedStr) and where.parts[1] != "store":
                problems.append(f"{where}:{call.lineno}: f-string SQL outside the store")
    assert not problems, "\n".join(problems)


# ----------------------------------------------------------------- network


@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to reach the network fails the test (local socket pairs are fine:
    the event loop wakes itself up with one)."""
    attempts: list[str] = []

    def refuse(*args, **kwargs):
        attempts.append(repr(args)[:120])
        raise OSError("network access attempted")

    real_connect = socket.socket.connect

    def connect(self, address):
        if self.family in (socket.AF_INET, socket.AF_INET6):
            return refuse(address)
        return real_connect(self, address)

    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "gethostbyname", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect)
    yield attempts
    assert not attempts, attempts


def test_the_command_line_never_uses_the_network(tmp_path, run_main, no_network, monkeypatch):
    monkeypatch.setenv("WORKBENCH_NOW", NOW.isoformat())
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")  # a holiday region: the calendar is local too
    db = ["--db", str(tmp_path / "net.db")]
    commands = [
        ["add", "準備校務會材料 明天下午3點 !重 #辦會"], ["list"], ["list", "--json"],
        ["instr", "add", "檢查", "--leader", "校長", "--deadline", "下週五"],
        ["instr", "chase", "1"], ["feedback", "add", "1", "進展"], ["instr", "show", "1"],
        ["instr", "close", "1", "--feedback", "完成"], ["brief"], ["summary", "--month"],
        ["summary", "--month", "--format", "docx", "-o", str(tmp_path / "s.docx")],
        ["export", "-o", str(tmp_path / "e.json")], ["import", str(tmp_path / "e.json")],
        ["export", "--format", "ics"], ["backup"], ["date", "下週五"], ["undo"], ["where"],
    ]  # fmt: skip
    for args in commands:
        code, _, err = run_main(*db, *args)
        assert code == 0, (args, err)


def test_the_screen_never_uses_the_network(tmp_path, no_network):
    from workbench.service.backup import startup_backup
    from workbench.tui.app import WorkbenchApp

    wb = Workbench.open(tmp_path / "net.db", clock=lambda: NOW)
    wb.add_task("一項")

    async def run() -> None:
        app = WorkbenchApp(wb)
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.pause()
            keys = [("a",), ("escape",), ("2", "a"), ("escape",), ("question_mark",),
                    ("escape",), ("ctrl+p",), ("escape",), ("1", "enter"), ("escape",)]  # fmt: skip
            for press in keys:
                await pilot.press(*press)
                await pilot.pause()
            assert startup_backup(wb) is None

    try:
        asyncio.run(run())
    finally:
        wb.close()


def test_the_network_guard_itself_works(no_network):
    with pytest.raises(OSError, match="network access"):
        socket.getaddrinfo("example.com", 443)
    with pytest.raises(OSError, match="network access"), socket.socket() as sock:
        sock.connect(("192.0.2.1", 443))
    assert len(no_network) == 2
    no_network.clear()
