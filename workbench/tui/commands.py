"""The command palette (Ctrl+P): every key's action, language and theme, and tasks found by
their title.

Textual's `Matcher.highlight` parses the candidate as markup, which a title such as
`close [/] here` would break, so hits are highlighted here on plain `Content`. A command
is also found by its English name in a Chinese interface (typing `undo` finds 復原).
When nothing matches, we say so ourselves, in the interface language.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content

from workbench.domain.records import record
from workbench.i18n import LANGS, get_language, t, t_in
from workbench.tui.key_names import key_names

if TYPE_CHECKING:
    from workbench.tui.app import WorkbenchApp

LANGUAGE_NAMES = {"en": "English", "zh-Hant": "繁體中文", "zh-Hans": "简体中文"}
TASK_HITS = 12


def highlight(matcher: Matcher, text: str) -> Content:
    """`text` as plain content with the matched characters styled."""
    content = Content(text)
    score, offsets = matcher.fuzzy_search.match(matcher.query, text)
    if not score:
        return content
    for offset in offsets:
        if offset < len(text) and not text[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


@record(frozen=True)
class Command:
    title: str
    english: str
    callback: Callable[[], object]
    key: str = ""


def _nothing() -> None:
    """The "no match" line does nothing when chosen."""


class _Base(Provider):
    @property
    def wb_app(self) -> WorkbenchApp:
        return self.app  # type: ignore[return-value]

    async def _task_hits(self, query: str) -> list[Hit]:
        from workbench.store.store import TaskFilter

        worker = self.app.run_worker(
            partial(self.wb_app.workbench.list_tasks, TaskFilter(query=query), 0, TASK_HITS),
            thread=True,
            exit_on_error=False,
        )
        views = await worker.wait() or []
        matcher = self.matcher(query)
        hits = []
        for rank, view in enumerate(views):
            task = view.task
            hits.append(
                Hit(
                    0.5 - rank / 100,
                    highlight(matcher, task.title),
                    partial(self.wb_app.reveal_task, task.id),
                    text=task.title,
                    help=t("tui.command.task_hint"),
                )
            )
        return hits

    def _none(self) -> Hit:
        text = t("tui.command.nothing")
        return Hit(0.0, Content.styled(text, "$text-muted"), _nothing, text=text)


class WorkbenchCommands(_Base):
    """Commands that depend on where the user is, then tasks matching the words typed."""

    def _commands(self) -> list[Command]:
        app = self.wb_app
        out: list[Command] = []

        def both(key: str, **kw: object) -> tuple[str, str]:
            return t(key, **kw), t_in("en", key, **kw)

        for pane, binding in app.pane_bindings():
            title, english = both(binding.description)
            place, place_en = both(f"tui.pane.{pane}")
            out.append(
                Command(
                    f"{title} · {place}",
                    f"{english} {place_en}",
                    partial(app.run_pane_action, pane, binding.action),
                    key_names(app, binding.key),
                )
            )
        for binding in app.global_bindings():
            title, english = both(binding.description)
            out.append(
                Command(
                    title,
                    english,
                    partial(app.run_action, binding.action),
                    key_names(app, binding.key),
                )
            )
        for lang in LANGS:
            title, english = both("tui.command.language", language=LANGUAGE_NAMES[lang])
            out.append(Command(title, english, partial(app.switch_language, lang)))
        for key, callback in (
            ("tui.command.theme", app.action_change_theme),
            ("tui.command.toggle_dark", app.toggle_dark),
            ("tui.command.jump", app.jump_to_task),
            ("tui.command.brief", app.show_brief),
            ("tui.export.json", partial(app.export_data, "json")),
            ("tui.export.taskwarrior", partial(app.export_data, "taskwarrior")),
            ("tui.export.ics", partial(app.export_data, "ics")),
            ("tui.import.title", app.import_data),
        ):
            title, english = both(key)
            out.append(Command(title, english, callback))
        return out  # fmt: skip

    async def discover(self) -> Hits:
        for command in self._commands():
            yield DiscoveryHit(Content(command.title), command.callback, text=command.title,
                               help=command.key or None)  # fmt: skip

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        english_too = get_language() != "en"
        found = False
        for command in self._commands():
            score = matcher.match(command.title)
            if english_too:
                score = max(score, matcher.match(command.english) * 0.9)
            if score > 0:
                found = True
                yield Hit(score, highlight(matcher, command.title), command.callback,
                          text=command.title, help=command.key or None)  # fmt: skip
        for hit in await self._task_hits(query):
            found = True
            yield hit
        if not found:
            yield self._none()


class TaskJumpCommands(_Base):
    """ "Jump to task…": searches titles with the same index as the list search."""

    async def search(self, query: str) -> Hits:
        if not query.strip():
            return
        hits = await self._task_hits(query)
        for hit in hits:
            yield hit
        if not hits:
            yield self._none()
