"""Report use cases: read what a report needs from the store and let the summary engine
judge it. Nothing here writes to the database; files are written by `report_files`.

Confidential (機要) instructions are left out of summaries, reports and the ledger unless
the caller asks for them. The daily briefing includes them, marked, by default: it is the
secretary's own attention list, like the lists on the main screen.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.domain.records import record
from workbench.domain.summary import (
    BRIEF_WORKING_DAYS,
    Brief,
    Dossier,
    InstructionReport,
    Ledger,
    Period,
    Scope,
    Summary,
    build_brief,
    summarize,
)
from workbench.domain.summary import instruction_report as _instruction_report
from workbench.domain.summary import ledger as _ledger
from workbench.service.errors import InvalidInput, NotFound
from workbench.store import reports as Q

if TYPE_CHECKING:
    from workbench.domain.models import Light
    from workbench.domain.report_text import Block
    from workbench.service.workbench import Workbench


def _dossiers(wb: Workbench, period: Period, scope: Scope, *, feedback: bool) -> list[Dossier]:
    store = wb.store
    found = Q.instructions_alive(
        store, period.start_instant, period.end_instant, leader=scope.leader,
        owner=scope.owner, include_confidential=scope.include_confidential,
    )  # fmt: skip
    if not feedback:
        return [Dossier(i) for i in found]
    ids = [i.id for i in found if i.id is not None]
    reports = Q.feedback_for_summary(store, ids, period.start_instant, period.end_instant)
    progress = Q.task_progress(store, ids)
    return [
        Dossier(i, tuple(reports.get(i.id, ())), *progress.get(i.id, (0, 0)))  # type: ignore[arg-type]
        for i in found
    ]


def summary(
    wb: Workbench,
    period: Period,
    *,
    leader: str | None = None,
    owner: str | None = None,
    include_confidential: bool = False,
    compare: bool = True,
) -> Summary:
    """情況通報 of `period`, with the previous period's counts unless `compare` is False."""
    scope = Scope(leader or None, owner or None, include_confidential)
    current = _dossiers(wb, period, scope, feedback=True)
    previous = _dossiers(wb, period.previous(), scope, feedback=False) if compare else None
    return summarize(current, period, wb.now(), previous=previous, scope=scope,
                     calendar=wb.calendar, yellow_days=wb.config.yellow_days)  # fmt: skip


def ledger(
    wb: Workbench,
    period: Period,
    *,
    leader: str | None = None,
    owner: str | None = None,
    include_confidential: bool = False,
) -> Ledger:
    """督辦台賬: the instructions alive in `period`, each as it stood at the period's end."""
    return _ledger(summary(wb, period, leader=leader, owner=owner,
                           include_confidential=include_confidential, compare=False))  # fmt: skip


def instruction_report(
    wb: Workbench, instruction_id: int, *, include_confidential: bool = False
) -> InstructionReport:
    """辦理情況報告 of one instruction, with all of its feedback, as it stands now."""
    store = wb.store
    instr = store.get_instruction(instruction_id)
    if instr is None or instr.deleted is not None:
        raise NotFound("error.not_found.instruction", id=instruction_id)
    if instr.confidential and not include_confidential:
        raise InvalidInput("report.error.confidential", id=instruction_id)
    done, total = Q.task_progress(store, [instruction_id]).get(instruction_id, (0, 0))
    dossier = Dossier(instr, tuple(store.feedback_of(instruction_id)), done, total)
    return _instruction_report(dossier, wb.now(), wb.calendar, wb.config.yellow_days)


BRIEF_OVERDUE = 100
"""Overdue tasks a briefing lists by name (the longest overdue first); it counts the rest."""


def brief(wb: Workbench, *, include_confidential: bool = True) -> Brief:
    """Today's briefing: due and overdue tasks, red and yellow instructions, reports owed,
    deadlines in the next three working days."""
    now = wb.now()
    until = wb.calendar.add_working_days(now.date(), BRIEF_WORKING_DAYS)
    limit = datetime.combine(until + timedelta(days=1), time.min)
    store = wb.store
    overdue, overdue_total = Q.open_tasks_overdue(
        store, now, cap=BRIEF_OVERDUE, include_confidential=include_confidential
    )
    coming = Q.open_tasks_due_between(
        store, now, limit, include_confidential=include_confidential
    )
    found = Q.open_instructions_needing_attention(
        store, limit, include_confidential=include_confidential
    )
    last = Q.latest_feedback(store, [i.id for i in found if i.id is not None])
    dossiers = [Dossier(i, (last[i.id],) if i.id in last else ()) for i in found]
    return build_brief(now, overdue + coming, dossiers, wb.calendar, wb.config.yellow_days,
                       overdue_total=overdue_total)  # fmt: skip


