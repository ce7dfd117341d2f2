"""A list cell: exactly its width, cut on a whole character with the ellipsis against the
text, whatever mix of Chinese and Latin it holds."""

from __future__ import annotations

import pytest
from rich.cells import cell_len

from workbench.tui.widgets.paged_list import fit


@pytest.mark.parametrize(("text", "width", "align", "shown"), [
    ("〔機要〕 整理教師職稱評審材料", 13, "left", "〔機要〕 整… "),  # 理 would straddle the cut
    ("〔機要〕 整理教師職稱評審材料", 12, "left", "〔機要〕 整…"),
    ("核對安全隱患整改台賬", 17, "left", "核對安全隱患整改…"),
    ("Send the open-class schedule", 17, "left", "Send the open-cl…"),
    ("會議", 6, "left", "會議  "),
    ("31.1", 5, "right", " 31.1"),
    ("逾期2494天", 7, "right", "逾期24…"),
    ("逾期2494天", 8, "right", "逾期249…"),
    ("", 3, "left", "   "),
])  # fmt: skip
def test_a_cell_is_its_width_and_cut_before_a_wide_character(text, width, align, shown):
    assert fit(text, width, align) == shown
    assert cell_len(fit(text, width, align)) == width


def test_every_cut_of_a_mixed_line_is_exact():
    text = "〔機要〕 跟進 report 10:00 家長會（第二期）#辦事"
    for width in range(1, cell_len(text) + 3):
        cell = fit(text, width)
        assert cell_len(cell) == width, (width, cell)
        if cell_len(text) > width:
            assert cell.rstrip(" ").endswith("…"), (width, cell)
            assert "  …" not in cell and not cell.startswith(" ")
