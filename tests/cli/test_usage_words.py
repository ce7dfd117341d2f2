"""Click's own words — usage, help headings, errors for what was typed wrong — speak the
interface's language, and every text click has is either translated or set aside on
purpose."""

from __future__ import annotations

import ast
from pathlib import Path

import click
import pytest

from tests.cli.test_cli import run
from workbench import i18n
from workbench.cli import usage_words


def _click_texts() -> set[str]:
    """Every literal text the installed click passes to gettext or ngettext."""
    found: set[str] = set()
    for path in Path(click.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in ("_", "ngettext")
            ):
                found.update(
                    arg.value
                    for arg in node.args
                    if isinstance(arg, ast.Constant) and isinstance(arg.value, str)
                )
    return found


def test_every_text_of_click_is_translated_or_set_aside():
    texts = _click_texts()
    assert len(texts) > 50  # the scan found click's texts
    listed = set(usage_words.KEYS) | usage_words.UNTRANSLATED
    assert texts - listed == set(), "click has texts neither translated nor set aside"
    assert listed - texts == set(), "listed texts this click no longer has"
    assert not set(usage_words.KEYS) & usage_words.UNTRANSLATED


@pytest.mark.parametrize(("text", "key"), sorted(usage_words.KEYS.items()))
def test_the_english_is_clicks_own(text, key):
    english = i18n.t_in("en", key)
    if key == "usage.not_a_number":  # click names the number's kind in English afterwards
        assert english == "{value!r} is not a valid number."
    else:
        assert english == text
    assert i18n.t_in("zh-Hant", key) != english
    assert i18n.t_in("zh-Hans", key) != english


@pytest.mark.parametrize(
    ("args", "hant", "hans"),
    [
        (("list", "--limt", "5"), "沒有 '--limt' 這個選項。 是要用 '--limit' 嗎？",
         "没有 '--limt' 这个选项。 是要用 '--limit' 吗？"),
        (("list", "--limit", "0"), "'--limit' 的值不對：0 不在 x>=1 的範圍內。",
         "'--limit' 的值不对：0 不在 x>=1 的范围内。"),
        (("done", "abc"), "'abc' 不是有效的數字。", "'abc' 不是有效的数字。"),
        (("instr", "add", "落實安全檢查"), "缺少選項 '--leader'。", "缺少选项 '--leader'。"),
        (("summary", "--format", "pdf"), "'pdf' 不是 'md', 'text', 'json', 'docx', 'xlsx' 之一。",
         "'pdf' 不是 'md', 'text', 'json', 'docx', 'xlsx' 之一。"),
        (("lst",), "沒有 'lst' 這個指令。", "没有 'lst' 这个命令。"),
    ],
)  # fmt: skip
def test_a_mistyped_command_is_told_in_chinese(db_path, args, hant, hans):
    for lang, expected, usage, error in (
        ("zh-Hant", hant, "用法：", "錯誤："),
        ("zh-Hans", hans, "用法：", "错误："),
    ):
        result = run(db_path, *args, lang=lang)
        assert result.returncode == 2
        assert expected in result.stderr
        assert usage in result.stderr and error in result.stderr
        for english in ("Usage:", "Error:", "Try '", "No such", "Invalid value", "Missing"):
            assert english not in result.stderr, result.stderr
    assert not db_path.exists()


def test_help_is_in_chinese_and_english_is_unchanged(db_path):
    hant = run(db_path, "list", "--help", lang="zh-Hant")
    assert hant.returncode == 0
    assert "用法：" in hant.stdout and "選項" in hant.stdout
    assert "顯示這份說明後結束。" in hant.stdout
    assert "Show this message" not in hant.stdout
    english = run(db_path, "list", "--limt", "5", lang="en")
    assert "Usage: workbench list [OPTIONS]" in english.stderr
    assert "Error: No such option '--limt'. Did you mean '--limit'?" in english.stderr


def _commands(group: click.Group, ctx: click.Context):
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        assert command is not None
        yield command, ctx
        if isinstance(command, click.Group):
            yield from _commands(command, click.Context(command, parent=ctx, info_name=name))


def test_placeholders_in_help_stay_ascii_so_its_columns_line_up():
    """Click names a path option's value by its type (`file`), which is now translated:
    `-o, --output 檔案` pushed the help out of line (click counts characters, not cells).
    Every option's placeholder is plain ASCII, as the usage lines' are."""
    from workbench.cli.main import build_cli

    i18n.set_language("zh-Hant")
    try:
        cli = build_cli()
        root = click.Context(cli, info_name="workbench")
        bad = [
            f"{command.name} {param.opts[0]}: {param.make_metavar(ctx)}"
            for command, ctx in [(cli, root), *_commands(cli, root)]
            for param in command.params
            if isinstance(param, click.Option) and not param.make_metavar(ctx).isascii()
        ]
        assert bad == []
    finally:
        i18n.set_language("en")
