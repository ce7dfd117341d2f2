"""Moving data in and out: our JSON export, Taskwarrior's JSON, and iCalendar events.

Pure mappings between stored rows (dicts of column → value, the shape of
`workbench.store.rows`) and the records of each format. Reading and writing files, finding
rows and linking them by id belong to the service; here every record is checked and
cleaned on its own, and a bad one raises `RecordError` naming the field.

Our JSON format (`FORMAT`, `VERSION`): one object with a header and four arrays, in this
order — ``instructions`` (each with its ``extensions`` and ``chases``), ``feedback``,
``tasks``, ``events``. Records carry their integer ``id`` and their ``uuid``; links between
records are written as uuids (``instruction``, ``revision_of``) so that a merge into another
database can renumber rows. Values are the stored ones: dates and times as local ISO 8601
without a zone, flags as true/false, tags as a list, a history event's changes and summary
as JSON.

Rules chosen for imported text (it goes through `clean_text` like typed text):
- Our JSON: a title longer than `MAX_TITLE` is an error. Our own exports never hold one,
  so such a file was edited or damaged, and a silent cut would not be lossless.
- Taskwarrior: a longer description is cut to `MAX_TITLE` characters (ending in "…") and
  the whole text is kept as the first line of the notes, with a warning. A Taskwarrior
  user's long description is ordinary, and refusing her whole list for it would help no one.
- Any other text longer than `MAX_TEXT` is an error in both.

Taskwarrior: dates are UTC (``20261127T150000Z``) and become local wall-clock times; a
local time of 00:00:00 or 23:59:59 (what ``due:friday`` and ``due:eod`` give) is an all-day
date, and an all-day date goes out as 23:59:59 local, the end of the day it is due.
Priority H/M/L → importance high/normal/low (normal goes out without a priority). A project
naming a category (辦文 办文 doc, 辦事 办事 affair, 辦會 办会 meeting) sets the category and
goes out again as the category's code; any other project becomes a tag. The special tag
``next`` is the 急 flag both ways. Annotations become dated note lines
(``2026-11-20 14:03 text``) and dated note lines go out as annotations. ``recur`` becomes an
RRULE where one says the same thing; ``scheduled``, ``wait``, ``until``, ``start``,
``depends`` and user-defined attributes have no place here and are reported as not mapped.
"""

from __future__ import annotations

import json
import re
import uuid as uuidlib
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from enum import StrEnum
from functools import cache, lru_cache
from typing import Any

from workbench.domain.calendar import WorkCalendar
from workbench.domain.models import (
    Category,
    Channel,
    ChaseLevel,
    FeedbackKind,
    Importance,
    InstructionStatus,
    TaskStatus,
    due_from_iso,
    due_to_iso,
)
from workbench.domain.records import field, record
from workbench.domain.text import MAX_TEXT, MAX_TITLE, clean_text, one_line
from workbench.i18n import t

FORMAT = "secretary-workbench"
"""The `format` of our JSON export; the first key of the file, so it can be recognised."""

VERSION = 1
"""Bumped when a reader of the previous version would misread a file of the new one."""

SECTIONS = ("instructions", "feedback", "tasks", "events")
"""The arrays of our JSON export, in the order they must come (links point backwards)."""

Row = dict[str, Any]
Zone = tzinfo | None
"""A local time zone; None means the operating system's own rules."""


class RecordError(ValueError):
    """One record is wrong: `field` names where, `problem` (a message key) says how."""

    def __init__(self, field_name: str, problem: str, **params: object) -> None:
        self.field = field_name
        self.problem = problem
        self.params = params
        super().__init__(f"{field_name}: {problem} {params}")

    def describe(self) -> str:
        return t(self.problem, **self.params)


# --------------------------------------------------------------------------- checking fields


class Kind(StrEnum):
    ID = "id"
    UUID = "uuid"
    TITLE = "title"
    LINE = "line"
    TEXT = "text"
    BOOL = "bool"
    INTERVAL = "interval"
    TIMESTAMP = "timestamp"
    DUE = "due"
    DAY = "day"
    ENUM = "enum"
    TAGS = "tags"
    RRULE = "rrule"
    REF = "ref"
    INT = "int"


@record(frozen=True, slots=True)
class Spec:
    kind: Kind
    required: bool = False
    default: Any = None
    choices: type[StrEnum] | None = None


_TYPE_NAMES = {
    Kind.ID: "interchange.type.int",
    Kind.INT: "interchange.type.int",
    Kind.INTERVAL: "interchange.type.int",
    Kind.BOOL: "interchange.type.bool",
    Kind.TAGS: "interchange.type.list",
}


def _wrong_type(name: str, kind: Kind, value: Any) -> RecordError:
    expected = t(_TYPE_NAMES.get(kind, "interchange.type.text"))
    return RecordError(name, "interchange.problem.type", expected=expected, got=_shown(value))


def _shown(value: Any) -> str:
    """A short, safe rendering of a bad value for a message."""
    text = one_line(value if isinstance(value, str) else json.dumps(value, ensure_ascii=False))
    return text if len(text) <= 40 else text[:39] + "…"


# What `clean_text` would change: control characters (C0, DEL, C1 — every escape sequence
# starts with one), unpaired surrogates, and white space at either end.
_DIRTY_LINE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
_DIRTY_TEXT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def clean(text: str, *, multiline: bool = False) -> str:
    """`clean_text`, without its character-by-character pass when there is nothing to
    clean: a large import is mostly clean text."""
    dirty = _DIRTY_TEXT if multiline else _DIRTY_LINE
    if dirty.search(text) is None and text.strip() == text:
        return text
    return clean_text(text, multiline=multiline)


