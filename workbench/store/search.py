"""Substring search that also finds one- and two-character Chinese words.

SQLite's FTS5 trigram tokenizer finds any substring of three characters or more, fast,
but nothing shorter — and 會、會議、校長 are the words a secretary types. So each
searchable record is indexed twice:

* `*_tri`: the text itself, trigram-tokenized, for terms of three or more characters;
* `*_uni`: the text as one token per character (a run of anything that is not a letter or
  digit becomes one break token), unicode61-tokenized, for shorter terms, searched as a
  phrase of consecutive characters — so `會議` matches exactly where the two characters
  stand side by side, never across a space.

Both bodies are NFKC-normalised, case-folded and script-folded (Traditional Chinese to
Simplified, `script_fold`), as is the query, so full-width and half-width forms, letter
case and the script a word was typed in do not matter. A query is split on white space into
terms that must all match. A short term with no letter or digit in it (`#`, `!?`) cannot
use either index and falls back to a scan.
"""

from __future__ import annotations

import re
import unicodedata

from workbench.domain.records import record
from workbench.store.script_fold import fold

BREAK = "§"
"""The token standing for any run of non-alphanumeric characters in the unigram body."""

UNI_TOKENIZER = f"unicode61 remove_diacritics 0 tokenchars '{BREAK}'"
TRI_TOKENIZER = "trigram"


def normalize(text: str) -> str:
    return fold(unicodedata.normalize("NFKC", text).casefold())


def trigram_body(text: str) -> str:
    return normalize(text)


_NOT_ALNUM = re.compile(r"[\W_]+")
"""Runs of characters that are not letters or digits (`\\w` is `str.isalnum` plus `_`)."""


def unigram_body(text: str) -> str:
    """One token per letter or digit; one break token per run of anything else.

    Split at the runs with one regular expression and space out each word with `join`, so
    the work per character is done in C: bulk imports index every row.
    """
    out: list[str] = []
    for i, word in enumerate(_NOT_ALNUM.split(normalize(text))):
        if i:
            out.append(BREAK)
        if word:
            out.append(" ".join(word))
    return " ".join(out)


def _quote(phrase: str) -> str:
    return '"' + phrase.replace('"', '""') + '"'


@record(frozen=True, slots=True)
class Term:
    """One search term and how to look it up."""

    text: str
    """Normalised text of the term."""
    index: str
    """`tri`, `uni` or `scan`."""
    match: str
    """The FTS5 MATCH expression (empty for a scan)."""


def parse_query(query: str) -> list[Term]:
    """Split a user's query into terms, each with the index that answers it."""
    terms: list[Term] = []
    for raw in normalize(query).split():
        if len(raw) >= 3:
            terms.append(Term(raw, "tri", _quote(raw)))
        elif all(ch.isalnum() for ch in raw):
            terms.append(Term(raw, "uni", _quote(" ".join(raw))))
        else:
            terms.append(Term(raw, "scan", ""))
    return terms
