"""Keyboard-only forms: Tab between fields, Enter or Ctrl+S to save, Escape to cancel.

A form is described by a list of `Field`s; date fields are typed the way people say them
and show, under the field, how they were understood. A form hands the typed values (raw
strings, bools, codes) to its `save` and never saves anything itself: the app does, in a
worker, and the form stays open, with everything typed, until the app says it is saved
(`saved`) or why it was refused (`refused`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.timer import Timer
from textual.widgets import Checkbox, Input, Label, Select, Static

from workbench.domain.humanize import describe_when
from workbench.domain.records import field, record
from workbench.i18n import t
from workbench.tui.widgets.clean_input import CleanInput
from workbench.tui.widgets.set_text import SetText

BUSY_NOTICE_AFTER = 0.3
"""Seconds a save may take before the form says it is saving."""


@record(frozen=True)
class Field:
    name: str
    label: str
    """Translation key of the label."""
    kind: str = "text"
    """text, date, int, choice or check."""
    value: Any = ""
    required: bool = False
    suggestions: Sequence[str] = ()
    choices: Sequence[tuple[str, str]] = ()
    """(label key, code) pairs for a choice."""
    hint: str = ""
    """Translation key of a hint under the field; for a check, the words beside its box
    (which a click on toggles too)."""
    placeholder: str = ""


@record
class FormSpec:
    title: str
    """Translation key."""
    fields: list[Field]
    subtitle: str = ""
    """Plain text shown under the title (e.g. the instruction concerned)."""
    parse_date: Callable[[str], Any] | None = field(default=None, repr=False)


FormSave = Callable[[dict[str, Any], "FormScreen"], None]
"""Given the typed values and the form, make the change; then call `form.saved()` or
`form.refused(reason)`."""


class FormScreen(ModalScreen[None]):
    """A form of `Field`s, open until what was typed is saved or the form is cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "key.cancel", id="form.cancel"),
        Binding("ctrl+s", "save", "key.save", id="form.save", priority=True),
        # Before the keys after it are handed to a field: typed in one burst (a busy
        # moment, a text expander), 事項<Tab>下週一 put 下週一 in the field Tab had left.
        Binding("tab", "app.focus_next", "key.next_field", show=False, priority=True),
        Binding(
            "shift+tab", "app.focus_previous", "key.previous_field", show=False, priority=True
        ),
    ]

    DEFAULT_CSS = """
    FormScreen { align: center middle; }
    FormScreen > #form {
        width: 78; max-width: 100%; height: auto; max-height: 100%;
        border: round $accent; background: $panel; padding: 0 1;
    }
    FormScreen .form-title { text-style: bold; color: $accent; }
    FormScreen .form-subtitle { color: $text-muted; }
    /* The fields scroll between the heading and the foot, so that on a short screen
       the reason a save was refused and the keys stay in sight. (A height in fr leaves
       out only docked neighbours.) */
    FormScreen #form-head { dock: top; height: auto; padding-bottom: 1; }
    FormScreen #fields { height: auto; max-height: 1fr; }
    FormScreen #form-foot { dock: bottom; height: auto; }
    FormScreen .field { height: auto; }
    FormScreen .field-label { width: 16; color: $text-muted; padding-right: 1; }
    FormScreen .field Input, FormScreen .field Select { width: 1fr; }
    FormScreen .field-preview { color: $success; height: auto; padding-left: 16; }
    FormScreen .field-preview.-error { color: $error; }
    FormScreen .field-hint { color: $text-muted; height: auto; padding-left: 16; }
    /* Textual measures a box without words two cells short of what it draws, and
       drew ▐X… for ▐X▌. */
    FormScreen Checkbox { border: none; padding: 0; background: $panel; min-width: 5; }
    FormScreen #form-error { color: $error; height: auto; }
    FormScreen #form-error.-busy { color: $text-muted; }
    FormScreen #form-keys { color: $text-muted; }
    """

    def __init__(self, spec: FormSpec, save: FormSave) -> None:
        super().__init__()
        self.spec = spec
        self._save = save
        self._saving = False
        """Between Enter and the app's answer: a second Enter must not save twice."""
        self._busy_notice: Timer | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="form"):
            with Vertical(id="form-head"):
                yield Label(Content(t(self.spec.title)), classes="form-title")
                if self.spec.subtitle:
                    yield SetText(self.spec.subtitle, classes="form-subtitle", max_lines_each=2)
            # Not a stop for Tab: the keys typed there went nowhere, and Enter saved nothing.
            with VerticalScroll(id="fields", can_focus=False):
                for f in self.spec.fields:
                    yield from self._field(f)
            with Vertical(id="form-foot"):
                yield Static("", id="form-error")
                yield Label(Content(t("tui.form.keys")), id="form-keys")

    def _field(self, f: Field) -> ComposeResult:
        """One line per field: the label, then what to type; a date's reading under it."""
        label = t(f.label) + (" *" if f.required else "")
        with Horizontal(classes="field"):
            yield Label(Content(label), classes="field-label")
            if f.kind == "check":
                words = Content(t(f.hint)) if f.hint else Content("")
                yield Checkbox(words, bool(f.value), id=f"f-{f.name}", compact=True)
            elif f.kind == "choice":
                options = [(Content(t(key)), code) for key, code in f.choices]
                yield Select(options, value=f.value or options[0][1], allow_blank=False,
                             id=f"f-{f.name}", compact=True)  # fmt: skip
            else:
                suggester = (
                    SuggestFromList(f.suggestions, case_sensitive=False) if f.suggestions else None
                )
                placeholder = f.placeholder or f.hint
                yield CleanInput(
                    str(f.value or ""),
                    placeholder=t(placeholder) if placeholder else "",
                    suggester=suggester,
                    type="integer" if f.kind == "int" else "text",
                    id=f"f-{f.name}",
                    compact=True,
                )
        if f.kind == "date":
            yield Static("", id=f"p-{f.name}", classes="field-preview")
        elif f.hint and f.placeholder:
            yield Static(Content(t(f.hint)), classes="field-hint")

    def on_mount(self) -> None:
        for f in self.spec.fields:
            if f.kind == "date":
                self._preview(f.name, str(f.value or ""))
        first = self.query("Input, Select, Checkbox").first()
        first.focus()

    def _preview(self, name: str, text: str) -> bool:
        """Show how a date field is understood; False if it is not."""
        preview = self.query_one(f"#p-{name}", Static)
        if not text.strip() or self.spec.parse_date is None:
            preview.update("")
            preview.display = False
            preview.remove_class("-error")
            return True
        try:
            when = self.spec.parse_date(text)
        except ValueError as err:
            preview.display = True
            preview.update(Content(str(err)))
            preview.add_class("-error")
            return False
        preview.display = True
        preview.update(Content("= " + describe_when(when.value)))
        preview.remove_class("-error")
        return True

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        name = (event.input.id or "")[2:]
        spec = next((f for f in self.spec.fields if f.name == name), None)
        if spec is not None and spec.kind == "date":
            self._preview(name, event.value)
        self.query_one("#form-error", Static).update("")

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_save()

    def values(self) -> dict[str, Any] | None:
        """The typed values, or None (with the reason shown) if something is missing."""
        out: dict[str, Any] = {}
        for f in self.spec.fields:
            widget = self.query_one(f"#f-{f.name}")
            if isinstance(widget, Checkbox):
                out[f.name] = widget.value
                continue
            if isinstance(widget, Select):
                out[f.name] = widget.value
                continue
            assert isinstance(widget, Input)
            value = widget.value.strip()
            if f.required and not value:
                self._error(t("tui.form.required", field=t(f.label)), widget)
                return None
            if f.kind == "date" and value and not self._preview(f.name, value):
                self._error(t("tui.form.bad_date", field=t(f.label)), widget)
                return None
            if f.kind == "int":
                if value and not value.isdigit():
                    self._error(t("tui.form.bad_number", field=t(f.label)), widget)
                    return None
                out[f.name] = int(value) if value else None
                continue
            out[f.name] = value
        return out

    def _error(self, message: str, widget: Input) -> None:
        self.query_one("#form-error", Static).update(Content(message))
        widget.focus()
        self.app.bell()

    def action_save(self) -> None:
        if self._saving:
            self.app.bell()
            return
        values = self.values()
        if values is not None:
            self._saving = True
            # Most changes are saved within a frame or two; a long one (an import) says so.
            self._busy_notice = self.set_timer(BUSY_NOTICE_AFTER, self._show_busy)
            self._save(values, self)

    def _show_busy(self) -> None:
        if self._saving:
            message = self.query_one("#form-error", Static)
            message.add_class("-busy")
            message.update(Content(t("tui.form.saving")))

    def _answered(self) -> None:
        self._saving = False
        if self._busy_notice is not None:
            self._busy_notice.stop()
            self._busy_notice = None
        self.query_one("#form-error", Static).remove_class("-busy")

    def saved(self) -> None:
        """Saved: close, in the same frame that shows the change."""
        self._answered()
        if self.is_current:
            self.dismiss(None)

    def refused(self, message: str) -> None:
        """The app could not save: say why, keep everything typed, let the user try again
        or cancel."""
        self._answered()
        self.query_one("#form-error", Static).update(Content(message))
        self.app.bell()

    def action_cancel(self) -> None:
        if not self._saving:
            self.dismiss(None)
