"""A task written back as a quick-add line, so editing uses the same syntax as adding."""

from __future__ import annotations

from collections.abc import Callable

from workbench.domain.models import Category, Importance, Task, due_to_iso
from workbench.domain.quickadd import QuickAdd

_CATEGORY_WORD = {Category.DOC: "doc", Category.AFFAIR: "affair", Category.MEETING: "meeting"}


def task_as_quick_add(task: Task, parse: Callable[[str], QuickAdd] | None = None) -> str:
    """The line that, parsed again, gives this task's title, due, marks and tags.

    Title words that the parser would read as markers or dates are escaped; if `parse` is
    given and the round trip still differs, every title word is escaped.
    """
    marks = []
    if task.due is not None:
        marks.append(f"due:{due_to_iso(task.due)}")
    if task.importance is Importance.HIGH:
        marks.append("!high")
    elif task.importance is Importance.LOW:
        marks.append("!low")
    if task.urgent:
        marks.append("!urgent")
    if task.confidential:
        marks.append("!confidential")
    marks.extend(f"#{tag}" for tag in task.tags)
    if task.category in _CATEGORY_WORD and not any(
        t_ in task.tags
        for t_ in ("辦文", "办文", "doc", "辦事", "办事", "affair", "辦會", "办会", "meeting")
    ):
        marks.append(f"@{_CATEGORY_WORD[task.category]}")

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
