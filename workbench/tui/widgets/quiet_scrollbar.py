"""A vertical scrollbar that repaints only when what it draws changes.

Textual's scrollbar repaints whenever its position changes by a row. In a list of 100,000
rows the thumb is one cell tall and moves one eighth of a cell every few hundred rows, yet
every cursor step that scrolls the list repainted all forty cells of the bar — a third of
the frame's rendering (about 2 ms of 8, measured with the benchmark probe). Here the three
numbers the bar is drawn from no longer repaint by themselves; when one changes, the bar
is worked out again by Textual's own renderer and repainted only if it differs from the bar
on screen. Hover and drag still repaint as before.
"""

from __future__ import annotations

from math import ceil

from rich.console import RenderableType
from textual.reactive import Reactive
from textual.scrollbar import ScrollBar


class QuietScrollBar(ScrollBar):
    window_virtual_size: Reactive[int] = Reactive(100, repaint=False)
    window_size: Reactive[int] = Reactive(0, repaint=False)
    position: Reactive[float] = Reactive(0, repaint=False)

    def __init__(self, vertical: bool = True, name: str | None = None, *, thickness: int = 1):
        super().__init__(vertical=vertical, name=name, thickness=thickness)
        self._drawn: tuple[object, ...] | None = None

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

    def _repaint_if_changed(self) -> None:
        if self._drawn is None or self._bar() != self._drawn:
            self.refresh()

    def watch_window_virtual_size(self) -> None:
        self._repaint_if_changed()

    def watch_window_size(self) -> None:
        self._repaint_if_changed()

    def watch_position(self) -> None:
        self._repaint_if_changed()
