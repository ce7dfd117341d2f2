"""Sample data: a school office's week, told through the use cases, or years of synthetic
records for measuring speed.

The week is built the way a secretary would build it — every instruction, report, chase,
extension and task goes through `Workbench`, with the clock moved along the days — so its
history is real and the screen shows every light, every chase level, every kind of
feedback and all four quadrants at the moment the demonstration is opened.

The synthetic records are for size, not story: hundreds of thousands of rows cannot go
through one transaction each, so they are planned in Python and written with
`Store.bulk_insert`, one transaction per chunk, then scored once. The same seed and the
same clock give the same database.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from workbench.config import Config
from workbench.domain.models import deadline_instant, due_to_iso, uuid_text
from workbench.domain.records import field, record
from workbench.service.workbench import Workbench
from workbench.store.store import FeedbackFilter, InstructionFilter, TaskFilter

DEFAULT_FILE = "workbench-demo.db"
"""Where the demonstration goes when no database is named: the current folder."""

CHUNK = 10_000
"""Rows per transaction when writing synthetic records."""


@record
class Counts:
    """What a demonstration wrote."""

    tasks: int = 0
    instructions: int = 0
    feedback: int = 0
    events: int = 0


@record(frozen=True, slots=True)
class Sizes:
    tasks: int
    instructions: int
    feedback: int

    @classmethod
    def in_proportion(
        cls, tasks: int | None, instructions: int | None, feedback: int | None
    ) -> Sizes:
        """Sizes not given follow a large office's proportions: one instruction per ten
        tasks, one report per two."""
        base = tasks if tasks is not None else (instructions or 0) * 10 or (feedback or 0) * 2
        return cls(
            tasks=base if tasks is None else tasks,
            instructions=base // 10 if instructions is None else instructions,
            feedback=base // 2 if feedback is None else feedback,
        )


class ClockHand:
    """A clock the demonstration moves along the week (a `Workbench` clock)."""

    def __init__(self, moment: datetime) -> None:
        self.moment = moment

    def __call__(self) -> datetime:
        return self.moment


def record_count(wb: Workbench) -> int:
    """Tasks, instructions and reports already in the database (archived ones too): a
    database with any is someone's, and the demonstration does not write into it
    unless told to."""
    return (
        wb.store.count_tasks(TaskFilter(scope="all"))
        + wb.store.count_tasks(TaskFilter(scope="archive"))
        + wb.store.count_instructions(InstructionFilter(scope="all"))
        + wb.store.count_instructions(InstructionFilter(scope="archive"))
        + wb.store.count_feedback(FeedbackFilter(include_revised=True))
    )


def _counts(wb: Workbench) -> Counts:
    return Counts(
        tasks=wb.store.count_tasks(TaskFilter(scope="all")),
        instructions=wb.store.count_instructions(InstructionFilter(scope="all")),
        feedback=wb.store.count_feedback(FeedbackFilter(include_revised=True)),
        events=wb.store.count_events(),
    )


# --------------------------------------------------------------------------- the week


class _Week:
    """Working days around today and a clock that only moves forward."""

    def __init__(self, wb: Workbench, hand: ClockHand, now: datetime) -> None:
        self.wb = wb
        self.hand = hand
        self.now = now
        self.today = now.date()
        self.year = self.today.year

    def back(self, n: int) -> date:
        """The working day `n` working days before today."""
        day = self.today
        for _ in range(n):
            day -= timedelta(days=1)
            while not self.wb.calendar.is_working_day(day):
                day -= timedelta(days=1)
        return day

    def ahead(self, n: int) -> date:
        return self.wb.calendar.add_working_days(self.today, n)

    def at(self, day: date, hour: int, minute: int = 0) -> None:
        self._move(datetime.combine(day, time(hour, minute)))

    def minutes_ago(self, minutes: int) -> None:
        """Today's entries are placed back from the real moment, so none is in the future."""
        self._move(self.now - timedelta(minutes=minutes))

    def _move(self, moment: datetime) -> None:
        assert moment >= self.hand.moment, "the story must move forward"
        self.hand.moment = moment

    @staticmethod
    def on(day: date) -> str:
        return f"{day.month}月{day.day}日"

    @staticmethod
    def due(value: date | datetime) -> str:
        """A quick-add date word that means exactly this day (or minute)."""
        return f"due:{due_to_iso(value)}"


