"""The instruction pane's words for the time left, which must fit their nine cells."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from rich.cells import cell_len

from workbench.tui.widgets.instruction_list import days_left_short

TODAY = date(2026, 11, 26)


@pytest.mark.parametrize(("deadline", "hant", "en"), [
    (date(2020, 1, 28), "逾期6年", "6y late"),      # 2,494 days ago
    (date(2025, 11, 26), "逾期1年", "1y late"),
    (date(2025, 11, 27), "逾期364天", "364d late"),
    (date(2026, 11, 25), "逾期1天", "1d late"),
    (TODAY, "今天到期", "due today"),
    (date(2026, 12, 4), "還剩8天", "8d left"),
    (date(2027, 11, 26), "還剩1年", "1y left"),
    (date(2031, 3, 1), "還剩4年", "4y left"),
])  # fmt: skip
def test_days_left_in_words(lang, deadline, hant, en):
    days = (deadline - TODAY).days
    lang("zh-Hant")
    assert days_left_short(days, deadline) == hant
    lang("en")
    assert days_left_short(days, deadline) == en


def test_the_words_fit_nine_cells_for_every_day_of_twenty_years(lang):
    for code in ("en", "zh-Hant", "zh-Hans"):
        lang(code)
        for days in range(-3660, 3661):
            deadline = TODAY + timedelta(days=days)
            words = days_left_short(days, deadline)
            assert 0 < cell_len(words) <= 9, (code, days, words)
