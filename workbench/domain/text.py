"""Cleaning of user text before it is stored: what the user typed, minus what could harm.

Text is kept as typed (markup-like brackets, emoji, right-to-left marks, combining
characters all stay); terminal escape sequences and control characters are removed so that
nothing from the data can ever reach the terminal as a command. Width is measured in
terminal cells, never with `len()`.
"""

from __future__ import annotations

import functools
import re
import unicodedata

MAX_TITLE = 500
"""Longest title we accept, in characters; a title is one line of a list."""

MAX_TEXT = 100_000
"""Longest content, note or feedback we accept, in characters."""

# Compiled when first needed: most text is printable and never reaches them, and compiling
# the four at import was a few milliseconds of every command's start.


@functools.cache
def _escapes() -> re.Pattern[str]:
    """ESC-introduced sequences: CSI (ESC [ … final), OSC (ESC ] … BEL or ST), other
    two-byte ones, and the 8-bit C1 forms of CSI and OSC."""
    return re.compile(
        r"""
        \x1b\[[0-?]*[ -/]*[@-~]             # CSI
        | \x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?  # OSC, ended by BEL or ST (or left open)
        | \x1b[PX^_][^\x1b]*(?:\x1b\\)?       # DCS, SOS, PM, APC
        | \x1b[ -/]*[0-~]                    # two-byte and nF escapes
        | \x9b[0-?]*[ -/]*[@-~]              # 8-bit CSI
        | \x9d[^\x07\x9c]*[\x07\x9c]?         # 8-bit OSC
        """,
        re.VERBOSE,
    )


@functools.cache
def _controls(keep_newlines: bool) -> re.Pattern[str]:
    """Unicode's control characters (category Cc) are exactly C0, DEL and C1; a character
    class removes them in C, where a test of each character's category took most of a
    report's time. Tab and line feed are kept when `keep_newlines`."""
    if keep_newlines:
        return re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]+")
    return re.compile(r"[\x00-\x1f\x7f-\x9f]+")


def clean_text(text: str, *, multiline: bool = False) -> str:
    """Remove escape sequences and control characters; normalise line ends.

    A single-line field (a title, a leader's name) also turns tabs and line breaks into
    spaces. Leading and trailing white space is trimmed.
    """
    if text.isprintable():
        return text.strip()
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _escapes().sub("", text)
    if not multiline:
        text = text.replace("\n", " ").replace("\t", " ")
    text = _controls(multiline).sub("", text)
    # Unpaired surrogates cannot be stored as UTF-8; drop them.
    text = text.encode("utf-8", "surrogatepass").decode("utf-8", "ignore")
    return text.strip()


def without_controls(text: str, *, keep_newlines: bool = False) -> str:
    """`text` minus escape sequences and control characters, otherwise untouched (not
    trimmed): for what is typed or pasted into an input, and for printing stored text that
    another program may have written."""
    if text.isprintable():
        return text
    text = _escapes().sub("", text)
    return _controls(keep_newlines).sub("", text)


def one_line(text: str) -> str:
    """A display form of any text on one line (for list cells)."""
    return " ".join(clean_text(text).split())


@functools.lru_cache(maxsize=4096)
def char_width(ch: str) -> int:
    """Terminal cells of one character: 2 for wide East Asian forms, 0 for combining marks.
    Remembered: a list or a ledger measures the same few thousand characters over and
    over (a row of Chinese text measured in 6 µs instead of 19)."""
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0
    if unicodedata.east_asian_width(ch) in ("W", "F"):
        return 2
    return 1


def cell_width(text: str) -> int:
    """Width of `text` in terminal cells (never `len()`: a Chinese character is two)."""
    if text.isascii():
        return len(text)
    return sum(map(char_width, text))


_NO_LINE_START = frozenset("，。、；：！？）」』】》〕〉…‥・·％‰”’,.;:!?)]}%")
"""Marks that may not begin a line (禁則): they go with the character before them."""
_NO_LINE_END = frozenset("（「『【《〔〈“‘([{")
"""Marks that may not end a line: they go with the character after them."""


@functools.cache
def _word() -> re.Pattern[str]:
    """A Latin word or number (1,000, 10:00, 2026/11/26) kept whole, a run of spaces, or
    any other single character."""
    return re.compile(r"[A-Za-z0-9_@#&+\-*/.,:'\"]+| +|.", re.DOTALL)


def line_starts(text: str, width: int) -> list[int]:
    """Where each line after the first begins when `text` (one paragraph, no line breaks)
    is set `width` cells wide: between any two Chinese characters, between Latin words
    (never inside one that fits on a line), never between a number and the character
    that counts it (3天, 11月, 2處), and never with a closing mark such as ，or ） at the
    start of a line or an opening one at its end."""
    units: list[str] = []
    glue_next = False
    for match in _word().finditer(text):
        unit = match.group()
        counted = units and units[-1][-1].isdigit() and char_width(unit[0]) == 2
        if units and (glue_next or counted or unit[0] in _NO_LINE_START):
            units[-1] += unit
        else:
            units.append(unit)
        glue_next = unit[-1] in _NO_LINE_END
    starts: list[int] = []
    offset = used = 0
    for unit in units:
        size = cell_width(unit)
        if used and used + size > width and not unit.isspace():
            starts.append(offset)
            used = 0
        while size > width:  # longer than a line: cut it where the line is full
            cut = used_cells = 0
            while cut < len(unit) and used_cells + char_width(unit[cut]) <= width - used:
                used_cells += char_width(unit[cut])
                cut += 1
            cut = max(cut, 1)
            offset += cut
            unit = unit[cut:]
            starts.append(offset)
            used, size = 0, cell_width(unit)
        offset += len(unit)
        used += size
    return [start for start in starts if 0 < start < len(text)]


def fit(text: str, width: int, *, align: str = "left") -> str:
    """Cut `text` to `width` cells with an ellipsis, then pad it to exactly `width` cells."""
    if width <= 0:
        return ""
    if cell_width(text) > width:
        out: list[str] = []
        used = 0
        for ch in text:
            w = char_width(ch)
            if used + w > width - 1:
                break
            out.append(ch)
            used += w
        text = "".join(out) + "…"
    pad = " " * (width - cell_width(text))
    return pad + text if align == "right" else text + pad
