"""Reports in words: golden Markdown and plain text in three languages, no markup in plain
text, feedback quoted whole, Markdown that user text cannot break, and the JSON shape.

Regenerate the golden files after an intended change with
`UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/domain/test_report_text.py` and read the
diff before committing it.
"""

from __future__ import annotations

import json
import os
import re
from datetime import date, datetime
from pathlib import Path

import pytest

from tests.domain.test_summary import (
    BRACKETS,
    FIRE,
    MULTILINE,
    NOVEMBER,
    NOW,
    at,
    fb,
    instr,
    sample_dossiers,
    sample_summary,
)
from workbench import i18n
from workbench.domain import report_text as R
from workbench.domain.calendar import WorkCalendar
from workbench.domain.models import FeedbackKind, Task
from workbench.domain.summary import (
    Dossier,
    build_brief,
    instruction_report,
    ledger,
    summarize,
)

GOLDEN = Path(__file__).parents[1] / "golden"
LANGS = ("zh-Hant", "zh-Hans", "en")
MARKUP = set("#*|`>_")


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return
    assert path.exists(), f"{path} is missing; run with UPDATE_GOLDEN=1 to create it"
    assert text == path.read_text(encoding="utf-8"), f"{name} differs from its golden file"


def november():
    return sample_summary(include_confidential=True)


def report_six():
    return instruction_report(sample_dossiers()[5], NOW, WorkCalendar())


RENDER = {
    ("summary", "md"): lambda: R.summary_markdown(november()),
    ("summary", "txt"): lambda: R.summary_text(november()),
    ("instruction", "md"): lambda: R.instruction_markdown(report_six()),
    ("instruction", "txt"): lambda: R.instruction_text(report_six()),
}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(("kind", "ext"), sorted(RENDER))
def test_golden(lang, kind, ext):
    i18n.set_language(lang)
    check_golden(f"{kind}.{lang}.{ext}", RENDER[kind, ext]())


def _markup_problems(text: str) -> list[str]:
    bad = []
    for n, line in enumerate(text.splitlines(), 1):
        found = MARKUP & set(line)
        if found or line.lstrip().startswith(("-", "+ ", "=")):
            bad.append(f"line {n}: {line!r}")
    return bad


@pytest.mark.parametrize("lang", LANGS)
def test_plain_text_has_no_markup_and_quotes_every_feedback_whole(lang):
    i18n.set_language(lang)
    text = R.summary_text(november())
    assert not _markup_problems(text)
    for content in (MULTILINE, BRACKETS, FIRE, "辦法已印發實施。", "年度工作總結已定稿並報送。",
                    "考核細則已印發，各科室正在自評。", "方案已初步形成。"):  # fmt: skip
        assert content in text
    report = R.instruction_text(report_six())
    assert not _markup_problems(report)
    for item in sample_dossiers()[5].feedback:
        assert item.content in report
        assert item.next_step in report


@pytest.mark.parametrize("lang", LANGS)
def test_heading_shortens_a_long_content_but_the_body_quotes_it_whole(lang):
    i18n.set_language(lang)
    long = "關於" + "加強機關作風建設" * 10 + "的意見\n第二行"
    data = Dossier(instr(40, "王局長", long, at(11, 2)))
    text = R.instruction_text(instruction_report(data, NOW))
    title = text.splitlines()[0]
    assert "…" in title and "第二行" not in title
    assert long in text


def test_markdown_escapes_what_could_change_the_structure():
    assert R.md_escape("# 標題") == "\\# 標題"
    assert R.md_escape("- 一項") == "\\- 一項"
    assert R.md_escape("1. 第一") == "1\\. 第一"
    assert R.md_escape("a | b *c* _d_ `e` [f](g) <h>") == (
        "a \\| b \\*c\\* \\_d\\_ \\`e\\` \\[f\\](g) \\<h\\>"
    )
    assert R.md_escape("第一行\n第二行") == "第一行\\\n第二行"
    assert R.md_escape("段一\n\n段二") == "段一\n\n段二"


