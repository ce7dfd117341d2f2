"""Import and export: our JSON (everything, to move or restore), Taskwarrior's JSON
(tasks), and iCalendar (deadlines for a phone's calendar).

Rules, decided here once for the command line and the app:

- An import is all or nothing: one transaction, checked record by record while the file
  streams in; the first bad record (or broken JSON) stops it, names the record and the
  field, and rolls everything back.
- JSON into an empty database keeps every id, so the copy equals the original row for
  row, history included. Into a database with data it merges by uuid: a record already
  there is replaced only when the incoming one is newer by `updated` (feedback, never
  overwritten, is kept as it is); new records get new ids and links are renumbered. The
  history of a record comes with it only when the import creates that record.
- Taskwarrior tasks merge the same way, by uuid and `modified`. A series (status
  `recurring`) becomes one open recurring task under the template's uuid, carrying its
  first pending occurrence's due date, so importing the next `task export` updates it.
- An import is one history event, `import`, whose summary names the file and the counts.
  Undo can take back an import of at most `UNDO_LIMIT` rows that brought no history: its
  event records every row before and after, like any other action. A larger import, or
  one that brought history events, is not undoable (`"undoable": false` in its summary):
  undoing it row by row would be neither quick nor safe, and a backup is the way back.
- Exports go to a temporary file in the target folder, synced, then moved into place,
  readable by the owner only; an existing file is replaced only when asked. Confidential
  records are left out unless asked for.
- Times: Taskwarrior's UTC times and the calendar's local ones use the system's time
  zone. When the zone has a name (TZ, /etc/timezone, /etc/localtime) calendar times carry
  it (TZID with a VTIMEZONE); otherwise they are floating, with a COMMENT saying so.
- Memory stays flat: files are read in chunks and written a record at a time; only maps
  of ids and uuids (a few bytes per record) are kept for the whole file.
"""

from __future__ import annotations

import codecs
import json
import os
import re
import sys
import tempfile
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from datetime import datetime, tzinfo
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from workbench.domain import interchange as X
from workbench.domain import records
from workbench.domain.models import Change
from workbench.domain.records import field
from workbench.i18n import os_problem, t
from workbench.service.errors import WorkbenchError
from workbench.store import interchange as SX
from workbench.store import rows as R

if TYPE_CHECKING:
    from workbench.service.workbench import Workbench, _Recorder

Progress = Callable[[int, int | None], None]
"""Called as work advances: (done, total or None when unknown). Import counts bytes read,
export counts records written."""
Source = Path | str | IO[bytes]
Target = Path | str | IO[str]

FORMATS = ("json", "taskwarrior", "ics")
IMPORT_FORMATS = ("json", "taskwarrior")
UNDO_LIMIT = 1000
"""Rows an undoable import may touch; past this its event records no rows."""
READ_BYTES = 1 << 20
MAX_RECORD_CHARS = 16 << 20
"""A record larger than this is surely not one (an unclosed string, a binary file)."""
_WS = re.compile(r"[ \t\r\n]*")
_DECODER = json.JSONDecoder()
_OURS = re.compile(r'\s*\{\s*"format"\s*:\s*"' + re.escape(X.FORMAT) + '"')


class ImportFailed(WorkbenchError):
    """The file was refused; nothing was imported. The message says where and why."""


class ExportFailed(WorkbenchError):
    """The export could not be written; no file was left behind."""


# --------------------------------------------------------------------------- results


@records.record
class ImportResult:
    """What an import did, for the command line and the app to report."""

    fmt: str
    source: str
    created: Counter[str] = field(default_factory=Counter)
    updated: Counter[str] = field(default_factory=Counter)
    unchanged: Counter[str] = field(default_factory=Counter)
    history: int = 0
    """History events brought in."""
    warnings: list[str] = field(default_factory=list)
    unmapped: Counter[str] = field(default_factory=Counter)
    """Taskwarrior fields that have no place here → number of tasks that had them."""
    undoable: bool = True
    kept_ids: bool = False
    event_id: int | None = None

    @property
    def changed(self) -> int:
        return sum(self.created.values()) + sum(self.updated.values())

    def lines(self) -> list[str]:
        """The outcome in words: one line per kind of record, then the warnings."""
        out = [
            t("interchange.done.import", source=self.source, fmt=t(f"interchange.fmt.{self.fmt}"))
        ]
        for kind in ("instruction", "feedback", "task"):
            new, upd, same = self.created[kind], self.updated[kind], self.unchanged[kind]
            if new or upd or same:
                out.append(t(f"interchange.count.{kind}", created=new, updated=upd, unchanged=same))
        if self.history:
            out.append(t("interchange.count.history", n=self.history))
        if self.changed and not self.undoable:
            out.append(t("interchange.not_undoable"))
        return out


@records.record
class ExportResult:
    fmt: str
    path: Path | None
    counts: Counter[str] = field(default_factory=Counter)
    left_out: int = 0
    """Confidential records not written."""
    warnings: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        parts = [
            t(f"interchange.exported.{kind}", n=n) for kind, n in self.counts.items() if n
        ] or [t("interchange.exported.nothing")]
        where = str(self.path) if self.path else "-"
        out = [t("interchange.done.export", what=t("common.list_sep").join(parts), path=where)]
        if self.left_out:
            out.append(t("interchange.left_out", n=self.left_out))
        return out


