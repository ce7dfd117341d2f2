"""Dates named by a festival: 春節前, 國慶後, 中秋, as a secretary sets deadlines by them."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from workbench.domain.calendar import WorkCalendar
from workbench.domain.dates import DateParseError, due_to_iso, parse_in_text, parse_when
from workbench.domain.quickadd import QuickAddError, parse_quick_add

NOW = datetime(2026, 11, 27, 10, 0)  # a Friday


def _days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


# A hand-made 2027: New Year's Day alone (a Friday, the weekend after it); the Spring
# Festival on Wednesday 3 February with Monday–Friday off and the Sunday before it worked
# (調休); the National Day break 1–7 October; no Qingming.
FESTIVALS = {
    2026: {"new_year": date(2026, 1, 1), "spring": date(2026, 2, 17),
           "national": date(2026, 10, 1)},
    2027: {"new_year": date(2027, 1, 1), "spring": date(2027, 2, 3),
           "national": date(2027, 10, 1)},
    2028: {"new_year": date(2028, 1, 1), "spring": date(2028, 1, 26),
           "national": date(2028, 10, 1)},
}  # fmt: skip


@pytest.fixture
def cal() -> WorkCalendar:
    return WorkCalendar(
        holidays=[
            date(2026, 1, 1), date(2027, 1, 1), date(2028, 1, 1),
            *_days(date(2027, 2, 1), date(2027, 2, 5)),
            *_days(date(2027, 10, 1), date(2027, 10, 7)),
        ],
        workdays=[date(2027, 1, 31)],
        festivals=lambda year: FESTIVALS.get(year, {}),
    )  # fmt: skip


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("春節", "2027-02-03"),
        ("春节", "2027-02-03"),
        ("過年", "2027-02-03"),
        ("春節前", "2027-01-31"),  # the make-up Sunday is the last working day before it
        ("春節之前", "2027-01-31"),
        ("春節放假前", "2027-01-31"),
        ("春節假期前", "2027-01-31"),
        ("過年前", "2027-01-31"),
        ("春節後", "2027-02-08"),  # Monday–Friday off and the weekend: the Monday after
        ("春节后", "2027-02-08"),
        ("春節收假後", "2027-02-08"),
        ("春節以後", "2027-02-08"),
        ("元旦", "2027-01-01"),
        ("元旦前", "2026-12-31"),
        ("元旦後", "2027-01-04"),  # Friday, then the weekend
        ("國慶", "2027-10-01"),
        ("国庆节", "2027-10-01"),
        ("國慶節前", "2027-09-30"),
        ("國慶長假後", "2027-10-08"),
        ("明年春節前", "2027-01-31"),
        ("後年國慶", "2028-10-01"),
        ("今年國慶", "2026-10-01"),  # that year's, past or not
        ("春節前下午3點", "2027-01-31T15:00"),
        ("國慶節前3個工作日", "2027-09-28"),
        ("國慶前三個工作日", "2027-09-28"),
        ("春節前2個工作日", "2027-01-29"),  # the make-up Sunday, then Friday
        ("春節後第一個工作日", "2027-02-08"),
        ("春節後3個工作日", "2027-02-10"),
        ("春節後3個工作日內", "2027-02-10"),
        ("元旦後第二個工作日", "2027-01-05"),
        ("截止春節前", "2027-01-31"),
    ],
)
def test_a_festival_names_a_day(cal, phrase, expected):
    assert parse_when(phrase, NOW, cal).iso == expected


def test_a_festival_is_the_next_one_and_before_it_counts_today(cal):
    assert parse_when("元旦前", datetime(2026, 12, 31, 9), cal).iso == "2026-12-31"
    # On New Year's Day the day before it has passed: next year's.
    assert parse_when("元旦前", datetime(2027, 1, 1, 9), cal).iso == "2027-12-31"
    assert parse_when("元旦", datetime(2027, 1, 2, 9), cal).iso == "2028-01-01"


def test_after_a_festival_during_its_break_is_the_first_day_back(cal):
    assert parse_when("春節後", datetime(2027, 2, 4, 9), cal).iso == "2027-02-08"
    assert parse_when("國慶後", datetime(2027, 10, 3, 9), cal).iso == "2027-10-08"


def test_a_festival_off_the_day_after_it_counts_that_day_as_its_break():
    # Hong Kong keeps the day after the Mid-Autumn Festival.
    hk = WorkCalendar(holidays=[date(2027, 9, 16)],
                      festivals=lambda year: {"mid_autumn": date(year, 9, 15)})  # fmt: skip
    assert parse_when("中秋", NOW, hk).iso == "2027-09-15"
    assert parse_when("中秋前", NOW, hk).iso == "2027-09-15"
    assert parse_when("中秋後", NOW, hk).iso == "2027-09-17"


def test_a_festival_the_region_does_not_keep_is_an_error_naming_it(cal):
    with pytest.raises(DateParseError) as caught:
        parse_when("清明節前", NOW, cal)
    assert caught.value.key == "dates.err.festival"
    assert caught.value.unknown == "清明節"


@pytest.mark.parametrize("phrase", ["春節前", "國慶", "明年五一前"])
def test_without_a_region_a_festival_says_the_region_is_missing(phrase):
    with pytest.raises(DateParseError) as caught:
        parse_when(phrase, NOW, WorkCalendar())
    assert caught.value.key == "dates.err.no_region"


def test_in_a_title_a_festival_alone_is_a_word_and_before_it_a_deadline(cal):
    for words in ("春節", "國慶"):
        with pytest.raises(DateParseError):
            parse_in_text(words, NOW, cal)
    assert parse_in_text("春節前", NOW, cal).iso == "2027-01-31"


@pytest.mark.parametrize(
    ("line", "title", "due"),
    [
        ("春節前 交年終總結", "交年終總結", "2027-01-31"),
        ("國慶前報送方案", "報送方案", "2027-09-30"),
        ("國慶節前3個工作日報送材料", "報送材料", "2027-09-28"),
        ("節後第一個工作日開會", "節後第一個工作日開會", None),  # which festival is not said
        ("交年終總結 春節前下午3點", "交年終總結", "2027-01-31T15:00"),
        ("春節慰問 #工作", "春節慰問", None),
        ("準備國慶活動方案", "準備國慶活動方案", None),
        ("中秋茶話會", "中秋茶話會", None),
        ("元旦前後加強值班", "元旦前後加強值班", None),
        ("春節前夕走訪慰問", "春節前夕走訪慰問", None),
    ],
)
def test_quick_add_reads_festival_deadlines_and_keeps_festival_words(cal, line, title, due):
    added = parse_quick_add(line, NOW, cal)
    assert added.title == title
    assert (due_to_iso(added.due) if added.due else None) == due


def test_quick_add_without_a_region_says_why_a_festival_deadline_cannot_be_read():
    with pytest.raises(QuickAddError) as caught:
        parse_quick_add("春節前 交年終總結", NOW, WorkCalendar())
    assert "春節" in str(caught.value)
    added = parse_quick_add("春節慰問 #工作", NOW, WorkCalendar())
    assert (added.title, added.due) == ("春節慰問", None)
