"""The report preview: blocks laid out into lines once per width, shown through the Line
API, user text shown as text."""

from __future__ import annotations

import asyncio

from rich.cells import cell_len
from rich.style import Style
from textual.app import App, ComposeResult

from tests.tui.conftest import rows
from workbench.domain import report_text as RT
from workbench.tui.widgets.report_view import ReportStyles, ReportView, report_lines

PLAIN = ReportStyles(Style(bold=True), Style(bold=True), Style(bold=True), Style(dim=True))

BLOCKS: list[RT.Block] = [
    RT.Title("督辦事項辦理情況通報"),
    RT.Subtitle("（2026年11月1日至2026年11月30日）"),
    RT.Heading("一、總體情況"),
    RT.Para("本期督辦事項共130件，其中本期新增65件。" * 4),
    RT.Table(("項目", "本期", "上期"), (("督辦事項總數", "130", "104"), ("已辦結", "40", "35"))),
    RT.Heading("（一）[bold]籌備[/] :smile: 家長會", 2),
    RT.Field("批示領導", "王局長"),
    RT.Field("承辦", "辦公室"),
    RT.Quote("反饋", "第一行\n\n[red]第三行[/red]"),
    RT.Numbered(("甲", "乙")),
]


def text_of(lines) -> list[str]:
    return [line.text.rstrip() for line in lines]


def test_every_line_fits_and_user_text_is_shown_as_typed():
    for width in (20, 41, 60, 100):
        lines = report_lines(BLOCKS, width, PLAIN)
        assert all(line.cell_length <= width for line in lines), width
        shown = "\n".join(text_of(lines))
        assert "[bold]籌備[/] :smile: 家長會" in shown.replace("\n", "") or width < 30
        assert "[red]第三行[/red]" in shown


def test_blocks_are_spaced_as_in_the_text_form(lang):
    lang("zh-Hant")
    shown = text_of(report_lines(BLOCKS, 60, PLAIN))
    title = next(line for line in shown if "督辦事項辦理情況通報" in line)
    assert title.startswith(" " * 10)  # centred
    fields = [i for i, line in enumerate(shown) if line.startswith(("批示領導", "承辦"))]
    assert fields[1] == fields[0] + 1  # one item's fields, no blank line between them
    quoted = shown.index("  第一行")
    assert shown[quoted - 1] == "反饋：" and shown[quoted + 2] == "  [red]第三行[/red]"
    header = next(line for line in shown if line.startswith("項目"))
    row = next(line for line in shown if line.startswith("督辦事項總數"))
    assert cell_len(header[: header.index("本期")]) == cell_len(row[: row.index("130")])
    assert shown[-2:] == ["1. 甲", "2. 乙"]


async def laid_out(pilot) -> None:
    """Wait for the layout workers; one superseded by a newer width is cancelled."""
    for _ in range(3):
        await pilot.pause()
        workers = list(pilot.app.workers)
        await asyncio.gather(*(w.wait() for w in workers), return_exceptions=True)
    await pilot.pause()


class _Preview(App[None]):
    def compose(self) -> ComposeResult:
        yield ReportView(id="report")


async def test_the_view_lays_the_report_out_again_when_its_width_changes():
    app = _Preview()
    async with app.run_test(size=(60, 12)) as pilot:
        view = app.query_one(ReportView)
        view.show(BLOCKS)
        await laid_out(pilot)
        wide = view.line_count
        width = view.scrollable_content_region.width
        assert wide > 12 and all(cell_len(line) <= width for line in rows(view))
        assert rows(view)[0].strip() == "督辦事項辦理情況通報"
        await pilot.resize_terminal(30, 12)
        await laid_out(pilot)
        narrow = view.scrollable_content_region.width
        assert narrow < width and view.line_count > wide
        assert all(cell_len(line) <= narrow for line in rows(view))
        view.show([])
        await laid_out(pilot)
        assert view.line_count == 0 and not any(line.strip() for line in rows(view))


def test_laid_out_a_few_blocks_at_a_time_the_lines_are_the_same():
    from workbench.tui.widgets.report_view import lay_out

    [whole] = lay_out(BLOCKS, 40, PLAIN, chunk=len(BLOCKS))
    for chunk in (1, 3, 4):
        assert [line for part in lay_out(BLOCKS, 40, PLAIN, chunk) for line in part] == whole
