"""The workaround for Textual's styles-cache leak: a closed screen's widgets are let go."""

from __future__ import annotations

import gc

from textual._styles_cache import StylesCache
from textual.app import App, ComposeResult
from textual.screen import Screen
from textual.widgets import Label, Static

from workbench.tui import textual_fixes


class _Form(Screen[None]):
    def compose(self) -> ComposeResult:
        for n in range(10):
            yield Label(f"欄位 {n}")
        yield Static("說明")


class _App(App[None]):
    def compose(self) -> ComposeResult:
        yield Label("主畫面")


def _styles_caches() -> int:
    gc.collect()
    return sum(isinstance(o, StylesCache) for o in gc.get_objects())


async def _kept_per_round() -> int:
    """Styles caches left alive by each round of opening and closing an eleven-widget
    screen, once the first rounds have settled."""
    app = _App()
    async with app.run_test(size=(60, 20)) as pilot:
        counts = []
        for _ in range(6):
            await app.push_screen(_Form())
            await pilot.pause()
            app.pop_screen()
            await pilot.pause()
            counts.append(_styles_caches())
    return (counts[-1] - counts[1]) // 4


async def test_a_closed_screen_leaves_no_styles_cache_behind(monkeypatch):
    textual_fixes.apply()  # as importing the app does
    assert await _kept_per_round() == 0
    if textual_fixes.replaced is not None:  # the bug, while Textual has it
        monkeypatch.setattr(StylesCache, "get_inner_outer", textual_fixes.replaced)
        assert await _kept_per_round() >= 11


def test_the_colours_are_textual_s_own():
    from textual.color import Color

    textual_fixes.apply()
    cache = StylesCache()
    inner, outer = cache.get_inner_outer(Color(10, 20, 30), Color(200, 0, 0, 0.5))
    assert outer.background == Color(10, 20, 30)
    assert inner.background == Color(10, 20, 30) + Color(200, 0, 0, 0.5)
