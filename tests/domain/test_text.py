"""Text helpers: the cleaner's fast forms against the plain definition they replace, and
line breaking for Chinese."""

from __future__ import annotations

import sys
import unicodedata
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workbench.domain import text as text_module
from workbench.domain.text import clean_text, without_controls


def test_the_control_class_is_exactly_unicode_category_cc():
    """The character class stands for `unicodedata.category(ch) == "Cc"`; it must match
    every such character and no other, over all of Unicode."""
    controls = text_module._controls(False)
    matched = {code for code in range(sys.maxunicode + 1) if controls.fullmatch(chr(code))}
    expected = {
        code for code in range(sys.maxunicode + 1) if unicodedata.category(chr(code)) == "Cc"
    }
    assert matched == expected
    assert {c for c in expected if text_module._controls(True).fullmatch(chr(c))} == (
        expected - {ord("\n"), ord("\t")}
    )


def _reference_clean(text: str, multiline: bool) -> str:
    """The cleaner written character by character, as it was first written."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text_module._escapes().sub("", text)
    if not multiline:
        text = text.replace("\n", " ").replace("\t", " ")
    kept = (ch for ch in text if (multiline and ch in "\n\t") or unicodedata.category(ch) != "Cc")
    text = "".join(kept).encode("utf-8", "surrogatepass").decode("utf-8", "ignore")
    return text.strip()


_TEXT = st.text(
    alphabet=st.one_of(
        st.sampled_from("\x1b[31m\x07\x9b\x9d\r\n\t \u3000\x00\x7f\x85會議報告[/]"),
        st.characters(),
    ),
    max_size=40,
)


@given(_TEXT, st.booleans())
def test_clean_text_matches_the_plain_definition(text, multiline):
    assert clean_text(text, multiline=multiline) == _reference_clean(text, multiline)


@given(_TEXT, st.booleans())
def test_without_controls_leaves_no_control_and_keeps_the_rest(text, keep_newlines):
    cleaned = without_controls(text, keep_newlines=keep_newlines)
    kept = "\n\t" if keep_newlines else ""
    assert not any(unicodedata.category(ch) == "Cc" and ch not in kept for ch in cleaned)
    if text.isprintable():
        assert cleaned == text


def test_examples():
    assert clean_text("  會議\t紀要\r\n第二行\x1b[31m紅\x00  ") == "會議 紀要 第二行紅"
    assert clean_text("甲\r\n乙\t丙\x07", multiline=True) == "甲\n乙\t丙"
    assert without_controls("報告\n\x1b]0;title\x07完\x9f", keep_newlines=True) == "報告\n完"
    assert without_controls("[red]x[/]") == "[red]x[/]"


# --------------------------------------------------------------------------- line breaking


def _lines(text: str, width: int) -> list[str]:
    from workbench.domain.text import line_starts

    starts = [0, *line_starts(text, width), len(text)]
    return [text[a:b] for a, b in pairwise(starts)]


@pytest.mark.parametrize(("text", "width", "lines"), [
    ("截至2026年11月26日，已辦結40件", 20,
     ["截至2026年11月26日，", "已辦結40件"]),
    # A closing mark never begins a line: it takes the character before it along.
    ("辦結率31%；其中按時辦結", 10, ["辦結率", "31%；其中", "按時辦結"]),
    ("督辦事項增加26件", 13, ["督辦事項增加", "26件"]),  # a number is not split
    # Nor is a number from the character that counts it.
    ("已逾期3天，承辦", 8, ["已逾期", "3天，承", "辦"]),
    ("截至2026年11月26日", 9, ["截至", "2026年", "11月26日"]),
    # An opening mark never ends a line.
    ("按時辦結（含延期後）", 10, ["按時辦結", "（含延期", "後）"]),
    ("Please complete the deadline（批示領導）", 24,
     ["Please complete the ", "deadline（批示領導）"]),
    ("12月31日 10:00：心理健康講座", 14, ["12月31日 ", "10:00：心理健", "康講座"]),
    ("共1,000件", 6, ["共", "1,000", "件"]),
    ("x" * 25, 10, ["x" * 10, "x" * 10, "x" * 5]),
    ("一二三四五", 3, ["一", "二", "三", "四", "五"]),
    ("", 10, [""]),
])  # fmt: skip
def test_lines_break_the_way_chinese_is_set(text, width, lines):
    assert _lines(text, width) == lines


@given(st.text(st.sampled_from("辦結事項，。（）「」abc 12%-"), max_size=80),
       st.integers(min_value=2, max_value=30))  # fmt: skip
def test_lines_fit_and_join_back_into_the_text(text, width):
    from workbench.domain.text import cell_width

    lines = _lines(text, width)
    assert "".join(lines) == text
    assert all(cell_width(line.rstrip(" ")) <= width for line in lines)
