"""A small school office with a fixed clock, and helpers to drive the app."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.conftest import NOW, Clock
from workbench.service.workbench import Workbench
from workbench.tui.app import WorkbenchApp


def fill(wb: Workbench, clock: Clock) -> None:
    """A few days of a school office, entered through the use cases."""
    clock.moment = NOW - timedelta(days=6)
    safety = wb.add_instruction(
        "落實校園安全檢查，月底前完成自查並報區教育局", leader="校長", deadline="下週五",
        owner="教導處", source="校務會議 11月20日", feedback_interval=7,
    ).instruction.id  # fmt: skip
    parents = wb.add_instruction(
        "籌備家長會", leader="副校長", deadline="2026-11-24", owner="德育處", source="電話交辦"
    ).instruction.id
    plan = wb.add_instruction(
        "上報學期教學計劃", leader="教導主任", deadline="2026-11-27", owner="教務處"
    ).instruction.id
    clock.moment = NOW - timedelta(days=3)
    wb.add_feedback(safety, "已布置各年級自查", next_step="週三前匯總", channel="meeting")
    wb.add_feedback(parents, "場地已落實，邀請函已發出", kind="progress", channel="phone")
    wb.chase(parents, note="請盡快確認出席人數")
    clock.moment = NOW - timedelta(days=1)
    wb.chase(parents, note="今天內回覆")
    wb.add_feedback(plan, "初稿完成，待主任審閱", channel="written")
    clock.moment = NOW
    wb.add_task("準備校務會材料 明天下午3點 !重 #辦會")
    wb.add_task("回覆區教育局來函 今天 !急")
    wb.add_task("整理檔案櫃 !輕")
    wb.add_task("寫本週工作總結 週五")
    wb.add_task("起草自查通知", instruction_id=safety)
    wb.add_task("訂購會議用水 12月8日 #辦事")


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def workbench(db_path, clock):
    wb = Workbench.open(db_path, clock=clock)
    fill(wb, clock)
    yield wb
    wb.close()


@pytest.fixture
def empty_workbench(db_path, clock):
    wb = Workbench.open(db_path, clock=clock)
    yield wb
    wb.close()


def make_app(workbench: Workbench, **kw) -> WorkbenchApp:
    kw.setdefault("briefing", False)
    kw.setdefault("backups", False)
    kw.setdefault("poll_seconds", 0.2)
    return WorkbenchApp(workbench, **kw)


async def settle(pilot) -> None:
    """Wait for writes and searches to finish and their results to be shown."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def rows(widget) -> list[str]:
    """The visible rows of a list as plain text, as painted."""
    return [widget.render_line(y).text.rstrip() for y in range(widget.size.height)]
