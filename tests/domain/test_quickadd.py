"""Quick-add: one line in, a task out."""

from datetime import date, datetime

import pytest

from workbench import i18n
from workbench.domain.calendar import WorkCalendar
from workbench.domain.models import Category, Importance
from workbench.domain.quickadd import (
    ESCAPE_HELP_KEY,
    SYNTAX_HELP_KEY,
    QuickAdd,
    QuickAddError,
    parse_quick_add,
)
from workbench.domain.text import MAX_TITLE

THU = datetime(2026, 11, 26, 10, 0)


def qa(line: str, cal: WorkCalendar | None = None) -> QuickAdd:
    return parse_quick_add(line, THU, cal)


def error_of(line: str) -> QuickAddError:
    with pytest.raises(QuickAddError) as caught:
        qa(line)
    return caught.value


@pytest.fixture
def lang():
    yield i18n.set_language
    i18n.set_language("en")


def test_the_design_example():
    result = qa("準備校務會材料 明天下午3點 !重 #辦會")
    assert result == QuickAdd(
        title="準備校務會材料",
        due=datetime(2026, 11, 27, 15, 0),
        due_phrase="明天下午3點",
        importance=Importance.HIGH,
        tags=("辦會",),
        category=Category.MEETING,
    )


def test_plain_title():
    assert qa("寫周報") == QuickAdd(title="寫周報")


# --------------------------------------------------------------------------- markers


@pytest.mark.parametrize(
    ("marker", "importance", "urgent", "confidential"),
    [
        ("!重", Importance.HIGH, False, False),
        ("!high", Importance.HIGH, False, False),
        ("!HIGH", Importance.HIGH, False, False),
        ("!h", Importance.HIGH, False, False),
        ("!輕", Importance.LOW, False, False),
        ("!轻", Importance.LOW, False, False),
        ("!low", Importance.LOW, False, False),
        ("!l", Importance.LOW, False, False),
        ("!普通", Importance.NORMAL, False, False),
        ("!normal", Importance.NORMAL, False, False),
        ("!急", Importance.NORMAL, True, False),
        ("!urgent", Importance.NORMAL, True, False),
        ("!u", Importance.NORMAL, True, False),
        ("!重急", Importance.HIGH, True, False),
        ("!!", Importance.HIGH, True, False),
        ("!密", Importance.NORMAL, False, True),
        ("!機要", Importance.NORMAL, False, True),
        ("!机要", Importance.NORMAL, False, True),
        ("!confidential", Importance.NORMAL, False, True),
        # full-width markers
        ("！重", Importance.HIGH, False, False),
        ("！急", Importance.NORMAL, True, False),
        ("！！", Importance.HIGH, True, False),
    ],
)
def test_markers(marker, importance, urgent, confidential):
    result = qa(f"報送材料 {marker}")
    assert result.title == "報送材料"
    assert (result.importance, result.urgent, result.confidential) == (
        importance,
        urgent,
        confidential,
    )


def test_markers_combine_and_the_last_importance_counts():
    result = qa("!輕 報送材料 !急 !密 !重")
    assert (result.importance, result.urgent, result.confidential) == (
        Importance.HIGH,
        True,
        True,
    )
    assert result.title == "報送材料"


@pytest.mark.parametrize("line", ["!foo 報送", "報送 !重要的", "報送 !5"])
def test_unknown_marker_is_an_error_that_says_how_to_escape(line):
    err = error_of(line)
    assert err.key == "quickadd.err.unknown_marker"
    marker = err.params["marker"]
    assert marker in line
    assert "\\" + marker in str(err)


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("好! 收到", "好! 收到"),
        ("! 收到", "! 收到"),
        ("!!! 收到", "!!! 收到"),
        ("收到！", "收到！"),
    ],
)
def test_exclamation_inside_text_is_text(line, title):
    result = qa(line)
    assert result.title == title
    assert (result.importance, result.urgent) == (Importance.NORMAL, False)


# --------------------------------------------------------------------------- tags, categories


