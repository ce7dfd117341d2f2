"""Dates the way people say them: Chinese (both scripts, mixed freely) and English.

A phrase becomes a `When` (an all-day `date` or a naive local `datetime` to the minute) or a
`Recurrence` (an RFC 5545 RRULE body plus its first occurrence). Everything is relative to
`now`, a naive local datetime; working days come from a `WorkCalendar` (None = weekends only).
Anything not understood raises `DateParseError`, which names the part that was not understood.

What is understood (Traditional and Simplified forms are equivalent everywhere: 週/周, 後/后,
點/点, 個/个, 號/号, 兩/两, 禮拜/礼拜, 這/这, 內/内, 鐘/钟; full-width digits, letters, spaces and
punctuation count as their ASCII forms; English is case-insensitive):

Days
    今天 今日 明天 明日 後天 大後天 昨天 前天 大前天; today, tomorrow, tmr, tmrw, yesterday,
    (the) day after tomorrow, (the) day before yesterday, eod (= today).
Weekdays (weeks start on Monday)
    週五 星期五 禮拜五 fri friday: the coming Friday, today if today is Friday.
    本週五 這週五: Friday of this week (before today when today is later in the week).
    下週五 下個週五 下星期五 next fri, friday next week: Friday of next week; 下下週五 the week
    after; 上週五 last friday: Friday of last week (a past date, allowed).
    週日 週天 星期日 星期天 = Sunday. 週末 weekend this weekend 本週末: Saturday of this week
    (today on a Sunday); 下週末 next weekend: Saturday of next week.
    this fri / coming fri = the coming Friday.
Weeks, months, years as a whole
    下週 next week = Monday of next week; 下下週, 上週 likewise. 本週 這週 週內 本週內 eow
    end of week this week = Friday of this week (the end of the work week, even when that is
    already past on a weekend); 下週內 end of next week = Friday of next week.
    月底 月末 本月底 本月 本月內 eom end of month this month = last day of this month;
    下月底 下個月底 下個月內 end of next month; 月初 = the next 1st of a month (today counts);
    本月初 = the 1st of this month; 下月初 下個月初 下個月 下月 next month = 1st of next month.
    年底 年末 今年底 今年 今年內 eoy end of year this year = 31 December; 明年底 end of next year;
    年初 = the next 1 January (today counts); 明年 明年初 next year = 1 January next year.
    季末 季度末 本季度末 eoq end of quarter = last day of this quarter; 下季度末 of the next.
Offsets
    3天後 3天后 三天後 3日後 3天之後 3天以後 再過3天 3天內 (within 3 days = +3 days)
    一週後 兩週後 3個星期後 2個月後 半個月後 (15 days) 1年後 半年後 1個季度後;
    in 3 days, within 3 days, 3 days later, 3 days from now, in a week, in 2 weeks,
    in 1 month, +3d +2w +1m +1y, 3d 2w (m = month; minutes are min).
    3天前 / 3 days ago / -3d are past dates. Offsets in days, weeks, months and years give
    all-day dates; hours and minutes give times (now plus the offset, to the minute):
    2小時後 兩個小時後 一個半小時後 30分鐘後 半小時後, in 2 hours, in 30 minutes,
    in half an hour, +2h +30min. 3日 alone is a day of the month, so 3日前 means "by the 3rd".
Working days (weekends, public holidays off; make-up days on)
    3個工作日內 3個工作日後 三個工作日 3個工作日 in 3 working days, within 3 business days,
    3 workdays, +3wd, 3wd = `cal.add_working_days(today, 3)`; 3個工作日前 = 3 working days ago.
    下一個工作日 下個工作日 next working day, next business day = the first working day after today.
Absolute dates (a date without a year means its next occurrence; today counts)
    12月1日 12月1號 12月1 十二月一日 廿五日 2026年12月1日 二〇二六年十二月一日 26年12月1日
    今年12月1日 明年3月1日 2026-12-01 2026/12/01 2026.12.01 12/1 12-01 12.1 (month/day)
    dec 1, dec 1st, 1 dec, 1st of december, december 1st, dec 1 2026, dec 1, 2026,
    15號 15日 the 15th (next 15th of a month), 本月15日 下個月5號 (that month),
    12月底 12月初 (end / 1st of December). A redundant weekday may follow or precede:
    12月1日（週二）, tue dec 1; if it does not match the date, that is an error.
    Lunar dates (初一, 正月, 臘月, 農曆…) are refused with a clear message.
Festivals (the region's public holidays, from the calendar; the next occurrence)
    元旦, 春節 過年, 清明 清明節, 五一 勞動節, 端午 端午節, 中秋 中秋節, 國慶 國慶節:
    alone, the festival's day; after 今年 明年 後年, that year's (明年春節前). 春節前 國慶節前
    春節放假前 春節假期前 = the last working day before the days off around it (a deadline
    "before the holiday"); 春節後 國慶節後 國慶收假後 = the first working day after them.
    國慶節前3個工作日 = the third working day before the days off; 春節後第一個工作日 =
    春節後, 春節後3個工作日 the third day back. Without a region that keeps the festival,
    an error says so.
Times of day
    下午3點 下午三點 下午3點半 上午9點15分 9點15 3點一刻 3點三刻 3點整 15點 15時30分 早上8點
    中午12點 晚上8點 晚8點 早8點 凌晨2點 下午3:30 15:00 15:00:30 3pm 3:30pm 9 am 12 noon
    noon midnight. A time may come before or after the day, with or without a space, 的, at,
    on, or a comma: 明天下午3點, 明天 下午3點, 週五上午10點, tomorrow 3pm, tomorrow at 3pm,
    3pm tomorrow, fri 9am, 12月1日下午2點, 2026-12-01 14:00, 2026-12-01T14:00.
    Day and part of day in one word: 今晚 今夜 tonight (today 20:00), 今早 今晨 this morning
    (today 09:00), this afternoon (today 14:00), this evening, 明早 明晨 (tomorrow 09:00),
    明晚 (tomorrow 20:00), 昨晚; with an hour: 今晚8點, 明早9點.
    A part of day alone takes its usual hour: 上午 早上 morning 09:00, 中午 noon 12:00,
    下午 afternoon 14:00, 傍晚 18:00, 晚上 evening night 20:00, 半夜 午夜 midnight 24:00;
    凌晨 needs an hour.
    A time without a day means its next occurrence: 下午3點 at 16:00 is tomorrow 15:00; a time
    equal to now is already past. A time with a weekday does not move the weekday: 週五上午10點
    on a Friday afternoon is this morning.
Tolerated and ignored
    White space around and between parts, trailing 。.!, a leading by / before / until / due /
    on / at / 截止 截至 截止到 最遲 最晚 於 在 到, a trailing 前 之前 以前 為止 截止 止 之內 以內 內
    (週五前 = by Friday; 今天之內 = today; a festival's 前 and 後 are its own, above).

Decisions on ambiguous phrases
    - 12點 and 12pm are noon; 12am is 00:00 of that day; 下午12點 and 中午12點 are noon;
      晚上12點, 半夜12點, midnight and 24:00 are the end of the day, i.e. 00:00 of the next day.
    - An hour in 點 without a part of day is read as office hours: 1–6點 are afternoon
      (明天3點 = 15:00), 7–12點 as said, 13–23點 as 24-hour. Clock notation (3:00) is 24-hour.
    - With a part of day: 上午/早上 0–12; 中午 11–14 (中午1點 = 13:00); 下午 1–12 (下午13點 is
      an error); 傍晚 4–7; 晚上 5–11 are p.m., 晚上12點 is midnight, 晚上1–4點 are the small
      hours after it (next day); 凌晨 0–6 (凌晨12點 = 00:00).
    - 本週一 on a Thursday is this week's (past) Monday; 週一 alone is the coming Monday.
      下個週五 means the same as 下週五. English "last friday" is Friday of last week.
    - "This period" alone means by its end (本週 = Friday, 本月 = month end, 今年 = 31 December);
      "next period" alone means its start (下週 = Monday, 下個月 = the 1st, 明年 = 1 January).
    - 半個月 is 15 days, 半年 6 months.

Repetitions (parse_recurrence), each optionally followed by a time (每週一上午9點,
every monday at 9am): the occurrences are then at that time, otherwise all-day.
    每天 每日 天天 every day, daily; 每2天 every 3 days; 隔天 每隔一天 every other day.
    每週 每星期 weekly, every week (on today's weekday); 每週一 每星期一 每禮拜一 every monday,
    every mon and thu, every mon, wed and fri, 每週一三五 每週一、三、五 每週一和週四,
    每週一至週五 (Monday to Friday); 每週末 = every Saturday.
    每兩週 每2週 隔週 每隔一週 every 2 weeks, every other week, biweekly, fortnightly, optionally
    with days (每兩週的週五, every 2 weeks on friday, every other friday).
    每月 monthly, every month (on today's day); 每月1日 每月1號 每月15號 每月1日和15日
    every month on the 15th, monthly on the 1st and 15th, every 15th;
    每月底 每月末 每月最後一天 every month end, end of every month, monthly on the last day
    (BYMONTHDAY=-1); 每月初; 每月第一個週一 每月最後一個週五 every first monday,
    every month on the last friday; 每3個月 every 3 months.
    每季度 quarterly, every quarter; 每季度末 (31 Mar, 30 Jun, 30 Sep, 31 Dec).
    每年 yearly, annually, every year (on today's date); 每年12月1日 every year on dec 1,
    every dec 1, yearly on 1 december; 每年底.
    每個工作日 每个工作日 每工作日 工作日每天 every weekday, weekdays, every working day,
    every business day: Monday to Friday, skipping public holidays and honouring make-up days
    (`working_days_only`). "Every weekday" counts holidays out too, as a secretary means it.
    The first occurrence is the first on or after now (today counts for all-day rules).

Inside free text (quick-add), `parse_in_text` is stricter: words that are often not dates are
refused there unless framed (by, 前, 截止…) — bare offsets without a direction (3天, 3d,
2 weeks), an hour in 點 alone (3點), a part of day alone (下午), sun/sat/mon/wed alone,
a month/day in figures alone (12/1, 12.1, 12-1: also fractions, versions, ranges), a
festival's name alone (春節慰問, 國慶活動: 春節前 counts), and
daily/weekly/monthly/yearly/weekdays alone. With a time or a frame they count (12/1 3pm,
by 12/1). A month/day in figures that cannot be a date (2.30, 3/45) is simply not a date.
Glued to Chinese text it also refuses a day of the month alone (15號 but 15號前 is fine).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable
from datetime import date, datetime, time, timedelta
from typing import Any

from workbench.domain.calendar import WorkCalendar
from workbench.domain.models import Due, due_to_iso, is_all_day
from workbench.domain.records import record
from workbench.domain.text import one_line
from workbench.i18n import t


def _relativedelta(**kw: int) -> Any:
    """dateutil's relativedelta, imported when a phrase first needs month arithmetic:
    importing it (with six and the rest it brings) was 1-2 ms of every command reading a date;
    明天下午3點 needs none."""
    from dateutil.relativedelta import relativedelta as delta

    return delta(**kw)


MAX_PHRASE = 80
"""Longest date phrase we read, in characters; the longest real one is about 40."""

_SHOW = 40
"""Characters of user text quoted back in an error message."""

_MAX_WORKING_DAYS = 2000
"""Working-day offsets are counted day by day; beyond this they are surely a typo."""

_RULE_STEPS = 2000
"""Candidates examined when skipping holidays in a rule, so a bad rule cannot hang us."""


# --------------------------------------------------------------------------- results


class DateParseError(ValueError):
    """A phrase that is not a date; `unknown` is the part that was not understood.

    The message is rendered when shown, in the language current at that moment, from `key`
    and `params`, so the same error can be shown again after a language switch.
    """

    def __init__(self, phrase: str, unknown: str, key: str = "dates.err.unknown", **params):
        super().__init__(phrase, unknown, key)
        self.phrase = phrase
        self.unknown = unknown
        self.key = key
        self.params = params

    def __str__(self) -> str:
        return t(self.key, phrase=_show(self.phrase), unknown=_show(self.unknown), **self.params)


def _show(text: str) -> str:
    """User text as it may appear inside a message: one line, not too long."""
    text = one_line(text[: 4 * _SHOW])  # cut first: the input may be 100,000 characters
    return text if len(text) <= _SHOW else text[: _SHOW - 1] + "…"


@record(frozen=True)
class When:
    """One moment a thing is due: a `date` (all day) or a `datetime` (at that minute)."""

    value: Due

    @property
    def all_day(self) -> bool:
        return is_all_day(self.value)

    @property
    def iso(self) -> str:
        return due_to_iso(self.value) or ""


@record(frozen=True)
class Recurrence:
    """A repetition: an RRULE body (no `RRULE:` prefix) and its first occurrence."""

    rule: str
    first: When
    working_days_only: bool = False


class _Lazy:
    """A regular expression compiled when first used.

    The service layer imports this module, so it is on the start-up path of every command;
    compiling its sixty-odd patterns at import cost about 30 ms, and most commands never
    read a date. Each pattern is compiled once, the first time a phrase needs it.
    """

    __slots__ = ("_compiled", "source")

    def __init__(self, source: str) -> None:
        self.source = source
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self.source)
        return self._compiled

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled.match(text, pos, endpos)

    def fullmatch(self, text: str) -> re.Match[str] | None:
        return self.compiled.fullmatch(text)

    def search(self, text: str) -> re.Match[str] | None:
        return self.compiled.search(text)


class _AsciiLazy(_Lazy):
    """A pattern every match of which begins with an ASCII character: an English word or a
    figure. At a Chinese character it cannot match, and is not compiled to find that out:
    half the patterns a Chinese phrase is tried against are English ones, and compiling
    them was a third of reading the first date of a process (6.7 → 4.3 ms without)."""

    __slots__ = ()

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        if pos < len(text) and not text[pos].isascii():
            return None
        return super().match(text, pos, endpos)


# --------------------------------------------------------------------------- text folding

_FOLD_MAP: dict[str, str] = {
    # Traditional forms that occur in date words, to one spelling.
    "週": "周", "後": "后", "點": "点", "個": "个", "號": "号", "兩": "两", "禮": "礼",
    "內": "内", "為": "为", "這": "这", "鐘": "钟", "頭": "头", "時": "时", "間": "间",
    "過": "过", "農": "农", "曆": "历", "歷": "历", "陰": "阴", "臘": "腊", "裡": "里",
    "裏": "里", "於": "于", "與": "与", "兒": "儿", "遲": "迟", "單": "单",
    "節": "节", "慶": "庆", "國": "国", "勞": "劳", "動": "动", "雙": "双", "長": "长",
    # Look-alikes people type in dates.
    "○": "〇", "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "\u3000": " ", "。": ".",
}
_FOLD_MAP.update({chr(c): chr(c - 0xFEE0).lower() for c in range(0xFF01, 0xFF5F)})
_FOLD_MAP.update({c: c.lower() for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"})
_FOLD = str.maketrans(_FOLD_MAP)
"""One character to one character, so positions in the folded text are positions in the
original and the part not understood can be quoted exactly as typed."""


def _fold(text: str) -> str:
    return text.translate(_FOLD)


# --------------------------------------------------------------------------- numbers

_CN_DIGIT = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNIT = {"十": 10, "百": 100, "千": 1000}
_CN_TENS = {"廿": 20, "卅": 30}
_N = r"(?:[0-9]{1,8}|[〇零一二两三四五六七八九十廿卅百千]{1,8})"
"""A number in Arabic or Chinese numerals (linear: one character class, bounded)."""


def _cn_int(token: str) -> int | None:
    """十二 → 12, 二十五 → 25, 廿五 → 25, 二〇二六 → 2026, 一百零五 → 105; None if malformed."""
    if token.isascii():
        return int(token) if token.isdigit() else None
    if all(ch in _CN_DIGIT for ch in token):
        return int("".join(str(_CN_DIGIT[ch]) for ch in token))
    total, digit, last_unit = 0, None, 10_000
    for ch in token:
        if ch in _CN_DIGIT:
            if digit is not None and _CN_DIGIT[ch] != 0:
                return None
            digit = None if _CN_DIGIT[ch] == 0 else _CN_DIGIT[ch]
        elif ch in _CN_UNIT:
            unit = _CN_UNIT[ch]
            if unit >= last_unit:
                return None
            total += (1 if digit is None else digit) * unit
            digit, last_unit = None, unit
        else:  # 廿 卅 stand for 二十 三十
            if total or digit is not None:
                return None
            total, last_unit = _CN_TENS[ch], 10
    return total + (digit or 0)


_EN_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
               "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
               "twelve": 12, "other": 2}


def _alt(words: Iterable[str]) -> str:
    """A regex alternation of literal words, longest first; a space matches any spacing."""
    return "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True)
    )


def _norm(words: str) -> str:
    return " ".join(words.split())


# --------------------------------------------------------------------------- vocabulary

_WEEKDAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_CN_WEEKDAY = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6,
               "末": 5, "1": 0, "2": 1, "3": 2, "4": 3, "5": 4, "6": 5, "7": 6}
_EN_WEEKDAY = {"monday": 0, "mon": 0, "tuesday": 1, "tues": 1, "tue": 1, "wednesday": 2,
               "wed": 2, "thursday": 3, "thurs": 3, "thur": 3, "thu": 3, "friday": 4,
               "fri": 4, "saturday": 5, "sat": 5, "sunday": 6, "sun": 6}
_EN_AMBIGUOUS_WEEKDAY = frozenset({"sun", "sat", "mon", "wed"})
"""Weekday abbreviations that are also English words; alone in a title they stay words."""
_EN_MONTH = {"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
             "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
             "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9, "october": 10,
             "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12}
_MAX_MONTH_DAY = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)

_WEEK_PREFIX = {None: None, "本": 0, "这": 0, "这个": 0, "这一": 0, "下": 1, "下个": 1,
                "下一个": 1, "下下": 2, "下下个": 2, "上": -1, "上个": -1, "上一个": -1,
                "上上": -2, "上上个": -2}
_EN_WEEK_PREFIX = {None: None, "this": None, "coming": None, "next": 1, "last": -1}
_EN_WEEK_SUFFIX = {None: None, "this week": 0, "next week": 1, "last week": -1}

# Parts of the day: the hours they accept (hour said → 24-hour clock, days later) and the
# time they mean when no hour is given.
_PERIODS = {"凌晨": "dawn", "清晨": "morning", "早上": "morning", "早晨": "morning",
            "上午": "morning", "早": "morning", "中午": "noon", "午后": "afternoon",
            "下午": "afternoon", "傍晚": "dusk", "晚上": "evening", "晚间": "evening",
            "夜里": "evening", "夜间": "evening", "晚": "evening", "半夜": "night",
            "午夜": "night"}
_EN_PERIODS = {"morning": "morning", "afternoon": "afternoon", "evening": "evening",
               "night": "evening"}
_PERIOD_DEFAULT = {"morning": (9, 0, 0), "noon": (12, 0, 0), "afternoon": (14, 0, 0),
                   "dusk": (18, 0, 0), "evening": (20, 0, 0), "night": (0, 0, 1)}


def _period_hours(period: str | None, hour: int) -> tuple[int, int] | None:
    """(24-hour clock, days later) for an hour said in a part of the day; None if impossible."""
    rules: dict[str | None, Callable[[int], tuple[int, int] | None]] = {
        None: lambda h: (0, 1) if h == 24 else (h + 12, 0) if 1 <= h <= 6 else (h, 0),
        "dawn": lambda h: (0, 0) if h == 12 else (h, 0) if h <= 6 else None,
        "morning": lambda h: (h, 0) if h <= 12 else None,
        "noon": lambda h: (h, 0) if 11 <= h <= 14 else (h + 12, 0) if 1 <= h <= 2 else None,
        "afternoon": lambda h: (12, 0) if h == 12 else (h + 12, 0) if 1 <= h <= 11 else None,
        "dusk": lambda h: (h + 12, 0) if 4 <= h <= 7 else (h, 0) if 16 <= h <= 19 else None,
        "evening": lambda h: (
            (h + 12, 0) if 5 <= h <= 11
            else (0, 1) if h in (0, 12, 24)
            else (h, 1) if 1 <= h <= 4
            else (h, 0) if 17 <= h <= 23
            else None
        ),
        "night": lambda h: (0, 1) if h in (0, 12, 24) else (h, 1) if 1 <= h <= 4 else None,
    }
    if hour > 24:
        return None
    return rules[period](hour)


# --------------------------------------------------------------------------- scanner


@record(frozen=True)
class _Ctx:
    now: datetime
    cal: WorkCalendar
    in_text: bool = False
    """Reading words inside a title (parse_in_text), where a vague word is no error."""

    @property
    def today(self) -> date:
        return self.now.date()


class _Scan:
    """A position in the folded phrase, and errors that quote the original text."""

    __slots__ = ("end", "phrase", "pos", "s")

    def __init__(self, phrase: str, start: int, end: int) -> None:
        self.phrase = phrase
        self.s = _fold(phrase)
        self.pos = start
        self.end = end

    def match(self, pattern: _Lazy) -> re.Match[str] | None:
        return pattern.match(self.s, self.pos, self.end)

    def take(self, pattern: _Lazy) -> re.Match[str] | None:
        m = pattern.match(self.s, self.pos, self.end)
        if m:
            self.pos = m.end()
        return m

    def skip(self, pattern: _Lazy) -> bool:
        return self.take(pattern) is not None

    def at_end(self) -> bool:
        return self.pos >= self.end

    def text(self, start: int, end: int) -> str:
        return self.phrase[start:end].strip()

    def error(self, start: int, end: int, key: str = "dates.err.unknown", **params):
        return DateParseError(self.phrase, self.text(start, end), key, **params)

    def unknown_here(self) -> DateParseError:
        return self.error(self.pos, self.end)


_SPACES = _Lazy(r"\s+")
_SEPARATORS = _Lazy(r"(?:\s|,|的|\(|\)|(?<![a-z])(?:at|on)(?![a-z]))+")
_PREFIX = _Lazy(
    r"(?:(?:by|before|until|till|due|on|at)\s+|截止到|截止至|截至|截止|最迟|最晚|不晚于|于|在|到)"
)
_SUFFIX = _Lazy(r"(?:之前|以前|前|为止|截止|止|之内|以内|内)\s*")
_TRAILING = ".!?,;、"
_LUNAR = _Lazy(r"农历|阴历|正月|腊月|冬月|初[一二三四五六七八九十]|[0-9]+月初[0-9]")


# --------------------------------------------------------------------------- parts


@record
class _DatePart:
    day: date
    start: int
    end: int
    period: str | None = None
    weekday: int | None = None
    """Set for a bare weekday, which may annotate an absolute date (12月1日週二)."""
    weak: str | None = None
    """Why this part alone is too vague inside free text (see `parse_in_text`)."""


@record
class _TimePart:
    kind: str  # "clock" (點 or 3:00), "ampm", "fixed" (noon, midnight), "period" (下午 alone)
    start: int
    end: int
    period: str | None = None
    hour: int = 0
    minute: int = 0
    second: int = 0
    pm: bool = False
    colon: bool = False
    weak: str | None = None


@record
class _Instant:
    value: datetime
    start: int
    end: int
    weak: str | None = None


_Part = _DatePart | _TimePart | _Instant


@record
class _Reading:
    date: _DatePart | None = None
    time: _TimePart | None = None
    instant: _Instant | None = None
    framed: bool = False
    """A prefix (by, 截止) or suffix (前, 之內) marks even a vague phrase as meant as a date."""

    def empty(self) -> bool:
        return self.date is None and self.time is None and self.instant is None

    def add(self, part: _Part, sc: _Scan) -> None:
        conflict = sc.error(part.start, part.end, "dates.err.conflict")
        if self.instant is not None or (isinstance(part, _Instant) and not self.empty()):
            raise conflict
        if isinstance(part, _Instant):
            self.instant = part
        elif isinstance(part, _TimePart):
            if self.time is not None or (part.period and self.date and self.date.period):
                raise conflict
            self.time = part
        else:
            self._add_date(part, sc, conflict)

    def _add_date(self, part: _DatePart, sc: _Scan, conflict: DateParseError) -> None:
        if part.period and self.time and self.time.period:
            raise conflict
        old = self.date
        if old is None:
            self.date = part
            return
        if (old.weekday is None) == (part.weekday is None):
            raise conflict
        absolute, named = (old, part) if part.weekday is not None else (part, old)
        if absolute.day.weekday() != named.weekday:
            raise sc.error(
                named.start,
                named.end,
                "dates.err.weekday_mismatch",
                date=absolute.day.isoformat(),
                weekday=t(f"dates.weekday.{absolute.day.weekday()}"),
            )
        self.date = absolute

    def is_weak(self, glued: bool) -> bool:
        if self.framed:
            return False
        parts = [p for p in (self.date, self.time, self.instant) if p is not None]
        return all(p.weak and (glued or p.weak != "monthday") for p in parts)


# ----- offsets: 3天後, in 2 weeks, +3d, 2小時後

_CN_OFFSET = _Lazy(
    rf"(再过|过|再)?({_N}|半)(个)?(半)?(工作日|小时|钟头|分钟|季度|星期|礼拜|天|日|周|月|年|分)"
    r"(之后|以后|过后|后|之内|以内|内|之前|以前|前)?"
)
_CN_UNITS = {"天": "d", "日": "d", "周": "w", "星期": "w", "礼拜": "w", "月": "m",
             "季度": "q", "年": "y", "小时": "h", "钟头": "h", "分钟": "min", "分": "min",
             "工作日": "wd"}
_NEEDS_DIRECTION = frozenset({"日", "年", "分"})
"""Units that alone mean something else: 3日 is the 3rd, 2026年 a year, 30分 a minute."""

_EN_UNITS = {"working days": "wd", "working day": "wd", "business days": "wd",
             "business day": "wd", "work days": "wd", "work day": "wd", "workdays": "wd",
             "workday": "wd", "wd": "wd", "bd": "wd", "days": "d", "day": "d", "d": "d",
             "weeks": "w", "week": "w", "wks": "w", "wk": "w", "w": "w", "months": "m",
             "month": "m", "mos": "m", "mo": "m", "m": "m", "quarters": "q", "quarter": "q",
             "years": "y", "year": "y", "yrs": "y", "yr": "y", "y": "y", "hours": "h",
             "hour": "h", "hrs": "h", "hr": "h", "h": "h", "minutes": "min", "minute": "min",
             "mins": "min", "min": "min"}
_EN_OFFSET = _AsciiLazy(
    rf"(?<![a-z])(?:(in|within|after)\s+)?(?:([0-9]{{1,8}})\s*|(half\s+an?|{_alt(_EN_NUMBERS)})\s+)"
    rf"({_alt(_EN_UNITS)})(?![a-z])(?:\s+(later|from\s+now|from\s+today|ago|hence))?"
)
_SIGNED_OFFSET = _AsciiLazy(rf"([+-])([0-9]{{1,8}})\s*({_alt(_EN_UNITS)})(?![a-z])")


def _shift(kind: str, amount: float, ctx: _Ctx, sc: _Scan, start: int) -> date | datetime:
    """Today (or now, for hours and minutes) moved by `amount` units; may be negative."""
    whole = int(amount)
    if kind in ("h", "min"):
        minutes = round(amount * (60 if kind == "h" else 1))
        return ctx.now.replace(second=0, microsecond=0) + timedelta(minutes=minutes)
    if kind == "wd":
        if abs(whole) > _MAX_WORKING_DAYS:
            raise sc.error(start, sc.pos, "dates.err.out_of_range")
        return _add_working_days(ctx.cal, ctx.today, whole)
    if amount != whole:  # only 半個月 and 半年 get here
        half = {"m": _relativedelta(days=15), "y": _relativedelta(months=6)}
        delta = half[kind] if amount > 0 else -half[kind]
        return ctx.today + delta
    deltas = {"d": _relativedelta(days=whole), "w": _relativedelta(weeks=whole),
              "m": _relativedelta(months=whole), "q": _relativedelta(months=3 * whole),
              "y": _relativedelta(years=whole)}
    return ctx.today + deltas[kind]


def _add_working_days(cal: WorkCalendar, day: date, n: int) -> date:
    if n >= 0:
        return cal.add_working_days(day, n)
    for _ in range(-n):
        day -= timedelta(days=1)
        while not cal.is_working_day(day):
            day -= timedelta(days=1)
    return day


def _offset_part(
    sc: _Scan, ctx: _Ctx, start: int, kind: str, amount: float, weak: bool
) -> _Part:
    value = _shift(kind, amount, ctx, sc, start)
    reason = "bare_offset" if weak else None
    if isinstance(value, datetime):
        return _Instant(value, start, sc.pos, reason)
    return _DatePart(value, start, sc.pos, weak=reason)


def _p_cn_offset(sc: _Scan, ctx: _Ctx) -> _Part | None:
    m = sc.match(_CN_OFFSET)
    if not m:
        return None
    lead, num, ge, extra_half, unit, direction = m.groups()
    kind = _CN_UNITS[unit]
    if unit in _NEEDS_DIRECTION and (not direction or (unit == "日" and "前" in direction)):
        return None
    if unit == "月" and not ge:
        return None  # 12月 is December
    if num == "半":
        if kind not in ("m", "y", "h") or extra_half:
            return None
        amount = 0.5
    else:
        value = _cn_int(num)
        if value is None:
            return None
        amount = value + (0.5 if extra_half else 0)
        if extra_half and kind != "h":
            return None
    sign = -1 if direction and "前" in direction else 1
    start = sc.pos
    sc.pos = m.end()
    return _offset_part(sc, ctx, start, kind, sign * amount, not (lead or direction))


def _p_en_offset(sc: _Scan, ctx: _Ctx) -> _Part | None:
    start = sc.pos
    m = sc.match(_SIGNED_OFFSET)
    if m:
        sc.pos = m.end()
        sign = -1 if m.group(1) == "-" else 1
        return _offset_part(sc, ctx, start, _EN_UNITS[_norm(m.group(3))], sign * int(m.group(2)),
                            False)
    m = sc.match(_EN_OFFSET)
    if not m:
        return None
    lead, digits, words, unit, trail = m.groups()
    if words and words.startswith("half"):
        if _EN_UNITS[_norm(unit)] != "h" or not unit.startswith("h"):
            return None
        amount: float = 0.5
    else:
        amount = int(digits) if digits else _EN_NUMBERS[_norm(words)]
    sc.pos = m.end()
    sign = -1 if trail == "ago" else 1
    return _offset_part(sc, ctx, start, _EN_UNITS[_norm(unit)], sign * amount,
                        not (lead or trail))


# ----- absolute dates

_CN_DATE = _Lazy(
    rf"(?:({_N}|今|明|去|后|前)年)?({_N})月(?:(初(?=[一二三四五六七八九十]))|({_N})(?:日|号)?|(底|末|初))?"
)
_CN_MONTH_DAY = _Lazy(rf"(本月|这个月|这月|下个月|下月|上个月|上月)({_N})(?:日|号)")
_CN_DAY = _Lazy(rf"({_N})(?:日|号)")
_ISO_DATE = _AsciiLazy(r"([0-9]{4})([-/.])([0-9]{1,2})\2([0-9]{1,2})(?![0-9])(t(?=[0-9]))?")
_NUMERIC_MD = _AsciiLazy(r"(?<![0-9])([0-9]{1,2})([/.-])([0-9]{1,2})(?![0-9]|[/.-][0-9])")
_MONTH_ALT = _alt(_EN_MONTH)
_ORD = r"(?:st|nd|rd|th)"
_EN_MD = _AsciiLazy(
    rf"(?<![a-z])({_MONTH_ALT})\.?(?![a-z])\s*([0-9]{{1,2}}){_ORD}?(?![0-9a-z])"
    r"(?:\s*,?\s*([0-9]{4})(?![0-9:]))?"
)
_EN_DM = _AsciiLazy(
    rf"(?<![0-9])([0-9]{{1,2}}){_ORD}?\s*(?:of\s+)?({_MONTH_ALT})\.?(?![a-z])"
    r"(?:\s*,?\s*([0-9]{4})(?![0-9:]))?"
)
_EN_NTH = _AsciiLazy(rf"(?<![0-9a-z])(?:the\s+)?([0-9]{{1,2}}){_ORD}(?![a-z])")
_YEAR_WORDS = {"今": 0, "明": 1, "去": -1, "后": 2, "前": -2}
_MONTH_WORDS = {"本月": 0, "这个月": 0, "这月": 0, "下个月": 1, "下月": 1, "上个月": -1,
                "上月": -1}


def _valid_day(year: int | None, month: int, day: int) -> bool:
    if not (1 <= month <= 12 and 1 <= day <= _MAX_MONTH_DAY[month - 1]):
        return False
    if year is None:
        return True
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _next_month_day(today: date, month: int, day: int) -> date:
    """The next `month`/`day` on or after today (29 February waits for a leap year)."""
    for year in range(today.year, today.year + 9):
        if _valid_day(year, month, day) and date(year, month, day) >= today:
            return date(year, month, day)
    raise OverflowError("no such date ahead")


def _month_last_day(today: date, year: int | None, month: int) -> date:
    """The last day of `month` in `year`, or its next occurrence when no year is given."""
    if year is not None:
        return date(year, month, 1) + _relativedelta(day=31)
    last = date(today.year, month, 1) + _relativedelta(day=31)
    return last if last >= today else date(today.year + 1, month, 1) + _relativedelta(day=31)


def _next_day_of_month(today: date, day: int) -> date:
    """The next date whose day of the month is `day` (today counts)."""
    first = today.replace(day=1)
    for i in range(13):
        month = first + _relativedelta(months=i)
        if _valid_day(month.year, month.month, day):
            candidate = month.replace(day=day)
            if candidate >= today:
                return candidate
    raise OverflowError("no such date ahead")


def _dated(
    sc: _Scan, ctx: _Ctx, start: int, year: int | None, month: int, day: int, weak=None
) -> _DatePart:
    """An absolute date part, or an error naming it when there is no such day."""
    if not _valid_day(year, month, day):
        raise sc.error(start, sc.pos, "dates.err.no_such_date")
    value = date(year, month, day) if year is not None else _next_month_day(ctx.today, month, day)
    return _DatePart(value, start, sc.pos, weak=weak)


def _p_cn_date(sc: _Scan, ctx: _Ctx) -> _Part | None:
    start = sc.pos
    m = sc.match(_CN_MONTH_DAY)
    if m:
        sc.pos = m.end()
        day = _cn_int(m.group(2))
        base = ctx.today.replace(day=1) + _relativedelta(months=_MONTH_WORDS[m.group(1)])
        if day is None:
            raise sc.error(start, sc.pos)
        return _dated(sc, ctx, start, base.year, base.month, day)
    m = sc.match(_CN_DATE)
    if m:
        return _cn_full_date(sc, ctx, m)
    m = sc.match(_CN_DAY)
    if m:
        sc.pos = m.end()
        day = _cn_int(m.group(1))
        if day is None or not 1 <= day <= 31:
            raise sc.error(start, sc.pos, "dates.err.no_such_date")
        return _DatePart(_next_day_of_month(ctx.today, day), start, sc.pos, weak="monthday")
    return None


def _cn_full_date(sc: _Scan, ctx: _Ctx, m: re.Match[str]) -> _Part | None:
    year_text, month_text, lunar, day_text, edge = m.groups()
    if day_text is None and edge is None and lunar is None:
        return None  # 12月 alone is a month, not a date
    start = sc.pos
    sc.pos = m.end()
    if lunar:
        raise sc.error(start, sc.pos + 1, "dates.err.lunar")
    year: int | None = None
    if year_text in _YEAR_WORDS:
        year = ctx.today.year + _YEAR_WORDS[year_text]
    elif year_text is not None:
        year = _cn_int(year_text)
        if year is None:
            raise sc.error(start, sc.pos)
        year += 2000 if year < 100 else 0
    month = _cn_int(month_text)
    if month is None or not 1 <= month <= 12:
        raise sc.error(start, sc.pos, "dates.err.no_such_date")
    if year is not None and not 1 <= year <= 9999:
        raise sc.error(start, sc.pos, "dates.err.out_of_range")
    if edge == "初":
        return _dated(sc, ctx, start, year, month, 1)
    if edge:
        return _DatePart(_month_last_day(ctx.today, year, month), start, sc.pos)
    day = _cn_int(day_text)
    if day is None:
        raise sc.error(start, sc.pos, "dates.err.no_such_date")
    return _dated(sc, ctx, start, year, month, day)


def _p_numeric_date(sc: _Scan, ctx: _Ctx) -> _Part | None:
    start = sc.pos
    m = sc.match(_ISO_DATE)
    if m:
        sc.pos = m.end()
        year, month, day = int(m.group(1)), int(m.group(3)), int(m.group(4))
        if year == 0:
            raise sc.error(start, sc.pos, "dates.err.no_such_date")
        part = _dated(sc, ctx, start, year, month, day)
        part.end = sc.pos - (1 if m.group(5) else 0)
        return part
    m = sc.match(_NUMERIC_MD)
    if m and _valid_day(None, int(m.group(1)), int(m.group(3))):
        # 2.30 and 3/45 are numbers, not impossible dates: they are simply not read as dates.
        sc.pos = m.end()
        return _dated(sc, ctx, start, None, int(m.group(1)), int(m.group(3)), "numeric")
    return None


def _p_en_date(sc: _Scan, ctx: _Ctx) -> _Part | None:
    start = sc.pos
    m = sc.match(_EN_MD)
    if m:
        month, day, year = _EN_MONTH[m.group(1)], int(m.group(2)), m.group(3)
    else:
        m = sc.match(_EN_DM)
        if m:
            month, day, year = _EN_MONTH[m.group(2)], int(m.group(1)), m.group(3)
    if m:
        sc.pos = m.end()
        return _dated(sc, ctx, start, int(year) if year else None, month, day)
    m = sc.match(_EN_NTH)
    if m:
        sc.pos = m.end()
        day = int(m.group(1))
        if not 1 <= day <= 31:
            raise sc.error(start, sc.pos, "dates.err.no_such_date")
        return _DatePart(_next_day_of_month(ctx.today, day), start, sc.pos, weak="monthday")
    return None


# ----- words: 明天, 月底, eom, next month, 今晚

DayRule = Callable[[_Ctx], date]


def _days(n: int) -> DayRule:
    return lambda ctx: ctx.today + timedelta(days=n)


def _month_end(months: int) -> DayRule:
    return lambda ctx: ctx.today + _relativedelta(months=months, day=31)


def _month_start(months: int) -> DayRule:
    return lambda ctx: ctx.today + _relativedelta(months=months, day=1)


def _year_end(years: int) -> DayRule:
    return lambda ctx: date(ctx.today.year + years, 12, 31)


def _year_start(years: int) -> DayRule:
    return lambda ctx: date(ctx.today.year + years, 1, 1)


def _quarter_end(quarters: int) -> DayRule:
    def rule(ctx: _Ctx) -> date:
        first = ctx.today.replace(day=1, month=(ctx.today.month - 1) // 3 * 3 + 1)
        return first + _relativedelta(months=3 * quarters + 2, day=31)

    return rule


def _next_first(ctx: _Ctx) -> date:
    return ctx.today if ctx.today.day == 1 else _month_start(1)(ctx)


def _next_new_year(ctx: _Ctx) -> date:
    return ctx.today if (ctx.today.month, ctx.today.day) == (1, 1) else _year_start(1)(ctx)


def _week_day(weeks: int | None, weekday: int) -> DayRule:
    return lambda ctx: _weekday_date(ctx.today, weeks, weekday)


def _weekend(weeks: int | None) -> DayRule:
    def rule(ctx: _Ctx) -> date:
        if weeks in (None, 0) and ctx.today.weekday() == 6:
            return ctx.today
        return _weekday_date(ctx.today, weeks or 0, 5)

    return rule


def _next_working_day(ctx: _Ctx) -> date:
    return ctx.cal.next_working_day(ctx.today)


def _weekday_date(today: date, weeks: int | None, weekday: int) -> date:
    """`weeks` None: the coming `weekday` (today counts); else that day of the week `weeks` on."""
    if weeks is None:
        return today + timedelta(days=(weekday - today.weekday()) % 7)
    monday = today - timedelta(days=today.weekday())
    return monday + timedelta(weeks=weeks, days=weekday)


def _table(rule: DayRule, *words: str) -> dict[str, DayRule]:
    return dict.fromkeys(words, rule)


_DAY_WORDS: dict[str, DayRule] = {
    **_table(_days(0), "今天", "今日", "今儿", "today", "eod", "end of day", "end of today"),
    **_table(_days(1), "明天", "明日", "明儿", "tomorrow", "tmr", "tmrw"),
    **_table(_days(2), "后天", "后日", "day after tomorrow", "the day after tomorrow"),
    **_table(_days(3), "大后天"),
    **_table(_days(-1), "昨天", "昨日", "yesterday"),
    **_table(_days(-2), "前天", "day before yesterday", "the day before yesterday"),
    **_table(_days(-3), "大前天"),
    **_table(_month_end(0), "月底", "月末", "本月底", "本月末", "这个月底", "这月底", "本月",
             "这个月", "本月内", "这个月内", "eom", "end of month", "end of the month",
             "end of this month", "this month"),
    **_table(_month_end(1), "下月底", "下个月底", "下月末", "下个月末", "下月内", "下个月内",
             "end of next month"),
    **_table(_next_first, "月初"),
    **_table(_month_start(0), "本月初", "这个月初"),
    **_table(_month_start(1), "下月初", "下个月初", "下月", "下个月", "next month"),
    **_table(_year_end(0), "年底", "年末", "今年底", "今年年底", "今年末", "今年", "今年内",
             "本年底", "eoy", "end of year", "end of the year", "end of this year",
             "this year"),
    **_table(_year_end(1), "明年底", "明年年底", "明年末", "end of next year"),
    **_table(_next_new_year, "年初"),
    **_table(_year_start(1), "明年初", "明年", "next year"),
    **_table(_quarter_end(0), "季末", "季度末", "本季度末", "本季末", "eoq", "end of quarter",
             "end of the quarter", "end of this quarter"),
    **_table(_quarter_end(1), "下季度末", "下季末", "end of next quarter"),
    **_table(_week_day(0, 4), "eow", "end of week", "end of the week", "end of this week",
             "this week"),
    **_table(_week_day(1, 4), "end of next week"),
    **_table(_week_day(1, 0), "next week"),
    **_table(_weekend(None), "weekend", "this weekend", "the weekend"),
    **_table(_weekend(1), "next weekend"),
    **_table(_next_working_day, "下一个工作日", "下个工作日", "下一工作日", "next working day",
             "next business day", "next workday"),
}
_DAY_PERIOD_WORDS: dict[str, tuple[int, str]] = {
    "今晚": (0, "evening"), "今夜": (0, "evening"), "tonight": (0, "evening"),
    "今早": (0, "morning"), "今晨": (0, "morning"), "this morning": (0, "morning"),
    "this afternoon": (0, "afternoon"), "this evening": (0, "evening"),
    "明早": (1, "morning"), "明晨": (1, "morning"), "明晚": (1, "evening"),
    "昨晚": (-1, "evening"),
}


def _word_patterns() -> tuple[_Lazy, _Lazy]:
    words = [*_DAY_WORDS, *_DAY_PERIOD_WORDS]
    cjk = [w for w in words if not w.isascii()]
    latin = [w for w in words if w.isascii()]
    return _Lazy(_alt(cjk)), _AsciiLazy(rf"(?<![a-z])(?:{_alt(latin)})(?![a-z])")


_CJK_WORDS, _LATIN_WORDS = _word_patterns()


def _p_words(sc: _Scan, ctx: _Ctx) -> _Part | None:
    start = sc.pos
    m = sc.match(_CJK_WORDS) or sc.match(_LATIN_WORDS)
    if not m:
        return None
    word = _norm(m.group(0))
    sc.pos = m.end()
    if word in _DAY_PERIOD_WORDS:
        days, period = _DAY_PERIOD_WORDS[word]
        return _DatePart(ctx.today + timedelta(days=days), start, sc.pos, period=period)
    return _DatePart(_DAY_WORDS[word](ctx), start, sc.pos)


# ----- festivals: 春節前, 國慶後, 中秋

_FESTIVAL_WORDS = {
    "元旦": "new_year",
    "春节": "spring", "过年": "spring",
    "清明节": "qingming", "清明": "qingming",
    "五一劳动节": "labour", "劳动节": "labour", "五一节": "labour", "五一": "labour",
    "端午节": "dragon_boat", "端午": "dragon_boat",
    "中秋节": "mid_autumn", "中秋": "mid_autumn",
    "国庆节": "national", "国庆": "national",
}  # fmt: skip
_FESTIVAL_YEARS = {"今年": 0, "明年": 1, "后年": 2}
_FESTIVAL = _Lazy(
    rf"({_alt(_FESTIVAL_YEARS)})?({_alt(_FESTIVAL_WORDS)})(?:长假|假期|放假|收假|假)?"
    r"(?:(之前|以前|前)(?![后夕])|(之后|以后|后))?"
    rf"(?:(?<=[前后])第?({_N})个?工作日)?"
)
"""前後 (around) and 前夕 (the eve) are not "before": 元旦前後加強值班 keeps its title.
節前3個工作日 and 節後第一個工作日 count working days from the days off."""
_YEARS_AHEAD = 2
"""A festival's next occurrence is looked for this year and the next (and the one after,
for 元旦前 late in December)."""


def _p_festival(sc: _Scan, ctx: _Ctx) -> _Part | None:
    start = sc.pos
    m = sc.match(_FESTIVAL)
    if not m:
        return None
    sc.pos = m.end()
    year_word, word, before, after, count = m.groups()
    name = _FESTIVAL_WORDS[word]
    side = "before" if before else "after" if after else None
    nth = 1 if count is None else _cn_int(count)
    if nth is None or not 1 <= nth <= _MAX_WORKING_DAYS:
        raise sc.error(start, sc.pos, "dates.err.out_of_range")
    weak = None if side or year_word else "festival"
    if year_word:  # 明年春節前: that year's, even if past (今年清明 in May)
        years = [ctx.today.year + _FESTIVAL_YEARS[year_word]]
    else:  # the next occurrence
        years = list(range(ctx.today.year, ctx.today.year + _YEARS_AHEAD + 1))
    for year in years:
        day = ctx.cal.festival(name, year)
        if day is None and weak and ctx.in_text:
            sc.pos = start
            return None  # 春節慰問 without a region's festivals: title words, not a date
        if day is None:
            key = "dates.err.festival" if ctx.cal.knows_festivals else "dates.err.no_region"
            named = m.start(2)
            raise sc.error(named, named + len(word), key)
        if side is not None:
            first, last = ctx.cal.break_around(day) or (day, day)
            if side == "before":
                day = _working_days_before(ctx.cal, first, nth)
            else:
                day = ctx.cal.add_working_days(ctx.cal.next_working_day(last), nth - 1)
        if day >= ctx.today or year_word:
            return _DatePart(day, start, sc.pos, weak=weak)
    raise sc.error(start, sc.pos, "dates.err.out_of_range")  # pragma: no cover - a year on


def _working_days_before(cal: WorkCalendar, day: date, n: int) -> date:
    """The n-th working day before `day` (1: the last one before it)."""
    for _ in range(n):
        day -= timedelta(days=1)
        for _ in range(_MAX_WORKING_DAYS):
            if cal.is_working_day(day):
                break
            day -= timedelta(days=1)
    return day


# ----- weekdays: 週五, 下週五, next fri

_CN_WEEK = _Lazy(rf"({_alt(k for k in _WEEK_PREFIX if k)})?(?:周|星期|礼拜)")
_CN_WEEKDAY_CHAR = _Lazy(r"[一二三四五六日天末1-7]")
_CN_NOT_WEEKDAY = _Lazy(r"[〇零七八九十廿卅百千0-9]+")
_WITHIN = _Lazy(r"(?:之内|以内|内)")
_EN_WEEKDAY_RE = _AsciiLazy(
    rf"(?<![a-z])(?:(this|coming|next|last)\s+)?({_alt(_EN_WEEKDAY)})\.?(?![a-z])"
    r"(?:\s+(this\s+week|next\s+week|last\s+week))?"
)


def _p_cn_weekday(sc: _Scan, ctx: _Ctx) -> _Part | None:
    start = sc.pos
    m = sc.match(_CN_WEEK)
    if not m:
        return None
    weeks = _WEEK_PREFIX[m.group(1)]
    sc.pos = m.end()
    char = sc.take(_CN_WEEKDAY_CHAR)
    if char is None:
        return _cn_week_alone(sc, ctx, start, weeks)
    if char.group(0) == "末":
        return _DatePart(_weekend(weeks)(ctx), start, sc.pos)
    weekday = _CN_WEEKDAY[char.group(0)]
    return _DatePart(
        _weekday_date(ctx.today, weeks, weekday),
        start,
        sc.pos,
        weekday=weekday if m.group(1) is None else None,
    )


def _cn_week_alone(sc: _Scan, ctx: _Ctx, start: int, weeks: int | None) -> _Part | None:
    """本週 / 下週 / 週內 without a day, or an error for 下週八."""
    bad = sc.match(_CN_NOT_WEEKDAY)
    if bad:
        raise sc.error(bad.start(), bad.end(), "dates.err.weekday")
    if sc.take(_WITHIN):
        return _DatePart(_weekday_date(ctx.today, weeks or 0, 4), start, sc.pos)
    if weeks is None:
        sc.pos = start
        return None
    this_week = weeks == 0
    return _DatePart(_weekday_date(ctx.today, weeks, 4 if this_week else 0), start, sc.pos)


def _p_en_weekday(sc: _Scan, ctx: _Ctx) -> _Part | None:
    start = sc.pos
    m = sc.take(_EN_WEEKDAY_RE)
    if not m:
        return None
    prefix, name, suffix = m.group(1), m.group(2), m.group(3)
    weekday = _EN_WEEKDAY[name]
    weeks = _EN_WEEK_SUFFIX[_norm(suffix)] if suffix else _EN_WEEK_PREFIX[prefix]
    plain = prefix in (None, "this", "coming") and suffix is None
    weak = "word" if prefix is None and suffix is None and name in _EN_AMBIGUOUS_WEEKDAY else None
    return _DatePart(
        _weekday_date(ctx.today, weeks, weekday),
        start,
        sc.pos,
        weekday=weekday if plain else None,
        weak=weak,
    )


# ----- times of day

_CN_PERIOD = _Lazy(_alt(_PERIODS))
_CN_CLOCK = _Lazy(rf"({_N})(?:点钟|点|时)(?:(半)|(一刻)|(三刻)|(整)|({_N})(?:分钟|分)?)?")
_COLON_CLOCK = _AsciiLazy(r"([0-9]{1,2}):([0-9]{2})(?::([0-9]{2}))?(?![0-9])")
_AMPM_CLOCK = _AsciiLazy(
    r"(?<![0-9])([0-9]{1,2})(?::([0-9]{2}))?\s*(a\.?m\.?|p\.?m\.?)(?![a-z])"
)
_EN_FIXED = _AsciiLazy(r"(?<![a-z])(?:(?:12\s*)?(noon|midday)|(midnight))(?![a-z])")
_EN_PERIOD_RE = _AsciiLazy(
    rf"(?<![a-z])(?:in\s+the\s+)?({_alt(_EN_PERIODS)})(?![a-z])"
)
_QUARTERS = {2: 30, 3: 15, 4: 45, 5: 0}
"""Regex group → minutes for 半, 一刻, 三刻, 整."""


def _p_time(sc: _Scan, ctx: _Ctx) -> _Part | None:
    start = sc.pos
    m = sc.take(_AMPM_CLOCK)
    if m:
        return _TimePart("ampm", start, sc.pos, hour=int(m.group(1)),
                         minute=int(m.group(2) or 0), pm=m.group(3).startswith("p"))
    m = sc.take(_EN_FIXED)
    if m:
        hour, days = (12, 0) if m.group(1) else (0, 1)
        return _TimePart("fixed", start, sc.pos, hour=hour, second=days)
    m = sc.take(_EN_PERIOD_RE)
    if m:
        return _TimePart("period", start, sc.pos, period=_EN_PERIODS[m.group(1)], weak="period")
    period_match = sc.take(_CN_PERIOD)
    period = _PERIODS[period_match.group(0)] if period_match else None
    if period_match:
        sc.skip(_SPACES)
    clock = _cn_or_colon_clock(sc, start, period)
    if clock is not None:
        return clock
    if period_match is None or period_match.group(0) in ("早", "晚"):
        sc.pos = start
        return None
    sc.pos = period_match.end()
    return _TimePart("period", start, sc.pos, period=period, weak="period")


def _cn_or_colon_clock(sc: _Scan, start: int, period: str | None) -> _TimePart | None:
    m = sc.take(_CN_CLOCK)
    if m:
        hour = _cn_int(m.group(1))
        minute: int | None = 0
        for group, minutes in _QUARTERS.items():
            if m.group(group):
                minute = minutes
        if m.group(6):
            minute = _cn_int(m.group(6))
        if hour is None or minute is None:
            raise sc.error(start, sc.pos, "dates.err.bad_time")
        weak = "clock" if period is None else None
        return _TimePart("clock", start, sc.pos, period, hour, minute, weak=weak)
    m = sc.take(_COLON_CLOCK)
    if m:
        return _TimePart("clock", start, sc.pos, period, int(m.group(1)), int(m.group(2)),
                         int(m.group(3) or 0), colon=True)
    return None


def _clock(part: _TimePart, period: str | None, sc: _Scan) -> tuple[int, int, int, int]:
    """(hour, minute, second, days later) of a time part, or an error naming it."""
    bad = sc.error(part.start, part.end, "dates.err.bad_time")
    if part.kind == "fixed":
        return part.hour, 0, 0, part.second
    if part.kind == "period":
        if period not in _PERIOD_DEFAULT:
            raise sc.error(part.start, part.end, "dates.err.needs_hour")
        hour, minute, days = _PERIOD_DEFAULT[period]
        return hour, minute, 0, days
    if part.minute > 59 or part.second > 59:
        raise bad
    if part.kind == "ampm":
        if not 1 <= part.hour <= 12:
            raise bad
        return part.hour % 12 + (12 if part.pm else 0), part.minute, part.second, 0
    if period is None and part.colon:
        if part.hour == 24 and part.minute == part.second == 0:
            return 0, 0, 0, 1
        if part.hour > 23:
            raise bad
        return part.hour, part.minute, part.second, 0
    hour_days = _period_hours(period, part.hour)
    if hour_days is None or (part.hour == 24 and part.minute):
        raise bad
    return hour_days[0], part.minute, part.second, hour_days[1]


# --------------------------------------------------------------------------- one date

_PART_PARSERS = (
    _p_festival,
    _p_cn_offset,
    _p_en_offset,
    _p_numeric_date,
    _p_cn_date,
    _p_en_date,
    _p_words,
    _p_cn_weekday,
    _p_en_weekday,
    _p_time,
)


def _next_part(sc: _Scan, ctx: _Ctx) -> _Part:
    lunar = sc.match(_LUNAR)
    if lunar:
        raise sc.error(sc.pos, lunar.end(), "dates.err.lunar")
    for parser in _PART_PARSERS:
        part = parser(sc, ctx)
        if part is not None:
            return part
    raise sc.unknown_here()


def _read_when(sc: _Scan, ctx: _Ctx) -> _Reading:
    reading = _Reading()
    if sc.take(_PREFIX):
        reading.framed = True
        sc.skip(_SPACES)
    while True:
        if not reading.empty():
            before = sc.pos
            sc.skip(_SEPARATORS)
            if sc.at_end() and sc.s[before : sc.pos].replace(")", " ").strip():
                raise sc.error(before, sc.pos)  # 明天的 … with nothing after
        if sc.at_end():
            break
        suffix = sc.match(_SUFFIX)
        if suffix and not reading.empty() and suffix.end() >= sc.end:
            reading.framed = True
            break
        reading.add(_next_part(sc, ctx), sc)
    if reading.empty():
        raise sc.error(0, sc.end)
    return reading


def _resolve(reading: _Reading, ctx: _Ctx, sc: _Scan) -> Due:
    if reading.instant is not None:
        return reading.instant.value
    part = reading.date
    period = part.period if part else None
    if reading.time is None:
        if part is None or period is None:
            return part.day if part else ctx.today
        hour, minute, days = _PERIOD_DEFAULT[period]
        second = 0
    else:
        hour, minute, second, days = _clock(reading.time, period or reading.time.period, sc)
    at = time(hour, minute, second)
    if part is not None:
        return datetime.combine(part.day + timedelta(days=days), at)
    candidate = datetime.combine(ctx.today + timedelta(days=days), at)
    if candidate <= ctx.now:
        candidate += timedelta(days=1)
    return candidate


# --------------------------------------------------------------------------- repetitions

_REC_START = _Lazy(
    r"(?:每|天天|隔天|隔周|工作日每|(?<![a-z])(?:every|each|daily|weekly|biweekly|fortnightly|"
    r"monthly|quarterly|yearly|annually|weekdays|on\s+weekdays|(?:the\s+)?(?:end|last\s+day)"
    r"\s+of\s+(?:every|each)\s+month)(?![a-z]))"
)
_WEEKDAYS_ONLY = "MO,TU,WE,TH,FR"
_ADJECTIVES = {"daily": ("DAILY", 1), "weekly": ("WEEKLY", 1), "biweekly": ("WEEKLY", 2),
               "fortnightly": ("WEEKLY", 2), "monthly": ("MONTHLY", 1),
               "quarterly": ("MONTHLY", 3), "yearly": ("YEARLY", 1),
               "annually": ("YEARLY", 1)}


@record
class _Rule:
    freq: str
    interval: int = 1
    bymonth: str | None = None
    bymonthday: str | None = None
    byday: str | None = None
    working_days_only: bool = False
    weak: bool = False

    def body(self, clock: tuple[int, int, int] | None) -> str:
        parts = [f"FREQ={self.freq}"]
        if self.interval != 1:
            parts.append(f"INTERVAL={self.interval}")
        for key, value in (("BYMONTH", self.bymonth), ("BYMONTHDAY", self.bymonthday),
                           ("BYDAY", self.byday)):
            if value:
                parts.append(f"{key}={value}")
        if clock is not None:
            hour, minute, second = clock
            parts += [f"BYHOUR={hour}", f"BYMINUTE={minute}"]
            if second:
                parts.append(f"BYSECOND={second}")
        return ";".join(parts)


_R_CN_EVERY = _Lazy(r"每逢|每一个|每个|每")
_R_CN_WORKDAY = _Lazy(r"(?:个)?工作日(?:每天|每日)?")
_R_CN_DAY = _Lazy(rf"({_N})?(?:个)?(?:天|日)(?![0-9])")
_R_CN_WEEK = _Lazy(rf"({_N})?(?:个)?(?:周|星期|礼拜)(?:的)?")
_R_CN_MONTH = _Lazy(rf"({_N})?(?:个)?月(?:的)?")
_R_CN_QUARTER = _Lazy(r"(?:个)?季度?(?:的)?")
_R_CN_YEAR = _Lazy(r"年(?:的)?")
_R_CN_MONTH_END = _Lazy(r"底|末|最后一天")
_R_CN_NTH = _Lazy(rf"第({_N})个?(?:周|星期|礼拜)|(最后一个?)(?:周|星期|礼拜)")
_R_CN_MONTHDAY = _Lazy(rf"({_N})(?:日|号)?")
_R_LIST_SEP = _Lazy(r"\s*(?:、|,|和|及|与|跟|/|\+)?\s*(?:周|星期|礼拜)?")
_R_RANGE = _Lazy(r"(?:至|到|~|-)(?:周|星期|礼拜)?")
_R_CN_SPECIAL = {"天天": ("DAILY", 1), "隔天": ("DAILY", 2), "每隔一天": ("DAILY", 2),
                 "隔周": ("WEEKLY", 2), "每隔一周": ("WEEKLY", 2),
                 "每隔一个星期": ("WEEKLY", 2)}
_R_CN_SPECIAL_RE = _Lazy(_alt(_R_CN_SPECIAL))
_R_WORKDAY_FIRST = _Lazy(r"工作日(?:每天|每日)")

_R_EN_EVERY = _Lazy(r"(?:every|each)\s+")
_R_EN_WORKDAYS = _Lazy(
    r"(?:weekdays?|working\s+days?|business\s+days?|workdays?|work\s+days?)(?![a-z])"
)
_R_EN_COUNT = _Lazy(rf"(?:([0-9]{{1,4}})|({_alt(_EN_NUMBERS)}))\s+")
_R_EN_UNIT = _Lazy(r"(day|week|month|quarter|year)s?(?![a-z])")
_R_EN_ON = _Lazy(r"\s*,?\s*(?:on\s+)?(?:the\s+)?")
_R_EN_WEEKDAY = _Lazy(rf"({_alt(_EN_WEEKDAY)})s?\.?(?![a-z])")
_R_EN_LIST_SEP = _Lazy(r"\s*(?:,\s*and|,|and|&|/|\+)\s*")
_R_EN_NTH_WEEKDAY = _Lazy(
    rf"(first|1st|second|2nd|third|3rd|fourth|4th|last)\s+({_alt(_EN_WEEKDAY)})(?![a-z])"
    r"(?:\s+of\s+(?:the|every|each)\s+month)?"
)
_R_EN_MONTH_END = _Lazy(
    r"(?:last\s+day|month\s+end|end)(?:\s+of\s+(?:the|every|each)\s+month)?(?![a-z])"
)
_R_EN_END_OF_EVERY = _Lazy(
    r"(?:the\s+)?(?:end|last\s+day)\s+of\s+(?:every|each|the)\s+month(?![a-z])"
)
_R_EN_MONTHDAYS = _Lazy(rf"([0-9]{{1,2}}){_ORD}?(?![0-9a-z])")
_R_EN_OF_MONTH = _Lazy(r"\s+of\s+(?:the|every|each)\s+month(?![a-z])")
_EN_NTH_WORDS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4,
           "4th": 4, "last": -1}
_R_EN_ADJ = _Lazy(rf"({_alt(_ADJECTIVES)})(?![a-z])")
_R_EN_PLAIN_WEEKDAYS = _Lazy(r"(?:on\s+)?weekdays(?![a-z])")
_R_CN_WEEK_WORD = _Lazy(r"(?:的)?(?:周|星期|礼拜)?")
_R_CN_AND = _Lazy(r"\s*(?:、|,|和|及|与)\s*")
_R_START = _Lazy(r"初(?![一二三四五六七八九十])")
_R_END = _Lazy(r"底|末")


def _weekday_list_cn(sc: _Scan) -> list[int] | None:
    """一三五 / 一、三、五 / 一和週四 / 一至五 after 週; None when no weekday follows."""
    days: list[int] = []
    while True:
        char = sc.take(_CN_WEEKDAY_CHAR)
        if char is None:
            break
        first = _CN_WEEKDAY[char.group(0)]
        if sc.take(_R_RANGE):
            last_char = sc.take(_CN_WEEKDAY_CHAR)
            if last_char is None:
                raise sc.unknown_here()
            last = _CN_WEEKDAY[last_char.group(0)]
            days.extend(range(first, last + 1) if first <= last else [first])
        else:
            days.append(first)
        before_sep = sc.pos
        sc.skip(_R_LIST_SEP)
        if not sc.match(_CN_WEEKDAY_CHAR):
            sc.pos = before_sep
            break
    if not days:
        bad = sc.match(_CN_NOT_WEEKDAY)
        if bad:
            raise sc.error(bad.start(), bad.end(), "dates.err.weekday")
        return None
    return days


def _weekday_list_en(sc: _Scan) -> list[int] | None:
    days: list[int] = []
    while True:
        m = sc.take(_R_EN_WEEKDAY)
        if m is None:
            break
        days.append(_EN_WEEKDAY[m.group(1)])
        before = sc.pos
        if not sc.skip(_R_EN_LIST_SEP) or not sc.match(_R_EN_WEEKDAY):
            sc.pos = before
            break
    return days or None


def _byday(days: Iterable[int]) -> str:
    return ",".join(_WEEKDAY_CODES[d] for d in sorted(set(days)))


def _count(sc: _Scan, text: str | None, start: int) -> int:
    if text is None:
        return 1
    value = _cn_int(text) if text not in _EN_NUMBERS else _EN_NUMBERS[text]
    if value is None or not 1 <= value <= 1000:
        raise sc.error(start, sc.pos, "dates.err.out_of_range")
    return value


def _monthdays(values: list[int], sc: _Scan, start: int) -> str:
    for v in values:
        if not 1 <= v <= 31:
            raise sc.error(start, sc.pos, "dates.err.no_such_date")
    return ",".join(str(v) for v in sorted(set(values)))


def _rule_cn(sc: _Scan, ctx: _Ctx) -> _Rule:
    """After 每: the unit and its days. The time, if any, is read by the caller."""
    today = ctx.today
    special = sc.take(_R_CN_SPECIAL_RE)
    if special:
        freq, interval = _R_CN_SPECIAL[special.group(0)]
        return _cn_week_days(sc, today, interval) if freq == "WEEKLY" else _Rule(freq, interval)
    if sc.take(_R_WORKDAY_FIRST):
        return _Rule("WEEKLY", byday=_WEEKDAYS_ONLY, working_days_only=True)
    start = sc.pos
    if not sc.take(_R_CN_EVERY):
        raise sc.unknown_here()
    if sc.take(_R_CN_WORKDAY):
        return _Rule("WEEKLY", byday=_WEEKDAYS_ONLY, working_days_only=True)
    for pattern, build in ((_R_CN_DAY, _cn_daily), (_R_CN_WEEK, _cn_weekly),
                           (_R_CN_MONTH, _cn_monthly)):
        m = sc.take(pattern)
        if m:
            return build(sc, ctx, _count(sc, m.group(1), start))
    if sc.take(_R_CN_QUARTER):
        return _quarterly(sc, today)
    if sc.take(_R_CN_YEAR):
        return _cn_yearly(sc, ctx)
    raise sc.unknown_here()


def _cn_daily(sc: _Scan, ctx: _Ctx, interval: int) -> _Rule:
    return _Rule("DAILY", interval)


def _cn_weekly(sc: _Scan, ctx: _Ctx, interval: int) -> _Rule:
    return _cn_week_days(sc, ctx.today, interval)


def _cn_week_days(sc: _Scan, today: date, interval: int) -> _Rule:
    sc.skip(_R_CN_WEEK_WORD)
    days = _weekday_list_cn(sc)
    return _Rule("WEEKLY", interval, byday=_byday(days or [today.weekday()]))


def _cn_monthly(sc: _Scan, ctx: _Ctx, interval: int) -> _Rule:
    rule = _Rule("MONTHLY", interval)
    start = sc.pos
    if sc.take(_R_CN_MONTH_END):
        rule.bymonthday = "-1"
    elif sc.take(_R_START):
        rule.bymonthday = "1"
    elif m := sc.take(_R_CN_NTH):
        weekday = sc.take(_CN_WEEKDAY_CHAR)
        if weekday is None or weekday.group(0) == "末":
            raise sc.error(start, sc.pos + 1, "dates.err.weekday")
        nth = -1 if m.group(2) else _cn_int(m.group(1))
        if nth is None or not (nth == -1 or 1 <= nth <= 5):
            raise sc.error(start, sc.pos, "dates.err.out_of_range")
        rule.byday = f"{nth}{_WEEKDAY_CODES[_CN_WEEKDAY[weekday.group(0)]]}"
    else:
        values = []
        while m := sc.take(_R_CN_MONTHDAY):
            value = _cn_int(m.group(1))
            if value is None:
                raise sc.error(start, sc.pos, "dates.err.no_such_date")
            values.append(value)
            before = sc.pos
            if not sc.skip(_R_CN_AND) or not sc.match(_R_CN_MONTHDAY):
                sc.pos = before
                break
        rule.bymonthday = _monthdays(values, sc, start) if values else str(ctx.today.day)
    return rule


def _quarterly(sc: _Scan, today: date) -> _Rule:
    if sc.take(_R_CN_MONTH_END):
        return _Rule("YEARLY", bymonth="3,6,9,12", bymonthday="-1")
    if sc.take(_R_START):
        return _Rule("YEARLY", bymonth="1,4,7,10", bymonthday="1")
    return _Rule("MONTHLY", 3, bymonthday=str(today.day))


def _cn_yearly(sc: _Scan, ctx: _Ctx) -> _Rule:
    start = sc.pos
    if sc.take(_R_END):
        return _Rule("YEARLY", bymonth="12", bymonthday="31")
    if sc.take(_R_START):
        return _Rule("YEARLY", bymonth="1", bymonthday="1")
    m = sc.take(_CN_DATE)
    if m is None:
        return _Rule("YEARLY", bymonth=str(ctx.today.month), bymonthday=str(ctx.today.day))
    _year, month_text, lunar, day_text, edge = m.groups()
    if lunar or _year:
        raise sc.error(start, sc.pos + (1 if lunar else 0),
                       "dates.err.lunar" if lunar else "dates.err.unknown")
    month = _cn_int(month_text) or 0
    if edge in ("底", "末") and 1 <= month <= 12:
        return _Rule("YEARLY", bymonth=str(month), bymonthday="-1")
    day = 1 if edge == "初" else _cn_int(day_text) if day_text else None
    if day is None or not _valid_day(None, month, day):
        raise sc.error(start, sc.pos, "dates.err.no_such_date")
    return _Rule("YEARLY", bymonth=str(month), bymonthday=str(day))


def _rule_en(sc: _Scan, ctx: _Ctx) -> _Rule:
    m = sc.take(_R_EN_ADJ)
    if m:
        freq, interval = _ADJECTIVES[m.group(1)]
        rule, detailed = _en_rule_details(sc, ctx, freq, interval)
        rule.weak = not detailed
        return rule
    if sc.take(_R_EN_PLAIN_WEEKDAYS):
        return _Rule("WEEKLY", byday=_WEEKDAYS_ONLY, working_days_only=True, weak=True)
    if sc.take(_R_EN_END_OF_EVERY):
        return _Rule("MONTHLY", bymonthday="-1")
    start = sc.pos
    if not sc.take(_R_EN_EVERY):
        raise sc.unknown_here()
    if sc.take(_R_EN_WORKDAYS):
        return _Rule("WEEKLY", byday=_WEEKDAYS_ONLY, working_days_only=True)
    count = sc.take(_R_EN_COUNT)
    interval = _count(sc, count.group(1) or count.group(2), start) if count else 1
    unit = sc.take(_R_EN_UNIT)
    if unit:
        freq = {"day": "DAILY", "week": "WEEKLY", "month": "MONTHLY", "quarter": "MONTHLY",
                "year": "YEARLY"}[unit.group(1)]
        interval *= 3 if unit.group(1) == "quarter" else 1
        return _en_rule_details(sc, ctx, freq, interval)[0]
    days = _weekday_list_en(sc)
    if days:
        return _Rule("WEEKLY", interval, byday=_byday(days))
    if interval != 1:
        raise sc.unknown_here()
    return _en_every_date(sc)


def _en_every_date(sc: _Scan) -> _Rule:
    """every first monday / every month end / every 15th / every dec 1."""
    start = sc.pos
    m = sc.match(_EN_MD) or sc.match(_EN_DM)
    if m and not m.group(3):
        return _en_yearly_date(sc, m, 1)
    rule = _Rule("MONTHLY")
    if not _en_month_details(sc, rule):
        raise sc.error(start, sc.end)
    return rule


def _en_yearly_date(sc: _Scan, m: re.Match[str], interval: int) -> _Rule:
    start = sc.pos
    sc.pos = m.end()
    if m.re is _EN_MD.compiled:
        month, day = _EN_MONTH[m.group(1)], int(m.group(2))
    else:
        month, day = _EN_MONTH[m.group(2)], int(m.group(1))
    if not _valid_day(None, month, day):
        raise sc.error(start, sc.pos, "dates.err.no_such_date")
    return _Rule("YEARLY", interval, bymonth=str(month), bymonthday=str(day))


def _en_rule_details(sc: _Scan, ctx: _Ctx, freq: str, interval: int) -> tuple[_Rule, bool]:
    """What may follow a unit: on monday / on the 15th / on the last friday / on dec 1.

    Returns the rule and whether any detail was given; without one the rule repeats on
    today's weekday, day of the month or date.
    """
    today = ctx.today
    rule = _Rule(freq, interval)
    before = sc.pos
    sc.skip(_R_EN_ON)
    found = False
    if freq == "WEEKLY":
        days = _weekday_list_en(sc)
        if days:
            rule.byday, found = _byday(days), True
    elif freq == "MONTHLY":
        found = _en_month_details(sc, rule)
    elif freq == "YEARLY":
        m = sc.match(_EN_MD) or sc.match(_EN_DM)
        if m and not m.group(3):
            return _en_yearly_date(sc, m, interval), True
    if not found:
        sc.pos = before
        if freq == "WEEKLY":
            rule.byday = _byday([today.weekday()])
        elif freq == "MONTHLY":
            rule.bymonthday = str(today.day)
        elif freq == "YEARLY":
            rule.bymonth, rule.bymonthday = str(today.month), str(today.day)
    return rule, found


def _en_month_details(sc: _Scan, rule: _Rule) -> bool:
    start = sc.pos
    if m := sc.take(_R_EN_NTH_WEEKDAY):
        rule.byday = f"{_EN_NTH_WORDS[m.group(1)]}{_WEEKDAY_CODES[_EN_WEEKDAY[m.group(2)]]}"
        return True
    if sc.take(_R_EN_MONTH_END):
        rule.bymonthday = "-1"
        return True
    values = []
    while m := sc.take(_R_EN_MONTHDAYS):
        values.append(int(m.group(1)))
        before = sc.pos
        if not sc.skip(_R_EN_LIST_SEP) or not sc.match(_R_EN_MONTHDAYS):
            sc.pos = before
            break
    if not values:
        return False
    sc.skip(_R_EN_OF_MONTH)
    rule.bymonthday = _monthdays(values, sc, start)
    return True


def _read_recurrence(sc: _Scan, ctx: _Ctx) -> tuple[_Rule, _TimePart | None]:
    is_latin = sc.s[sc.pos].isascii()
    rule = _rule_en(sc, ctx) if is_latin else _rule_cn(sc, ctx)
    sc.skip(_SEPARATORS)
    clock = None
    if not sc.at_end():
        part = _p_time(sc, ctx)
        if part is None:
            raise sc.unknown_here()
        clock = part
        sc.skip(_SEPARATORS)
    if not sc.at_end():
        raise sc.unknown_here()
    return rule, clock


def _recurrence(sc: _Scan, ctx: _Ctx, strict: bool) -> Recurrence:
    rule, clock_part = _read_recurrence(sc, ctx)
    if strict and rule.weak and clock_part is None:
        raise sc.error(0, sc.end)
    clock = None
    if clock_part is not None:
        hour, minute, second, days = _clock(clock_part, clock_part.period, sc)
        if days and rule.freq != "DAILY":
            raise sc.error(clock_part.start, clock_part.end, "dates.err.midnight_rule")
        clock = (hour, minute, second)
    body = rule.body(clock)
    start = datetime.combine(ctx.today, time.min)
    after = ctx.now if clock else start
    first = _rule_after(body, start, after, True, ctx.cal, rule.working_days_only, sc.phrase)
    value: Due = first if clock else first.date()
    return Recurrence(body, When(value), rule.working_days_only)


# --------------------------------------------------------------------------- rule arithmetic


def _rule_fields(rule: str) -> dict[str, str]:
    fields = {}
    for item in rule.upper().removeprefix("RRULE:").split(";"):
        key, _, value = item.partition("=")
        if key:
            fields[key.strip()] = value.strip()
    return fields


def _is_weekdays_rule(fields: dict[str, str]) -> bool:
    """FREQ=WEEKLY;BYDAY=MO..FR (or FREQ=DAILY): what 每個工作日 means, stepped by calendar."""
    extra = set(fields) - {"FREQ", "INTERVAL", "BYDAY", "BYHOUR", "BYMINUTE", "BYSECOND", "WKST"}
    if extra or fields.get("INTERVAL", "1") != "1":
        return False
    if fields.get("FREQ") == "DAILY":
        return "BYDAY" not in fields
    days = set(fields.get("BYDAY", "").split(","))
    return fields.get("FREQ") == "WEEKLY" and days == set(_WEEKDAYS_ONLY.split(","))


def _rule_after(
    rule: str,
    start: datetime,
    after: datetime,
    inclusive: bool,
    cal: WorkCalendar,
    working_days_only: bool,
    phrase: str,
) -> datetime:
    """The first occurrence of `rule` (anchored at `start`) after `after`.

    With `working_days_only`, days off are skipped; the Monday-to-Friday rule instead walks
    the calendar so that a make-up Saturday (調休) counts as the working day it is.
    """
    fields = _rule_fields(rule)
    if working_days_only and _is_weekdays_rule(fields):
        return _working_day_after(fields, start, after, inclusive, cal, rule)
    from dateutil.rrule import rrulestr

    try:
        recurrence = rrulestr(rule, dtstart=start)
        candidate = recurrence.after(after, inc=inclusive)
        steps = 0
        while candidate is not None and working_days_only and not cal.is_working_day(
            candidate.date()
        ):
            steps += 1
            candidate = recurrence.after(candidate) if steps < _RULE_STEPS else None
    except (ValueError, TypeError, OverflowError, KeyError, IndexError):
        raise DateParseError(phrase, rule, "dates.err.rule") from None
    if candidate is None:
        raise DateParseError(phrase, rule, "dates.err.rule_ended")
    return candidate


def _working_day_after(
    fields: dict[str, str],
    start: datetime,
    after: datetime,
    inclusive: bool,
    cal: WorkCalendar,
    rule: str,
) -> datetime:
    try:
        at = time(
            int(fields.get("BYHOUR", start.hour)),
            int(fields.get("BYMINUTE", start.minute)),
            int(fields.get("BYSECOND", start.second)),
        )
    except ValueError:
        raise DateParseError(rule, rule, "dates.err.rule") from None
    day = after.date()
    for _ in range(_RULE_STEPS):
        candidate = datetime.combine(day, at)
        late_enough = candidate > after or (inclusive and candidate == after)
        if late_enough and cal.is_working_day(day):
            return candidate
        day += timedelta(days=1)
    raise DateParseError(rule, rule, "dates.err.rule_ended")


# --------------------------------------------------------------------------- public API


def _naive(now: datetime) -> datetime:
    return now.replace(tzinfo=None) if now.tzinfo is not None else now


def _scanner(text: str) -> _Scan:
    """Checks common to every phrase, and a scanner over its folded form."""
    phrase = text.strip()
    if not phrase:
        raise DateParseError(text, "", "dates.err.empty")
    if len(phrase) > MAX_PHRASE:
        raise DateParseError(phrase, phrase[:24] + "…", "dates.err.too_long", limit=MAX_PHRASE)
    sc = _Scan(phrase, 0, len(phrase))
    while sc.end > 0 and sc.s[sc.end - 1] in _TRAILING:
        sc.end -= 1
    while sc.end > 0 and sc.s[sc.end - 1].isspace():
        sc.end -= 1
    if sc.end == 0:
        raise DateParseError(phrase, phrase)
    return sc


def _is_recurrence(sc: _Scan) -> bool:
    return sc.match(_REC_START) is not None


def _parse(
    text: str, now: datetime, cal: WorkCalendar | None, want: str, strictness: int = 0
) -> When | Recurrence:
    """`want`: "when", "recurrence" or "any"; `strictness`: 0 plain, 1 in text, 2 glued."""
    sc = _scanner(text)
    ctx = _Ctx(_naive(now), cal or WorkCalendar(), strictness > 0)
    try:
        if _is_recurrence(sc):
            if want == "when":
                raise DateParseError(sc.phrase, sc.phrase, "dates.err.repeats")
            return _recurrence(sc, ctx, strictness > 0)
        if want == "recurrence":
            raise DateParseError(sc.phrase, sc.phrase, "dates.err.not_repeating")
        return _when(sc, ctx, strictness)
    except DateParseError:
        raise
    except (OverflowError, ValueError):
        raise DateParseError(sc.phrase, sc.phrase, "dates.err.out_of_range") from None


def _when(sc: _Scan, ctx: _Ctx, strictness: int) -> When:
    try:
        reading = _read_when(sc, ctx)
    except DateParseError:
        if strictness == 0:
            fallback = _dateutil_fallback(sc, ctx)
            if fallback is not None:
                return fallback
        raise
    if strictness and reading.is_weak(glued=strictness > 1):
        raise sc.error(0, sc.end)
    return When(_resolve(reading, ctx, sc))


_FALLBACK_CHARS = _Lazy(r"[a-z0-9 ,./:-]+")
_FALLBACK_MONTH = _Lazy(rf"(?<![a-z])(?:{_MONTH_ALT})(?![a-z])")


def _dateutil_fallback(sc: _Scan, ctx: _Ctx) -> When | None:
    """Last resort for English absolute dates our grammar does not know (tue, 1 dec 2026).

    Parsed twice with different defaults, to learn which fields the text really gave: a
    result is accepted only with a month and a day; a missing year means the next occurrence.
    """
    text = sc.s[: sc.end]
    if _FALLBACK_CHARS.fullmatch(text) is None or _FALLBACK_MONTH.search(text) is None:
        return None
    from dateutil import parser

    try:
        one = parser.parse(text, default=datetime(2000, 1, 1, 0, 0))
        two = parser.parse(text, default=datetime(2004, 3, 3, 1, 1))
    except Exception:  # a third-party parser on arbitrary text: any failure is "no"
        return None
    if one.month != two.month or one.day != two.day or one.tzinfo or two.tzinfo:
        return None
    if one.year == two.year:
        day = date(one.year, one.month, one.day)
    else:
        try:
            day = _next_month_day(ctx.today, one.month, one.day)
        except OverflowError:
            return None
    if one.hour != two.hour:
        return When(day)
    minute = one.minute if one.minute == two.minute else 0
    return When(datetime.combine(day, time(one.hour, minute, one.second)))


def parse_when(text: str, now: datetime, cal: WorkCalendar | None = None) -> When:
    """One date or moment; a repetition (每週一) is refused with a message saying so."""
    result = _parse(text, now, cal, "when")
    assert isinstance(result, When)
    return result


def parse_recurrence(text: str, now: datetime, cal: WorkCalendar | None = None) -> Recurrence:
    """A repetition (每週一, every monday 9am); a single date is refused with a message."""
    result = _parse(text, now, cal, "recurrence")
    assert isinstance(result, Recurrence)
    return result


def parse_phrase(text: str, now: datetime, cal: WorkCalendar | None = None) -> When | Recurrence:
    """Either kind, decided by the phrase: repetitions start with 每 / every / daily…"""
    return _parse(text, now, cal, "any")


def parse_in_text(
    text: str, now: datetime, cal: WorkCalendar | None = None, *, glued: bool = False
) -> When | Recurrence:
    """`parse_phrase` for words found inside a title, refusing those often meant otherwise.

    See the module docstring: bare offsets (3天), bare hours (3點), parts of day alone (下午),
    sun/sat/mon/wed, 12/1 and 12.1, and bare daily/weekly… stay title words unless framed
    (by, 前…). `glued` (a phrase stuck to Chinese text) also refuses a day of the month alone.
    """
    return _parse(text, now, cal, "any", 2 if glued else 1)


def next_occurrence(
    rule: str,
    previous: Due,
    now: datetime,
    cal: WorkCalendar | None = None,
    working_days_only: bool = False,
) -> Due:
    """The next occurrence strictly after both `previous` and `now`, as all-day as `previous`.

    Done early (now before previous), the next one is after `previous`; missed ones (now long
    after previous) are skipped, not piled up. All-day values compare by day. Raises
    DateParseError if the rule cannot be read or has no further occurrence.
    """
    cal = cal or WorkCalendar()
    now = _naive(now)
    if is_all_day(previous):
        reference = max(previous, now.date())
        start = datetime.combine(previous, time.min)
        after = datetime.combine(reference, time.max)
        return _rule_after(rule, start, after, False, cal, working_days_only, rule).date()
    assert isinstance(previous, datetime)
    previous = _naive(previous)
    return _rule_after(rule, previous, max(previous, now), False, cal, working_days_only, rule)
