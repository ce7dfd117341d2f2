"""Dates in words, in English, Traditional and Simplified Chinese."""

from datetime import date, datetime, timedelta

import pytest
from rich.cells import cell_len

from workbench import i18n
from workbench.domain.humanize import (
    DUE_CELLS,
    age_in_words,
    days_left_in_words,
    deadline_in_words,
    describe_recurrence,
    describe_when,
    due_in_words,
    format_date,
    format_date_short,
    is_overdue,
    weekday_name,
)

THU = datetime(2026, 11, 26, 10, 0)  # week Mon 23 – Sun 29 November
EN, HANT, HANS = "en", "zh-Hant", "zh-Hans"


@pytest.fixture
def lang():
    """Switch the interface language inside a test; always back to English after."""
    yield i18n.set_language
    i18n.set_language("en")


def in_langs(lang, func, *args):
    out = []
    for code in (EN, HANT, HANS):
        lang(code)
        out.append(func(*args))
    return tuple(out)


# --------------------------------------------------------------------------- due column

DUE_CASES = [
    # (due, en, zh-Hant, zh-Hans)
    (date(2026, 11, 24), "2d overdue", "逾期2天", "逾期2天"),
    (date(2026, 11, 25), "1d overdue", "逾期1天", "逾期1天"),
    (datetime(2026, 11, 25, 23, 0), "1d overdue", "逾期1天", "逾期1天"),
    (datetime(2026, 11, 26, 7, 0), "3h overdue", "逾期3小時", "逾期3小时"),
    (datetime(2026, 11, 26, 9, 45), "15m overdue", "逾期15分鐘", "逾期15分钟"),
    (datetime(2026, 11, 26, 9, 59, 50), "1m overdue", "逾期1分鐘", "逾期1分钟"),
    (date(2025, 11, 1), "1y overdue", "逾期1年", "逾期1年"),
    (date(2026, 11, 26), "today", "今天", "今天"),
    (datetime(2026, 11, 26, 10, 0), "today 10:00", "今天 10:00", "今天 10:00"),
    (datetime(2026, 11, 26, 15, 0), "today 15:00", "今天 15:00", "今天 15:00"),
    (date(2026, 11, 27), "tomorrow", "明天", "明天"),
    (datetime(2026, 11, 27, 9, 30), "Fri 09:30", "明天 09:30", "明天 09:30"),
    (date(2026, 11, 28), "in 2 days", "後天", "后天"),
    (datetime(2026, 11, 28, 9, 0), "Sat 09:00", "後天 09:00", "后天 09:00"),
    (date(2026, 11, 29), "Sun", "週日", "周日"),
    (datetime(2026, 11, 29, 8, 0), "Sun 08:00", "週日 08:00", "周日 08:00"),
    (date(2026, 12, 2), "next Wed", "下週三", "下周三"),
    (datetime(2026, 12, 2, 15, 0), "Wed 15:00", "下週三 15:00", "下周三 15:00"),
    (datetime(2026, 12, 3, 15, 0), "next Thu", "下週四 15:00", "下周四 15:00"),
    (date(2026, 12, 6), "next Sun", "下週日", "下周日"),
    (date(2026, 12, 8), "8 Dec", "12月8日", "12月8日"),
    (datetime(2026, 12, 8, 15, 0), "8 Dec", "12月8日", "12月8日"),
    (date(2027, 1, 5), "5 Jan 2027", "2027年1月5日", "2027年1月5日"),
    (date(2027, 12, 25), "25 Dec 2027", "2027-12-25", "2027-12-25"),
    (date(9999, 12, 31), "31 Dec 9999", "9999-12-31", "9999-12-31"),
    (date(1, 1, 1), "overdue", "逾期2025年", "逾期2025年"),
]


@pytest.mark.parametrize(("due", "en", "hant", "hans"), DUE_CASES)
def test_due_in_words(lang, due, en, hant, hans):
    assert in_langs(lang, due_in_words, due, THU) == (en, hant, hans)


@pytest.mark.parametrize(("due", "en", "hant", "hans"), DUE_CASES)
def test_due_in_words_fits_the_column(lang, due, en, hant, hans):
    for text in in_langs(lang, due_in_words, due, THU):
        assert cell_len(text) <= DUE_CELLS == 12


def test_due_in_words_fits_for_every_day_of_two_years(lang):
    start = date(2026, 1, 1)
    for code in (EN, HANT, HANS):
        lang(code)
        for n in range(0, 730, 3):
            day = start + timedelta(days=n)
            for due in (day, datetime(day.year, day.month, day.day, 23, 59)):
                assert cell_len(due_in_words(due, THU)) <= 12, (code, due)


def test_due_in_words_on_a_sunday_night(lang):
    sunday_night = datetime(2026, 11, 29, 23, 30)
    assert in_langs(lang, due_in_words, date(2026, 12, 4), sunday_night) == (
        "next Fri",
        "下週五",
        "下周五",
    )