# --------------------------------------------------------------------------- time zone


def local_zone() -> tuple[tzinfo | None, str | None]:
    """The system's time zone and its name, if it has one we can name (TZ, /etc/timezone,
    /etc/localtime); (None, None) means "the system's rules, unnamed"."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    env = os.environ.get("TZ")
    if env is not None:
        candidates = [env.lstrip(":")]  # TZ rules the clock, even when it is no zone name
    else:
        candidates = []
        with suppress(OSError):
            candidates.append(Path("/etc/timezone").read_text(encoding="utf-8").strip())
        target = os.path.realpath("/etc/localtime")
        if "/zoneinfo/" in target:
            candidates.append(target.split("/zoneinfo/", 1)[1])
    for key in candidates:
        if not key or key.startswith("/"):
            continue
        try:
            return ZoneInfo(key), key
        except (ZoneInfoNotFoundError, ValueError, OSError):
            continue
    return None, None


# --------------------------------------------------------------------------- reading


class _Reader:
    """A file read as UTF-8 text a chunk at a time, and parsed one JSON value at a time
    (`json.JSONDecoder.raw_decode` over a sliding buffer), so that a file of any size is
    never all in memory and its position is known for messages."""

    def __init__(self, raw: IO[bytes], total: int | None, progress: Progress | None) -> None:
        self._raw = raw
        self._decoder = codecs.getincrementaldecoder("utf-8-sig")()
        self._progress = progress
        self.total = total
        self.read = 0
        self.buf = ""
        self.pos = 0
        self.eof = False
        self._line = 1
        """Line number of buf[0]."""
        self._col = 0
        """Characters between the last line break before buf[0] and buf[0]."""
        self.where: Callable[[], str] = str
        """Says which record is being read, for a message about broken JSON."""

    def fill(self) -> bool:
        if self.eof:
            return False
        data = self._raw.read(READ_BYTES)
        try:
            text = self._decoder.decode(data, final=not data)
        except UnicodeDecodeError as err:
            raise ImportFailed("interchange.error.encoding", offset=self.read + err.start) from None
        self.read += len(data)
        self.eof = not data
        if self.pos:
            dropped = self.buf[: self.pos]
            breaks = dropped.count("\n")
            if breaks:
                self._line += breaks
                self._col = len(dropped) - dropped.rfind("\n") - 1
            else:
                self._col += len(dropped)
            self.buf = self.buf[self.pos :]
            self.pos = 0
        self.buf += text
        if self._progress is not None:
            self._progress(self.read, self.total)
        return True

    def peek(self) -> str:
        """The next character that is not white space ("" at the end)."""
        while True:
            self.pos = _WS.match(self.buf, self.pos).end()  # type: ignore[union-attr]
            if self.pos < len(self.buf):
                return self.buf[self.pos]
            if not self.fill():
                return ""

    def broken(self, pos: int | None = None) -> ImportFailed:
        pos = self.pos if pos is None else pos
        before = self.buf[:pos]
        breaks = before.count("\n")
        line = self._line + breaks
        col = (pos - before.rfind("\n") - 1 if breaks else self._col + pos) + 1
        return ImportFailed("interchange.error.syntax", where=self.where(), line=line, column=col)

    def value(self) -> Any:
        self.peek()
        while True:
            try:
                obj, end = _DECODER.raw_decode(self.buf, self.pos)
            except json.JSONDecodeError as err:
                if self._truncated(err) and self.fill():
                    continue
                raise self.broken(err.pos) from None
            except RecursionError:
                # Thousands of nested brackets: no record of ours or Taskwarrior's is shaped so.
                raise ImportFailed("interchange.error.nesting", where=self.where()) from None
            if end == len(self.buf) and self.fill():
                continue  # a number or a word may go on in the next chunk
            self.pos = end
            return obj

    def _truncated(self, err: json.JSONDecodeError) -> bool:
        """Could more text complete the value? (An error at the end of what we have, or an
        unclosed string, within the size a record may have.)"""
        if len(self.buf) - self.pos > MAX_RECORD_CHARS:
            return False
        return err.pos >= len(self.buf) - 16 or err.msg.startswith("Unterminated string")

    def expect(self, char: str) -> None:
        if self.peek() != char:
            raise self.broken()
        self.pos += 1

    def items(self) -> Iterator[Any]:
        """The values of the array that starts here."""
        self.expect("[")
        if self.peek() == "]":
            self.pos += 1
            return
        while True:
            yield self.value()
            char = self.peek()
            self.pos += 1
            if char == "]":
                return
            if char != ",":
                self.pos -= 1
                raise self.broken()

    def at_end(self) -> None:
        if self.peek() != "":
            raise self.broken()


@contextmanager
def _opened(source: Source) -> Iterator[tuple[IO[bytes], int | None, str]]:
    """(binary stream, size in bytes or None, name for messages)."""
    if isinstance(source, str | Path):
        path = Path(source)
        if str(source) == "-":
            yield sys.stdin.buffer, None, "-"
            return
        try:
            handle = path.open("rb")
        except OSError as err:
            raise ImportFailed(
                "interchange.error.open", file=str(path), problem=os_problem(err)
            ) from None
        with handle:
            try:
                size: int | None = os.fstat(handle.fileno()).st_size
            except OSError:
                size = None
            yield handle, size, path.name
        return
    yield source, None, getattr(source, "name", "-") or "-"


def detect_format(head: bytes) -> str:
    """`json` for our export, `taskwarrior` for any other JSON array or objects."""
    text = head.decode("utf-8", "ignore").lstrip("\ufeff")
    if _OURS.match(text):
        return "json"
    if text.lstrip()[:1] in ("[", "{"):
        return "taskwarrior"
    raise ImportFailed("interchange.error.unknown_format")


def _peek_head(handle: IO[bytes]) -> tuple[bytes, IO[bytes]]:
    """The first bytes of a stream without consuming them."""
    if handle.seekable():
        head = handle.read(4096)
        handle.seek(0)
        return head, handle
    import io

    buffered = handle if isinstance(handle, io.BufferedReader) else io.BufferedReader(handle)  # type: ignore[arg-type]
    return buffered.peek(4096)[:4096], buffered


# --------------------------------------------------------------------------- importing


class _Importer:
    """One import in progress, inside the transaction of its history event."""

    def __init__(self, wb: Workbench, result: ImportResult, keep_ids: bool):
        self.store = wb.store
        self.result = result
        self.keep_ids = keep_ids
        self.zone, _ = local_zone()
        self.now = wb.now()
        self.pending: list[tuple[int, R.Row, Any]] = []
        self.seen: dict[str, dict[str, int]] = {t: {} for t in SX.RECORD_TABLES}
        self.seen_ids: dict[str, set[int]] = {t: set() for t in SX.ALL_TABLES}
        self.id_map: dict[str, dict[int, int]] = {t: {} for t in SX.ALL_TABLES}
        self.created_old: dict[str, set[int]] = {t: set() for t in SX.RECORD_TABLES}
        self.revisions: list[tuple[int, str]] = []
        self.event_links: list[tuple[int, int | None, int | None]] = []
        self.touched: list[tuple[str, int, R.Row | None]] | None = []
        self.dangling = 0
        self.skipped_history = 0
        self.section = "tasks"
        self.current = 1
        """The number of the record being read (from 1)."""
        # Taskwarrior series
        self.templates: dict[str, X.TwTask] = {}
        self.carriers: set[str] = set()
        self.extra_instances = 0
        self.truncated = 0

    # ------------------------------------------------------------ errors and bookkeeping

    def failed(self, index: int, record: Any, err: X.RecordError) -> ImportFailed:
        uuid = X.record_uuid(record)
        where = self.where(index) + (t("interchange.where.uuid", uuid=uuid) if uuid else "")
        return ImportFailed(
            "interchange.error.record", where=where, field=err.field, problem=err.describe()
        )

    def where(self, index: int) -> str:
        return t(
            "interchange.where.record",
            section=t(f"interchange.section.{self.section}"),
            number=index,
        )

    def unique(self, table: str, uuid: str, index: int, record: Any) -> None:
        first = self.seen[table].setdefault(uuid, index)
        if first != index:
            raise self.failed(
                index,
                record,
                X.RecordError("uuid", "interchange.problem.duplicate", first=first, uuid=uuid),
            )

    def unique_id(self, table: str, row_id: int, index: int, record: Any) -> None:
        if row_id in self.seen_ids[table]:
            raise self.failed(
                index, record, X.RecordError("id", "interchange.problem.duplicate_id", id=row_id)
            )
        self.seen_ids[table].add(row_id)

    def touch(self, table: str, row_id: int, before: R.Row | None) -> None:
        """Remember a changed row for undo, while the import stays small enough to undo."""
        if self.touched is None:
            return
        if len(self.touched) >= UNDO_LIMIT:
            self.touched = None
            return
        self.touched.append((table, row_id, before))

    def new_id(self, table: str, old: int | None, new: int) -> None:
        """Remember where a record of the file landed (a restore keeps ids: nothing to do)."""
        if old is not None and not self.keep_ids:
            self.id_map[table][old] = new

    # ------------------------------------------------------------ our JSON

    def add(self, section: str, index: int, record: Any) -> None:
        table = _TABLE_OF[section]
        try:
            if section == "instructions":
                row, extensions, chases = X.instruction_from_record(record)
                extra: Any = (extensions, chases)
            elif section == "feedback":
                row, extra = X.feedback_from_record(record)
            elif section == "tasks":
                row, extra = X.task_from_record(record)
            else:
                row, extra = X.event_from_record(record)
        except X.RecordError as err:
            raise self.failed(index, record, err) from None
        if table != "event":
            self.unique(table, row["uuid"], index, record)
        if self.keep_ids or table == "event":
            self.unique_id(table, row["id"], index, record)
        if self.keep_ids and table == "instruction":
            for name, rows in zip(("extension", "chase"), extra, strict=True):
                for plain in rows:
                    self.unique_id(name, plain["id"], index, record)
        self.pending.append((index, row, extra))
        if len(self.pending) >= SX.CHUNK:
            self.flush(section)

    def flush(self, section: str) -> None:
        batch, self.pending = self.pending, []
        if batch:
            getattr(self, f"_flush_{section}")(batch)

    def end_section(self, section: str) -> None:
        self.flush(section)
        if section == "feedback" and self.revisions:
            missing = SX.set_revisions(self.store, self.revisions)
            self.dangling += len(missing)
            self.revisions = []

    def _split(self, table: str, batch: list[tuple[int, R.Row, Any]]):
        """(new, newer, unchanged) records of a batch, by uuid and `updated`."""
        found = SX.find_uuids(self.store, table, [row["uuid"] for _, row, _ in batch])
        new, newer, same = [], [], []
        for item in batch:
            row = item[1]
            hit = found.get(row["uuid"])
            if hit is None:
                new.append(item)
            elif table != "feedback" and (row["updated"] or "") > (hit[1] or ""):
                newer.append((item, hit[0]))
            else:
                same.append((item, hit[0]))
        return new, newer, same

    def _insert(self, table: str, rows: list[R.Row]) -> list[int]:
        olds = [row.get("id") for row in rows]
        if not self.keep_ids:
            rows = [{k: v for k, v in row.items() if k != "id"} for row in rows]
        ids = SX.insert(self.store, table, rows, keep_ids=self.keep_ids)
        for old, new in zip(olds, ids, strict=True):
            self.new_id(table, old, new)
            self.touch(table, new, None)
            if table in self.created_old and old is not None and not self.keep_ids:
                self.created_old[table].add(old)
        if table in SX.RECORD_TABLES:
            self.result.created[table] += len(ids)
        return ids

    def _update(self, table: str, row_id: int, values: R.Row) -> None:
        before = self.store.row(table, row_id) if self.touched is not None else None
        self.store.update_row(table, row_id, {k: v for k, v in values.items() if k != "id"})
        self.touch(table, row_id, before)
        self.result.updated[table] += 1

    def _flush_instructions(self, batch) -> None:
        new, newer, same = self._split("instruction", batch)
        ids = self._insert("instruction", [row for _, row, _ in new])
        plain: dict[str, list[R.Row]] = {"extension": [], "chase": []}
        for (_, _, (extensions, chases)), local in zip(new, ids, strict=True):
            plain["extension"] += [{**e, "instruction_id": local} for e in extensions]
            plain["chase"] += [{**c, "instruction_id": local} for c in chases]
        for (_, row, (extensions, chases)), local in newer:
            self.new_id("instruction", row["id"], local)
            self._update("instruction", local, row)
            for table, items in (("extension", extensions), ("chase", chases)):
                have = SX.plain_keys(self.store, table, local)
                plain[table] += [
                    {**p, "instruction_id": local}
                    for p in items
                    if _plain_key(table, p) not in have
                ]
        for (_, row, _), local in same:
            self.new_id("instruction", row["id"], local)
            self.result.unchanged["instruction"] += 1
        for table, rows in plain.items():
            self._insert(table, rows)

    def _link(self, table: str, uuids: list[str | None]) -> dict[str, int]:
        return {
            u: hit[0]
            for u, hit in SX.find_uuids(self.store, table, [u for u in uuids if u]).items()
        }

    def _flush_feedback(self, batch) -> None:
        owners = self._link("instruction", [links.instruction for _, _, links in batch])
        for _, row, links in batch:
            row["instruction_id"] = self._resolve(owners, links.instruction)
        new, _, same = self._split("feedback", batch)
        ids = self._insert("feedback", [row for _, row, _ in new])
        for (_, _, links), local in zip(new, ids, strict=True):
            if links.revision_of:
                self.revisions.append((local, links.revision_of))
        for (_, row, _), local in same:
            self.new_id("feedback", row["id"], local)
            self.result.unchanged["feedback"] += 1

    def _resolve(self, found: dict[str, int], uuid: str | None) -> int | None:
        if uuid is None:
            return None
        local = found.get(uuid)
        if local is None:
            self.dangling += 1
        return local

    def _flush_tasks(self, batch) -> None:
        owners = self._link("instruction", [links.instruction for _, _, links in batch])
        for _, row, links in batch:
            row["instruction_id"] = self._resolve(owners, links.instruction)
        self._write_tasks(batch, from_taskwarrior=False)

    def _write_tasks(self, batch, *, from_taskwarrior: bool) -> None:
        new, newer, same = self._split("task", batch)
        self._insert("task", [row for _, row, _ in new])
        for (_, row, _), local in newer:
            self.new_id("task", row.get("id"), local)
            values = (
                _taskwarrior_update(self.store.row("task", local), row) if from_taskwarrior else row
            )
            self._update("task", local, values)
        for (_, row, _), local in same:
            self.new_id("task", row.get("id"), local)
            self.result.unchanged["task"] += 1

    def _flush_events(self, batch) -> None:
        rows = []
        for _, row, _ in batch:
            links = (row["undoes"], row["undone_by"])
            if not self.keep_ids:
                row = self._remap_event(row)
                if row is None:
                    self.skipped_history += 1
                    continue
            rows.append((row, links))
            row["undoes"] = row["undone_by"] = None  # set once every event exists
        olds = [row["id"] for row, _ in rows]
        ids = SX.insert(self.store, "event", [row for row, _ in rows], keep_ids=self.keep_ids)
        for old, new, (_, links) in zip(olds, ids, rows, strict=True):
            self.new_id("event", old, new)
            if links != (None, None):
                self.event_links.append((new, *links))
        self.result.history += len(ids)

    def _remap_event(self, row: R.Row) -> R.Row | None:
        """An event of a record this import created, renumbered; None when it is about
        records that did not come with the import."""
        entity = row["entity"]
        if entity not in self.created_old or row["entity_id"] not in self.created_old[entity]:
            return None
        row["entity_id"] = self.id_map[entity][row["entity_id"]]
        changes = json.loads(row["changes"])
        for change in changes:
            new = self.id_map[change["table"]].get(change["id"])
            if new is None:
                return None
            change["id"] = new
            for side in ("before", "after"):
                snap = change.get(side)
                if not snap:
                    continue
                if "id" in snap:
                    snap["id"] = new
                for key, table in (("instruction_id", "instruction"), ("revision_of", "feedback")):
                    if snap.get(key) is not None:
                        snap[key] = self.id_map[table].get(snap[key])
                        if snap[key] is None:
                            return None
        row["changes"] = json.dumps(changes, ensure_ascii=False)
        return row

    def end_events(self) -> None:
        self.flush("events")
        if not self.event_links:
            return
        links = []
        for new, undoes, undone_by in self.event_links:
            links.append((new, self._event(undoes), self._event(undone_by)))
        SX.set_event_links(self.store, links)

    def _event(self, old: int | None) -> int | None:
        if old is None:
            return None
        return old if self.keep_ids else self.id_map["event"].get(old)

    # ------------------------------------------------------------ Taskwarrior

    def add_taskwarrior(self, index: int, obj: Any) -> None:
        try:
            task = X.from_taskwarrior(obj, self.now, self.zone)
        except X.RecordError as err:
            raise self.failed(index, obj, err) from None
        self.unique("task", task.row["uuid"], index, obj)
        self.result.unmapped.update(task.unmapped)
        self.truncated += task.truncated
        if task.kind is X.TwKind.TEMPLATE:
            if task.row["uuid"] not in self.carriers:
                self.templates[task.row["uuid"]] = task
            return
        row = task.row
        if task.kind is X.TwKind.INSTANCE:
            row = self._instance(task)
        self._queue_task(index, row)

    def _instance(self, task: X.TwTask) -> R.Row:
        """The first pending occurrence of a series stands for the series, under the
        template's uuid; any other pending occurrence is a task of its own."""
        parent = task.parent
        assert parent is not None
        if parent in self.carriers:
            self.extra_instances += 1
            return {**task.row, "recurrence": None}
        self.carriers.add(parent)
        template = self.templates.pop(parent, None)
        row = {**task.row, "uuid": parent}
        if template is not None:
            row["recurrence"] = row["recurrence"] or template.row["recurrence"]
            row["created"] = min(row["created"], template.row["created"])
        return row

    def _queue_task(self, index: int, row: R.Row) -> None:
        self.pending.append((index, row, None))
        if len(self.pending) >= SX.CHUNK:
            self._write_tasks(self.pending, from_taskwarrior=True)
            self.pending = []

    def end_taskwarrior(self) -> None:
        for template in self.templates.values():
            self._queue_task(0, X.template_row(template))
        self.templates = {}
        self._write_tasks(self.pending, from_taskwarrior=True)
        self.pending = []

    # ------------------------------------------------------------ the event

    def finish(self, rec: _Recorder, name: str) -> None:
        result = self.result
        undoable = self.touched is not None and not result.history
        if undoable:
            for table, row_id, before in self.touched or ():
                after = (
                    self.store.plain_row(table, row_id)
                    if table in ("extension", "chase")
                    else self.store.row(table, row_id)
                )
                rec.changes.append(Change(table, row_id, before, after))
        elif result.changed or result.history:
            # Undo compares each change with the row as it is now; no row has id 0, so this
            # change stops an undo (and any undo past it) until undo learns to say why.
            rec.changes.append(Change("task", 0, None, {"import": "not undoable"}))
        result.undoable = undoable
        result.kept_ids = self.keep_ids
        if self.dangling:
            result.warnings.append(t("interchange.warn.dangling", n=self.dangling))
        if self.skipped_history:
            result.warnings.append(t("interchange.warn.history", n=self.skipped_history))
        if self.truncated:
            result.warnings.append(
                t("interchange.warn.truncated", n=self.truncated, limit=X.MAX_TITLE)
            )
        if self.extra_instances:
            result.warnings.append(t("interchange.warn.instances", n=self.extra_instances))
        if result.unmapped:
            fields = ", ".join(f"{k} ({n})" for k, n in sorted(result.unmapped.items()))
            result.warnings.append(t("interchange.warn.unmapped", fields=fields))
        rec.summary.update(
            content=name,
            file=name,
            format=result.fmt,
            created=dict(result.created),
            updated=dict(result.updated),
            unchanged=dict(result.unchanged),
            history=result.history,
            undoable=undoable,
        )


