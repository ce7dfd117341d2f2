"""Fixes for three known Textual bugs, applied when the app module is imported.

**Memory.** `StylesCache.get_inner_outer` is an instance method under
`functools.lru_cache(1024)`, so its cache keeps every widget's styles cache it has seen,
and with it the lines that widget last drew (Textual issue 6665, open). Every screen
opened and closed — a quick-add box, a form, the summary screen with its report — stayed
in memory that way: the summary screen, opened and closed at 100,000 records, kept 0.8 MB
more each time (measured). The colours it caches depend only on its two colour
arguments, so here Textual's own function is cached on those alone.

**Chinese in a toast.** The compositor cuts each line of the screen at every edge of
every widget on it, and divides each widget's line at those cuts; a double-width
character across a cut becomes two spaces. A widget drawn over others — a toast, a
dropdown — is cut at the edges of the widgets under it, so a toast such as
已刪除：核對安全隱患整改台賬 lost the character that crossed the border between the two
panes (Textual issue 6357, open). Here a line is divided only where what is drawn there
changes hands: the cells of one widget that no widget above covers stay one piece, kept
under the first of their cuts, and the cuts it spans are marked as absorbed so that
nothing under it claims them and a partial update draws the piece to its real end.

**Editing keys in order.** A text field inserts a typed character as soon as the key
reaches it, but runs its own editing keys (Backspace, Ctrl+U, Ctrl+W, Home, ←, …) only
after the key has come back up to the app, which looks the binding up: keys that arrive
together — over a slow remote connection, from a text expander — were applied out of
order. Ctrl+U then 下週五 cleared the field after 下週五 was typed into it; two
Backspaces then 週報 deleted the 報 just typed (Textual issue 6605, open). Here a field
runs its own bindings when the key reaches it, the way the app would have run them, so
each key acts where it was typed; a key the field does not bind goes up as before. A
Textual that runs them itself (the fix proposed upstream adds
`Widget._run_key_bindings`) is left alone.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache
from operator import and_
from typing import Any

from textual import events
from textual._compositor import ChopsUpdate, Compositor  # private: the bugs are there
from textual._styles_cache import StylesCache
from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Input

replaced: Any = None
"""Textual's styles-cache method as it was, once replaced (for the tests)."""

textual_render_chops: Any = None
"""Textual's `Compositor._render_chops`, once replaced (for the tests)."""

textual_input_on_key: Any = None
"""Textual's `Input._on_key`, once replaced (for the tests)."""

ABSORBED = Strip([], 0)
"""The bucket of a cut inside a piece kept whole: drawn by the bucket before it."""


def apply() -> None:
    _keep_styles_caches_small()
    _keep_wide_characters_whole()
    _keep_editing_keys_in_order()


def _keep_styles_caches_small() -> None:
    """Replace the method while it is still the leaking kind; a Textual that has fixed
    it another way is left alone."""
    global replaced
    method = StylesCache.__dict__.get("get_inner_outer")
    if not hasattr(method, "cache_info"):
        return
    replaced = method
    compute: Callable[..., Any] = method.__wrapped__  # its first argument goes unused

    @lru_cache(1024)
    def inner_outer(base_background: Any, background: Any) -> Any:
        return compute(None, base_background, background)

    def get_inner_outer(self: StylesCache, base_background: Any, background: Any) -> Any:
        return inner_outer(base_background, background)

    StylesCache.get_inner_outer = get_inner_outer  # type: ignore[method-assign]


def _render_chops(
    self: Compositor, crop: Region, is_rendered_line: Callable[[int], bool]
) -> Sequence[Mapping[int, Strip]]:
    """Textual's `Compositor._render_chops`, dividing a widget's line only where another
    widget, drawn above it, has taken the cells beyond the cut."""
    cuts = self.cuts
    chops: list[dict[int, Strip | None]] = [dict.fromkeys(line[:-1]) for line in cuts]
    for region, clip, strips in self._get_renders(crop):
        render_region = region.intersection(clip)
        render_x = render_region.x
        first_cut, last_cut = render_region.column_span
        for y, strip in zip(render_region.line_range, strips, strict=False):
            if not is_rendered_line(y):
                continue
            line = chops[y]
            spans = [cut for cut in cuts[y] if last_cut >= cut >= first_cut]
            if len(spans) <= 2:  # the usual case: one bucket (or none), nothing to decide
                if len(spans) == 2 and line[spans[0]] is None:
                    for piece in strip.divide([spans[1] - render_x]):  # as Textual does
                        line[spans[0]] = piece
                continue
            free = [line[cut] is None for cut in spans[:-1]]
            if True not in free:
                continue  # covered by widgets above: nothing of it is drawn
            if not any(map(and_, free, free[1:])):  # no two free buckets side by side
                pieces = strip.divide([cut - render_x for cut in spans[1:]])
                for cut, piece, empty in zip(spans, pieces, free, strict=False):
                    if empty:
                        line[cut] = piece
                continue
            kept = [cut for n, cut in enumerate(spans[1:-1], 1)
                    if not (free[n - 1] and free[n])] + spans[-1:]  # fmt: skip
            start = 0
            pieces = strip.divide([cut - render_x for cut in kept])
            for piece, end in zip(pieces, kept, strict=False):
                stop = spans.index(end, start)
                if free[start]:
                    line[spans[start]] = piece
                    for n in range(start + 1, stop):
                        line[spans[n]] = ABSORBED
                start = stop
    return chops  # type: ignore[return-value]


def _render_partial_update(self: Compositor) -> ChopsUpdate | None:
    """Textual's `Compositor.render_partial_update`, with each piece kept whole ending
    where the piece ends, not at the first cut it spans."""
    update_regions = self._dirty_regions.copy()
    self._dirty_regions.clear()
    if not update_regions:
        return None
    crop = Region.from_union(update_regions).intersection(self.size.region)
    spans = list(self._regions_to_spans(update_regions))
    rendered = {y for y, _, _ in spans}
    chops = _render_chops(self, crop, rendered.__contains__)
    chop_ends = [cut_set[1:] for cut_set in self.cuts]
    for y in rendered:  # the only lines an update reads
        buckets = list(chops[y].values())
        if any(bucket is ABSORBED for bucket in buckets):
            ends = chop_ends[y]  # a slice of its own
            for n in range(len(ends) - 2, -1, -1):
                if buckets[n + 1] is ABSORBED:
                    ends[n] = ends[n + 1]
    return ChopsUpdate(chops, spans, chop_ends)


def _keep_wide_characters_whole() -> None:
    global textual_render_chops
    if Compositor._render_chops is _render_chops:
        return
    textual_render_chops = Compositor._render_chops
    Compositor._render_chops = _render_chops  # type: ignore[method-assign]
    Compositor.render_partial_update = _render_partial_update  # type: ignore[method-assign]


async def _input_on_key(self: Input, event: events.Key) -> None:
    """Run the field's own binding for the key now; otherwise Textual's handler."""
    if not event.is_printable:
        chain = self.screen._modal_binding_chain  # the app's lookup, keymap applied
        if chain and chain[0][0] is self:
            for binding in chain[0][1].key_to_bindings.get(event.key, ()):
                if not binding.priority and await self.app.run_action(binding.action, self):
                    event.stop()
                    event.prevent_default()
                    self._restart_blink()
                    return
    await textual_input_on_key(self, event)


def _keep_editing_keys_in_order() -> None:
    global textual_input_on_key
    if hasattr(Widget, "_run_key_bindings") or Input._on_key is _input_on_key:
        return
    textual_input_on_key = Input._on_key
    Input._on_key = _input_on_key  # type: ignore[method-assign]
