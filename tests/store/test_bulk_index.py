"""Bulk indexing (imports, generated data, rebuilding) writes exactly the search bodies
that indexing one row at a time writes."""

from __future__ import annotations

import pytest

from tests.conftest import NOW
from workbench.service import demo
from workbench.store.schema import OPEN_TASKS, SEARCHABLE
from workbench.store.search import unigram_body
from workbench.store.store import TaskFilter


def bodies(store) -> dict[str, list[tuple]]:
    conn = store.db.conn
    return {
        f"{table}_{kind}": conn.execute(
            f"SELECT rowid, body FROM {table}_{kind} ORDER BY rowid"
        ).fetchall()
        for table in (*SEARCHABLE, OPEN_TASKS)
        for kind in ("tri", "uni")
    }


def test_rebuilding_in_bulk_gives_the_bodies_of_single_row_indexing(db_path):
    wb, hand = demo.open_for_demo(db_path, None, NOW)
    try:
        demo.fill_week(wb, hand)  # every row indexed one at a time by the use cases
        before = bodies(wb.store)
        assert all(before.values())
        wb.store.rebuild_search()
        assert bodies(wb.store) == before
    finally:
        wb.close()


def test_bulk_feedback_reindexes_its_instructions_like_one_by_one(db_path):
    wb, _ = demo.open_for_demo(db_path, None, NOW)
    try:
        demo.fill_synthetic(wb, demo.Sizes(300, 40, 200), seed=2)
        bulk = bodies(wb.store)
        with wb.store.transaction():
            for table in SEARCHABLE:
                for (row_id,) in wb.store.db.query(f"SELECT id FROM {table}"):
                    wb.store._reindex(table, row_id, False)
        assert bodies(wb.store) == bulk
        assert wb.count_tasks(TaskFilter(scope="all", query="會議")) > 0
    finally:
        wb.close()


def _one_char_at_a_time(text: str) -> str:
    """The unigram body by its definition, character by character."""
    from workbench.store.search import BREAK, normalize

    out: list[str] = []
    in_break = False
    for ch in normalize(text):
        if ch.isalnum():
            out.append(ch)
            in_break = False
        elif not in_break:
            out.append(BREAK)
            in_break = True
    return " ".join(out)


def _check(codes: list[int]) -> None:
    codes = [c for c in codes if not 0xD800 <= c < 0xE000]
    for start in range(0, len(codes), 8192):
        text = "".join(f"a{chr(c)}_{chr(c)}{chr(c)}b " for c in codes[start : start + 8192])
        assert unigram_body(text) == _one_char_at_a_time(text), hex(codes[start])


def test_unigram_body_matches_its_definition():
    """Latin, punctuation, CJK symbols and full-width forms whole; a sample of the rest."""
    _check([*range(0x3100), *range(0xFE00, 0x10000), *range(0x3100, 0x110000, 61)])
    for text in ("", " ", "__", "會議 report_2026！", "ｆｕｌｌ　ｗｉｄｔｈ", "\n\n校長\n"):
        assert unigram_body(text) == _one_char_at_a_time(text)


@pytest.mark.long
def test_unigram_body_matches_its_definition_on_every_character():
    _check(list(range(0x110000)))
