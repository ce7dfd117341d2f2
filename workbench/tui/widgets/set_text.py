"""Short plain text set the way Chinese is set, at whatever width the widget gets.

Textual's own wrapping breaks lines only at spaces: in the day's briefing a numbered item
`1. 全面排查校園安全隱患，…` left its number alone on a line and began on the next, and a
line could begin with ，. Here the breaks are `line_starts`' (between Chinese characters,
never inside a number or a Latin word, no line beginning with a closing mark), and a
numbered item's later lines hang under its text, not under its number.
"""

from __future__ import annotations

import re

from rich.segment import Segment
from textual.geometry import Size
from textual.strip import Strip
from textual.widget import Widget

from workbench.domain.text import cell_width
from workbench.tui.widgets.report_view import Line, text_lines

_NUMBER = re.compile(r"\d{1,3}\. |[（(][一二三四五六七八九十\d]{1,3}[)）]")
"""The number a list item begins with (`1. `, `（一）`): later lines hang after it."""


class SetText(Widget):
    """Plain text (user text included) shown as text, laid out once per width."""

    DEFAULT_CSS = "SetText { height: auto; }"

    def __init__(self, text: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.text = text
        self._laid_out: tuple[int, list[Line]] | None = None

    def lines(self, width: int) -> list[Line]:
        if self._laid_out is None or self._laid_out[0] != width:
            out: list[Line] = []
            for paragraph in self.text.rstrip("\n").split("\n"):
                number = _NUMBER.match(paragraph)
                hanging = cell_width(number.group()) if number else 0
                out += text_lines(paragraph, width, hanging=hanging)
            self._laid_out = (width, out)
        return self._laid_out[1]

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.lines(width))

    def render_line(self, y: int) -> Strip:
        width = self.content_region.width
        lines = self.lines(width)
        base = self.rich_style
        if y >= len(lines):
            return Strip.blank(width, base)
        return Strip(Segment.apply_style(lines[y], base)).extend_cell_length(width, base)
