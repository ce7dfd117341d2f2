"""History lines say their dates as the rest of the interface does, not as they are stored."""

from __future__ import annotations

import re
from datetime import date

import pytest

from tests.conftest import NOW, Clock
from workbench.domain.history import describe_event
from workbench.domain.models import Event
from workbench.service.errors import InvalidInput
from workbench.service.workbench import Workbench


def _event(kind: str, **summary: object) -> Event:
    return Event(action=kind, entity="task", entity_id=1, at=NOW, summary=summary)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("zh-Hant", "延後到 2026年11月30日 星期一"),
        ("zh-Hans", "推迟到 2026年11月30日 星期一"),
        ("en", "Postponed to Monday 30 November 2026"),
    ],
)
def test_a_postponement_says_the_day(lang, language, expected):
    lang(language)
    assert describe_event(_event("task.postpone", due="2026-11-30")) == expected


def test_a_time_and_an_extension_and_their_undoing(lang):
    lang("zh-Hant")
    assert describe_event(_event("task.postpone", due="2026-12-04T15:00")) == (
        "延後到 2026年12月4日 星期五 15:00"
    )
    extension = _event("instruction.extend", old="2026-12-04", new="2026-12-11", reason="等回覆")
    assert describe_event(extension) == (
        "延期：2026年12月4日 星期五 改為 2026年12月11日 星期五，原因：等回覆"
    )
    undone = _event("undo", action="task.postpone", due="2026-11-30")
    assert describe_event(undone) == "已復原：延後到 2026年11月30日 星期一"


def test_what_is_not_a_stored_date_is_shown_as_it_is(lang):
    lang("zh-Hant")
    no_deadline = _event("instruction.extend", old=None, new="2026-12-11", reason="")
    assert describe_event(no_deadline).startswith("延期：- 改為 2026年12月11日 星期五")
    assert describe_event(_event("task.postpone", due="下週")) == "延後到 下週"


def test_an_extension_that_is_not_later_names_the_deadline_in_words(db_path, lang):
    lang("zh-Hant")
    wb = Workbench.open(db_path, clock=Clock())
    try:
        view = wb.add_instruction("落實校園安全檢查", leader="校長", deadline="2026-12-04")
        with pytest.raises(InvalidInput) as refused:
            wb.extend(view.instruction.id, "2026-12-01", reason="等回覆")
        assert "2026年12月4日 星期五" in str(refused.value)
        assert wb.instruction_view(view.instruction.id).instruction.deadline == date(2026, 12, 4)
    finally:
        wb.close()


def test_an_edit_names_the_fields_as_the_forms_do(lang):
    edit = _event("task.edit", title="交週報", fields=["due", "importance", "title"])
    lang("zh-Hant")
    assert describe_event(edit) == "修改了期限、重要程度、事項"
    lang("zh-Hans")
    assert describe_event(edit) == "修改了期限、重要程度、事项"
    lang("en")
    assert describe_event(edit) == "Edited due date, importance, title"
    assert describe_event(_event("task.edit", fields=["colour"])) == "Edited colour"


def test_every_field_an_edit_can_change_has_a_name():
    """The fields the service's edits accept (their docstrings list them)."""
    import inspect

    from workbench import i18n
    from workbench.service.workbench import Workbench

    accepted = set()
    for method in (Workbench.edit_task, Workbench.update_instruction):
        source = inspect.getsource(method)
        accepted |= set(re.findall(r'name == "(\w+)"', source))
        for group in re.findall(r"name in \(([^)]*)\)", source):
            accepted |= set(re.findall(r'"(\w+)"', group))
    assert {"title", "due", "leader", "deadline", "co_handlers"} <= accepted
    assert [f for f in sorted(accepted) if not i18n.has_key(f"history.field.{f}")] == []