def _clean(name: str, value: Any, *, multiline: bool, limit: int, required: bool) -> str:
    if not isinstance(value, str):
        raise _wrong_type(name, Kind.TEXT, value)
    text = clean(value, multiline=multiline)
    if required and not text:
        raise RecordError(name, "interchange.problem.empty")
    if len(text) > limit:
        raise RecordError(name, "interchange.problem.too_long", limit=limit)
    return text


_CANONICAL_TS = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}")


def _timestamp(name: str, value: Any, spec: Spec | None = None) -> str:
    if not isinstance(value, str):
        raise _wrong_type(name, Kind.TIMESTAMP, value)
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise RecordError(name, "interchange.problem.date", value=_shown(value)) from None
    if moment.tzinfo is not None:
        raise RecordError(name, "interchange.problem.zone", value=_shown(value))
    if _CANONICAL_TS.fullmatch(value):
        return value  # already as the store writes it
    return moment.replace(microsecond=0).isoformat(timespec="seconds")


def _due(name: str, value: Any, spec: Spec | None = None) -> str:
    if not isinstance(value, str):
        raise _wrong_type(name, Kind.DUE, value)
    try:
        parsed = due_from_iso(value)
    except ValueError:
        raise RecordError(name, "interchange.problem.date", value=_shown(value)) from None
    if parsed is None:
        raise RecordError(name, "interchange.problem.date", value=_shown(value))
    if isinstance(parsed, datetime) and parsed.tzinfo is not None:
        raise RecordError(name, "interchange.problem.zone", value=_shown(value))
    return due_to_iso(parsed)  # type: ignore[return-value]


def _day(name: str, value: Any, spec: Spec | None = None) -> str:
    if not isinstance(value, str):
        raise _wrong_type(name, Kind.DAY, value)
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise RecordError(name, "interchange.problem.date", value=_shown(value)) from None


_CANONICAL_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def check_uuid(name: str, value: Any) -> str:
    """The canonical lower-case form of a UUID, or a RecordError."""
    if not isinstance(value, str):
        raise _wrong_type(name, Kind.UUID, value)
    if _CANONICAL_UUID.fullmatch(value):
        return value
    try:
        return str(uuidlib.UUID(value))
    except ValueError:
        raise RecordError(name, "interchange.problem.uuid", value=_shown(value)) from None


def _int(name: str, value: Any, kind: Kind) -> int:
    # bool is an int in Python; in a file, true is not a number.
    if isinstance(value, bool) or not isinstance(value, int):
        raise _wrong_type(name, kind, value)
    if kind is Kind.ID and value < 1:
        raise RecordError(name, "interchange.problem.positive")
    if kind is Kind.INTERVAL and not 1 <= value <= 366:
        raise RecordError(name, "interchange.problem.range", low=1, high=366)
    return value


def _tags(name: str, value: Any, spec: Spec | None = None) -> str:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _wrong_type(name, Kind.TAGS, value)
    return json.dumps(clean_tags(value), ensure_ascii=False)


def clean_tags(values: list[str]) -> list[str]:
    """Tags as `edit_task` stores them: cleaned, without a leading #, once each, in order."""
    out: list[str] = []
    for value in values:
        tag = clean(value).lstrip("#")
        if tag and tag not in out:
            out.append(tag)
    return out


def _rrule(name: str, value: Any, spec: Spec | None = None) -> str:
    if not isinstance(value, str):
        raise _wrong_type(name, Kind.RRULE, value)
    rule = value.strip().removeprefix("RRULE:")
    from dateutil.rrule import rrulestr

    try:
        rrulestr(rule, dtstart=datetime(2000, 1, 1))
    except (ValueError, TypeError, KeyError, IndexError, OverflowError):
        raise RecordError(name, "interchange.problem.rrule", value=_shown(value)) from None
    return rule


@cache
def _allowed(choices: type[StrEnum]) -> tuple[frozenset[str], str]:
    values = [c.value for c in choices]
    return frozenset(values), ", ".join(values)


def _enum(name: str, value: Any, spec: Spec) -> str:
    assert spec.choices is not None
    allowed, listed = _allowed(spec.choices)
    if not isinstance(value, str) or value not in allowed:
        raise RecordError(name, "interchange.problem.value", value=_shown(value), allowed=listed)
    return value


def _bool(name: str, value: Any, spec: Spec) -> int:
    if not isinstance(value, bool):
        raise _wrong_type(name, spec.kind, value)
    return int(value)


_CONVERTERS: dict[Kind, Callable[[str, Any, Spec], Any]] = {
    Kind.TITLE: lambda n, v, s: _clean(n, v, multiline=False, limit=MAX_TITLE, required=True),
    Kind.LINE: lambda n, v, s: _clean(n, v, multiline=False, limit=MAX_TEXT, required=s.required),
    Kind.TEXT: lambda n, v, s: _clean(n, v, multiline=True, limit=MAX_TEXT, required=s.required),
    Kind.BOOL: _bool,
    Kind.ID: lambda n, v, s: _int(n, v, s.kind),
    Kind.INT: lambda n, v, s: _int(n, v, s.kind),
    Kind.INTERVAL: lambda n, v, s: _int(n, v, s.kind),
    Kind.TIMESTAMP: _timestamp,
    Kind.DUE: _due,
    Kind.DAY: _day,
    Kind.UUID: lambda n, v, s: check_uuid(n, v),
    Kind.REF: lambda n, v, s: check_uuid(n, v),
    Kind.ENUM: _enum,
    Kind.TAGS: _tags,
    Kind.RRULE: _rrule,
}


