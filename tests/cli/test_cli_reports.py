"""`workbench summary` and `workbench brief` through click's CliRunner, on a database built
by the scripted story of tests/service/test_reports.py, with the clock fixed at Thursday
26 November 2026, 10:00 (WORKBENCH_NOW)."""

from __future__ import annotations

import json
import stat
import subprocess
import sys
from datetime import date

import click
import pytest
from click.testing import CliRunner
from docx import Document
from openpyxl import load_workbook

from tests.domain.test_summary import BRACKETS, MULTILINE
from tests.service.test_reports import Clock, script
from workbench.cli.main import build_cli
from workbench.cli.reports import default_name, period_label
from workbench.domain.summary import Period
from workbench.service.report_files import ReportFileExists
from workbench.service.workbench import Workbench


@pytest.fixture
def story(db_path, monkeypatch):
    """The database of the scripted story; returns the instruction ids by letter."""
    clock = Clock()
    wb = Workbench.open(db_path, clock=clock)
    try:
        ids = script(wb, clock)
    finally:
        wb.close()
    monkeypatch.setenv("WORKBENCH_NOW", "2026-11-26T10:00")
    monkeypatch.setenv("WORKBENCH_DB", str(db_path))
    return ids


def run(*args: str, lang: str = "en") -> click.testing.Result:
    from workbench import i18n

    i18n.set_language(lang)
    return CliRunner().invoke(build_cli(), ["--lang", lang, *args], catch_exceptions=True)