def fill_week(wb: Workbench, hand: ClockHand) -> Counts:
    """A week in a school office (校辦), ending at the clock's current moment.

    The story starts eight working days back and moves forward: leaders' instructions from
    meetings, documents and telephone calls, reports back to them, chases, extensions,
    closings and a withdrawal, and the secretary's own to-do list beside it.
    """
    now = hand.moment
    w = _Week(wb, hand, now)
    hand.moment = datetime.combine(w.back(8), time(8, 0))
    ids: dict[str, int] = {}

    def instr(key: str, content: str, leader: str, **kw: Any) -> None:
        ids[key] = wb.add_instruction(content, leader=leader, **kw).instruction.id  # type: ignore[assignment]

    def task(key: str, line: str, **kw: Any) -> None:
        ids[key] = wb.add_task(line, **kw).task.id  # type: ignore[assignment]

    # -- eight working days back: an inspection document and the mid-term meeting
    w.at(w.back(7), 9)
    instr("safety", "全面排查校園安全隱患，建立整改台賬，報區教育局備案", "校長",
          source=f"區教育局〔{w.year}〕35號文", issued_on=w.back(8), deadline=w.back(3),
          owner="總務處", co_handlers="德育處、各年級組")  # fmt: skip
    w.at(w.back(7), 9, 20)
    task("fire", "排查教學樓消防設施 !重 #辦事", instruction_id=ids["safety"])
    w.at(w.back(7), 10, 30)
    instr("midterm", "完成期中教學質量分析報告，提交校務會議討論", "副校長",
          source=f"校務會議 {w.on(w.back(7))}", deadline=w.back(5), owner="教導處",
          co_handlers="各年級組")  # fmt: skip
    w.at(w.back(7), 14)
    task("seats", f"打印期中考試座位表 {w.due(w.back(6))} #辦事")

    w.at(w.back(6), 9)
    instr("open_class", "組織全校公開課週，排出聽課表並通知各科組", "教導主任",
          source="電話交辦", deadline=datetime.combine(w.ahead(2), time(17)),
          owner="教導處", co_handlers="各科組")  # fmt: skip
    w.at(w.back(6), 10)
    wb.add_feedback(ids["safety"], "已完成教學樓、實驗樓排查，發現問題3處。", kind="progress",
                    channel="phone", next_step="本週內完成宿舍和食堂排查")  # fmt: skip
    w.at(w.back(6), 11)
    wb.complete_task(ids["seats"])
    w.at(w.back(6), 15)
    instr("smart", "推進智慧校園建設，每三天匯報一次進度", "校長", source="校長辦公會",
          deadline=w.ahead(20), owner="資訊組", co_handlers="總務處",
          feedback_interval=3)  # fmt: skip

    w.at(w.back(5), 9, 30)
    wb.extend(ids["midterm"], w.back(1), "各年級成績尚未匯總完畢")
    w.at(w.back(5), 10)
    wb.add_feedback(ids["smart"], "已完成校園網絡設備調研，初步列出更新清單。",
                    kind="progress", channel="message",
                    next_step="下週提交採購方案")  # fmt: skip
    w.at(w.back(5), 11)
    instr("law", "開展「法治進校園」主題班會，各班提交活動照片和小結", "德育主任",
          source=f"區教育局〔{w.year}〕41號文", deadline=w.ahead(8),
          owner="德育處")  # fmt: skip
    w.at(w.back(5), 14)
    wb.chase(ids["safety"], note="請週五前完成宿舍排查", whom="總務處", channel="phone")
    w.at(w.back(5), 16)
    instr("heating", "完成冬季取暖設備檢修，確保教室供暖", "總務主任", source="行政會議",
          deadline=w.back(1), owner="總務處")  # fmt: skip

    w.at(w.back(4), 9)
    instr("after_school", "報送本學期課後服務開展情況", "教導主任",
          source=f"區教育局〔{w.year}〕38號文", deadline=w.back(1),
          owner="教導處")  # fmt: skip
    w.at(w.back(4), 10)
    wb.add_feedback(ids["after_school"], "課後服務數據已收集八成。", kind="progress",
                    channel="email", next_step="明天下午匯總成表")  # fmt: skip
    w.at(w.back(4), 11)
    instr("exchange", "組織教師赴兄弟學校交流學習", "副校長",
          source=f"校務會議 {w.on(w.back(7))}", deadline=w.ahead(10), owner="工會")  # fmt: skip
    w.at(w.back(4), 11, 30)
    task("visit", "聯繫兄弟學校安排交流接待 #辦事", instruction_id=ids["exchange"])
    w.at(w.back(4), 14)
    instr("titles", "醞釀教師職稱評審推薦人選", "校長", source="校長面談",
          deadline=w.ahead(12), owner="辦公室", confidential=True)  # fmt: skip
    w.at(w.back(4), 14, 30)
    task("titles_files", "整理教師職稱評審材料 !重 !密", instruction_id=ids["titles"])
    w.at(w.back(4), 15)
    task("weekly", "交週報 每週五 !重 #辦文")
    w.at(w.back(4), 15, 10)
    task("admin_meeting", "參加行政例會 每週一 上午9點 #辦會")
    w.at(w.back(4), 16)
    wb.complete_task(ids["weekly"])

    w.at(w.back(3), 9)
    wb.add_feedback(ids["safety"], "宿舍樓消防通道堆放雜物，需各年級配合清理。",
                    kind="problem", channel="written",
                    next_step="請德育處下週一前督促各班清理")  # fmt: skip
    w.at(w.back(3), 10)
    instr("plan", "制定下學期教研工作計劃", "副校長", source="行政會議",
          deadline=w.ahead(15), owner="教導處", co_handlers="各教研組")  # fmt: skip
    w.at(w.back(3), 10, 30)
    task("plan_draft", f"起草下學期教研計劃初稿 {w.due(w.ahead(10))} !重 #辦文",
         instruction_id=ids["plan"])  # fmt: skip
    w.at(w.back(3), 11)
    wb.add_feedback(ids["plan"], "已召開教研組長會，收集各組意見。", kind="progress",
                    channel="verbal", next_step="兩週內形成初稿")  # fmt: skip
    w.at(w.back(3), 14)
    wb.close_instruction(ids["after_school"],
                         feedback="課後服務開展情況已按時報送區教育局。")  # fmt: skip
    w.at(w.back(3), 15)
    task("survey", f"回覆區教育局問卷 {w.due(w.back(1))} #辦文")

    w.at(w.back(2), 9)
    wb.chase(ids["safety"], note="已逾期，請盡快提交整改台賬", channel="phone")
    w.at(w.back(2), 9, 30)
    wb.extend(ids["heating"], w.ahead(3), "等待廠家配件到貨")
    w.at(w.back(2), 10)
    wb.add_feedback(ids["heating"], "鍋爐房兩台設備需更換配件。", kind="problem",
                    channel="phone", next_step="配件到貨後兩天內完成檢修")  # fmt: skip
    w.at(w.back(2), 11)
    wb.cancel(ids["exchange"], reason="對方學校行程調整，改為線上交流")
    wb.cancel_task(ids["visit"])
    w.at(w.back(2), 14)
    task("tea", "訂購公開課週茶歇 !急 #辦事")
    w.at(w.back(2), 15)
    wb.add_feedback(ids["open_class"], "聽課表初稿已在科組長會議上討論。", kind="progress",
                    channel="meeting", next_step="週四前定稿並全校公佈")  # fmt: skip
    w.at(w.back(2), 16)
    wb.add_feedback(None, "家長委員會反映放學時段校門口交通擁堵。", kind="other",
                    channel="phone", leader="校長",
                    next_step="與交警中隊聯繫，增派護學崗")  # fmt: skip

    w.at(w.back(1), 9)
    wb.chase(ids["safety"], note="請書面說明逾期原因", channel="written")
    w.at(w.back(1), 10)
    wb.chase(ids["midterm"], note="請今天內提交", channel="message")
    w.at(w.back(1), 10, 30)
    instr("hours", "核對本學期教師課時量", "教導主任", source="電話交辦",
          deadline=datetime.combine(w.back(1), time(17)), owner="教導處")  # fmt: skip
    w.at(w.back(1), 11)
    midterm_report = wb.add_feedback(ids["midterm"], "七個年級已完成六個。", kind="progress",
                                     channel="email",
                                     next_step="明天補齊初三年級數據")  # fmt: skip
    w.at(w.back(1), 14)
    task("teachers", f"通知各班主任放學後開會 {w.due(datetime.combine(w.today, time(16, 30)))}"
         " #辦會")  # fmt: skip
    w.at(w.back(1), 15)
    task("cabinet", "整理辦公室文件櫃 !輕")
    w.at(w.back(1), 15, 10)
    task("contacts", "更新教職工通訊錄 !輕 #辦事")
    w.at(w.back(1), 15, 20)
    task("guidelines", "Read the district's new homework guidelines !low")
    w.at(w.back(1), 15, 30)
    wb.change_importance(ids["contacts"], 1)
    w.at(w.back(1), 16)
    wb.add_feedback(ids["hours"], "課時量統計表已核對無誤，送教導主任簽字。",
                    kind="completion", channel="email")  # fmt: skip
    wb.close_instruction(ids["hours"], note="按時辦結")
    w.at(w.back(1), 16, 20)
    wb.postpone_task(ids["survey"])
    w.at(w.back(1), 16, 30)
    task("welfare", "發放教職工工會福利 #辦事")
    w.at(w.back(1), 16, 40)
    wb.complete_task(ids["welfare"])
    w.at(w.back(1), 16, 50)
    task("mistake", "誤建的待辦")
    wb.delete_task(ids["mistake"])

    # -- today, up to the moment the demonstration is opened
    w.minutes_ago(150)
    wb.chase(ids["safety"], note="責令今天下班前提交整改台賬", channel="meeting")
    w.minutes_ago(120)
    task("council", f"準備校務會材料 {w.due(datetime.combine(w.ahead(1), time(15)))} !重 #辦會")
    w.minutes_ago(100)
    wb.correct_feedback(midterm_report.id, "七個年級已完成六個，初三年級今天補齊。")  # type: ignore[arg-type]
    w.minutes_ago(90)
    task("ledger", "核對安全隱患整改台賬 !重急", instruction_id=ids["safety"])
    w.minutes_ago(60)
    task("hall", f"預訂禮堂 {w.due(w.ahead(1))} #辦會")
    w.minutes_ago(45)
    wb.toggle_urgent(ids["tea"])
    wb.toggle_urgent(ids["tea"])
    w.minutes_ago(30)
    wb.edit_task(ids["council"], notes="含上週會議紀要、安全整改通報")
    w.minutes_ago(15)
    wb.complete_task(ids["admin_meeting"])
    w.minutes_ago(10)
    task("timetable", "Send the open-class timetable to department heads !urgent #辦事")
    hand.moment = now
    wb.refresh()
    return _counts(wb)