_TABLE_OF = {
    "instructions": "instruction",
    "feedback": "feedback",
    "tasks": "task",
    "events": "event",
}
_TW_KEEP = ("instruction_id", "confidential", "deleted", "recurrence_workdays")
"""What Taskwarrior does not know: a newer Taskwarrior task leaves these as they are."""


def _plain_key(table: str, row: R.Row) -> tuple[Any, ...]:
    if table == "extension":
        return (row["at"], row["old"], row["new"], row["reason"])
    return (row["at"], row["level"], row["note"])


def _taskwarrior_update(local: R.Row | None, incoming: R.Row) -> R.Row:
    values = {k: v for k, v in incoming.items() if k not in _TW_KEEP}
    if local is not None and local["recurrence"] != incoming["recurrence"]:
        values["recurrence_workdays"] = 0
    return values


def _run_import(
    wb: Workbench, source: Source, fmt: str | None, progress: Progress | None
) -> ImportResult:
    with _opened(source) as (handle, size, name):
        try:
            head, handle = _peek_head(handle)
            fmt = fmt or detect_format(head)
            if fmt not in IMPORT_FORMATS:
                raise ImportFailed("interchange.error.unknown_format")
            reader = _Reader(handle, size, progress)
            result = ImportResult(fmt=fmt, source=name)
            with wb._action("import", "import") as rec:
                importer = _Importer(wb, result, keep_ids=fmt == "json" and SX.is_empty(wb.store))
                if fmt == "json":
                    _read_ours(reader, importer)
                else:
                    _read_taskwarrior(reader, importer)
                importer.finish(rec, name)
        except ImportFailed as err:
            # The cause is kept: the screen words the inner refusal its own way.
            raise ImportFailed("interchange.error.file", file=name, problem=str(err)) from err
        if progress is not None:
            progress(reader.read, size)
        result.event_id = wb.last_event_id
        return result


