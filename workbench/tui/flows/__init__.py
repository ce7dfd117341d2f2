"""What a key leads to: a form or a quick-add line, then one change run in a worker, then a
short notice of what it did. Mixed into the app and grouped by what they act on; this module
holds what they share."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from functools import cache
from typing import TYPE_CHECKING, Any

from workbench.domain.text import one_line
from workbench.i18n import has_key, t

if TYPE_CHECKING:
    from workbench.domain.models import Instruction
    from workbench.service.workbench import Workbench
    from workbench.tui.screens.form import Field, FormSave, FormScreen


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


def refusal_text(err: BaseException) -> str:
    """A refusal in the screen's words. The service's messages are written for the command
    line too; where one names an option (--feedback), the screen has its own wording,
    under the same key with `.screen` added. A refusal that quotes another as its
    `problem` (the file an import refused, then why) quotes that one's screen words."""
    key = getattr(err, "key", None)
    if not key:
        return str(err)
    params = dict(getattr(err, "params", {}))
    if "problem" in params and getattr(err.__cause__, "key", None):
        params["problem"] = refusal_text(err.__cause__)  # type: ignore[arg-type]
    if has_key(f"{key}.screen"):
        return t(f"{key}.screen", **params)
    return t(key, **params) if params != getattr(err, "params", {}) else str(err)


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

    def _simple_form(
        self, title: str, subtitle: str, fields: list[Field], save: FormSave
    ) -> None:
        """Show a form; on Enter, run `save`, which closes it or says why it could not."""
        from workbench.tui.screens.form import FormScreen, FormSpec

        spec = FormSpec(
            title=title, subtitle=subtitle, fields=fields, parse_date=self.workbench.parse_date
        )
        self.push_screen(FormScreen(spec, save))

    def _save_one_change(
        self,
        change: Callable[[dict[str, Any]], Any],
        done: Callable[[Any], str],
        keep: Callable[[Any], dict[str, Hashable | None]] | None = None,
    ) -> FormSave:
        """A form's save that makes one change; a refusal is shown in the form."""

        def save(values: dict[str, Any], form: FormScreen) -> None:
            self.perform(
                lambda: change(values),
                done=done,
                keep=keep,
                on_error=form.refused,
                close=form.saved,
            )

        return save

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
        self._simple_form(title, subtitle, fields, self._save_one_change(change, done, keep))
