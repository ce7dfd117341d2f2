"""Natural-language dates: every phrase with its exact meaning at a fixed `now`.

The nows are chosen for their edges: a plain Thursday morning, a Friday afternoon (today is
the named weekday, times already past), a Sunday night (the last minutes of a week), 30
December (the year rolls over) and 28 February 2027 (a month end, a Sunday, no 29th).
"""

from datetime import date, datetime

import pytest

from workbench import i18n
from workbench.domain.calendar import WorkCalendar
from workbench.domain.dates import (
    DateParseError,
    Recurrence,
    When,
    next_occurrence,
    parse_in_text,
    parse_phrase,
    parse_recurrence,
    parse_when,
)

THU = datetime(2026, 11, 26, 10, 0)  # Thursday; week Mon 23 – Sun 29 November
FRI = datetime(2026, 11, 27, 16, 0)  # Friday afternoon
SUN = datetime(2026, 11, 29, 23, 30)  # Sunday night
DEC30 = datetime(2026, 12, 30, 9, 0)  # Wednesday; week Mon 28 Dec – Sun 3 Jan
FEB28 = datetime(2027, 2, 28, 12, 0)  # Sunday, last day of February


@pytest.fixture
def lang():
    """Switch the interface language inside a test; always back to English after."""
    yield i18n.set_language
    i18n.set_language("en")


# --------------------------------------------------------------------------- phrases

