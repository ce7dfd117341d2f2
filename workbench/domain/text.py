"""Cleaning of user text before it is stored: what the user typed, minus what could harm.

Text is kept as typed (markup-like brackets, emoji, right-to-left marks, combining
characters all stay); terminal escape sequences and control characters are removed so that
nothing from the data can ever reach the terminal as a command. Width is measured in
terminal cells, never with `len()`.
"""

from __future__ import annotations

import re
import unicodedata

MAX_TITLE = 500
"""Longest title we accept, in characters; a title is one line of a list."""

MAX_TEXT = 100_000
"""Longest content, note or feedback we accept, in characters."""

# ESC-introduced sequences: CSI (ESC [ … final), OSC (ESC ] … BEL or ST), other two-byte ones,
# and the 8-bit C1 forms of CSI and OSC.
_ESCAPES = re.compile(
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


def _is_control(ch: str, keep_newlines: bool) -> bool:
    if keep_newlines and ch in "\n\t":
        return False
    return unicodedata.category(ch) == "Cc"


def clean_text(text: str, *, multiline: bool = False) -> str:
    """Remove escape sequences and control characters; normalise line ends.

    A single-line field (a title, a leader's name) also turns tabs and line breaks into
    spaces. Leading and trailing white space is trimmed.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ESCAPES.sub("", text)
    if not multiline:
        text = text.replace("\n", " ").replace("\t", " ")
    text = "".join(ch for ch in text if not _is_control(ch, multiline))
    # Unpaired surrogates cannot be stored as UTF-8; drop them.
    text = text.encode("utf-8", "surrogatepass").decode("utf-8", "ignore")
    return text.strip()


def one_line(text: str) -> str:
    """A display form of any text on one line (for list cells)."""
    return " ".join(clean_text(text).split())
