"""The catalogue is complete in all three languages and consistent in its placeholders."""

import errno
import os
import pkgutil
import re
import string
import subprocess
import sys
import types

import pytest

from workbench import i18n

PLACEHOLDER = string.Formatter()


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in PLACEHOLDER.parse(text) if name}


@pytest.mark.parametrize("key", sorted(i18n.catalogue()))
def test_every_message_exists_in_every_language(key):
    texts = i18n.catalogue()[key]
    assert len(texts) == len(i18n.LANGS)
    assert all(text.strip() for text in texts), key
    fields = [_fields(text) for text in texts]
    assert fields[0] == fields[1] == fields[2], key


def test_every_catalogue_module_is_read_and_read_once():
    from workbench.i18n import messages

    found = sorted(m.name for m in pkgutil.iter_modules(messages.__path__))
    assert sorted(i18n.AREAS) == found
    assert len(set(i18n.AREAS)) == len(i18n.AREAS)


def test_a_command_reads_only_the_messages_it_speaks():
    """Messages are read module by module as keys are asked for: a fresh process that
    translates a common word reads one module, and a key nowhere reads them all."""
    code = (
        "import sys\n"
        "from workbench import i18n\n"
        "i18n.t('light.red')\n"
        "read = sorted(m for m in sys.modules if m.startswith('workbench.i18n.messages.'))\n"
        "print(len(read), len(i18n.AREAS))\n"
        "assert i18n.t('no.such.key') == 'no.such.key'\n"
        "print(sum(m.startswith('workbench.i18n.messages.') for m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    first, areas, after = (int(n) for n in out.stdout.split())
    assert first == 1
    assert after == areas


def test_a_key_defined_twice_is_refused(monkeypatch):
    monkeypatch.setattr(i18n, "_read", {"light.red": ("red", "紅", "红")})
    monkeypatch.setattr(i18n, "_unread", ["common"])
    monkeypatch.setitem(
        sys.modules,
        "workbench.i18n.messages.common",
        types.SimpleNamespace(MESSAGES={"light.red": ("r", "紅", "红")}),
    )
    with pytest.raises(RuntimeError, match=r"light\.red"):
        i18n.catalogue()


def test_simplified_text_has_no_common_traditional_forms():
    traditional_only = set("們這個會與說時間處辦發書電話訊網週點號後檢導還開關對應")
    for key, (_, _, hans) in i18n.catalogue().items():
        bad = traditional_only & set(hans)
        assert not bad, f"{key}: {hans!r} has traditional characters {bad}"


def test_language_choice_follows_locale():
    assert i18n.lang_from_locale({"LANG": "zh_TW.UTF-8"}) == "zh-Hant"
    assert i18n.lang_from_locale({"LANG": "zh_HK.UTF-8"}) == "zh-Hant"
    assert i18n.lang_from_locale({"LANG": "zh_CN.UTF-8"}) == "zh-Hans"
    assert i18n.lang_from_locale({"LANG": "zh_SG"}) == "zh-Hans"
    assert i18n.lang_from_locale({"LANG": "de_DE.UTF-8"}) == "en"
    assert i18n.lang_from_locale({}) == "en"
    assert i18n.lang_from_locale({"LC_ALL": "zh_CN.UTF-8", "LANG": "en_US"}) == "zh-Hans"


def test_switching_language_changes_text():
    try:
        i18n.set_language("zh_TW")
        assert i18n.t("light.red") == "紅"
        i18n.set_language("zh-cn")
        assert i18n.t("light.red") == "红"
        i18n.set_language("en")
        assert i18n.t("light.red") == "red"
    finally:
        i18n.set_language("en")


def test_unknown_language_is_refused():
    with pytest.raises(i18n.UnknownLanguage):
        i18n.set_language("fr")


def test_keys_used_in_code_exist():
    """Every literal key passed to t()/t_in() in the package is in the catalogue."""
    from pathlib import Path

    root = Path(i18n.__file__).parents[1]
    pattern = re.compile(r"""\bt(?:_in\([^,]+,)?\(\s*["']([a-z0-9_.]+)["']""")
    missing = []
    for path in root.rglob("*.py"):
        for key in pattern.findall(path.read_text(encoding="utf-8")):
            if not i18n.has_key(key):
                missing.append(f"{path.relative_to(root)}: {key}")
    assert not missing


def test_what_the_system_says_of_a_file_is_said_in_the_interface_s_language():
    missing = FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), "x.md")
    i18n.set_language("zh-Hant")
    try:
        assert i18n.os_problem(missing) == "找不到這個檔案或資料夾"
        assert i18n.os_problem(OSError(errno.ENOSPC, "No space left on device")) == "磁碟已滿"
        # A case without our words keeps the system's.
        assert i18n.os_problem(OSError(errno.EXDEV, "Invalid cross-device link")) == (
            "Invalid cross-device link"
        )
        assert i18n.os_problem(OSError("no number")) == "no number"
    finally:
        i18n.set_language("en")
    assert i18n.os_problem(missing) == "no such file or folder"


def test_every_system_error_with_words_names_a_real_one():
    named = [k.removeprefix("oserror.") for k in i18n.catalogue() if k.startswith("oserror.")]
    assert "ENOENT" in named and "EACCES" in named
    assert all(hasattr(errno, name) for name in named), named


def test_a_file_the_command_cannot_write_is_explained_in_chinese(tmp_path):
    not_a_folder = tmp_path / "a-file"
    not_a_folder.write_text("")
    out = subprocess.run(
        [sys.executable, "-m", "workbench", "--db", str(tmp_path / "wb.db"), "--lang",
         "zh-Hant", "summary", "-o", str(not_a_folder / "月報.md")],
        capture_output=True, text=True, env=dict(os.environ, LANG="C.UTF-8"),
    )  # fmt: skip
    assert out.returncode == 1
    assert "路徑中有一段不是資料夾" in out.stderr
    assert "Not a directory" not in out.stderr