THURSDAY_CASES = [
    # weekdays: the coming one, today counts
    ("週五", "2026-11-27"),
    ("周五", "2026-11-27"),
    ("星期五", "2026-11-27"),
    ("禮拜五", "2026-11-27"),
    ("礼拜五", "2026-11-27"),
    ("本週五", "2026-11-27"),
    ("这周五", "2026-11-27"),
    ("這週五", "2026-11-27"),
    ("fri", "2026-11-27"),
    ("friday", "2026-11-27"),
    ("Friday", "2026-11-27"),
    ("this fri", "2026-11-27"),
    ("週四", "2026-11-26"),
    ("thursday", "2026-11-26"),
    ("週一", "2026-11-30"),
    ("mon", "2026-11-30"),
    ("本週一", "2026-11-23"),
    ("週日", "2026-11-29"),
    ("星期天", "2026-11-29"),
    ("sunday", "2026-11-29"),
    ("周7", "2026-11-29"),
    # next / the week after / last
    ("下週五", "2026-12-04"),
    ("下周五", "2026-12-04"),
    ("下星期五", "2026-12-04"),
    ("下禮拜五", "2026-12-04"),
    ("下個週五", "2026-12-04"),
    ("next fri", "2026-12-04"),
    ("next friday", "2026-12-04"),
    ("Next FRIDAY", "2026-12-04"),
    ("friday next week", "2026-12-04"),
    ("下下週五", "2026-12-11"),
    ("下下周一", "2026-12-07"),
    ("上週五", "2026-11-20"),
    ("上周一", "2026-11-16"),
    ("last friday", "2026-11-20"),
    ("下週一", "2026-11-30"),
    ("next mon", "2026-11-30"),
    # relative days
    ("今天", "2026-11-26"),
    ("今日", "2026-11-26"),
    ("明天", "2026-11-27"),
    ("明日", "2026-11-27"),
    ("後天", "2026-11-28"),
    ("后天", "2026-11-28"),
    ("大後天", "2026-11-29"),
    ("大后天", "2026-11-29"),
    ("昨天", "2026-11-25"),
    ("前天", "2026-11-24"),
    ("today", "2026-11-26"),
    ("TODAY", "2026-11-26"),
    ("tomorrow", "2026-11-27"),
    ("tmr", "2026-11-27"),
    ("yesterday", "2026-11-25"),
    ("the day after tomorrow", "2026-11-28"),
    # offsets in days, weeks, months, years: all-day
    ("3天後", "2026-11-29"),
    ("3天后", "2026-11-29"),
    ("三天後", "2026-11-29"),
    ("3日後", "2026-11-29"),
    ("3天之後", "2026-11-29"),
    ("再過3天", "2026-11-29"),
    ("3天內", "2026-11-29"),
    ("3天内", "2026-11-29"),
    ("3天之內", "2026-11-29"),
    ("一週後", "2026-12-03"),
    ("一周后", "2026-12-03"),
    ("兩週後", "2026-12-10"),
    ("两周后", "2026-12-10"),
    ("3個星期後", "2026-12-17"),
    ("2個月後", "2027-01-26"),
    ("2个月后", "2027-01-26"),
    ("半個月後", "2026-12-11"),
    ("1年後", "2027-11-26"),
    ("半年後", "2027-05-26"),
    ("十天後", "2026-12-06"),
    ("二十天后", "2026-12-16"),
    ("3天前", "2026-11-23"),
    ("in 3 days", "2026-11-29"),
    ("within 3 days", "2026-11-29"),
    ("3 days later", "2026-11-29"),
    ("3 days from now", "2026-11-29"),
    ("in a week", "2026-12-03"),
    ("in 2 weeks", "2026-12-10"),
    ("in two weeks", "2026-12-10"),
    ("in 1 month", "2026-12-26"),
    ("in a year", "2027-11-26"),
    ("+3d", "2026-11-29"),
    ("+2w", "2026-12-10"),
    ("+1m", "2026-12-26"),
    ("+1y", "2027-11-26"),
    ("3d", "2026-11-29"),
    ("2w", "2026-12-10"),
    ("3 days ago", "2026-11-23"),
    ("-1d", "2026-11-25"),
    # offsets in hours and minutes: times
    ("2小時後", "2026-11-26T12:00"),
    ("2小时后", "2026-11-26T12:00"),
    ("兩個小時後", "2026-11-26T12:00"),
    ("一個半小時後", "2026-11-26T11:30"),
    ("30分鐘後", "2026-11-26T10:30"),
    ("30分钟后", "2026-11-26T10:30"),
    ("半小時後", "2026-11-26T10:30"),
    ("in 2 hours", "2026-11-26T12:00"),
    ("in an hour", "2026-11-26T11:00"),
    ("in 30 minutes", "2026-11-26T10:30"),
    ("in half an hour", "2026-11-26T10:30"),
    ("+2h", "2026-11-26T12:00"),
    ("+45min", "2026-11-26T10:45"),
    # ends and starts of periods
    ("月底", "2026-11-30"),
    ("月末", "2026-11-30"),
    ("本月底", "2026-11-30"),
    ("本月", "2026-11-30"),
    ("本月內", "2026-11-30"),
    ("下月底", "2026-12-31"),
    ("下個月底", "2026-12-31"),
    ("下个月底", "2026-12-31"),
    ("年底", "2026-12-31"),
    ("今年底", "2026-12-31"),
    ("明年底", "2027-12-31"),
    ("eom", "2026-11-30"),
    ("end of month", "2026-11-30"),
    ("eoy", "2026-12-31"),
    ("end of the year", "2026-12-31"),
    ("月初", "2026-12-01"),
    ("下月初", "2026-12-01"),
    ("下個月初", "2026-12-01"),
    ("本月初", "2026-11-01"),
    ("週末", "2026-11-28"),
    ("周末", "2026-11-28"),
    ("本週末", "2026-11-28"),
    ("下週末", "2026-12-05"),
    ("weekend", "2026-11-28"),
    ("next weekend", "2026-12-05"),
    ("eow", "2026-11-27"),
    ("end of week", "2026-11-27"),
    ("本週", "2026-11-27"),
    ("本週內", "2026-11-27"),
    ("週內", "2026-11-27"),
    ("下週內", "2026-12-04"),
    ("下週", "2026-11-30"),
    ("下周", "2026-11-30"),
    ("下星期", "2026-11-30"),
    ("next week", "2026-11-30"),
    ("下下週", "2026-12-07"),
    ("上週", "2026-11-16"),
    ("下個月", "2026-12-01"),
    ("下月", "2026-12-01"),
    ("next month", "2026-12-01"),
    ("明年", "2027-01-01"),
    ("next year", "2027-01-01"),
    ("季末", "2026-12-31"),
    ("季度末", "2026-12-31"),
    ("eoq", "2026-12-31"),
    ("下季度末", "2027-03-31"),
    # times of day alone: the next occurrence
    ("下午3點", "2026-11-26T15:00"),
    ("下午3点", "2026-11-26T15:00"),
    ("下午三點", "2026-11-26T15:00"),
    ("下午 3點", "2026-11-26T15:00"),
    ("下午3:30", "2026-11-26T15:30"),
    ("下午３：３０", "2026-11-26T15:30"),
    ("上午9點半", "2026-11-27T09:30"),
    ("上午9點15分", "2026-11-27T09:15"),
    ("上午九點十五分", "2026-11-27T09:15"),
    ("上午11點", "2026-11-26T11:00"),
    ("早上8點", "2026-11-27T08:00"),
    ("早8點", "2026-11-27T08:00"),
    ("中午12點", "2026-11-26T12:00"),
    ("中午1點", "2026-11-26T13:00"),
    ("晚上8點", "2026-11-26T20:00"),
    ("晚8點", "2026-11-26T20:00"),
    ("傍晚6點", "2026-11-26T18:00"),
    ("凌晨2點", "2026-11-27T02:00"),
    ("晚上1點", "2026-11-27T01:00"),
    ("15點", "2026-11-26T15:00"),
    ("15时30分", "2026-11-26T15:30"),
    ("十五點三十分", "2026-11-26T15:30"),
    ("3點", "2026-11-26T15:00"),
    ("9點", "2026-11-27T09:00"),
    ("3點半", "2026-11-26T15:30"),
    ("3點一刻", "2026-11-26T15:15"),
    ("3點三刻", "2026-11-26T15:45"),
    ("9點05", "2026-11-27T09:05"),
    ("9點零五分", "2026-11-27T09:05"),
    ("3點整", "2026-11-26T15:00"),
    ("15:00", "2026-11-26T15:00"),
    ("15：00", "2026-11-26T15:00"),
    ("3:00", "2026-11-27T03:00"),
    ("3pm", "2026-11-26T15:00"),
    ("3 pm", "2026-11-26T15:00"),
    ("3PM", "2026-11-26T15:00"),
    ("3:30pm", "2026-11-26T15:30"),
    ("9am", "2026-11-27T09:00"),
    ("9 a.m.", "2026-11-27T09:00"),
    ("11am", "2026-11-26T11:00"),
    ("noon", "2026-11-26T12:00"),
    ("12 noon", "2026-11-26T12:00"),
    ("midnight", "2026-11-27T00:00"),
    ("12點", "2026-11-26T12:00"),
    ("12pm", "2026-11-26T12:00"),
    ("12am", "2026-11-27T00:00"),
    ("下午12點", "2026-11-26T12:00"),
    ("晚上12點", "2026-11-27T00:00"),
    ("半夜12點", "2026-11-27T00:00"),
    ("24:00", "2026-11-27T00:00"),
    ("上午", "2026-11-27T09:00"),
    ("下午", "2026-11-26T14:00"),
    ("晚上", "2026-11-26T20:00"),
    ("morning", "2026-11-27T09:00"),
    # a day and a part of it in one word
    ("今晚", "2026-11-26T20:00"),
    ("今晚8點", "2026-11-26T20:00"),
    ("今晚八点半", "2026-11-26T20:30"),
    ("明早", "2026-11-27T09:00"),
    ("明早9點", "2026-11-27T09:00"),
    ("明晚", "2026-11-27T20:00"),
    ("明晚7點", "2026-11-27T19:00"),
    ("tonight", "2026-11-26T20:00"),
    ("this afternoon", "2026-11-26T14:00"),
    ("tomorrow morning", "2026-11-27T09:00"),
    ("tomorrow night", "2026-11-27T20:00"),
    # a day and a time
    ("明天下午3點", "2026-11-27T15:00"),
    ("明天下午3点", "2026-11-27T15:00"),
    ("明天 下午3點", "2026-11-27T15:00"),
    ("明天，下午3點", "2026-11-27T15:00"),
    ("明天的下午3點", "2026-11-27T15:00"),
    ("明天3點", "2026-11-27T15:00"),
    ("明天凌晨12點", "2026-11-27T00:00"),
    ("明天晚上12點", "2026-11-28T00:00"),
    ("週五上午10點", "2026-11-27T10:00"),
    ("下週一 9:30", "2026-11-30T09:30"),
    ("下週五下午3點", "2026-12-04T15:00"),
    ("下周五下午3点", "2026-12-04T15:00"),
    ("下週五下午3点", "2026-12-04T15:00"),
    ("今天下午", "2026-11-26T14:00"),
    ("tomorrow 3pm", "2026-11-27T15:00"),
    ("tomorrow at 3pm", "2026-11-27T15:00"),
    ("3pm tomorrow", "2026-11-27T15:00"),
    ("fri 9am", "2026-11-27T09:00"),
    ("9am on friday", "2026-11-27T09:00"),
    ("next friday 3pm", "2026-12-04T15:00"),
    ("tomorrow noon", "2026-11-27T12:00"),
    ("tomorrow midnight", "2026-11-28T00:00"),
    ("明天 3pm", "2026-11-27T15:00"),
    ("12月1日下午2點", "2026-12-01T14:00"),
    ("12月1日 14:00", "2026-12-01T14:00"),
    ("2026-12-01 14:00", "2026-12-01T14:00"),
    ("2026-12-01T14:00", "2026-12-01T14:00"),
    ("2026-12-01T14:00:30", "2026-12-01T14:00:30"),
    ("dec 1 at 3:30pm", "2026-12-01T15:30"),
    ("Dec 1st, 2026 at 3:30 pm", "2026-12-01T15:30"),
    ("3天後下午3點", "2026-11-29T15:00"),
    ("in 3 days at 9am", "2026-11-29T09:00"),
    # absolute dates; without a year the next occurrence
    ("12月1日", "2026-12-01"),
    ("12月1號", "2026-12-01"),
    ("12月1号", "2026-12-01"),
    ("12月1", "2026-12-01"),
    ("2026年12月1日", "2026-12-01"),
    ("26年12月1日", "2026-12-01"),
    ("十二月一日", "2026-12-01"),
    ("二〇二六年十二月一日", "2026-12-01"),
    ("二零二六年十二月一日", "2026-12-01"),
    ("二○二六年十二月一日", "2026-12-01"),
    ("１２月１日", "2026-12-01"),
    ("2026-12-01", "2026-12-01"),
    ("2026/12/01", "2026-12-01"),
    ("2026.12.01", "2026-12-01"),
    ("2026-12-1", "2026-12-01"),
    ("12/1", "2026-12-01"),
    ("12-01", "2026-12-01"),
    ("12.1", "2026-12-01"),
    ("dec 1", "2026-12-01"),
    ("Dec 1", "2026-12-01"),
    ("1 dec", "2026-12-01"),
    ("december 1st", "2026-12-01"),
    ("1st of december", "2026-12-01"),
    ("Dec 1 2026", "2026-12-01"),
    ("dec 1, 2026", "2026-12-01"),
    ("1 December 2027", "2027-12-01"),
    ("11月26日", "2026-11-26"),
    ("11月25日", "2027-11-25"),
    ("1月5日", "2027-01-05"),
    ("2月29日", "2028-02-29"),
    ("今年12月1日", "2026-12-01"),
    ("明年3月1日", "2027-03-01"),
    ("12月底", "2026-12-31"),
    ("2月底", "2027-02-28"),
    ("12月初", "2026-12-01"),
    ("15號", "2026-12-15"),
    ("15日", "2026-12-15"),
    ("廿五日", "2026-12-25"),
    ("卅一號", "2026-12-31"),
    ("30號", "2026-11-30"),
    ("31號", "2026-12-31"),
    ("26號", "2026-11-26"),
    ("the 15th", "2026-12-15"),
    ("本月15日", "2026-11-15"),
    ("下個月5號", "2026-12-05"),
    ("下月5日", "2026-12-05"),
    # a redundant weekday
    ("12月1日（週二）", "2026-12-01"),
    ("12月1日 星期二", "2026-12-01"),
    ("tue dec 1", "2026-12-01"),
    ("tuesday, december 1, 2026", "2026-12-01"),
    # working days, weekends only (no calendar given)
    ("3個工作日內", "2026-12-01"),
    ("3个工作日内", "2026-12-01"),
    ("3個工作日後", "2026-12-01"),
    ("三個工作日", "2026-12-01"),
    ("in 3 working days", "2026-12-01"),
    ("3 business days", "2026-12-01"),
    ("within 3 business days", "2026-12-01"),
    ("+3wd", "2026-12-01"),
    ("3wd", "2026-12-01"),
    ("下一個工作日", "2026-11-27"),
    ("下个工作日", "2026-11-27"),
    ("next working day", "2026-11-27"),
    ("next business day", "2026-11-27"),
    # framing words, tolerated and ignored
    ("週五前", "2026-11-27"),
    ("周五之前", "2026-11-27"),
    ("下週五以前", "2026-12-04"),
    ("12月1日前", "2026-12-01"),
    ("12月1日為止", "2026-12-01"),
    ("12月1日截止", "2026-12-01"),
    ("截止12月1日", "2026-12-01"),
    ("截至12月1日", "2026-12-01"),
    ("今天之內", "2026-11-26"),
    ("明天之前", "2026-11-27"),
    ("3日前", "2026-12-03"),
    ("15號前", "2026-12-15"),
    ("by friday", "2026-11-27"),
    ("By Friday", "2026-11-27"),
    ("on dec 1", "2026-12-01"),
    ("at 3pm", "2026-11-26T15:00"),
    ("  明天  ", "2026-11-27"),
    ("\u3000明天\u3000", "2026-11-27"),
    ("週五前。", "2026-11-27"),
    ("明天!", "2026-11-27"),
]

