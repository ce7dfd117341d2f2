"""The region's calendar from the `holidays` package: its festivals, and the cache keeping them."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest

from workbench.domain.dates import parse_when
from workbench.service import holidays as region_holidays
from workbench.service.holidays import build_calendar

NOW = datetime(2026, 11, 27, 10, 0)


@pytest.mark.parametrize(
    ("region", "festival", "day"),
    [
        ("CN", "spring", date(2027, 2, 6)),
        ("CN", "national", date(2027, 10, 1)),
        ("CN", "qingming", date(2027, 4, 5)),
        ("TW", "national", date(2027, 10, 10)),
        ("TW", "new_year", date(2027, 1, 1)),  # not 31 December, observed for the next one
        ("TW", "labour", date(2027, 5, 1)),  # not 30 April, observed in lieu
        ("HK", "mid_autumn", date(2027, 9, 15)),  # HK names the day after it
        ("HK", "spring", date(2027, 2, 6)),
        ("SG", "qingming", None),
    ],
)
def test_the_package_names_each_regions_festivals(region, festival, day):
    assert build_calendar(region, None).festival(festival, 2027) == day


def test_the_package_and_the_date_grammar_name_the_same_festivals():
    from workbench.domain.calendar import FESTIVALS
    from workbench.domain.dates import _FESTIVAL_WORDS

    assert set(region_holidays._FESTIVAL_NAMES.values()) == set(FESTIVALS)
    assert set(_FESTIVAL_WORDS.values()) == set(FESTIVALS)


def test_without_a_region_no_festival_is_known():
    cal = build_calendar("", None)
    assert not cal.knows_festivals
    assert cal.festival("spring", 2027) is None


def test_a_festival_deadline_in_a_real_region():
    cn, tw = build_calendar("CN", None), build_calendar("TW", None)
    assert parse_when("春節前", NOW, cn).iso == "2027-02-04"  # the eve is off in CN
    assert parse_when("春節前", NOW, tw).iso == "2027-02-03"  # two eves off in TW
    assert parse_when("國慶後", NOW, cn).iso == "2027-10-06"
    assert parse_when("國慶", NOW, tw).iso == "2027-10-10"


def test_festivals_are_cached_with_the_days_off(tmp_path):
    cal = build_calendar("CN", None, cache_dir=tmp_path)
    assert cal.festival("spring", 2027) == date(2027, 2, 6)
    (file,) = tmp_path.glob("holidays-CN-*-2027-*.json")
    kept = json.loads(file.read_text(encoding="utf-8"))
    assert kept["festivals"]["spring"] == "2027-02-06"
    assert "2027-02-06" in kept["holidays"]
    # A second calendar reads the file, not the package.
    kept["festivals"]["spring"] = "2027-02-07"
    file.write_text(json.dumps(kept), encoding="utf-8")
    assert build_calendar("CN", None, cache_dir=tmp_path).festival("spring", 2027) == date(
        2027, 2, 7
    )


def test_a_cache_file_without_festivals_is_computed_again(tmp_path):
    old = json.dumps({"holidays": ["2027-01-01"], "workdays": []}).encode()
    assert region_holidays._read(old) is None
    assert region_holidays._read(b"{not json") is None
