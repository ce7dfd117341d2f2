"""The `workbench` command line (DESIGN.md's contract). It never imports Textual: the app is
imported only when `workbench` runs without a subcommand. Nor does it import click then:
opening the app takes no more than `--db` and `--lang`, read here (see _opens_the_app),
and click's import and command tree are a twentieth of the app's start-up.

Bad input is refused with a message on stderr and exit status 1; usage errors exit 2; no
Python traceback is shown for anything a user can type.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workbench import collector, i18n, locations
from workbench.config import Config, ConfigError, load_config
from workbench.crash import write_report
from workbench.i18n import t

# Importing the service pulls in the domain; the CLI needs both for nearly every command.
from workbench.service.errors import WorkbenchError
from workbench.store.db import StoreError

if TYPE_CHECKING:
    import click


def _user_errors() -> tuple[type[Exception], ...]:
    from workbench.domain.dates import DateParseError
    from workbench.domain.quickadd import QuickAddError

    return (WorkbenchError, StoreError, ConfigError, DateParseError, QuickAddError)


@dataclass
class Context:
    """What every subcommand shares; the database opens only when a command needs it."""

    db_path: Path
    config: Config
    _workbench: Any = field(default=None, repr=False)

    def workbench(self):
        if self._workbench is None:
            from workbench.service.workbench import Workbench, clock_from_env

            self._workbench = Workbench.open(self.db_path, self.config, clock_from_env())
        return self._workbench

    def close(self) -> None:
        if self._workbench is not None:
            self._workbench.close()


def _echo_json(data: object) -> None:
    import click

    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def _early_language(args: Sequence[str], config: Config | None) -> str:
    """The language before click parses anything, so that help texts are translated."""
    for i, arg in enumerate(args):
        if arg == "--lang" and i + 1 < len(args):
            return args[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    env = os.environ.get("WORKBENCH_LANG")
    if env:
        return env
    if config is not None:
        return config.language()
    return i18n.lang_from_locale()


def _set_language(value: str) -> None:
    import click

    try:
        i18n.set_language(value)
    except i18n.UnknownLanguage:
        i18n.set_language(i18n.lang_from_locale())
        raise click.BadParameter(t("cli.error.lang", value=value)) from None


def build_cli() -> click.Group:
    """The command tree, with help texts in the current language."""
    import click

    @click.group(
        invoke_without_command=True,
        help=t("cli.help.main"),
        context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    )
    @click.option(
        "--db",
        "db_path",
        type=click.Path(path_type=Path),
        envvar="WORKBENCH_DB",
        help=t("cli.help.db"),
    )
    @click.option("--lang", "lang", envvar="WORKBENCH_LANG", help=t("cli.help.lang"))
    @click.version_option(package_name="workbench", message="%(prog)s %(version)s")
    @click.pass_context
    def cli(ctx: click.Context, db_path: Path | None, lang: str | None) -> None:
        config = load_config()
        if lang:
            _set_language(lang)
        ctx.obj = Context(db_path or locations.default_db_path(), config)
        ctx.call_on_close(ctx.obj.close)
        if ctx.invoked_subcommand is not None:
            collector.release()  # the app releases it once its first frame is out
        else:
            from workbench.tui.app import run

            run(ctx.obj.db_path, config)

    # ------------------------------------------------------------------ tasks

    @cli.command("add", help=t("cli.help.add"))
    @click.argument("text", nargs=-1, required=True)
    @click.option("--instruction", "instruction_id", type=int, help=t("cli.help.add.instruction"))
    @click.option("--notes", default="", help=t("cli.help.add.notes"))
    @click.option("--json", "as_json", is_flag=True, help=t("cli.help.json"))
    @click.pass_obj
    def add(
        obj: Context, text: tuple[str, ...], instruction_id: int | None, notes: str, as_json: bool
    ) -> None:
        wb = obj.workbench()
        view = wb.add_task(" ".join(text), instruction_id=instruction_id, notes=notes)
        if as_json:
            _echo_json(view.to_json())
            return
        from workbench.domain.humanize import due_in_words

        task = view.task
        parts = [t(f"importance.{task.importance.value}")]
        if task.due is not None:
            parts.insert(0, due_in_words(task.due, wb.now(), wb.calendar))
        if task.urgent:
            parts.append(t("urgent.flag"))
        parts.extend(f"#{tag}" for tag in task.tags)
        click.echo(t("cli.added", id=task.id, title=task.title, details=", ".join(parts)))

    @cli.command("list", help=t("cli.help.list"))
    @click.option("--limit", type=click.IntRange(1, None), default=None, help=t("cli.help.limit"))
    @click.option("--all", "show_all", is_flag=True, help=t("cli.help.list.all"))
    @click.option("--search", "query", default="", help=t("cli.help.search"))
    @click.option("--json", "as_json", is_flag=True, help=t("cli.help.json"))
    @click.pass_obj
    def list_(obj: Context, limit: int | None, show_all: bool, query: str, as_json: bool) -> None:
        from workbench.cli.format import task_lines
        from workbench.store.store import TaskFilter

        wb = obj.workbench()
        flt = TaskFilter(scope="all" if show_all else "open", query=query)
        total = wb.count_tasks(flt)
        if limit is None:
            limit = total if show_all else PAGE
        views = wb.list_tasks(flt, 0, limit)
        if as_json:
            _echo_json([v.to_json() for v in views])
            return
        if not views:
            click.echo(t("cli.no_tasks"))
            return
        for line in task_lines(views, wb.now(), wb.calendar):
            click.echo(line)
        if total > len(views):
            click.echo(t("cli.more", shown=len(views), total=total))

    @cli.command("done", help=t("cli.help.done"))
    @click.argument("ids", nargs=-1, type=int, required=True)
    @click.pass_obj
    def done(obj: Context, ids: tuple[int, ...]) -> None:
        wb = obj.workbench()
        for task_id in ids:
            view, successor = wb.complete_task(task_id)
            click.echo(t("cli.done", id=task_id, title=view.task.title))
            if successor is not None:
                click.echo(
                    t("cli.next_occurrence", id=successor.task.id, due=successor.to_json()["due"])
                )

    @cli.command("undo", help=t("cli.help.undo"))
    @click.pass_obj
    def undo(obj: Context) -> None:
        from workbench.domain.history import describe_event

        event = obj.workbench().undo()
        click.echo(t("cli.undone", what=describe_event(event)))

    # ------------------------------------------------------------------ instructions

    @cli.group("instr", help=t("cli.help.instr"))
    def instr() -> None:
        pass

    @instr.command("add", help=t("cli.help.instr.add"))
    @click.argument("content", nargs=-1, required=True)
    @click.option("--leader", required=True, help=t("cli.help.leader"))
    @click.option("--deadline", default=None, help=t("cli.help.deadline"))
    @click.option("--source", default="", help=t("cli.help.source"))
    @click.option("--owner", default="", help=t("cli.help.owner"))
    @click.option("--co", "co_handlers", default="", help=t("cli.help.co"))
    @click.option("--issued", default=None, help=t("cli.help.issued"))
    @click.option(
        "--interval", type=click.IntRange(1, 366), default=None, help=t("cli.help.interval")
    )
    @click.option("--confidential", is_flag=True, help=t("cli.help.confidential"))
    @click.option("--json", "as_json", is_flag=True, help=t("cli.help.json"))
    @click.pass_obj
    def instr_add(
        obj: Context,
        content: tuple[str, ...],
        leader: str,
        deadline: str | None,
        source: str,
        owner: str,
        co_handlers: str,
        issued: str | None,
        interval: int | None,
        confidential: bool,
        as_json: bool,
    ) -> None:
        view = obj.workbench().add_instruction(
            " ".join(content),
            leader=leader,
            deadline=deadline,
            source=source,
            owner=owner,
            co_handlers=co_handlers,
            issued_on=issued,
            feedback_interval=interval,
            confidential=confidential,
        )
        if as_json:
            _echo_json(view.to_json())
            return
        click.echo(
            t(
                "cli.instr.added",
                id=view.instruction.id,
                leader=view.instruction.leader,
                light=t(f"light.{view.light.value}"),
            )
        )

    @instr.command("list", help=t("cli.help.instr.list"))
    @click.option("--all", "show_all", is_flag=True, help=t("cli.help.instr.all"))
    @click.option("--leader", default=None, help=t("cli.help.filter.leader"))
    @click.option("--search", "query", default="", help=t("cli.help.search"))
    @click.option("--json", "as_json", is_flag=True, help=t("cli.help.json"))
    @click.pass_obj
    def instr_list(
        obj: Context, show_all: bool, leader: str | None, query: str, as_json: bool
    ) -> None:
        from workbench.cli.format import instruction_lines
        from workbench.store.store import InstructionFilter

        wb = obj.workbench()
        flt = InstructionFilter(scope="all" if show_all else "open", leader=leader, query=query)
        views = wb.list_instructions(flt, 0, wb.count_instructions(flt))
        if as_json:
            _echo_json([v.to_json() for v in views])
            return
        if not views:
            click.echo(t("cli.no_instructions"))
            return
        for line in instruction_lines(views):
            click.echo(line)

    @instr.command("show", help=t("cli.help.instr.show"))
    @click.argument("instruction_id", type=int)
    @click.option("--json", "as_json", is_flag=True, help=t("cli.help.json"))
    @click.pass_obj
    def instr_show(obj: Context, instruction_id: int, as_json: bool) -> None:
        from workbench.cli.format import feedback_line
        from workbench.domain.history import describe_event

        wb = obj.workbench()
        view = wb.instruction_view(instruction_id)
        feedback = wb.feedback_of(instruction_id)
        if as_json:
            from workbench.service.views import feedback_json

            data = view.to_json()
            data["feedback"] = [feedback_json(f) for f in feedback]
            _echo_json(data)
            return
        for line in _instruction_details(view):
            click.echo(line)
        if feedback:
            click.echo(t("cli.section.feedback"))
            for fb in feedback:
                click.echo("  " + feedback_line(fb))
        click.echo(t("cli.section.history"))
        for event in wb.history("instruction", instruction_id):
            click.echo(f"  {event.at:%Y-%m-%d %H:%M}  {describe_event(event)}")

    @instr.command("chase", help=t("cli.help.instr.chase"))
    @click.argument("instruction_id", type=int)
    @click.option("--note", default="", help=t("cli.help.note"))
    @click.option("--whom", default="", help=t("cli.help.whom"))
    @click.option(
        "--channel", type=click.Choice(CHANNELS), default=None, help=t("cli.help.channel")
    )
    @click.pass_obj
    def instr_chase(
        obj: Context, instruction_id: int, note: str, whom: str, channel: str | None
    ) -> None:
        view = obj.workbench().chase(instruction_id, note=note, whom=whom, channel=channel)
        level = view.chase_level
        click.echo(
            t(
                "cli.chased",
                id=instruction_id,
                count=view.chase_count,
                level=t(f"chase_level.{level.value}") if level else "",
            )
        )

    @instr.command("extend", help=t("cli.help.instr.extend"))
    @click.argument("instruction_id", type=int)
    @click.option("--to", "to", required=True, help=t("cli.help.extend.to"))
    @click.option("--reason", required=True, help=t("cli.help.reason"))
    @click.pass_obj
    def instr_extend(obj: Context, instruction_id: int, to: str, reason: str) -> None:
        view = obj.workbench().extend(instruction_id, to, reason)
        click.echo(
            t(
                "cli.extended",
                id=instruction_id,
                deadline=view.to_json()["deadline"],
                original=view.to_json()["original_deadline"] or "-",
            )
        )

    @instr.command("close", help=t("cli.help.instr.close"))
    @click.argument("instruction_id", type=int)
    @click.option("--note", default="", help=t("cli.help.close.note"))
    @click.option("--feedback", default="", help=t("cli.help.close.feedback"))
    @click.pass_obj
    def instr_close(obj: Context, instruction_id: int, note: str, feedback: str) -> None:
        obj.workbench().close_instruction(instruction_id, note=note, feedback=feedback)
        click.echo(t("cli.closed", id=instruction_id))

    @instr.command("cancel", help=t("cli.help.instr.cancel"))
    @click.argument("instruction_id", type=int)
    @click.option("--reason", default="", help=t("cli.help.reason"))
    @click.pass_obj
    def instr_cancel(obj: Context, instruction_id: int, reason: str) -> None:
        obj.workbench().cancel(instruction_id, reason=reason)
        click.echo(t("cli.cancelled", id=instruction_id))

    @instr.command("reopen", help=t("cli.help.instr.reopen"))
    @click.argument("instruction_id", type=int)
    @click.option("--reason", default="", help=t("cli.help.reason"))
    @click.pass_obj
    def instr_reopen(obj: Context, instruction_id: int, reason: str) -> None:
        obj.workbench().reopen_instruction(instruction_id, reason=reason)
        click.echo(t("cli.reopened", id=instruction_id))

    # ------------------------------------------------------------------ feedback

    @cli.group("feedback", help=t("cli.help.feedback"))
    def feedback() -> None:
        pass

    @feedback.command("add", help=t("cli.help.feedback.add"))
    @click.argument("instruction_id", type=int)
    @click.argument("content", nargs=-1, required=True)
    @click.option("--kind", type=click.Choice(KINDS), default="progress", help=t("cli.help.kind"))
    @click.option(
        "--channel", type=click.Choice(CHANNELS), default="verbal", help=t("cli.help.channel")
    )
    @click.option("--next", "next_step", default="", help=t("cli.help.next"))
    @click.option("--at", "at", default=None, help=t("cli.help.at"))
    @click.option("--json", "as_json", is_flag=True, help=t("cli.help.json"))
    @click.pass_obj
    def feedback_add(
        obj: Context,
        instruction_id: int,
        content: tuple[str, ...],
        kind: str,
        channel: str,
        next_step: str,
        at: str | None,
        as_json: bool,
    ) -> None:
        fb = obj.workbench().add_feedback(
            instruction_id,
            " ".join(content),
            kind=kind,
            channel=channel,
            next_step=next_step,
            at=at,
        )
        if as_json:
            from workbench.service.views import feedback_json

            _echo_json(feedback_json(fb))
            return
        click.echo(t("cli.feedback.added", id=fb.id, instruction=instruction_id))

    # ------------------------------------------------------------------ dates

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

    from workbench.cli.backup import register as register_backup
    from workbench.cli.demo import register as register_demo
    from workbench.cli.interchange import register as register_interchange
    from workbench.cli.reports import register as register_reports

    for register in (register_reports, register_interchange, register_backup, register_demo):
        register(cli)
    return cli


PAGE = 30
"""Rows `workbench list` shows by default: one screenful."""
CHANNELS = ("verbal", "written", "phone", "message", "email", "meeting")
KINDS = ("progress", "problem", "completion", "other")


def _instruction_details(view) -> list[str]:
    from workbench.domain.humanize import days_left_in_words, describe_when
    from workbench.domain.text import clean_text, one_line

    i = view.instruction
    lines = [
        f"{t('cli.col.id')} {i.id}  [{t(f'light.{view.light.value}')}]  "
        f"{t(f'instr_status.{i.status.value}')}",
        f"{t('cli.col.leader')}: {one_line(i.leader)}",
        f"{t('cli.col.content')}: {clean_text(i.content, multiline=True)}",
    ]
    if i.source:
        lines.append(f"{t('cli.col.source')}: {one_line(i.source)}")
    if i.deadline is not None:
        lines.append(
            f"{t('cli.col.deadline')}: {describe_when(i.deadline)}"
            f"  ({days_left_in_words(view.days_left)})"
        )
    if i.extensions:
        assert i.original_deadline is not None
        lines.append(f"{t('cli.col.original_deadline')}: {describe_when(i.original_deadline)}")
    if i.owner:
        lines.append(f"{t('cli.col.owner')}: {one_line(i.owner)}")
    if i.chase_count:
        lines.append(f"{t('cli.col.chases')}: {i.chase_count}")
    return lines


def _opens_the_app(args: Sequence[str]) -> tuple[Path | None, str | None] | None:
    """`--db` and `--lang` (and WORKBENCH_DB) when that is all there is, each at most once
    and valid: the app is then opened without click. Anything else — a subcommand,
    `--help`, a language we do not have — is click's, which also says what is wrong."""
    found: dict[str, str] = {}
    rest = list(args)
    while rest:
        arg = rest.pop(0)
        name, eq, value = arg.partition("=")
        if name not in ("--db", "--lang") or name in found:
            return None
        if not eq:
            if not rest:
                return None
            value = rest.pop(0)
        if not value:
            return None
        found[name] = value
    lang = found.get("--lang") or os.environ.get("WORKBENCH_LANG") or None
    if lang is not None:
        try:
            i18n.normalize_lang(lang)
        except i18n.UnknownLanguage:
            return None
    db = found.get("--db") or os.environ.get("WORKBENCH_DB") or None
    return (Path(db) if db else None), lang


