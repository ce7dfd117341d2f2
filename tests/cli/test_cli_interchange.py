"""`workbench import` and `workbench export` through the real entry point, `main()`: what is
printed where, exit statuses, files, and no traceback for anything a user can do."""

from __future__ import annotations

import json
import os
import pty
import select
import sqlite3
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.service.test_interchange import TW_FILE, fill, write_taskwarrior
from workbench.cli import main as cli_main
from workbench.service.workbench import Workbench

ROOT = Path(__file__).parents[2]


@pytest.fixture(autouse=True)
def taipei_clock(monkeypatch):
    """Taipei time, the tests' fixed day."""
    monkeypatch.setenv("TZ", "Asia/Taipei")
    monkeypatch.setenv("WORKBENCH_NOW", "2026-11-26T10:00")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def run(capsys, *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exited:
        cli_main.main(list(args))
    out, err = capsys.readouterr()
    return exited.value.code, out, err


@pytest.fixture
def source(tmp_path) -> Path:
    from tests.service.test_interchange import Clock

    path = tmp_path / "source.db"
    wb = Workbench.open(path, clock=Clock())
    try:
        fill(wb)
    finally:
        wb.close()
    return path


def _dump(path: Path) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return [
            tuple(r)
            for table in ("task", "instruction", "feedback", "event")
            for r in conn.execute(f"SELECT * FROM {table} ORDER BY id")
        ]
    finally:
        conn.close()


def test_export_to_stdout_then_import_detects_the_format(capsys, source, tmp_path):
    code, out, err = run(capsys, "--db", str(source), "export")
    assert code == 0
    data = json.loads(out)
    assert data["format"] == "secretary-workbench"
    assert "confidential" in err and "--include-confidential" in err  # what was left out
    dump = tmp_path / "all.json"
    dump.write_text(out, encoding="utf-8")
    copy = tmp_path / "copy.db"
    code, out, err = run(capsys, "--db", str(copy), "import", str(dump))
    assert code == 0, err
    assert out.splitlines()[0] == "Imported all.json (workbench JSON):"
    assert "  tasks: 6 added, 0 updated, 0 unchanged" in out.splitlines()


def test_import_a_task_export_file_with_warnings_on_stderr(capsys, tmp_path):
    code, out, err = run(capsys, "--db", str(tmp_path / "tw.db"), "import", str(TW_FILE))
    assert code == 0
    assert "(Taskwarrior)" in out and "tasks: 9 added" in out
    assert err.startswith("warning: ") and "scheduled (1)" in err


def test_export_to_a_file_is_private_and_never_replaced_unasked(capsys, source, tmp_path):
    target = tmp_path / "cal.ics"
    code, out, _ = run(capsys, "--db", str(source), "export", "--format", "ics", "-o", str(target))
    assert code == 0 and str(target) in out
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert target.read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")
    code, _, err = run(capsys, "--db", str(source), "export", "--format", "ics", "-o", str(target))
    assert code == 1 and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    code, _, _ = run(capsys, "--db", str(source), "export", "--format", "ics", "-o", str(target),
                     "--overwrite", "--include-confidential")  # fmt: skip
    assert code == 0 and "機密人事安排" in target.read_text(encoding="utf-8")


def test_taskwarrior_export_to_stdout(capsys, source):
    code, out, err = run(capsys, "--db", str(source), "export", "--format", "taskwarrior")
    assert code == 0
    records = json.loads(out)
    assert {r["status"] for r in records} == {"pending", "recurring", "completed", "deleted"}
    assert "Taskwarrior holds tasks only" in err


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("[{\"description\": \"a\", \"status\": \"pending\"},\n{\"description\": ", ["line 2"]),
        ('[{"status": "pending", "uuid": "5f1c2a9e-8d1b-4c52-9a6e-2f7b1d3c4e01"}]',
         ["record 1", "5f1c2a9e-8d1b-4c52-9a6e-2f7b1d3c4e01", "description"]),
        ('[{"description": "a", "due": "20261131T000000Z"}]', ["record 1", "due"]),
    ],
)  # fmt: skip
def test_a_refused_import_is_one_line_exit_1_and_changes_nothing(
    capsys, source, tmp_path, content, words
):
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    before = _dump(source)
    code, out, err = run(capsys, "--db", str(source), "import", str(bad))
    assert code == 1 and out == ""
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert all(word in err for word in words), err
    assert "Nothing was imported" in err
    assert _dump(source) == before


def test_unknown_files_and_choices(capsys, tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("hello")
    code, _, err = run(capsys, "--db", str(tmp_path / "x.db"), "import", str(notes))
    assert code == 1 and "--from" in err
    code, _, err = run(
        capsys, "--db", str(tmp_path / "x.db"), "import", str(notes), "--from", "csv"
    )
    assert code == 2
    code, _, err = run(
        capsys, "--db", str(tmp_path / "x.db"), "import", str(tmp_path / "none.json")
    )
    assert code == 2 or (code == 1 and "none.json" in err)


def test_help_speaks_the_interface_language(capsys):
    code, out, _ = run(capsys, "--lang", "zh-Hant", "import", "--help")
    assert code == 0 and "匯入工作台 JSON 匯出檔" in out
    code, out, _ = run(capsys, "--lang", "zh-Hans", "export", "--help")
    assert code == 0 and "导出全部数据" in out


def test_importing_the_cli_module_loads_neither_textual_nor_the_service():
    code = (
        "import sys, workbench.cli.main, workbench.cli.interchange;"
        "print(sorted(m for m in ('textual', 'workbench.service.interchange', "
        "'icalendar') if m in sys.modules))"
    )
    found = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert found.stdout.strip() == "[]"


_PTY_SCRIPT = """
import sys
from workbench.cli import main
main.main(sys.argv[1:])
"""


def test_a_long_import_shows_a_progress_bar_on_a_terminal(tmp_path):
    """10,000 tasks with standard error on a pseudo-terminal: the bar is drawn there."""
    big = tmp_path / "big.json"
    write_taskwarrior(big, 10_000)
    controller, terminal = pty.openpty()
    env = {**os.environ, "TZ": "Asia/Taipei", "COLUMNS": "100"}
    process = subprocess.Popen(
        [sys.executable, "-c", _PTY_SCRIPT, "--db", str(tmp_path / "big.db"), "import", str(big)],
        stdout=subprocess.PIPE, stderr=terminal, cwd=ROOT, env=env,
    )  # fmt: skip
    os.close(terminal)
    seen = b""
    while True:
        ready, _, _ = select.select([controller], [], [], 120)
        if not ready:
            break
        try:
            chunk = os.read(controller, 4096)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    out, _ = process.communicate(timeout=120)
    os.close(controller)
    assert process.returncode == 0, seen
    assert b"tasks: 10000 added" in out
    assert b"Importing" in seen and b"100%" in seen
