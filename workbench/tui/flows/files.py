"""Flows that write or read files: saving a report, exporting, importing.

A file goes to the documents folder unless another path is typed; an existing file is
replaced only after the user says yes.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workbench.i18n import t
from workbench.tui.flows import FlowBase

if TYPE_CHECKING:
    from workbench.tui.screens.form import FormScreen


def _field(*args: Any, **kw: Any) -> Any:
    from workbench.tui.screens.form import Field

    return Field(*args, **kw)


class FileFlows(FlowBase):
    def _save_as(
        self,
        title: str,
        default: Path,
        write: Callable[[Path, dict[str, Any], bool], Any],
        done: Callable[[Any], str],
        extra: list[Any] | None = None,
    ) -> None:
        """Ask for the path, write in a worker, and ask before replacing a file."""

        def save(values: dict[str, Any], form: FormScreen, overwrite: bool = False) -> None:
            path = Path(values["path"]).expanduser()

            def run() -> Any:
                path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
                return write(path, values, overwrite)

            def failed(message: str) -> None:
                if path.exists() and not overwrite:
                    self._confirm_overwrite(
                        path,
                        proceed=lambda: save(values, form, True),
                        otherwise=lambda: form.refused(message),
                    )
                else:
                    form.refused(message)

            self.perform(run, done=done, on_error=failed, close=form.saved)

        fields = [_field("path", "tui.summary.path", value=str(default), required=True)]
        self._simple_form(title, "", fields + (extra or []), save)

    def _confirm_overwrite(
        self, path: Path, proceed: Callable[[], None], otherwise: Callable[[], None]
    ) -> None:
        from workbench.tui.screens.confirm import ConfirmScreen

        def answer(yes: bool | None) -> None:
            if yes:
                proceed()
            else:
                otherwise()

        self.push_screen(ConfirmScreen(t("tui.summary.replace", path=str(path))), answer)

    def save_report(self, request: Any, fmt: str) -> None:
        """w on the summary screen."""
        from workbench import locations
        from workbench.cli.reports import default_name, period_label
        from workbench.service import reports

        label = period_label(request.period) if request.period else str(request.instruction_id)
        kind = "ledger" if fmt == "xlsx" else request.kind
        default = locations.documents_dir() / default_name(kind, label, fmt, request.leader)
        self._save_as(
            "tui.summary.save",
            default,
            lambda path, values, overwrite: reports.write(
                self.workbench, request, fmt, path, overwrite=overwrite
            ),
            done=lambda path: t("tui.summary.written", path=str(path)),
        )

    def export_data(self, fmt: str) -> None:
        """Everything (json), tasks for Taskwarrior, or deadlines for a calendar (ics)."""
        from workbench import locations
        from workbench.service.interchange import export_file, suggested_name

        self._save_as(
            f"tui.export.{fmt}",
            locations.documents_dir() / suggested_name(fmt, self.workbench.now()),
            lambda path, values, overwrite: export_file(
                self.workbench, path, fmt, overwrite=overwrite,
                include_confidential=values["confidential"],
            ),
            done=lambda result: " ".join(result.lines()),
            extra=[
                _field("confidential", "tui.export.confidential", kind="check", value=False,
                       hint="tui.export.confidential_hint")
            ],
        )  # fmt: skip

    def import_data(self) -> None:
        """A workbench JSON export or Taskwarrior's `task export`; all or nothing."""
        from workbench.service.interchange import import_file

        self._change_from_form(
            "tui.import.title",
            "",
            [_field("path", "tui.summary.path", required=True, hint="tui.import.hint",
                    placeholder="tui.import.placeholder")],
            lambda v: import_file(self.workbench, Path(v["path"]).expanduser()),
            lambda result: " ".join(result.lines()),
        )  # fmt: skip