# --------------------------------------------------------------------------- synthetic

_LEADERS = ("校長", "副校長", "教導主任", "德育主任", "總務主任", "王校長", "李副校長",
            "Principal Chan", "陳主任")  # fmt: skip
_OWNERS = ("教導處", "德育處", "總務處", "辦公室", "資訊組", "工會", "校醫室", "各年級組",
           "教研組", "IT team", "Finance office")  # fmt: skip
_VERBS_ZH = ("準備", "起草", "審核", "報送", "整理", "落實", "安排", "通知", "核對",
             "籌備", "跟進", "修訂", "匯總", "彙報", "检查", "組織", "聯繫", "撰寫",
             "印發", "歸檔")  # fmt: skip
_OBJECTS_ZH = ("校務會議材料", "家長會通知", "期中考試安排", "教研活動記錄",
               "安全檢查台賬", "會議紀要", "課後服務方案", "食堂衛生檢查", "教師培訓計劃",
               "學生評優名單", "運動會秩序冊", "消防演練方案", "年度工作總結",
               "區教育局來文", "預算報告", "家長會簽到表", "行政會議議程", "教學質量分析",
               "招生宣傳材料", "校園網絡維護", "德育工作簡報", "班主任工作手冊",
               "督導評估材料", "節能降耗措施", "校報稿件", "值日安排表", "實驗室安全制度",
               "圖書館借閱統計", "心理健康講座", "防溺水宣傳")  # fmt: skip