FRIDAY_CASES = [
    ("週五", "2026-11-27"),
    ("本週五", "2026-11-27"),
    ("friday", "2026-11-27"),
    ("下週五", "2026-12-04"),
    ("next friday", "2026-12-04"),
    ("週四", "2026-12-03"),
    ("本週四", "2026-11-26"),
    ("明天", "2026-11-28"),
    ("下午3點", "2026-11-28T15:00"),
    ("下午5點", "2026-11-27T17:00"),
    ("今天下午3點", "2026-11-27T15:00"),
    ("週五上午10點", "2026-11-27T10:00"),
    ("16:00", "2026-11-28T16:00"),
    ("16:01", "2026-11-27T16:01"),
    ("eow", "2026-11-27"),
    ("週末", "2026-11-28"),
    ("下一個工作日", "2026-11-30"),
    ("3個工作日內", "2026-12-02"),
    ("tonight", "2026-11-27T20:00"),
    ("in 2 hours", "2026-11-27T18:00"),
    ("半小時後", "2026-11-27T16:30"),
]

SUNDAY_NIGHT_CASES = [
    ("週日", "2026-11-29"),
    ("週五", "2026-12-04"),
    ("下週五", "2026-12-04"),
    ("本週五", "2026-11-27"),
    ("週一", "2026-11-30"),
    ("下週一", "2026-11-30"),
    ("下週", "2026-11-30"),
    ("明天", "2026-11-30"),
    ("週末", "2026-11-29"),
    ("下週末", "2026-12-05"),
    ("eow", "2026-11-27"),
    ("晚上12點", "2026-11-30T00:00"),
    ("midnight", "2026-11-30T00:00"),
    ("晚上11點", "2026-11-30T23:00"),
    ("11點", "2026-11-30T11:00"),
    ("今晚", "2026-11-29T20:00"),
    ("明早9點", "2026-11-30T09:00"),
    ("in 30 minutes", "2026-11-30T00:00"),
    ("2小時後", "2026-11-30T01:30"),
    ("月底", "2026-11-30"),
    ("月初", "2026-12-01"),
    ("3個工作日內", "2026-12-02"),
]