def _convert(name: str, value: Any, spec: Spec) -> Any:
    """One field's stored value from its value in a file."""
    if value is None:
        if spec.required:
            raise RecordError(name, "interchange.problem.missing")
        return spec.default
    return _CONVERTERS[spec.kind](name, value, spec)


def _fields(record: Any, specs: dict[str, Spec]) -> Row:
    if not isinstance(record, dict):
        raise RecordError("-", "interchange.problem.not_object", got=_shown(record))
    out: Row = {}
    for name, spec in specs.items():
        if spec.required and name not in record:
            raise RecordError(name, "interchange.problem.missing")
        out[name] = _convert(name, record.get(name), spec)
    return out


def record_uuid(record: Any) -> str | None:
    """The uuid a record claims, for naming it in a message (None if it has none)."""
    if isinstance(record, dict) and isinstance(record.get("uuid"), str):
        return one_line(record["uuid"])[:40]
    return None


# --------------------------------------------------------------------------- our JSON format

_REQ_ID = Spec(Kind.ID, required=True)
_REQ_UUID = Spec(Kind.UUID, required=True)
_LINE = Spec(Kind.LINE, default="")
_TEXT = Spec(Kind.TEXT, default="")
_FLAG = Spec(Kind.BOOL, default=0)
_WHEN = Spec(Kind.TIMESTAMP)
_REQ_WHEN = Spec(Kind.TIMESTAMP, required=True)

TASK_FIELDS: dict[str, Spec] = {
    "id": _REQ_ID,
    "uuid": _REQ_UUID,
    "title": Spec(Kind.TITLE, required=True),
    "notes": _TEXT,
    "importance": Spec(Kind.ENUM, default="normal", choices=Importance),
    "urgent": _FLAG,
    "due": Spec(Kind.DUE),
    "category": Spec(Kind.ENUM, default="other", choices=Category),
    "tags": Spec(Kind.TAGS, default="[]"),
    "status": Spec(Kind.ENUM, default="open", choices=TaskStatus),
    "recurrence": Spec(Kind.RRULE),
    "recurrence_workdays": _FLAG,
    "confidential": _FLAG,
    "created": _REQ_WHEN,
    "updated": _REQ_WHEN,
    "completed": _WHEN,
    "deleted": _WHEN,
}
INSTRUCTION_FIELDS: dict[str, Spec] = {
    "id": _REQ_ID,
    "uuid": _REQ_UUID,
    "leader": Spec(Kind.LINE, required=True),
    "content": Spec(Kind.TEXT, required=True),
    "source": _LINE,
    "issued_on": Spec(Kind.DAY),
    "deadline": Spec(Kind.DUE),
    "owner": _LINE,
    "co_handlers": _LINE,
    "status": Spec(Kind.ENUM, default="new", choices=InstructionStatus),
    "feedback_interval": Spec(Kind.INTERVAL),
    "confidential": _FLAG,
    "created": _REQ_WHEN,
    "updated": _REQ_WHEN,
    "closed": _WHEN,
    "closing_note": _TEXT,
    "deleted": _WHEN,
}
FEEDBACK_FIELDS: dict[str, Spec] = {
    "id": _REQ_ID,
    "uuid": _REQ_UUID,
    "leader": _LINE,
    "at": _REQ_WHEN,
    "channel": Spec(Kind.ENUM, required=True, choices=Channel),
    "kind": Spec(Kind.ENUM, required=True, choices=FeedbackKind),
    "content": Spec(Kind.TEXT, required=True),
    "next_step": _TEXT,
    "confidential": _FLAG,
    "created": _REQ_WHEN,
    "deleted": _WHEN,
}
EXTENSION_FIELDS: dict[str, Spec] = {
    "id": _REQ_ID,
    "old": Spec(Kind.DUE),
    "new": Spec(Kind.DUE, required=True),
    "reason": Spec(Kind.TEXT, required=True),
    "at": _REQ_WHEN,
}
CHASE_FIELDS: dict[str, Spec] = {
    "id": _REQ_ID,
    "at": _REQ_WHEN,
    "level": Spec(Kind.ENUM, required=True, choices=ChaseLevel),
    "whom": _LINE,
    "channel": Spec(Kind.ENUM, choices=Channel),
    "note": _TEXT,
}
_LINKS = {"instruction": Spec(Kind.REF), "revision_of": Spec(Kind.REF)}
_TABLES = ("task", "instruction", "feedback", "extension", "chase")


def header(exported: datetime, include_confidential: bool, schema: int) -> Row:
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported": exported.replace(microsecond=0).isoformat(timespec="seconds"),
        "schema": schema,
        "confidential_included": include_confidential,
    }


def check_header(values: dict[str, Any]) -> None:
    """Refuse a file that is not ours or is of a version we cannot read."""
    if values.get("format") != FORMAT:
        raise RecordError("format", "interchange.problem.format", expected=FORMAT)
    version = values.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise RecordError("version", "interchange.problem.missing")
    if version > VERSION:
        raise RecordError("version", "interchange.problem.version", version=version, ours=VERSION)


def _record(row: Row, specs: dict[str, Spec]) -> Row:
    out: Row = {}
    for name, spec in specs.items():
        value = row[name]
        if spec.kind is Kind.BOOL:
            value = bool(value)
        elif spec.kind is Kind.TAGS:
            value = json.loads(value or "[]")
        out[name] = value
    return out


def task_record(row: Row, instruction_uuid: str | None) -> Row:
    """A stored task as a record of our format (its instruction linked by uuid)."""
    out = _record(row, TASK_FIELDS)
    out["instruction"] = instruction_uuid
    return out