_VERBS_EN = ("Prepare", "Review", "Send", "Draft", "Update", "Check", "File", "Book",
             "Confirm", "Collect")  # fmt: skip
_OBJECTS_EN = ("the budget report", "meeting minutes", "the parents' meeting notice",
               "the timetable", "the safety report", "training records", "the newsletter",
               "room bookings", "exam seating plans", "the district survey",
               "the monthly report", "purchase orders")  # fmt: skip
_WHERE = ("", "", "", "（初一年級）", "（初三）", "（第二期）", "（補充）", "（定稿）",
          "（高二3班）", " 下週一前")  # fmt: skip
_TAGS = ("辦文", "辦事", "辦會", "安全", "教研", "家長會", "預算", "IT", "report")
_TAG_CATEGORY = {"辦文": "doc", "辦事": "affair", "辦會": "meeting"}
_SOURCES = ("校務會議 {m}月{d}日", "區教育局〔{y}〕{n}號文", "電話交辦", "行政會議",
            "校長辦公會", "教代會", "市教委通知〔{y}〕{n}號",
            "email from the district office")  # fmt: skip
_INSTR_ZH = ("落實{o}", "儘快完成{o}並報校長室", "做好{o}工作", "{o}要在期限內辦結",
             "牽頭組織{o}，各處室配合")  # fmt: skip
