"""The machine and software the numbers were measured on."""

from __future__ import annotations

import os
import platform
import sqlite3
from importlib import metadata


def cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            for line in info:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def details(taskwarrior: str | None) -> list[tuple[str, str]]:
    def version(package: str) -> str:
        try:
            return metadata.version(package)
        except metadata.PackageNotFoundError:
            return "-"

    return [
        ("CPU", f"{cpu_model()}, {os.cpu_count()} cores"),
        ("OS", f"{platform.system()} {platform.release()}"),
        ("Python", platform.python_version()),
        ("Textual", version("textual")),
        ("Rich", version("rich")),
        ("SQLite", sqlite3.sqlite_version),
        ("Taskwarrior", taskwarrior or "not installed"),
    ]
