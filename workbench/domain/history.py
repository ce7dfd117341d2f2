"""History events in words, for the details view, `instr show` and undo messages."""

from __future__ import annotations

from workbench.domain.humanize import describe_when
from workbench.domain.models import Event, due_from_iso
from workbench.domain.text import one_line
from workbench.i18n import has_key, t

_SHORT = 40


def _when(text: object) -> str:
    """A date the event stored (2026-11-30, 2026-11-30T15:00) as the rest of the interface
    says it: 2026年11月30日 星期一 15:00. Anything else is shown as stored."""
    try:
        value = due_from_iso(str(text)) if text else None
    except ValueError:
        value = None
    return describe_when(value, all_day=False) if value is not None else str(text or "")


def _field(name: str) -> str:
    """A field's name as the forms call it (修改了期限、重要程度), the stored name if unknown."""
    key = f"history.field.{name}"
    return t(key) if has_key(key) else name


def _short(text: object) -> str:
    words = one_line(str(text or ""))
    return words if len(words) <= _SHORT else words[: _SHORT - 1] + "…"


def describe_event(event: Event) -> str:
    """One line saying what happened, e.g. 催辦（警示）：請本週內完成."""
    summary = event.summary
    if event.action == "undo":
        inner = Event(
            action=str(summary.get("action", "")),
            entity=event.entity,
            entity_id=event.entity_id,
            at=event.at,
            summary={k: v for k, v in summary.items() if k != "action"},
        )
        return t("history.undo", what=describe_event(inner))
    key = f"history.{event.action}"
    if not has_key(key):
        return event.action
    params = {
        "title": _short(summary.get("title")),
        "content": _short(summary.get("content")),
        "note": _short(summary.get("note")),
        "reason": _short(summary.get("reason")),
        "due": _when(summary.get("due")),
        "old": _when(summary.get("old")) or "-",
        "new": _when(summary.get("new")),
        "fields": t("common.list_sep").join(_field(str(f)) for f in summary.get("fields", [])),
        "whom": _short(summary.get("whom")),
        "level": t(f"chase_level.{summary['level']}") if summary.get("level") else "",
        "kind": t(f"feedback_kind.{summary['kind']}") if summary.get("kind") else "",
        "importance": t(f"importance.{summary['importance']}") if summary.get("importance") else "",
        "urgent": t("history.flag_on") if summary.get("urgent") else t("history.flag_off"),
    }
    return t(key, **params)