_INSTR_EN = ("Please complete {o} before the deadline", "Follow up on {o} with all departments")
_FEEDBACK_ZH = ("已完成{p}成，", "已與相關處室溝通，", "遇到經費問題，", "已按要求辦理，",
                "會議已召開，", "材料已報送，")  # fmt: skip
_FEEDBACK_TAIL = ("正在推進。", "待領導審閱。", "需要協調場地。", "預計本週完成。",
                  "家長會後再議。", "report attached.")  # fmt: skip
_NEXT = ("", "", "下週一前提交初稿", "請示校長後再定", "月底前辦結",
         "send the final report by Friday", "會議上再議")  # fmt: skip
_CHASE_NOTES = ("請盡快辦理", "請說明進度", "責令限期辦結", "please reply today")
_CHANNELS = ("verbal", "written", "phone", "message", "email", "meeting")
_SLOTS = tuple(timedelta(hours=h, minutes=m) for h in range(8, 18) for m in (0, 15, 30, 45))
"""Office-hour times of day at which synthetic things happen."""
TASKS_PER_DAY = 22
"""The office's pace: about 22 tasks, 2 instructions and 11 reports a day, at every size,
so a month looks the same in 1,000 records as in 100,000; more records are more history
(1,000 tasks are six weeks, 100,000 are twelve years)."""
MAX_SPAN_DAYS = 30 * 365
_REASONS = ("等待上級回覆", "經費未到位", "配合單位延遲", "waiting for the district's reply")


def _pick(rng: random.Random, items: tuple[str, ...]) -> str:
    return items[int(rng.random() * len(items))]


def _sample_title(rng: random.Random, n: int) -> str:
    if rng.random() < 0.25:
        return f"{_pick(rng, _VERBS_EN)} {_pick(rng, _OBJECTS_EN)} #{n}"
    return f"{_pick(rng, _VERBS_ZH)}{_pick(rng, _OBJECTS_ZH)}{_pick(rng, _WHERE)}"


def _uuid(rng: random.Random) -> str:
    """A version-4 UUID from the seeded generator (uuid4() would not repeat)."""
    return uuid_text(rng.getrandbits(128))


