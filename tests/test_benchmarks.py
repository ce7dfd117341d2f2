"""The benchmark's table: what it checks, since its verdicts go into the README."""

from __future__ import annotations

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
