"""The command line's width: the rules of `shutil.get_terminal_size`, without its import."""

from __future__ import annotations

import shutil

import pytest

from workbench.cli.format import terminal_width


@pytest.mark.parametrize(("columns", "expected"), [("120", 120), ("80", 80), ("30", 60)])
def test_columns_decides_the_width(monkeypatch: pytest.MonkeyPatch, columns: str,
                                   expected: int) -> None:  # fmt: skip
    monkeypatch.setenv("COLUMNS", columns)
    assert terminal_width() == expected


@pytest.mark.parametrize("columns", [None, "wide", "0", "-5"])
def test_otherwise_it_agrees_with_shutil(monkeypatch: pytest.MonkeyPatch,
                                         columns: str | None) -> None:  # fmt: skip
    if columns is None:
        monkeypatch.delenv("COLUMNS", raising=False)
    else:
        monkeypatch.setenv("COLUMNS", columns)
    assert terminal_width() == max(60, shutil.get_terminal_size((100, 24)).columns)
