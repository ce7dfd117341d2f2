"""What every subcommand shares: the database (opened only when a command needs it), the
settings, and JSON output."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from workbench.config import Config
from workbench.domain.records import field, record

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (see records)
if TYPE_CHECKING:
    from typing import Any


@record
class Context:
    """The command line's state, handed to each subcommand as click's `obj`."""

    db_path: Path
    config: Config
    _workbench: Any = field(default=None, repr=False)

    def workbench(self):
        if self._workbench is None:
            from workbench.console import say_reindexing
            from workbench.service.workbench import Workbench, clock_from_env

            self._workbench = Workbench.open(
                self.db_path, self.config, clock_from_env(), on_reindex=say_reindexing
            )
        return self._workbench

    def close(self) -> None:
        if self._workbench is not None:
            self._workbench.close()


_WHOLE_UNICODE = frozenset({"utf-8", "utf-16", "utf-32", "gb18030"})
"""Encodings that hold every character (GB18030 is China's national standard)."""


def echo_json(data: object) -> None:
    """JSON on standard output: readable Chinese where the output's encoding holds it,
    `\\uXXXX` escapes where it does not, so that a script never reads a "?" for a
    character."""
    import codecs

    import click

    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    readable = codecs.lookup(encoding).name in _WHOLE_UNICODE
    click.echo(json.dumps(data, ensure_ascii=not readable, indent=2))
