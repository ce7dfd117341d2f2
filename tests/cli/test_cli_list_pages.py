"""`workbench list` prints the first page by default — one screenful in urgency order,
saying how many more there are — and more only when asked (--limit N, --all)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import NOW
from workbench.cli.main import main
from workbench.cli.tasks import PAGE
from workbench.service import demo
from workbench.store.store import TaskFilter


@pytest.fixture
def big(db_path, monkeypatch):
    """400 tasks, most done, more open ones than a page."""
    monkeypatch.setenv("WORKBENCH_NOW", NOW.isoformat(timespec="minutes"))
    wb, _ = demo.open_for_demo(db_path, None, NOW)
    demo.fill_synthetic(wb, demo.Sizes(400, 40, 200), seed=3)
    expected = {
        "open": wb.count_tasks(TaskFilter()),
        "all": wb.count_tasks(TaskFilter(scope="all")),
        "first": [v.task.id for v in wb.list_tasks(TaskFilter(), 0, PAGE)],
    }
    wb.close()
    assert expected["open"] > PAGE
    old = os.umask(0o022)
    os.umask(old)
    yield db_path, expected
    os.umask(old)


def run(capsys, *args: str) -> tuple[int, str]:
    with pytest.raises(SystemExit) as exit_:
        main([*args])
    out, err = capsys.readouterr()
    assert exit_.value.code == 0, err
    return exit_.value.code, out


def test_the_first_page_by_default(capsys, big):
    db, expected = big
    _, out = run(capsys, "--db", str(db), "list", "--json")
    assert [t["id"] for t in json.loads(out)] == expected["first"]
    _, out = run(capsys, "--db", str(db), "list")
    lines = out.splitlines()
    assert len(lines) == 1 + PAGE + 1  # the headings, one page, the line that says more
    assert f"{PAGE}" in lines[-1] and str(expected["open"]) in lines[-1]
    assert "--all" in lines[-1]


def test_limit_and_all(capsys, big):
    db, expected = big
    _, out = run(capsys, "--db", str(db), "list", "--limit", "5", "--json")
    assert [t["id"] for t in json.loads(out)] == expected["first"][:5]
    _, out = run(capsys, "--db", str(db), "list", "--all", "--json")
    listed = json.loads(out)
    assert len(listed) == expected["all"]
    assert {t["status"] for t in listed} == {"open", "done", "cancelled"}
    _, out = run(capsys, "--db", str(db), "list", "--all")
    assert len(out.splitlines()) == 1 + expected["all"]


@pytest.mark.parametrize("lang", ["en", "zh-Hant", "zh-Hans"])
def test_the_bare_list_prints_what_click_prints(capsys, big, lang):
    """A bare `workbench list` runs without click (see PLAIN); `--limit 30`, the same
    page, goes through click. They print the same, to the byte."""
    db, _ = big
    _, bare = run(capsys, "--lang", lang, "--db", str(db), "list")
    _, through_click = run(capsys, "--lang", lang, "--db", str(db), "list", "--limit", str(PAGE))
    assert bare == through_click
    assert len(bare.splitlines()) == 1 + PAGE + 1


@pytest.mark.parametrize("lang", ["en", "zh-Hant", "zh-Hans"])
def test_the_bare_instruction_list_prints_what_click_prints(capsys, big, lang):
    """A bare `workbench instr list` runs without click (see PLAIN); with an empty
    `--search` it goes through click. They print the same, to the byte."""
    db, _ = big
    _, bare = run(capsys, "--lang", lang, "--db", str(db), "instr", "list")
    _, through_click = run(capsys, "--lang", lang, "--db", str(db), "instr", "list",
                           "--search", "")  # fmt: skip
    assert bare == through_click
    assert len(bare.splitlines()) > 5


def test_the_bare_instruction_list_of_nothing_says_so(capsys, db_path):
    _, bare = run(capsys, "--db", str(db_path), "instr", "list")
    _, through_click = run(capsys, "--db", str(db_path), "instr", "list", "--search", "")
    assert bare == through_click
    assert bare.strip()


def test_the_bare_list_of_nothing_says_so(capsys, db_path):
    _, bare = run(capsys, "--db", str(db_path), "list")
    _, through_click = run(capsys, "--db", str(db_path), "list", "--limit", str(PAGE))
    assert bare == through_click
    assert bare.strip()


def _workbench(db, *args: str, **kwargs) -> subprocess.Popen:
    env = {**os.environ, "WORKBENCH_NOW": NOW.isoformat(timespec="minutes")}
    return subprocess.Popen(
        [sys.executable, "-m", "workbench", "--db", str(db), *args],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, **kwargs,
    )  # fmt: skip


@pytest.mark.parametrize("args", [("list",), ("instr", "list")])
def test_the_bare_list_loads_neither_click_nor_textual(big, args):
    """Nor `dataclasses` (with `inspect`, `ast`, `dis`), which records stand in for, nor
    `typing`, nor `tomllib` (there is no settings file here)."""
    db, _ = big
    heavy = ("click", "textual", "dataclasses", "inspect", "typing", "tomllib")
    code = (
        "import sys\n"
        "from workbench.entry import main\n"
        f"sys.argv = ['workbench', '--db', {str(db)!r}, *{args!r}]\n"
        "try:\n"
        "    main()\n"
        "finally:\n"
        f"    print([m for m in {heavy!r} if m in sys.modules], file=sys.stderr)\n"
    )
    env = {**os.environ, "WORKBENCH_NOW": NOW.isoformat(timespec="minutes")}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert out.returncode == 0, out.stderr
    assert out.stderr.strip() == "[]"
    if args == ("list",):
        assert len(out.stdout.splitlines()) == 1 + PAGE + 1
    else:
        assert len(out.stdout.splitlines()) > 5


@pytest.mark.parametrize("args", [("list",), ("list", "--all"), ("instr", "list")])
def test_a_reader_that_stops_early_is_not_an_error(big, args):
    """`workbench list | head -1`: the reader goes away; the command ends quietly and
    successfully, with or without click."""
    db, _ = big
    reader_gone = _workbench(db, *args)
    reader_gone.stdout.close()  # before anything is written
    _, err = reader_gone.communicate(timeout=60)
    assert reader_gone.returncode == 0, err
    assert err == b""
