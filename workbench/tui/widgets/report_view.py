"""A report on the screen: its blocks drawn as lines once per width, off the UI thread,
and shown through the Line API.

Textual's Markdown widget mounts a widget for every paragraph, heading and list item: a
month's summary at 100,000 records has about 900 of them, and it took 3.5 seconds to show
the report's top in a terminal (7 seconds to mount all, headless). Here the blocks are laid
out into lines in a worker — the first few screens first, then the rest (0.15–0.2 s for
that summary) — and the widget hands the screen only the lines in view.

Every text goes in as a `rich.text.Text`, never as a string Rich would read markup or
emoji codes from; the blocks come cleaned of escape sequences (`clean_blocks`).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import ClassVar

from rich import box
from rich.console import Console, Group, RenderableType
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
from workbench.domain.text import cell_width, line_starts
from workbench.i18n import t

QUOTE_INDENT = 2
FIRST_BLOCKS = 40
"""Blocks laid out before the first lines are shown: a few screens of a report."""


@dataclass(frozen=True)
class ReportStyles:
    """The looks of a report's parts, read from the widget's component classes on the UI
    thread (styles cannot be looked up from a worker)."""

    title: Style
    heading: Style
    label: Style
    muted: Style


def _set(text: Text, width: int, *, indent: int = 0, hanging: int = 0) -> Text:
    """`text` broken into lines the way Chinese is set (`line_starts`), each line indented
    by `indent` cells and every line after a paragraph's first by `hanging` more. Rich's
    own wrapping breaks between any two characters when a line has no spaces, so a line
    could begin with ，or split a number across two lines."""
    room = max(1, width - indent - hanging)
    lines: list[Text] = []
    for paragraph in text.split("\n", allow_blank=True):
        pieces = paragraph.divide(line_starts(paragraph.plain, room))
        for n, piece in enumerate(pieces):
            piece.rstrip()
            lines.append(Text(" " * (indent + (hanging if n else 0))) + piece)
    joined = Text("\n").join(lines)
    joined.justify, joined.no_wrap, joined.overflow = text.justify, True, "crop"
    return joined


def _renderables(block: RT.Block, styles: ReportStyles, width: int) -> list[RenderableType]:
    colon = t("report.colon")
    match block:
        case RT.Title(text):
            return [_set(Text(text, style=styles.title, justify="center"), width)]
        case RT.Subtitle(text):
            return [_set(Text(text, style=styles.muted, justify="center"), width)]
        case RT.Heading(text, level):
            style = styles.heading if level == 1 else styles.label
            return [_set(Text(text, style=style), width)]
        case RT.Para(text):
            return [_set(Text(text), width)]
        case RT.Field(label, value):
            return [_set(Text.assemble((label + colon, styles.label), value), width)]
        case RT.Quote(label, text):
            return [_set(Text((label + colon).rstrip(), style=styles.label), width),
                    _set(Text(text), width, indent=QUOTE_INDENT)]  # fmt: skip
        case RT.Table(headers, rows):
            table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
            for header in headers:
                table.add_column(Text(header, style=styles.label))
            for row in rows:
                table.add_row(*(Text(cell) for cell in row))
            return [table]
        case RT.Numbered(lines):
            numbered = []
            for n, line in enumerate(lines, 1):
                mark = f"{n}. "
                numbered.append(_set(Text(mark + line), width, hanging=cell_width(mark)))
            return numbered
    raise TypeError(block)


def _parts(blocks: list[RT.Block], styles: ReportStyles, width: int,
           previous: RT.Block | None = None) -> list[RenderableType]:  # fmt: skip
    """The blocks' renderables, a blank line between blocks (none between the fields of
    one item, as in the text and Markdown forms); `previous` is the block before them."""
    parts: list[RenderableType] = []
    for block in blocks:
        if previous is not None and not (
            isinstance(block, RT.Field) and isinstance(previous, RT.Field)
        ):
            parts.append(Text())
        parts.extend(_renderables(block, styles, width))
        previous = block
    return parts


def _lines(parts: list[RenderableType], width: int) -> list[Strip]:
    console = Console(file=io.StringIO(), width=width, color_system="truecolor",
                      force_terminal=True, legacy_windows=False, markup=False, emoji=False,
                      highlight=False)  # fmt: skip
    options = console.options.update_width(width)
    return [Strip(line) for line in console.render_lines(Group(*parts), options, pad=False)]


def report_lines(blocks: list[RT.Block], width: int, styles: ReportStyles) -> list[Strip]:
    """The report laid out `width` cells wide."""
    return _lines(_parts(blocks, styles, width), width)


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
        self._lines: list[Strip] = []
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
        """The first screens' worth of blocks first, so the top of a long report shows
        while the rest is laid out (a month's summary at 100,000 records: 0.2 s in all)."""
        head = _lines(_parts(blocks[:FIRST_BLOCKS], styles, width), width)
        if len(blocks) > FIRST_BLOCKS:
            if get_current_worker().is_cancelled:
                return
            self.app.call_from_thread(self._laid_out, blocks, width, head)
            rest = _parts(blocks[FIRST_BLOCKS:], styles, width, blocks[FIRST_BLOCKS - 1])
            head = head + _lines(rest, width)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._laid_out, blocks, width, head)

    def _laid_out(self, blocks: list[RT.Block], width: int, lines: list[Strip]) -> None:
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
        if self._drawn_for != (scroll_x, width, base):
            self._drawn.clear()
            self._drawn_for = (scroll_x, width, base)
        strip = self._drawn.get(index)
        if strip is None:
            line = self._lines[index].crop_extend(scroll_x, scroll_x + width, None)
            strip = self._drawn[index] = Strip(Segment.apply_style(line, base), width)
        return strip
