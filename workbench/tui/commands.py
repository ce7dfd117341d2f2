"""The command palette (Ctrl+P): every key's action, plus language, theme and jumping to a
task by its title.

Textual's `Matcher.highlight` parses the candidate as markup, which a title such as
`close [/] here` would break, so hits are highlighted here on plain `Content`.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content

from workbench.i18n import LANGS, t

if TYPE_CHECKING:
    from workbench.tui.app import WorkbenchApp

LANGUAGE_NAMES = {"en": "English", "zh-Hant": "繁體中文", "zh-Hans": "简体中文"}


def highlight(matcher: Matcher, text: str) -> Content:
    """`text` as plain content with the matched characters styled."""
    content = Content(text)
    score, offsets = matcher.fuzzy_search.match(matcher.query, text)
    if not score:
        return content
    for offset in offsets:
        if not text[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


class WorkbenchCommands(Provider):
    """Commands that depend on where the user is."""

    @property
    def wb_app(self) -> WorkbenchApp:
        return self.app  # type: ignore[return-value]

    def _commands(self) -> list[tuple[str, Callable[[], object], str]]:
        app = self.wb_app
        out: list[tuple[str, Callable[[], object], str]] = []
        for pane, binding in app.pane_bindings():
            title = f"{t(binding.description)} · {t(f'tui.pane.{pane}')}"
            out.append((title, partial(app.run_pane_action, pane, binding.action), binding.key))
        for binding in app.global_bindings():
            out.append(
                (t(binding.description), partial(app.run_action, binding.action), binding.key)
            )
        for lang in LANGS:
            out.append(
                (
                    t("tui.command.language", language=LANGUAGE_NAMES[lang]),
                    partial(app.switch_language, lang),
                    "",
                )
            )
        out.append((t("tui.command.theme"), app.action_change_theme, ""))
        out.append((t("tui.command.toggle_dark"), app.toggle_dark, ""))
        out.append((t("tui.command.jump"), app.jump_to_task, ""))
        return out

    async def discover(self) -> Hits:
        for title, callback, key in self._commands():
            yield DiscoveryHit(Content(title), callback, text=title, help=key or None)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, callback, key in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, highlight(matcher, title), callback, text=title, help=key or None)


class TaskJumpCommands(Provider):
    """ "Jump to task…": searches titles with the same index as the list search."""

    @property
    def wb_app(self) -> WorkbenchApp:
        return self.app  # type: ignore[return-value]

    async def search(self, query: str) -> Hits:
        if not query.strip():
            return
        from workbench.store.store import TaskFilter

        views = await self.app.run_worker(
            partial(self.wb_app.workbench.list_tasks, TaskFilter(query=query), 0, 20),
            thread=True,
            exit_on_error=False,
        ).wait()
        matcher = self.matcher(query)
        for rank, view in enumerate(views or []):
            task = view.task
            yield Hit(
                1.0 - rank / 100,
                highlight(matcher, task.title),
                partial(self.wb_app.reveal_task, task.id),
                text=task.title,
            )
