"""Word and Excel reports, reopened with python-docx and openpyxl; safe file writing."""

from __future__ import annotations

import stat
from datetime import datetime

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Mm, Twips
from openpyxl import load_workbook

from tests.domain.test_summary import (
    BRACKETS,
    MULTILINE,
    NOW,
    sample_dossiers,
    sample_summary,
)
from workbench.domain import report_text as RT
from workbench.domain.summary import instruction_report, ledger
from workbench.domain.text import cell_width
from workbench.service import report_files as F


def mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def styled(doc, style: str) -> list[str]:
    return [p.text for p in doc.paragraphs if p.style.name == style]


def test_summary_docx_has_real_headings_a_table_and_whole_feedback(tmp_path, lang):
    lang("zh-Hant")
    path = F.write_summary_docx(sample_summary(include_confidential=True), tmp_path / "s.docx")
    assert mode(path) == 0o600
    doc = Document(str(path))
    assert styled(doc, "Title") == ["督辦事項辦理情況通報"]
    assert styled(doc, "Heading 1") == ["一、總體情況", "二、已辦結事項", "三、正在辦理事項",
                                        "四、逾期及需協調事項", "五、下一步工作"]  # fmt: skip
    level2 = styled(doc, "Heading 2")
    assert len(level2) == 10
    assert "（四）人事調整方案醞釀（機要）" in level2
    assert len(doc.tables) == 1
    table = doc.tables[0]
    assert [c.text for c in table.rows[0].cells] == ["項目", "本期", "上期", "增減"]
    rows = {r.cells[0].text: [c.text for c in r.cells[1:]] for r in table.rows[1:]}
    assert rows["已辦結"] == ["4", "1", "+3"]
    assert rows["辦結率"] == ["44.4%", "25%", "+19.4個百分點"]
    texts = [p.text for p in doc.paragraphs]
    assert MULTILINE in texts  # line breaks kept as Word line breaks
    assert BRACKETS in texts
    section = doc.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)  # A4
    for paragraph in doc.paragraphs[:5]:
        for run in paragraph.runs:
            fonts = run.element.rPr.rFonts
            assert fonts.get(qn("w:eastAsia")) == F.EAST_ASIAN_FONT
            assert fonts.get(qn("w:ascii")) == F.LATIN_FONT
    assert doc.core_properties.author == ""
    assert doc.core_properties.title == "督辦事項辦理情況通報"


def test_instruction_docx_in_english(tmp_path, lang):
    lang("en")
    report = instruction_report(sample_dossiers()[5], NOW)
    path = F.write_instruction_docx(report, tmp_path / "r.docx")
    doc = Document(str(path))
    assert styled(doc, "Title") == ["Report on the Handling of “協調解決新辦公樓搬遷場地問題”"]
    assert styled(doc, "Heading 1") == ["1. How it was handled", "2. Basic facts",
                                        "3. Opinions and suggestions"]  # fmt: skip
    texts = [p.text for p in doc.paragraphs]
    for fb in sample_dossiers()[5].feedback:
        assert fb.content in texts


def test_ledger_xlsx(tmp_path, lang):
    lang("zh-Hant")
    summary = sample_summary(include_confidential=True)
    path = F.write_ledger_xlsx(ledger(summary), tmp_path / "l.xlsx", summary=summary)
    assert mode(path) == 0o600
    book = load_workbook(path)
    assert book.sheetnames == ["督辦台賬", "總體情況"]
    ws = book["督辦台賬"]
    assert ws["A1"].value == "督辦台賬（2026年11月1日至2026年11月30日）"
    assert "A1:J1" in {str(r) for r in ws.merged_cells.ranges}
    headers = [c.value for c in ws[2]]
    assert headers == ["序號", "批示領導", "事項", "來源", "承辦", "協辦", "時限", "狀態",
                       "最新進展", "備注"]  # fmt: skip
    assert ws.freeze_panes == "A3"
    assert ws.auto_filter.ref == "A2:J12"
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=3)]
    assert len(rows) == 10 and [r[0] for r in rows] == list(range(1, 11))
    six = next(r for r in rows if r[2] == "協調解決新辦公樓搬遷場地問題")
    assert six[6] == datetime(2026, 11, 20)
    assert six[8] == MULTILINE
    assert six[9] == "已延期1次，原定時限2026年11月18日；已逾期6天；催辦2次"
    date_cell = next(c for c in ws["G"][2:] if c.value == datetime(2026, 11, 20))
    assert date_cell.is_date and "年" in date_cell.number_format
    body = [cell for row in ws.iter_rows(min_row=3) for cell in row]
    assert all(c.alignment.wrap_text and c.alignment.vertical == "top" for c in body)
    assert not any(c.is_date for c in body if not isinstance(c.value, datetime))
    # Widths are terminal cells (a Chinese character is two) plus a margin, capped.
    contents = [r[2] for r in rows]
    expected = min(F.MAX_COLUMN_WIDTH, max(cell_width(c) for c in contents) + 2)
    assert ws.column_dimensions["C"].width == expected
    assert ws.column_dimensions["B"].width == cell_width("批示領導") + 2
    assert ws.column_dimensions["I"].width == F.MAX_COLUMN_WIDTH
    counts = book["總體情況"]
    assert [c.value for c in counts[2]] == ["項目", "本期", "上期", "增減"]
    done_row = next(r for r in counts.iter_rows(min_row=3, values_only=True) if r[0] == "已辦結")
    assert done_row == ("已辦結", 4, 1, 3)