def tasks_done_per_day(
    wb: Workbench, period: Period, *, include_confidential: bool = False
) -> dict[date, int]:
    """Tasks completed on each day of `period`, every day present (zero when none)."""
    counts = Q.tasks_done_per_day(wb.store, period.start_instant, period.end_instant,
                                  include_confidential=include_confidential)  # fmt: skip
    return {
        period.start + timedelta(days=n): counts.get(period.start + timedelta(days=n), 0)
        for n in range(period.days)
    }


@record(frozen=True)
class ReportRequest:
    """Which report: a period's summary (情況通報), one instruction's report (一事一文) or
    the ledger (督辦台賬) — for the command line and the summary screen alike."""

    kind: str
    """summary, instruction or ledger."""
    period: Period | None = None
    instruction_id: int | None = None
    leader: str | None = None
    owner: str | None = None
    include_confidential: bool = False


TEXT_FORMATS = ("md", "text", "json")
FILE_FORMATS = {"summary": ("md", "text", "json", "docx", "xlsx"),
                "instruction": ("md", "text", "json", "docx"),
                "ledger": ("xlsx",)}  # fmt: skip


def render(wb: Workbench, request: ReportRequest, fmt: str) -> str:
    """The report as Markdown, plain text (for pasting into a message) or JSON.

    Stored text is clean when this program stored it; what another program wrote into the
    file is cleaned here too, so a report never carries a terminal escape."""
    from workbench.domain.text import without_controls

    return without_controls(_render(wb, request, fmt), keep_newlines=True)


def _read(wb: Workbench, request: ReportRequest) -> InstructionReport | Summary:
    """What the request asks for: one instruction's report, or a period's summary."""
    if request.kind == "instruction":
        assert request.instruction_id is not None
        return instruction_report(wb, request.instruction_id,
                                  include_confidential=request.include_confidential)  # fmt: skip
    assert request.period is not None
    return summary(wb, request.period, leader=request.leader, owner=request.owner,
                   include_confidential=request.include_confidential)  # fmt: skip


def _render(wb: Workbench, request: ReportRequest, fmt: str) -> str:
    import json

    from workbench.domain import report_text as RT

    found = _read(wb, request)
    if isinstance(found, InstructionReport):
        if fmt == "json":
            return json.dumps(RT.instruction_json(found), ensure_ascii=False, indent=2) + "\n"
        return RT.instruction_markdown(found) if fmt == "md" else RT.instruction_text(found)
    if fmt == "json":
        return json.dumps(RT.summary_json(found), ensure_ascii=False, indent=2) + "\n"
    return RT.summary_markdown(found) if fmt == "md" else RT.summary_text(found)


@record(frozen=True)
class Preview:
    """What the summary screen shows of a report, from one reading of the records."""

    blocks: list[Block]
    """The report's blocks, its text cleaned of anything a terminal would act on."""
    text: str
    """The report as plain text, for the clipboard."""
    lights: list[Light] | None = None
    """Of a period's instructions, each one's light (None for one instruction's report)."""
    done_per_day: dict[date, int] | None = None


def preview(wb: Workbench, request: ReportRequest) -> Preview:
    """The report the screen previews; the ledger is previewed as its period's summary.
    The summary is judged once for the blocks, the text and the picture beside them."""
    from workbench.domain import report_text as RT

    found = _read(wb, request)
    if isinstance(found, InstructionReport):
        blocks = RT.clean_blocks(RT.instruction_blocks(found))
        return Preview(blocks, RT.to_text(blocks))
    assert request.period is not None
    blocks = RT.clean_blocks(RT.summary_blocks(found))
    per_day = tasks_done_per_day(wb, request.period,
                                 include_confidential=request.include_confidential)  # fmt: skip
    return Preview(blocks, RT.to_text(blocks), [item.light for item in found.items], per_day)


def write(
    wb: Workbench, request: ReportRequest, fmt: str, path: Path, *, overwrite: bool = False
) -> Path:
    """Write the report in `fmt` to `path` (0600; never replacing a file unless asked)."""
    from workbench.domain.summary import ledger as make_ledger
    from workbench.service import report_files

    if fmt == "xlsx" and request.kind == "instruction":
        raise InvalidInput("report.error.xlsx_instruction")
    if fmt in ("docx", "xlsx"):
        result = _read(wb, request)
        if isinstance(result, InstructionReport):
            return report_files.write_instruction_docx(result, path, overwrite=overwrite)
        if fmt == "docx":
            return report_files.write_summary_docx(result, path, overwrite=overwrite)
        return report_files.write_ledger_xlsx(make_ledger(result), path, summary=result,
                                              overwrite=overwrite)  # fmt: skip
    return report_files.write_text(path, render(wb, request, fmt), overwrite=overwrite)
