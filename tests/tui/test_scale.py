"""The screen at the sizes a large office reaches (behaviour, not timing; the speed is
measured by `make bench`): the to-do list scrolls to its very end and shows the right last
row, pages land where they should, and a search counts every match."""

from __future__ import annotations

import itertools
from contextlib import asynccontextmanager

import pytest

from tests.conftest import NOW
from tests.tui.conftest import make_app, rows, settle
from workbench.domain.text import one_line
from workbench.service import demo
from workbench.store.search import normalize
from workbench.store.store import TaskFilter

SIZES = [10_000, pytest.param(100_000, marks=pytest.mark.long)]


def fill(db_path, size: int):
    wb, _ = demo.open_for_demo(db_path, None, NOW)
    demo.fill_synthetic(wb, demo.Sizes.in_proportion(size, None, None), seed=1)
    return wb


@asynccontextmanager
async def opened_with(wb, titles, size):
    """The app on a workbench holding these tasks, settled; yields (app, pilot, to-do list)."""
    for title in titles:
        wb.add_task(title)
    app = make_app(wb)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        yield app, pilot, app.main.tasks


def title_start(title: str) -> str:
    return one_line(title)[:6]


@pytest.mark.parametrize("size", SIZES)
async def test_the_list_scrolls_to_its_end_and_shows_the_last_row(db_path, size):
    wb = fill(db_path, size)
    try:
        count = wb.count_tasks(TaskFilter())
        first = wb.list_tasks(TaskFilter(), 0, 1)[0]
        last = wb.list_tasks(TaskFilter(), count - 1, 1)[0]
        app = make_app(wb)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            tasks = app.main.tasks
            assert tasks.row_count == count > 10 * tasks.size.height
            await pilot.press("end")
            await pilot.pause()
            assert tasks.cursor == count - 1
            assert tasks.current.task.id == last.task.id
            shown = rows(tasks)
            bottom = [line for line in shown if line.strip()][-1]
            assert title_start(last.task.title) in bottom
            assert tasks.scroll_y == tasks.max_scroll_y
            await pilot.press("home")
            await pilot.pause()
            assert tasks.cursor == 0
            assert title_start(first.task.title) in rows(tasks)[0]
            page = tasks.scrollable_content_region.height - 1
            for _ in range(3):
                await pilot.press("pagedown")
            await pilot.pause()
            assert tasks.cursor == 3 * page
            expected = wb.list_tasks(TaskFilter(), 3 * page, 1)[0]
            assert tasks.current.task.id == expected.task.id
            assert any(title_start(expected.task.title) in line for line in rows(tasks))
    finally:
        wb.close()


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("word", ["會", "會議", "家長會", "report"])
async def test_a_search_at_scale_counts_every_match(db_path, size, word):
    wb = fill(db_path, size)
    try:
        texts = wb.store.db.query(
            "SELECT title, notes, tags FROM task WHERE deleted IS NULL AND status = 'open'"
        )
        expected = sum(1 for r in texts if normalize(word) in normalize("\n".join(r)))
        assert expected > 0
        app = make_app(wb)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            await pilot.press("slash", *word)
            await settle(pilot)
            tasks = app.main.tasks
            assert tasks.row_count == expected
            top = tasks.current.task
            body = normalize("\n".join([top.title, top.notes, " ".join(top.tags)]))
            assert normalize(word) in body
            await pilot.press("escape")
            await settle(pilot)
            assert tasks.row_count == wb.count_tasks(TaskFilter())
    finally:
        wb.close()


async def test_the_screenful_below_is_ready_before_the_next_page_down(empty_workbench):
    """Once a page-down's frame is out, the rows of the next screenful are read and drawn
    in the idle moment before the next key, and are what that page then shows."""
    wb = empty_workbench
    titles = [f"第{n:03d}項" for n in range(120)]
    async with opened_with(wb, titles, (100, 24)) as (_, pilot, tasks):
        await pilot.press("pagedown")
        await settle(pilot)
        height = tasks.scrollable_content_region.height
        width = tasks.scrollable_content_region.width
        below = range(round(tasks.scroll_y) + height, round(tasks.scroll_y) + 2 * height)
        assert all((i, width, False) in tasks._strips for i in below)
        await pilot.press("pagedown")
        await settle(pilot)
        top = round(tasks.scroll_y)
        expected = [v.task.title for v in wb.list_tasks(TaskFilter(), top, height)]
        shown = rows(tasks)
        assert len(expected) == height
        assert all(title in line for title, line in zip(expected, shown, strict=True))


async def test_the_scrollbar_repaints_only_when_its_thumb_moves(db_path):
    """A step that scrolls a long list by a row moves the thumb by less than a cell,
    often by nothing it can show: then the bar is not drawn again. It is never drawn twice
    the same in a row, and the bar on screen is always the current one."""
    wb = fill(db_path, 10_000)
    try:
        app = make_app(wb)
        async with app.run_test(size=(120, 30)) as pilot:
            await settle(pilot)
            tasks = app.main.tasks
            bar = tasks.vertical_scrollbar
            drawn: list[object] = []
            draw = bar._draw

            def counting_draw(crop):
                drawn.append(bar._bar())
                return draw(crop)

            bar._draw = counting_draw
            height = tasks.scrollable_content_region.height
            steps = height + 60
            for _ in range(steps):
                await pilot.press("down")
            await settle(pilot)
            scrolled = round(tasks.scroll_y)
            assert scrolled == steps - height + 1
            assert 0 < len(drawn) < scrolled * 3 // 4
            assert all(a != b for a, b in itertools.pairwise(drawn))
            assert bar._drawn == bar._bar()
            await pilot.press("end")
            await settle(pilot)
            assert bar.position == tasks.max_scroll_y
            assert bar._drawn == bar._bar()
            last_cell = bar.render_lines(bar.region.reset_offset)[-1]
            assert last_cell.text.strip() or last_cell.cell_length == 1
    finally:
        wb.close()


