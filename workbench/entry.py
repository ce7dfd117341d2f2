"""The `workbench` command's first module (the console script and `python -m workbench`):
it holds the cycle collector off before anything heavy is imported (see collector)."""

from __future__ import annotations

from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> None:
    from workbench import collector

    collector.hold()
    from workbench.cli.main import main as command_line

    command_line(argv)
