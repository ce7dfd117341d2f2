"""The settings file, read once by tomllib and then from what the cache folder remembers."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest

from workbench import locations
from workbench.config import ConfigError, load_config

SETTINGS = 'lang = "zh-Hant"\nregion = "tw"\nyellow_days = 5\n\n[urgency]\nurgent = 9.5\n'


@pytest.fixture
def config_file(tmp_path: Path) -> Path:
    return tmp_path / "config.toml"


def _remembered() -> Path:
    return locations.cache_dir() / "config.marshal"


def test_the_second_reading_needs_no_toml_parser(config_file: Path, monkeypatch) -> None:
    config_file.write_text(SETTINGS, encoding="utf-8")
    first = load_config(config_file)
    assert (first.lang, first.region, first.yellow_days) == ("zh-Hant", "TW", 5)
    assert first.urgency.urgent == 9.5 and first.path == config_file
    assert _remembered().is_file()
    monkeypatch.setitem(sys.modules, "tomllib", None)  # importing it now fails
    assert load_config(config_file) == first


@pytest.mark.parametrize("text", [SETTINGS, "", "# only a comment\n"])
def test_the_second_reading_of_any_file(config_file: Path, text: str, monkeypatch) -> None:
    config_file.write_text(text, encoding="utf-8")
    first = load_config(config_file)
    monkeypatch.setitem(sys.modules, "tomllib", None)
    assert load_config(config_file) == first


def test_any_change_to_the_file_is_read_again(config_file: Path) -> None:
    config_file.write_text('region = "CN"\n', encoding="utf-8")
    assert load_config(config_file).region == "CN"
    config_file.write_text('region = "TW"\n', encoding="utf-8")  # same size, same second
    assert load_config(config_file).region == "TW"


def test_a_broken_file_is_an_error_though_a_good_one_was_remembered(config_file: Path) -> None:
    config_file.write_text(SETTINGS, encoding="utf-8")
    load_config(config_file)
    config_file.write_text(SETTINGS + "[urgency\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"config\.toml"):
        load_config(config_file)
    config_file.write_text("yellow_days = 999\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="yellow_days"):
        load_config(config_file)  # checked again after the cache, not only after parsing
    with pytest.raises(ConfigError, match="yellow_days"):
        load_config(config_file)


@pytest.mark.parametrize("kept", [b"", b"\x00garbage", b"\xe9\x02\x00\x00\x00", None])
def test_a_damaged_cache_is_read_past(config_file: Path, kept: bytes | None) -> None:
    """Torn, foreign or of another shape (a marshalled 2, not a pair): parsed again."""
    config_file.write_text(SETTINGS, encoding="utf-8")
    _remembered().parent.mkdir(parents=True, exist_ok=True)
    if kept is None:
        import marshal

        kept = marshal.dumps((SETTINGS.encode(), ["not", "a", "table"]))
    _remembered().write_bytes(kept)
    assert load_config(config_file).yellow_days == 5
    assert load_config(config_file).yellow_days == 5


def test_toml_dates_are_read_every_time(config_file: Path) -> None:
    """marshal cannot keep a date: such a file is parsed each time, and nothing stale is
    used in its place."""
    config_file.write_text('region = "CN"\n', encoding="utf-8")
    load_config(config_file)
    config_file.write_text("workdays = [2026-02-14]\n", encoding="utf-8")
    for _ in range(2):
        config = load_config(config_file)
        assert config.workdays == (date(2026, 2, 14),) and config.region is None


def test_a_cache_folder_that_cannot_be_written(config_file: Path, monkeypatch) -> None:
    blocked = config_file.parent / "not-a-folder"
    blocked.write_text("", encoding="utf-8")
    monkeypatch.setenv("WORKBENCH_CACHE_DIR", str(blocked))
    config_file.write_text(SETTINGS, encoding="utf-8")
    assert load_config(config_file).yellow_days == 5
    assert load_config(config_file).yellow_days == 5
    assert blocked.read_text(encoding="utf-8") == ""
