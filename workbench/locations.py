"""Every path the workbench uses, in one place.

Defaults come from platformdirs; environment variables override them (tests set these so
they never touch a user's real data): `WORKBENCH_DB`, `WORKBENCH_CONFIG`,
`WORKBENCH_CACHE_DIR`, `WORKBENCH_BACKUP_DIR`.
"""

from __future__ import annotations

import os
from pathlib import Path

APP = "workbench"


def _platformdirs():
    import platformdirs

    return platformdirs


def data_dir() -> Path:
    return Path(_platformdirs().user_data_dir(APP, appauthor=False))


def default_db_path() -> Path:
    """`WORKBENCH_DB`, else `workbench.db` in the user data folder."""
    env = os.environ.get("WORKBENCH_DB")
    if env:
        return Path(env).expanduser()
    return data_dir() / "workbench.db"


def config_path() -> Path:
    env = os.environ.get("WORKBENCH_CONFIG")
    if env:
        return Path(env).expanduser()
    return Path(_platformdirs().user_config_dir(APP, appauthor=False)) / "config.toml"


def cache_dir() -> Path:
    env = os.environ.get("WORKBENCH_CACHE_DIR")
    if env:
        return Path(env).expanduser()
    return Path(_platformdirs().user_cache_dir(APP, appauthor=False))


def backup_dir(db_path: Path) -> Path:
    """Backups live beside the database unless `WORKBENCH_BACKUP_DIR` says otherwise."""
    env = os.environ.get("WORKBENCH_BACKUP_DIR")
    if env:
        return Path(env).expanduser()
    return db_path.parent / "backups"


def documents_dir() -> Path:
    """Where saved reports go by default."""
    return Path(_platformdirs().user_documents_dir())
