"""Reports as files: Word (.docx) for 情況通報 and 辦理情況報告, Excel (.xlsx) for 督辦台賬,
and the text formats.

A file is written whole to a temporary file in the target folder and then moved into
place, so a reader never sees half a report and a crash leaves the old file intact. It is
the owner's only (0600): reports quote confidential work. An existing file is never
replaced unless the caller says so.
"""

from __future__ import annotations

import copy
import errno
import io
import os
import re
import tempfile
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any

from workbench.domain import report_text as RT
from workbench.domain.summary import InstructionReport, Ledger, Summary
from workbench.domain.text import cell_width
from workbench.i18n import get_language, t
from workbench.service.errors import WorkbenchError

LATIN_FONT = "Times New Roman"
EAST_ASIAN_FONT = "SimSun"
"""宋體: present wherever Word shows Chinese; Word substitutes its own if missing."""

MAX_COLUMN_WIDTH = 50
"""Widest ledger column, in character cells; longer text wraps."""

_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


class ReportFileExists(WorkbenchError):
    """The target file exists and replacing it was not asked for."""


class ReportWriteError(WorkbenchError):
    """The file could not be written; the message says why."""


def _xml_safe(text: str) -> str:
    """Word and Excel files cannot hold control characters; stored text has none, but a
    file imported from elsewhere might."""
    return _XML_ILLEGAL.sub("", text)


# --------------------------------------------------------------------------- writing


def write_file(path: Path, data: bytes, *, overwrite: bool = False) -> Path:
    """Write `data` to `path` atomically with mode 0600; refuse to replace a file unless
    `overwrite`. Returns the absolute path written."""
    path = Path(path).expanduser().absolute()
    folder = path.parent
    if path.exists() and not overwrite:
        raise ReportFileExists("report.error.exists", file=str(path))
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as err:
        raise ReportWriteError("report.error.write", file=str(path),
                               problem=err.strerror or str(err)) from None  # fmt: skip
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o600)
        if overwrite:
            os.replace(tmp, path)
        else:
            _link_new(tmp, path)
    except ReportFileExists:
        raise
    except OSError as err:
        raise ReportWriteError("report.error.write", file=str(path),
                               problem=err.strerror or str(err)) from None  # fmt: skip
    finally:
        tmp.unlink(missing_ok=True)
    return path


def _link_new(tmp: Path, path: Path) -> None:
    """Put `tmp` at `path` only if nothing is there, even if another program races us.
    Hard links make that atomic; on a file system without them, check and rename."""
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise ReportFileExists("report.error.exists", file=str(path)) from None
    except OSError as err:
        if err.errno not in (errno.EPERM, errno.ENOTSUP, errno.EXDEV, errno.EMLINK):
            raise
        if path.exists():
            raise ReportFileExists("report.error.exists", file=str(path)) from None
        os.replace(tmp, path)


def write_text(path: Path, text: str, *, overwrite: bool = False) -> Path:
    return write_file(path, text.encode("utf-8"), overwrite=overwrite)


# --------------------------------------------------------------------------- Word


def _fonts(run_or_style: Any, *, bold: bool | None = None) -> None:
    """Latin and East Asian fonts on a run or a style, so Chinese never falls back to a
    Western font that lacks the characters."""
    from docx.oxml.ns import qn

    font = run_or_style.font
    font.name = LATIN_FONT
    if bold is not None:
        font.bold = bold
    r_fonts = run_or_style.element.get_or_add_rPr().get_or_add_rFonts()
    r_fonts.set(qn("w:eastAsia"), EAST_ASIAN_FONT)