@pytest.mark.parametrize(
    ("due", "now", "overdue"),
    [
        (date(2026, 11, 26), datetime(2026, 11, 26, 23, 59, 59), False),
        (date(2026, 11, 26), datetime(2026, 11, 27, 0, 0), True),
        (date(2026, 11, 27), THU, False),
        (datetime(2026, 11, 26, 10, 0), THU, False),
        (datetime(2026, 11, 26, 9, 59), THU, True),
        (date(9999, 12, 31), THU, False),
    ],
)
def test_is_overdue(due, now, overdue):
    assert is_overdue(due, now) is overdue


# --------------------------------------------------------------------------- readings


def test_describe_when(lang):
    assert in_langs(lang, describe_when, date(2026, 12, 4)) == (
        "Friday 4 December 2026 (all day)",
        "2026年12月4日 星期五（全天）",
        "2026年12月4日 星期五（全天）",
    )
    assert in_langs(lang, describe_when, datetime(2026, 11, 27, 15, 0)) == (
        "Friday 27 November 2026, 15:00",
        "2026年11月27日 星期五 15:00",
        "2026年11月27日 星期五 15:00",
    )
    assert in_langs(lang, describe_when, datetime(2026, 11, 27, 15, 0, 30))[0] == (
        "Friday 27 November 2026, 15:00:30"
    )


def test_a_day_that_needs_no_all_day_mark(lang):
    """A date issued, a deadline, a history line: a bare day reads as a day."""
    assert in_langs(lang, lambda d: describe_when(d, all_day=False), date(2026, 12, 4)) == (
        "Friday 4 December 2026",
        "2026年12月4日 星期五",
        "2026年12月4日 星期五",
    )
    at_three = datetime(2026, 11, 27, 15, 0)
    assert describe_when(at_three, all_day=False) == describe_when(at_three)
    assert in_langs(lang, deadline_in_words, date(2026, 11, 24), -3)[1:] == (
        "2026年11月24日 星期二（逾期3天）",
        "2026年11月24日 星期二（逾期3天）",
    )


def test_format_date(lang):
    assert in_langs(lang, format_date, date(2026, 11, 26)) == (
        "26 November 2026",
        "2026年11月26日",
        "2026年11月26日",
    )
    short = ("26 Nov", "11月26日", "11月26日")
    assert in_langs(lang, format_date_short, date(2026, 11, 26)) == short
    assert in_langs(lang, format_date_short, date(2027, 1, 5)) == ("5 Jan", "1月5日", "1月5日")


@pytest.mark.parametrize(
    ("day", "full", "short"),
    [
        (date(2026, 11, 23), ("Monday", "星期一", "星期一"), ("Mon", "週一", "周一")),
        (date(2026, 11, 26), ("Thursday", "星期四", "星期四"), ("Thu", "週四", "周四")),
        (date(2026, 11, 29), ("Sunday", "星期日", "星期日"), ("Sun", "週日", "周日")),
    ],
)
def test_weekday_name(lang, day, full, short):
    assert in_langs(lang, weekday_name, day) == full
    assert in_langs(lang, weekday_name, day, True) == short


@pytest.mark.parametrize(
    ("days", "expected"),
    [
        (3, ("3 days left", "還剩3天", "还剩3天")),
        (1, ("1 day left", "還剩1天", "还剩1天")),
        (0, ("due today", "今天到期", "今天到期")),
        (-1, ("1 day overdue", "逾期1天", "逾期1天")),
        (-2, ("2 days overdue", "逾期2天", "逾期2天")),
    ],
)
def test_days_left_in_words(lang, days, expected):
    assert in_langs(lang, days_left_in_words, days) == expected


@pytest.mark.parametrize(
    ("created", "expected"),
    [
        (datetime(2026, 11, 26, 8, 0), ("today", "今天", "今天")),
        (datetime(2026, 11, 27, 8, 0), ("today", "今天", "今天")),
        (datetime(2026, 11, 25, 23, 0), ("yesterday", "昨天", "昨天")),
        (datetime(2026, 11, 23, 8, 0), ("3 days ago", "3天前", "3天前")),
        (datetime(2026, 11, 19, 8, 0), ("1 week ago", "1週前", "1周前")),
        (datetime(2026, 11, 12, 8, 0), ("2 weeks ago", "2週前", "2周前")),
        (datetime(2026, 9, 26, 8, 0), ("2 months ago", "2個月前", "2个月前")),
        (datetime(2025, 11, 26, 8, 0), ("1 year ago", "1年前", "1年前")),
        (datetime(2023, 1, 1, 8, 0), ("3 years ago", "3年前", "3年前")),
    ],
)
def test_age_in_words(lang, created, expected):
    assert in_langs(lang, age_in_words, created, THU) == expected


# --------------------------------------------------------------------------- repetitions