def test_hostile_user_text_cannot_make_headings_or_tables():
    hostile = "# 假標題 | 欄\n> 引用\n- 清單\n## 第二個"
    data = sample_dossiers()
    six = data[5]
    data[5] = Dossier(six.instruction, (*six.feedback, fb(64, 6, at(11, 25), hostile,
                                                          kind=FeedbackKind.PROBLEM)))  # fmt: skip
    md = R.summary_markdown(summarize(data, NOVEMBER, NOW))
    tokens = _parse(md)
    headings = [tokens[i + 1].content for i, tok in enumerate(tokens)
                if tok.type == "heading_open"]  # fmt: skip
    assert not any("假標題" in h or "第二個" in h for h in headings)
    assert sum(tok.type == "table_open" for tok in tokens) == 1
    html = _html(md)
    assert "# 假標題 | 欄<br />\n&gt; 引用<br />\n- 清單<br />\n## 第二個" in html


def _parse(md: str):
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable("table").parse(md)


def _html(md: str) -> str:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable("table").render(md)


def test_markdown_has_real_headings_a_table_and_keeps_line_breaks(lang):
    lang("zh-Hant")
    md = R.summary_markdown(november())
    tokens = _parse(md)
    levels = [tok.tag for tok in tokens if tok.type == "heading_open"]
    assert levels.count("h1") == 1 and levels.count("h2") == 5
    assert levels.count("h3") == 10  # 4 closed, 5 in progress, 1 overdue
    html = _html(md)
    assert "場地協調困難：<br />\n一是新樓電梯尚未驗收；<br />" in html
    assert "[bold]重點[/bold]" in html


def test_chinese_numbers():
    cases = {1: "一", 10: "十", 11: "十一", 20: "二十", 21: "二十一", 100: "一百",
             105: "一百零五", 110: "一百一十", 1001: "一千零一",
             9999: "九千九百九十九"}  # fmt: skip
    assert {n: R.chinese_number(n) for n in cases} == cases
    assert R.chinese_number(10000) == "10000"


def test_rates_render_with_a_dash_when_undefined():
    assert R.rate_text(None) == "—"
    assert R.rate_text(0.5) == "50%"
    assert R.rate_text(4 / 9) == "44.4%"


def _counted(summary, **counts):
    """The summary with some of its counts changed."""
    from workbench.domain.records import replace

    return replace(summary, counts=replace(summary.counts, **counts))


def test_the_completion_rate_says_it_leaves_the_withdrawn_out(lang):
    """辦結率 is closed ÷ (all − withdrawn): 4 closed of 10 with one withdrawn reads 44.4%,
    which a reader would check against 40% unless the sentence says why."""
    summary = november()
    assert summary.counts.cancelled == 1
    lang("zh-Hant")
    assert "辦結率44.4%（已撤銷的1件不計）" in R.overview_sentence(summary)
    sentence = R.overview_sentence(_counted(summary, cancelled=0))
    assert "辦結率40%；" in sentence
    assert "不計" not in sentence


def test_on_time_after_an_extension_is_said_only_when_there_are_some(lang):
    summary, none = november(), _counted(november(), done_on_time_extended=0)
    assert summary.counts.done_on_time_extended == 1
    lang("zh-Hant")
    assert "按時辦結3件（含延期後按時辦結1件），" in R.overview_sentence(summary)
    assert "按時辦結3件，按時辦結率" in R.overview_sentence(none)
    lang("en")
    assert "closed on time 3 (of which on time only after an extension: 1), an" in (
        R.overview_sentence(summary)
    )
    assert "closed on time 3, an on-time rate" in R.overview_sentence(none)


