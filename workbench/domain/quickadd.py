"""One line in, a task out: `準備校務會材料 明天下午3點 !重 #辦會`.

The line is split at white space (the full-width space too) into words. Each word is one of:

- a marker: ``!重 !high !h`` important, ``!輕 !轻 !low !l`` minor, ``!普通 !normal`` normal,
  ``!急 !urgent !u`` urgent, ``!重急 !!`` important and urgent, ``!密 !機要 !机要
  !confidential`` confidential (full-width ``！`` too). Any other ``!word`` is an error; a lone
  ``!`` or ``!!!`` is text, and so is ``好!`` (the ``!`` is not at the start). When two
  importance markers are given, the last one counts.
- a tag: ``#word`` (or ``＃word``) adds the tag ``word`` as typed, once. ``#辦文 #办文 #doc``,
  ``#辦事 #办事 #affair`` and ``#辦會 #办会 #meeting`` also set the category.
- a category: ``@辦文 @辦事 @辦會 @其他`` (simplified forms, and ``@doc @affair @meeting
  @other``) set it without a tag; an unknown ``@word`` is an error. Two different
  categories in one line are an error.
- an explicit date: ``due:明天``, ``due:2026-12-01``, ``due:"next friday 3pm"`` (quotes
  for spaces). It may also be a repetition (``due:weekly``). If it is not a date, that error
  is reported.
- a date or repetition said in words: a word or a run of up to eight adjacent words that
  reads as one (``明天 下午3點``, ``next friday 3pm``, ``dec 1``, ``in 3 days``,
  ``每週一 上午9點``, ``every monday``); the longest run from the left wins. Inside a title
  the stricter reading of `dates.parse_in_text` applies: ``3天``, ``3d``, ``2 weeks``, ``3點``,
  ``下午``, ``sun``, ``12/1``, ``12.1``, ``weekly`` alone stay title words (write ``3天後``,
  ``in 2 weeks``, ``下午3點``, ``by 12/1``, ``12月1日``, ``due:weekly``…). An impossible date
  (``2月30日``, ``下午13點``) is an error.
- a Chinese date glued to the start or the end of a Chinese word: ``明天交報告`` (交報告, due
  tomorrow), ``交報告週五前`` (due Friday), ``每週一例會``. Only when the rest of the word is at
  least two characters, the date has no Latin letters, the cut does not split a number, and
  the rest does not start (for a date in front) or end (for a date behind) with 的 or 之:
  ``今天的會議紀要`` stays a title. A day of the month alone (``15號樓``) is not taken when
  glued, nor the vague forms above.
- anything else is title text.

Only one date per line: two different ones are an error that names both.
The title is the remaining words in their order, joined by one space where the user typed
space and by nothing where they did not (``"明天"交報告`` → 明天交報告), cleaned with
`text.clean_text` and at most `text.MAX_TITLE` characters.

Escaping (see ESCAPE_HELP_KEY): a word in double quotes (``"明天"``, ``“明天”``, spaces
allowed inside) or starting with a backslash (``\\明天``, ``\\#1``, ``\\!重``) is title text,
without the quotes or the backslash.
"""

from __future__ import annotations

from datetime import datetime

from workbench.domain.calendar import WorkCalendar
from workbench.domain.dates import (
    DateParseError,
    Recurrence,
    When,
    parse_in_text,
    parse_phrase,
)
from workbench.domain.models import Category, Due, Importance
from workbench.domain.records import record
from workbench.domain.text import MAX_TITLE, clean_text
from workbench.i18n import t

ESCAPE_HELP_KEY = "quickadd.help.escape"
"""i18n key of the one-paragraph explanation of quotes and backslashes (for --help)."""
SYNTAX_HELP_KEY = "quickadd.help.syntax"
"""i18n key of a short summary of the quick-add syntax."""

MAX_LINE = 2 * MAX_TITLE
"""Longest line we read; markers and a date never need more than the title itself."""

_MAX_RUN = 8
"""Most words one date phrase spans (every month on the last friday at 9am)."""
_MAX_GLUED = 24
"""Longest date we look for glued to a word (十二月三十一日下午三點三十分前)."""