def test_tags_keep_their_text_once_and_in_order():
    result = qa("整理 #檔案 #Q4報告 #檔案")
    assert result.tags == ("檔案", "Q4報告")
    assert result.category == Category.OTHER


@pytest.mark.parametrize(
    ("tag", "category"),
    [
        ("辦文", Category.DOC),
        ("办文", Category.DOC),
        ("doc", Category.DOC),
        ("辦事", Category.AFFAIR),
        ("办事", Category.AFFAIR),
        ("affair", Category.AFFAIR),
        ("辦會", Category.MEETING),
        ("办会", Category.MEETING),
        ("meeting", Category.MEETING),
        ("Meeting", Category.MEETING),
    ],
)
def test_category_tags_set_the_category_and_stay_tags(tag, category):
    result = qa(f"準備 #{tag}")
    assert (result.tags, result.category) == ((tag,), category)


@pytest.mark.parametrize(
    ("word", "category"),
    [
        ("@辦文", Category.DOC),
        ("@doc", Category.DOC),
        ("@辦事", Category.AFFAIR),
        ("@affair", Category.AFFAIR),
        ("@辦會", Category.MEETING),
        ("@办会", Category.MEETING),
        ("@meeting", Category.MEETING),
        ("@其他", Category.OTHER),
        ("＠辦會", Category.MEETING),
    ],
)
def test_at_sets_the_category_without_a_tag(word, category):
    result = qa(f"準備 {word}")
    assert (result.tags, result.category, result.title) == ((), category, "準備")


def test_full_width_tag_marker_and_space():
    result = qa("準備材料\u3000＃辦會\u3000！重")
    assert (result.title, result.tags, result.category, result.importance) == (
        "準備材料",
        ("辦會",),
        Category.MEETING,
        Importance.HIGH,
    )


def test_unknown_category_is_an_error():
    err = error_of("準備 @老王")
    assert err.key == "quickadd.err.unknown_category"
    assert "@老王" in str(err)


def test_two_categories_are_an_error():
    err = error_of("準備 @辦會 #辦文")
    assert err.key == "quickadd.err.two_categories"
    assert (err.params["first"], err.params["second"]) == ("@辦會", "#辦文")


def test_lone_hash_and_at_are_text():
    assert qa("第 # 條 @ 處").title == "第 # 條 @ 處"


def test_at_or_hash_inside_a_word_is_text():
    assert qa("寄給 bob@example.com 第3#").title == "寄給 bob@example.com 第3#"


# --------------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("line", "title", "due", "phrase"),
    [
        ("交報告 明天", "交報告", date(2026, 11, 27), "明天"),
        ("明天 交報告", "交報告", date(2026, 11, 27), "明天"),
        ("交報告 明天 下午3點", "交報告", datetime(2026, 11, 27, 15), "明天 下午3點"),
        ("交報告 週五前", "交報告", date(2026, 11, 27), "週五前"),
        ("交報告 3天後", "交報告", date(2026, 11, 29), "3天後"),
        ("交報告 3個工作日內", "交報告", date(2026, 12, 1), "3個工作日內"),
        ("Call Bob tomorrow", "Call Bob", date(2026, 11, 27), "tomorrow"),
        ("Review next friday 3pm please", "Review please", datetime(2026, 12, 4, 15),
         "next friday 3pm"),
        ("Send draft dec 1", "Send draft", date(2026, 12, 1), "dec 1"),
        ("Send draft in 3 days", "Send draft", date(2026, 11, 29), "in 3 days"),
        ("Submit report by friday", "Submit report", date(2026, 11, 27), "by friday"),
        ("Lunch at noon", "Lunch", datetime(2026, 11, 26, 12), "at noon"),
        ("交報告 2026-12-01", "交報告", date(2026, 12, 1), "2026-12-01"),
        ("交報告 12/1", "交報告", None, None),
        ("交報告 by 12/1", "交報告", date(2026, 12, 1), "by 12/1"),
    ],
)
def test_dates_as_words_and_runs(line, title, due, phrase):
    result = qa(line)
    assert (result.title, result.due, result.due_phrase) == (
        title if due else line,
        due,
        phrase,
    )