YEAR_END_CASES = [
    ("明天", "2026-12-31"),
    ("後天", "2027-01-01"),
    ("下個月", "2027-01-01"),
    ("下月底", "2027-01-31"),
    ("年底", "2026-12-31"),
    ("明年", "2027-01-01"),
    ("明年底", "2027-12-31"),
    ("年初", "2027-01-01"),
    ("12月1日", "2027-12-01"),
    ("12月30日", "2026-12-30"),
    ("1月5日", "2027-01-05"),
    ("12/31", "2026-12-31"),
    ("dec 1", "2027-12-01"),
    ("週五", "2027-01-01"),
    ("下週一", "2027-01-04"),
    ("eow", "2027-01-01"),
    ("3天後", "2027-01-02"),
    ("一週後", "2027-01-06"),
    ("1個月後", "2027-01-30"),
    ("eom", "2026-12-31"),
    ("季末", "2026-12-31"),
    ("下季度末", "2027-03-31"),
    ("月初", "2027-01-01"),
    ("15號", "2027-01-15"),
    ("30號", "2026-12-30"),
    ("上午8點", "2026-12-31T08:00"),
    ("上午10點", "2026-12-30T10:00"),
    ("3個工作日內", "2027-01-04"),
]

FEBRUARY_CASES = [
    ("明天", "2027-03-01"),
    ("月底", "2027-02-28"),
    ("下月底", "2027-03-31"),
    ("下月初", "2027-03-01"),
    ("2月29日", "2028-02-29"),
    ("2月28日", "2027-02-28"),
    ("3月1日", "2027-03-01"),
    ("1個月後", "2027-03-28"),
    ("+1m", "2027-03-28"),
    ("半個月後", "2027-03-15"),
    ("1年後", "2028-02-28"),
    ("週末", "2027-02-28"),
    ("週五", "2027-03-05"),
    ("下週五", "2027-03-05"),
    ("本週五", "2027-02-26"),
    ("29號", "2027-03-29"),
    ("31號", "2027-03-31"),
    ("中午12點", "2027-03-01T12:00"),
    ("下午1點", "2027-02-28T13:00"),
    ("季末", "2027-03-31"),
    ("年底", "2027-12-31"),
]

ALL_CASES = [
    *((THU, p, e) for p, e in THURSDAY_CASES),
    *((FRI, p, e) for p, e in FRIDAY_CASES),
    *((SUN, p, e) for p, e in SUNDAY_NIGHT_CASES),
    *((DEC30, p, e) for p, e in YEAR_END_CASES),
    *((FEB28, p, e) for p, e in FEBRUARY_CASES),
]


@pytest.mark.parametrize(("now", "phrase", "expected"), ALL_CASES)
def test_phrase(now, phrase, expected):
    assert parse_when(phrase, now).iso == expected


def test_there_are_enough_phrases():
    assert len(ALL_CASES) >= 150


def test_offsets_in_days_are_all_day_and_in_hours_are_times():
    assert parse_when("3天後", THU).all_day
    assert parse_when("+2w", THU).all_day
    assert not parse_when("2小時後", THU).all_day
    assert not parse_when("in 30 minutes", THU).all_day


def test_minutes_offsets_drop_seconds():
    assert parse_when("in 30 minutes", datetime(2026, 11, 26, 10, 0, 45, 9)).iso == (
        "2026-11-26T10:30"
    )


def test_aware_now_is_read_as_local_wall_time():
    from datetime import UTC

    aware = THU.replace(tzinfo=UTC)
    assert parse_when("明天", aware).iso == "2026-11-27"


def test_phrase_returns_either_kind():
    assert isinstance(parse_phrase("明天", THU), When)
    assert isinstance(parse_phrase("每週一", THU), Recurrence)


# --------------------------------------------------------------------------- errors

