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
import os
from collections.abc import Callable
from datetime import date
from functools import cache
from pathlib import Path

from workbench.domain.calendar import WorkCalendar, YearData
from workbench.i18n import t

EMPTY: YearData = (frozenset(), frozenset())


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


def _compute(region: str, subdivision: str | None, year: int) -> YearData:
    import holidays

    try:
        table = holidays.country_holidays(region, subdiv=subdivision or None, years=year)
    except NotImplementedError:
        raise UnknownRegion(t("holidays.unknown_region", region=region)) from None
    off = frozenset(d for d in table if d.year == year)
    extra = getattr(table, "weekend_workdays", ()) or ()
    work = frozenset(d for d in extra if isinstance(d, date) and d.year == year)
    return off, work


def _read(path: Path) -> YearData | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return (
            frozenset(date.fromisoformat(d) for d in data["holidays"]),
            frozenset(date.fromisoformat(d) for d in data["workdays"]),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _write(path: Path, data: YearData) -> None:
    """Best effort: a cache that cannot be written only costs time."""
    import tempfile  # here, not at the top: every command reads the cache, few write it

    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        payload = json.dumps(
            {
                "holidays": sorted(d.isoformat() for d in data[0]),
                "workdays": sorted(d.isoformat() for d in data[1]),
            }
        )
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".holidays-")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(payload)
        os.replace(tmp, path)
    except OSError:
        pass


def year_provider(
    region: str, subdivision: str | None, cache_dir: Path | None
) -> Callable[[int], YearData]:
    """A function giving (holidays, make-up working days) of a year for the region."""
    if not region:
        return lambda year: EMPTY

    def provide(year: int) -> YearData:
        name = f"holidays-{region}-{subdivision or ''}-{year}-{_package_version()}.json"
        path = cache_dir / name if cache_dir else None
        if path is not None:
            cached = _read(path)
            if cached is not None:
                return cached
        data = _compute(region, subdivision, year)
        if path is not None:
            _write(path, data)
        return data

    return provide


def build_calendar(
    region: str,
    subdivision: str | None,
    workdays: tuple[date, ...] = (),
    days_off: tuple[date, ...] = (),
    cache_dir: Path | None = None,
) -> WorkCalendar:
    return WorkCalendar(
        year_provider(region, subdivision, cache_dir), holidays=days_off, workdays=workdays
    )
