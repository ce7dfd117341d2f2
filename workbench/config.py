"""The user's settings, from a TOML file in the platform's config folder.

Every setting is optional. A malformed file is an error that names the file and the
setting; it is never silently ignored, since a wrong holiday calendar or urgency weight
would quietly reorder a secretary's day.

```toml
lang = "zh-Hant"            # en | zh-Hant | zh-Hans (default: from the locale)
region = "CN"               # public holidays of this country (`holidays` package); "" = none
subdivision = ""            # a province or state code, if the region has them
workdays = ["2026-02-14"]   # make-up working days (調休) not known to the package
days_off = ["2026-12-24"]   # extra days off
yellow_days = 3             # an instruction turns yellow this many working days before
backup_keep = 7             # automatic daily backups to keep

[urgency]                   # coefficients of the urgency score
urgent = 8.0
```
"""

from __future__ import annotations

import marshal
import os
from datetime import date
from pathlib import Path

from workbench import cache_files, i18n, locations
from workbench.domain.records import field, record, replace
from workbench.domain.urgency import DEFAULT, Coefficients
from workbench.i18n import os_problem, t

_LOCALE_REGIONS = {
    "zh_TW": "TW",
    "zh_HK": "HK",
    "zh_MO": "MO",
    "zh_CN": "CN",
    "zh_SG": "SG",
}


class ConfigError(Exception):
    """The config file cannot be used; the message names the file and the problem."""


@record(frozen=True)
class Config:
    lang: str | None = None
    region: str | None = None
    subdivision: str | None = None
    workdays: tuple[date, ...] = ()
    days_off: tuple[date, ...] = ()
    yellow_days: int = 3
    backup_keep: int = 7
    urgency: Coefficients = field(default_factory=lambda: DEFAULT)
    path: Path | None = None

    def language(self, environ: dict[str, str] | None = None) -> str:
        """The language: the config file's, else the locale's."""
        if self.lang:
            return self.lang
        return i18n.lang_from_locale(environ)

    def holiday_region(self, environ: dict[str, str] | None = None) -> str:
        """The configured region, else one guessed from a Chinese locale, else none."""
        if self.region is not None:
            return self.region
        env = os.environ if environ is None else environ
        value = env.get("LC_ALL") or env.get("LANG") or ""
        return _LOCALE_REGIONS.get(value[:5], "")


def _dates(name: str, value: object, where: str) -> tuple[date, ...]:
    if not isinstance(value, list):
        raise ConfigError(t("config.error.date_list", file=where, name=name))
    out = []
    for item in value:
        if isinstance(item, date):
            out.append(item)
            continue
        try:
            out.append(date.fromisoformat(str(item)))
        except ValueError:
            raise ConfigError(
                t("config.error.date", file=where, name=name, value=str(item))
            ) from None
    return tuple(out)


def _int(name: str, value: object, where: str, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ConfigError(t("config.error.int", file=where, name=name, low=low, high=high))
    return value


def _text(name: str, value: object, where: str) -> str:
    if not isinstance(value, str):
        raise ConfigError(t("config.error.text", file=where, name=name))
    return value.strip()


def parse_config(data: dict[str, object], where: str = "config") -> Config:
    """Validate a parsed TOML table; unknown settings are errors (they are usually typos)."""
    kwargs: dict[str, object] = {}
    for name, value in data.items():
        if name == "lang":
            try:
                kwargs["lang"] = i18n.normalize_lang(_text(name, value, where))
            except i18n.UnknownLanguage:
                raise ConfigError(t("config.error.lang", file=where, value=str(value))) from None
        elif name in ("region", "subdivision"):
            kwargs[name] = _text(name, value, where).upper()
        elif name in ("workdays", "days_off"):
            kwargs[name] = _dates(name, value, where)
        elif name == "yellow_days":
            kwargs[name] = _int(name, value, where, 0, 60)
        elif name == "backup_keep":
            kwargs[name] = _int(name, value, where, 0, 1000)
        elif name == "urgency":
            if not isinstance(value, dict):
                raise ConfigError(t("config.error.table", file=where, name=name))
            try:
                kwargs["urgency"] = Coefficients.from_mapping(value)
            except ValueError as err:
                raise ConfigError(t("config.error.wrap", file=where, problem=str(err))) from None
        else:
            raise ConfigError(t("config.error.unknown", file=where, name=name))
    return Config(**kwargs)  # type: ignore[arg-type]


def load_config(path: Path | None = None) -> Config:
    """Read the config file; a missing file gives the defaults."""
    path = path or locations.config_path()
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Config(path=path)
    except OSError as err:
        raise ConfigError(t("config.error.read", file=str(path), problem=os_problem(err))) from None
    data = _remembered(raw)
    config = parse_config(_parsed(raw, path) if data is None else data, str(path))
    return replace(config, path=path)


_PARSED = "config.marshal"
"""The last file read and what tomllib made of it, in the cache folder: importing tomllib
(it compiles its patterns) was a tenth of `workbench list`, to read a file that rarely
changes. Kept with the file's bytes, compared whole, so that any change is read again."""


def _remembered(raw: bytes) -> dict[str, object] | None:
    kept = cache_files.read(_PARSED)
    if kept is None:
        return None
    try:
        kept_raw, data = marshal.loads(kept)
    except (ValueError, EOFError, TypeError):
        return None
    return data if kept_raw == raw and isinstance(data, dict) else None


def _parsed(raw: bytes, path: Path) -> dict[str, object]:
    import tomllib

    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ConfigError(t("config.error.encoding", file=str(path))) from None
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(t("config.error.syntax", file=str(path), problem=str(err))) from None
    try:
        payload = marshal.dumps((raw, data))
    except ValueError:
        return data  # a TOML date or time, which marshal cannot keep: read each time
    cache_files.write(_PARSED, payload)
    return data
