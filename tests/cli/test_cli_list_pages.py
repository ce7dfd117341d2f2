"""`workbench list` prints the first page by default — one screenful in urgency order,
saying how many more there are — and more only when asked (--limit N, --all)."""

from __future__ import annotations

import json
import os

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
