"""The workbench screen and other windows on one database: each shows the others' changes
within a second, and keeps its cursor on the row it was on."""

from __future__ import annotations

import asyncio
import sys
import time

from tests.reliability.helpers import ROOT
from tests.reliability.screen import lines
from workbench.service.workbench import Workbench
from workbench.tui.app import WorkbenchApp

SIZE = (120, 36)


def _shows(app: WorkbenchApp, text: str) -> bool:
    main = app.main
    return main is not None and any(text in line for line in lines(main.tasks))


async def _until(pilot, condition, seconds: float) -> float | None:
    """Seconds until `condition()` held, or None if it did not within `seconds`."""
    started = time.monotonic()
    while time.monotonic() - started < seconds:
        if condition():
            return time.monotonic() - started
        await pilot.pause(0.05)
    return None


async def test_a_task_added_on_the_command_line_appears_on_the_screen(tmp_path):
    db = tmp_path / "shared.db"
    wb = Workbench.open(db)
    for title in ("第一項", "第二項", "第三項"):
        wb.add_task(title)
    app = WorkbenchApp(wb)
    try:
        async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
            await pilot.pause()
            tasks = app.main.tasks
            await pilot.press("j")
            await pilot.pause()
            on = tasks.current_key
            assert on is not None and tasks.cursor == 1
            # A very urgent task from the command line sorts above the cursor's row.
            proc = await asyncio.create_subprocess_exec(
                sys.executable, "-m", "workbench", "--db", str(db), "add",
                "命令列加的 !重 !急 今天",
                cwd=ROOT, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
            )  # fmt: skip
            _, err = await proc.communicate()
            assert proc.returncode == 0, err.decode()
            seen = await _until(pilot, lambda: _shows(app, "命令列加的"), 1.0)
            assert seen is not None, "the other window's task did not appear within 1 s"
            assert tasks.current_key == on, "the cursor left its row"
            assert tasks.cursor == 2
    finally:
        wb.close()


async def test_two_screens_on_one_file_see_each_other(tmp_path):
    db = tmp_path / "two.db"
    first = Workbench.open(db)
    second = Workbench.open(db)
    first.add_task("共同的")
    one, two = WorkbenchApp(first), WorkbenchApp(second)
    try:
        async with (
            one.run_test(size=SIZE, notifications=True) as p1,
            two.run_test(size=SIZE, notifications=True) as p2,
        ):
            await p1.pause()
            await p2.pause()
            # A change made through the first screen's own path (a worker thread).
            one.perform(lambda: first.add_task("一號視窗加的"))
            await one.workers.wait_for_complete()
            assert await _until(p2, lambda: _shows(two, "一號視窗加的"), 1.0) is not None
            two.perform(lambda: second.add_task("二號視窗加的"))
            await two.workers.wait_for_complete()
            assert await _until(p1, lambda: _shows(one, "二號視窗加的"), 1.0) is not None
            # Undo in one window does not undo the other window's change.
            await p2.press("u")
            await two.workers.wait_for_complete()
            assert await _until(p1, lambda: not _shows(one, "二號視窗加的"), 1.0) is not None
            assert _shows(one, "一號視窗加的")
    finally:
        first.close()
        second.close()


async def test_the_screen_on_a_read_only_file(tmp_path):
    """A file that may only be read: the lists show, a change is refused with a message
    on the screen, and the app carries on."""
    from tests.reliability.helpers import sha256
    from tests.reliability.screen import segments
    from tests.reliability.test_damaged_files import make_database
    from workbench.store.db import Database
    from workbench.store.store import Store

    path = make_database(tmp_path / "ro.db", tasks=3)
    before = sha256(path)
    wb = Workbench(Store(Database(path, read_only=True)))
    app = WorkbenchApp(wb)
    try:
        async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
            await pilot.pause()
            assert _shows(app, "任務0")
            await pilot.press("space")  # mark done
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert "read-only" in "".join(segments(app))
            assert app.main is not None and app.is_running
    finally:
        wb.close()
    assert sha256(path) == before