def _read_ours(reader: _Reader, importer: _Importer) -> None:
    """Header keys, then the sections in `SECTIONS` order, each streamed a record at a time."""
    reader.where = lambda: t("interchange.where.header")
    reader.expect("{")
    header: dict[str, Any] = {}
    checked = False
    done = -1
    while reader.peek() != "}":
        key = reader.value()
        if not isinstance(key, str):
            raise reader.broken()
        reader.expect(":")
        if key not in X.SECTIONS:
            header[key] = reader.value()
        else:
            if not checked:
                _check_header(header)
                checked = True
            order = X.SECTIONS.index(key)
            if order <= done:
                raise ImportFailed(
                    "interchange.error.order", section=key, order=", ".join(X.SECTIONS)
                )
            for skipped in X.SECTIONS[done + 1 : order]:
                _end(importer, skipped)
            done = order
            _read_section(reader, importer, key)
        if reader.peek() != ",":
            break
        reader.pos += 1
    reader.where = lambda: t("interchange.where.end")
    reader.expect("}")
    reader.at_end()
    if not checked:
        _check_header(header)
    for skipped in X.SECTIONS[done + 1 :]:
        _end(importer, skipped)


def _check_header(header: dict[str, Any]) -> None:
    try:
        X.check_header(header)
    except X.RecordError as err:
        raise ImportFailed(
            "interchange.error.header", field=err.field, problem=err.describe()
        ) from None


