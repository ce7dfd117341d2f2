"""`workbench demo` as a user runs it: where it writes, what it refuses, what it says."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from workbench import locations
from workbench.cli.main import main
from workbench.service.workbench import Workbench, clock_from_env
from workbench.store.store import FeedbackFilter, InstructionFilter, TaskFilter


@pytest.fixture(autouse=True)
def _clock_and_umask(monkeypatch):
    monkeypatch.setenv("WORKBENCH_NOW", "2026-11-26T10:00")
    old = os.umask(0o022)
    os.umask(old)
    yield
    os.umask(old)  # main() tightens it for the whole process


def run(capsys, *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_:
        main(list(args))
    out, err = capsys.readouterr()
    return exit_.value.code, out, err


def counts(path) -> tuple[int, int, int]:
    wb = Workbench.open(path, create=False, clock=clock_from_env())  # the tests' clock
    try:
        return (
            wb.count_tasks(TaskFilter(scope="all")),
            wb.count_instructions(InstructionFilter(scope="all")),
            wb.count_feedback(FeedbackFilter(include_revised=True)),
        )
    finally:
        wb.close()


def test_without_a_database_named_it_writes_a_fresh_file_here(capsys, tmp_path, monkeypatch):
    monkeypatch.delenv("WORKBENCH_DB")
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "demo")
    assert code == 0, err
    target = tmp_path / "workbench-demo.db"
    assert str(target) in out
    assert f"workbench --db {target}" in out
    tasks, instructions, feedback = counts(target)
    assert tasks >= 15 and instructions >= 10 and feedback >= 10
    # The data folder's database (the user's real one) was never touched.
    assert not locations.default_db_path().exists()


def test_a_named_database_is_used(capsys, tmp_path):
    target = tmp_path / "named folder" / "mine.db"
    code, out, err = run(capsys, "--db", str(target), "demo")
    assert code == 0, err
    assert "'" in out.splitlines()[-1], "a path with a space is quoted in the command"
    assert counts(target)[0] > 0


def test_the_environment_names_a_database_too(capsys, tmp_path, monkeypatch):
    target = tmp_path / "env.db"
    monkeypatch.setenv("WORKBENCH_DB", str(target))
    code, _, err = run(capsys, "demo", "--tasks", "50")
    assert code == 0, err
    assert counts(target) == (50, 5, 25)


def test_a_database_with_records_is_refused_unless_forced(capsys, tmp_path):
    target = tmp_path / "real.db"
    code, _, err = run(capsys, "--db", str(target), "add", "我的真實待辦")
    assert code == 0, err
    code, out, err = run(capsys, "--db", str(target), "demo")
    assert code == 1
    assert "--force" in err and str(target) in err
    assert out == ""
    assert counts(target) == (1, 0, 0)
    code, _, err = run(capsys, "--db", str(target), "demo", "--tasks", "20", "--force")
    assert code == 0, err
    assert counts(target) == (21, 2, 10)


def test_sizes_and_seed(capsys, tmp_path):
    a, b = tmp_path / "a.db", tmp_path / "b.db"
    for path in (a, b):
        code, out, err = run(capsys, "--db", str(path), "demo", "--tasks", "300",
                             "--instructions", "40", "--feedback", "120",
                             "--seed", "5")  # fmt: skip
        assert code == 0, err
        assert "300" in out and "40" in out and "120" in out
    assert counts(a) == (300, 40, 120)
    listed = [run(capsys, "--db", str(path), "list", "--all", "--json") for path in (a, b)]
    assert listed[0][0] == 0
    assert listed[0] == listed[1], "the same seed and clock give the same records"


def test_it_speaks_the_interface_language(capsys, tmp_path):
    code, out, _ = run(capsys, "--lang", "zh-Hant", "--db", str(tmp_path / "z.db"), "demo",
                       "--tasks", "10")  # fmt: skip
    assert code == 0
    assert "已寫入" in out and "開啟方法" in out
    code, out, _ = run(capsys, "--lang", "zh-Hans", "demo", "--help")
    assert "workbench-demo.db" in out and "--force" in out


def test_bad_sizes_are_usage_errors(capsys, tmp_path):
    code, _, _ = run(capsys, "--db", str(tmp_path / "x.db"), "demo", "--tasks", "-1")
    assert code == 2
    assert not (tmp_path / "x.db").exists()


def test_the_command_does_not_load_textual():
    probe = (
        "import sys; from workbench.cli.main import build_cli; build_cli(); "
        "import workbench.cli.demo, workbench.service.demo; "
        "assert 'textual' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", probe], check=True)