ERROR_CASES = [
    # (phrase, unknown, key)
    ("下週八", "八", "dates.err.weekday"),
    ("下周八", "八", "dates.err.weekday"),
    ("星期八", "八", "dates.err.weekday"),
    ("週十", "十", "dates.err.weekday"),
    ("2026-02-30", "2026-02-30", "dates.err.no_such_date"),
    ("2月30日", "2月30日", "dates.err.no_such_date"),
    ("13月1日", "13月1日", "dates.err.no_such_date"),
    ("32日", "32日", "dates.err.no_such_date"),
    ("2026年2月29日", "2026年2月29日", "dates.err.no_such_date"),
    ("0000-01-01", "0000-01-01", "dates.err.no_such_date"),
    ("25點", "25點", "dates.err.bad_time"),
    ("下午13點", "下午13點", "dates.err.bad_time"),
    ("上午13點", "上午13點", "dates.err.bad_time"),
    ("明天25點", "25點", "dates.err.bad_time"),
    ("13pm", "13pm", "dates.err.bad_time"),
    ("3:75pm", "3:75pm", "dates.err.bad_time"),
    ("24:30", "24:30", "dates.err.bad_time"),
    ("十二月初一", "十二月初一", "dates.err.lunar"),
    ("初一", "初一", "dates.err.lunar"),
    ("正月十五", "正月", "dates.err.lunar"),
    ("農曆八月十五", "農曆", "dates.err.lunar"),
    ("明天 blah", "blah", "dates.err.unknown"),
    ("明天下午3點開會", "開會", "dates.err.unknown"),
    ("明天的", "的", "dates.err.unknown"),
    ("tomorrow at", "at", "dates.err.unknown"),
    ("next", "next", "dates.err.unknown"),
    ("12月", "12月", "dates.err.unknown"),
    ("2.30", "2.30", "dates.err.unknown"),
    ("hello", "hello", "dates.err.unknown"),
    ("🙂", "🙂", "dates.err.unknown"),
    ("12月1日（週三）", "週三", "dates.err.weekday_mismatch"),
    ("明晚上午9點", "上午9點", "dates.err.conflict"),
    ("明天 下週一", "下週一", "dates.err.conflict"),
    ("2小時後 明天", "明天", "dates.err.conflict"),
    ("下午3點 上午9點", "上午9點", "dates.err.conflict"),
    ("凌晨", "凌晨", "dates.err.needs_hour"),
    ("99999999個工作日後", "99999999個工作日後", "dates.err.out_of_range"),
    ("99999999天後", "99999999天後", "dates.err.out_of_range"),
    ("每週一", "每週一", "dates.err.repeats"),
]


@pytest.mark.parametrize(("phrase", "unknown", "key"), ERROR_CASES)
def test_error_names_what_was_not_understood(phrase, unknown, key):
    with pytest.raises(DateParseError) as caught:
        parse_when(phrase, THU)
    assert caught.value.unknown == unknown
    assert caught.value.key == key
    assert caught.value.phrase == phrase.strip()


@pytest.mark.parametrize("phrase", ["", "   ", "\u3000", "\n\t"])
def test_empty_input_is_an_error(phrase):
    with pytest.raises(DateParseError) as caught:
        parse_when(phrase, THU)
    assert caught.value.key == "dates.err.empty"


def test_huge_input_is_refused_quickly():
    with pytest.raises(DateParseError) as caught:
        parse_when("明天" * 50_000, THU)
    assert caught.value.key == "dates.err.too_long"
    assert len(caught.value.unknown) < 30


def test_error_message_is_translated_and_rerendered(lang):
    with pytest.raises(DateParseError) as caught:
        parse_when("下週八", THU)
    err = caught.value
    assert str(err) == 'Could not understand "下週八" as a date: "八" is not a weekday'
    lang("zh-Hant")
    assert str(err) == "無法把「下週八」理解為日期：「八」不是星期幾"
    lang("zh-Hans")
    assert str(err) == "无法把“下週八”理解为日期：“八”不是星期几"


def test_error_is_a_value_error():
    with pytest.raises(ValueError, match="blah"):
        parse_when("明天 blah", THU)


def test_error_message_quotes_control_characters_harmlessly():
    with pytest.raises(DateParseError) as caught:
        parse_when("明天 \x1b[31mred", THU)
    assert "\x1b" not in str(caught.value)


def test_dateutil_fallback_reads_other_english_orders():
    assert parse_when("2026 dec 1", THU).iso == "2026-12-01"
    assert parse_when("2027, december 1", THU).iso == "2027-12-01"


def test_dateutil_fallback_is_not_used_for_numbers_alone():
    with pytest.raises(DateParseError):
        parse_when("13/1/2026", THU)


# --------------------------------------------------------------------------- working days


@pytest.fixture
def hand_calendar():
    """Friday 27 Nov and Monday 30 Nov off; Saturday 28 Nov a make-up working day (調休)."""
    return WorkCalendar(
        holidays=[date(2026, 11, 27), date(2026, 11, 30)], workdays=[date(2026, 11, 28)]
    )


@pytest.fixture(scope="module")
def china():
    holidays = pytest.importorskip("holidays")

    def year(y):
        table = holidays.China(years=y)
        off = frozenset(d for d in table if d.year == y)
        work = frozenset(d for d in table.weekend_workdays if d.year == y)
        return off, work

    return WorkCalendar(year)


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("下一個工作日", "2026-11-28"),
        ("next working day", "2026-11-28"),
        ("1個工作日後", "2026-11-28"),
        ("3個工作日內", "2026-12-02"),
        ("3个工作日内", "2026-12-02"),
        ("in 3 working days", "2026-12-02"),
        ("+3wd", "2026-12-02"),
        ("3個工作日前", "2026-11-23"),
        ("0個工作日後", "2026-11-26"),
    ],
)
def test_working_days_with_holidays_and_make_up_days(hand_calendar, phrase, expected):
    assert parse_when(phrase, THU, hand_calendar).iso == expected


def test_the_calendar_only_changes_working_day_phrases(hand_calendar):
    assert parse_when("3天後", THU, hand_calendar).iso == "2026-11-29"
    assert parse_when("週五", THU, hand_calendar).iso == "2026-11-27"


@pytest.mark.parametrize(
    ("now", "phrase", "expected"),
    [
        # National Day 2026: 1–3 and 5–7 October off, Sunday 4th too; Saturday 10th works.
        (datetime(2026, 9, 30, 10, 0), "下一個工作日", "2026-10-08"),
        (datetime(2026, 9, 30, 10, 0), "3個工作日內", "2026-10-10"),
        (datetime(2026, 9, 30, 10, 0), "next business day", "2026-10-08"),
        # Sunday 20 September 2026 is a make-up working day.
        (datetime(2026, 9, 18, 10, 0), "下一個工作日", "2026-09-20"),
        # Labour Day 2026: 1, 2, 4, 5 May off; Saturday 9 May works.
        (datetime(2026, 4, 30, 10, 0), "下一個工作日", "2026-05-06"),
        (datetime(2026, 4, 30, 10, 0), "5個工作日後", "2026-05-11"),
        # New Year 2027 across the year boundary.
        (datetime(2026, 12, 31, 10, 0), "下一個工作日", "2027-01-04"),
        (DEC30, "3個工作日內", "2027-01-05"),
        # Spring Festival 2027: 5–10 February off.
        (datetime(2027, 2, 4, 10, 0), "next working day", "2027-02-11"),
        (datetime(2027, 2, 4, 10, 0), "2個工作日後", "2027-02-12"),
    ],
)
def test_working_days_with_the_china_calendar(china, now, phrase, expected):
    assert parse_when(phrase, now, china).iso == expected