@pytest.mark.parametrize(
    ("line", "title", "due", "phrase"),
    [
        ("明天交報告", "交報告", date(2026, 11, 27), "明天"),
        ("交報告週五前", "交報告", date(2026, 11, 27), "週五前"),
        ("明天下午3點交報告", "交報告", datetime(2026, 11, 27, 15), "明天下午3點"),
        ("12月1日會議紀要", "會議紀要", date(2026, 12, 1), "12月1日"),
        ("報送材料12月1日前", "報送材料", date(2026, 12, 1), "12月1日前"),
        ("下午3點開會", "開會", datetime(2026, 11, 26, 15), "下午3點"),
        ("月底前完成統計", "完成統計", date(2026, 11, 30), "月底前"),
        ("准备材料下周五前", "准备材料", date(2026, 12, 4), "下周五前"),
    ],
)
def test_chinese_dates_glued_to_words(line, title, due, phrase):
    result = qa(line)
    assert (result.title, result.due, result.due_phrase) == (title, due, phrase)


@pytest.mark.parametrize(
    "line",
    [
        "今天的會議紀要",  # 的 after the date: the title is about today's meeting
        "明日之星評選",  # 之 after the date
        "出差3天",  # a duration, not a deadline
        "討論3點意見",  # three points
        "下午茶會",  # a part of day alone
        "15號樓會議",  # a day of the month alone, glued
        "三天兩夜",
        "明天",  # would leave no title
        "明天交",  # the rest must be at least two characters
    ],
)
def test_glued_dates_that_are_not_taken(line):
    if line == "明天":
        assert error_of(line).key == "quickadd.err.empty_title"
        return
    result = qa(line)
    assert (result.title, result.due) == (line, None)


@pytest.mark.parametrize(
    "line",
    [
        "weekly report",
        "Print 3d model",
        "Plan for 2 weeks",
        "Meeting with Sun Li",
        "review v1.2 docs 3.5",
        "3/4 of the budget",
        "出差 3天",
        "討論 3點 意見",
    ],
)
def test_words_that_only_look_like_dates_stay_in_the_title(line):
    result = qa(line)
    assert (result.title, result.due) == (line, None)


def test_explicit_due():
    assert qa("報送 due:明天").due == date(2026, 11, 27)
    assert qa("報送 due:2026-12-01").due == date(2026, 12, 1)
    result = qa('報送 due:"next friday 3pm"')
    assert (result.title, result.due, result.due_phrase) == (
        "報送",
        datetime(2026, 12, 4, 15),
        "next friday 3pm",
    )
    assert qa("報送 DUE：下週一").due == date(2026, 11, 30)
    assert qa("Print 3d model due:3d").due == date(2026, 11, 29)


def test_explicit_due_that_is_not_a_date_reports_the_date_error():
    err = error_of("報送 due:2月30日")
    assert err.key == "dates.err.no_such_date"
    assert err.date_error is not None
    assert err.date_error.unknown == "2月30日"
    assert '"2月30日"' in str(err)


def test_empty_due_is_an_error():
    assert error_of("報送 due:").key == "quickadd.err.due_empty"
    assert error_of('報送 due:""').key == "quickadd.err.due_empty"


@pytest.mark.parametrize("line", ["2月30日 會議", "會議 13月1日", "會議 下午13點"])
def test_an_impossible_date_is_an_error_not_a_title(line):
    assert error_of(line).key in ("dates.err.no_such_date", "dates.err.bad_time")


@pytest.mark.parametrize(
    ("line", "first", "second"),
    [
        ("交報告 明天 下週一", "明天", "下週一"),
        ("明天交報告 下週五前", "明天", "下週五前"),
        ("交報告 明天 due:下週一", "明天", "下週一"),
        ("明天交報告下週五前", "明天", "下週五前"),
        ("every monday call 每天", "every monday", "每天"),
    ],
)
def test_two_different_dates_are_an_error_naming_both(line, first, second):
    err = error_of(line)
    assert err.key == "quickadd.err.two_dates"
    assert (err.params["first"], err.params["second"]) == (first, second)
    assert first in str(err)
    assert second in str(err)