class QuickAddError(ValueError):
    """What was wrong with a quick-add line, rendered in the current language when shown."""

    def __init__(self, key: str, date_error: DateParseError | None = None, **params) -> None:
        super().__init__(key, params)
        self.key = key
        self.params = params
        self.date_error = date_error

    def __str__(self) -> str:
        if self.date_error is not None:
            return str(self.date_error)
        return t(self.key, **self.params)

    @classmethod
    def from_date_error(cls, err: DateParseError) -> QuickAddError:
        return cls(err.key, err, **err.params)


@record(frozen=True)
class QuickAdd:
    title: str
    due: Due | None = None
    due_phrase: str | None = None
    importance: Importance = Importance.NORMAL
    urgent: bool = False
    tags: tuple[str, ...] = ()
    category: Category = Category.OTHER
    recurrence: str | None = None
    working_days_only: bool = False
    confidential: bool = False


# --------------------------------------------------------------------------- vocabulary

_H, _N, _L = Importance.HIGH, Importance.NORMAL, Importance.LOW
_MARKERS: dict[str, tuple[Importance | None, bool, bool]] = {
    # word: (importance, urgent, confidential)
    **dict.fromkeys(("重", "重要", "high", "h"), (_H, False, False)),
    **dict.fromkeys(("輕", "轻", "low", "l"), (_L, False, False)),
    **dict.fromkeys(("普通", "normal"), (_N, False, False)),
    **dict.fromkeys(("急", "緊急", "紧急", "urgent", "u"), (None, True, False)),
    **dict.fromkeys(("重急", "急重", "!"), (_H, True, False)),
    **dict.fromkeys(("密", "機要", "机要", "保密", "confidential", "c"), (None, False, True)),
}
_TAG_CATEGORIES = {
    **dict.fromkeys(("辦文", "办文", "doc"), Category.DOC),
    **dict.fromkeys(("辦事", "办事", "affair"), Category.AFFAIR),
    **dict.fromkeys(("辦會", "办会", "meeting"), Category.MEETING),
}
_AT_CATEGORIES = {
    **_TAG_CATEGORIES,
    **dict.fromkeys(("docs", "document", "documents"), Category.DOC),
    **dict.fromkeys(("affairs",), Category.AFFAIR),
    **dict.fromkeys(("meetings",), Category.MEETING),
    **dict.fromkeys(("其他", "other"), Category.OTHER),
}
_QUOTES = {'"': '"', "“": "”"}
_PUNCTUATION = "!！?？.。,，、~～"
_NUMERALS = frozenset("0123456789０１２３４５６７８９〇零一二两兩三四五六七八九十廿卅百千")
_NOT_GLUE = "的之"
_NOT_BEFORE = "後后夕"
_IMPOSSIBLE = frozenset({"dates.err.no_such_date", "dates.err.bad_time", "dates.err.festival",
                         "dates.err.no_region"})  # fmt: skip
"""A word alone that is meant as a date but cannot be one: said, not kept as title text.
A festival's name alone (春節慰問) is no date without 前 or 後, so never gets here."""


# Character tests rather than regular expressions: compiling the expressions (the CJK
# range alone took 2 ms) cost every quick-add more than the tests ever do.


def _is_cjk(char: str) -> bool:
    return "\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff"


def _is_latin(char: str) -> bool:
    return (char.isascii() and char.isalpha()) or "Ａ" <= char <= "Ｚ" or "ａ" <= char <= "ｚ"


# --------------------------------------------------------------------------- words


@record(frozen=True)
class _Word:
    text: str
    start: int
    end: int
    literal: bool = False
    due: bool = False


def _closing(line: str, i: int) -> int:
    """Index of the quote closing the one at `i`, or -1."""
    return line.find(_QUOTES[line[i]], i + 1) if line[i] in _QUOTES else -1


def _word_end(line: str, i: int) -> int:
    while i < len(line) and not line[i].isspace():
        i += 1
    return i