def test_ledger_headers_in_english(tmp_path, lang):
    lang("en")
    path = F.write_ledger_xlsx(ledger(sample_summary()), tmp_path / "l.xlsx")
    ws = load_workbook(path).active
    assert [c.value for c in ws[2]][:3] == ["No.", "Leader", "Matter"]
    assert ws.max_row == 2 + 9


def test_an_existing_file_is_never_replaced_unless_asked(tmp_path):
    target = tmp_path / "report.md"
    target.write_text("keep me", encoding="utf-8")
    with pytest.raises(F.ReportFileExists) as err:
        F.write_text(target, "new")
    assert str(target) in str(err.value) and "--overwrite" in str(err.value)
    assert target.read_text(encoding="utf-8") == "keep me"
    with pytest.raises(F.ReportFileExists):
        F.write_summary_docx(sample_summary(), target)
    assert target.read_text(encoding="utf-8") == "keep me"
    F.write_text(target, "new", overwrite=True)
    assert target.read_text(encoding="utf-8") == "new"
    assert mode(target) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.md"]  # no temporary left


def test_a_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(F.ReportWriteError) as err:
        F.write_text(tmp_path / "no" / "such" / "x.md", "x")
    assert "x.md" in str(err.value)


def test_column_widths_cap_and_count_lines():
    rows = [["abc", "中文字", "x" * 200, "一行\n較長的第二行"]]
    assert F.column_widths(rows) == [6, 8, F.MAX_COLUMN_WIDTH, 14]


def test_control_characters_cannot_break_the_files(tmp_path):
    blocks = [RT.Title("報告"), RT.Quote("反饋", "第一行\x0b第二行\x00")]
    data = F.docx_bytes(blocks, "報告")
    path = F.write_file(tmp_path / "x.docx", data)
    assert "第一行第二行" in [p.text for p in Document(str(path)).paragraphs]


def test_docx_keeps_tabs_line_breaks_spaces_and_each_block_s_look(lang):
    import io

    from docx.enum.text import WD_ALIGN_PARAGRAPH

    lang("zh-Hant")
    blocks = [RT.Title("標題"), RT.Subtitle("副標題"), RT.Heading("一、概況", 1),
              RT.Para("  前有空格\t製表\n第二行\r\n第三行 "),
              RT.Field("承辦", "辦公室"), RT.Quote("反饋", "第一行\n\n隔一空行"),
              RT.Numbered(["甲", "乙"])]  # fmt: skip
    doc = Document(io.BytesIO(F.docx_bytes(blocks, "標題")))
    looks = [(p.style.name, p.alignment, p.paragraph_format.left_indent, p.text,
              [r.bold for r in p.runs]) for p in doc.paragraphs]  # fmt: skip
    centre = WD_ALIGN_PARAGRAPH.CENTER
    assert looks == [
        ("Title", None, None, "標題", [False]),
        ("Normal", centre, None, "副標題", [False]),
        ("Heading 1", None, None, "一、概況", [False]),
        ("Normal", None, None, "  前有空格\t製表\n第二行\n\n第三行 ", [False]),
        ("Normal", None, None, "承辦：辦公室", [True, False]),
        ("Normal", None, None, "反饋：", [True]),
        ("Normal", None, Twips(Mm(8).twips), "第一行\n\n隔一空行", [False]),
        ("Normal", None, None, "1. 甲", [False]),
        ("Normal", None, None, "2. 乙", [False]),
    ]