@pytest.mark.parametrize(
    ("rule", "workdays", "expected"),
    [
        ("FREQ=WEEKLY;BYDAY=MO", False, ("every Monday", "每週一", "每周一")),
        ("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", True,
         ("every working day", "每個工作日", "每个工作日")),
        ("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", False,
         ("every weekday (Monday to Friday)", "每週一至週五", "每周一至周五")),
        ("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO", False,
         ("every 2 weeks on Monday", "每2週的週一", "每2周的周一")),
        ("FREQ=WEEKLY;BYDAY=MO,WE,FR", False,
         ("every Monday, Wednesday and Friday", "每週一、週三、週五", "每周一、周三、周五")),
        ("FREQ=WEEKLY", False, ("every week", "每週", "每周")),
        ("FREQ=DAILY", False, ("every day", "每天", "每天")),
        ("FREQ=DAILY;INTERVAL=3", False, ("every 3 days", "每3天", "每3天")),
        ("FREQ=MONTHLY;BYMONTHDAY=15", False, ("every month on the 15th", "每月15日", "每月15日")),
        ("FREQ=MONTHLY;BYMONTHDAY=1,2,3,22", False,
         ("every month on the 1st, 2nd, 3rd and 22nd", "每月1日、2日、3日、22日",
          "每月1日、2日、3日、22日")),
        ("FREQ=MONTHLY;BYMONTHDAY=-1", False,
         ("every month on the last day", "每月最後一天", "每月最后一天")),
        ("FREQ=MONTHLY;BYDAY=1MO", False,
         ("every month on the first Monday", "每月第一個週一", "每月第一个周一")),
        ("FREQ=MONTHLY;BYDAY=-1FR", False,
         ("every month on the last Friday", "每月最後一個週五", "每月最后一个周五")),
        ("FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=26", False,
         ("every 3 months on the 26th", "每3個月的26日", "每3个月的26日")),
        ("FREQ=MONTHLY", False, ("every month", "每月", "每月")),
        ("FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=1", False,
         ("every year on 1 December", "每年12月1日", "每年12月1日")),
        ("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1", False,
         ("every year on the last day of February", "每年2月最後一天", "每年2月最后一天")),
        ("FREQ=YEARLY", False, ("every year", "每年", "每年")),
        ("FREQ=WEEKLY;BYDAY=MO;BYHOUR=9;BYMINUTE=0", False,
         ("every Monday at 09:00", "每週一 09:00", "每周一 09:00")),
        ("FREQ=WEEKLY;BYDAY=MO", True,
         ("every Monday, working days only", "每週一（僅限工作日）", "每周一（仅限工作日）")),
        ("FREQ=WEEKLY;BYDAY=MO;COUNT=5", False,
         ("every Monday, 5 times", "每週一，共5次", "每周一，共5次")),
        ("FREQ=DAILY;UNTIL=20261231", False,
         ("every day, until 31 December 2026", "每天，至2026年12月31日止",
          "每天，至2026年12月31日止")),
        ("RRULE:FREQ=DAILY", False, ("every day", "每天", "每天")),
        ("FREQ=HOURLY", False, ("repeats: FREQ=HOURLY", "重複：FREQ=HOURLY", "重复：FREQ=HOURLY")),
        ("FREQ=WEEKLY;BYSETPOS=1", False,
         ("repeats: FREQ=WEEKLY;BYSETPOS=1", "重複：FREQ=WEEKLY;BYSETPOS=1",
          "重复：FREQ=WEEKLY;BYSETPOS=1")),
        ("not a rule", False, ("repeats: not a rule", "重複：not a rule", "重复：not a rule")),
        ("FREQ=MONTHLY;BYMONTHDAY=x", False,
         ("repeats: FREQ=MONTHLY;BYMONTHDAY=x", "重複：FREQ=MONTHLY;BYMONTHDAY=x",
          "重复：FREQ=MONTHLY;BYMONTHDAY=x")),
    ],
)
def test_describe_recurrence(lang, rule, workdays, expected):
    assert in_langs(lang, describe_recurrence, rule, workdays) == expected


def test_every_rule_the_parser_writes_reads_back_in_words(lang):
    from tests.domain.test_dates import RECURRENCE_CASES

    for _phrase, rule, _first, workdays in RECURRENCE_CASES:
        for code in (EN, HANT, HANS):
            lang(code)
            text = describe_recurrence(rule, workdays)
            assert "FREQ" not in text, (rule, code, text)


def test_simplified_output_uses_simplified_week_word(lang):
    lang(HANS)
    outputs = [
        due_in_words(date(2026, 12, 2), THU),
        weekday_name(date(2026, 11, 26), short=True),
        describe_recurrence("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO"),
        age_in_words(datetime(2026, 11, 12), THU),
    ]
    assert all("週" not in text for text in outputs)


def test_whole_months_counts_as_relativedelta_does():
    from datetime import date, timedelta

    from dateutil.relativedelta import relativedelta

    from workbench.domain.humanize import _whole_months

    days = [date(2024, 1, 1) + timedelta(days=n) for n in range(0, 1200, 5)]
    for earlier in days[:80]:
        for later in days:
            if later >= earlier:
                span = relativedelta(later, earlier)
                assert _whole_months(earlier, later) == span.years * 12 + span.months


def test_a_year_overdue_across_a_leap_day_is_one_year_not_zero(lang):
    # 2023-03-01 to 2024-02-29 is 365 days but eleven whole months.
    now = datetime(2024, 2, 29, 10, 0)
    lang("zh-Hant")
    assert due_in_words(date(2023, 3, 1), now) == "逾期1年"