def _open_app(db_path: Path | None, lang: str | None, config: Config) -> None:
    """What the command group does when no subcommand is named, without click (and
    without reading the settings a second time)."""
    from workbench.tui.app import run

    if lang:
        i18n.set_language(lang)
    run(db_path or locations.default_db_path(), config)


def _run_click(args: list[str]) -> object:
    import click

    cli = build_cli()
    try:
        return cli.main(args=args, prog_name="workbench", standalone_mode=False)
    except click.ClickException as err:
        err.show()
        sys.exit(err.exit_code)
    except click.Abort:
        _say(t("cli.aborted"))
        sys.exit(1)


def _say(text: str) -> None:
    """A line on stderr (what click.echo(err=True) does, without importing click)."""
    sys.stderr.write(text + "\n")
    sys.stderr.flush()


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point of the `workbench` console script."""
    os.umask(0o077)  # everything we create (database, backups, exports) is the owner's only
    args = list(sys.argv[1:] if argv is None else argv)
    config_error = None
    try:
        config = load_config()
    except ConfigError as err:
        config, config_error = None, err
    try:
        i18n.set_language(_early_language(args, config))
    except i18n.UnknownLanguage:
        i18n.set_language(i18n.lang_from_locale())
    if config_error is not None:
        _say(str(config_error))
        sys.exit(1)
    app = _opens_the_app(args)
    try:
        if app is not None:
            assert config is not None  # a config error has ended the command above
            result: object = _open_app(*app, config)
        else:
            result = _run_click(args)
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:
        # The reader went away (`workbench list | head`): not an error.
        sys.stderr.close()
        sys.exit(0)
    except Exception as err:
        if isinstance(err, _user_errors()):  # looked up only now: the date grammar is large
            _say(t("cli.error", message=str(err)))
            sys.exit(1)
        # A bug. Its transaction was rolled back; say so plainly and keep the details
        # for whoever fixes it, instead of a traceback the user cannot act on.
        _say(t("cli.error.unexpected", problem=type(err).__name__, log=write_report(err)))
        sys.exit(1)
    sys.exit(result if isinstance(result, int) else 0)