def _read_section(reader: _Reader, importer: _Importer, section: str) -> None:
    importer.section = section
    importer.current = 1
    reader.where = lambda: importer.where(importer.current)
    for index, record in enumerate(reader.items(), 1):
        importer.add(section, index, record)
        importer.current = index + 1
    _end(importer, section)


def _end(importer: _Importer, section: str) -> None:
    importer.section = section
    if section == "events":
        importer.end_events()
    else:
        importer.end_section(section)


def _read_taskwarrior(reader: _Reader, importer: _Importer) -> None:
    """`task export`: a JSON array, or one object per line (`rc.json.array=off`)."""
    importer.section = "tasks"
    importer.current = 1
    reader.where = lambda: importer.where(importer.current)
    first = reader.peek()
    if first == "[":
        records: Iterator[Any] = reader.items()
    elif first in ("{", ""):
        records = _objects(reader)
    else:
        raise reader.broken()
    for index, obj in enumerate(records, 1):
        importer.add_taskwarrior(index, obj)
        importer.current = index + 1
    reader.at_end()
    importer.end_taskwarrior()


def _objects(reader: _Reader) -> Iterator[Any]:
    while reader.peek() == "{":
        yield reader.value()
        if reader.peek() == ",":
            reader.pos += 1


def import_json(wb: Workbench, source: Source, *, progress: Progress | None = None) -> ImportResult:
    """Import our JSON export: a restore into an empty database, else a merge by uuid."""
    return _run_import(wb, source, "json", progress)