def instruction_record(row: Row, extensions: list[Row], chases: list[Row]) -> Row:
    out = _record(row, INSTRUCTION_FIELDS)
    out["extensions"] = [_record(e, EXTENSION_FIELDS) for e in extensions]
    out["chases"] = [_record(c, CHASE_FIELDS) for c in chases]
    return out


def feedback_record(row: Row, instruction_uuid: str | None, revision_uuid: str | None) -> Row:
    out = _record(row, FEEDBACK_FIELDS)
    out["instruction"] = instruction_uuid
    out["revision_of"] = revision_uuid
    return out


def event_record(row: Row, entity_uuid: str | None) -> Row:
    """A history event; its changes and summary as JSON values, not as text."""
    return {
        "id": row["id"],
        "at": row["at"],
        "action": row["action"],
        "entity": row["entity"],
        "entity_id": row["entity_id"],
        "entity_uuid": entity_uuid,
        "changes": json.loads(row["changes"] or "[]"),
        "summary": json.loads(row["summary"] or "{}"),
        "undoes": row["undoes"],
        "undone_by": row["undone_by"],
    }


def dumps(record: Row) -> str:
    """One record on one line: readable, and the importer can stream it back."""
    return json.dumps(record, ensure_ascii=False, separators=(", ", ": "))


@record(slots=True)
class Links:
    """The uuids a record points to; the service turns them into row ids."""

    instruction: str | None = None
    revision_of: str | None = None


def task_from_record(record: Any) -> tuple[Row, Links]:
    """A task row (without `instruction_id`) and its link, checked and cleaned."""
    row = _fields(record, TASK_FIELDS)
    links = _fields(record, {"instruction": _LINKS["instruction"]})
    row["instruction_id"] = None
    return row, Links(instruction=links["instruction"])


def instruction_from_record(record: Any) -> tuple[Row, list[Row], list[Row]]:
    """An instruction row with its extension and chase rows (without `instruction_id`)."""
    row = _fields(record, INSTRUCTION_FIELDS)
    extensions = _nested(record, "extensions", EXTENSION_FIELDS)
    chases = _nested(record, "chases", CHASE_FIELDS)
    return row, extensions, chases


def _nested(record: Row, name: str, specs: dict[str, Spec]) -> list[Row]:
    items = record.get(name)
    if items is None:
        return []
    if not isinstance(items, list):
        raise _wrong_type(name, Kind.TAGS, items)
    out = []
    for n, item in enumerate(items, 1):
        try:
            out.append(_fields(item, specs))
        except RecordError as err:
            raise RecordError(f"{name}[{n}].{err.field}", err.problem, **err.params) from None
    return out


def feedback_from_record(record: Any) -> tuple[Row, Links]:
    row = _fields(record, FEEDBACK_FIELDS)
    links = _fields(record, _LINKS)
    row["instruction_id"] = None
    row["revision_of"] = None
    return row, Links(links["instruction"], links["revision_of"])


def event_from_record(record: Any) -> tuple[Row, str | None]:
    """An event row (changes and summary as text, as the store keeps them) and the uuid of
    its record. History is kept as it was recorded: every view cleans it when showing it."""
    row = _fields(
        record,
        {
            "id": _REQ_ID,
            "at": _REQ_WHEN,
            "action": Spec(Kind.LINE, required=True),
            "entity": Spec(Kind.LINE, required=True),
            "entity_id": Spec(Kind.INT),
            "undoes": Spec(Kind.ID),
            "undone_by": Spec(Kind.ID),
        },
    )
    entity_uuid = _convert("entity_uuid", record.get("entity_uuid"), Spec(Kind.UUID))
    changes = record.get("changes", [])
    if not isinstance(changes, list):
        raise _wrong_type("changes", Kind.TAGS, changes)
    for n, change in enumerate(changes, 1):
        _check_change(f"changes[{n}]", change)
    summary = record.get("summary", {})
    if not isinstance(summary, dict):
        raise RecordError("summary", "interchange.problem.not_object", got=_shown(summary))
    row["changes"] = json.dumps(changes, ensure_ascii=False)
    row["summary"] = json.dumps(summary, ensure_ascii=False)
    return row, entity_uuid


def _check_change(name: str, change: Any) -> None:
    if not isinstance(change, dict):
        raise RecordError(name, "interchange.problem.not_object", got=_shown(change))
    if change.get("table") not in _TABLES:
        raise RecordError(
            f"{name}.table",
            "interchange.problem.value",
            value=_shown(change.get("table")),
            allowed=", ".join(_TABLES),
        )
    _int(f"{name}.id", change.get("id"), Kind.INT)
    for side in ("before", "after"):
        value = change.get(side)
        if value is not None and not isinstance(value, dict):
            raise RecordError(f"{name}.{side}", "interchange.problem.not_object", got=_shown(value))


# --------------------------------------------------------------------------- local time


def utc_to_local(moment: datetime, zone: Zone) -> datetime:
    """The naive local wall-clock time of an aware moment."""
    return moment.astimezone(zone).replace(tzinfo=None)


def local_to_utc(moment: datetime, zone: Zone) -> datetime:
    """The UTC moment of a naive local wall-clock time."""
    if zone is None:
        return moment.astimezone(UTC)  # naive: read in the system's local time
    return moment.replace(tzinfo=zone).astimezone(UTC)


# --------------------------------------------------------------------------- Taskwarrior

