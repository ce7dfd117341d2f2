"""`workbench feedback add`: what was reported to the leader (DESIGN.md's contract)."""

from __future__ import annotations

import click

from workbench.cli.context import Context, echo_json
from workbench.cli.instructions import CHANNELS
from workbench.i18n import t

KINDS = ("progress", "problem", "completion", "other")


def register(cli: click.Group) -> None:
    """Add the `feedback` group to the command tree."""

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

            echo_json(feedback_json(fb))
            return
        click.echo(t("cli.feedback.added", id=fb.id, instruction=instruction_id))
