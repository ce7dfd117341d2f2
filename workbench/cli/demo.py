"""`workbench demo`: fill a database with sample data (DESIGN.md's contract).

Where it writes: the database named with `--db` or WORKBENCH_DB, else `workbench-demo.db` in
the current folder — never the default database in the data folder, which may be the
user's real one. A database that already has records is refused unless `--force` is given,
and then the sample is added to what is there. Everything heavy is imported when the
command runs, so `import workbench.cli.main` stays fast.
"""

from __future__ import annotations

import shlex
import time
from pathlib import Path
from typing import Any

import click

from workbench.i18n import t


def demo_path(explicit: Path | None) -> Path:
    """The database the demonstration writes: the one asked for, else a fresh file here."""
    if explicit is not None:
        return explicit
    from workbench.service.demo import DEFAULT_FILE

    return Path.cwd() / DEFAULT_FILE


def register(cli: click.Group) -> None:
    """Add `demo` to the command tree."""

    @cli.command("demo", help=t("demo.cli.help"))
    @click.option("--tasks", type=click.IntRange(0, 10_000_000), default=None,
                  help=t("demo.cli.tasks"))  # fmt: skip
    @click.option("--instructions", type=click.IntRange(0, 1_000_000), default=None,
                  help=t("demo.cli.instructions"))  # fmt: skip
    @click.option("--feedback", type=click.IntRange(0, 5_000_000), default=None,
                  help=t("demo.cli.feedback"))  # fmt: skip
    @click.option("--seed", type=int, default=1, show_default=True, help=t("demo.cli.seed"))
    @click.option("--force", is_flag=True, help=t("demo.cli.force"))
    @click.pass_context
    def demo(ctx: click.Context, tasks: int | None, instructions: int | None,
             feedback: int | None, seed: int, force: bool) -> None:  # fmt: skip
        from workbench.service import demo as D
        from workbench.service.errors import InvalidInput
        from workbench.service.workbench import clock_from_env

        obj: Any = ctx.obj
        path = demo_path(ctx.find_root().params.get("db_path"))
        now = clock_from_env()()
        wb, hand = D.open_for_demo(path, obj.config, now)
        try:
            existing = D.record_count(wb)
            if existing and not force:
                raise InvalidInput("demo.error.not_empty", path=str(path), count=existing)
            started = time.perf_counter()
            if tasks is None and instructions is None and feedback is None:
                counts = D.fill_week(wb, hand)
            else:
                sizes = D.Sizes.in_proportion(tasks, instructions, feedback)
                counts = D.fill_synthetic(wb, sizes, seed)
            seconds = time.perf_counter() - started
        finally:
            wb.close()
        click.echo(t("demo.cli.written", path=str(path), tasks=counts.tasks,
                     instructions=counts.instructions, feedback=counts.feedback,
                     seconds=f"{seconds:.1f}"))  # fmt: skip
        click.echo(t("demo.cli.open", command=f"workbench --db {shlex.quote(str(path))}"))
