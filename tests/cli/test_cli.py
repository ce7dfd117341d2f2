"""The command-line contract of DESIGN.md, run as a user runs it: a new process each time."""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
from pathlib import Path

import click
import pytest

from workbench.cli.main import COMMANDS

NOW = "2026-11-26T10:00"


def run(db, *args: str, lang: str = "en") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "WORKBENCH_NOW": NOW, "WORKBENCH_LANG": lang}
    return subprocess.run(
        [sys.executable, "-m", "workbench", "--db", str(db), *args],
        capture_output=True, text=True, env=env, timeout=60,
    )  # fmt: skip


def ok(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, result.stderr
    return result.stdout


def refused(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 1
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert result.stderr.strip()
    return result.stderr


def test_quick_add_then_list_json(db_path):
    ok(run(db_path, "add", "準備校務會材料 明天下午3點 !重 #辦會"))
    [task] = json.loads(ok(run(db_path, "list", "--json")))
    assert task["title"] == "準備校務會材料"
    assert task["due"] == "2026-11-27T15:00"
    assert task["importance"] == "high"
    assert task["tags"] == ["辦會"]
    assert task["category"] == "meeting"
    assert task["urgency"] > 0
    assert task["quadrant"] == "important_urgent"


@pytest.mark.parametrize(
    ("phrase", "iso"),
    [
        ("下週五", "2026-12-04"),
        ("明天下午3點", "2026-11-27T15:00"),
        ("3個工作日內", "2026-12-01"),
        ("下月底", "2026-12-31"),
        ("十二月一日", "2026-12-01"),
        ("next fri", "2026-12-04"),
        ("in 3 days", "2026-11-29"),
        ("3pm", "2026-11-26T15:00"),
        ("每週一", "2026-11-30"),
    ],
)
def test_date_prints_the_iso_form_first(db_path, phrase, iso):
    lines = ok(run(db_path, "date", phrase, "--now", NOW)).splitlines()
    assert lines[0] == iso
    assert len(lines) >= 2  # then a reading in words
    assert not db_path.exists()  # reading a date opens no database


def test_a_festival_deadline_follows_the_configured_region(db_path):
    config = Path(os.environ["WORKBENCH_CONFIG"])
    config.write_text('region = "CN"\n', encoding="utf-8")
    assert ok(run(db_path, "date", "春節前", "--now", NOW)).splitlines()[0] == "2027-02-04"
    ok(run(db_path, "add", "國慶前報送安全工作方案"))
    [task] = json.loads(ok(run(db_path, "list", "--json")))
    assert (task["title"], task["due"]) == ("報送安全工作方案", "2027-09-30")
    config.write_text('region = ""\n', encoding="utf-8")
    err = refused(run(db_path, "date", "春節前", "--now", NOW, lang="zh-Hant"))
    assert "「春節」要按地區的公眾假期推算，但尚未設定地區" in err


def test_instruction_workflow_and_json(db_path):
    ok(run(db_path, "instr", "add", "落實校園安全檢查", "--leader", "校長",
           "--deadline", "下週五", "--owner", "教導處", "--source", "校務會議"))  # fmt: skip
    ok(run(db_path, "instr", "chase", "1", "--note", "請本週內回覆"))
    ok(run(db_path, "feedback", "add", "1", "已布置各年級自查", "--next", "週三前匯總"))
    ok(run(db_path, "instr", "extend", "1", "--to", "2026-12-11", "--reason", "等待回覆"))
    [instr] = json.loads(ok(run(db_path, "instr", "list", "--json")))
    assert instr["light"] == "green"
    assert instr["days_left"] == 15
    assert instr["chase_count"] == 1
    assert instr["status"] == "in_progress"
    assert instr["original_deadline"] == "2026-12-04"
    assert instr["last_feedback"]["next_step"] == "週三前匯總"
    ok(run(db_path, "instr", "close", "1", "--note", "完成"))
    assert json.loads(ok(run(db_path, "instr", "list", "--json"))) == []
    [closed] = json.loads(ok(run(db_path, "instr", "list", "--all", "--json")))
    assert closed["light"] == "grey"


def test_done_and_undo(db_path):
    ok(run(db_path, "add", "寫本週工作總結 週五"))
    ok(run(db_path, "done", "1"))
    assert json.loads(ok(run(db_path, "list", "--json"))) == []
    ok(run(db_path, "undo"))
    assert len(json.loads(ok(run(db_path, "list", "--json")))) == 1


@pytest.mark.parametrize(
    "text",
    ["   ", "!重 #辦會", "報告 2026-02-30", "報告 due:13月1日", "報告 due:下週八", "報告 !xyz"],
)
def test_bad_input_is_refused_and_changes_nothing(db_path, text):
    ok(run(db_path, "add", "已有的事"))
    before = db_path.read_bytes()
    refused(run(db_path, "add", text))
    assert db_path.read_bytes() == before
    assert len(json.loads(ok(run(db_path, "list", "--json")))) == 1


def test_unknown_phrase_names_what_was_not_understood(db_path):
    err = refused(run(db_path, "date", "下週八"))
    assert "八" in err


def test_markup_like_title_is_stored_as_typed(db_path):
    ok(run(db_path, "add", "[bold]x[/bold] [/] 測試"))
    [task] = json.loads(ok(run(db_path, "list", "--json")))
    assert task["title"] == "[bold]x[/bold] [/] 測試"
    assert "[bold]x[/bold]" in ok(run(db_path, "list"))


def test_errors_speak_the_interface_language(db_path):
    assert "標題" in refused(run(db_path, "add", "   ", lang="zh-Hant"))
    assert "标题" in refused(run(db_path, "add", "   ", lang="zh-Hans"))


def test_missing_instruction_is_a_clear_error(db_path):
    ok(run(db_path, "add", "x"))
    assert "99" in refused(run(db_path, "instr", "chase", "99"))


def test_the_command_line_never_imports_textual():
    code = (
        "import sys, click, workbench.cli.main as m\n"
        "cli = m.build_cli(); ctx = click.Context(cli)\n"
        "built = [cli.get_command(ctx, name) for name in cli.list_commands(ctx)]\n"
        "print(len(built), None in built, 'textual' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.stdout.split() == [str(len(COMMANDS)), "False", "False"], out.stderr


def test_each_command_comes_from_the_module_the_table_names():
    """The lazy command tree imports `COMMANDS[name]` to find `name`: a command added to a
    module but not to the table would be missing from the command line."""
    for area in set(COMMANDS.values()):
        group = click.Group()
        importlib.import_module(f"workbench.cli.{area}").register(group)
        assert set(group.commands) == {n for n, a in COMMANDS.items() if a == area}, area


def test_a_command_builds_only_its_own_part_of_the_tree(tmp_path):
    """`workbench list` imports the to-do commands' module, not the reports', the
    importer's, the backups' or the instructions'."""
    code = (
        "import json, sys\n"
        "from workbench.cli.main import main\n"
        "try:\n"
        f"    main(['--db', {str(tmp_path / 'w.db')!r}, 'list'])\n"
        "except SystemExit as end:\n"
        "    assert end.code == 0, end.code\n"
        "print(json.dumps([m[14:] for m in sys.modules if m.startswith('workbench.cli.')]))"
    )
    env = {**os.environ, "WORKBENCH_NOW": NOW, "WORKBENCH_LANG": "en"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert out.returncode == 0, out.stderr
    loaded = set(json.loads(out.stdout.strip().splitlines()[-1]))
    assert "tasks" in loaded
    assert not loaded & (set(COMMANDS.values()) - {"tasks"})


def test_domain_imports_no_io_or_ui_library():
    code = (
        "import sys, pkgutil, importlib, workbench.domain as d\n"
        "for m in pkgutil.iter_modules(d.__path__):\n"
        "    importlib.import_module('workbench.domain.' + m.name)\n"
        "bad = [n for n in ('textual', 'sqlite3', 'sqlite_utils', 'click', 'docx', 'openpyxl') "
        "if n in sys.modules]\n"
        "print(bad)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.stdout.strip() == "[]", out.stderr


@pytest.mark.parametrize(
    ("args", "env", "expected"),
    [
        ([], {}, (None, None, ())),
        (["--db", "a.db"], {}, (Path("a.db"), None, ())),
        (["--db=a.db", "--lang", "zh-Hant"], {}, (Path("a.db"), "zh-Hant", ())),
        ([], {"WORKBENCH_DB": "e.db", "WORKBENCH_LANG": "en"}, (Path("e.db"), "en", ())),
        (["--db", "a.db"], {"WORKBENCH_DB": "e.db"}, (Path("a.db"), None, ())),
        (["list"], {}, (None, None, ("list",))),
        (["--db", "a.db", "list"], {}, (Path("a.db"), None, ("list",))),
        (["--lang=en", "list"], {}, (None, "en", ("list",))),
        (["list", "--all"], {}, None),
        (["list", "--limit", "5"], {}, None),
        (["list", "-h"], {}, None),
        (["list", "extra"], {}, None),
        (["add", "x"], {}, (None, None, ("add", "x"))),
        (["add", "交週報", "下週五", "!重"], {}, (None, None, ("add", "交週報", "下週五", "!重"))),
        (["--lang", "zh-Hant", "add", "x"], {}, (None, "zh-Hant", ("add", "x"))),
        (["add"], {}, None),
        (["add", "x", "--json"], {}, None),
        (["add", "--notes", "n", "x"], {}, None),
        (["add", "-h"], {}, None),
        (["add", "x", "-"], {}, None),
        (["instr", "list"], {}, (None, None, ("instr", "list"))),
        (["instr", "list", "--all"], {}, None),
        (["instr", "list", "-h"], {}, None),
        (["instr"], {}, None),
        (["instr", "show", "1"], {}, None),
        (["--help"], {}, None),
        (["-h"], {}, None),
        (["--version"], {}, None),
        (["--db"], {}, None),
        (["--db="], {}, None),
        (["--db", "a.db", "--db", "b.db"], {}, None),
        (["--lang", "klingon"], {}, None),
        (["--lang", "klingon", "list"], {}, None),
        ([], {"WORKBENCH_LANG": "klingon"}, None),
    ],
)
def test_only_the_app_the_bare_lists_and_a_bare_add_run_without_click(
    monkeypatch, args, env, expected
):
    """The app's start-up, the bare `workbench list` and `workbench instr list` and
    `workbench add` with only words read `--db` and `--lang` themselves; everything else,
    and anything wrong, is left to click, which says what is wrong."""
    from workbench.cli.main import _plain_call

    monkeypatch.delenv("WORKBENCH_DB", raising=False)
    monkeypatch.delenv("WORKBENCH_LANG", raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert _plain_call(args) == expected


def test_an_unknown_language_for_the_app_is_refused_by_click(db_path):
    result = subprocess.run(
        [sys.executable, "-m", "workbench", "--db", str(db_path), "--lang", "klingon"],
        capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL,
        env={**os.environ, "WORKBENCH_NOW": NOW},
    )  # fmt: skip
    assert result.returncode == 2
    assert "klingon" in result.stderr
    assert "Traceback" not in result.stderr
    assert not db_path.exists()


def test_what_was_added_is_listed_the_chinese_way(db_path):
    out = ok(run(db_path, "add", "準備校務會材料 明天下午3點 !重 !急 #辦會", lang="zh-Hant"))
    assert out.strip() == "已新增待辦 1：準備校務會材料（明天 15:00、重、急、#辦會）"


def _in_encoding(db, encoding: str, *args: str) -> bytes:
    env = {**os.environ, "WORKBENCH_NOW": NOW, "WORKBENCH_LANG": "zh-Hans",
           "PYTHONIOENCODING": encoding}  # fmt: skip
    done = subprocess.run([sys.executable, "-m", "workbench", "--db", str(db), *args],
                          capture_output=True, env=env, timeout=60)  # fmt: skip
    assert done.returncode == 0, done.stderr.decode(encoding, "replace")
    assert done.stderr == b""
    return done.stdout


@pytest.mark.parametrize("encoding", ["latin-1", "cp950", "ascii"])
def test_an_output_that_cannot_hold_chinese_gets_question_marks_not_a_crash(db_path, encoding):
    """A Big5 (cp950) console has no Simplified 发; a Latin-1 pipe has no Chinese at all;
    ASCII is taken for an unset locale, as click takes it, and gets UTF-8. The bare list
    and the list through click print the same bytes."""
    ok(run(db_path, "add", "准备发言稿 明天 !重"))
    ok(run(db_path, "instr", "add", "发文前请再核对", "--leader", "王局"))
    bare = _in_encoding(db_path, encoding, "list")
    assert bare == _in_encoding(db_path, encoding, "list", "--limit", "30")
    for shown in (bare, _in_encoding(db_path, encoding, "instr", "list")):
        if encoding == "ascii":
            assert "发" in shown.decode("utf-8")
        else:
            assert "?" in shown.decode(encoding)


@pytest.mark.parametrize("encoding", ["latin-1", "cp950", "gb18030"])
def test_json_stays_whole_in_any_output_encoding(db_path, encoding):
    ok(run(db_path, "add", "准备发言稿 明天"))
    env = {**os.environ, "WORKBENCH_NOW": NOW, "PYTHONIOENCODING": encoding}
    done = subprocess.run([sys.executable, "-m", "workbench", "--db", str(db_path), "list",
                           "--json"], capture_output=True, env=env, timeout=60)  # fmt: skip
    assert done.returncode == 0
    text = done.stdout.decode(encoding)
    assert json.loads(text)[0]["title"] == "准备发言稿"
    assert ("准备发言稿" in text) == (encoding == "gb18030")  # readable where it can be


@pytest.mark.parametrize("lang", ["en", "zh-Hant", "zh-Hans"])
@pytest.mark.parametrize(
    "words",
    [("交週報", "下週五", "!重", "#辦文"), ("給王局長回電話 明天下午3點 !急",), ("!重",), ("",),
     ("開會", "due:2月30日")],
)  # fmt: skip
def test_a_bare_add_does_what_click_does(tmp_path, lang, words):
    """`workbench add` with only words runs without click (see PLAIN); with `--notes ""`
    it goes through click. Same output, same errors, same exit status, same task."""
    bare = run(tmp_path / "bare.db", "add", *words, lang=lang)
    through_click = run(tmp_path / "click.db", "add", "--notes", "", *words, lang=lang)
    assert (bare.returncode, bare.stdout, bare.stderr) == (
        through_click.returncode, through_click.stdout, through_click.stderr
    )  # fmt: skip
    assert bare.stdout or bare.returncode == 1
    if bare.returncode == 0:
        shown = [json.loads(ok(run(tmp_path / f"{name}.db", "list", "--json")))
                 for name in ("bare", "click")]  # fmt: skip
        for each in shown:
            for task in each:
                del task["uuid"], task["created"], task["updated"]
        assert shown[0] == shown[1]


def test_a_bare_add_loads_neither_click_nor_textual(db_path):
    """(A new database is made by migrations, which use sqlite-utils, which imports click:
    the database is made first.)"""
    ok(run(db_path, "list"))
    code = (
        "import sys\n"
        "from workbench.entry import main\n"
        f"sys.argv = ['workbench', '--db', {str(db_path)!r}, 'add', '交週報', '下週五']\n"
        "try:\n"
        "    main()\n"
        "finally:\n"
        "    heavy = ('click', 'textual', 'sqlite_utils')\n"
        "    print([m for m in heavy if m in sys.modules], file=sys.stderr)\n"
    )
    env = {**os.environ, "WORKBENCH_NOW": NOW}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert out.returncode == 0, out.stderr
    assert out.stderr.strip() == "[]"
    assert out.stdout.startswith("Added task 1: 交週報")
