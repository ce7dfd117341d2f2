"""`workbench instr …`: leader instructions from registration to closure (督查督辦), from
the command line (DESIGN.md's contract)."""

from __future__ import annotations

from collections.abc import Callable

from workbench.cli.context import Context, echo_json
from workbench.i18n import t

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (see records)
if TYPE_CHECKING:
    import click

CHANNELS = ("verbal", "written", "phone", "message", "email", "meeting")


def show_instructions(
    obj: Context,
    echo: Callable[[str], object],
    *,
    show_all: bool = False,
    leader: str | None = None,
    query: str = "",
    as_json: bool = False,
) -> None:
    """`workbench instr list`, `echo`ed line by line (the bare command runs this without
    click: see `workbench.cli.main`)."""
    from workbench.cli.format import instruction_lines
    from workbench.store.store import InstructionFilter

    wb = obj.workbench()
    flt = InstructionFilter(scope="all" if show_all else "open", leader=leader, query=query)
    views = wb.list_instructions(flt, 0, wb.count_instructions(flt))
    if as_json:
        echo_json([v.to_json() for v in views])
        return
    if not views:
        echo(t("cli.no_instructions"))
        return
    for line in instruction_lines(views):
        echo(line)


def register(cli: click.Group) -> None:
    """Add the `instr` group to the command tree."""
    import click

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
            echo_json(view.to_json())
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
        show_instructions(obj, click.echo, show_all=show_all, leader=leader, query=query,
                          as_json=as_json)  # fmt: skip

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
            echo_json(data)
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


def _instruction_details(view) -> list[str]:
    from workbench.domain.humanize import deadline_in_words, describe_when
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
        deadline = deadline_in_words(i.deadline, view.days_left)
        lines.append(f"{t('cli.col.deadline')}: {deadline}")
    if i.extensions:
        assert i.original_deadline is not None
        original = describe_when(i.original_deadline, all_day=False)
        lines.append(f"{t('cli.col.original_deadline')}: {original}")
    if i.owner:
        lines.append(f"{t('cli.col.owner')}: {one_line(i.owner)}")
    if i.chase_count:
        lines.append(f"{t('cli.col.chases')}: {i.chase_count}")
    return lines
