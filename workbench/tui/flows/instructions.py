"""Flows of the instruction and feedback panes: register, edit, chase, extend, close,
reopen, withdraw, delete; record and correct feedback (督查督辦)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from workbench.domain.humanize import describe_when
from workbench.domain.models import Channel, FeedbackKind, due_to_iso
from workbench.i18n import t
from workbench.tui.flows import FlowBase, short, user_errors

if TYPE_CHECKING:
    from workbench.tui.screens.form import FormSpec

CHANNEL_CHOICES = [(f"channel.{c.value}", c.value) for c in Channel]
KIND_CHOICES = [(f"feedback_kind.{k.value}", k.value) for k in FeedbackKind]


def _field(*args: Any, **kw: Any) -> Any:
    from workbench.tui.screens.form import Field

    return Field(*args, **kw)


class InstructionFlows(FlowBase):
    # ------------------------------------------------------------------ registration

    def _registration_form(self, values: dict[str, Any] | None = None) -> FormSpec:
        from workbench.tui.screens.form import FormSpec

        v = values or {}
        wb = self.workbench
        fields = [
            _field("leader", "tui.form.leader", value=v.get("leader", ""), required=True,
                   suggestions=wb.leaders()),
            _field("content", "tui.form.content", value=v.get("content", ""), required=True),
            _field("source", "tui.form.source", value=v.get("source", ""),
                   placeholder="tui.form.source_hint"),
            _field("issued_on", "tui.form.issued", kind="date", value=v.get("issued_on", "")),
            _field("deadline", "tui.form.deadline", kind="date", value=v.get("deadline", ""),
                   placeholder="tui.form.deadline_hint"),
            _field("owner", "tui.form.owner", value=v.get("owner", ""), suggestions=wb.owners()),
            _field("co_handlers", "tui.form.co", value=v.get("co_handlers", "")),
            _field("feedback_interval", "tui.form.interval", kind="int",
                   value=v.get("feedback_interval", ""), placeholder="tui.form.interval_hint"),
            _field("confidential", "tui.form.confidential", kind="check",
                   value=v.get("confidential", False), hint="tui.form.confidential_hint"),
        ]  # fmt: skip
        title = "tui.form.instruction_edit" if values else "tui.form.instruction"
        return FormSpec(title=title, fields=fields, parse_date=wb.parse_date)

    def _show_form(self, spec: FormSpec, change: Any, done: Any, keep: Any) -> None:
        """A registration form, then one change; a refusal is shown in the form."""
        from workbench.tui.screens.form import FormScreen

        self.push_screen(FormScreen(spec, self._save_one_change(change, done, keep)))

    def add_instruction(self) -> None:
        """a in the instruction pane: 立項登記."""
        self._show_form(
            self._registration_form(),
            lambda v: self.workbench.add_instruction(
                v["content"], leader=v["leader"], deadline=v["deadline"], source=v["source"],
                owner=v["owner"], co_handlers=v["co_handlers"], issued_on=v["issued_on"] or None,
                feedback_interval=v["feedback_interval"], confidential=v["confidential"],
            ),
            done=lambda view: t("tui.done.instruction_added",
                                content=short(view.instruction.content)),
            keep=lambda view: {"instructions": view.instruction.id},
        )  # fmt: skip

    def edit_instruction(self, instruction_id: int) -> None:
        """e on the details: correct the registration (a deadline moves by an extension)."""
        instr = self.workbench.instruction_view(instruction_id).instruction
        deadline = due_to_iso(instr.deadline) or ""
        spec = self._registration_form(
            {
                "leader": instr.leader,
                "content": instr.content,
                "source": instr.source,
                "issued_on": instr.issued_on.isoformat() if instr.issued_on else "",
                "deadline": deadline,
                "owner": instr.owner,
                "co_handlers": instr.co_handlers,
                "feedback_interval": instr.feedback_interval or "",
                "confidential": instr.confidential,
            }
        )

        def change(values: dict[str, Any]) -> Any:
            fields = dict(values, issued_on=values["issued_on"] or None)
            if fields["deadline"] == deadline:
                fields.pop("deadline")
            return self.workbench.update_instruction(instruction_id, **fields)

        self._show_form(
            spec,
            change,
            done=lambda view: t("tui.done.instruction_edited"),
            keep=lambda view: {"instructions": instruction_id},
        )

    def show_instruction(self, instruction_id: int) -> None:
        from workbench.tui.screens.details import InstructionDetailsScreen, instruction_details

        try:
            view = self.workbench.instruction_view(instruction_id)
        except user_errors() as err:
            self._notify_error(str(err))  # type: ignore[attr-defined]
            return
        follow_ups = {
            "task": lambda iid: self.add_task(instruction_id=iid),  # type: ignore[attr-defined]
            "cancel": self.cancel_instruction,
            "edit": self.edit_instruction,
            "chase": self.chase,
            "feedback": self.add_feedback,
            "extend": self.extend,
            "close": self.close_instruction,
            "reopen": self.reopen_instruction,
        }

        def follow(action: str | None) -> None:
            if action in follow_ups:
                follow_ups[action](instruction_id)

        body = instruction_details(self.workbench, view)
        self.push_screen(InstructionDetailsScreen(body, view.instruction.status.is_closed), follow)

    # ------------------------------------------------------------------ 督辦

    def _act(self, instruction_id: int, title: str, fields: list[Any], change: Any,
             done: Any) -> None:  # fmt: skip
        """A form about one instruction, then one change; the cursor stays on it."""
        self._change_from_form(
            title,
            self._subtitle(instruction_id),
            fields,
            change,
            done,
            keep=lambda result: {"instructions": instruction_id},
        )

    def chase(self, instruction_id: int) -> None:
        """c: 催辦, the level rising with each chase once it is overdue."""
        owner = self.workbench.instruction_view(instruction_id).instruction.owner
        self._act(
            instruction_id,
            "tui.form.chase",
            [
                _field("note", "tui.form.note"),
                _field("whom", "tui.form.whom", value=owner, suggestions=self.workbench.owners()),
                _field("channel", "tui.form.channel", kind="choice", value="phone",
                       choices=CHANNEL_CHOICES),
            ],
            lambda v: self.workbench.chase(instruction_id, note=v["note"], whom=v["whom"],
                                           channel=v["channel"]),
            lambda view: t("tui.done.chased", count=view.chase_count,
                           level=t(f"chase_level.{view.chase_level.value}")),
        )  # fmt: skip

    def extend(self, instruction_id: int) -> None:
        """E: 延期, with a reason; the original deadline stays on record."""
        self._act(
            instruction_id,
            "tui.form.extend",
            [
                _field("to", "tui.form.new_deadline", kind="date", required=True),
                _field("reason", "tui.form.reason", required=True),
            ],
            lambda v: self.workbench.extend(instruction_id, v["to"], v["reason"]),
            lambda view: t(
                "tui.done.extended",
                deadline=describe_when(view.instruction.deadline, all_day=False),
            ),
        )

    def close_instruction(self, instruction_id: int) -> None:
        """x: 辦結, with the completion report or the last feedback."""
        self._act(
            instruction_id,
            "tui.form.close",
            [
                _field("feedback", "tui.form.completion", hint="tui.form.completion_hint"),
                _field("note", "tui.form.closing_note"),
            ],
            lambda v: self.workbench.close_instruction(instruction_id, note=v["note"],
                                                       feedback=v["feedback"]),
            lambda view: t("tui.done.closed"),
        )  # fmt: skip

    def reopen_instruction(self, instruction_id: int) -> None:
        """r on the details: 退回重辦."""
        self._act(
            instruction_id,
            "tui.form.reopen",
            [_field("reason", "tui.form.reason", required=True)],
            lambda v: self.workbench.reopen_instruction(instruction_id, reason=v["reason"]),
            lambda view: t("tui.done.reopened"),
        )

    def cancel_instruction(self, instruction_id: int) -> None:
        """X: 撤銷, with a reason for the record."""
        self._act(
            instruction_id,
            "tui.form.cancel",
            [_field("reason", "tui.form.reason", required=True)],
            lambda v: self.workbench.cancel(instruction_id, reason=v["reason"]),
            lambda view: t("tui.done.cancelled"),
        )

    def delete_instruction(self, instruction_id: int) -> None:
        """d: a mistaken registration to the archive (u brings it back)."""
        self.perform(
            lambda: self.workbench.delete_instruction(instruction_id),
            done=lambda v: t("tui.done.instruction_deleted", content=short(v.instruction.content)),
        )

    # ------------------------------------------------------------------ feedback

    def add_feedback(self, instruction_id: int) -> None:
        """f: what was reported to the leader, and what was agreed (協議)."""
        self._change_from_form(
            "tui.form.feedback",
            self._subtitle(instruction_id),
            [
                _field("content", "tui.form.feedback_content", required=True),
                _field("next_step", "tui.form.next_step", hint="tui.form.next_step_hint"),
                _field("channel", "tui.form.channel", kind="choice", value="verbal",
                       choices=CHANNEL_CHOICES),
                _field("kind", "tui.form.kind", kind="choice", value="progress",
                       choices=KIND_CHOICES),
                _field("at", "tui.form.at", kind="date", placeholder="tui.form.at_hint"),
            ],
            lambda v: self.workbench.add_feedback(
                instruction_id, v["content"], kind=v["kind"], channel=v["channel"],
                next_step=v["next_step"], at=v["at"] or None,
            ),
            lambda fb: t("tui.done.feedback"),
            keep=lambda fb: {"instructions": instruction_id, "feedback": fb.id},
        )  # fmt: skip

    def correct_feedback(self, feedback_id: int) -> None:
        """r in the feedback pane: a new revision; the earlier text stays in the history."""
        old = self.workbench.store.get_feedback(feedback_id)
        if old is None:
            return
        self._change_from_form(
            "tui.form.correct",
            "",
            [
                _field("content", "tui.form.feedback_content", value=old.content, required=True),
                _field("next_step", "tui.form.next_step", value=old.next_step),
            ],
            lambda v: self.workbench.correct_feedback(
                feedback_id, v["content"], next_step=v["next_step"]
            ),
            lambda fb: t("tui.done.corrected"),
            keep=lambda fb: {"feedback": fb.id},
        )
