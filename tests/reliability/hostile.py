"""A catalogue of text that has broken programs like this one before."""

from __future__ import annotations

import unicodedata

HOSTILE: dict[str, str] = {
    "markup": "[bold]重要[/] [link=https://evil.example]點我[/link] [$accent]x[/] [b]",
    "closing_tag": "[/]",
    "backslashes": "C:\\a\\[b]\\ 中文[重要]",
    "csi_colour": "\x1b[31;1m紅字\x1b[0m正常",
    "csi_clear": "清屏\x1b[2J\x1b[H",
    "osc52_clipboard": "\x1b]52;c;SGFja2VkIGNsaXBib2FyZA==\x07剪貼簿",
    "osc8_link": "\x1b]8;;https://evil.example\x1b\\連結\x1b]8;;\x1b\\",
    "title_set": "\x1b]0;偽造的視窗標題\x07標題",
    "bell": "叮\x07噹\x07",
    "c0_controls": "a\x01b\x02c\x08d\x0be\x0cf\x0eg\x1bh\x7fi",
    "c1_controls": "甲\x85乙\x9b31m丙\x9d0;x\x9c丁",
    "nul": "前\x00後",
    "rtl_override": "\u202eabc\u202c \u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627",
    "combining": "e\u0301\u0301\u0301 Z\u0351\u0352\u0353\u0354 校\u20dd",
    "emoji_zwj": "👩\u200d👩\u200d👧\u200d👦 🏳️\u200d🌈 👍🏽 🇹🇼",
    "zero_width": "零\u200b寬\u200c度\u200d字\ufeff元",
    "newlines": "第一行\r\n第二行\r第三行\n\t縮排",
    "sql_quote": "'); DROP TABLE task; --",
    "fts_syntax": '"* NEAR( AND OR -x ^y col:z',
    "percent_braces": "{title} %s %(x)s {0} {{}}",
    "single_space": " ",
    "only_controls": "\x1b[0m\x07\x00",
    "long_line": "長" * 100_000,
}
"""Name → text. Printable parts must survive as typed; controls must never be stored."""

PRINTABLE = {
    k: v for k, v in HOSTILE.items() if not any(unicodedata.category(c) == "Cc" for c in v)
}


def controls(text: str, *, allow: str = "") -> list[str]:
    """The control characters in `text` (other than those in `allow`)."""
    return [c for c in text if unicodedata.category(c) == "Cc" and c not in allow]