def import_taskwarrior(
    wb: Workbench, source: Source, *, progress: Progress | None = None
) -> ImportResult:
    """Import what `task export` wrote (a JSON array, or one object per line)."""
    return _run_import(wb, source, "taskwarrior", progress)


def import_file(
    wb: Workbench, source: Source, *, fmt: str | None = None, progress: Progress | None = None
) -> ImportResult:
    """Import a file of either format; without `fmt`, the file says which it is."""
    return _run_import(wb, source, fmt, progress)


# --------------------------------------------------------------------------- writing


@contextmanager
def _output(target: Target, overwrite: bool) -> Iterator[tuple[IO[str], Path | None]]:
    """A text stream for the export: the given stream as it is, or a temporary file beside
    the target that becomes the target only once it is complete and on disk."""
    if not isinstance(target, str | Path):
        yield target, None
        return
    from workbench.service import report_files as RF

    path = Path(target).expanduser().absolute()
    if path.exists() and not overwrite:
        raise RF.ReportFileExists("report.error.exists", file=str(path))
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as err:
        raise RF.ReportWriteError(
            "report.error.write", file=str(path), problem=os_problem(err)
        ) from None
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            yield handle, path
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o600)
        if overwrite:
            os.replace(tmp, path)
        else:
            RF._link_new(tmp, path)
    except OSError as err:
        raise RF.ReportWriteError(
            "report.error.write", file=str(path), problem=os_problem(err)
        ) from None
    finally:
        tmp.unlink(missing_ok=True)


