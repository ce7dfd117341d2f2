"""Properties that must hold for any input: no crash but our own errors, ISO round trips."""

from datetime import date, datetime, time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workbench.domain.dates import (
    DateParseError,
    Recurrence,
    When,
    parse_in_text,
    parse_phrase,
    parse_recurrence,
    parse_when,
)
from workbench.domain.models import due_from_iso
from workbench.domain.quickadd import QuickAdd, QuickAddError, parse_quick_add
from workbench.domain.text import MAX_TITLE

NOW = datetime(2026, 11, 26, 10, 0)

# Pieces of real phrases, so that generated text often gets deep into the grammar.
VOCABULARY = [
    "明天", "下週", "下周", "五", "八", "週末", "星期", "禮拜", "每", "每週一", "每月", "底",
    "3", "12", "30", "十二", "廿", "〇", "月", "日", "號", "年", "點", "点", "半", "分", "天",
    "後", "前", "內", "個", "工作日", "下午", "晚上", "凌晨", "中午", "今晚", "明早", ":",
    "：", "-", "/", ".", "+", "d", "w", "m", "h", "wd", "in", "every", "next", "last", "on",
    "at", "by", "the", "of", "dec", "december", "monday", "fri", "am", "pm", "noon",
    "midnight", "weekly", "daily", "2026", "0000", "9999", "!", "#", "@", "due:", '"', "“",
    "\\", "的", "之", "初一", "農曆", " ", "\u3000", "(", "）", "，",
]
phrases = st.lists(st.sampled_from(VOCABULARY), max_size=10).map("".join)
spaced = st.lists(st.sampled_from(VOCABULARY), max_size=10).map(" ".join)
cjk = st.text(st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), max_size=30)
emoji = st.text(st.characters(min_codepoint=0x1F300, max_codepoint=0x1FAFF), max_size=10)
controls = st.text(st.characters(max_codepoint=0x9F), max_size=40)
huge = st.builds(lambda s, n: (s or "明") * n, st.text(max_size=5), st.integers(10_000, 50_000))
anything = st.one_of(st.text(), phrases, spaced, cjk, emoji, controls, huge)

PARSERS = (
    parse_when,
    parse_recurrence,
    parse_phrase,
    parse_in_text,
    lambda text, now: parse_in_text(text, now, glued=True),
)


@settings(max_examples=600, suppress_health_check=[HealthCheck.too_slow])
@given(anything)
def test_parsers_return_a_value_or_raise_our_error(text):
    messages = []
    for parse in PARSERS:
        try:
            result = parse(text, NOW)
        except DateParseError as err:
            messages.append(str(err))  # rendering the message must not fail either
            continue
        assert isinstance(result, When | Recurrence)
    assert all(isinstance(message, str) for message in messages)


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(anything)
def test_quick_add_returns_a_task_or_raises_our_error(text):
    try:
        result = parse_quick_add(text, NOW)
    except QuickAddError as err:
        result = str(err)  # rendering the message must not fail either
    if isinstance(result, str):
        return
    assert isinstance(result, QuickAdd)
    assert result.title.strip()
    assert len(result.title) <= MAX_TITLE
    assert (result.due is None) == (result.due_phrase is None)
    assert result.recurrence is None or result.due is not None


@settings(max_examples=400)
@given(st.one_of(phrases, spaced))
def test_a_valid_when_round_trips_through_iso(text):
    try:
        result = parse_phrase(text, NOW)
    except DateParseError:
        return
    when = result.first if isinstance(result, Recurrence) else result
    assert due_from_iso(when.iso) == when.value
    assert isinstance(when.value, datetime) != when.all_day


@settings(max_examples=300)
@given(st.one_of(phrases, spaced))
def test_a_recurrence_starts_on_or_after_now(text):
    try:
        result = parse_recurrence(text, NOW)
    except DateParseError:
        return
    first = result.first.value
    if isinstance(first, datetime):
        assert first >= NOW
    else:
        assert first >= NOW.date()


@given(st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)))
def test_iso_dates_read_back(value):
    when = When(value)
    assert parse_when(when.iso, NOW) == when


@given(
    # From year 1000: models.due_to_iso writes a datetime's year with strftime("%Y"), which
    # does not pad years below 1000 to four digits, so those are not ISO 8601 to begin with.
    st.datetimes(min_value=datetime(1000, 1, 1), max_value=datetime(9999, 12, 31, 23, 59, 59)).map(
        lambda d: d.replace(microsecond=0)
    )
)
def test_iso_datetimes_read_back(value):
    when = When(value)
    assert parse_when(when.iso, NOW) == when


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)), st.times())
def test_any_now_is_fine(day, clock):
    now = datetime.combine(day, clock)
    for phrase in ("明天下午3點", "下週五", "月底", "3個工作日內", "每月最後一天", "in 2 hours"):
        result = parse_phrase(phrase, now)
        value = result.first.value if isinstance(result, Recurrence) else result.value
        assert isinstance(value, date)


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)))
def test_a_time_alone_is_always_ahead(day):
    now = datetime.combine(day, time(15, 0))
    assert parse_when("下午3點", now).value > now
    assert parse_when("3pm", now).value > now


def _ascii_patterns():
    from workbench.domain import dates

    found = [v for v in vars(dates).values() if isinstance(v, dates._AsciiLazy)]
    assert len(found) >= 13  # the English and figure patterns
    return found


def _no_match_at_other_characters(text: str) -> None:
    from workbench.domain.dates import _fold

    folded = _fold(text)
    for pattern in _ascii_patterns():
        for pos, char in enumerate(folded):
            if not char.isascii():
                assert pattern.compiled.match(folded, pos) is None, (pattern.source, text)


# The guard that spares compiling English patterns for Chinese text must not change what
# they match: compiled and run anyway, none matches where the guard says no.
SAID = ["十二月一日", "廿五日", "十五號前", "二〇二六年十二月一日", "三天後", "兩週後",
        "下午三點半", "明天下午3點", "每週一三五", "每月十五日", "下個月五號", "３個工作日內",
        "１２月１日", "十二點", "半小時後", "春節前", "明年國慶後", "週五上午十點", "今晚八點",
        "第三個週一"]  # fmt: skip


def test_a_pattern_said_to_start_in_ascii_never_matches_at_another_character_when_said():
    for text in SAID:
        _no_match_at_other_characters(text)


@settings(max_examples=300)
@given(st.one_of(phrases, spaced, st.text()))
def test_a_pattern_said_to_start_in_ascii_never_matches_at_another_character(text):
    _no_match_at_other_characters(text)