def test_json_counts_match_the_hand_count(story):
    result = run("summary", "--from", "2026-11-01", "--to", "2026-11-30", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["period"] == {"from": "2026-11-01", "to": "2026-11-30"}
    counts = {k: data["counts"][k] for k in ("total", "new", "in_progress", "done",
                                             "done_on_time", "overdue", "cancelled")}  # fmt: skip
    # On time: E (original), D (no deadline), B (after extension); late: A; overdue: F;
    # cancelled: C; open: F I G K. H is confidential, J closed in October, L deleted.
    assert counts == {"total": 9, "new": 6, "in_progress": 4, "done": 4, "done_on_time": 3,
                      "overdue": 1, "cancelled": 1}  # fmt: skip
    ids = {i["id"] for i in data["instructions"]}
    assert story["H"] not in ids
    assert ids == {story[k] for k in "ABCDEFGIK"}


def test_confidential_only_with_the_flag(story):
    result = run("summary", "--month", "--format", "json", "--include-confidential")
    data = json.loads(result.output)
    assert data["counts"]["total"] == 10
    secret = next(i for i in data["instructions"] if i["id"] == story["H"])
    assert secret["confidential"] is True
    text = run("summary", "--month", "--format", "text").output
    assert "人事調整方案醞釀" not in text
    marked = run("summary", "--month", "--format", "text", "--include-confidential").output
    assert "人事調整方案醞釀 (confidential)" in marked
    refused = run("summary", "--instruction", str(story["H"]))
    assert refused.exit_code != 0
    assert "--include-confidential" in str(refused.exception)


def test_text_for_a_chat_message(story):
    result = run("summary", "--month", "--format", "text", lang="zh-Hant")
    assert result.exit_code == 0, result.output
    out = result.output
    assert out.startswith("督辦事項辦理情況通報\n")
    assert MULTILINE in out and BRACKETS in out
    assert not set("#*|`>_") & set(out)


def test_docx_to_a_file(story, tmp_path):
    target = tmp_path / "通報.docx"
    result = run("summary", "--month", "--format", "docx", "-o", str(target), lang="zh-Hant")
    assert result.exit_code == 0, result.output
    assert str(target) in result.output
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    doc = Document(str(target))
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert headings[0] == "一、總體情況"
    again = run("summary", "--month", "--format", "docx", "-o", str(target))
    assert again.exit_code != 0 and isinstance(again.exception, ReportFileExists)
    forced = run("summary", "--month", "--format", "docx", "-o", str(target), "--overwrite")
    assert forced.exit_code == 0, forced.output


def test_xlsx_defaults_to_a_file_named_after_the_period(story, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("summary", "--last-month", "--format", "xlsx", lang="zh-Hant")
    assert result.exit_code == 0, result.output
    path = tmp_path / "督辦台賬_2026-10.xlsx"
    assert path.exists() and str(path) in result.output
    ws = load_workbook(path).active
    assert ws.freeze_panes == "A3"
    assert ws.max_row == 2 + 4  # October: A E F J


def test_one_instruction(story, tmp_path, monkeypatch):
    result = run("summary", "--instruction", str(story["F"]), "--format", "md", lang="zh-Hans")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("# 关于協調解決新辦公樓搬遷場地問題办理情况的报告\n")
    assert "## 一、落实过程" in result.output
    data = json.loads(run("summary", "--instruction", str(story["F"]), "--format",
                          "json").output)  # fmt: skip
    assert [e["kind"] for e in data["timeline"]] == [
        "feedback", "extension", "chase", "feedback", "chase"]  # fmt: skip
    monkeypatch.chdir(tmp_path)
    written = run("summary", "--instruction", str(story["F"]), "--format", "docx")
    assert written.exit_code == 0, written.output
    assert (tmp_path / f"report_{story['F']}.docx").exists()
    assert run("summary", "--instruction", str(story["F"]), "--format", "xlsx").exit_code == 2


def test_leader_filter_and_markdown_to_a_file(story, tmp_path):
    target = tmp_path / "wang.md"
    result = run("summary", "--month", "--leader", "王局長", "-o", str(target))
    assert result.exit_code == 0, result.output
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# Instructions of 王局長: Progress Report")
    assert "編製年度工作總結" not in text


def test_period_options_are_checked(story):
    assert run("summary", "--week", "--month").exit_code == 2
    assert run("summary", "--to", "2026-11-30").exit_code == 2
    assert run("summary", "--from", "2026-11-30", "--to", "2026-11-01").exit_code == 2
    assert run("summary", "--leader", "王局長", "--owner", "辦公室").exit_code == 2
    week = json.loads(run("summary", "--week", "--format", "json").output)
    assert week["period"] == {"from": "2026-11-23", "to": "2026-11-29"}
    default = json.loads(run("summary", "--format", "json").output)
    assert default["period"] == {"from": "2026-11-01", "to": "2026-11-30"}


def test_brief(story):
    result = run("brief", lang="zh-Hant")
    assert result.exit_code == 0, result.output
    out = result.output
    assert out.startswith("今日簡報（2026年11月26日，星期四）")
    assert "協調解決新辦公樓搬遷場地問題" in out  # red
    assert "研究制定節能降耗措施" in out  # feedback due
    data = json.loads(run("brief", "--json").output)
    assert [i["id"] for i in data["red"]] == [story["F"]]
    assert [i["id"] for i in data["feedback_due"]] == [story["K"]]


def test_file_names():
    assert period_label(Period.this_month(date(2026, 11, 26))) == "2026-11"
    assert period_label(Period.this_week(date(2026, 11, 26))) == "2026-W48"
    assert period_label(Period(date(2026, 11, 1), date(2026, 11, 15))) == (
        "2026-11-01_2026-11-15")  # fmt: skip
    name = default_name("summary", "2026-11", "docx", "王/局長 a")
    assert name == "summary_2026-11_王_局長_a.docx"
    # Plain text is saved as .txt, the ending every system opens in a text editor.
    assert default_name("summary", "2026-11", "text") == "summary_2026-11.txt"
    assert default_name("summary", "2026-11", "md") == "summary_2026-11.md"


def test_the_command_module_stays_light():
    code = (
        "import sys, workbench.cli.reports; "
        "print(sorted(m for m in ('textual', 'docx', 'openpyxl') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout  # fmt: skip
    assert out.strip() == "[]"