def _words(line: str) -> list[_Word]:
    """Split at white space, keeping quoted stretches and due:"…" whole."""
    words: list[_Word] = []
    i = 0
    while i < len(line):
        if line[i].isspace():
            i += 1
            continue
        close = _closing(line, i)
        if close != -1:
            words.append(_Word(line[i + 1 : close], i, close + 1, literal=True))
            i = close + 1
            continue
        if line[i : i + 3].lower() == "due" and line[i + 3 : i + 4] in (":", "："):
            value_at = i + 4
            close = _closing(line, value_at) if value_at < len(line) else -1
            if close != -1:
                words.append(_Word(line[value_at + 1 : close], i, close + 1, due=True))
                i = close + 1
                continue
            end = _word_end(line, value_at)
            words.append(_Word(line[value_at:end], i, end, due=True))
            i = end
            continue
        end = _word_end(line, i)
        text = line[i:end]
        if text.startswith("\\") and len(text) > 1:
            words.append(_Word(text[1:], i, end, literal=True))
        else:
            words.append(_Word(text, i, end))
        i = end
    return words


# --------------------------------------------------------------------------- the parse


@record
class _Piece:
    text: str
    start: int
    end: int


@record
class _Found:
    phrase: str
    result: When | Recurrence


class _Builder:
    """What has been read so far, with the checks that span several words."""

    def __init__(self) -> None:
        self.pieces: list[_Piece] = []
        self.dates: list[_Found] = []
        self.importance = Importance.NORMAL
        self.urgent = False
        self.confidential = False
        self.tags: list[str] = []
        self.category: Category | None = None
        self.category_word = ""

    def text(self, text: str, start: int, end: int) -> None:
        if text:
            self.pieces.append(_Piece(text, start, end))

    def date(self, phrase: str, result: When | Recurrence) -> None:
        for found in self.dates:
            if found.result != result:
                raise QuickAddError("quickadd.err.two_dates", first=found.phrase, second=phrase)
        self.dates.append(_Found(phrase, result))

    def set_category(self, category: Category, word: str) -> None:
        if self.category is not None and self.category != category:
            raise QuickAddError(
                "quickadd.err.two_categories", first=self.category_word, second=word
            )
        self.category, self.category_word = category, word

    def marker(self, word: _Word) -> None:
        body = word.text[1:]
        if body in ("!", "！"):
            body = "!"
        elif not body.strip(_PUNCTUATION):
            self.text(word.text, word.start, word.end)
            return
        effect = _MARKERS.get(body.lower())
        if effect is None:
            raise QuickAddError("quickadd.err.unknown_marker", marker=word.text)
        importance, urgent, confidential = effect
        self.importance = importance or self.importance
        self.urgent = self.urgent or urgent
        self.confidential = self.confidential or confidential

    def tag(self, word: _Word) -> None:
        body = word.text[1:]
        if not body.strip("#＃"):
            self.text(word.text, word.start, word.end)
            return
        if body not in self.tags:
            self.tags.append(body)
        category = _TAG_CATEGORIES.get(body.lower())
        if category is not None:
            self.set_category(category, word.text)

    def at(self, word: _Word) -> None:
        body = word.text[1:]
        if not body:
            self.text(word.text, word.start, word.end)
            return
        category = _AT_CATEGORIES.get(body.lower())
        if category is None:
            raise QuickAddError("quickadd.err.unknown_category", marker=word.text)
        self.set_category(category, word.text)

    def title(self, line: str) -> str:
        parts: list[str] = []
        previous: _Piece | None = None
        for piece in self.pieces:
            gap = line[previous.end : piece.start] if previous is not None else ""
            if any(ch.isspace() for ch in gap):
                parts.append(" ")
            parts.append(piece.text)
            previous = piece
        return clean_text("".join(parts))


def _is_plain(word: _Word) -> bool:
    return not (word.literal or word.due or word.text[0] in "!！#＃@＠")


def _read_run(
    words: list[_Word], i: int, line: str, now: datetime, cal: WorkCalendar | None, b: _Builder
) -> int:
    """Take the longest run of plain words from `i` that is a date; return the next index."""
    end = i
    while end < len(words) and end - i < _MAX_RUN and _is_plain(words[end]):
        end += 1
    single_error: DateParseError | None = None
    for stop in range(end, i, -1):
        phrase = line[words[i].start : words[stop - 1].end]
        try:
            result = parse_in_text(phrase, now, cal)
        except DateParseError as err:
            if stop == i + 1:
                single_error = err
            continue
        b.date(phrase, result)
        return stop
    if single_error is not None and single_error.key in _IMPOSSIBLE:
        raise QuickAddError.from_date_error(single_error)
    _read_glued(words[i], now, cal, b)
    return i + 1