TW_STATUSES = ("pending", "waiting", "completed", "deleted", "recurring")
_TW_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z")
_TW_EPOCH = re.compile(r"\d{9,11}")
_TW_PRIORITY = {"H": "high", "M": "normal", "L": "low"}
_CATEGORY_WORDS = {
    **dict.fromkeys(("辦文", "办文", "doc"), "doc"),
    **dict.fromkeys(("辦事", "办事", "affair"), "affair"),
    **dict.fromkeys(("辦會", "办会", "meeting"), "meeting"),
}
URGENT_TAG = "next"
"""Taskwarrior's special tag that lifts a task to the top: our 急."""

_TW_KNOWN = frozenset(
    {
        "description", "status", "entry", "modified", "end", "due", "priority", "project",
        "tags", "annotations", "recur", "uuid", "parent",
    }
)  # fmt: skip
_TW_IGNORED = frozenset({"id", "urgency", "mask", "imask", "rtype"})
"""Derived by Taskwarrior itself: not data to keep."""
_NOTE_LINE = re.compile(r"(\d{4}-\d{2}-\d{2} \d{2}:\d{2}) (.*)")


class _Naive(ValueError):
    """An ISO time without a zone: Taskwarrior's times are UTC, so this one is ambiguous."""


def _tw_convert(value: str, zone: Zone) -> datetime:
    if m := _TW_COMPACT.fullmatch(value):
        moment = datetime(*map(int, m.groups()), tzinfo=UTC)  # type: ignore[misc]
    elif _TW_EPOCH.fullmatch(value):
        moment = datetime.fromtimestamp(int(value), UTC)
    else:
        moment = datetime.fromisoformat(value)
        if moment.tzinfo is None:
            raise _Naive(value)
    return utc_to_local(moment, zone)


_tw_cached = lru_cache(maxsize=8192)(_tw_convert)
"""Exports repeat their times (entry = modified, shared due dates): convert each once. Only
for a named zone; the system's rules (zone None) may change with TZ."""


def parse_tw_date(name: str, value: Any, zone: Zone) -> datetime:
    """A Taskwarrior date (`20261127T150000Z`, ISO 8601 with a zone, or epoch seconds) as a
    naive local time."""
    if not isinstance(value, str):
        raise _wrong_type(name, Kind.TIMESTAMP, value)
    try:
        return _tw_cached(value, zone) if zone is not None else _tw_convert(value, zone)
    except _Naive:
        raise RecordError(name, "interchange.problem.zone", value=_shown(value)) from None
    except (ValueError, OverflowError):
        raise RecordError(name, "interchange.problem.date", value=_shown(value)) from None


def _tw_format(moment: datetime, zone: Zone) -> str:
    u = local_to_utc(moment, zone)
    return f"{u.year:04d}{u.month:02d}{u.day:02d}T{u.hour:02d}{u.minute:02d}{u.second:02d}Z"


_tw_format_cached = lru_cache(maxsize=8192)(_tw_format)


def tw_date(moment: datetime, zone: Zone) -> str:
    """A local time as Taskwarrior writes it: UTC, `20261127T070000Z`."""
    return _tw_format_cached(moment, zone) if zone is not None else _tw_format(moment, zone)


def _due_from_local(moment: datetime) -> str:
    """00:00:00 and 23:59:59 are how Taskwarrior writes a day without a time."""
    if moment.time() in (time.min, time(23, 59, 59)):
        return moment.date().isoformat()
    return due_to_iso(moment)  # type: ignore[return-value]


_RECUR_NAMED: dict[str, tuple[str, int]] = {
    "daily": ("DAILY", 1), "day": ("DAILY", 1),
    "weekly": ("WEEKLY", 1), "week": ("WEEKLY", 1), "sennight": ("WEEKLY", 1),
    "biweekly": ("WEEKLY", 2), "fortnight": ("WEEKLY", 2), "fortnightly": ("WEEKLY", 2),
    "monthly": ("MONTHLY", 1), "month": ("MONTHLY", 1), "bimonthly": ("MONTHLY", 2),
    "quarterly": ("MONTHLY", 3), "semiannual": ("MONTHLY", 6),
    "yearly": ("YEARLY", 1), "annual": ("YEARLY", 1), "annually": ("YEARLY", 1),
    "year": ("YEARLY", 1), "biannual": ("YEARLY", 2), "biyearly": ("YEARLY", 2),
}  # fmt: skip
_RECUR_UNITS: dict[str, tuple[str, int]] = {
    **dict.fromkeys(("d", "day", "days"), ("DAILY", 1)),
    **dict.fromkeys(("w", "wk", "wks", "week", "weeks"), ("WEEKLY", 1)),
    **dict.fromkeys(
        ("m", "mo", "mos", "mth", "mths", "mnth", "mnths", "month", "months"), ("MONTHLY", 1)
    ),
    **dict.fromkeys(("q", "qtr", "qtrs", "quarter", "quarters"), ("MONTHLY", 3)),
    **dict.fromkeys(("y", "yr", "yrs", "year", "years"), ("YEARLY", 1)),
}
_RECUR_COUNTED = re.compile(r"(\d{1,3})\s*([a-z]+)")
_RECUR_ISO = re.compile(r"p(\d{1,3})([dwmy])")
_WEEKDAYS = "MO,TU,WE,TH,FR"


