"""Pictures of the main screens with fixed data and a fixed clock, in three languages at
100×30 and 80×24. A changed picture fails the test; review `snapshot_report.html`, then
accept with `pytest --snapshot-update` only if the change is meant.

What each picture must show:
- main: header with the date and counts; to-do in urgency order with quadrant, 急 and
  importance marks and due in words (overdue in red); instructions with a light word,
  leader, content, deadline, days left, chases; the feedback of the highlighted one;
  the keys of the to-do pane at the bottom. At 80×24, one pane with tabs.
- quick_add: the typed line and, under it, what was understood.
- details: a task's fields, the urgency explanation term by term, its history.
- help: every key by pane, and at the box's foot how to read on and how to leave.
- close: the closing form over the instructions: its heading, the instruction it closes,
  the fields with their hints, and at its foot the keys.
"""

from __future__ import annotations

import pytest
from textual.widgets import Input

from tests.tui.conftest import make_app, settle
from workbench import i18n

LANGS = ("en", "zh-Hant", "zh-Hans")
SIZES = ((100, 30), (80, 24))


async def _quiet(pilot) -> None:
    await settle(pilot)
    for widget in pilot.app.screen.query(Input):
        widget.cursor_blink = False
    await pilot.pause()


async def _main(pilot) -> None:
    await _quiet(pilot)


async def _quick_add(pilot) -> None:
    await settle(pilot)
    await pilot.press("a")
    await pilot.pause()
    for ch in "準備校務會材料 明天下午3點 !重 #辦會":
        await pilot.press(ch if ch != " " else "space")
    await _quiet(pilot)


async def _details(pilot) -> None:
    await settle(pilot)
    await pilot.press("down", "enter")
    await _quiet(pilot)


async def _help(pilot) -> None:
    await settle(pilot)
    await pilot.press("question_mark")
    await _quiet(pilot)


async def _close(pilot) -> None:
    await settle(pilot)
    await pilot.press("2", "x")
    await _quiet(pilot)


SCREENS = {
    "main": _main,
    "quick_add": _quick_add,
    "details": _details,
    "help": _help,
    "close": _close,
}


@pytest.fixture
def language():
    def use(lang: str) -> None:
        i18n.set_language(lang)

    yield use
    i18n.set_language("en")


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("screen", list(SCREENS))
def test_snapshot(snap_compare, workbench, language, screen, lang, size):
    language(lang)
    app = make_app(workbench, poll_seconds=3600)
    assert snap_compare(app, terminal_size=size, run_before=SCREENS[screen])