def test_summary_json_shape():
    data = R.summary_json(sample_summary())
    assert set(data) == {"period", "counts", "instructions"}
    assert data["period"] == {"from": "2026-11-01", "to": "2026-11-30"}
    counts = data["counts"]
    expected = {"total": 9, "new": 6, "in_progress": 4, "done": 4, "done_on_time": 3,
                "overdue": 1, "cancelled": 1}  # fmt: skip
    assert {k: counts[k] for k in expected} == expected
    assert counts["done_on_time_extended"] == 1
    assert counts["completion_rate"] == 0.5 and counts["on_time_rate"] == 0.75
    assert counts["previous"]["from"] == "2026-10-01" and counts["previous"]["total"] == 4
    assert counts["change"]["total"] == 5
    by_id = {i["id"]: i for i in data["instructions"]}
    assert set(by_id) == {1, 2, 3, 4, 5, 6, 7, 9, 11}
    assert by_id[2]["outcome"] == "on_time_after_extension"
    assert by_id[2]["original_deadline"] == "2026-11-13" and by_id[2]["deadline"] == "2026-11-20"
    assert by_id[1]["outcome"] == "late"
    assert by_id[6]["light"] == "red" and by_id[6]["days_overdue"] == 6
    assert by_id[6]["chase_level"] == "warn" and by_id[6]["chase_count"] == 2
    assert by_id[6]["problems"][0]["content"] == MULTILINE
    assert by_id[3]["status"] == "cancelled"
    json.dumps(data)  # plain data only


def test_instruction_json_keeps_the_timeline():
    data = R.instruction_json(report_six())
    assert [e["kind"] for e in data["timeline"]] == [
        "feedback", "extension", "chase", "feedback", "chase"]  # fmt: skip
    assert data["timeline"][3]["feedback"]["content"] == MULTILINE
    assert data["instruction"]["extensions"][0]["reason"] == "搬遷公司檔期調整"
    json.dumps(data)


def test_ledger_rows_and_remarks(lang):
    lang("zh-Hant")
    s = sample_summary(include_confidential=True)
    rows = R.ledger_rows(ledger(s))
    assert [r[0] for r in rows] == list(range(1, 11))
    assert R.ledger_headers() == ["序號", "批示領導", "事項", "來源", "承辦", "協辦", "時限",
                                  "狀態", "最新進展", "備注"]  # fmt: skip
    six = next(r for r in rows if r[2] == "協調解決新辦公樓搬遷場地問題")
    assert six[6] == date(2026, 11, 20)
    assert six[8] == MULTILINE
    assert six[9] == "已延期1次，原定時限2026年11月18日；已逾期6天；催辦2次"
    secret = next(r for r in rows if r[2] == "人事調整方案醞釀")
    assert secret[9] == "機要"


@pytest.mark.parametrize("lang", LANGS)
def test_brief_text(lang):
    i18n.set_language(lang)
    tasks = [
        Task("報送周報", id=1, due=date(2026, 11, 25), created=at(11, 1)),
        Task("準備黨組會材料", id=2, due=datetime(2026, 11, 26, 15), created=at(11, 1)),
        Task("審核通知稿", id=3, due=date(2026, 11, 30), created=at(11, 1), confidential=True),
    ]
    brief = build_brief(NOW, tasks, sample_dossiers(), WorkCalendar())
    text = R.brief_text(brief)
    assert not _markup_problems(text)
    for title in ("報送周報", "準備黨組會材料", "審核通知稿", "協調解決新辦公樓搬遷場地問題",
                  "準備年終考核材料", "研究制定節能降耗措施"):  # fmt: skip
        assert title in text
    assert re.search(r"\d", text.splitlines()[0])
    data = R.brief_json(brief)
    assert [x["id"] for x in data["overdue_tasks"]] == [1]
    assert data["upcoming"]["until"] == "2026-12-01"
    json.dumps(data)


def test_brief_on_a_quiet_day(lang):
    lang("zh-Hans")
    text = R.brief_text(build_brief(NOW, [], []))
    assert "今天没有到期或逾期的事项" in text


def test_brief_counts_what_it_does_not_show():
    tasks = [Task(f"第{n}項", id=n, due=date(2026, 11, 20), created=at(11, 1))
             for n in range(1, 15)]  # fmt: skip
    text = R.brief_text(build_brief(NOW, tasks, []))
    assert "… and 4 more" in text
    assert "第10項" in text and "第11項" not in text
