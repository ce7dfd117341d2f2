"""A report on the screen: its blocks laid out as lines once per width, off the UI
thread, and shown through the Line API.

Textual's Markdown widget mounts a widget for every paragraph, heading and list item: a
month's summary at 100,000 records has about 900 of them, and it took 3.5 seconds to show
the report's top in a terminal (7 seconds to mount all, headless). Here the blocks are laid
out into lines in a worker — the first few screens first, then the rest (about 45 ms for
that summary) — and the widget hands the screen only the lines in view.

User text becomes segments as it is (a segment's text is never read as markup), and a
table's cells go to Rich as `rich.text.Text`, never as strings Rich would read markup or
emoji codes from; the blocks come cleaned of escape sequences (`clean_blocks`).
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from itertools import pairwise
from typing import ClassVar

from rich import box
from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual import work
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.worker import get_current_worker

from workbench.domain import report_text as RT
from workbench.domain.records import record
from workbench.domain.text import cell_width, line_starts
from workbench.i18n import t

QUOTE_INDENT = 2
CHUNK = 40
"""Blocks laid out together; the first chunk, a few screens, is shown before the rest."""
KEPT_LINES = 400
"""Drawn lines kept for scrolling back (a few screens)."""


@record(frozen=True)
class ReportStyles:
    """The looks of a report's parts, read from the widget's component classes on the UI
    thread (styles cannot be looked up from a worker)."""

    title: Style
    heading: Style
    label: Style
    muted: Style


Line = tuple[Segment, ...]
"""A laid-out line as bare segments: a Strip carries seven caches (about 1.2 kB a line,
3.4 MB for a 100,000-record summary); one is made only for a line on the screen."""


def _text_lines(text: str, width: int, style: Style | None = None, *, label: int = 0,
                label_style: Style | None = None, indent: int = 0, hanging: int = 0,
                centred: bool = False) -> list[Line]:  # fmt: skip
    """`text` set into lines the way Chinese is set (`line_starts`): each line indented by
    `indent` cells and every line after a paragraph's first by `hanging` more, or centred;
    its first `label` characters in `label_style`, the rest in `style`.

    Made as segments directly: every block of a report is one style or a label and a
    value, and Rich's general layout made five times the objects (and breaks between any
    two characters of a line without spaces, so a line could begin with ，or split a
    number)."""
    text = text.expandtabs(4)
    room = max(1, width - indent - hanging)
    lines: list[Line] = []
    offset = 0
    for paragraph in text.split("\n"):
        starts = [0, *line_starts(paragraph, room), len(paragraph)]
        for n, (a, b) in enumerate(pairwise(starts)):
            start = offset + a
            end = start + len(paragraph[a:b].rstrip(" "))
            lead = indent + (hanging if n else 0)
            if centred:
                lead += max(0, (width - cell_width(text[start:end])) // 2)
            segments = [Segment(" " * lead)] if lead else []
            if start < label:
                segments.append(Segment(text[start : min(end, label)], label_style))
            if end > max(start, label):
                segments.append(Segment(text[max(start, label) : end], style))
            lines.append(tuple(segments))
        offset += len(paragraph) + 1
    return lines


def _table_lines(table: RT.Table, width: int, styles: ReportStyles) -> list[Line]:
    """A table through Rich, which sizes its columns (a report has one or two)."""
    grid = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    for header in table.headers:
        grid.add_column(Text(header, style=styles.label))
    for row in table.rows:
        grid.add_row(*(Text(cell) for cell in row))
    console = Console(file=io.StringIO(), width=width, color_system="truecolor",
                      force_terminal=True, legacy_windows=False, markup=False, emoji=False,
                      highlight=False)  # fmt: skip
    options = console.options.update_width(width)
    return [tuple(line) for line in console.render_lines(grid, options, pad=False)]


def _block_lines(block: RT.Block, width: int, styles: ReportStyles) -> list[Line]:
    colon = t("report.colon")
    match block:
        case RT.Title(text):
            return _text_lines(text, width, styles.title, centred=True)
        case RT.Subtitle(text):
            return _text_lines(text, width, styles.muted, centred=True)
        case RT.Heading(text, level):
            return _text_lines(text, width, styles.heading if level == 1 else styles.label)
        case RT.Para(text):
            return _text_lines(text, width)
        case RT.Field(label, value):
            return _text_lines(label + colon + value, width, label=len(label + colon),
                               label_style=styles.label)  # fmt: skip
        case RT.Quote(label, text):
            head = _text_lines((label + colon).rstrip(), width, styles.label)
            return head + _text_lines(text, width, indent=QUOTE_INDENT)
        case RT.Table():
            return _table_lines(block, width, styles)
        case RT.Numbered(lines):
            out: list[Line] = []
            for n, line in enumerate(lines, 1):
                mark = f"{n}. "
                out += _text_lines(mark + line, width, hanging=cell_width(mark))
            return out
    raise TypeError(block)


def lay_out(blocks: list[RT.Block], width: int, styles: ReportStyles,
            chunk: int = CHUNK) -> Iterator[list[Line]]:  # fmt: skip
    """The report's lines `width` cells wide, `chunk` blocks at a time (the first few
    screens come first): a blank line between blocks, none between the fields of one
    item, as in the text and Markdown forms."""
    previous: RT.Block | None = None
    lines: list[Line] = []
    for n, block in enumerate(blocks, 1):
        if previous is not None and not (
            isinstance(block, RT.Field) and isinstance(previous, RT.Field)
        ):
            lines.append(())
        lines += _block_lines(block, width, styles)
        previous = block
        if n % chunk == 0:
            yield lines
            lines = []
    if lines or not blocks:
        yield lines


def report_lines(blocks: list[RT.Block], width: int, styles: ReportStyles) -> list[Strip]:
    """The report laid out `width` cells wide."""
    return [Strip(line) for lines in lay_out(blocks, width, styles) for line in lines]


class ReportView(ScrollView, can_focus=True):
    """A scrolling report. `show` sets the blocks; the lines follow the width."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "report-view--title",
        "report-view--heading",
        "report-view--label",
        "report-view--muted",
    }

    DEFAULT_CSS = """
    ReportView { padding: 0 1; scrollbar-gutter: stable; overflow-x: hidden; }
    ReportView > .report-view--title { text-style: bold; color: $text; }
    ReportView > .report-view--heading { text-style: bold; color: $accent; }
    ReportView > .report-view--label { text-style: bold; }
    ReportView > .report-view--muted { color: $text-muted; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._blocks: list[RT.Block] = []
        self._lines: list[Line] = []
        self._laid_out_at = 0
        """The width the lines were laid out for (0: not yet)."""
        self._styles: ReportStyles | None = None
        self._base: Style | None = None
        self._drawn: dict[int, Strip] = {}
        """Lines as drawn (cropped, in the widget's colours), kept while scrolling."""
        self._drawn_for: tuple[int, int, Style] | None = None

    @property
    def line_count(self) -> int:
        return len(self._lines)

    def show(self, blocks: list[RT.Block]) -> None:
        """Show a new report from its top."""
        self._blocks = blocks
        self._laid_out_at = 0
        self.scroll_to(0, 0, animate=False)
        self._lay_out()

    def on_resize(self) -> None:
        self._lay_out()

    def on_unmount(self) -> None:
        """Let go of the report: a closed screen can outlive its closing a while (its
        last worker holds it), and a report's lines are a megabyte or more."""
        self._blocks, self._lines = [], []
        self._drawn.clear()

    def notify_style_update(self) -> None:
        """A new theme: the lines carry the old one's looks."""
        super().notify_style_update()
        self.call_later(self._lay_out)

    def _lay_out(self) -> None:
        width = self.scrollable_content_region.width
        if width <= 0:
            return
        styles = ReportStyles(*(self.get_component_rich_style(f"report-view--{part}")
                                for part in ("title", "heading", "label", "muted")))  # fmt: skip
        if (width, styles) == (self._laid_out_at, self._styles):
            return
        self._laid_out_at, self._styles = width, styles
        self._render_lines(self._blocks, width, styles)

    @work(thread=True, exclusive=True, group="report-lines", exit_on_error=False)
    def _render_lines(self, blocks: list[RT.Block], width: int, styles: ReportStyles) -> None:
        """Shown once the first chunk is laid out, so the top of a long report appears
        while the rest is (a month's summary at 100,000 records: 0.2 s in all)."""
        lines: list[Line] = []
        for n, chunk in enumerate(lay_out(blocks, width, styles)):
            if get_current_worker().is_cancelled:
                return
            lines.extend(chunk)
            if n == 0 and len(blocks) > CHUNK:
                self.app.call_from_thread(self._laid_out, blocks, width, list(lines))
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._laid_out, blocks, width, lines)

    def _laid_out(self, blocks: list[RT.Block], width: int, lines: list[Line]) -> None:
        if blocks is not self._blocks or width != self._laid_out_at:
            return  # a newer report or width is on its way
        self._lines = lines
        self._drawn.clear()
        self.virtual_size = Size(width, len(lines))
        self.refresh()

    def render_lines(self, crop: Region) -> list[Strip]:
        """The widget's style, which walks every ancestor when asked, once per frame."""
        self._base = self.rich_style
        try:
            return super().render_lines(crop)
        finally:
            self._base = None

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        width = self.scrollable_content_region.width
        base = self._base or self.rich_style
        index = scroll_y + y
        if index >= len(self._lines):
            return Strip.blank(width, base)
        if self._drawn_for != (scroll_x, width, base) or len(self._drawn) > KEPT_LINES:
            self._drawn.clear()
            self._drawn_for = (scroll_x, width, base)
        strip = self._drawn.get(index)
        if strip is None:
            line = Strip(self._lines[index]).crop_extend(scroll_x, scroll_x + width, None)
            strip = self._drawn[index] = Strip(Segment.apply_style(line, base), width)
        return strip