async def test_a_new_task_draws_only_its_own_row(empty_workbench):
    """After a quick-add every row below the new task moves down a place; rows whose task
    is unchanged are kept as drawn, a changed one is drawn again."""
    wb = empty_workbench
    titles = [f"第{n:03d}項 !輕" for n in range(60)]
    async with opened_with(wb, titles, (120, 30)) as (app, pilot, tasks):
        drawn: list[str] = []
        render_cells = tasks.render_cells

        def counting(item, width):
            drawn.append(item.task.title)
            return render_cells(item, width)

        tasks.render_cells = counting
        await pilot.press("a")
        await pilot.pause()
        await pilot.press(*"最急的事 !急 !重", "enter")
        await settle(pilot)
        assert tasks.current.task.title == "最急的事"
        assert rows(tasks)[1].find("第") >= 0  # the old rows are shown, a place lower
        assert set(drawn) <= {"最急的事", "第000項"}  # the new row, and the cursor's old one
        drawn.clear()
        second = wb.list_tasks(TaskFilter(), 1, 1)[0].task
        wb.edit_task(second.id, title="改過的標題")
        app.refresh_data()
        await settle(pilot)
        assert drawn == ["改過的標題"]
        assert "改過的標題" in rows(tasks)[1]


async def test_rows_drawn_directly_match_textuals_own_drawing(empty_workbench):
    """The lists draw their rows without Textual's general styling path when their box is
    plain (see PagedList.render_lines): what they draw must be exactly what that path
    would, with and without a scrollbar, focused or not, whole or cropped; and a box that
    is not plain goes through Textual's path."""
    from textual.geometry import Region
    from textual.widget import Widget

    titles = [f"第{n:03d}項 {'!急' if n % 3 == 0 else ''} #辦文" for n in range(80)]
    async with opened_with(empty_workbench, titles, (120, 30)) as (app, pilot, _):
        main = app.main
        for widget in (main.tasks, main.instructions):  # a long list and an empty one
            for _ in range(2):  # focused, then not
                assert widget._plain_box()
                whole = widget.region.reset_offset
                for crop in (whole, Region(3, 2, whole.width - 5, whole.height - 4)):
                    ours = widget.render_lines(crop)
                    theirs = Widget.render_lines(widget, crop)
                    assert [list(line) for line in ours] == [list(line) for line in theirs]
                await pilot.press("tab")
                await settle(pilot)
        tasks = main.tasks
        tasks.styles.padding = (0, 1)
        await settle(pilot)
        assert not tasks._plain_box()
        assert any("第0" in line for line in rows(tasks))


async def test_far_into_a_long_list_the_next_screenful_is_still_ready(
    empty_workbench, monkeypatch
):
    """The drawn rows kept are bounded: those far from the screen are let go, and the
    read-ahead goes on preparing the next screenful, and keeps the first and the last
    (home, end), however far the list is paged."""
    from workbench.tui.widgets import paged_list

    monkeypatch.setattr(paged_list, "KEPT_STRIPS", 50)
    titles = [f"第{n:03d}項" for n in range(300)]
    async with opened_with(empty_workbench, titles, (100, 24)) as (_, pilot, tasks):
        height = tasks.scrollable_content_region.height
        width = tasks.scrollable_content_region.width
        for _ in range(12):
            await pilot.press("pagedown")
            await settle(pilot)
            top = round(tasks.scroll_y)
            below = range(top + height, min(top + 2 * height, tasks.row_count))
            first = range(height)
            last = range(tasks.row_count - height, tasks.row_count)
            ready = [*below, *first, *last]
            assert all((i, width, i == tasks.cursor) in tasks._strips for i in ready)
            assert len(tasks._strips) <= 50 + 4 * height + 2
            assert all(
                top - 2 * height <= i < top + 3 * height or i in first or i in last
                for i, _, _ in tasks._strips
            )


async def test_the_last_screenful_is_read_ahead_after_a_move_not_after_a_reload(
    empty_workbench, monkeypatch
):
    """Home and end find their rows drawn once the user has moved in the list; a reload
    (each search keystroke, each refresh) does not read to the end of the list for them."""
    titles = [f"第{n:03d}項" for n in range(300)]
    async with opened_with(empty_workbench, titles, (100, 24)) as (_, pilot, tasks):
        source = tasks.source
        offsets: list[int] = []
        page = source.page

        def counted(offset: int, limit: int):
            offsets.append(offset)
            return page(offset, limit)

        monkeypatch.setattr(source, "page", counted)
        last = tasks.row_count - 1
        width = tasks.scrollable_content_region.width
        tasks.reload()
        await settle(pilot)
        assert offsets and max(offsets) < last - 64
        assert (last, width, False) not in tasks._strips
        await pilot.press("down")
        await settle(pilot)
        assert (last, width, False) in tasks._strips
        assert (0, width, False) in tasks._strips