@cache
def _run_properties(bold: bool) -> Any:
    """The <w:rPr> that `_fonts` gives a run, built once: setting fonts run by run through
    python-docx was half the time of a long report."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    rpr = OxmlElement("w:rPr")
    fonts = OxmlElement("w:rFonts")
    fonts.set(qn("w:ascii"), LATIN_FONT)
    fonts.set(qn("w:hAnsi"), LATIN_FONT)
    fonts.set(qn("w:eastAsia"), EAST_ASIAN_FONT)
    rpr.append(fonts)
    weight = OxmlElement("w:b")
    if not bold:
        weight.set(qn("w:val"), "0")
    rpr.append(weight)
    return rpr


def _run(paragraph: Any, text: str, *, bold: bool = False) -> None:
    run = paragraph.add_run(_xml_safe(text))
    run.element.insert(0, copy.deepcopy(_run_properties(bold)))


def _setup(doc: Any) -> None:
    """A4 with the margins of Chinese official documents (GB/T 9704), black headings."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt, RGBColor

    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    for name in ("Normal", "Title", "Heading 1", "Heading 2"):
        style = doc.styles[name]
        _fonts(style)
        style.font.color.rgb = RGBColor(0, 0, 0)
    doc.styles["Normal"].font.size = Pt(12)
    doc.styles["Title"].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    props = doc.core_properties
    props.author = props.last_modified_by = props.comments = props.keywords = ""
    props.language = get_language()


def _docx_table(doc: Any, table: RT.Table) -> None:
    grid = doc.add_table(rows=1 + len(table.rows), cols=len(table.headers))
    grid.style = doc.styles["Table Grid"]
    # python-docx builds its row and cell lists anew on every index: walk them once.
    rows = list(grid.rows)
    for cell, header in zip(rows[0].cells, table.headers, strict=True):
        _run(cell.paragraphs[0], header, bold=True)
    for grid_row, row in zip(rows[1:], table.rows, strict=True):
        for cell, value in zip(grid_row.cells, row, strict=True):
            _run(cell.paragraphs[0], value)


class _StyleIds(dict[str, str]):
    """Paragraph style names to ids, looked up once per document. Given a style by name,
    python-docx finds it and then compares it with the default style, which it finds by
    reading the type of every style in the template: about 1 ms for each heading, and a
    month's summary at 100,000 records has 192 of them."""

    def __init__(self, doc: Any) -> None:
        super().__init__()
        self._styles = doc.styles

    def __missing__(self, name: str) -> str:
        found = self[name] = self._styles[name].style_id
        return found


def _styled_paragraph(doc: Any, ids: _StyleIds, name: str) -> Any:
    """A new paragraph in the style `name` (never the default style, which needs none)."""
    paragraph = doc.add_paragraph()
    paragraph.paragraph_format.element.style = ids[name]
    return paragraph


def _docx_block(doc: Any, block: RT.Block, ids: _StyleIds) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm

    colon = t("report.colon").rstrip()
    match block:
        case RT.Title(text):
            paragraph = _styled_paragraph(doc, ids, "Title")
            _run(paragraph, text)
        case RT.Subtitle(text):
            paragraph = doc.add_paragraph()
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _run(paragraph, text)
        case RT.Heading(text, level):
            _run(_styled_paragraph(doc, ids, f"Heading {level}"), text)
        case RT.Para(text):
            _run(doc.add_paragraph(), text)
        case RT.Field(label, value):
            paragraph = doc.add_paragraph()
            _run(paragraph, label + colon, bold=True)
            _run(paragraph, value)
        case RT.Quote(label, text):
            _run(doc.add_paragraph(), label + colon, bold=True)
            quoted = doc.add_paragraph()
            quoted.paragraph_format.left_indent = Mm(8)
            _run(quoted, text)
        case RT.Table():
            _docx_table(doc, block)
        case RT.Numbered(lines):
            for n, line in enumerate(lines, 1):
                _run(doc.add_paragraph(), f"{n}. {line}")


def docx_bytes(blocks: Iterable[RT.Block], title: str) -> bytes:
    """A Word document of report blocks: Title, Heading 1/2 styles, a real table."""
    from docx import Document

    doc = Document()
    _setup(doc)
    doc.core_properties.title = _xml_safe(title)
    ids = _StyleIds(doc)
    for block in blocks:
        _docx_block(doc, block, ids)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def write_summary_docx(summary: Summary, path: Path, *, overwrite: bool = False) -> Path:
    data = docx_bytes(RT.summary_blocks(summary), RT.summary_title(summary))
    return write_file(path, data, overwrite=overwrite)


