"""A task written back as a quick-add line, so editing uses the same syntax as adding."""

from __future__ import annotations

from collections.abc import Callable

from workbench.domain.models import Category, Importance, Task, due_to_iso
from workbench.domain.quickadd import QuickAdd
from workbench.i18n import t

_CATEGORY_TAGS = ("辦文", "办文", "doc", "辦事", "办事", "affair", "辦會", "办会", "meeting")
"""Tags that set the category themselves: with one of them, no @category is needed."""


def _category_word(category: Category) -> str | None:
    if category is Category.DOC:
        return t("tui.quick.doc")
    if category is Category.AFFAIR:
        return t("tui.quick.affair")
    if category is Category.MEETING:
        return t("tui.quick.meeting")
    return None


def task_as_quick_add(task: Task, parse: Callable[[str], QuickAdd] | None = None) -> str:
    """The line that, parsed again, gives this task's title, due, marks and tags.

    The markers are spelled in the interface's language (!重 in Chinese, !high in
    English), as the secretary would type them. Title words that the parser would read as
    markers or dates are escaped; if `parse` is given and the round trip still differs,
    every title word is escaped.
    """
    marks = []
    if task.due is not None:
        marks.append(f"due:{due_to_iso(task.due)}")
    if task.importance is Importance.HIGH:
        marks.append(t("tui.quick.high"))
    elif task.importance is Importance.LOW:
        marks.append(t("tui.quick.low"))
    if task.urgent:
        marks.append(t("tui.quick.urgent"))
    if task.confidential:
        marks.append(t("tui.quick.confidential"))
    marks.extend(f"#{tag}" for tag in task.tags)
    category = _category_word(task.category)
    if category is not None and not any(tag in task.tags for tag in _CATEGORY_TAGS):
        marks.append(category)

    def build(escape_all: bool) -> str:
        words = []
        for word in task.title.split(" "):
            risky = word[:1] in '!！#＃@\\"“' or word.startswith("due:")
            words.append("\\" + word if word and (escape_all or risky) else word)
        return " ".join([*words, *marks])

    line = build(False)
    if parse is not None:
        try:
            if parse(line).title != task.title:
                line = build(True)
        except ValueError:
            line = build(True)
    return line
