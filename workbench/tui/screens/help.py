"""The help screen: every key, by the pane where it works, in the interface language.

It is built from the widgets' own BINDINGS, so it can never disagree with what the keys
do.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from workbench.domain.quickadd import SYNTAX_HELP_KEY
from workbench.i18n import t
from workbench.tui.key_names import key_names


def _rows(app, bindings: list[BindingType]) -> list[Content]:
    rows = []
    for binding in bindings:
        assert isinstance(binding, Binding)
        keys = key_names(app, binding.key)
        rows.append(Content.assemble((f"  {keys:<14}", "bold $accent"), t(binding.description)))
    return rows


def help_content(app) -> Content:
    from workbench.tui.app import WorkbenchApp
    from workbench.tui.screens.main import MainScreen
    from workbench.tui.widgets.feedback_list import FeedbackList
    from workbench.tui.widgets.instruction_list import InstructionList
    from workbench.tui.widgets.paged_list import PagedList
    from workbench.tui.widgets.task_list import TaskList

    sections = [
        (
            "tui.help.everywhere",
            WorkbenchApp.BINDINGS
            + MainScreen.BINDINGS
            + [
                Binding("tab", "focus_next", "key.next_pane"),
                Binding("shift+tab", "focus_previous", "key.previous_pane"),
            ],
        ),
        ("tui.help.lists", PagedList.BINDINGS),
        ("tui.pane.tasks", TaskList.BINDINGS),
        ("tui.pane.instructions", InstructionList.BINDINGS),
        ("tui.pane.feedback", FeedbackList.BINDINGS),
    ]
    lines: list[Content] = [Content.styled(t("tui.help.title"), "bold")]
    for title, bindings in sections:
        lines.append(Content.styled("\n" + t(title), "bold $accent"))
        lines.extend(_rows(app, bindings))
    lines.append(Content.styled("\n" + t("tui.help.quick_add"), "bold $accent"))
    lines.append(Content(t(SYNTAX_HELP_KEY)))
    return Content("\n").join(lines)


class HelpScreen(ModalScreen[None]):
    """Every key, scrolled in a box whose foot says how to read on and how to leave."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "close", "key.back", id="help.close"),
    ]

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > #help {
        width: 90%; max-width: 100; height: 90%;
        border: round $accent; background: $panel; padding: 0 1;
    }
    HelpScreen #help-keys { dock: bottom; height: 2; padding-top: 1; color: $text-muted; }
    """

    def compose(self) -> ComposeResult:
        with Vertical(id="help"):
            with VerticalScroll():
                yield Static(help_content(self.app), id="help-body")
            yield Static(Content(t("tui.help.keys")), id="help-keys")

    def action_close(self) -> None:
        self.dismiss(None)
