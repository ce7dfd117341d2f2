"""The one translation function every user-visible string goes through.

Catalogues live in `workbench.i18n.messages.*` (listed in `AREAS`): each module defines
``MESSAGES: dict[str, tuple[str, str, str]]`` mapping a stable key to its text in
English, Traditional Chinese and Simplified Chinese (in the order of `LANGS`). Keys are
grouped by area so each part of the program owns its own file. Placeholders use
`str.format` names (``{count}``) and must be the same in all three languages; the test
suite checks that, and that no key is defined twice.

This module is pure (no IO beyond importing the catalogue modules) so the domain layer may
use it. The catalogue modules are read as messages are asked for (see `AREAS`).
"""

from __future__ import annotations

import importlib
import os
import threading
from collections.abc import Mapping

LANGS: tuple[str, ...] = ("en", "zh-Hant", "zh-Hans")
"""Supported interface languages, in catalogue column order."""

DEFAULT_LANG = "en"

_ALIASES: dict[str, str] = {
    "en": "en",
    "en-us": "en",
    "en-gb": "en",
    "english": "en",
    "zh-hant": "zh-Hant",
    "zh-tw": "zh-Hant",
    "zh-hk": "zh-Hant",
    "zh-mo": "zh-Hant",
    "zh_tw": "zh-Hant",
    "zh_hk": "zh-Hant",
    "zht": "zh-Hant",
    "zh-hans": "zh-Hans",
    "zh-cn": "zh-Hans",
    "zh-sg": "zh-Hans",
    "zh_cn": "zh-Hans",
    "zh_sg": "zh-Hans",
    "zhs": "zh-Hans",
    "zh": "zh-Hans",
}

AREAS: tuple[str, ...] = (
    "common",
    "cli",
    "dates",
    "errors",
    "config",
    "urgency",
    "history",
    "tui",
    "reliability",
    "reports",
    "interchange",
    "usage",
    "demo",
)
"""The modules of `workbench.i18n.messages`, in the order they are read: a key not among
the messages read so far reads the next module, until it is found. A command reads the
few it speaks from (`workbench list`: the first three) rather than all 2,500 lines of
them; a test keeps this list the same as the package's modules."""

_current: str = DEFAULT_LANG
"""The process-wide interface language: one process serves one user."""
_read: dict[str, tuple[str, str, str]] = {}
"""Every message of the modules read so far."""
_unread: list[str] = list(AREAS)
_reading = threading.Lock()
"""Held while a module is read: the app's workers translate too."""


class UnknownLanguage(ValueError):
    """Raised for a language code we do not speak."""


def normalize_lang(code: str) -> str:
    """Map user spellings (`zh_TW`, `zh-cn`, `EN`) to one of `LANGS`."""
    key = code.strip().lower().replace("_", "-")
    if key in _ALIASES:
        return _ALIASES[key]
    raise UnknownLanguage(code)


def lang_from_locale(environ: Mapping[str, str] | None = None) -> str:
    """Pick the language from the POSIX locale the way DESIGN.md says."""
    env = os.environ if environ is None else environ
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var, "")
        if not value:
            continue
        if value.startswith(("zh_TW", "zh_HK", "zh_MO")):
            return "zh-Hant"
        if value.startswith(("zh_CN", "zh_SG")):
            return "zh-Hans"
        return DEFAULT_LANG
    return DEFAULT_LANG


def set_language(lang: str) -> None:
    """Switch the interface language for the whole process."""
    global _current
    _current = normalize_lang(lang)


def get_language() -> str:
    return _current


def _read_next() -> None:
    """Merge the next unread module into the messages read (the caller holds _reading)."""
    name = _unread[0]
    module = importlib.import_module(f"workbench.i18n.messages.{name}")
    twice = _read.keys() & module.MESSAGES.keys()
    if twice:
        raise RuntimeError(f"message keys {sorted(twice)} defined twice ({name})")
    _read.update(module.MESSAGES)
    del _unread[0]


def _texts(key: str) -> tuple[str, str, str] | None:
    texts = _read.get(key)
    if texts is None and _unread:
        with _reading:
            while (texts := _read.get(key)) is None and _unread:
                _read_next()
    return texts


def catalogue() -> dict[str, tuple[str, str, str]]:
    """All messages (every module read)."""
    with _reading:
        while _unread:
            _read_next()
    return _read


def t(key: str, /, **kwargs: object) -> str:
    """The text of `key` in the current language, with placeholders filled in."""
    return t_in(_current, key, **kwargs)


def t_in(lang: str, key: str, /, **kwargs: object) -> str:
    """The text of `key` in `lang` (one of `LANGS`)."""
    texts = _texts(key)
    if texts is None:
        # A missing key is a programming error; show the key rather than crash the UI.
        return key
    text = texts[LANGS.index(lang)]
    return text.format(**kwargs) if kwargs else text


def os_problem(err: OSError) -> str:
    """What the system said went wrong with a file, in the interface's language.

    The system's own words (`strerror`) are English whatever the interface speaks; the
    cases a secretary meets (no such folder, no permission, a full or read-only disk) have
    ours, the rest keep the system's."""
    import errno  # built in: costs nothing, and only when something has gone wrong

    name = errno.errorcode.get(err.errno or 0, "")
    key = f"oserror.{name}"
    if name and has_key(key):
        return t(key)
    return err.strerror or str(err)


def has_key(key: str) -> bool:
    return _texts(key) is not None
