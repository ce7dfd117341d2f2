"""Text set the way Chinese is set, at whatever width the widget gets.

Textual's own wrapping breaks lines only at spaces, so a run of Chinese after a label or a
number is one long "word": in the day's briefing an item `1. 全面排查校園安全隱患，…` left
its number alone on a line, and an instruction's details put its light (` 綠 `) alone on
the first line and the content under it. Here every line is broken beforehand where
`line_starts` says (between Chinese characters, never inside a number or a Latin word, no
line beginning with a closing mark such as ，or ）), and a line's later parts hang under
its text: after a list number (`1. `), a label and its two spaces (`批示領導  `, a
timestamp), or the line's own indent. Styles are kept: the lines are cut from the
content, not rebuilt.
"""

from __future__ import annotations

import re

from textual.content import Content
from textual.geometry import Size
from textual.widgets import Static

from workbench.domain.text import cell_width, line_starts

_HEAD = re.compile(r" *(?:\d{1,3}\. |[（(][一二三四五六七八九十\d]{1,3}[)）]|[^ ].{0,24}? {2,})?")
"""What a line's later parts hang after: its indent, then a list number or a label ending
in two spaces (both short)."""


def hanging(plain: str, width: int) -> int:
    """Cells a line's later parts are indented by (none if the head is a third of the
    line or more: then it is not a label)."""
    head = _HEAD.match(plain)
    cells = cell_width(head.group()) if head else 0
    return cells if cells < width // 3 else 0


def set_line(line: Content, width: int) -> list[Content]:
    """One line of content as the lines it takes `width` cells wide."""
    plain = line.plain
    if width <= 0 or cell_width(plain) <= width:
        return [line]
    first = line_starts(plain, width)
    if not first:
        return [line]
    hang = hanging(plain, width)
    rest = line_starts(plain[first[0] :], max(1, width - hang))
    starts = [first[0], *(first[0] + start for start in rest)]
    pieces = line.divide(starts)
    indent = Content(" " * hang)
    return [pieces[0].rstrip(" "), *(indent + piece.rstrip(" ") for piece in pieces[1:])]


def _at_most(lines: list[Content], most: int | None, width: int) -> list[Content]:
    """The first `most` lines, the last ending in … if any were left out."""
    if not most or len(lines) <= most:
        return lines
    last = lines[most - 1]
    if cell_width(last.plain) >= width:
        last = last.truncate(max(1, width - 1))
    return [*lines[: most - 1], last + "…"]


class SetText(Static):
    """Content (or plain text, shown as text) set into lines once per width."""

    DEFAULT_CSS = "SetText { height: auto; }"

    def __init__(
        self,
        content: Content | str,
        *,
        id: str | None = None,
        classes: str | None = None,
        max_lines_each: int | None = None,
    ) -> None:
        self.source = Content(content) if isinstance(content, str) else content
        self.max_lines_each = max_lines_each
        """Lines each paragraph (a line of the source) is set in at most, the last kept
        ending in …: a heading that names a long instruction must not push a form's
        fields off a small screen, nor the sentence under it out of sight."""
        super().__init__(self.source, id=id, classes=classes)
        self._set: tuple[int, Content, int] | None = None
        """(width, the content set at that width, its number of lines)"""

    def _set_for(self, width: int) -> tuple[int, Content, int]:
        if self._set is None or self._set[0] != width:
            lines = [
                piece
                for line in self.source.split("\n")
                for piece in _at_most(set_line(line, width), self.max_lines_each, width)
            ]
            self._set = (width, Content("\n").join(lines), len(lines))
        return self._set

    def set_at(self, width: int) -> Content:
        return self._set_for(width)[1]

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return self._set_for(width)[2]

    def render(self) -> Content:
        return self.set_at(self.content_size.width)
