"""Shared fixtures. No test ever touches the user's real data, config or cache folders."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from workbench import i18n

NOW = datetime(2026, 11, 26, 10, 0)  # a Thursday


class Clock:
    """A clock the test sets by hand; pass it to `Workbench.open(..., clock=clock)`."""

    def __init__(self, moment: datetime = NOW) -> None:
        self.moment = moment

    def __call__(self) -> datetime:
        return self.moment

    def advance(self, **kw: float) -> None:
        self.moment += timedelta(**kw)

    def at(self, month: int, day: int, hour: int = 9, minute: int = 0) -> None:
        """Another moment of 2026: `clock.at(11, 12, 16)`."""
        self.moment = datetime(2026, month, day, hour, minute)


@pytest.fixture(autouse=True)
def _isolated(tmp_path_factory, monkeypatch):
    """Point every path at a temporary folder and pin language and clock."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("WORKBENCH_CONFIG", str(home / "config.toml"))
    monkeypatch.setenv("WORKBENCH_CACHE_DIR", str(home / "cache"))
    monkeypatch.setenv("WORKBENCH_BACKUP_DIR", str(home / "backups"))
    monkeypatch.setenv("WORKBENCH_DB", str(home / "default.db"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "xdg-config"))
    monkeypatch.delenv("WORKBENCH_LANG", raising=False)
    monkeypatch.delenv("WORKBENCH_NOW", raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    i18n.set_language("en")
    yield
    i18n.set_language("en")


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "wb.db"


@pytest.fixture
def lang():
    """Switch the interface language inside a test: `lang("zh-Hant")`."""
    yield i18n.set_language
    i18n.set_language("en")
