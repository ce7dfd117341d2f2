"""Dates the way people say them, in the interface language.

Everything goes through `t()`; nothing here knows which language is current. Two shapes:
short words for a list column (`due_in_words`, at most `DUE_CELLS` terminal cells, because
the to-do list must fit 80 columns) and full readings for details and `workbench date`.
Chinese uses 週 in Traditional and 周 in Simplified, and the official date shape 2026年11月26日.
"""

from __future__ import annotations

import unicodedata
from datetime import date, datetime, timedelta

from workbench.domain.calendar import WorkCalendar
from workbench.domain.models import Due, is_all_day
from workbench.i18n import t

DUE_CELLS = 12
"""Widest `due_in_words` may be, in terminal cells."""

_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def _cells(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _clock(value: datetime) -> str:
    return value.strftime("%H:%M:%S" if value.second else "%H:%M")


# --------------------------------------------------------------------------- names and dates


def weekday_name(d: date, short: bool = False) -> str:
    """星期四 / 週四 (zh-Hans 周四) / Thursday / Thu."""
    return t(f"dates.weekday{'_short' if short else ''}.{d.weekday()}")


def format_date(d: date) -> str:
    """The official long form: 2026年11月26日 / 26 November 2026."""
    return t("dates.date_long", day=d.day, month=t(f"dates.month.{d.month}"), year=d.year)


def format_date_short(d: date) -> str:
    """Without the year: 11月26日 / 26 Nov."""
    return t("dates.date_short", day=d.day, month=t(f"dates.month_short.{d.month}"))


def _format_date_compact(d: date) -> str:
    """With the year, short: 2027年1月5日 / 5 Jan 2027."""
    return t("dates.date_long", day=d.day, month=t(f"dates.month_short.{d.month}"), year=d.year)


def describe_when(value: Due, *, all_day: bool = True) -> str:
    """The full reading: 2026年12月4日 星期五（全天） / Friday 27 November 2026, 15:00.
    `all_day=False` leaves out the（全天）where a bare day reads as one: a date issued, a
    deadline (時限 is a day unless it names an hour), a history line."""
    if is_all_day(value):
        key = "dates.when_all_day" if all_day else "dates.when_day"
        return t(key, weekday=weekday_name(value), date=format_date(value))
    assert isinstance(value, datetime)
    return t(
        "dates.when_time",
        weekday=weekday_name(value),
        date=format_date(value),
        time=_clock(value),
    )


# --------------------------------------------------------------------------- due column


def is_overdue(due: Due, now: datetime) -> bool:
    """Past its moment; an all-day date only once its day has ended."""
    if isinstance(due, datetime):
        return now > due
    return now.date() > due  # the same as now >= deadline_instant(due), without overflow


def _relative_day(day: date, today: date) -> tuple[str, bool]:
    """Words for a day from today on, and whether they are relative (so a time may follow)."""
    diff = (day - today).days
    if diff == 0:
        return t("dates.due.today"), True
    if diff == 1:
        return t("dates.due.tomorrow"), True
    if diff == 2:
        return t("dates.due.day_after"), True
    monday = today - timedelta(days=today.weekday())
    weeks_ahead = (day - monday).days // 7
    if weeks_ahead == 0:
        return weekday_name(day, short=True), True
    if weeks_ahead == 1:
        return t("dates.due.next_week", weekday=weekday_name(day, short=True)), True
    if day.year == today.year:
        return format_date_short(day), False
    return _format_date_compact(day), False


def _overdue(due: Due, now: datetime) -> str:
    today = now.date()
    if isinstance(due, datetime) and due.date() == today:
        minutes = max(1, int((now - due).total_seconds() // 60))
        if minutes < 60:
            return t("dates.due.overdue_minutes", n=minutes)
        return t("dates.due.overdue_hours", n=minutes // 60)
    day = due.date() if isinstance(due, datetime) else due
    days = (today - day).days
    if days < 365:
        return t("dates.due.overdue_days", n=days)
    return t("dates.due.overdue_years", n=whole_years(day, today))


def due_in_words(due: Due, now: datetime, cal: WorkCalendar | None = None) -> str:
    """Short words for a list column, at most DUE_CELLS wide.

    逾期2天 / 逾期3小時 / 今天 / 今天 15:00 / 明天 / 後天 / 週五 / 下週三 / 12月8日 /
    2027年1月5日; 2d overdue / today 15:00 / tomorrow / in 2 days / Fri / next Wed / 8 Dec.
    A time is shown only with the near, relative words and only when it fits; when the
    words and the time are too wide together (tomorrow 09:30), a weekday takes the place of
    the words within the coming six days (Fri 09:30). `cal` is
    accepted so callers can pass the configured calendar; the words count calendar days,
    which is how people say 逾期2天.
    """
    if is_overdue(due, now):
        words = _overdue(due, now)
        return words if _cells(words) <= DUE_CELLS else t("dates.due.overdue")
    day = due.date() if isinstance(due, datetime) else due
    words, relative = _relative_day(day, now.date())
    if isinstance(due, datetime) and relative:
        candidates = [words]
        if (day - now.date()).days <= 6:
            # Within the coming six days a weekday names the day without doubt, and is short.
            candidates.append(weekday_name(day, short=True))
        for name in candidates:
            with_time = t("dates.due.with_time", day=name, time=_clock(due))
            if _cells(with_time) <= DUE_CELLS:
                return with_time
    return words if _cells(words) <= DUE_CELLS else day.isoformat()


def days_left_in_words(days: int) -> str:
    """還剩3天 / 今天到期 / 逾期2天; 3 days left / due today / 2 days overdue."""
    if days == 0:
        return t("dates.days_left.zero")
    if days > 0:
        return t("dates.days_left.one") if days == 1 else t("dates.days_left.other", n=days)
    if days == -1:
        return t("dates.days_overdue.one")
    return t("dates.days_overdue.other", n=-days)


def deadline_in_words(deadline: Due, days_left: int | None) -> str:
    """The deadline in full, the days left beside it: 2026年12月4日 星期五（還剩7天）."""
    when = describe_when(deadline, all_day=False)
    if days_left is None:
        return when
    return t("common.aside", value=when, aside=days_left_in_words(days_left))


def age_in_words(created: datetime, now: datetime) -> str:
    """How long ago: 今天 / 昨天 / 3天前 / 2週前 / 3個月前 / 1年前."""
    then, today = created.date(), now.date()
    days = (today - then).days
    if days <= 0:
        return t("dates.age.today")
    if days == 1:
        return t("dates.age.yesterday")
    if days < 7:
        return t("dates.age.days", n=days)
    if days < 60:
        return _plural("dates.age.weeks", days // 7)
    months = _whole_months(then, today)
    if months < 12:
        return _plural("dates.age.months", max(1, months))
    return _plural("dates.age.years", months // 12)


def whole_years(earlier: date, later: date) -> int:
    """Whole years from `earlier` to `later`, at least one: for spans of a year or more
    that are said in years (逾期6年)."""
    return max(1, _whole_months(earlier, later) // 12)


def _whole_months(earlier: date, later: date) -> int:
    """Whole months from `earlier` to `later` (as relativedelta counts them, without
    importing it on every command that shows a list)."""
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    month_end = (later + timedelta(days=1)).month != later.month
    # 31 January to 30 April is three months: a shorter month counts whole at its end.
    return months - 1 if later.day < earlier.day and not month_end else months


def _plural(key: str, n: int) -> str:
    return t(f"{key}.one") if n == 1 else t(f"{key}.other", n=n)


# --------------------------------------------------------------------------- repetitions


class _Unreadable(ValueError):
    """A rule outside what we can say in words; shown as the rule itself."""


def _fields(rule: str) -> dict[str, str]:
    fields: dict[str, str] = {}
    for item in rule.strip().upper().removeprefix("RRULE:").split(";"):
        key, sep, value = item.partition("=")
        if not sep or not key or key in fields:
            raise _Unreadable(rule)
        fields[key.strip()] = value.strip()
    return fields


def _ints(text: str | None) -> list[int]:
    if not text:
        return []
    try:
        return [int(part) for part in text.split(",")]
    except ValueError:
        raise _Unreadable(text) from None


def _join(items: list[str]) -> str:
    if len(items) == 1:
        return items[0]
    return t("dates.list.last", head=t("dates.list.sep").join(items[:-1]), last=items[-1])


def _weekday_word(code: str) -> str:
    """Monday in English; 週一 in Chinese (星期一 reads heavily inside a rule)."""
    if code not in _WEEKDAYS:
        raise _Unreadable(code)
    return t(f"dates.recur_weekday.{_WEEKDAYS.index(code)}")


def _weekly(fields: dict[str, str], interval: int, working_days_only: bool) -> str:
    codes = [c for c in fields.get("BYDAY", "").split(",") if c]
    if not codes:
        if interval == 1:
            return t("dates.recur.weekly")
        return t("dates.recur.every_n_weeks", n=interval)
    if interval == 1 and set(codes) == set(_WEEKDAYS[:5]):
        return t("dates.recur.working_days" if working_days_only else "dates.recur.weekdays")
    ordered = sorted(codes, key=lambda c: _WEEKDAYS.index(c) if c in _WEEKDAYS else 9)
    days = _join([_weekday_word(c) for c in ordered])
    if interval == 1:
        return t("dates.recur.weekly_on", days=days)
    return t("dates.recur.every_n_weeks_on", n=interval, days=days)


def _monthly_days(fields: dict[str, str]) -> list[str]:
    days: list[str] = []
    for item in [c for c in fields.get("BYDAY", "").split(",") if c]:
        nth, code = item[:-2], item[-2:]
        if nth not in ("1", "2", "3", "4", "5", "-1", "+1", "+2", "+3", "+4", "+5"):
            raise _Unreadable(item)
        days.append(
            t(
                "dates.recur.nth_weekday",
                nth=t(f"dates.nth.{int(nth)}"),
                weekday=_weekday_word(code),
            )
        )
    for value in _ints(fields.get("BYMONTHDAY")):
        if value == -1:
            days.append(t("dates.recur.last_day"))
        elif 1 <= value <= 31:
            days.append(t(f"dates.monthday.{value}"))
        else:
            raise _Unreadable(str(value))
    return days


def _monthly(fields: dict[str, str], interval: int) -> str:
    days = _monthly_days(fields)
    if not days:
        if interval == 1:
            return t("dates.recur.monthly")
        return t("dates.recur.every_n_months", n=interval)
    if interval == 1:
        return t("dates.recur.monthly_on", days=_join(days))
    return t("dates.recur.every_n_months_on", n=interval, days=_join(days))


def _yearly(fields: dict[str, str], interval: int) -> str:
    months = _ints(fields.get("BYMONTH"))
    monthdays = _ints(fields.get("BYMONTHDAY"))
    if not months or not monthdays or "BYDAY" in fields:
        if months or monthdays or "BYDAY" in fields:
            raise _Unreadable(str(fields))
        if interval == 1:
            return t("dates.recur.yearly")
        return t("dates.recur.every_n_years", n=interval)
    days: list[str] = []
    for month in months:
        if not 1 <= month <= 12:
            raise _Unreadable(str(month))
        name = t(f"dates.month.{month}")
        for day in monthdays:
            if day == -1:
                days.append(t("dates.recur.month_end_of", month=name))
            elif 1 <= day <= 31:
                days.append(t("dates.date_short", day=day, month=name))
            else:
                raise _Unreadable(str(day))
    if interval == 1:
        return t("dates.recur.yearly_on", days=_join(days))
    return t("dates.recur.every_n_years_on", n=interval, days=_join(days))


def _base(fields: dict[str, str], working_days_only: bool) -> tuple[str, bool]:
    """The rule without time and limits, and whether working_days_only is already said."""
    freq = fields.get("FREQ")
    interval = _ints(fields.get("INTERVAL", "1"))[0] if fields.get("INTERVAL", "1") else 1
    if interval < 1:
        raise _Unreadable(str(interval))
    by_month = {"BYMONTH", "BYMONTHDAY"} & fields.keys()
    if freq == "DAILY" and "BYDAY" not in fields and not by_month:
        if interval == 1:
            return t("dates.recur.daily"), False
        return t("dates.recur.every_n_days", n=interval), False
    if freq in ("DAILY", "WEEKLY") and not by_month:
        text = _weekly(fields, interval, working_days_only)
        said = working_days_only and text == t("dates.recur.working_days")
        return text, said
    if freq == "MONTHLY" and "BYMONTH" not in fields:
        return _monthly(fields, interval), False
    if freq == "YEARLY":
        return _yearly(fields, interval), False
    raise _Unreadable(str(freq))


_KNOWN = {"FREQ", "INTERVAL", "BYDAY", "BYMONTH", "BYMONTHDAY", "BYHOUR", "BYMINUTE",
          "BYSECOND", "COUNT", "UNTIL", "WKST"}


def _time_of(fields: dict[str, str]) -> str | None:
    hours = _ints(fields.get("BYHOUR"))
    if not hours:
        return None
    minutes = _ints(fields.get("BYMINUTE")) or [0]
    seconds = _ints(fields.get("BYSECOND")) or [0]
    if len(hours) != 1 or len(minutes) != 1 or len(seconds) != 1:
        raise _Unreadable("time")
    hour, minute, second = hours[0], minutes[0], seconds[0]
    if not (0 <= hour <= 23 and 0 <= minute <= 59 and 0 <= second <= 59):
        raise _Unreadable("time")
    return f"{hour:02d}:{minute:02d}" + (f":{second:02d}" if second else "")


def _until(text: str) -> str:
    try:
        return format_date(date(int(text[:4]), int(text[4:6]), int(text[6:8])))
    except ValueError:
        raise _Unreadable(text) from None


def describe_recurrence(rule: str, working_days_only: bool = False) -> str:
    """每週一 / 每個工作日 / every Monday / every 2 weeks on Monday / every month on the 15th.

    A rule this cannot put into words (one written by another program) is shown as it is,
    after a translated "repeats:", rather than described wrongly.
    """
    try:
        fields = _fields(rule)
        if fields.keys() - _KNOWN:
            raise _Unreadable(rule)
        text, said = _base(fields, working_days_only)
        clock = _time_of(fields)
        if clock:
            text = t("dates.recur.at_time", rule=text, time=clock)
        if working_days_only and not said:
            text = t("dates.recur.working_days_only", rule=text)
        if "COUNT" in fields:
            text = t("dates.recur.count", rule=text, n=_ints(fields["COUNT"])[0])
        if "UNTIL" in fields:
            text = t("dates.recur.until", rule=text, date=_until(fields["UNTIL"]))
    except _Unreadable:
        return t("dates.recur.custom", rule=rule.strip())
    return text
