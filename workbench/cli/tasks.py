"""`workbench add`, `list`, `done` and `undo`: the to-do list from the command line
(DESIGN.md's contract)."""

from __future__ import annotations

from collections.abc import Callable

from workbench.cli.context import Context, echo_json
from workbench.i18n import t

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (see records)
if TYPE_CHECKING:
    import click

PAGE = 30
"""Rows `workbench list` shows by default: one screenful."""


def register(cli: click.Group) -> None:
    """Add the to-do commands to the command tree."""
    import click

    @cli.command("add", help=t("cli.help.add"))
    @click.argument("text", nargs=-1, required=True)
    @click.option("--instruction", "instruction_id", type=int, help=t("cli.help.add.instruction"))
    @click.option("--notes", default="", help=t("cli.help.add.notes"))
    @click.option("--json", "as_json", is_flag=True, help=t("cli.help.json"))
    @click.pass_obj
    def add(
        obj: Context, text: tuple[str, ...], instruction_id: int | None, notes: str, as_json: bool
    ) -> None:
        add_task(obj, text, click.echo, instruction_id=instruction_id, notes=notes,
                 as_json=as_json)  # fmt: skip

    @cli.command("list", help=t("cli.help.list"))
    @click.option("--limit", type=click.IntRange(1, None), default=None, help=t("cli.help.limit"))
    @click.option("--all", "show_all", is_flag=True, help=t("cli.help.list.all"))
    @click.option("--search", "query", default="", help=t("cli.help.search"))
    @click.option("--json", "as_json", is_flag=True, help=t("cli.help.json"))
    @click.pass_obj
    def list_(obj: Context, limit: int | None, show_all: bool, query: str, as_json: bool) -> None:
        show_tasks(obj, click.echo, limit=limit, show_all=show_all, query=query, as_json=as_json)

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


def add_task(
    obj: Context,
    text: tuple[str, ...],
    echo: Callable[[str], object],
    *,
    instruction_id: int | None = None,
    notes: str = "",
    as_json: bool = False,
) -> None:
    """`workbench add`: the words as one quick-add line, and what was understood of it
    (the bare command runs this without click: see `workbench.cli.main`)."""
    wb = obj.workbench()
    view = wb.add_task(" ".join(text), instruction_id=instruction_id, notes=notes)
    if as_json:
        echo_json(view.to_json())
        return
    from workbench.domain.humanize import due_in_words

    task = view.task
    parts = [t(f"importance.{task.importance.value}")]
    if task.due is not None:
        parts.insert(0, due_in_words(task.due, wb.now(), wb.calendar))
    if task.urgent:
        parts.append(t("urgent.flag"))
    parts.extend(f"#{tag}" for tag in task.tags)
    details = t("common.list_sep").join(parts)
    echo(t("cli.added", id=task.id, title=task.title, details=details))


def show_tasks(
    obj: Context,
    echo: Callable[[str], object],
    *,
    limit: int | None = None,
    show_all: bool = False,
    query: str = "",
    as_json: bool = False,
) -> None:
    """`workbench list`: a page of the to-do list in its order, `echo`ed line by line (the
    bare command runs this without click: see `workbench.cli.main`)."""
    from workbench.cli.format import task_lines
    from workbench.store.store import TaskFilter

    wb = obj.workbench()
    flt = TaskFilter(scope="all" if show_all else "open", query=query)
    total = wb.count_tasks(flt)
    if limit is None:
        limit = total if show_all else PAGE
    views = wb.list_tasks(flt, 0, limit)
    if as_json:
        echo_json([v.to_json() for v in views])
        return
    if not views:
        echo(t("cli.no_tasks"))
        return
    for line in task_lines(views, wb.now(), wb.calendar):
        echo(line)
    if total > len(views):
        echo(t("cli.more", shown=len(views), total=total))
