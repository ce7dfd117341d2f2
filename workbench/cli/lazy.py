"""A click group that builds a subcommand only when it is named.

Building the whole command tree imported every command's module and translated some
seventy help texts on each run, for the one command a run uses: a sixth of `workbench
list`'s time. Help still lists every command (click asks for each in turn).
"""

from __future__ import annotations

import importlib
from typing import Any

import click

from workbench.cli.main import ReaderGone


class LazyGroup(click.Group):
    """`areas` maps each subcommand to the module of `workbench.cli` whose
    `register(group)` adds it (a module may add several)."""

    def __init__(self, *args: Any, areas: dict[str, str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.areas = areas

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.areas, *self.commands})

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except BrokenPipeError as err:
            raise ReaderGone from err  # past click, which ends with status 1 on it

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        area = self.areas.get(cmd_name)
        if cmd_name not in self.commands and area is not None:
            importlib.import_module(f"workbench.cli.{area}").register(self)
        return self.commands.get(cmd_name)
