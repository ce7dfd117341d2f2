"""Mappings of the interchange formats: records in and out, Taskwarrior, calendar events."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workbench.domain import interchange as X
from workbench.domain.calendar import WorkCalendar
from workbench.domain.text import MAX_TITLE, clean_text

TAIPEI = ZoneInfo("Asia/Taipei")
NOW = datetime(2026, 11, 26, 10, 0)


def _task_record(**changes):
    record = {
        "id": 3,
        "uuid": "5F1C2A9E-8D1B-4C52-9A6E-2F7B1D3C4E01",
        "title": "準備材料",
        "notes": "",
        "importance": "high",
        "urgent": True,
        "due": "2026-12-01T15:00",
        "category": "meeting",
        "tags": ["#辦會", "校務", "校務"],
        "status": "open",
        "recurrence": None,
        "recurrence_workdays": False,
        "confidential": False,
        "created": "2026-11-20T09:00:00",
        "updated": "2026-11-21T09:00:00",
        "completed": None,
        "deleted": None,
        "instruction": None,
    }
    record.update(changes)
    return record


# --------------------------------------------------------------------------- our records


@given(st.text(), st.booleans())
def test_the_fast_clean_is_clean_text(text, multiline):
    assert X.clean(text, multiline=multiline) == clean_text(text, multiline=multiline)


@pytest.mark.parametrize(
    "text", ["a\x1b[31mb", " a", "a\u3000", "a\rb", "a\tb", "\ud800x", "a\x85"]
)
def test_the_fast_clean_cleans_what_it_must(text):
    for multiline in (False, True):
        assert X.clean(text, multiline=multiline) == clean_text(text, multiline=multiline)


def test_task_record_becomes_a_clean_row():
    row, links = X.task_from_record(_task_record(notes="第一行\r\n\x1b[31m第二行\x1b[0m"))
    assert row["uuid"] == "5f1c2a9e-8d1b-4c52-9a6e-2f7b1d3c4e01"
    assert row["urgent"] == 1 and row["confidential"] == 0
    assert json.loads(row["tags"]) == ["辦會", "校務"]
    assert row["notes"] == "第一行\n第二行"
    assert row["due"] == "2026-12-01T15:00"
    assert links.instruction is None


def test_a_row_and_its_record_go_back_and_forth():
    row, _ = X.task_from_record(_task_record())
    record = X.task_record(row, "5f1c2a9e-8d1b-4c52-9a6e-2f7b1d3c4e11")
    again, links = X.task_from_record(record)
    assert again == row
    assert links.instruction == "5f1c2a9e-8d1b-4c52-9a6e-2f7b1d3c4e11"


@pytest.mark.parametrize(
    ("changes", "field", "problem"),
    [
        ({"title": None}, "title", "interchange.problem.missing"),
        ({"title": "  \x1b[0m "}, "title", "interchange.problem.empty"),
        ({"title": "x" * (MAX_TITLE + 1)}, "title", "interchange.problem.too_long"),
        ({"urgent": "yes"}, "urgent", "interchange.problem.type"),
        ({"id": True}, "id", "interchange.problem.type"),
        ({"id": 0}, "id", "interchange.problem.positive"),
        ({"due": "2026-02-30"}, "due", "interchange.problem.date"),
        ({"created": "2026-11-20T09:00:00+08:00"}, "created", "interchange.problem.zone"),
        ({"status": "waiting"}, "status", "interchange.problem.value"),
        ({"tags": "a,b"}, "tags", "interchange.problem.type"),
        ({"uuid": "not-a-uuid"}, "uuid", "interchange.problem.uuid"),
        ({"recurrence": "FREQ=SOMETIMES"}, "recurrence", "interchange.problem.rrule"),
        ({"instruction": 12}, "instruction", "interchange.problem.type"),
    ],
)
def test_a_bad_field_is_named(changes, field, problem):
    with pytest.raises(X.RecordError) as caught:
        X.task_from_record(_task_record(**changes))
    assert (caught.value.field, caught.value.problem) == (field, problem)
    assert caught.value.describe()  # a translated sentence, not the key
    assert not caught.value.describe().startswith("interchange.")


def test_a_record_missing_a_required_field_entirely():
    record = _task_record()
    del record["created"]
    with pytest.raises(X.RecordError) as caught:
        X.task_from_record(record)
    assert caught.value.field == "created"


def test_nested_extension_errors_say_which_one():
    record = {
        "id": 1,
        "uuid": "5f1c2a9e-8d1b-4c52-9a6e-2f7b1d3c4e01",
        "leader": "王主任",
        "content": "改好總結",
        "created": "2026-11-20T09:00:00",
        "updated": "2026-11-20T09:00:00",
        "extensions": [
            {
                "id": 1,
                "old": None,
                "new": "2026-12-01",
                "reason": "ok",
                "at": "2026-11-21T09:00:00",
            },
            {
                "id": 2,
                "old": "2026-12-01",
                "new": "2026-13-01",
                "reason": "x",
                "at": "2026-11-22T09:00:00",
            },
        ],
    }
    with pytest.raises(X.RecordError) as caught:
        X.instruction_from_record(record)
    assert caught.value.field == "extensions[2].new"


def test_header_refuses_other_files_and_newer_versions():
    X.check_header({"format": X.FORMAT, "version": X.VERSION})
    with pytest.raises(X.RecordError):
        X.check_header({"format": "something-else", "version": 1})
    with pytest.raises(X.RecordError) as caught:
        X.check_header({"format": X.FORMAT, "version": X.VERSION + 1})
    assert caught.value.problem == "interchange.problem.version"


def test_event_changes_must_name_a_known_table():
    record = {
        "id": 1,
        "at": "2026-11-20T09:00:00",
        "action": "task.add",
        "entity": "task",
        "entity_id": 1,
        "changes": [{"table": "users", "id": 1}],
        "summary": {},
    }
    with pytest.raises(X.RecordError) as caught:
        X.event_from_record(record)
    assert caught.value.field == "changes[1].table"


# --------------------------------------------------------------------------- Taskwarrior


@pytest.mark.parametrize(
    ("recur", "rule"),
    [
        ("daily", "FREQ=DAILY"),
        ("3d", "FREQ=DAILY;INTERVAL=3"),
        ("weekly", "FREQ=WEEKLY"),
        ("2w", "FREQ=WEEKLY;INTERVAL=2"),
        ("biweekly", "FREQ=WEEKLY;INTERVAL=2"),
        ("fortnight", "FREQ=WEEKLY;INTERVAL=2"),
        ("weekdays", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"),
        ("monthly", "FREQ=MONTHLY"),
        ("2m", "FREQ=MONTHLY;INTERVAL=2"),
        ("2mo", "FREQ=MONTHLY;INTERVAL=2"),
        ("bimonthly", "FREQ=MONTHLY;INTERVAL=2"),
        ("quarterly", "FREQ=MONTHLY;INTERVAL=3"),
        ("2q", "FREQ=MONTHLY;INTERVAL=6"),
        ("semiannual", "FREQ=MONTHLY;INTERVAL=6"),
        ("yearly", "FREQ=YEARLY"),
        ("annual", "FREQ=YEARLY"),
        ("biannual", "FREQ=YEARLY;INTERVAL=2"),
        ("P1M", "FREQ=MONTHLY"),
        ("P2W", "FREQ=WEEKLY;INTERVAL=2"),
        ("6h", None),
        ("30min", None),
        ("whenever", None),
    ],
)
def test_recur_becomes_an_rrule_where_one_says_the_same(recur, rule):
    assert X.recur_to_rrule(recur) == rule


@pytest.mark.parametrize(
    ("rule", "due", "recur"),
    [
        ("FREQ=DAILY", date(2026, 12, 1), "daily"),
        ("FREQ=WEEKLY;BYDAY=TU", date(2026, 12, 1), "weekly"),
        ("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;BYHOUR=9;BYMINUTE=0", date(2026, 12, 1), "2w"),
        ("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", date(2026, 12, 1), "weekdays"),
        ("FREQ=MONTHLY;BYMONTHDAY=1", date(2026, 12, 1), "monthly"),
        ("FREQ=MONTHLY;INTERVAL=3", date(2026, 12, 1), "quarterly"),
        ("FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=1", date(2026, 12, 1), "yearly"),
        ("FREQ=WEEKLY;BYDAY=MO,TH", date(2026, 12, 1), None),
        ("FREQ=WEEKLY;BYDAY=MO", date(2026, 12, 1), None),  # not the due date's weekday
        ("FREQ=MONTHLY;BYMONTHDAY=-1", date(2026, 12, 31), None),
        ("FREQ=MONTHLY;BYDAY=1MO", date(2026, 12, 7), None),
        ("FREQ=DAILY;COUNT=3", date(2026, 12, 1), None),
    ],
)
def test_rrule_goes_to_taskwarrior_only_when_it_can(rule, due, recur):
    assert X.rrule_to_recur(rule, due) == recur


def _tw(**fields):
    obj = {
        "description": "準備材料",
        "entry": "20261118T013012Z",
        "modified": "20261125T092241Z",
        "status": "pending",
        "uuid": "5f1c2a9e-8d1b-4c52-9a6e-2f7b1d3c4e01",
    }
    obj.update(fields)
    return obj


def test_taskwarrior_times_become_local_and_midnight_is_all_day():
    timed = X.from_taskwarrior(_tw(due="20261201T070000Z"), NOW, TAIPEI).row
    assert timed["due"] == "2026-12-01T15:00"
    assert timed["created"] == "2026-11-18T09:30:12"
    midnight = X.from_taskwarrior(_tw(due="20261130T160000Z"), NOW, TAIPEI).row
    assert midnight["due"] == "2026-12-01"
    end_of_day = X.from_taskwarrior(_tw(due="20261201T155959Z"), NOW, TAIPEI).row
    assert end_of_day["due"] == "2026-12-01"


def test_taskwarrior_fields_map_onto_a_task():
    task = X.from_taskwarrior(
        _tw(
            priority="H",
            project="辦會",
            tags=["校務", "next", "#重點"],
            annotations=[{"entry": "20261119T020300Z", "description": "先找王主任確認"}],
            scheduled="20261202T010000Z",
            wait="20261201T000000Z",
            depends=["5f1c2a9e-8d1b-4c52-9a6e-2f7b1d3c4e02"],
            estimate="2h",
            urgency=12.3,
            id=4,
        ),
        NOW,
        TAIPEI,
    )
    row = task.row
    assert row["importance"] == "high"
    assert row["category"] == "meeting"
    assert json.loads(row["tags"]) == ["校務", "重點"]
    assert row["urgent"] == 1
    assert row["notes"] == "2026-11-19 10:03 先找王主任確認"
    assert task.unmapped == ["depends", "estimate", "scheduled", "wait"]


def test_another_project_becomes_a_tag_and_medium_is_normal():
    row = X.from_taskwarrior(_tw(project="Home.Garden", priority="M"), NOW, TAIPEI).row
    assert json.loads(row["tags"]) == ["Home.Garden"]
    assert row["category"] == "other"
    assert row["importance"] == "normal"


@pytest.mark.parametrize(
    ("status", "ours"),
    [("pending", "open"), ("waiting", "open"), ("completed", "done"), ("deleted", "cancelled")],
)
def test_statuses(status, ours):
    row = X.from_taskwarrior(_tw(status=status, end="20261122T093000Z"), NOW, TAIPEI).row
    assert row["status"] == ours
    assert (row["completed"] is None) == (ours == "open")


def test_series_parts_are_told_apart():
    parent = "5f1c2a9e-8d1b-4c52-9a6e-2f7b1d3c4e03"
    template = X.from_taskwarrior(
        _tw(status="recurring", recur="weekly", mask="+-", due="20261204T155959Z"), NOW, TAIPEI
    )
    instance = X.from_taskwarrior(_tw(recur="weekly", parent=parent), NOW, TAIPEI)
    done = X.from_taskwarrior(_tw(status="completed", recur="weekly", parent=parent), NOW, TAIPEI)
    assert template.kind is X.TwKind.TEMPLATE and template.mask == 2
    assert template.row["recurrence"] == "FREQ=WEEKLY"
    assert instance.kind is X.TwKind.INSTANCE and instance.parent == parent
    assert done.kind is X.TwKind.TASK and done.row["recurrence"] is None


def test_a_template_alone_starts_after_the_occurrences_it_made():
    template = X.from_taskwarrior(
        _tw(status="recurring", recur="monthly", mask="+++", due="20261130T160000Z"), NOW, TAIPEI
    )
    assert X.template_row(template)["due"] == "2027-03-01"


def test_a_long_description_is_cut_and_kept_whole_in_the_notes():
    text = "長" * (MAX_TITLE + 20)
    task = X.from_taskwarrior(_tw(description=text), NOW, TAIPEI)
    assert task.truncated
    assert len(task.row["title"]) == MAX_TITLE and task.row["title"].endswith("…")
    assert task.row["notes"].split("\n")[0] == text


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"description": None}, "description"),
        ({"description": 42}, "description"),
        ({"status": "someday"}, "status"),
        ({"due": "2026-11-31T10:00:00Z"}, "due"),
        ({"due": "20261131T100000Z"}, "due"),
        ({"due": "tomorrow"}, "due"),
        ({"tags": "a b"}, "tags"),
        ({"uuid": "12"}, "uuid"),
        ({"annotations": [{"entry": "x", "description": "y"}]}, "annotations[1].entry"),
    ],
)
def test_bad_taskwarrior_fields_are_named(fields, field):
    obj = _tw(**fields)
    if fields.get("description", "") is None:
        del obj["description"]
    with pytest.raises(X.RecordError) as caught:
        X.from_taskwarrior(obj, NOW, TAIPEI)
    assert caught.value.field == field


def _row(**changes):
    row, _ = X.task_from_record(_task_record(**{"urgent": False, "tags": ["校務"], **changes}))
    return row


def test_a_task_goes_to_taskwarrior():
    out, lost = X.to_taskwarrior(
        _row(due="2026-12-01", notes="一般備註\n2026-11-19 10:03 先找王主任"), TAIPEI
    )
    assert out["due"] == "20261201T155959Z"  # the end of the local day
    assert out["entry"] == "20261120T010000Z"
    assert out["status"] == "pending" and out["priority"] == "H" and out["project"] == "meeting"
    assert out["tags"] == ["校務"]
    assert out["annotations"] == [
        {"entry": "20261120T010000Z", "description": "一般備註"},
        {"entry": "20261119T020300Z", "description": "先找王主任"},
    ]
    assert lost == []


def test_what_taskwarrior_cannot_hold_is_reported():
    row = _row(
        recurrence="FREQ=WEEKLY;BYDAY=MO,TH",
        confidential=True,
        status="done",
        completed="2026-11-25T10:00:00",
    )
    row["instruction_id"] = 4
    out, lost = X.to_taskwarrior(row, TAIPEI)
    assert out["status"] == "completed" and out["end"] == "20261125T020000Z"
    assert "recur" not in out
    assert sorted(lost) == ["confidential", "instruction", "recurrence"]


def test_a_recurring_task_goes_out_as_a_series_and_comes_back():
    out, lost = X.to_taskwarrior(_row(recurrence="FREQ=WEEKLY;BYDAY=TU", urgent=True), TAIPEI)
    assert out["status"] == "recurring" and out["recur"] == "weekly"
    assert "next" in out["tags"]
    back = X.from_taskwarrior(out, NOW, TAIPEI)
    assert back.kind is X.TwKind.TEMPLATE
    assert back.row["recurrence"] == "FREQ=WEEKLY" and back.row["urgent"] == 1
    assert lost == []


# --------------------------------------------------------------------------- calendar


def test_reminder_is_the_working_day_before_at_nine():
    cal = WorkCalendar()
    assert X.reminder_before(date(2026, 11, 30), cal) == datetime(2026, 11, 27, 9, 0)  # Mon→Fri
    assert X.reminder_before(datetime(2026, 12, 2, 15, 0), cal) == datetime(2026, 12, 1, 9, 0)


def _instruction_row(**changes):
    row, _, _ = X.instruction_from_record(
        {
            "id": 1,
            "uuid": "5f1c2a9e-8d1b-4c52-9a6e-2f7b1d3c4e11",
            "leader": "王主任",
            "content": "把年度總結改好\n第二段",
            "deadline": "2026-11-30",
            "owner": "辦公室",
            "created": "2026-11-20T09:00:00",
            "updated": "2026-11-20T10:00:00",
            **changes,
        }
    )
    return row


def test_instruction_event_is_all_day_with_a_reminder():
    stamp = datetime(2026, 11, 26, 2, 0, tzinfo=TAIPEI)
    event = X.instruction_event(_instruction_row(), stamp, TAIPEI, WorkCalendar())
    text = event.to_ical().decode()
    assert "DTSTART;VALUE=DATE:20261130" in text
    assert "DTEND;VALUE=DATE:20261201" in text
    assert "UID:5f1c2a9e-8d1b-4c52-9a6e-2f7b1d3c4e11@workbench" in text
    alarm = event.subcomponents[0]
    assert alarm.name == "VALARM"
    assert alarm.decoded("trigger") == -timedelta(days=2, hours=15)  # Friday 09:00
    assert "SEQUENCE:60" in text


def test_timed_event_names_its_zone_or_says_it_floats():
    stamp = datetime(2026, 11, 26, 2, 0, tzinfo=TAIPEI)
    row = _row(due="2026-12-01T15:00")
    zoned = X.task_event(row, stamp, TAIPEI).to_ical().decode()
    assert "DTSTART;TZID=Asia/Taipei:20261201T150000" in zoned
    floating = X.task_event(row, stamp, None).to_ical().decode()
    assert "DTSTART:20261201T150000" in floating and "COMMENT:" in floating