def _ts(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


@record
class _Plan:
    """Rows to write, with the facts later rows depend on."""

    instructions: list[dict[str, Any]] = field(default_factory=list)
    extensions: list[dict[str, Any]] = field(default_factory=list)
    chases: list[dict[str, Any]] = field(default_factory=list)
    feedback: list[dict[str, Any]] = field(default_factory=list)
    tasks: list[dict[str, Any]] = field(default_factory=list)


class _Synth:
    """Plans years of records ending at `now`; ids are assigned from `first_*` upward."""

    def __init__(self, wb: Workbench, now: datetime, sizes: Sizes, seed: int) -> None:
        self.wb = wb
        self.now = now
        self.sizes = sizes
        self.rng = random.Random(seed)
        pace = max(sizes.tasks / TASKS_PER_DAY, sizes.instructions / (TASKS_PER_DAY / 10),
                   sizes.feedback / (TASKS_PER_DAY / 2), 45)  # fmt: skip
        self.span_days = int(min(pace, MAX_SPAN_DAYS))
        self.days = tuple(timedelta(days=n) for n in range(self.span_days + 400))
        self.midnight = datetime.combine(now.date(), time.min)
        self.latest = now - timedelta(minutes=5)

    def moment(self, start: datetime, end: datetime) -> datetime:
        """A time in office hours between `start` and `end` (clamped to them; `end` if
        they are the wrong way round)."""
        if end <= start:
            return end
        first = datetime.combine(start.date(), time.min)
        r = self.rng.random
        days = min(int(r() * ((end - first).days + 1)), len(self.days) - 1)
        at = first + self.days[days] + _SLOTS[int(r() * len(_SLOTS))]
        return start if at < start else end if at > end else at

    def past(self) -> datetime:
        """A time in office hours within the span, evenly spread, never in the future."""
        r = self.rng.random
        at = self.midnight - self.days[int(r() * self.span_days)] + _SLOTS[int(r() * len(_SLOTS))]
        return at if at < self.latest else self.latest

    def due(self, start: date, days: int, timed: float = 0.3) -> date | datetime:
        day = start + timedelta(days=days)
        if self.rng.random() < timed:
            return datetime.combine(day, time(self.rng.choice((9, 10, 12, 15, 17))))
        return day

    def ahead(self, n: int) -> date:
        return self.wb.calendar.add_working_days(self.now.date(), n)

    # ---------------------------------------------------------------- instructions

    def plan_instructions(self, plan: _Plan, first_id: int) -> None:
        rng, now = self.rng, self.now
        for n in range(self.sizes.instructions):
            iid = first_id + n
            created = self.past()
            age = (now - created).days
            # Nearly everything older than a season is closed; a few stragglers remain.
            is_open = rng.random() < (0.6 if age <= 45 else 0.02 if age <= 365 else 0.002)
            deadline: date | datetime | None = None
            interval = rng.choice((3, 7, 14)) if rng.random() < 0.15 else None
            if is_open:
                light = rng.choices(("red", "yellow", "green", "none"), (3, 2, 4, 1))[0]
                if light == "red":
                    span = max((now.date() - created.date()).days - 1, 0)
                    deadline = self.due(created.date(), rng.randint(0, span) if span else 0)
                    if deadline_instant(deadline) > now:
                        deadline = created.date()
                        if deadline_instant(deadline) > now:
                            deadline = None
                elif light == "yellow":
                    deadline = self.ahead(rng.randint(0, 3))
                elif light == "green":
                    deadline = self.due(self.ahead(4), rng.randint(0, 60))
            elif rng.random() < 0.85:
                deadline = self.due(created.date(), rng.randint(3, 40))
            closed = None
            status = "new"
            if not is_open:
                end = deadline_instant(deadline) if deadline else created + timedelta(days=30)
                late = end + timedelta(days=rng.randint(-20, 5))
                closed = max(created, self.moment(created + timedelta(hours=2), min(late, now)))
                status = "done" if rng.random() < 0.93 else "cancelled"
            year = created.year
            source = rng.choice(_SOURCES).format(m=created.month, d=created.day, y=year,
                                                 n=rng.randint(3, 120))  # fmt: skip
            obj = rng.choice(_OBJECTS_ZH)
            if rng.random() < 0.2:
                content = rng.choice(_INSTR_EN).format(o=rng.choice(_OBJECTS_EN))
            else:
                content = rng.choice(_INSTR_ZH).format(o=obj)
            row = {
                "id": iid,
                "uuid": _uuid(rng),
                "leader": rng.choice(_LEADERS),
                "content": content,
                "source": source,
                "issued_on": (created.date() - timedelta(days=rng.randint(0, 3))).isoformat(),
                "deadline": due_to_iso(deadline),
                "owner": rng.choice(_OWNERS),
                "co_handlers": rng.choice(_OWNERS) if rng.random() < 0.3 else "",
                "status": status,
                "feedback_interval": interval,
                "confidential": int(rng.random() < 0.02),
                "created": _ts(created),
                "updated": _ts(closed or created),
                "closed": _ts(closed) if closed else None,
                "closing_note": ("按時辦結" if status == "done" else "領導決定撤銷")
                if closed
                else "",
                "deleted": None,
            }
            plan.instructions.append(row)
            if deadline is not None and rng.random() < 0.1:
                self._extend(plan, row, deadline, created, closed)
            if deadline is not None and rng.random() < 0.15:
                self._chase(plan, row, created, closed)

    def _extend(self, plan: _Plan, row: dict[str, Any], deadline: date | datetime,
                created: datetime, closed: datetime | None) -> None:  # fmt: skip
        """Move the planned deadline back in time: the stored one is the latest."""
        rng = self.rng
        times = rng.randint(1, 2)
        current = deadline
        chain = []
        for _ in range(times):
            earlier = self.due(created.date(), rng.randint(1, 10))
            if deadline_instant(earlier) >= deadline_instant(current):
                break
            chain.append((earlier, current))
            current = earlier
        limit = closed or self.now
        for old, new in reversed(chain):
            at = self.moment(created, min(deadline_instant(old), limit))
            plan.extensions.append({
                "instruction_id": row["id"], "old": due_to_iso(old), "new": due_to_iso(new),
                "reason": rng.choice(_REASONS), "at": _ts(at),
            })  # fmt: skip

    def _chase(self, plan: _Plan, row: dict[str, Any], created: datetime,
               closed: datetime | None) -> None:  # fmt: skip
        """One to four chases; the level climbs with each one after the deadline, the way
        the service would have recorded them."""
        rng = self.rng
        limit = closed or self.now
        moments = sorted(self.moment(created, limit) for _ in range(rng.randint(1, 4)))
        passed = deadline_instant(datetime.fromisoformat(row["deadline"])
                                  if "T" in row["deadline"]
                                  else date.fromisoformat(row["deadline"]))  # fmt: skip
        after = 0
        for at in moments:
            if at >= passed:
                level = ("remind", "warn", "severe")[min(after, 2)]
                after += 1
            else:
                level = "remind"
            plan.chases.append({
                "instruction_id": row["id"], "at": _ts(at), "level": level,
                "whom": row["owner"], "channel": rng.choice(("phone", "message", "written")),
                "note": rng.choice(_CHASE_NOTES),
            })  # fmt: skip

    # ---------------------------------------------------------------- feedback

    def plan_feedback(self, plan: _Plan, first_id: int) -> None:
        rng, now = self.rng, self.now
        r = rng.random
        # One instruction in ten is never reported on (it stays 待辦理 while open).
        instrs = [i for i in plan.instructions if r() >= 0.1]
        spans = [
            (datetime.fromisoformat(i["created"]),
             datetime.fromisoformat(i["closed"]) if i["closed"] else now)
            for i in instrs
        ]  # fmt: skip
        kinds = ("progress",) * 12 + ("problem",) * 3 + ("completion",) * 2 + ("other",) * 3
        rows = []
        # One in a hundred is kept for corrections, made below.
        for _ in range(self.sizes.feedback - self.sizes.feedback // 100):
            if not instrs or r() < 0.08:
                owner = None
                at = self.past()
                leader = _pick(rng, _LEADERS)
                confidential = 0
                kind = _pick(rng, ("other", "progress", "problem"))
            else:
                n = int(r() * len(instrs))
                owner = instrs[n]
                at = self.moment(*spans[n])
                leader = owner["leader"]
                confidential = owner["confidential"]
                kind = _pick(rng, kinds)
            if r() < 0.15:
                content = f"Progress on {_pick(rng, _OBJECTS_EN)}: {_pick(rng, _FEEDBACK_TAIL)}"
            else:
                content = (_pick(rng, _FEEDBACK_ZH).format(p=int(r() * 7) + 3)
                           + _pick(rng, _OBJECTS_ZH) + _pick(rng, _FEEDBACK_TAIL))  # fmt: skip
            stamp = _ts(at)
            rows.append({
                "uuid": _uuid(rng), "instruction_id": owner["id"] if owner else None,
                "leader": leader, "at": stamp, "channel": _pick(rng, _CHANNELS),
                "kind": kind, "content": content, "next_step": _pick(rng, _NEXT),
                "revision_of": None, "confidential": confidential, "created": stamp,
                "deleted": None,
            })  # fmt: skip
        # One instruction's reports together, so each is re-indexed in one chunk only.
        rows.sort(key=lambda r: (r["instruction_id"] is None, r["instruction_id"] or 0, r["at"]))
        for n, row in enumerate(rows):
            row["id"] = first_id + n
        reported = {r["instruction_id"] for r in rows}
        for instr in plan.instructions:
            if instr["status"] == "new" and instr["id"] in reported:
                instr["status"] = "in_progress"
        # The corrections: a new revision keeps the earlier text.
        for row in rng.sample(rows, min(self.sizes.feedback // 100, len(rows))):
            fixed = dict(row)
            fixed.update(id=None, uuid=_uuid(rng), revision_of=row["id"],
                         content=row["content"] + "（更正）")  # fmt: skip
            rows.append(fixed)
        plan.feedback = rows

    # ---------------------------------------------------------------- tasks

    def plan_tasks(self, plan: _Plan) -> None:
        rng, now = self.rng, self.now
        r = rng.random
        instrs = plan.instructions
        # Tag lists and their category, drawn from a fixed table (0, 1 or 2 tags).
        tag_sets: list[tuple[str, str]] = [("[]", "other")] * 4
        for first in _TAGS:
            tag_sets.append((json.dumps([first], ensure_ascii=False),
                             _TAG_CATEGORY.get(first, "other")))  # fmt: skip
        for first in _TAGS[:3]:
            for second in _TAGS[3:]:
                tag_sets.append((json.dumps([first, second], ensure_ascii=False),
                                 _TAG_CATEGORY[first]))  # fmt: skip
        notes = ("", "", "", "", "見附件", "需校長簽字", "call back tomorrow")
        for n in range(self.sizes.tasks):
            created = self.past()
            age = (now - created).days
            p_open = 0.5 if age < 14 else 0.15 if age < 60 else 0.03 if age < 365 else 0.01
            roll = r()
            status = "open" if roll < p_open else "cancelled" if roll < p_open + 0.03 else "done"
            instruction_id = None
            if instrs and r() < 0.1:
                served = instrs[int(r() * len(instrs))]
                instruction_id = served["id"]
                served_at = datetime.fromisoformat(served["created"])
                created = served_at if served_at > created else created
            due = None
            if r() < 0.7:
                day = created.date() + self.days[int(r() * 46)]
                if r() < 0.3:
                    due = f"{day.isoformat()}T{(9, 10, 12, 15, 17)[int(r() * 5)]:02d}:00"
                else:
                    due = day.isoformat()
            completed = None
            if status != "open":
                finish = created + self.days[int(r() * 21)]
                done_at = self.moment(created + timedelta(minutes=30), min(finish, now))
                completed = _ts(max(created, done_at))
            tags, category = tag_sets[int(r() * len(tag_sets))]
            recurrence = "FREQ=WEEKLY;BYDAY=FR" if status == "open" and r() < 0.01 else None
            importance = r()
            plan.tasks.append({
                "uuid": _uuid(rng), "title": _sample_title(rng, n + 1),
                "notes": notes[int(r() * len(notes))],
                "importance": "high" if importance < 0.2 else "low" if importance > 0.8
                else "normal",
                "urgent": int(r() < 0.08), "due": due, "category": category, "tags": tags,
                "status": status, "recurrence": recurrence, "recurrence_workdays": 0,
                "instruction_id": instruction_id, "confidential": int(r() < 0.01),
                "created": _ts(created), "updated": completed or _ts(created),
                "completed": completed, "deleted": None,
            })  # fmt: skip


def fill_synthetic(
    wb: Workbench,
    sizes: Sizes,
    seed: int = 1,
    progress: Callable[[str, int, int], None] | None = None,
) -> Counts:
    """Years of records ending at the workbench's clock, written in bulk and scored once.

    `progress(table, done, total)` is told after each chunk.
    """
    store = wb.store
    now = wb.now()
    synth = _Synth(wb, now, sizes, seed)
    plan = _Plan()
    first_instruction = store.count_instructions(InstructionFilter(scope="all")) + 1
    first_instruction += store.count_instructions(InstructionFilter(scope="archive"))
    synth.plan_instructions(plan, first_instruction)
    first_feedback = store.count_feedback(FeedbackFilter(include_revised=True)) + 1
    synth.plan_feedback(plan, first_feedback)
    synth.plan_tasks(plan)

    def write(table: str, rows: list[dict[str, Any]]) -> list[int]:
        ids: list[int] = []
        for start in range(0, len(rows), CHUNK):
            with store.transaction():
                ids.extend(store.bulk_insert(table, rows[start : start + CHUNK]))
            if progress is not None:
                progress(table, min(start + CHUNK, len(rows)), len(rows))
        return ids

    instruction_ids = write("instruction", plan.instructions)
    # Ids were planned from the first free one; remap in case the table had gaps.
    remap = dict(zip((r["id"] for r in plan.instructions), instruction_ids, strict=True))
    for rows in (plan.extensions, plan.chases, plan.feedback, plan.tasks):
        for row in rows:
            if row.get("instruction_id") is not None:
                row["instruction_id"] = remap[row["instruction_id"]]
    with store.transaction():
        store.bulk_insert("extension", plan.extensions)
        store.bulk_insert("chase", plan.chases)
    originals = [r for r in plan.feedback if r["revision_of"] is None]
    revisions = [r for r in plan.feedback if r["revision_of"] is not None]
    feedback_ids = write("feedback", originals)
    fb_remap = dict(zip((r["id"] for r in originals), feedback_ids, strict=True))
    for row in revisions:
        row["revision_of"] = fb_remap[row["revision_of"]]
    write("feedback", revisions)
    write("task", plan.tasks)
    wb.refresh()
    return _counts(wb)


def open_for_demo(path: Path, config: Config | None, now: datetime) -> tuple[Workbench, ClockHand]:
    """A workbench on `path` whose clock the demonstration can move."""
    hand = ClockHand(now)
    return Workbench.open(path, config, hand), hand
