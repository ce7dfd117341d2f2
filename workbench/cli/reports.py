"""`workbench summary` and `workbench brief` (DESIGN.md's contract).

Reports go to stdout in md, text or json; docx and xlsx always go to a file (the one given
with -o, else one named after the period in the current folder), and the command says
where. No file is ever replaced without --overwrite. Everything is imported lazily so that
`import workbench.cli.main` stays fast.
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from workbench.i18n import t

if TYPE_CHECKING:
    from workbench.domain.summary import Period

FORMATS = ("md", "text", "json", "docx", "xlsx")
_UNSAFE = re.compile(r'[\\/:*?"<>|\s\x00-\x1f]+')


def _day(wb: Any, text: str) -> date:
    """An ISO date, or any date phrase the workbench understands."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        value = wb.parse_date(text).value
        return value.date() if isinstance(value, datetime) else value


def choose_period(wb: Any, flags: dict[str, bool], start: str | None, end: str | None
                  ) -> Period:  # fmt: skip
    """The one period the options name; this month when none is named."""
    from workbench.domain.summary import Period

    chosen = [name for name, on in flags.items() if on]
    if len(chosen) + (start is not None) > 1:
        raise click.UsageError(t("report.error.one_period"))
    if end is not None and start is None:
        raise click.UsageError(t("report.error.to_without_from"))
    today = wb.now().date()
    if start is not None:
        first = _day(wb, start)
        last = _day(wb, end) if end is not None else today
        if last < first:
            raise click.UsageError(t("report.error.range", start=first.isoformat(),
                                     end=last.isoformat()))  # fmt: skip
        return Period(first, last)
    name = chosen[0] if chosen else "month"
    return {
        "week": Period.this_week, "last_week": Period.last_week,
        "month": Period.this_month, "last_month": Period.last_month,
    }[name](today)  # fmt: skip


def period_label(period: Period) -> str:
    """2026-11 for a month, 2026-W48 for a week, 2026-11-01_2026-11-15 otherwise."""
    if period.kind == "month":
        return f"{period.start:%Y-%m}"
    if period.kind == "week":
        year, week, _ = period.start.isocalendar()
        return f"{year}-W{week:02d}"
    return f"{period.start.isoformat()}_{period.end.isoformat()}"


_EXTENSIONS = {"text": "txt"}
"""A format whose files are known by another ending: a .text file opens nowhere on a
double click."""


def default_name(kind: str, label: str, fmt: str, who: str | None = None) -> str:
    """辦理情況匯總_2026-11.docx — a name that is safe on every file system."""
    parts = [t(f"report.file.{kind}"), label]
    if who:
        parts.append(who)
    stem = "_".join(_UNSAFE.sub("_", p).strip("_.") for p in parts if p)
    return f"{stem}.{_EXTENSIONS.get(fmt, fmt)}"


def _output(wb: Any, request: Any, fmt: str, output: Path | None, overwrite: bool,
            label: str) -> None:  # fmt: skip
    """Text formats to stdout (or -o); docx and xlsx always to a file."""
    from workbench.service import reports

    if output is None and fmt in reports.TEXT_FORMATS:
        text = reports.render(wb, request, fmt)
        click.echo(text, nl=not text.endswith("\n"))
        return
    if output is None:
        kind = "ledger" if fmt == "xlsx" else request.kind
        output = Path.cwd() / default_name(kind, label, fmt, request.leader or request.owner)
    path = reports.write(wb, request, fmt, output, overwrite=overwrite)
    click.echo(t("report.cli.written", path=str(path)))


def register(cli: click.Group) -> None:
    """Add `summary` and `brief` to the command tree."""

    @cli.command("summary", help=t("report.cli.summary"))
    @click.option("--week", is_flag=True, help=t("report.cli.week"))
    @click.option("--last-week", is_flag=True, help=t("report.cli.last_week"))
    @click.option("--month", is_flag=True, help=t("report.cli.month"))
    @click.option("--last-month", is_flag=True, help=t("report.cli.last_month"))
    @click.option("--from", "start", metavar="DATE", default=None, help=t("report.cli.from"))
    @click.option("--to", "end", metavar="DATE", default=None, help=t("report.cli.to"))
    @click.option("--leader", default=None, help=t("report.cli.leader"))
    @click.option("--owner", default=None, help=t("report.cli.owner"))
    @click.option("--instruction", "instruction_id", type=int, default=None,
                  help=t("report.cli.instruction"))  # fmt: skip
    @click.option("--include-confidential", is_flag=True,
                  help=t("report.cli.include_confidential"))  # fmt: skip
    @click.option("--format", "fmt", type=click.Choice(FORMATS), default="md",
                  show_default=True, help=t("report.cli.format"))  # fmt: skip
    @click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), metavar="FILE",
                  default=None, help=t("report.cli.output"))  # fmt: skip
    @click.option("--overwrite", is_flag=True, help=t("report.cli.overwrite"))
    @click.pass_obj
    def summary(obj: Any, week: bool, last_week: bool, month: bool, last_month: bool,
                start: str | None, end: str | None, leader: str | None, owner: str | None,
                instruction_id: int | None, include_confidential: bool, fmt: str,
                output: Path | None, overwrite: bool) -> None:  # fmt: skip
        if leader and owner:
            raise click.UsageError(t("report.error.leader_and_owner"))
        from workbench.service.reports import ReportRequest

        wb = obj.workbench()
        if instruction_id is not None:
            if fmt == "xlsx":
                raise click.UsageError(t("report.error.xlsx_instruction"))
            request = ReportRequest("instruction", instruction_id=instruction_id,
                                    include_confidential=include_confidential)  # fmt: skip
            _output(wb, request, fmt, output, overwrite, str(instruction_id))
            return
        flags = {"week": week, "last_week": last_week, "month": month,
                 "last_month": last_month}  # fmt: skip
        period = choose_period(wb, flags, start, end)
        request = ReportRequest("summary", period=period, leader=leader, owner=owner,
                                include_confidential=include_confidential)  # fmt: skip
        _output(wb, request, fmt, output, overwrite, period_label(period))

    @cli.command("brief", help=t("report.cli.brief"))
    @click.option("--json", "as_json", is_flag=True, help=t("report.cli.json"))
    @click.pass_obj
    def brief(obj: Any, as_json: bool) -> None:
        from workbench.domain import report_text as RT
        from workbench.service import reports

        result = reports.brief(obj.workbench())
        if as_json:
            click.echo(json.dumps(RT.brief_json(result), ensure_ascii=False, indent=2))
        else:
            click.echo(RT.brief_text(result), nl=False)
