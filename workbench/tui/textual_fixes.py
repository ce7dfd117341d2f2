"""A fix for a known Textual bug, applied when the app module is imported.

`StylesCache.get_inner_outer` is an instance method under `functools.lru_cache(1024)`, so
its cache keeps every widget's styles cache it has seen, and with it the lines that widget
last drew (Textual issue 6665, open). Every screen opened and closed — a quick-add box, a
form, the summary screen with its report — stayed in memory that way: the summary screen,
opened and closed at 100,000 records, kept 0.8 MB more each time (measured). The colours
it caches depend only on its two colour arguments, so here Textual's own function is
cached on those alone.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any

from textual._styles_cache import StylesCache  # private module: the bug is there

replaced: Any = None
"""Textual's method as it was, once replaced (for the tests)."""


def apply() -> None:
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