def recur_to_rrule(recur: str) -> str | None:
    """Taskwarrior's `recur` as an RRULE body, or None when no rule says the same.

    Taskwarrior counts `Nm` and `monthly` in calendar months, `weekdays` as Monday to Friday
    (holidays not skipped), and anything shorter than a day (hours, minutes) has no all-day
    meaning here.
    """
    text = recur.strip().lower().lstrip("=")
    if text == "weekdays":
        return f"FREQ=WEEKLY;BYDAY={_WEEKDAYS}"
    if text in _RECUR_NAMED:
        freq, interval = _RECUR_NAMED[text]
    elif m := _RECUR_COUNTED.fullmatch(text):
        if m.group(2) not in _RECUR_UNITS:
            return None
        freq, unit = _RECUR_UNITS[m.group(2)]
        interval = int(m.group(1)) * unit
    elif m := _RECUR_ISO.fullmatch(text):
        freq, unit = _RECUR_UNITS[m.group(2)]
        interval = int(m.group(1)) * unit
    else:
        return None
    if interval < 1:
        return None
    return f"FREQ={freq}" + (f";INTERVAL={interval}" if interval != 1 else "")


def _rule_parts(rule: str) -> dict[str, str]:
    parts = {}
    for item in rule.upper().removeprefix("RRULE:").split(";"):
        key, _, value = item.partition("=")
        if key:
            parts[key.strip()] = value.strip()
    return parts


def rrule_to_recur(rule: str, due: date | None) -> str | None:
    """An RRULE as Taskwarrior's `recur`, or None when Taskwarrior cannot say it (several
    weekdays, the last day of a month, an end date…). Taskwarrior repeats from the due date,
    so a day in the rule must be the due date's own."""
    parts = _rule_parts(rule)
    freq = parts.pop("FREQ", "")
    try:
        interval = int(parts.pop("INTERVAL", "1"))
    except ValueError:
        return None
    for clock in ("BYHOUR", "BYMINUTE", "BYSECOND", "WKST"):
        parts.pop(clock, None)
    day = due.date() if isinstance(due, datetime) else due
    if freq == "WEEKLY" and parts == {"BYDAY": _WEEKDAYS} and interval == 1:
        return "weekdays"
    if (
        day is not None
        and freq == "WEEKLY"
        and parts.get("BYDAY") == _WEEKDAYS[3 * day.weekday() : 3 * day.weekday() + 2]
    ):
        parts.pop("BYDAY")
    if day is not None and freq in ("MONTHLY", "YEARLY"):
        if parts.get("BYMONTHDAY") == str(day.day):
            parts.pop("BYMONTHDAY")
        if freq == "YEARLY" and parts.get("BYMONTH") == str(day.month):
            parts.pop("BYMONTH")
    if parts or interval < 1:
        return None
    if freq == "DAILY":
        return "daily" if interval == 1 else f"{interval}d"
    if freq == "WEEKLY":
        return "weekly" if interval == 1 else f"{interval}w"
    if freq == "MONTHLY":
        return {1: "monthly", 3: "quarterly", 6: "semiannual"}.get(interval, f"{interval}m")
    if freq == "YEARLY":
        return "yearly" if interval == 1 else f"{interval}y"
    return None


def advance(rule: str, first: date, steps: int) -> date:
    """The occurrence `steps` after `first` (0 = `first`), all-day as `first` is."""
    if steps <= 0:
        return first
    from dateutil.rrule import rrulestr

    start = first if isinstance(first, datetime) else datetime.combine(first, time.min)
    occurrences = rrulestr(rule, dtstart=start)
    moment = start
    for n, moment in enumerate(occurrences):  # noqa: B007 - the last one is wanted
        if n >= steps:
            break
    return moment if isinstance(first, datetime) else moment.date()


class TwKind(StrEnum):
    TASK = "task"
    TEMPLATE = "template"
    """Status `recurring`: the rule of a series, not a thing to do."""
    INSTANCE = "instance"
    """A pending occurrence of a series (it has a `parent`)."""


@record(slots=True)
class TwTask:
    """One Taskwarrior task mapped onto a task row, and what did not fit."""

    row: Row
    kind: TwKind
    parent: str | None = None
    mask: int = 0
    """Occurrences a template has already made."""
    unmapped: list[str] = field(default_factory=list)
    truncated: bool = False


def _tw_text(name: str, value: Any, *, multiline: bool) -> str:
    if not isinstance(value, str):
        raise _wrong_type(name, Kind.TEXT, value)
    return clean(value, multiline=multiline)


def _tw_title(obj: Row) -> tuple[str, str, bool]:
    """(title, full text for the notes or "", truncated?)"""
    if "description" not in obj or obj["description"] is None:
        raise RecordError("description", "interchange.problem.missing")
    text = _tw_text("description", obj["description"], multiline=False)
    if not text:
        raise RecordError("description", "interchange.problem.empty")
    if len(text) <= MAX_TITLE:
        return text, "", False
    return text[: MAX_TITLE - 1] + "…", text, True


def _tw_notes(obj: Row, zone: Zone, full_title: str) -> str:
    lines = [full_title] if full_title else []
    annotations = obj.get("annotations") or []
    if not isinstance(annotations, list):
        raise _wrong_type("annotations", Kind.TAGS, annotations)
    for n, note in enumerate(annotations, 1):
        name = f"annotations[{n}]"
        if not isinstance(note, dict):
            raise RecordError(name, "interchange.problem.not_object", got=_shown(note))
        text = _tw_text(f"{name}.description", note.get("description", ""), multiline=False)
        if "entry" in note:
            at = parse_tw_date(f"{name}.entry", note["entry"], zone)
            text = f"{at.isoformat(' ', 'minutes')} {text}"
        lines.append(text)
    notes = "\n".join(lines)
    if len(notes) > MAX_TEXT:
        raise RecordError("annotations", "interchange.problem.too_long", limit=MAX_TEXT)
    return notes