def test_the_same_date_twice_is_fine():
    result = qa("明天 交報告 明天")
    assert (result.title, result.due) == ("交報告", date(2026, 11, 27))


# --------------------------------------------------------------------------- repetitions


def test_recurrence_words():
    result = qa("例會 每週一 上午9點 #辦會")
    assert result.recurrence == "FREQ=WEEKLY;BYDAY=MO;BYHOUR=9;BYMINUTE=0"
    assert result.due == datetime(2026, 11, 30, 9)
    assert result.due_phrase == "每週一 上午9點"
    assert result.title == "例會"


def test_recurrence_glued_and_english():
    assert qa("每週一例會").recurrence == "FREQ=WEEKLY;BYDAY=MO"
    result = qa("standup every monday")
    assert (result.title, result.recurrence) == ("standup", "FREQ=WEEKLY;BYDAY=MO")


def test_recurrence_on_working_days():
    cal = WorkCalendar(holidays=[date(2026, 11, 26)])
    result = qa("打卡 每個工作日", cal)
    assert result.working_days_only
    assert result.due == date(2026, 11, 27)


def test_bare_recurrence_adjective_needs_due():
    assert qa("weekly report").recurrence is None
    assert qa("report due:weekly").recurrence == "FREQ=WEEKLY;BYDAY=TH"


# --------------------------------------------------------------------------- escapes


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ('"明天" 去開會', "明天 去開會"),
        ("“明天” 去開會", "明天 去開會"),
        ("“明天”交報告", "明天交報告"),
        ('"next friday" retro', "next friday retro"),
        ("\\明天 開會", "明天 開會"),
        ("\\#1 文件", "#1 文件"),
        ("\\!重 文件", "!重 文件"),
        ("\\@辦會 文件", "@辦會 文件"),
        ('"#辦會" 文件', "#辦會 文件"),
        ('說明"明天"的事', '說明"明天"的事'),
        ('5" screen', '5" screen'),
    ],
)
def test_escapes_keep_text_literal(line, title):
    result = qa(line)
    assert (result.title, result.due, result.tags) == (title, None, ())


def test_help_keys_exist_in_every_language():
    for key in (ESCAPE_HELP_KEY, SYNTAX_HELP_KEY):
        texts = i18n.catalogue()[key]
        assert all(texts)
    assert "\\" in i18n.t_in("en", ESCAPE_HELP_KEY)


# --------------------------------------------------------------------------- titles


def test_markup_like_titles_stay_as_typed():
    result = qa("[bold]x[/bold] 明天 [red]注意[/red]")
    assert result.title == "[bold]x[/bold] [red]注意[/red]"


def test_title_spacing_follows_the_user():
    assert qa("準備   材料  !重   給 王科長").title == "準備 材料 給 王科長"
    assert qa("明天交報告 給科長").title == "交報告 給科長"


def test_control_characters_and_escapes_are_removed():
    assert qa("準備\x1b[31m材料\x07 明天").title == "準備材料"


@pytest.mark.parametrize("line", ["", "   ", "!重", "#辦會 !急", "明天 !重", "@辦會"])
def test_empty_title_is_an_error(line):
    assert error_of(line).key == "quickadd.err.empty_title"


def test_too_long_title_is_an_error():
    err = error_of("字" * (MAX_TITLE + 1))
    assert err.key == "quickadd.err.title_too_long"
    assert qa("字" * MAX_TITLE).title == "字" * MAX_TITLE


def test_huge_line_is_refused():
    assert error_of("字 " * 50_000).key == "quickadd.err.too_long"


def test_errors_are_translated(lang):
    err = error_of("準備 @老王")
    lang("zh-Hant")
    assert "不認識的類別" in str(err)
    lang("zh-Hans")
    assert "不认识的类别" in str(err)