class _Counter:
    """Progress over several tables, reported once per chunk."""

    def __init__(self, total: int, progress: Progress | None) -> None:
        self.total, self.done, self.progress = total, 0, progress

    def add(self, n: int) -> None:
        self.done += n
        if self.progress is not None:
            self.progress(self.done, self.total)


def _array(out: IO[str], name: str, records: Iterator[R.Row], last: bool = False) -> None:
    out.write(f'"{name}": [')
    sep = "\n"
    for record in records:
        out.write(sep + X.dumps(record))
        sep = ",\n"
    out.write("\n]" + ("\n" if last else ",\n"))


def export_json(
    wb: Workbench,
    target: Target,
    *,
    include_confidential: bool = False,
    progress: Progress | None = None,
    overwrite: bool = False,
) -> ExportResult:
    """Everything (archived records and history included) as our JSON format."""
    result = ExportResult("json", None)
    with SX.snapshot(wb.store) as snap:
        hidden = (
            {}
            if include_confidential
            else {table: SX.confidential_ids(snap, table) for table in SX.RECORD_TABLES}
        )
        result.left_out = sum(len(ids) for ids in hidden.values())
        total = sum(SX.count(snap, table) for table in (*SX.RECORD_TABLES, "event"))
        counter = _Counter(total, progress)
        head = X.header(wb.now(), include_confidential, snap.db.schema_version)
        with _output(target, overwrite) as (out, path):
            out.write("{" + X.dumps(head)[1:-1] + ",\n")
            _array(out, "instructions", _instructions(snap, hidden, counter, result))
            _array(out, "feedback", _feedback(snap, hidden, counter, result))
            _array(out, "tasks", _tasks(snap, hidden, counter, result))
            _array(out, "events", _events(snap, hidden, counter, result), last=True)
            out.write("}\n")
    result.path = path
    return result


def _visible(rows: list[R.Row], hidden: set[int]) -> list[R.Row]:
    return [row for row in rows if row["id"] not in hidden] if hidden else rows


def _instructions(snap, hidden, counter: _Counter, result: ExportResult) -> Iterator[R.Row]:
    for rows in SX.chunks(snap, "instruction"):
        shown = _visible(rows, hidden.get("instruction", set()))
        ids = [row["id"] for row in shown]
        extensions = SX.plain_rows_of(snap, "extension", ids)
        chases = SX.plain_rows_of(snap, "chase", ids)
        for row in shown:
            yield X.instruction_record(
                row, extensions.get(row["id"], []), chases.get(row["id"], [])
            )
        result.counts["instruction"] += len(shown)
        counter.add(len(rows))


def _link_uuids(snap, table: str, ids, hidden: set[int]) -> dict[int, str]:
    return SX.uuids_of(snap, table, [i for i in ids if i is not None and i not in hidden])


def _feedback(snap, hidden, counter: _Counter, result: ExportResult) -> Iterator[R.Row]:
    for rows in SX.chunks(snap, "feedback"):
        shown = _visible(rows, hidden.get("feedback", set()))
        owners = _link_uuids(
            snap,
            "instruction",
            [r["instruction_id"] for r in shown],
            hidden.get("instruction", set()),
        )
        revised = _link_uuids(
            snap, "feedback", [r["revision_of"] for r in shown], hidden.get("feedback", set())
        )
        for row in shown:
            yield X.feedback_record(
                row, owners.get(row["instruction_id"]), revised.get(row["revision_of"])
            )
        result.counts["feedback"] += len(shown)
        counter.add(len(rows))


def _tasks(snap, hidden, counter: _Counter, result: ExportResult) -> Iterator[R.Row]:
    for rows in SX.chunks(snap, "task"):
        shown = _visible(rows, hidden.get("task", set()))
        owners = _link_uuids(
            snap,
            "instruction",
            [r["instruction_id"] for r in shown],
            hidden.get("instruction", set()),
        )
        for row in shown:
            yield X.task_record(row, owners.get(row["instruction_id"]))
        result.counts["task"] += len(shown)
        counter.add(len(rows))


def _events(snap, hidden, counter: _Counter, result: ExportResult) -> Iterator[R.Row]:
    """History, less any event that shows a record left out (its text is in the event)."""
    for rows in SX.chunks(snap, "event"):
        entities: dict[str, set[int]] = {table: set() for table in SX.RECORD_TABLES}
        parsed = []
        for row in rows:
            changes = json.loads(row["changes"] or "[]")
            if _shows_hidden(row, changes, hidden):
                continue
            parsed.append(row)
            if row["entity"] in entities and row["entity_id"] is not None:
                entities[row["entity"]].add(row["entity_id"])
        uuids = {table: SX.uuids_of(snap, table, ids) for table, ids in entities.items()}
        for row in parsed:
            found = uuids.get(row["entity"], {}).get(row["entity_id"])
            yield X.event_record(row, found or _uuid_in_changes(row))
        result.counts["event"] += len(parsed)
        counter.add(len(rows))


