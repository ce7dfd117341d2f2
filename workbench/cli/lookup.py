"""`workbench date` (what a date phrase means) and `workbench where` (which files are in
use): the two commands that answer a question without changing anything."""

from __future__ import annotations

from datetime import datetime

import click

from workbench import locations
from workbench.cli.context import Context
from workbench.i18n import t


def register(cli: click.Group) -> None:
    """Add `date` and `where` to the command tree."""

    @cli.command("date", help=t("cli.help.date"))
    @click.argument("phrase", nargs=-1, required=True)
    @click.option("--now", "now", default=None, help=t("cli.help.now"))
    @click.pass_obj
    def date_(obj: Context, phrase: tuple[str, ...], now: str | None) -> None:
        from workbench.domain.dates import Recurrence, parse_phrase
        from workbench.domain.humanize import describe_recurrence, describe_when
        from workbench.service.holidays import build_calendar

        if now:
            try:
                moment = datetime.fromisoformat(now)
            except ValueError:
                raise click.BadParameter(t("cli.error.now", value=now)) from None
        else:
            from workbench.service.workbench import clock_from_env

            moment = clock_from_env()()
        cfg = obj.config
        cal = build_calendar(
            cfg.holiday_region(), cfg.subdivision, cfg.workdays, cfg.days_off, locations.cache_dir()
        )
        result = parse_phrase(" ".join(phrase), moment, cal)
        if isinstance(result, Recurrence):
            click.echo(result.first.iso)
            click.echo("RRULE:" + result.rule)
            click.echo(describe_recurrence(result.rule, result.working_days_only))
            click.echo(describe_when(result.first.value))
        else:
            click.echo(result.iso)
            click.echo(describe_when(result.value))

    @cli.command("where", help=t("cli.help.where"))
    @click.pass_obj
    def where(obj: Context) -> None:
        click.echo(t("cli.where.db", path=str(obj.db_path)))
        click.echo(t("cli.where.config", path=str(locations.config_path())))
        click.echo(t("cli.where.backups", path=str(locations.backup_dir(obj.db_path))))