# --------------------------------------------------------------------------- repetitions

RECURRENCE_CASES = [
    # (phrase, rule, first, working_days_only)
    ("每天", "FREQ=DAILY", "2026-11-26", False),
    ("每日", "FREQ=DAILY", "2026-11-26", False),
    ("天天", "FREQ=DAILY", "2026-11-26", False),
    ("every day", "FREQ=DAILY", "2026-11-26", False),
    ("daily", "FREQ=DAILY", "2026-11-26", False),
    ("每2天", "FREQ=DAILY;INTERVAL=2", "2026-11-26", False),
    ("隔天", "FREQ=DAILY;INTERVAL=2", "2026-11-26", False),
    ("every other day", "FREQ=DAILY;INTERVAL=2", "2026-11-26", False),
    ("every 3 days", "FREQ=DAILY;INTERVAL=3", "2026-11-26", False),
    ("每週一", "FREQ=WEEKLY;BYDAY=MO", "2026-11-30", False),
    ("每周一", "FREQ=WEEKLY;BYDAY=MO", "2026-11-30", False),
    ("每星期一", "FREQ=WEEKLY;BYDAY=MO", "2026-11-30", False),
    ("每禮拜一", "FREQ=WEEKLY;BYDAY=MO", "2026-11-30", False),
    ("每週四", "FREQ=WEEKLY;BYDAY=TH", "2026-11-26", False),
    ("每週一三五", "FREQ=WEEKLY;BYDAY=MO,WE,FR", "2026-11-27", False),
    ("每週一、三、五", "FREQ=WEEKLY;BYDAY=MO,WE,FR", "2026-11-27", False),
    ("每周一和周四", "FREQ=WEEKLY;BYDAY=MO,TH", "2026-11-26", False),
    ("每周一至周五", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "2026-11-26", False),
    ("每週末", "FREQ=WEEKLY;BYDAY=SA", "2026-11-28", False),
    ("每週", "FREQ=WEEKLY;BYDAY=TH", "2026-11-26", False),
    ("every monday", "FREQ=WEEKLY;BYDAY=MO", "2026-11-30", False),
    ("Every Monday", "FREQ=WEEKLY;BYDAY=MO", "2026-11-30", False),
    ("each monday", "FREQ=WEEKLY;BYDAY=MO", "2026-11-30", False),
    ("every mon and thu", "FREQ=WEEKLY;BYDAY=MO,TH", "2026-11-26", False),
    ("every mon, wed and fri", "FREQ=WEEKLY;BYDAY=MO,WE,FR", "2026-11-27", False),
    ("weekly", "FREQ=WEEKLY;BYDAY=TH", "2026-11-26", False),
    ("weekly on monday", "FREQ=WEEKLY;BYDAY=MO", "2026-11-30", False),
    ("每兩週", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH", "2026-11-26", False),
    ("每2周", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH", "2026-11-26", False),
    ("隔週", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH", "2026-11-26", False),
    ("每兩週的週五", "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR", "2026-11-27", False),
    ("every 2 weeks", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH", "2026-11-26", False),
    ("biweekly", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH", "2026-11-26", False),
    ("every 2 weeks on friday", "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR", "2026-11-27", False),
    ("every other friday", "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR", "2026-11-27", False),
    ("每月", "FREQ=MONTHLY;BYMONTHDAY=26", "2026-11-26", False),
    ("monthly", "FREQ=MONTHLY;BYMONTHDAY=26", "2026-11-26", False),
    ("每月1日", "FREQ=MONTHLY;BYMONTHDAY=1", "2026-12-01", False),
    ("每月1號", "FREQ=MONTHLY;BYMONTHDAY=1", "2026-12-01", False),
    ("每月15号", "FREQ=MONTHLY;BYMONTHDAY=15", "2026-12-15", False),
    ("每月26日", "FREQ=MONTHLY;BYMONTHDAY=26", "2026-11-26", False),
    ("每月1日和15日", "FREQ=MONTHLY;BYMONTHDAY=1,15", "2026-12-01", False),
    ("每月底", "FREQ=MONTHLY;BYMONTHDAY=-1", "2026-11-30", False),
    ("每月最後一天", "FREQ=MONTHLY;BYMONTHDAY=-1", "2026-11-30", False),
    ("每月初", "FREQ=MONTHLY;BYMONTHDAY=1", "2026-12-01", False),
    ("每月第一個週一", "FREQ=MONTHLY;BYDAY=1MO", "2026-12-07", False),
    ("每月最後一個週五", "FREQ=MONTHLY;BYDAY=-1FR", "2026-11-27", False),
    ("每3個月", "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=26", "2026-11-26", False),
    ("every month on the 15th", "FREQ=MONTHLY;BYMONTHDAY=15", "2026-12-15", False),
    ("monthly on the 1st and 15th", "FREQ=MONTHLY;BYMONTHDAY=1,15", "2026-12-01", False),
    ("every 15th", "FREQ=MONTHLY;BYMONTHDAY=15", "2026-12-15", False),
    ("every month end", "FREQ=MONTHLY;BYMONTHDAY=-1", "2026-11-30", False),
    ("end of every month", "FREQ=MONTHLY;BYMONTHDAY=-1", "2026-11-30", False),
    ("monthly on the last day", "FREQ=MONTHLY;BYMONTHDAY=-1", "2026-11-30", False),
    ("every first monday", "FREQ=MONTHLY;BYDAY=1MO", "2026-12-07", False),
    ("every month on the last friday", "FREQ=MONTHLY;BYDAY=-1FR", "2026-11-27", False),
    ("every 3 months", "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=26", "2026-11-26", False),
    ("每季度", "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=26", "2026-11-26", False),
    ("quarterly", "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=26", "2026-11-26", False),
    ("每季度末", "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=-1", "2026-12-31", False),
    ("每年", "FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=26", "2026-11-26", False),
    ("yearly", "FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=26", "2026-11-26", False),
    ("每年12月1日", "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=1", "2026-12-01", False),
    ("每年1月5日", "FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=5", "2027-01-05", False),
    ("每年底", "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=31", "2026-12-31", False),
    ("每年2月底", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1", "2027-02-28", False),
    ("every year on dec 1", "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=1", "2026-12-01", False),
    ("every dec 1", "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=1", "2026-12-01", False),
    ("yearly on 1 december", "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=1", "2026-12-01", False),
    ("每個工作日", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "2026-11-26", True),
    ("每个工作日", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "2026-11-26", True),
    ("每工作日", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "2026-11-26", True),
    ("工作日每天", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "2026-11-26", True),
    ("every weekday", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "2026-11-26", True),
    ("weekdays", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "2026-11-26", True),
    ("every working day", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "2026-11-26", True),
    ("every business day", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "2026-11-26", True),
    # with a time: the occurrences are times, the first on or after now
    ("每週一上午9點", "FREQ=WEEKLY;BYDAY=MO;BYHOUR=9;BYMINUTE=0", "2026-11-30T09:00", False),
    ("每週一 上午9點", "FREQ=WEEKLY;BYDAY=MO;BYHOUR=9;BYMINUTE=0", "2026-11-30T09:00", False),
    ("every monday 9am", "FREQ=WEEKLY;BYDAY=MO;BYHOUR=9;BYMINUTE=0", "2026-11-30T09:00", False),
    ("every monday at 9am", "FREQ=WEEKLY;BYDAY=MO;BYHOUR=9;BYMINUTE=0", "2026-11-30T09:00", False),
    ("每天早上8點", "FREQ=DAILY;BYHOUR=8;BYMINUTE=0", "2026-11-27T08:00", False),
    ("每天下午3點", "FREQ=DAILY;BYHOUR=15;BYMINUTE=0", "2026-11-26T15:00", False),
    ("daily at 9:00", "FREQ=DAILY;BYHOUR=9;BYMINUTE=0", "2026-11-27T09:00", False),
    ("每天晚上12點", "FREQ=DAILY;BYHOUR=0;BYMINUTE=0", "2026-11-27T00:00", False),
    ("每週四上午10點", "FREQ=WEEKLY;BYDAY=TH;BYHOUR=10;BYMINUTE=0", "2026-11-26T10:00", False),
    (
        "每個工作日上午9點",
        "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=9;BYMINUTE=0",
        "2026-11-27T09:00",
        True,
    ),
    (
        "每月15日下午2點半",
        "FREQ=MONTHLY;BYMONTHDAY=15;BYHOUR=14;BYMINUTE=30",
        "2026-12-15T14:30",
        False,
    ),
]


@pytest.mark.parametrize(("phrase", "rule", "first", "workdays"), RECURRENCE_CASES)
def test_recurrence(phrase, rule, first, workdays):
    result = parse_recurrence(phrase, THU)
    assert (result.rule, result.first.iso, result.working_days_only) == (rule, first, workdays)


def test_every_working_day_starts_on_a_working_day(hand_calendar, china):
    assert parse_recurrence("每個工作日", FRI, hand_calendar).first.iso == "2026-11-28"
    national_day = datetime(2026, 10, 1, 9, 0)
    assert parse_recurrence("每個工作日", national_day, china).first.iso == "2026-10-08"


@pytest.mark.parametrize(
    ("phrase", "unknown", "key"),
    [
        ("每週八", "八", "dates.err.weekday"),
        ("每月32日", "32日", "dates.err.no_such_date"),
        ("每年2月30日", "2月30日", "dates.err.no_such_date"),
        ("每週一晚上12點", "晚上12點", "dates.err.midnight_rule"),
        ("每週一 開會", "開會", "dates.err.unknown"),
        ("every blah", "blah", "dates.err.unknown"),
        ("明天", "明天", "dates.err.not_repeating"),
        ("每年正月初一", "正月初一", "dates.err.unknown"),
    ],
)
def test_recurrence_errors(phrase, unknown, key):
    with pytest.raises(DateParseError) as caught:
        parse_recurrence(phrase, THU)
    assert (caught.value.unknown, caught.value.key) == (unknown, key)


# --------------------------------------------------------------------------- next occurrence


@pytest.mark.parametrize(
    ("rule", "previous", "now", "expected"),
    [
        # daily: the next day; a missed run resumes after today, not in the past
        ("FREQ=DAILY", date(2026, 11, 26), THU, date(2026, 11, 27)),
        ("FREQ=DAILY", date(2026, 11, 20), THU, date(2026, 11, 27)),
        ("FREQ=DAILY", date(2026, 11, 30), THU, date(2026, 12, 1)),
        ("FREQ=DAILY;INTERVAL=3", date(2026, 11, 20), THU, date(2026, 11, 29)),
        # weekly on Monday: done on time, missed for weeks, done early
        ("FREQ=WEEKLY;BYDAY=MO", date(2026, 11, 23), THU, date(2026, 11, 30)),
        ("FREQ=WEEKLY;BYDAY=MO", date(2026, 11, 2), THU, date(2026, 11, 30)),
        ("FREQ=WEEKLY;BYDAY=MO", date(2026, 11, 30), THU, date(2026, 12, 7)),
        ("FREQ=WEEKLY;BYDAY=MO", date(2026, 11, 30), datetime(2026, 11, 30, 9),
         date(2026, 12, 7)),
        ("FREQ=WEEKLY;BYDAY=MO,TH", date(2026, 11, 23), THU, date(2026, 11, 30)),
        # every two weeks keeps its phase from the previous occurrence
        ("FREQ=WEEKLY;INTERVAL=2;BYDAY=FR", date(2026, 11, 13), THU, date(2026, 11, 27)),
        ("FREQ=WEEKLY;INTERVAL=2;BYDAY=FR", date(2026, 11, 13), datetime(2026, 12, 1),
         date(2026, 12, 11)),
        # monthly on a day, and at the month end (short months, leap years)
        ("FREQ=MONTHLY;BYMONTHDAY=15", date(2026, 11, 15), THU, date(2026, 12, 15)),
        ("FREQ=MONTHLY;BYMONTHDAY=15", date(2026, 8, 15), THU, date(2026, 12, 15)),
        ("FREQ=MONTHLY;BYMONTHDAY=-1", date(2026, 11, 30), THU, date(2026, 12, 31)),
        ("FREQ=MONTHLY;BYMONTHDAY=-1", date(2027, 1, 31), datetime(2027, 1, 31, 18),
         date(2027, 2, 28)),
        ("FREQ=MONTHLY;BYMONTHDAY=-1", date(2028, 1, 31), datetime(2028, 1, 31, 18),
         date(2028, 2, 29)),
        ("FREQ=MONTHLY;BYMONTHDAY=31", date(2027, 1, 31), datetime(2027, 1, 31),
         date(2027, 3, 31)),
        ("FREQ=MONTHLY;BYDAY=1MO", date(2026, 11, 2), THU, date(2026, 12, 7)),
        ("FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=1", date(2026, 12, 1), THU, date(2027, 12, 1)),
        ("FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=-1", date(2026, 9, 30), THU,
         date(2026, 12, 31)),
    ],
)
def test_next_occurrence_all_day(rule, previous, now, expected):
    result = next_occurrence(rule, previous, now)
    assert result == expected
    assert not isinstance(result, datetime)


@pytest.mark.parametrize(
    ("rule", "previous", "now", "expected"),
    [
        ("FREQ=WEEKLY;BYDAY=MO;BYHOUR=9;BYMINUTE=0", datetime(2026, 11, 23, 9), THU,
         datetime(2026, 11, 30, 9)),
        # due at this very minute: strictly after now, so next week
        ("FREQ=WEEKLY;BYDAY=MO;BYHOUR=9;BYMINUTE=0", datetime(2026, 11, 23, 9),
         datetime(2026, 11, 30, 9), datetime(2026, 12, 7, 9)),
        # a rule without a time keeps the time of the previous occurrence
        ("FREQ=DAILY", datetime(2026, 11, 26, 15, 30), THU, datetime(2026, 11, 27, 15, 30)),
        ("FREQ=DAILY", datetime(2026, 11, 20, 8), THU, datetime(2026, 11, 27, 8)),
        ("FREQ=DAILY", datetime(2026, 11, 26, 8), THU, datetime(2026, 11, 27, 8)),
        ("FREQ=DAILY;BYHOUR=11;BYMINUTE=0", datetime(2026, 11, 25, 11), THU,
         datetime(2026, 11, 26, 11)),
    ],
)
def test_next_occurrence_timed(rule, previous, now, expected):
    assert next_occurrence(rule, previous, now) == expected


def test_next_occurrence_keeps_all_day_even_when_the_rule_has_a_time():
    rule = "FREQ=WEEKLY;BYDAY=MO;BYHOUR=9;BYMINUTE=0"
    assert next_occurrence(rule, date(2026, 11, 23), THU) == date(2026, 11, 30)


def test_next_occurrence_on_working_days_uses_make_up_days(hand_calendar):
    rule = "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"
    # Friday 27th is off, Saturday 28th is a make-up day, Monday 30th is off.
    assert next_occurrence(rule, date(2026, 11, 26), THU, hand_calendar, True) == date(2026, 11, 28)
    assert next_occurrence(rule, date(2026, 11, 28), THU, hand_calendar, True) == date(2026, 12, 1)
    # Without working_days_only the rule is plain Monday to Friday.
    assert next_occurrence(rule, date(2026, 11, 26), THU, hand_calendar) == date(2026, 11, 27)


def test_next_occurrence_on_working_days_timed(hand_calendar):
    rule = "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=9;BYMINUTE=0"
    previous = datetime(2026, 11, 26, 9)
    expected = datetime(2026, 11, 28, 9)
    assert next_occurrence(rule, previous, THU, hand_calendar, True) == expected


def test_next_occurrence_skips_a_holiday_for_other_rules(hand_calendar):
    rule = "FREQ=WEEKLY;BYDAY=MO"
    assert next_occurrence(rule, date(2026, 11, 23), THU, hand_calendar, True) == date(2026, 12, 7)


def test_next_occurrence_with_the_china_calendar(china):
    rule = "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"
    after_work = datetime(2026, 9, 30, 18)
    assert next_occurrence(rule, date(2026, 9, 30), after_work, china, True) == date(2026, 10, 8)
    assert next_occurrence(rule, date(2026, 10, 9), after_work, china, True) == date(2026, 10, 10)


def test_next_occurrence_errors():
    with pytest.raises(DateParseError) as caught:
        next_occurrence("FREQ=SOMETIMES", date(2026, 11, 26), THU)
    assert caught.value.key == "dates.err.rule"
    with pytest.raises(DateParseError) as caught:
        next_occurrence("FREQ=DAILY;COUNT=1", date(2026, 11, 26), THU)
    assert caught.value.key == "dates.err.rule_ended"


def test_rules_round_trip_through_next_occurrence():
    """Every rule the parser writes is one dateutil reads, and moves forward."""
    for phrase, *_ in RECURRENCE_CASES:
        result = parse_recurrence(phrase, THU)
        following = next_occurrence(
            result.rule, result.first.value, THU, working_days_only=result.working_days_only
        )
        assert following > result.first.value


# --------------------------------------------------------------------------- inside text


@pytest.mark.parametrize(
    "phrase",
    ["3天", "3d", "2 weeks", "三個工作日", "3點", "下午", "morning", "sun", "sat", "mon",
     "wed", "12.1", "12-1", "3/4", "weekly", "daily", "monthly", "weekdays"],
)
def test_vague_words_are_not_dates_inside_text(phrase):
    parse_phrase(phrase, THU)  # fine on its own
    with pytest.raises(DateParseError):
        parse_in_text(phrase, THU)


@pytest.mark.parametrize(
    "phrase",
    ["3天後", "in 2 weeks", "+3d", "下午3點", "明天3點", "sun 3pm", "next sun", "by 12/1",
     "12/1 3pm", "weekly on monday", "daily at 9am", "every day", "15號", "每週一", "週五前"],
)
def test_clear_phrases_are_dates_inside_text(phrase):
    assert parse_in_text(phrase, THU) == parse_phrase(phrase, THU)


def test_a_day_of_the_month_alone_is_not_taken_when_glued():
    parse_in_text("15號", THU)
    with pytest.raises(DateParseError):
        parse_in_text("15號", THU, glued=True)
    assert parse_in_text("15號前", THU, glued=True).iso == "2026-12-15"


def test_dateutil_fallback_is_not_used_inside_text():
    with pytest.raises(DateParseError):
        parse_in_text("2026 dec 1", THU)
