"""Lines for the person at the terminal, on standard error (a command's output stays clean
for scripts), outside any screen: before the app starts, or from a command."""

from __future__ import annotations

import sys

from workbench.i18n import t


def say(text: str) -> None:
    sys.stderr.write(text + "\n")
    sys.stderr.flush()


def say_reindexing() -> None:
    """Before the search indexes are rebuilt (see `Store.open`): a wait with a reason."""
    say(t("store.reindexing"))
