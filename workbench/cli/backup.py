"""`workbench backup`: a checked copy now, the list of copies, checking one, putting one back.

Restoring is deliberate: without `--yes` it only shows what would happen (the rows in the
copy and in the current file) and changes nothing. With `--yes` it checks the copy first,
keeps the current file in the backup folder, and then puts the copy back through SQLite,
so a window that has the database open simply sees the restored rows.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from workbench.i18n import t


def _counts_line(counts: dict[str, int]) -> str:
    return t(
        "backup.counts",
        tasks=counts.get("task", 0),
        instructions=counts.get("instruction", 0),
        feedback=counts.get("feedback", 0),
        events=counts.get("event", 0),
    )


def register(cli: click.Group) -> None:
    @cli.command(
        "backup",
        help=t("cli.help.backup"),
        epilog=t("cli.help.backup.epilog"),
        context_settings={"max_content_width": 100},
    )
    @click.argument("dest", required=False, type=click.Path(path_type=Path))
    @click.option(
        "--restore",
        "restore_from",
        type=click.Path(path_type=Path),
        default=None,
        metavar="FILE",
        help=t("cli.help.backup.restore"),
    )
    @click.option("--yes", is_flag=True, help=t("cli.help.backup.yes"))
    @click.option(
        "--check",
        "check_file",
        type=click.Path(path_type=Path),
        default=None,
        metavar="FILE",
        help=t("cli.help.backup.check"),
    )
    @click.option("--list", "show_list", is_flag=True, help=t("cli.help.backup.list"))
    @click.pass_obj
    def backup(
        obj: Any,
        dest: Path | None,
        restore_from: Path | None,
        yes: bool,
        check_file: Path | None,
        show_list: bool,
    ) -> None:
        from workbench.service import backup as S

        chosen = [x for x in (dest, restore_from, check_file) if x is not None] + (
            [True] if show_list else []
        )
        if len(chosen) > 1:
            raise click.UsageError(t("backup.error.one_action"))
        if yes and restore_from is None:
            raise click.UsageError(t("backup.error.yes_alone"))
        if show_list:
            _list(obj.db_path)
            return
        if check_file is not None:
            info = S.check_backup(check_file)
            click.echo(t("backup.checked", file=str(info.path), version=info.schema_version))
            click.echo("  " + _counts_line(info.counts))
            return
        if restore_from is not None:
            _restore(obj, restore_from, yes)
            return
        info = S.backup_now(obj.workbench(), dest)
        click.echo(t("backup.written", file=str(info.path)))
        click.echo("  " + _counts_line(info.counts))


def _list(db_path: Path) -> None:
    from workbench.service import backup as S

    folder = S.backup_folder(db_path)
    found = S.list_backups(db_path)
    if not found:
        click.echo(t("backup.none", folder=str(folder)))
        return
    click.echo(t("backup.folder", folder=str(folder)))
    for path in found:
        size = path.stat().st_size
        click.echo(f"  {path.name}  ({max(1, size // 1024)} KiB)")


def _restore(obj: Any, source: Path, yes: bool) -> None:
    from workbench.service import backup as S
    from workbench.store.db import Database, StoreError

    info = S.check_backup(source)
    db_path: Path = obj.db_path
    click.echo(t("backup.restore.source", file=str(source)))
    click.echo("  " + _counts_line(info.counts))
    if db_path.exists():
        click.echo(t("backup.restore.current", file=str(db_path)))
        try:
            current = Database(db_path, create=False, read_only=True)
        except StoreError as err:
            click.echo("  " + str(err))
        else:
            try:
                from workbench.store.backup import row_counts

                with current.lock:
                    click.echo("  " + _counts_line(row_counts(current.conn)))
            finally:
                current.close()
    if not yes:
        click.echo(t("backup.restore.confirm", folder=str(S.backup_folder(db_path))), err=True)
        click.get_current_context().exit(1)
    result = S.restore_backup(source, db_path)
    click.echo(t("backup.restored", file=str(db_path)))
    if result.kept is not None:
        click.echo(t("backup.restore.kept", file=str(result.kept)))
