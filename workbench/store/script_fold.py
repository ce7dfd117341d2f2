"""Traditional and Simplified Chinese, folded to one form for search.

An office's records mix both scripts (a notice pasted from the mainland, a note typed on a
Taiwan keyboard), and a secretary types in one: 会议 must find 會議 and 會議 must find
会议. Every character of the indexed text and of the query goes to its Simplified form,
one character for one, so that a substring of the text stays a substring once folded and
the indexes keep their positions. A few Simplified characters stand for several
Traditional ones (后 for 后 and 後, 发 for 發 and 髮): a search for one finds the others too,
which is what a search should err on.

The table is OpenCC's list of Traditional characters and their Simplified forms, read from
the `opencc-python-reimplemented` package's data (only the data: its converter works on
phrases, and a phrase-level conversion of a word could differ from that of the text around
it). The search indexes hold folded text, so they record which table folded them
(`fingerprint`); a database indexed with another table, or none, is indexed again when it
is opened (see `Store.open`).
"""

from __future__ import annotations

import importlib.util
import marshal
import zlib
from functools import cache
from pathlib import Path

from workbench import cache_files

_PACKAGE = "opencc"
_TABLE = ("dictionary", "TSCharacters.txt")


@cache
def _table_file() -> bytes:
    """The table's bytes, found without importing the package (b"" if it is missing)."""
    spec = importlib.util.find_spec(_PACKAGE)
    for folder in (spec.submodule_search_locations or []) if spec else []:
        path = Path(folder, *_TABLE)
        if path.is_file():
            return path.read_bytes()
    return b""


def fingerprint() -> str:
    """Which table folds text in this installation ("none": folding is off)."""
    data = _table_file()
    return f"{zlib.crc32(data):08x}-{len(data)}" if data else "none"


@cache
def table() -> dict[int, str]:
    """Traditional character → its Simplified form (the first, where OpenCC lists more).

    Made from the package's text once and kept in the cache folder, named by the table's
    fingerprint: making it from the text was 1.8 ms of every command that writes
    (`workbench add` indexes its task), reading the kept table takes 0.85."""
    name = f"script-fold-{fingerprint()}.marshal"
    kept = cache_files.read(name)
    if kept is not None:
        try:
            out = marshal.loads(kept)
        except (ValueError, EOFError, TypeError):
            out = None
        if isinstance(out, dict) and out:
            return out
    out = _from_text()
    if out:
        cache_files.write(name, marshal.dumps(out))
    return out


def _from_text() -> dict[int, str]:
    out: dict[int, str] = {}
    for line in _table_file().decode("utf-8").splitlines():
        source, _, targets = line.partition("\t")
        target = targets.split(" ", 1)[0].strip()
        if len(source) == 1 and len(target) == 1 and source != target:
            out[ord(source)] = target
    # A target that is itself listed (薴 → 苧 → 苎) goes to the end of the chain, so that
    # folding folded text changes nothing.
    for key, target in out.items():
        seen = {key}
        while ord(target) in out and ord(target) not in seen:
            seen.add(ord(target))
            target = out[ord(target)]
        out[key] = target
    return out


def fold(text: str) -> str:
    """`text` with every Traditional character in its Simplified form (same length)."""
    return text.translate(table())
