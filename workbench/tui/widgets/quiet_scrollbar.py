"""A vertical scrollbar that repaints only when what it draws changes.

Textual's scrollbar repaints whenever its position changes by a row. In a list of 100,000
rows the thumb is one cell tall and moves one eighth of a cell every few hundred rows, yet
every cursor step that scrolls the list repainted all forty cells of the bar — a third of
the frame's rendering (about 2 ms of 8, measured with the benchmark probe). Here the three
numbers the bar is drawn from no longer repaint by themselves; when one changes, the bar
is worked out again by Textual's own renderer and repainted only if it differs from the bar
on screen. Hover and drag still repaint as before.

It also keeps the lines it last drew. A frame that draws the whole screen again — after a
dialog closes, or when the list's length changes — asks every scrollbar for its lines, and
Textual renders each of a bar's forty cells through its general styling path: about 1.5 ms
a bar, three bars, measured, in the frame that closes the quick-add box. The lines depend
only on the crop, the size, the bar's cells and its colours, so they are drawn again only
when one of those changes (or the stylesheet does).
"""

from __future__ import annotations

from math import ceil

from rich.console import RenderableType
from textual.geometry import Region
from textual.reactive import Reactive
from textual.scrollbar import ScrollBar
from textual.strip import Strip


class QuietScrollBar(ScrollBar):
    window_virtual_size: Reactive[int] = Reactive(100, repaint=False)
    window_size: Reactive[int] = Reactive(0, repaint=False)
    position: Reactive[float] = Reactive(0, repaint=False)

    def __init__(self, vertical: bool = True, name: str | None = None, *, thickness: int = 1):
        super().__init__(vertical=vertical, name=name, thickness=thickness)
        self._drawn: tuple[object, ...] | None = None
        self._lines: tuple[tuple[object, ...], list[Strip]] | None = None

    def _bar(self) -> tuple[object, ...]:
        """The cells of the bar as it would be drawn now (its colours aside: a change of
        colour comes with a restyle, which repaints anyway)."""
        window_size = self.window_size if self.window_size < self.window_virtual_size else 0
        length = self.size.height if self.vertical else self.size.width
        return (
            length,
            *self.renderer.render_bar(
                size=length,
                virtual_size=ceil(self.window_virtual_size),
                window_size=ceil(window_size),
                position=self.position,
                thickness=self.thickness,
                vertical=self.vertical,
            ).segments,
        )

    def render(self) -> RenderableType:
        self._drawn = self._bar()
        return super().render()

    def render_lines(self, crop: Region) -> list[Strip]:
        renderable = self.render()  # works out the colours (hover and drag included)
        key = (crop, self.size, self._drawn, getattr(renderable, "style", None))
        if self._lines is None or self._lines[0] != key:
            self._lines = (key, self._draw(crop))
        return self._lines[1]

    def _draw(self, crop: Region) -> list[Strip]:
        return super().render_lines(crop)

    def notify_style_update(self) -> None:
        self._lines = None
        super().notify_style_update()

    def _repaint_if_changed(self) -> None:
        if self._drawn is None or self._bar() != self._drawn:
            self.refresh()

    def watch_window_virtual_size(self) -> None:
        self._repaint_if_changed()

    def watch_window_size(self) -> None:
        self._repaint_if_changed()

    def watch_position(self) -> None:
        self._repaint_if_changed()
