"""What a key leads to: a form or a quick-add line, then one change run in a worker, then a
short notice of what it did. Mixed into the app and grouped by what they act on; this module
holds what they share."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from functools import cache
from typing import TYPE_CHECKING, Any

from workbench.domain.text import one_line

if TYPE_CHECKING:
    from workbench.domain.models import Instruction
    from workbench.service.workbench import Workbench
    from workbench.tui.screens.form import Field


@cache
def user_errors() -> tuple[type[Exception], ...]:
    """Refusals a user can cause; anything else is a bug. Looked up when an error is
    handled: the date and quick-add grammars need not load before the first frame."""
    from workbench.config import ConfigError
    from workbench.domain.dates import DateParseError
    from workbench.domain.quickadd import QuickAddError
    from workbench.service.errors import WorkbenchError
    from workbench.store.db import StoreError

    return (WorkbenchError, StoreError, ConfigError, DateParseError, QuickAddError)


Save = Callable[[dict[str, Any], Callable[[str], None]], None]
"""Given a form's values and a way to reopen the form with an error, make the change."""


def short(text: str, width: int = 24) -> str:
    """A record named in a notice: one line, cut to fit."""
    text = one_line(text)
    return text if len(text) <= width else text[: width - 1] + "…"


def about_instruction(instr: Instruction) -> str:
    """The instruction a form or a new task is about: 校長：落實校園安全檢查."""
    return f"{instr.leader}：{short(instr.content, 60)}"


class FlowBase:
    """Helpers of the flows; the app provides `workbench`, `perform` and Textual's API."""

    workbench: Workbench
    perform: Callable[..., None]
    push_screen: Callable[..., Any]

    def _subtitle(self, instruction_id: int) -> str:
        return about_instruction(self.workbench.instruction_view(instruction_id).instruction)

    def _simple_form(self, title: str, subtitle: str, fields: list[Field], save: Save) -> None:
        """Show a form; on Enter, run `save`, which may put the form back with a reason."""
        from workbench.tui.screens.form import FormScreen, FormSpec

        spec = FormSpec(
            title=title, subtitle=subtitle, fields=fields, parse_date=self.workbench.parse_date
        )
        form = FormScreen(spec)

        def on_values(values: dict[str, Any] | None) -> None:
            if values is not None:
                save(values, lambda message: self._reopen_form(form, message, on_values))

        self.push_screen(form, on_values)

    def _reopen_form(self, form: Any, message: str, on_values: Callable[..., None]) -> None:
        """Saving failed: show the form again with everything typed and the reason."""
        self.push_screen(form, on_values)
        form.call_after_refresh(form.show_error, message)

    def _change_from_form(
        self,
        title: str,
        subtitle: str,
        fields: list[Field],
        change: Callable[[dict[str, Any]], Any],
        done: Callable[[Any], str],
        keep: Callable[[Any], dict[str, Hashable | None]] | None = None,
    ) -> None:
        """The usual flow: a form, then one change with what was typed."""

        def save(values: dict[str, Any], on_error: Callable[[str], None]) -> None:
            self.perform(lambda: change(values), done=done, keep=keep, on_error=on_error)

        self._simple_form(title, subtitle, fields, save)