def _tw_tags(obj: Row) -> tuple[list[str], str | None, bool]:
    """(tags, category or None, urgent?) from tags and project."""
    tags = obj.get("tags") or []
    if not isinstance(tags, list) or not all(isinstance(v, str) for v in tags):
        raise _wrong_type("tags", Kind.TAGS, tags)
    cleaned = clean_tags(tags)
    urgent = URGENT_TAG in cleaned
    cleaned = [tag for tag in cleaned if tag != URGENT_TAG]
    category = None
    project = obj.get("project")
    if project is not None:
        name = _tw_text("project", project, multiline=False)
        category = _CATEGORY_WORDS.get(name.lower())
        if category is None and name and name not in cleaned:
            cleaned.insert(0, name)
    return cleaned, category, urgent


def from_taskwarrior(obj: Any, now: datetime, zone: Zone) -> TwTask:
    """One object of `task export` as a task row (no `id`, no `instruction_id`)."""
    if not isinstance(obj, dict):
        raise RecordError("-", "interchange.problem.not_object", got=_shown(obj))
    status = obj.get("status", "pending")
    if status not in TW_STATUSES:
        allowed = ", ".join(TW_STATUSES)
        raise RecordError(
            "status", "interchange.problem.value", value=_shown(status), allowed=allowed
        )
    title, full_title, truncated = _tw_title(obj)
    row_uuid = check_uuid("uuid", obj["uuid"]) if "uuid" in obj else str(uuidlib.uuid4())
    entry = parse_tw_date("entry", obj["entry"], zone) if "entry" in obj else now
    modified = parse_tw_date("modified", obj["modified"], zone) if "modified" in obj else entry
    end = parse_tw_date("end", obj["end"], zone) if "end" in obj else None
    due = parse_tw_date("due", obj["due"], zone) if "due" in obj else None
    priority = obj.get("priority") or ""
    tags, category, urgent = _tw_tags(obj)
    unmapped = sorted(k for k in obj if k not in _TW_KNOWN and k not in _TW_IGNORED)
    if priority and priority not in _TW_PRIORITY:
        unmapped.append("priority")
    parent = check_uuid("parent", obj["parent"]) if obj.get("parent") else None
    rule = None
    if "recur" in obj:
        recur = obj["recur"]
        if not isinstance(recur, str):
            raise _wrong_type("recur", Kind.TEXT, recur)
        rule = recur_to_rrule(recur)
        if rule is None:
            unmapped.append("recur")
    kind = TwKind.TASK
    if status == "recurring":
        kind = TwKind.TEMPLATE
    elif parent is not None and status in ("pending", "waiting"):
        kind = TwKind.INSTANCE
    open_ = status in ("pending", "waiting", "recurring")
    closed_at = (end or modified) if not open_ else None
    row = {
        "uuid": row_uuid,
        "title": title,
        "notes": _tw_notes(obj, zone, full_title),
        "importance": _TW_PRIORITY.get(priority, "normal"),
        "urgent": int(urgent),
        "due": _due_from_local(due) if due is not None else None,
        "category": category or "other",
        "tags": json.dumps(tags, ensure_ascii=False),
        "status": {"completed": "done", "deleted": "cancelled"}.get(status, "open"),
        "recurrence": rule if open_ else None,
        "recurrence_workdays": 0,
        "instruction_id": None,
        "confidential": 0,
        "created": _ts(entry),
        "updated": _ts(max(modified, entry)),
        "completed": _ts(closed_at) if closed_at else None,
        "deleted": None,
    }
    mask = obj.get("mask")
    return TwTask(
        row=row,
        kind=kind,
        parent=parent,
        mask=len(mask) if isinstance(mask, str) else 0,
        unmapped=unmapped,
        truncated=truncated,
    )