def _glued_date(
    text: str, now: datetime, cal: WorkCalendar | None, *, at_start: bool
) -> tuple[int, When | Recurrence] | None:
    """(length, date) of the longest Chinese date glued to the start or end of `text`."""
    for k in range(min(len(text) - 2, _MAX_GLUED), 1, -1):
        phrase, rest = (text[:k], text[k:]) if at_start else (text[-k:], text[:-k])
        inner, outer = (phrase[-1], rest[0]) if at_start else (phrase[0], rest[-1])
        if outer in _NOT_GLUE or inner in _NOT_GLUE:
            continue  # 今天的會議紀要 is about today's meeting, not due today
        if at_start and inner == "前" and outer in _NOT_BEFORE:
            continue  # 元旦前後 is around New Year's Day, 春節前夕 its eve: not "before"
        if any(map(_is_latin, phrase)) or not any(map(_is_cjk, phrase)):
            continue
        if inner in _NUMERALS and outer in _NUMERALS:
            continue  # 13月1日 must not become 3月1日
        try:
            return k, parse_in_text(phrase, now, cal, glued=True)
        except DateParseError:
            continue
    return None


def _read_glued(word: _Word, now: datetime, cal: WorkCalendar | None, b: _Builder) -> None:
    text, start, end = word.text, word.start, word.end
    if len(text) >= 4 and any(map(_is_cjk, text)):
        head = _glued_date(text, now, cal, at_start=True)
        if head is not None:
            b.date(text[: head[0]], head[1])
            text, start = text[head[0] :], start + head[0]
        tail = _glued_date(text, now, cal, at_start=False) if len(text) >= 4 else None
        if tail is not None:
            b.date(text[-tail[0] :], tail[1])
            text, end = text[: -tail[0]], end - tail[0]
    b.text(text, start, end)


def _read_due(word: _Word, now: datetime, cal: WorkCalendar | None, b: _Builder) -> None:
    if not word.text.strip():
        raise QuickAddError("quickadd.err.due_empty")
    try:
        result = parse_phrase(word.text, now, cal)
    except DateParseError as err:
        raise QuickAddError.from_date_error(err) from None
    b.date(word.text.strip(), result)


def parse_quick_add(text: str, now: datetime, cal: WorkCalendar | None = None) -> QuickAdd:
    """Read one quick-add line; raises QuickAddError saying what was wrong."""
    if len(text) > 4 * MAX_LINE:  # refuse before cleaning: cleaning only ever shortens
        raise QuickAddError("quickadd.err.too_long", length=len(text), limit=MAX_LINE)
    line = clean_text(text)
    if len(line) > MAX_LINE:
        raise QuickAddError("quickadd.err.too_long", length=len(line), limit=MAX_LINE)
    words = _words(line)
    b = _Builder()
    i = 0
    while i < len(words):
        word = words[i]
        if word.literal:
            b.text(word.text, word.start, word.end)
        elif word.due:
            _read_due(word, now, cal, b)
        elif word.text[0] in "!！":
            b.marker(word)
        elif word.text[0] in "#＃":
            b.tag(word)
        elif word.text[0] in "@＠":
            b.at(word)
        else:
            i = _read_run(words, i, line, now, cal, b)
            continue
        i += 1
    title = b.title(line)
    if not title:
        raise QuickAddError("quickadd.err.empty_title")
    if len(title) > MAX_TITLE:
        raise QuickAddError("quickadd.err.title_too_long", length=len(title), limit=MAX_TITLE)
    return _result(title, b)


def _result(title: str, b: _Builder) -> QuickAdd:
    due: Due | None = None
    phrase = rule = None
    working_days_only = False
    if b.dates:
        found = b.dates[0]
        phrase = found.phrase
        if isinstance(found.result, Recurrence):
            due = found.result.first.value
            rule = found.result.rule
            working_days_only = found.result.working_days_only
        else:
            due = found.result.value
    return QuickAdd(
        title=title,
        due=due,
        due_phrase=phrase,
        importance=b.importance,
        urgent=b.urgent,
        tags=tuple(b.tags),
        category=b.category or Category.OTHER,
        recurrence=rule,
        working_days_only=working_days_only,
        confidential=b.confidential,
    )
