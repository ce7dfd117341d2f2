"""The workarounds for Textual bugs: a closed screen's widgets are let go, wide characters
stay whole, editing keys act in the order they were typed."""

from __future__ import annotations

import gc

import pytest
from textual import events
from textual._styles_cache import StylesCache
from textual.app import App, ComposeResult
from textual.screen import Screen
from textual.widgets import Input, Label, Static

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


# ----------------------------------------------------------------- Chinese in a toast

from textual.containers import Horizontal  # noqa: E402
from textual.widgets import Footer  # noqa: E402

MESSAGE = "已刪除：核對安全隱患整改台賬"


class _Panes(App[None]):
    CSS = """
    Static { width: 1fr; height: 1fr; border: round white; }
    #left { width: 30; }
    Toast { max-width: 60; }
    """

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield Static("左邊的窗格", id="left")
            yield Static("右邊的窗格", id="right")
        yield Footer()


def _screen_text(app: App[None]) -> list[str]:
    return [strip.text for strip in app.screen._compositor.render_strips()]


async def test_a_toast_over_two_panes_keeps_every_character():
    textual_fixes.apply()
    # Every width puts the toast's text across the panes' border at another cell.
    for width in range(76, 82):
        app = _Panes()
        async with app.run_test(size=(width, 16), notifications=True) as pilot:
            app.notify(MESSAGE, timeout=30)
            await pilot.pause()
            assert any(MESSAGE in line for line in _screen_text(app)), width


async def test_a_partial_update_under_a_toast_draws_each_piece_to_its_end():
    """What the terminal receives after a change under the toast: each piece of a line
    reaches exactly to where the next begins."""
    textual_fixes.apply()
    app = _Panes()
    async with app.run_test(size=(79, 16), notifications=True) as pilot:
        app.notify(MESSAGE, timeout=30)
        await pilot.pause()
        compositor = app.screen._compositor
        compositor.render_full_update()
        app.query_one("#right", Static).update("右邊的窗格，更新了")
        app.query_one("#left", Static).update("左邊")
        compositor.update_widgets({app.query_one("#left"), app.query_one("#right")})
        update = compositor.render_partial_update()
        assert update is not None
        for y, _, _ in update.spans:
            for end, (x, strip) in zip(update.chop_ends[y], update.chops[y].items(),
                                       strict=True):  # fmt: skip
                if strip is not None and strip is not textual_fixes.ABSORBED:
                    assert strip.cell_length == end - x, (y, x)


async def test_a_screen_without_overlays_is_cut_as_textual_cuts_it():
    textual_fixes.apply()
    app = _Panes()
    async with app.run_test(size=(80, 16)) as pilot:
        await pilot.pause()
        compositor = app.screen._compositor
        region = compositor.size.region
        ours = compositor._render_chops(region, lambda y: True)
        theirs = textual_fixes.textual_render_chops(compositor, region, lambda y: True)
        assert [{x: s.text for x, s in line.items()} for line in ours] == [
            {x: s.text for x, s in line.items()} for line in theirs
        ]


class _Field(App[None]):
    def compose(self) -> ComposeResult:
        yield Input(id="field")


async def _typed_together(keys: list[str]) -> str:
    """What a field holds after keys that arrive together, as the terminal driver hands
    them to the app."""
    app = _Field()
    async with app.run_test(size=(60, 5)) as pilot:
        await pilot.pause()
        for key in keys:
            app.post_message(events.Key(key, key if len(key) == 1 else None))
        await pilot.pause()
        await pilot.pause()
        return app.query_one(Input).value


_BURSTS = [
    ([*"交報告", "ctrl+u", *"下週五"], "下週五"),
    ([*"交週報告", "backspace", "backspace", *"表"], "交週表"),
    ([*"週報", "home", *"交"], "交週報"),
    ([*"交週報", "left", "left", *"本"], "交本週報"),
    ([*"明天 交材料", "ctrl+w", *"報告"], "明天 報告"),
]


@pytest.mark.parametrize(("keys", "held"), _BURSTS)
async def test_editing_keys_typed_together_act_where_they_were_typed(keys, held, monkeypatch):
    textual_fixes.apply()
    assert await _typed_together(keys) == held
    if textual_fixes.textual_input_on_key is not None:  # the bug, while Textual has it
        monkeypatch.setattr(Input, "_on_key", textual_fixes.textual_input_on_key)
        assert await _typed_together(keys) != held


async def test_a_key_the_field_does_not_bind_still_reaches_the_app():
    """Tab and Escape are the screen's and the app's: the field passes them on."""
    textual_fixes.apply()

    class _Two(App[None]):
        escaped = 0

        def compose(self) -> ComposeResult:
            yield Input(id="one")
            yield Input(id="two")

        def on_key(self, event: events.Key) -> None:
            self.escaped += event.key == "escape"

    app = _Two()
    async with app.run_test(size=(60, 8)) as pilot:
        await pilot.pause()
        for key in ["x", "escape", "y", "tab"]:
            app.post_message(events.Key(key, key if len(key) == 1 else None))
        await pilot.pause()
        await pilot.pause()
        assert app.query_one("#one", Input).value == "xy"
        assert app.escaped == 1
        assert app.focused is app.query_one("#two", Input)
