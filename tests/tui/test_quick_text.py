"""A task written back as a quick-add line: read again, it is the same task, and its
markers are spelled in the interface's language."""

from __future__ import annotations

import pytest

from workbench import i18n
from workbench.tui.quick_text import task_as_quick_add

LANGS = ("en", "zh-Hant", "zh-Hans")

LINES = [
    "準備校務會材料 明天下午3點 !重 #辦會",
    "回覆區教育局來函 今天 !急 !輕",
    "整理檔案櫃 @辦事 !密",
    "交週報 12月4日 #週報 #辦文 !!",
    "Send the timetable next friday 3pm !high #office @meeting",
    "訂購會議用水",
]

TITLES = [
    "!重要 通知各處室",  # a word the parser reads as a marker
    "#1 會議室 借用",  # a tag
    "明天 的安排",  # a date
    "due:tomorrow 的意思",  # an explicit date
    "@辦文 說明",  # a category
    '"引號" 裡的字',  # quotes
    "\\反斜線 開頭",  # a backslash
]


@pytest.fixture
def language():
    yield i18n.set_language
    i18n.set_language("en")


def _same(a, b) -> None:
    for name in ("title", "due", "importance", "urgent", "tags", "category", "confidential"):
        assert getattr(a, name) == getattr(b, name), name


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("line", LINES)
def test_a_task_written_back_reads_as_the_same_task(empty_workbench, language, lang, line):
    language(lang)
    task = empty_workbench.add_task(line).task
    _same(empty_workbench.preview(task_as_quick_add(task, empty_workbench.preview)), task)


@pytest.mark.parametrize("title", TITLES)
def test_title_words_the_parser_would_take_are_kept_as_title(empty_workbench, title):
    task = empty_workbench.add_task("臨時 !重 #辦事").task
    task = empty_workbench.edit_task(task.id, title=title).task
    line = task_as_quick_add(task, empty_workbench.preview)
    _same(empty_workbench.preview(line), task)


@pytest.mark.parametrize(
    ("lang", "marks"),
    [
        ("en", ["!high", "!urgent", "!confidential", "@affair"]),
        ("zh-Hant", ["!重", "!急", "!密", "@辦事"]),
        ("zh-Hans", ["!重", "!急", "!密", "@办事"]),
    ],
)
def test_the_markers_are_spelled_in_the_interface_language(empty_workbench, language, lang,
                                                           marks):  # fmt: skip
    task = empty_workbench.add_task("整理檔案櫃 !重 !急 !密 @辦事 週五").task
    language(lang)
    line = task_as_quick_add(task, empty_workbench.preview)
    assert line.split()[1:] == [f"due:{task.due.isoformat()}", *marks]
    low = empty_workbench.add_task("整理書架 !輕").task
    assert task_as_quick_add(low).split()[-1] == i18n.t("tui.quick.low")
