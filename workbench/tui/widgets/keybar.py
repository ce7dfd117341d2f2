"""The key line at the bottom: the keys of the focused pane, in the interface language.

Textual's Footer shows a binding's description as given; ours are translation keys, so
this bar looks them up whenever the bindings change (focus moved, language switched).
Keys that share a description (`+` and `-` for importance) share one entry, and entries
that do not fit the width are left out whole — never cut in the middle — keeping the
help key, which leads to all the others. While a dialog is open in front of its screen,
the bar is drawn dimmed: its keys would type into the dialog's field or do nothing, and
the dialog says which keys are its own.
"""

from __future__ import annotations

from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget

from workbench.i18n import t

GROUPS = {"key.importance_up": "key.importance", "key.importance_down": "key.importance"}
"""Bindings shown together under one description."""
LAST = ("help", "quit")
"""Actions always kept, at the end."""


class KeyBar(Widget):
    DEFAULT_CSS = """
    KeyBar {
        height: 1;
        dock: bottom;
        background: $footer-background;
        color: $footer-foreground;
    }
    """

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self.app.screen_change_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)
        self.app.screen_change_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen) -> None:
        self.refresh()

    def _entries(self) -> list[tuple[str, str, bool, str]]:
        """(keys, description, enabled, action) in order, grouped."""
        entries: dict[str, list] = {}
        for active in self.screen.active_bindings.values():
            binding = active.binding
            if not binding.show:
                continue
            description = GROUPS.get(binding.description, binding.description)
            key = self.app.get_key_display(binding)
            if description in entries:
                if key not in entries[description][0]:
                    entries[description][0].append(key)
                continue
            entries[description] = [[key], description, active.enabled, binding.action]
        return [("/".join(keys), desc, enabled, action) for keys, desc, enabled, action
                in entries.values()]  # fmt: skip

    def shown(self) -> list[tuple[str, str, bool, str]]:
        """The entries as drawn: all disabled while a dialog is in front of the screen."""
        entries = self._entries()
        if self.screen is self.app.screen:
            return entries
        return [(keys, description, False, action) for keys, description, _, action in entries]

    def render(self) -> Content:
        entries = self.shown()
        kept = [e for e in entries if e[3] in LAST]
        rest = [e for e in entries if e[3] not in LAST]
        pieces = []

        def piece(entry) -> Content:
            keys, description, enabled, _ = entry
            style = "bold $footer-key-foreground" if enabled else "$text-disabled"
            return Content.assemble(
                (f" {keys} ", style), (t(description), "" if enabled else "$text-disabled"), " "
            )

        budget = self.size.width - sum(piece(e).cell_length for e in kept)
        for entry in rest:
            content = piece(entry)
            if content.cell_length > budget:
                continue
            budget -= content.cell_length
            pieces.append(content)
        pieces.extend(piece(e) for e in kept)
        return Content("").join(pieces)
