"""The benchmark's table: what it checks, since its verdicts go into the README."""

from __future__ import annotations

import json
from typing import Any

from benchmarks.__main__ import table


def _office(markdown_ms: float, month: int, before: int) -> dict[str, Any]:
    return {"reports": {"summary_md": {"warm": [markdown_ms / 1000] * 3},
                        "population": {"instructions": month, "previous": before}}}  # fmt: skip


def _row(text: str, label: str) -> list[str]:
    line = next(line for line in text.splitlines() if line.startswith(f"| {label} |"))
    return [cell.strip() for cell in line.strip("|").split("|")]


def test_a_report_grows_with_what_it_covers_not_with_the_file() -> None:
    # Twice the instructions covered in 1.6 times the time: one costs less than before.
    text, _, _ = table({1000: _office(30, 90, 35), 100000: _office(48, 130, 120)})
    cells = _row(text, "month summary, Markdown (in app)")
    assert cells[1:3] == ["30.0", "48.0"]
    assert cells[-1] == "0.80 per instruction covered PASS"


def test_a_report_costing_more_for_each_instruction_fails() -> None:
    text, _, failed = table({1000: _office(30, 90, 35), 100000: _office(60, 100, 40)})
    assert _row(text, "month summary, Markdown (in app)")[-1] == (
        "1.79 per instruction covered FAIL"
    )
    assert failed >= 1


def test_a_report_without_its_count_cannot_pass() -> None:
    found = _office(48, 130, 120)
    del found["reports"]["population"]
    text, _, _ = table({1000: _office(30, 90, 35), 100000: found})
    assert _row(text, "month summary, Markdown (in app)")[-1].endswith("FAIL")


def _commands(add: float, task_add: float, backlog_add: float | None,
              task_backlog_add: float | None) -> dict[str, Any]:  # fmt: skip
    return {"cli": {"add": add, "backlog_add": backlog_add},
            "task": {"add": task_add, "backlog_add": task_backlog_add}}  # fmt: skip


def test_the_open_backlog_is_judged_beside_the_office_not_instead_of_it() -> None:
    office = _commands(0.048, 0.012, 0.049, 0.629)
    text, _, failed = table({1000: _commands(0.046, 0.006, 0.048, 0.010), 100000: office})
    assert _row(text, "task add ÷ workbench add")[-2] == "FAIL"
    assert _row(text, "  task add ÷ workbench add, open backlog")[-3:-1] == ["≥ 5", "PASS"]
    assert failed >= 1


def test_an_open_backlog_not_measured_cannot_pass() -> None:
    office = _commands(0.048, 0.012, None, None)
    text, _, _ = table({1000: office, 100000: office})
    assert _row(text, "  task add ÷ workbench add, open backlog")[-2] == "FAIL (not measured)"


def test_the_open_backlog_makes_every_task_pending(tmp_path) -> None:
    from benchmarks.backlog import _pending

    source, target = tmp_path / "export.json", tmp_path / "pending.json"
    source.write_text(json.dumps([
        {"uuid": "a", "description": "交報告", "status": "completed", "end": "20260101T000000Z"},
        {"uuid": "b", "description": "開會", "status": "deleted", "end": "20260102T000000Z"},
        {"uuid": "c", "description": "催辦", "status": "pending", "due": "20261201T000000Z"},
    ], ensure_ascii=False), encoding="utf-8")  # fmt: skip
    _pending(source, target)
    tasks = json.loads(target.read_text(encoding="utf-8"))
    assert [t["status"] for t in tasks] == ["pending"] * 3
    assert not any("end" in t for t in tasks)
    assert [t["description"] for t in tasks] == ["交報告", "開會", "催辦"]
    assert tasks[2]["due"] == "20261201T000000Z"
