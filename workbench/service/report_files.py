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
from workbench.i18n import get_language, os_problem, t
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
                               problem=os_problem(err)) from None  # fmt: skip
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
                               problem=os_problem(err)) from None  # fmt: skip
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
def _run_template(bold: bool) -> Any:
    """An empty <w:r> with the fonts that `_fonts` gives a style, built once and copied
    for each run: setting fonts run by run through python-docx was half the time of a
    long report."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    run = OxmlElement("w:r")
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
    run.append(rpr)
    return run


@cache
def _run_parts() -> tuple[Any, Any, Any]:
    """A run's text, tab and line break elements, each copied where it is needed."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    text = OxmlElement("w:t")
    text.set(qn("xml:space"), "preserve")
    return text, OxmlElement("w:tab"), OxmlElement("w:br")


_RUN_BREAKS = re.compile(r"([\t\r\n])")


def _run(paragraph: Any, text: str, *, bold: bool = False) -> None:
    """Append to the <w:p> `paragraph` a run of `text`. Built from copies: python-docx
    sets a run's text one character at a time, after clearing the new run, and finds
    each new element's place by searching its parent's children; that was most of the
    time of a month's summary (2,500 runs at 100,000 records)."""
    run = copy.deepcopy(_run_template(bold))
    _text_into(run, text)
    paragraph.append(run)


def _cell_text(cell: Any, text: str, *, bold: bool = False) -> None:
    """`text` in a table cell's paragraph, through python-docx's own run (a few dozen
    cells a report)."""
    run = cell.paragraphs[0].add_run().element
    for properties in _run_template(bold):
        run.append(copy.deepcopy(properties))
    _text_into(run, text)


def _text_into(run: Any, text: str) -> None:
    """`text` as a run's content: its tabs and line breaks as Word's own elements."""
    text_part, tab, line_break = _run_parts()
    for piece in _RUN_BREAKS.split(_xml_safe(text)):
        if piece == "\t":
            run.append(copy.deepcopy(tab))
        elif piece in ("\r", "\n"):
            run.append(copy.deepcopy(line_break))
        elif piece:
            part = copy.deepcopy(text_part)
            part.text = piece
            run.append(part)


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


_QUOTE_INDENT_MM = 8


class _Body:
    """Appends paragraphs to a document's body, before its section properties, where
    python-docx puts them too (so they interleave with its tables in order).

    Paragraphs are copies of one template per look (style, centred, indented), with the
    style's id looked up once per document: given a style by name, python-docx finds it
    and then compares it with the default style, found by reading the type of every
    style in the template (about 1 ms a heading; a month's summary at 100,000 records has
    192 of them)."""

    def __init__(self, doc: Any) -> None:
        self.doc = doc
        self._end = doc.element.body.sectPr
        self._templates: dict[tuple[str | None, bool, bool], Any] = {}

    def paragraph(self, style: str | None = None, *, centred: bool = False,
                  indented: bool = False) -> Any:  # fmt: skip
        """A new, empty <w:p> at the end of the body."""
        key = (style, centred, indented)
        template = self._templates.get(key)
        if template is None:
            template = self._templates[key] = self._template(*key)
        paragraph = copy.deepcopy(template)
        self._end.addprevious(paragraph)
        return paragraph

    def _template(self, style: str | None, centred: bool, indented: bool) -> Any:
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn
        from docx.shared import Mm

        paragraph = OxmlElement("w:p")
        if style is None and not centred and not indented:
            return paragraph
        properties = OxmlElement("w:pPr")  # children in the order the schema gives
        if style is not None:
            style_id = OxmlElement("w:pStyle")
            style_id.set(qn("w:val"), self.doc.styles[style].style_id)
            properties.append(style_id)
        if indented:
            indent = OxmlElement("w:ind")
            indent.set(qn("w:left"), str(Mm(_QUOTE_INDENT_MM).twips))
            properties.append(indent)
        if centred:
            justify = OxmlElement("w:jc")
            justify.set(qn("w:val"), "center")
            properties.append(justify)
        paragraph.append(properties)
        return paragraph


def _docx_table(doc: Any, table: RT.Table) -> None:
    grid = doc.add_table(rows=1 + len(table.rows), cols=len(table.headers))
    grid.style = doc.styles["Table Grid"]
    # python-docx builds its row and cell lists anew on every index: walk them once.
    rows = list(grid.rows)
    for cell, header in zip(rows[0].cells, table.headers, strict=True):
        _cell_text(cell, header, bold=True)
    for grid_row, row in zip(rows[1:], table.rows, strict=True):
        for cell, value in zip(grid_row.cells, row, strict=True):
            _cell_text(cell, value)


def _docx_block(body: _Body, block: RT.Block) -> None:
    colon = t("report.colon").rstrip()
    match block:
        case RT.Title(text):
            _run(body.paragraph("Title"), text)
        case RT.Subtitle(text):
            _run(body.paragraph(centred=True), text)
        case RT.Heading(text, level):
            _run(body.paragraph(f"Heading {level}"), text)
        case RT.Para(text):
            _run(body.paragraph(), text)
        case RT.Field(label, value):
            paragraph = body.paragraph()
            _run(paragraph, label + colon, bold=True)
            _run(paragraph, value)
        case RT.Quote(label, text):
            _run(body.paragraph(), label + colon, bold=True)
            _run(body.paragraph(indented=True), text)
        case RT.Table():
            _docx_table(body.doc, block)
        case RT.Numbered(lines):
            for n, line in enumerate(lines, 1):
                _run(body.paragraph(), f"{n}. {line}")


def docx_bytes(blocks: Iterable[RT.Block], title: str) -> bytes:
    """A Word document of report blocks: Title, Heading 1/2 styles, a real table."""
    from docx import Document

    doc = Document()
    _setup(doc)
    doc.core_properties.title = _xml_safe(title)
    body = _Body(doc)
    for block in blocks:
        _docx_block(body, block)
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
    # Every body cell wraps. openpyxl files a style by hashing it, field by field, on each
    # assignment (a third of a ledger's time); the first cell is styled so and the others
    # take a copy of its style ids (`_style`, private, the way openpyxl copies a cell).
    wrapped = None
    # Rows are counted here: `ws.max_row` scans every cell, which made the loop quadratic.
    for r, row in enumerate(rows, 3):
        ws.append([_xml_safe(v) if isinstance(v, str) else v for v in row])
        for col, value in enumerate(row, 1):
            cell = ws.cell(r, col)
            if wrapped is None:
                cell.alignment = Alignment(vertical="top", wrap_text=True)
                wrapped = copy.copy(cell._style)
            else:
                cell._style = copy.copy(wrapped)
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
