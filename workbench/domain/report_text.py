"""Reports in words: Markdown, plain text for a chat message, and JSON.

Each report is first laid out as a list of blocks (title, headings, fields, quoted user text,
tables, numbered lines) in the interface language; the Markdown, plain-text and Word
renderers only decide how a block looks. So the three always say the same thing.

User text is data. Feedback and reasons are quoted whole, as entered, line breaks included
(不貪污信息). In Markdown every character that could change the document's structure is
escaped; plain text has no markup at all, so it can be pasted into a message as it is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any

from workbench.domain.humanize import format_date, weekday_name
from workbench.domain.models import Due, Extension, Feedback, InstructionStatus, due_to_iso
from workbench.domain.records import record
from workbench.domain.summary import (
    Brief,
    Counts,
    Entry,
    EntryKind,
    InstructionReport,
    Item,
    Ledger,
    Outcome,
    Period,
    Summary,
)
from workbench.domain.text import one_line, without_controls
from workbench.i18n import get_language, t

HEADING_CONTENT = 40
"""Characters of an instruction's content kept in a report's heading (the body has it all)."""

BRIEF_LIMIT = 10
"""Lines per list in the briefing; the rest are counted, not shown."""


# --------------------------------------------------------------------------- words


def _chinese() -> bool:
    return get_language().startswith("zh")


def day_text(day: date) -> str:
    """2026年11月26日 / 26 November 2026."""
    if isinstance(day, datetime):
        day = day.date()
    return format_date(day)


def due_text(value: Due) -> str:
    """A deadline: the day, and the time when it has one."""
    if isinstance(value, datetime):
        return t("report.date_time", date=day_text(value), time=f"{value:%H:%M}")
    return day_text(value)


_DIGITS = "零一二三四五六七八九"


def chinese_number(n: int) -> str:
    """一, 十二, 一百零五 … up to 9999 (beyond that, digits)."""
    if not 0 < n < 10000:
        return str(n)
    parts = []
    zero = False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = n // value % 10
        if digit:
            if zero:
                parts.append("零")
                zero = False
            parts.append(_DIGITS[digit] + unit)
        elif parts:
            zero = True
    text = "".join(parts)
    return text[1:] if text.startswith("一十") else text


def item_number(n: int) -> str:
    """（一） / (1): the second level of numbering."""
    return t("report.item_number", n=chinese_number(n) if _chinese() else n)


def section(n: int, key: str) -> str:
    """一、總體情況 / 1. Overview."""
    return t("report.section", n=chinese_number(n) if _chinese() else n, title=t(key))


def rate_text(rate: float | None) -> str:
    """50% / 66.7% / — (no divisor)."""
    if rate is None:
        return "—"
    return f"{rate * 100:.1f}".removesuffix(".0") + "%"


def _plural(key: str, n: int, **params: object) -> str:
    """English needs the singular; the catalogue has `key.one` for it."""
    return t(f"{key}.one" if n == 1 else key, n=n, **params)


def days_words(item: Item) -> str:
    """還有3天 / 今天到期 / 已逾期2天, for an open item with a deadline."""
    if item.overdue:
        return _plural("report.days_overdue", item.days_overdue or 1)
    if item.days_left is None:
        return ""
    if item.days_left <= 0:
        return t("report.due_today")
    return _plural("report.days_left", item.days_left)


def _content_heading(text: str) -> str:
    words = one_line(text)
    if len(words) > HEADING_CONTENT:
        words = words[: HEADING_CONTENT - 1] + "…"
    return words


def _mark(item: Item) -> str:
    return t("report.confidential_mark") if item.confidential else ""


def _owner(name: str) -> str:
    return one_line(name) or t("report.no_owner")


def _status(status: InstructionStatus) -> str:
    return t(f"instr_status.{status.value}")


def _feedback_label(key: str, fb: Feedback) -> str:
    return t(key, date=day_text(fb.at) if fb.at else "", channel=t(f"channel.{fb.channel.value}"),
             kind=t(f"feedback_kind.{fb.kind.value}"))  # fmt: skip


# --------------------------------------------------------------------------- blocks


@record(frozen=True, slots=True)
class Title:
    text: str


@record(frozen=True, slots=True)
class Subtitle:
    text: str


@record(frozen=True, slots=True)
class Heading:
    text: str
    level: int = 1


@record(frozen=True, slots=True)
class Para:
    text: str


@record(frozen=True, slots=True)
class Field:
    """A short labelled value on one line."""

    label: str
    value: str


@record(frozen=True, slots=True)
class Quote:
    """User text quoted whole under a label."""

    label: str
    text: str


@record(frozen=True, slots=True)
class Table:
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@record(frozen=True, slots=True)
class Numbered:
    lines: tuple[str, ...]


Block = Title | Subtitle | Heading | Para | Field | Quote | Table | Numbered


def clean_blocks(blocks: Iterable[Block]) -> list[Block]:
    """The blocks with every text cleaned of escape sequences and control characters
    (line breaks kept): for showing a report on a screen, where stored text written by
    another program must not reach the terminal as anything but text."""

    def clean(text: str) -> str:
        return without_controls(text, keep_newlines=True)

    out: list[Block] = []
    for block in blocks:
        match block:
            case Heading(text, level):
                out.append(Heading(clean(text), level))
            case Title(text) | Subtitle(text) | Para(text):
                out.append(type(block)(clean(text)))
            case Field(label, value):
                out.append(Field(clean(label), clean(value)))
            case Quote(label, text):
                out.append(Quote(clean(label), clean(text)))
            case Table(headers, rows):
                out.append(Table(tuple(map(clean, headers)),
                                 tuple(tuple(map(clean, row)) for row in rows)))  # fmt: skip
            case Numbered(lines):
                out.append(Numbered(tuple(map(clean, lines))))
    return out


# --------------------------------------------------------------------------- Markdown

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~&])")
_MD_LINE_START = re.compile(r"^(\s*)([-+=]|\d+(?=[.)]))")


def md_escape(text: str, *, starts_line: bool = True) -> str:
    """Text that Markdown shows as it is: no emphasis, links, HTML, headings or lists.
    `starts_line` False is for text after other text on its line (a table cell, a value
    after its label), where list and heading marks mean nothing."""
    lines = []
    for line in text.split("\n"):
        line = _MD_SPECIAL.sub(r"\\\1", line)
        match = _MD_LINE_START.match(line) if starts_line else None
        if match:
            lead, mark = match.groups()
            rest = line[match.end() :]
            line = f"{lead}{mark}\\{rest}" if mark.isdigit() else f"{lead}\\{mark}{rest}"
        lines.append(line)
    return lines[0] if len(lines) == 1 else _hard_breaks(lines)


def _hard_breaks(lines: Sequence[str]) -> str:
    """Join lines so that Markdown keeps each break (a backslash at a line's end);
    a blank line stays a paragraph break."""
    out = []
    for i, line in enumerate(lines):
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if line.strip() and nxt is not None and nxt.strip():
            out.append(line + "\\")
        else:
            out.append(line)
    return "\n".join(out)


def _md_cell(text: str) -> str:
    return md_escape(one_line(text), starts_line=False) or " "


def _md_block(block: Block) -> str:
    match block:
        case Title(text):
            return "# " + md_escape(one_line(text), starts_line=False)
        case Subtitle(text) | Para(text):
            return md_escape(text)
        case Heading(text, level):
            return "#" * (level + 1) + " " + md_escape(one_line(text), starts_line=False)
        case Field(label, value):
            value = md_escape(one_line(value), starts_line=False)
            return f"- **{md_escape(label, starts_line=False)}**{t('report.colon')}{value}"
        case Quote(label, text):
            body = md_escape(text).split("\n")
            quoted = "\n".join(("> " + line) if line.strip() else ">" for line in body)
            label = md_escape(one_line(label), starts_line=False)
            return f"**{label}**{t('report.colon')}".rstrip() + f"\n\n{quoted}"
        case Table(headers, rows):
            lines = ["| " + " | ".join(_md_cell(h) for h in headers) + " |",
                     "|" + "|".join(" --- " for _ in headers) + "|"]  # fmt: skip
            lines += ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in rows]
            return "\n".join(lines)
        case Numbered(lines):
            return "\n".join(f"{i}. {md_escape(one_line(line), starts_line=False)}"
                             for i, line in enumerate(lines, 1))  # fmt: skip
    raise TypeError(block)


def to_markdown(blocks: Iterable[Block]) -> str:
    out: list[str] = []
    previous: Block | None = None
    for block in blocks:
        text = _md_block(block)
        if out:
            out.append("\n" if isinstance(block, Field) and isinstance(previous, Field) else "\n\n")
        out.append(text)
        previous = block
    return "".join(out) + "\n"


# --------------------------------------------------------------------------- plain text


def _text_block(block: Block) -> str:
    match block:
        case Title(text) | Heading(text, _):
            return one_line(text)
        case Subtitle(text) | Para(text):
            return text
        case Field(label, value):
            return f"{label}{t('report.colon')}{value}"
        case Quote(label, text):
            return f"{label}{t('report.colon')}".rstrip() + "\n" + text
        case Table(headers, rows):
            lines = []
            for row in rows:
                cells = [
                    t("report.text_cell", label=h, value=one_line(c))
                    for h, c in zip(headers[1:], row[1:], strict=True)
                ]
                lines.append(f"{one_line(row[0])}{t('report.colon')}"
                             + t("report.detail_separator").join(cells))  # fmt: skip
            return "\n".join(lines)
        case Numbered(lines):
            return "\n".join(f"{i}. {one_line(line)}" for i, line in enumerate(lines, 1))
    raise TypeError(block)


def to_text(blocks: Iterable[Block]) -> str:
    """Plain text: no markup characters of its own, blank lines between blocks."""
    out: list[str] = []
    previous: Block | None = None
    for block in blocks:
        if out:
            out.append("\n" if isinstance(block, Field) and isinstance(previous, Field) else "\n\n")
        out.append(_text_block(block))
        previous = block
    return "".join(out) + "\n"


# --------------------------------------------------------------------------- the summary


def period_text(period: Period) -> str:
    return t("report.period", start=day_text(period.start), end=day_text(period.end))


def as_of_day(summary_period: Period, as_of: datetime) -> date:
    """The last day the state covers: the period's end once it is over, else today."""
    if as_of >= summary_period.end_instant:
        return summary_period.end
    return as_of.date()


def summary_title(summary: Summary) -> str:
    scope = summary.scope
    if scope.leader:
        return t("report.summary.title.leader", leader=one_line(scope.leader))
    if scope.owner:
        return t("report.summary.title.owner", owner=one_line(scope.owner))
    return t("report.summary.title")


def _delta(n: int) -> str:
    if n > 0:
        return t("report.delta.up", n=n)
    if n < 0:
        return t("report.delta.down", n=-n)
    return t("report.delta.same")


def _rate_delta(now: float | None, before: float | None) -> str:
    if now is None or before is None:
        return t("report.delta.incomparable")
    points = round((now - before) * 100, 1)
    value = f"{abs(points):.1f}".removesuffix(".0")
    if points > 0:
        return t("report.delta.points_up", n=value)
    if points < 0:
        return t("report.delta.points_down", n=value)
    return t("report.delta.same")


def _signed(n: int) -> str:
    return f"{n:+d}" if n else "0"


def _signed_points(now: float | None, before: float | None) -> str:
    if now is None or before is None:
        return "—"
    points = round((now - before) * 100, 1)
    if not points:
        return "0"
    return t("report.points", n=f"{points:+.1f}".removesuffix(".0"))


_COUNT_ROWS = (
    ("total", "report.count.total"),
    ("new", "report.count.new"),
    ("in_progress", "report.count.in_progress"),
    ("done", "report.count.done"),
    ("done_on_time", "report.count.done_on_time"),
    ("done_on_time_original", "report.count.done_on_time_original"),
    ("done_on_time_extended", "report.count.done_on_time_extended"),
    ("done_late", "report.count.done_late"),
    ("overdue", "report.count.overdue"),
    ("cancelled", "report.count.cancelled"),
)


def counts_table(counts: Counts, previous: Counts | None) -> Table:
    headers = [t("report.table.item"), t("report.table.this_period")]
    if previous is not None:
        headers += [t("report.table.previous"), t("report.table.change")]
    rows: list[tuple[str, ...]] = []
    for name, key in _COUNT_ROWS:
        row = [t(key), str(getattr(counts, name))]
        if previous is not None:
            before = getattr(previous, name)
            row += [str(before), _signed(getattr(counts, name) - before)]
        rows.append(tuple(row))
    for name, key in (("completion_rate", "report.count.completion_rate"),
                      ("on_time_rate", "report.count.on_time_rate")):  # fmt: skip
        now_rate = getattr(counts, name)
        row = [t(key), rate_text(now_rate)]
        if previous is not None:
            before_rate = getattr(previous, name)
            row += [rate_text(before_rate), _signed_points(now_rate, before_rate)]
        rows.append(tuple(row))
    return Table(tuple(headers), tuple(rows))


def overview_sentence(summary: Summary) -> str:
    c = summary.counts
    completion = rate_text(c.completion_rate)
    if c.cancelled and c.completion_rate is not None:
        # 2 closed of 10 is not 20% when one was withdrawn: say what the rate is out of.
        completion = t("report.rate.withdrawn_excluded", rate=completion, cancelled=c.cancelled)
    return t(
        "report.summary.overview",
        total=c.total, new=c.new, as_of=day_text(as_of_day(summary.period, summary.as_of)),
        done=c.done, completion_rate=completion, on_time=c.done_on_time,
        extended=t("report.summary.on_time_extended", extended=c.done_on_time_extended)
        if c.done_on_time_extended else "",
        on_time_rate=rate_text(c.on_time_rate),
        in_progress=c.in_progress, overdue=c.overdue, cancelled=c.cancelled,
    )  # fmt: skip


def change_sentence(summary: Summary) -> str | None:
    before = summary.previous
    if before is None:
        return None
    c = summary.counts
    return t(
        "report.summary.change",
        period=period_text(summary.previous_period),
        total=_delta(c.total - before.total), done=_delta(c.done - before.done),
        overdue=_delta(c.overdue - before.overdue),
        completion_rate=_rate_delta(c.completion_rate, before.completion_rate),
        on_time_rate=_rate_delta(c.on_time_rate, before.on_time_rate),
    )  # fmt: skip


def _outcome_text(item: Item) -> str:
    if item.outcome is Outcome.LATE:
        assert item.deadline is not None
        return t("report.outcome.late", deadline=due_text(item.deadline))
    if item.outcome is Outcome.ON_TIME_EXTENDED:
        assert item.original_deadline is not None
        return t("report.outcome.extended", original=due_text(item.original_deadline))
    if item.deadline is None:
        return t("report.outcome.no_deadline")
    return t("report.outcome.on_time")


def _deadline_words(item: Item) -> str:
    """辦理時限 of an open item: the date, the light and the time left."""
    light = t("report.light", light=t(f"light.{item.light.value}"))
    if item.deadline is None:
        return t("report.deadline.none_light", light=light)
    left = days_words(item)  # none for one closed since (listed for its problems)
    text = t("report.deadline.open" if left else "report.deadline.light",
             deadline=due_text(item.deadline), light=light, left=left)  # fmt: skip
    if item.extensions and item.original_deadline is not None:
        text += t("report.deadline.extended", original=due_text(item.original_deadline),
                  n=len(item.extensions))  # fmt: skip
    return text


def _who(item: Item) -> list[Block]:
    instr = item.instruction
    blocks: list[Block] = [Field(t("report.field.leader"), one_line(instr.leader))]
    if instr.owner:
        blocks.append(Field(t("report.field.owner"), one_line(instr.owner)))
    if instr.co_handlers:
        blocks.append(Field(t("report.field.co_handlers"), one_line(instr.co_handlers)))
    return blocks


def _item_heading(n: int, item: Item) -> Heading:
    return Heading(item_number(n) + _content_heading(item.instruction.content) + _mark(item), 2)


def _done_blocks(n: int, item: Item) -> list[Block]:
    assert item.closed is not None
    blocks: list[Block] = [_item_heading(n, item), *_who(item)]
    blocks.append(Field(t("report.field.closed"), day_text(item.closed)))
    blocks.append(Field(t("report.field.outcome"), _outcome_text(item)))
    fb = item.last_feedback
    if fb is not None:
        blocks.append(Quote(_feedback_label("report.quote.final", fb), fb.content))
    else:
        blocks.append(Field(t("report.field.final"), t("report.no_feedback")))
    if item.instruction.closing_note:
        blocks.append(Quote(t("report.quote.closing_note"), item.instruction.closing_note))
    return blocks


def _open_blocks(n: int, item: Item) -> list[Block]:
    blocks: list[Block] = [_item_heading(n, item), *_who(item)]
    blocks.append(Field(t("report.field.status"), _status(item.status)))
    blocks.append(Field(t("report.field.deadline"), _deadline_words(item)))
    if item.feedback_due:
        blocks.append(Field(t("report.field.feedback_due"), t("report.feedback_due")))
    fb = item.last_feedback
    if fb is not None:
        blocks.append(Quote(_feedback_label("report.quote.latest", fb), fb.content))
    else:
        blocks.append(Field(t("report.field.latest"), t("report.no_feedback")))
    if item.next_step:
        blocks.append(Quote(t("report.quote.next_step"), item.next_step))
    return blocks


def _chase_words(item: Item) -> str:
    if not item.chases:
        return t("report.chase.none")
    last = item.chases[-1]
    return _plural("report.chase.count", len(item.chases), date=day_text(last.at),
                   level=t(f"chase_level.{last.level.value}"))  # fmt: skip


def _attention_blocks(n: int, item: Item) -> list[Block]:
    blocks: list[Block] = [_item_heading(n, item), *_who(item)]
    blocks.append(Field(t("report.field.deadline"), _deadline_words(item)))
    blocks.append(Field(t("report.field.chases"), _chase_words(item)))
    for fb in item.problems:
        blocks.append(Quote(_feedback_label("report.quote.problem", fb), fb.content))
    return blocks


def _upcoming_line(item: Item) -> str:
    instr = item.instruction
    assert item.deadline is not None
    line = t("report.upcoming.line", deadline=due_text(item.deadline),
             content=one_line(instr.content), leader=one_line(instr.leader),
             owner=_owner(instr.owner))  # fmt: skip
    if item.next_step:
        line += t("report.upcoming.next", step=one_line(item.next_step))
    return line + _mark(item)


def summary_blocks(summary: Summary) -> list[Block]:
    """情況通報 in the usual official shape: 一 to 五."""
    blocks: list[Block] = [Title(summary_title(summary))]
    as_of = day_text(as_of_day(summary.period, summary.as_of))
    blocks.append(Subtitle(t("report.summary.subtitle", period=period_text(summary.period),
                             as_of=as_of)))  # fmt: skip
    if summary.scope.include_confidential:
        blocks.append(Subtitle(t("report.includes_confidential")))

    blocks.append(Heading(section(1, "report.section.overview")))
    blocks.append(Para(overview_sentence(summary)))
    change = change_sentence(summary)
    if change:
        blocks.append(Para(change))
    blocks.append(counts_table(summary.counts, summary.previous))

    blocks.append(Heading(section(2, "report.section.done")))
    if not summary.done:
        blocks.append(Para(t("report.none.done")))
    for n, item in enumerate(summary.done, 1):
        blocks += _done_blocks(n, item)

    blocks.append(Heading(section(3, "report.section.in_progress")))
    if not summary.in_progress:
        blocks.append(Para(t("report.none.in_progress")))
    for n, item in enumerate(summary.in_progress, 1):
        blocks += _open_blocks(n, item)

    blocks.append(Heading(section(4, "report.section.attention")))
    attention = summary.overdue + summary.problems
    if not attention:
        blocks.append(Para(t("report.none.attention")))
    for n, item in enumerate(attention, 1):
        blocks += _attention_blocks(n, item)
    if summary.lagging_owners:
        names = t("report.list_separator").join(
            _plural("report.owner_count", count, owner=_owner(owner))
            for owner, count in summary.lagging_owners
        )
        blocks.append(Para(t("report.lagging", owners=names)))

    blocks.append(Heading(section(5, "report.section.next")))
    until = day_text(summary.upcoming_until)
    if summary.upcoming:
        blocks.append(Para(t("report.upcoming.intro", start=as_of, end=until)))
        blocks.append(Numbered(tuple(_upcoming_line(i) for i in summary.upcoming)))
    else:
        blocks.append(Para(t("report.upcoming.none", start=as_of, end=until)))
    if summary.overdue:
        blocks.append(Para(_plural("report.upcoming.chase", len(summary.overdue))))
    return blocks


def summary_markdown(summary: Summary) -> str:
    return to_markdown(summary_blocks(summary))


def summary_text(summary: Summary) -> str:
    return to_text(summary_blocks(summary))


# --------------------------------------------------------------------------- 一事一文


def _entry_blocks(n: int, entry: Entry) -> list[Block]:
    when = day_text(entry.at)
    head = item_number(n)
    if entry.kind is EntryKind.FEEDBACK:
        fb = entry.feedback
        assert fb is not None
        blocks: list[Block] = [Quote(head + _feedback_label("report.entry.feedback", fb),
                                     fb.content)]  # fmt: skip
        if fb.next_step:
            blocks.append(Quote(t("report.quote.next_step"), fb.next_step))
        return blocks
    if entry.kind is EntryKind.EXTENSION:
        ext = entry.extension
        assert ext is not None
        old = due_text(ext.old) if ext.old is not None else t("report.deadline.none")
        label = head + t("report.entry.extension", date=when, old=old, new=due_text(ext.new))
        return [Quote(label, ext.reason)]
    if entry.kind is EntryKind.CHASE:
        chase = entry.chase
        assert chase is not None
        label = head + t("report.entry.chase", date=when,
                         level=t(f"chase_level.{chase.level.value}"))  # fmt: skip
        if chase.whom:
            label += t("report.entry.chase_whom", whom=one_line(chase.whom))
        if chase.channel is not None:
            label += t("report.entry.chase_channel", channel=t(f"channel.{chase.channel.value}"))
        return [Quote(label, chase.note)] if chase.note else [Para(label)]
    key = "report.entry.closed" if entry.kind is EntryKind.CLOSED else "report.entry.cancelled"
    label = head + t(key, date=when)
    return [Quote(label, entry.note)] if entry.note else [Para(label)]


def instruction_title(report: InstructionReport) -> str:
    return t("report.instr.title", content=_content_heading(report.item.instruction.content))


def _opening(report: InstructionReport) -> str:
    instr = report.item.instruction
    source = t("report.instr.source", source=one_line(instr.source)) if instr.source else ""
    received = day_text(instr.created) if instr.created else "—"
    if instr.issued_on is not None:
        return t("report.instr.opening", leader=one_line(instr.leader),
                 issued=day_text(instr.issued_on), content=instr.content, source=source,
                 received=received)  # fmt: skip
    return t("report.instr.opening_undated", leader=one_line(instr.leader),
             content=instr.content, source=source, received=received)  # fmt: skip


def _basics(report: InstructionReport) -> list[Block]:
    item = report.item
    blocks = _who(item)
    blocks.append(Field(t("report.field.status"), _status(item.status)))
    if item.is_open:
        blocks.append(Field(t("report.field.deadline"), _deadline_words(item)))
    else:
        deadline = due_text(item.deadline) if item.deadline else t("report.deadline.none")
        blocks.append(Field(t("report.field.deadline"), deadline))
    if item.extensions and item.original_deadline is not None:
        blocks.append(Field(t("report.field.original"), due_text(item.original_deadline)))
    if item.extensions:
        blocks.append(Field(t("report.field.extensions"),
                            _plural("report.times", len(item.extensions))))  # fmt: skip
        blocks.append(Numbered(tuple(
            t("report.extension.line", date=day_text(e.at),
              old=due_text(e.old) if e.old is not None else t("report.deadline.none"),
              new=due_text(e.new), reason=one_line(e.reason))
            for e in item.extensions
        )))  # fmt: skip
    blocks.append(Field(t("report.field.chases"), _chase_words(item)))
    if item.tasks_total:
        tasks = t("report.tasks", done=item.tasks_done, total=item.tasks_total)
        blocks.append(Field(t("report.field.tasks"), tasks))
    if item.closed is not None and item.status is InstructionStatus.DONE:
        blocks.append(Field(t("report.field.closed"), day_text(item.closed)))
        blocks.append(Field(t("report.field.outcome"), _outcome_text(item)))
    elif item.closed is not None:
        blocks.append(Field(t("report.field.cancelled"), day_text(item.closed)))
    return blocks


def _suggestions(report: InstructionReport) -> list[Block]:
    item = report.item
    blocks: list[Block] = []
    if not item.is_open and item.instruction.closing_note:
        key = "report.quote.closing_note" if item.status is InstructionStatus.DONE else (
            "report.quote.cancel_reason")  # fmt: skip
        blocks.append(Quote(t(key), item.instruction.closing_note))
    if item.is_open and item.next_step:
        blocks.append(Quote(t("report.quote.next_step"), item.next_step))
    for fb in report.open_problems:
        blocks.append(Quote(_feedback_label("report.quote.open_problem", fb), fb.content))
    if not blocks:
        blocks.append(Para(t("report.none.suggestions")))
    return blocks


def instruction_blocks(report: InstructionReport) -> list[Block]:
    """辦理情況報告: heading, opening, 一、落實過程, 二、基本情況, 三、意見和建議."""
    item = report.item
    blocks: list[Block] = [Title(instruction_title(report))]
    if item.confidential:
        blocks.append(Subtitle(t("report.confidential_mark").strip()))
    blocks.append(Para(_opening(report)))
    blocks.append(Heading(section(1, "report.section.process")))
    if not report.timeline:
        blocks.append(Para(t("report.none.process")))
    for n, entry in enumerate(report.timeline, 1):
        blocks += _entry_blocks(n, entry)
    blocks.append(Heading(section(2, "report.section.basics")))
    blocks += _basics(report)
    blocks.append(Heading(section(3, "report.section.suggestions")))
    blocks += _suggestions(report)
    blocks.append(Para(t("report.instr.as_of", date=day_text(report.as_of))))
    return blocks


def instruction_markdown(report: InstructionReport) -> str:
    return to_markdown(instruction_blocks(report))


def instruction_text(report: InstructionReport) -> str:
    return to_text(instruction_blocks(report))


# --------------------------------------------------------------------------- the ledger


def ledger_headers() -> list[str]:
    return [t(f"report.ledger.{name}") for name in LEDGER_COLUMNS]


LEDGER_COLUMNS = ("number", "leader", "content", "source", "owner", "co_handlers", "deadline",
                  "status", "latest", "remarks")  # fmt: skip


def ledger_remarks(item: Item) -> str:
    """備注: extensions and the original deadline, days overdue, 機要."""
    notes = []
    if item.extensions:
        original = item.original_deadline
        notes.append(_plural("report.remark.extended", len(item.extensions),
                             original=due_text(original) if original is not None
                             else t("report.deadline.none")))  # fmt: skip
    if item.overdue:
        notes.append(_plural("report.remark.overdue", item.days_overdue or 1))
    if item.outcome is Outcome.LATE:
        notes.append(t("report.remark.closed_late"))
    if item.chases:
        notes.append(_plural("report.remark.chased", len(item.chases)))
    if item.confidential:
        notes.append(t("report.remark.confidential"))
    return t("report.remark.separator").join(notes)


def ledger_rows(ledger: Ledger) -> list[list[Any]]:
    """One row per instruction; the deadline stays a date (or datetime) for Excel."""
    rows = []
    for n, item in enumerate(ledger.items, 1):
        instr = item.instruction
        fb = item.last_feedback
        rows.append([
            n, instr.leader, instr.content, instr.source, instr.owner, instr.co_handlers,
            item.deadline, _status(item.status), fb.content if fb else "", ledger_remarks(item),
        ])  # fmt: skip
    return rows


def ledger_title(ledger: Ledger) -> str:
    return t("report.ledger.title", period=period_text(ledger.period))


# --------------------------------------------------------------------------- JSON


def _ts(value: datetime | None) -> str | None:
    return value.isoformat(timespec="seconds") if value is not None else None


def _feedback_json(fb: Feedback) -> dict[str, Any]:
    return {
        "id": fb.id,
        "at": _ts(fb.at),
        "channel": fb.channel.value,
        "kind": fb.kind.value,
        "content": fb.content,
        "next_step": fb.next_step,
        "leader": fb.leader,
        "revision_of": fb.revision_of,
    }


def _extension_json(ext: Extension) -> dict[str, Any]:
    return {"at": _ts(ext.at), "old": due_to_iso(ext.old), "new": due_to_iso(ext.new),
            "reason": ext.reason}  # fmt: skip


def item_json(item: Item) -> dict[str, Any]:
    """One instruction as it stood: stable English codes, ISO dates, texts whole."""
    instr = item.instruction
    last_chase = item.chases[-1] if item.chases else None
    return {
        "id": instr.id,
        "leader": instr.leader,
        "content": instr.content,
        "source": instr.source,
        "owner": instr.owner,
        "co_handlers": instr.co_handlers,
        "confidential": instr.confidential,
        "issued_on": instr.issued_on.isoformat() if instr.issued_on else None,
        "registered": _ts(instr.created),
        "new": item.is_new,
        "status": item.status.value,
        "deadline": due_to_iso(item.deadline),
        "original_deadline": due_to_iso(item.original_deadline),
        "extensions": [_extension_json(e) for e in item.extensions],
        "closed": _ts(item.closed),
        "closing_note": instr.closing_note if item.closed else "",
        "outcome": item.outcome.value if item.outcome else None,
        "light": item.light.value,
        "overdue": item.overdue,
        "days_overdue": item.days_overdue,
        "days_left": item.days_left,
        "feedback_due": item.feedback_due,
        "chase_count": len(item.chases),
        "chase_level": last_chase.level.value if last_chase else None,
        "last_chase": _ts(last_chase.at) if last_chase else None,
        "last_feedback": _feedback_json(item.last_feedback) if item.last_feedback else None,
        "next_step": item.next_step,
        "problems": [_feedback_json(fb) for fb in item.problems],
        "tasks_done": item.tasks_done,
        "tasks_total": item.tasks_total,
    }


def _rates(counts: Counts) -> dict[str, float | None]:
    return {
        "completion_rate": None if counts.completion_rate is None
        else round(counts.completion_rate, 4),
        "on_time_rate": None if counts.on_time_rate is None else round(counts.on_time_rate, 4),
    }  # fmt: skip


def summary_json(summary: Summary) -> dict[str, Any]:
    """`{"period": {"from", "to"}, "counts": {...}, "instructions": [...]}`; the counts also
    carry the rates, the split of on-time closings, the as-of day, the previous period's
    counts and the change."""
    counts: dict[str, Any] = {**summary.counts.as_dict(), **_rates(summary.counts)}
    counts["as_of"] = as_of_day(summary.period, summary.as_of).isoformat()
    if summary.previous is not None and summary.change is not None:
        prev = summary.previous_period
        counts["previous"] = {
            "from": prev.start.isoformat(), "to": prev.end.isoformat(),
            **summary.previous.as_dict(), **_rates(summary.previous),
        }  # fmt: skip
        counts["change"] = summary.change.as_dict()
    return {
        "period": {"from": summary.period.start.isoformat(), "to": summary.period.end.isoformat()},
        "counts": counts,
        "instructions": [item_json(i) for i in summary.items],
    }


def _entry_json(entry: Entry) -> dict[str, Any]:
    data: dict[str, Any] = {"at": _ts(entry.at), "kind": entry.kind.value}
    if entry.feedback is not None:
        data["feedback"] = _feedback_json(entry.feedback)
    if entry.extension is not None:
        data["extension"] = _extension_json(entry.extension)
    if entry.chase is not None:
        c = entry.chase
        channel = c.channel.value if c.channel else None
        data["chase"] = {"level": c.level.value, "whom": c.whom, "channel": channel,
                         "note": c.note}  # fmt: skip
    if entry.kind in (EntryKind.CLOSED, EntryKind.CANCELLED):
        data["note"] = entry.note
    return data


def instruction_json(report: InstructionReport) -> dict[str, Any]:
    return {
        "as_of": _ts(report.as_of),
        "instruction": item_json(report.item),
        "timeline": [_entry_json(e) for e in report.timeline],
        "open_problems": [_feedback_json(fb) for fb in report.open_problems],
    }


# --------------------------------------------------------------------------- the briefing


def _brief_task(task) -> str:
    line = one_line(task.title)
    if task.due is not None:
        line += t("report.brief.due", due=due_text(task.due))
    return line + (t("report.confidential_mark") if task.confidential else "")


def _brief_item(item: Item) -> str:
    line = one_line(item.instruction.content)
    details = [one_line(item.instruction.leader)]
    if item.deadline is not None:
        details.append(days_words(item))
    if item.instruction.owner:
        details.append(t("report.brief.owner", owner=one_line(item.instruction.owner)))
    if item.chases:
        details.append(_plural("report.remark.chased", len(item.chases)))
    return line + t("report.brief.details", details=t("report.detail_separator").join(details)) + (
        _mark(item))  # fmt: skip


def brief_text(brief: Brief) -> str:
    """The briefing as short plain text in the interface language."""
    today = brief.now.date()
    out = [t("report.brief.title", date=day_text(today),
             weekday=weekday_name(today))]  # fmt: skip
    if brief.is_empty:
        out += ["", t("report.brief.nothing")]
        return "\n".join(out) + "\n"
    groups = [
        ("report.brief.overdue_tasks", [_brief_task(x) for x in brief.overdue_tasks[:BRIEF_LIMIT]],
         brief.overdue_total),
        ("report.brief.today_tasks", [_brief_task(x) for x in brief.today_tasks], None),
        ("report.brief.red", [_brief_item(i) for i in brief.red], None),
        ("report.brief.yellow", [_brief_item(i) for i in brief.yellow], None),
        ("report.brief.feedback_due", [_brief_item(i) for i in brief.feedback_due], None),
    ]  # fmt: skip
    for key, lines, total in groups:
        if lines:
            count = len(lines) if total is None else total
            out += ["", _plural(key, count)]
            out += _numbered_limited(lines, count)
    if brief.upcoming:
        out += ["", t("report.brief.upcoming", until=day_text(brief.upcoming_until))]
        out += _numbered_limited([
            t(f"report.brief.upcoming_{d.kind}", due=due_text(d.due), title=one_line(d.title))
            + (t("report.confidential_mark") if d.confidential else "")
            for d in brief.upcoming
        ])  # fmt: skip
    return "\n".join(out) + "\n"


def _numbered_limited(lines: list[str], total: int | None = None) -> list[str]:
    """The first lines, numbered, and how many more there are of `total` (default: all
    the lines given)."""
    shown = [f"{i}. {line}" for i, line in enumerate(lines[:BRIEF_LIMIT], 1)]
    total = len(lines) if total is None else total
    if total > len(shown):
        shown.append(t("report.brief.more", n=total - len(shown)))
    return shown


def _task_json(task) -> dict[str, Any]:
    return {"id": task.id, "title": task.title, "due": due_to_iso(task.due),
            "importance": task.importance.value, "urgent": task.urgent,
            "instruction_id": task.instruction_id, "confidential": task.confidential}  # fmt: skip


def brief_json(brief: Brief) -> dict[str, Any]:
    return {
        "now": _ts(brief.now),
        "overdue_tasks": [_task_json(x) for x in brief.overdue_tasks],
        "overdue_total": brief.overdue_total,
        "today_tasks": [_task_json(x) for x in brief.today_tasks],
        "red": [item_json(i) for i in brief.red],
        "yellow": [item_json(i) for i in brief.yellow],
        "feedback_due": [item_json(i) for i in brief.feedback_due],
        "upcoming": {
            "until": brief.upcoming_until.isoformat(),
            "deadlines": [
                {"kind": d.kind, "id": d.id, "title": d.title, "due": due_to_iso(d.due),
                 "confidential": d.confidential}
                for d in brief.upcoming
            ],
        },
    }