def write_instruction_docx(report: InstructionReport, path: Path, *,
                           overwrite: bool = False) -> Path:  # fmt: skip
    data = docx_bytes(RT.instruction_blocks(report), RT.instruction_title(report))
    return write_file(path, data, overwrite=overwrite)


# --------------------------------------------------------------------------- Excel


def _date_format(value: date) -> str:
    chinese = get_language().startswith("zh")
    if isinstance(value, datetime):
        return 'yyyy"年"m"月"d"日" hh:mm' if chinese else "yyyy-mm-dd hh:mm"
    return 'yyyy"年"m"月"d"日"' if chinese else "yyyy-mm-dd"


def _shown_width(value: Any) -> int:
    """Cells a value takes on screen: CJK characters count two; the widest line counts."""
    if value is None:
        return 0
    if isinstance(value, datetime):
        return 18
    if isinstance(value, date):
        return 16 if get_language().startswith("zh") else 10
    return max((cell_width(line) for line in str(value).split("\n")), default=0)


def column_widths(rows: Sequence[Sequence[Any]], cap: int = MAX_COLUMN_WIDTH) -> list[int]:
    """Each column as wide as its widest line plus a margin, capped (the rest wraps)."""
    widths: list[int] = []
    for row in rows:
        for col, value in enumerate(row):
            if col == len(widths):
                widths.append(0)
            widths[col] = max(widths[col], _shown_width(value))
    return [min(cap, max(6, w + 2)) for w in widths]


def _sheet(ws: Any, title: str, headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """Title row, bold frozen header with a filter, real dates, widths in cells, wrapping."""
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    ncols = len(headers)
    ws.append([_xml_safe(title)])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=ncols)
    ws.cell(1, 1).font = Font(bold=True, size=14)
    ws.cell(1, 1).alignment = Alignment(horizontal="center")
    ws.append(list(headers))
    for col in range(1, ncols + 1):
        cell = ws.cell(2, col)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    wrap = Alignment(vertical="top", wrap_text=True)
    # Rows are counted here: `ws.max_row` scans every cell, which made the loop quadratic.
    for r, row in enumerate(rows, 3):
        ws.append([_xml_safe(v) if isinstance(v, str) else v for v in row])
        for col, value in enumerate(row, 1):
            cell = ws.cell(r, col)
            cell.alignment = wrap
            if isinstance(value, date):
                cell.number_format = _date_format(value)
    last = get_column_letter(ncols)
    ws.freeze_panes = "A3"
    ws.auto_filter.ref = f"A2:{last}{len(rows) + 2}"
    ws.print_title_rows = "2:2"
    for col, width in enumerate(column_widths([headers, *rows]), 1):
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape"


def _counts_rows(table: RT.Table) -> list[list[Any]]:
    """The counts table with whole numbers as numbers, so Excel can add them up."""
    out = []
    for row in table.rows:
        out.append([int(c) if c.lstrip("+-").isdigit() else c for c in row])
    return out


def xlsx_bytes(ledger: Ledger, summary: Summary | None = None) -> bytes:
    """督辦台賬 as a workbook; with `summary`, a second sheet holds the period's counts."""
    from openpyxl import Workbook

    book = Workbook()
    ws = book.active
    ws.title = t("report.sheet.ledger")
    _sheet(ws, RT.ledger_title(ledger), RT.ledger_headers(), RT.ledger_rows(ledger))
    if summary is not None:
        table = RT.counts_table(summary.counts, summary.previous)
        counts = book.create_sheet(t("report.sheet.counts"))
        title = f"{RT.summary_title(summary)} {RT.period_text(summary.period)}"
        _sheet(counts, title, table.headers, _counts_rows(table))
    book.properties.creator = t("app.name")
    book.properties.title = RT.ledger_title(ledger)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def write_ledger_xlsx(ledger: Ledger, path: Path, *, summary: Summary | None = None,
                      overwrite: bool = False) -> Path:  # fmt: skip
    return write_file(path, xlsx_bytes(ledger, summary), overwrite=overwrite)
