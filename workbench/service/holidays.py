"""Public holidays and make-up working days of a region, from the `holidays` package.

Importing and expanding `holidays` costs about a tenth of a second per year — too much for
a command that should answer in tens of milliseconds — so each (region, year, package
version) is computed once and kept as a small JSON file in the cache folder. The version is
told by the installed package's files, not `importlib.metadata`, which alone costs about
20 ms to import.
"""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Callable, Iterable
from datetime import date, timedelta
from functools import cache
from pathlib import Path

from workbench import cache_files
from workbench.domain.calendar import Festivals, WorkCalendar, YearData
from workbench.i18n import t

EMPTY: YearData = (frozenset(), frozenset())

_FESTIVAL_NAMES: dict[str, str] = {
    "New Year's Day": "new_year",
    "Founding Day of the Republic of China": "new_year",
    "Chinese New Year (Spring Festival)": "spring",
    "Chinese New Year": "spring",
    "Chinese New Year's Day": "spring",
    "Lunar New Year's Day": "spring",
    "Tomb-Sweeping Day": "qingming",
    "Labor Day": "labour",
    "Labour Day": "labour",
    "Dragon Boat Festival": "dragon_boat",
    "Mid-Autumn Festival": "mid_autumn",
    "The Day following Mid-Autumn Festival": "mid_autumn",
    "National Day": "national",
    "National Day of the People's Republic of China": "national",
}
"""The package's English names of the festivals a date may be named by (as it spells them
in CN, TW, HK, MO and SG), to the calendar's names. A day observed in lieu ("(observed)")
or an eve is not the festival's day. Hong Kong and Macao are off the day after the
Mid-Autumn Festival, and name that day: the festival is the day before it."""

_DAY_AFTER = frozenset({"The Day following Mid-Autumn Festival"})

_CACHE_FORMAT = 2
"""Part of a cache file's name: files of an earlier layout (without festivals) are not read."""

YearRecord = tuple[YearData, dict[str, date]]


class UnknownRegion(ValueError):
    """The configured region is not one the holidays package knows."""


@cache
def _package_version() -> str:
    """A key that changes whenever the installed holidays package does."""
    spec = importlib.util.find_spec("holidays")
    if spec is None or spec.origin is None:  # pragma: no cover - it is a dependency
        return "none"
    package = Path(spec.origin).parent
    infos = sorted(p.name for p in package.parent.glob("holidays-*.dist-info"))
    stamp = package.stat().st_mtime_ns
    return f"{infos[-1] if infos else 'holidays'}-{stamp}".replace(".dist-info", "")


def _compute(region: str, subdivision: str | None, year: int) -> YearRecord:
    import holidays

    try:
        # English names, whatever the package's default language for the region: they
        # are what _FESTIVAL_NAMES knows.
        table = holidays.country_holidays(
            region, subdiv=subdivision or None, years=year, language="en_US"
        )
    except NotImplementedError:
        raise UnknownRegion(t("holidays.unknown_region", region=region)) from None
    off = frozenset(d for d in table if d.year == year)
    extra = getattr(table, "weekend_workdays", ()) or ()
    work = frozenset(d for d in extra if isinstance(d, date) and d.year == year)
    return (off, work), _festivals(table.items(), year)


def _festivals(named: Iterable[tuple[date, str]], year: int) -> dict[str, date]:
    """Each festival's first day in the year, from the package's (day, names) pairs; a day
    with two holidays has them joined by "; "."""
    found: dict[str, date] = {}
    for day, names in named:
        for name in str(names).split("; "):
            festival = _FESTIVAL_NAMES.get(name.strip())
            if festival is None:
                continue
            at = day - timedelta(days=1) if name.strip() in _DAY_AFTER else day
            if at.year == year and (festival not in found or at < found[festival]):
                found[festival] = at
    return found


def _read(data: bytes | None) -> YearRecord | None:
    if data is None:
        return None
    try:
        kept = json.loads(data)
        return (
            (
                frozenset(date.fromisoformat(d) for d in kept["holidays"]),
                frozenset(date.fromisoformat(d) for d in kept["workdays"]),
            ),
            {name: date.fromisoformat(d) for name, d in kept["festivals"].items()},
        )
    except (ValueError, KeyError, TypeError, AttributeError):
        return None


def _payload(record: YearRecord) -> bytes:
    (off, work), festivals = record
    return json.dumps(
        {
            "holidays": sorted(d.isoformat() for d in off),
            "workdays": sorted(d.isoformat() for d in work),
            "festivals": {name: d.isoformat() for name, d in sorted(festivals.items())},
        }
    ).encode()


def year_provider(
    region: str, subdivision: str | None, cache_dir: Path | None
) -> Callable[[int], YearRecord]:
    """A function giving a year's (holidays, make-up working days) and festivals for the
    region, each year read once (from the cache, else from the package)."""
    if not region:
        return lambda year: (EMPTY, {})

    @cache
    def provide(year: int) -> YearRecord:
        name = (
            f"holidays-{region}-{subdivision or ''}-{year}-{_package_version()}"
            f"-{_CACHE_FORMAT}.json"
        )
        if cache_dir is not None:
            cached = _read(cache_files.read(name, cache_dir))
            if cached is not None:
                return cached
        record = _compute(region, subdivision, year)
        if cache_dir is not None:
            cache_files.write(name, _payload(record), cache_dir)
        return record

    return provide


def build_calendar(
    region: str,
    subdivision: str | None,
    workdays: tuple[date, ...] = (),
    days_off: tuple[date, ...] = (),
    cache_dir: Path | None = None,
) -> WorkCalendar:
    provide = year_provider(region, subdivision, cache_dir)

    def year_data(year: int) -> YearData:
        return provide(year)[0]

    def festivals(year: int) -> Festivals:
        return provide(year)[1]

    return WorkCalendar(
        year_data, holidays=days_off, workdays=workdays, festivals=festivals if region else None
    )