def _shows_hidden(row: R.Row, changes: list[dict[str, Any]], hidden) -> bool:
    if not hidden:
        return False
    if row["entity_id"] in hidden.get(row["entity"], ()):
        return True
    for change in changes:
        if change["id"] in hidden.get(change["table"], ()):
            return True
        for side in ("before", "after"):
            if (change.get(side) or {}).get("confidential"):
                return True
    return False


def _uuid_in_changes(row: R.Row) -> str | None:
    """The uuid of an event's record when the record is gone (an undone add)."""
    for change in json.loads(row["changes"] or "[]"):
        if change["table"] == row["entity"] and change["id"] == row["entity_id"]:
            for side in ("after", "before"):
                if (change.get(side) or {}).get("uuid"):
                    return change[side]["uuid"]
    return None


def export_taskwarrior(
    wb: Workbench,
    target: Target,
    *,
    include_confidential: bool = False,
    progress: Progress | None = None,
    overwrite: bool = False,
) -> ExportResult:
    """Tasks (archived ones as deleted) in the layout of `task export`, for `task import`."""
    result = ExportResult("taskwarrior", None)
    zone, _ = local_zone()
    lost: Counter[str] = Counter()
    with SX.snapshot(wb.store) as snap:
        total = SX.count(snap, "task", include_confidential=include_confidential)
        result.left_out = SX.count(snap, "task") - total
        counter = _Counter(total, progress)
        with _output(target, overwrite) as (out, path):
            out.write("[")
            sep = "\n"
            for rows in SX.chunks(snap, "task", include_confidential=include_confidential):
                for row in rows:
                    record, missing = X.to_taskwarrior(row, zone)
                    lost.update(missing)
                    out.write(sep + X.dumps_compact(record))
                    sep = ",\n"
                result.counts["task"] += len(rows)
                counter.add(len(rows))
            out.write("\n]\n")
        others = SX.count(snap, "instruction") + SX.count(snap, "feedback")
    result.path = path
    if lost:
        fields = ", ".join(f"{k} ({n})" for k, n in sorted(lost.items()))
        result.warnings.append(t("interchange.warn.tw_lost", fields=fields))
    if others:
        result.warnings.append(t("interchange.warn.tasks_only", n=others))
    return result


def export_ics(
    wb: Workbench,
    target: Target,
    *,
    include_confidential: bool = False,
    progress: Progress | None = None,
    overwrite: bool = False,
) -> ExportResult:
    """Open tasks with a due date and open instructions with a deadline, one event each,
    for a calendar; UIDs come from uuids, so importing again updates the same events."""
    result = ExportResult("ics", None)
    zone, key = local_zone()
    if key is None:
        zone = None
    stamp = X.local_to_utc(wb.now().replace(microsecond=0), zone)
    scopes = (("task", "open_dated_task"), ("instruction", "open_dated_instruction"))
    with SX.snapshot(wb.store) as snap:
        total = sum(
            SX.count(snap, table, scope=scope, include_confidential=include_confidential)
            for table, scope in scopes
        )
        result.left_out = sum(SX.count(snap, table, scope=scope) for table, scope in scopes) - total
        counter = _Counter(total, progress)
        with _output(target, overwrite) as (out, path):
            out.write(X.ics_header(zone, key))
            for table, scope in scopes:
                for rows in SX.chunks(
                    snap, table, scope=scope, include_confidential=include_confidential
                ):
                    for row in rows:
                        if table == "task":
                            event = X.task_event(row, stamp, zone)
                        else:
                            event = X.instruction_event(row, stamp, zone, wb.calendar)
                        out.write(event.to_ical().decode("utf-8"))
                    result.counts[table] += len(rows)
                    counter.add(len(rows))
            out.write(X.ICS_END)
    result.path = path
    return result


_EXPORTERS = {"json": export_json, "taskwarrior": export_taskwarrior, "ics": export_ics}


def export_file(
    wb: Workbench,
    target: Target,
    fmt: str = "json",
    *,
    include_confidential: bool = False,
    progress: Progress | None = None,
    overwrite: bool = False,
) -> ExportResult:
    """Export in one of `FORMATS` to a path (atomically, 0600) or an open text stream."""
    if fmt not in _EXPORTERS:
        raise ExportFailed("interchange.error.unknown_export", fmt=fmt, formats=", ".join(FORMATS))
    return _EXPORTERS[fmt](
        wb,
        target,
        include_confidential=include_confidential,
        progress=progress,
        overwrite=overwrite,
    )


def suggested_name(fmt: str, now: datetime) -> str:
    """workbench-2026-11-26.json / .taskwarrior.json / .ics — for a save dialog."""
    suffix = {"json": "json", "taskwarrior": "taskwarrior.json", "ics": "ics"}[fmt]
    return f"workbench-{now:%Y-%m-%d}.{suffix}"
