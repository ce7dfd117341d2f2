"""Setting a line of content into lines: every character kept, in order and in its style,
each line within the width, later lines hanging after a label, a number or an indent."""

from __future__ import annotations

import pytest
from rich.cells import cell_len
from textual.content import Content

from workbench.tui.widgets.set_text import SetText, hanging, set_line

LINES = [
    "2026-11-20 10:00  反饋（進展）：已完成校園網絡設備調研，初步列出更新清單，下週提交採購方案。",
    "1. 全面排查校園安全隱患，建立整改台賬，報區教育局備案（校長，已逾期3天，承辦：總務處）",
    "  已完成教學樓、實驗樓排查，發現問題3處，report due 10:00, budget 1,000 yuan",
    "Overdue tasks: prepare the meeting papers for the principal's office by Monday morning",
]


@pytest.mark.parametrize("text", LINES)
def test_every_character_is_kept_and_every_line_fits(text):
    for width in range(12, 90):
        lines = set_line(Content(text), width)
        hang = hanging(text, width) if len(lines) > 1 else 0
        assert all(cell_len(line.plain) <= width for line in lines), width
        rest = [line.plain[hang:] for line in lines[1:]]
        assert all(not piece.startswith(" ") for piece in rest if piece.strip()), width
        assert "".join([lines[0].plain, *rest]).replace(" ", "") == text.replace(" ", "")


@pytest.mark.parametrize(("text", "cells"), [
    ("2026-11-20 10:00  反饋", 18),  # after a timestamp and its two spaces
    ("批示領導  校長", 10),  # after a label
    ("1. 全面排查", 3),  # after a list number
    ("（一）總體情況", 6),
    ("  已完成", 2),  # the line's own indent
    ("已完成教學樓排查", 0),
])  # fmt: skip
def test_later_lines_hang_after_the_head(text, cells):
    assert hanging(text, 80) == cells


def test_styles_stay_on_their_characters():
    text = "請辦公室牽頭，會同教導處、總務處和各年級組完成檢查"
    line = Content.assemble(("批示領導  ", "bold"), text)
    first, *rest = set_line(line, 30)
    assert first.plain.startswith("批示領導  ")
    assert [s.style for s in first.spans if first.plain[s.start : s.end] == "批示領導  "] == [
        "bold"
    ]
    assert rest and not any(span.style == "bold" for piece in rest for span in piece.spans)


@pytest.mark.parametrize("text", LINES)
def test_a_set_text_kept_to_two_lines_ends_its_second_in_an_ellipsis(text):
    for width in range(12, 40):
        widget = SetText(text, max_lines_each=2)
        lines = widget.set_at(width).plain.split("\n")
        assert len(lines) == 2, width
        assert lines[1].endswith("…") and all(cell_len(line) <= width for line in lines), width
        kept = "".join(lines).replace(" ", "")[:-1]
        assert text.replace(" ", "").startswith(kept), width


def test_a_set_text_that_fits_its_lines_has_no_ellipsis():
    widget = SetText("校長：修訂校規", max_lines_each=2)
    assert widget.set_at(40).plain == "校長：修訂校規"


def test_each_paragraph_is_kept_to_its_lines_so_the_second_stays_in_sight():
    first, second = LINES[1], LINES[0]
    lines = SetText(f"{first}\n{second}", max_lines_each=2).set_at(24).plain.split("\n")
    assert len(lines) == 4
    assert lines[0].startswith("1. 全面排查") and lines[1].endswith("…")
    assert lines[2].startswith("2026-11-20 10:00") and lines[3].endswith("…")