def _ts(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


def template_row(task: TwTask) -> Row:
    """A series that has no pending occurrence in the file: one open task at the occurrence
    after those the template has already made."""
    row = dict(task.row)
    rule, due = row["recurrence"], row["due"]
    if rule and due and task.mask:
        value = due_from_iso(due)
        assert value is not None
        row["due"] = due_to_iso(advance(rule, value, task.mask))
    return row


def _annotations(notes: str, created: datetime, zone: Zone) -> list[Row]:
    """Dated note lines become annotations of their time; other lines, in runs, one each at
    the task's creation."""
    out: list[Row] = []
    loose: list[str] = []

    def flush() -> None:
        text = " ".join(line.strip() for line in loose if line.strip())
        if text:
            out.append({"entry": tw_date(created, zone), "description": text})
        loose.clear()

    for line in notes.split("\n"):
        m = _NOTE_LINE.fullmatch(line)
        when = None
        if m:
            try:
                when = datetime.strptime(m.group(1), "%Y-%m-%d %H:%M")
            except ValueError:
                when = None
        if when is None:
            loose.append(line)
            continue
        flush()
        out.append({"entry": tw_date(when, zone), "description": m.group(2).strip()})  # type: ignore[union-attr]
    flush()
    return out


def to_taskwarrior(row: Row, zone: Zone) -> tuple[Row, list[str]]:
    """A task row as an object `task import` accepts, and what could not go with it."""
    lost: list[str] = []
    created = datetime.fromisoformat(row["created"])
    updated = datetime.fromisoformat(row["updated"] or row["created"])
    due = due_from_iso(row["due"])
    out: Row = {
        "uuid": row["uuid"],
        "description": row["title"],
        "entry": tw_date(created, zone),
        "modified": tw_date(max(updated, created), zone),
    }
    if due is not None:
        moment = due if isinstance(due, datetime) else datetime.combine(due, time(23, 59, 59))
        out["due"] = tw_date(moment, zone)
    status = row["status"]
    if row["deleted"] is not None or status == "cancelled":
        out["status"] = "deleted"
    elif status == "done":
        out["status"] = "completed"
    else:
        out["status"] = "pending"
    if out["status"] != "pending":
        end = row["completed"] or row["deleted"] or row["updated"]
        out["end"] = tw_date(datetime.fromisoformat(end), zone)
    priority = {"high": "H", "low": "L"}.get(row["importance"])
    if priority:
        out["priority"] = priority
    if row["category"] != "other":
        out["project"] = row["category"]
    tags = json.loads(row["tags"] or "[]")
    if row["urgent"]:
        tags.append(URGENT_TAG)
    if tags:
        out["tags"] = tags
    if any("," in tag for tag in tags):
        lost.append("tags")
    if row["notes"]:
        out["annotations"] = _annotations(row["notes"], created, zone)
    if row["recurrence"]:
        recur = rrule_to_recur(row["recurrence"], due)
        if recur is None or due is None:
            lost.append("recurrence")
        elif out["status"] == "pending":
            out["recur"] = recur
            out["status"] = "recurring"
        if row["recurrence_workdays"] and recur is not None:
            lost.append("recurrence_workdays")
    if row["instruction_id"] is not None:
        lost.append("instruction")
    if row["confidential"]:
        lost.append("confidential")
    return out, lost


def dumps_compact(record: Row) -> str:
    """Taskwarrior's own layout: one object per line, no spaces."""
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


# --------------------------------------------------------------------------- iCalendar

REMINDER_AT = time(9, 0)
"""Instruction reminders ring at 09:00 on the working day before the deadline."""
_PRODID = "-//Secretary's Workbench//workbench//EN"
ICS_END = "END:VCALENDAR\r\n"


def uid(record_uuid: str) -> str:
    """The same UID on every export, so a calendar updates the event instead of adding one."""
    return f"{record_uuid}@workbench"


def reminder_before(deadline: date, cal: WorkCalendar) -> datetime:
    """09:00 on the last working day before the deadline's day (1 working day before)."""
    day = deadline.date() if isinstance(deadline, datetime) else deadline
    for _ in range(60):  # a long holiday is a few weeks at most
        day -= timedelta(days=1)
        if cal.is_working_day(day):
            break
    return datetime.combine(day, REMINDER_AT)


def _ics_time(moment: datetime, zone: Zone) -> datetime:
    """An aware time in the named zone, or a floating (naive) one when no zone is known."""
    return moment.replace(tzinfo=zone) if zone is not None else moment


def ics_header(zone: Zone, zone_key: str | None) -> str:
    """BEGIN:VCALENDAR and its properties, with the zone's VTIMEZONE when one is named.

    Without a known zone, times are floating (RFC 5545 §3.3.5: the same wall-clock time
    wherever the calendar is) and each timed event says so in a COMMENT.
    """
    from icalendar import Calendar, Timezone

    cal = Calendar()
    cal.add("prodid", _PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", t("interchange.ics.name"))
    if zone is not None and zone_key:
        cal.add("x-wr-timezone", zone_key)
        cal.add_component(Timezone.from_tzinfo(zone))
    text = cal.to_ical().decode("utf-8")
    assert text.endswith(ICS_END)
    return text[: -len(ICS_END)]


def _vevent(
    record_uuid: str,
    summary: str,
    description: str,
    when: date,
    row: Row,
    stamp: datetime,
    zone: Zone,
) -> Any:
    from icalendar import Event

    event = Event()
    event.add("uid", uid(record_uuid))
    event.add("dtstamp", stamp)
    event.add("summary", summary)
    if description:
        event.add("description", description)
    if isinstance(when, datetime):
        event.add("dtstart", _ics_time(when, zone))
        if zone is None:
            event.add("comment", t("interchange.ics.floating"))
    else:
        event.add("dtstart", when)
        event.add("dtend", when + timedelta(days=1))
        event.add("transp", "TRANSPARENT")
    created = datetime.fromisoformat(row["created"])
    updated = datetime.fromisoformat(row["updated"] or row["created"])
    event.add("created", local_to_utc(created, zone))
    event.add("last-modified", local_to_utc(updated, zone))
    # A calendar takes a changed event only if its SEQUENCE grew: minutes since creation do.
    event.add("sequence", max(0, int((updated - created).total_seconds() // 60)))
    if row["confidential"]:
        event.add("class", "CONFIDENTIAL")
    return event


def task_event(row: Row, stamp: datetime, zone: Zone) -> Any:
    """A VEVENT on an open task's due date (all-day when the task is)."""
    due = due_from_iso(row["due"])
    assert due is not None
    event = _vevent(row["uuid"], row["title"], row["notes"], due, row, stamp, zone)
    tags = json.loads(row["tags"] or "[]")
    if tags:
        event.add("categories", tags)
    return event


def instruction_event(row: Row, stamp: datetime, zone: Zone, cal: WorkCalendar) -> Any:
    """A VEVENT on an open instruction's deadline, with a reminder the working day before."""
    from icalendar import Alarm

    deadline = due_from_iso(row["deadline"])
    assert deadline is not None
    content = one_line(row["content"])
    summary = t("interchange.ics.instruction", leader=row["leader"], content=content)
    lines = [row["content"]]
    if row["owner"]:
        lines.append(t("interchange.ics.owner", owner=row["owner"]))
    if row["source"]:
        lines.append(t("interchange.ics.source", source=row["source"]))
    event = _vevent(row["uuid"], summary, "\n".join(lines), deadline, row, stamp, zone)
    start = deadline if isinstance(deadline, datetime) else datetime.combine(deadline, time.min)
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", summary)
    alarm.add("trigger", reminder_before(deadline, cal) - start)
    event.add_component(alarm)
    return event
