"""Working days (工作日): weekends and public holidays off, make-up working days (調休) on.

The calendar is pure: it is given, per year, the region's holidays and make-up working
days by a callable (the service layer reads them from the `holidays` package, cached), plus
the days the user entered by hand. With no callable it knows only weekends. A second
callable names the region's festivals (春節, 國慶 …), so that a date can be said as 春節前.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date, timedelta

YearData = tuple[frozenset[date], frozenset[date]]
"""(public holidays, make-up working days on a weekend) of one year."""

FESTIVALS = ("new_year", "spring", "qingming", "labour", "dragon_boat", "mid_autumn",
             "national")  # fmt: skip
"""The festivals a date may be named by, as the region's calendar knows them."""

Festivals = Mapping[str, date]
"""A year's festivals: a name of FESTIVALS → the festival's day (its first, if longer)."""

_LONGEST_BREAK = 60
"""Days a search for the end of a holiday break gives up after (a calendar of days off
given by hand could make one endless)."""


def _weekdays_between(start: date, end: date) -> int:
    """Monday–Friday days in the half-open range (start, end], for start <= end."""
    days = (end - start).days
    full_weeks, rest = divmod(days, 7)
    count = full_weeks * 5
    wd = start.weekday()
    for i in range(1, rest + 1):
        if (wd + i) % 7 < 5:
            count += 1
    return count


class WorkCalendar:
    """Answers "is this a working day" and counts working days."""

    def __init__(
        self,
        year_data: Callable[[int], YearData] | None = None,
        *,
        holidays: Iterable[date] = (),
        workdays: Iterable[date] = (),
        festivals: Callable[[int], Festivals] | None = None,
    ) -> None:
        self._year_data = year_data
        self._festivals = festivals
        self._extra_holidays = frozenset(holidays)
        self._extra_workdays = frozenset(workdays)
        self._years: dict[int, YearData] = {}

    def _year(self, year: int) -> YearData:
        data = self._years.get(year)
        if data is None:
            region = self._year_data(year) if self._year_data else (frozenset(), frozenset())
            # The provider may hand over other years' days too (the holidays package does).
            region = (
                frozenset(d for d in region[0] if d.year == year),
                frozenset(d for d in region[1] if d.year == year),
            )
            hol = (region[0] | {d for d in self._extra_holidays if d.year == year}) - {
                d for d in self._extra_workdays if d.year == year
            }
            work = (region[1] | {d for d in self._extra_workdays if d.year == year}) - {
                d for d in self._extra_holidays if d.year == year
            }
            data = (frozenset(hol), frozenset(work))
            self._years[year] = data
        return data

    def is_holiday(self, day: date) -> bool:
        return day in self._year(day.year)[0]

    def is_working_day(self, day: date) -> bool:
        hol, work = self._year(day.year)
        if day in work:
            return True
        if day in hol:
            return False
        return day.weekday() < 5

    def next_working_day(self, day: date) -> date:
        """The first working day strictly after `day`."""
        day += timedelta(days=1)
        while not self.is_working_day(day):
            day += timedelta(days=1)
        return day

    def add_working_days(self, day: date, n: int) -> date:
        """The date `n` working days after `day` (`n` = 0 gives `day` itself)."""
        if n < 0:
            raise ValueError("n must not be negative")
        for _ in range(n):
            day = self.next_working_day(day)
        return day

    def working_days_until(self, start: date, end: date) -> int:
        """Working days in (start, end]; negative, counting (end, start], when end < start.

        From Friday to the next Monday is 1; from Friday to Saturday is 0.
        """
        if end < start:
            return -self.working_days_until(end, start)
        count = _weekdays_between(start, end)
        for year in range(start.year, end.year + 1):
            hol, work = self._year(year)
            for d in hol:
                if start < d <= end and d.weekday() < 5 and d not in work:
                    count -= 1
            for d in work:
                if start < d <= end and d.weekday() >= 5:
                    count += 1
        return count

    @property
    def knows_festivals(self) -> bool:
        """Whether a region's festivals were given (without a region there are none)."""
        return self._festivals is not None

    def festival(self, name: str, year: int) -> date | None:
        """The day of a festival (one of FESTIVALS) in a year, if the region keeps it."""
        return self._festivals(year).get(name) if self._festivals else None

    def break_around(self, day: date) -> tuple[date, date] | None:
        """The days off around a festival's day: first and last of the run of non-working
        days holding it, or starting the day after it (Hong Kong is off the day after
        the Mid-Autumn Festival); None if neither is a day off."""
        if self.is_working_day(day):
            day += timedelta(days=1)
            if self.is_working_day(day):
                return None
        first = last = day
        for _ in range(_LONGEST_BREAK):
            if self.is_working_day(first - timedelta(days=1)):
                break
            first -= timedelta(days=1)
        for _ in range(_LONGEST_BREAK):
            if self.is_working_day(last + timedelta(days=1)):
                break
            last += timedelta(days=1)
        return first, last
