"""The `workbench` command line (DESIGN.md's contract). It never imports Textual: the app is
imported only when `workbench` runs without a subcommand. Nor does it import click then, or
for a bare `workbench list`: these take no more than `--db` and `--lang`, read here (see
PLAIN).

Bad input is refused with a message on stderr and exit status 1; usage errors exit 2; no
Python traceback is shown for anything a user can type.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

from workbench import collector, i18n, locations
from workbench.config import Config, ConfigError, load_config
from workbench.console import say
from workbench.crash import write_report
from workbench.i18n import t

# Importing the service pulls in the domain; the CLI needs both for nearly every command.
from workbench.service.errors import WorkbenchError
from workbench.store.db import StoreError

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (see records)
if TYPE_CHECKING:
    import click


class ReaderGone(Exception):
    """Standard output's reader went away (`workbench list --all | head -1`) while a
    subcommand wrote: not an error (see main)."""


def _user_errors() -> tuple[type[Exception], ...]:
    from workbench.domain.dates import DateParseError
    from workbench.domain.quickadd import QuickAddError

    return (WorkbenchError, StoreError, ConfigError, DateParseError, QuickAddError)


def _early_language(args: Sequence[str], config: Config | None) -> str:
    """The language before click parses anything, so that help texts are translated."""
    for i, arg in enumerate(args):
        if arg == "--lang" and i + 1 < len(args):
            return args[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    env = os.environ.get("WORKBENCH_LANG")
    if env:
        return env
    if config is not None:
        return config.language()
    return i18n.lang_from_locale()


def _set_language(value: str) -> None:
    import click

    try:
        i18n.set_language(value)
    except i18n.UnknownLanguage:
        i18n.set_language(i18n.lang_from_locale())
        raise click.BadParameter(t("cli.error.lang", value=value)) from None


def build_cli(settings: Config | None = None) -> click.Group:
    """The command tree, with help texts in the current language. A subcommand is built
    (and its module imported) only when it is named, or when help lists them all.
    `settings`: the configuration main() has already read (else it is read here)."""
    import click

    from workbench.cli import usage_words
    from workbench.cli.lazy import LazyGroup

    usage_words.install()

    @click.group(
        cls=LazyGroup,
        areas=COMMANDS,
        invoke_without_command=True,
        help=t("cli.help.main"),
        context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    )
    @click.option(
        "--db",
        "db_path",
        type=click.Path(path_type=Path),
        metavar="PATH",
        envvar="WORKBENCH_DB",
        help=t("cli.help.db"),
    )
    @click.option("--lang", "lang", envvar="WORKBENCH_LANG", help=t("cli.help.lang"))
    @click.version_option(package_name="workbench", message="%(prog)s %(version)s")
    @click.pass_context
    def cli(ctx: click.Context, db_path: Path | None, lang: str | None) -> None:
        config = settings if settings is not None else load_config()
        if lang:
            _set_language(lang)
        from workbench.cli.context import Context

        ctx.obj = Context(db_path or locations.default_db_path(), config)
        ctx.call_on_close(ctx.obj.close)
        if ctx.invoked_subcommand is not None:
            collector.release()  # the app releases it once its first frame is out
        else:
            from workbench.tui.app import run

            run(ctx.obj.db_path, config)

    return cli


COMMANDS = {
    "add": "tasks",
    "list": "tasks",
    "done": "tasks",
    "undo": "tasks",
    "instr": "instructions",
    "feedback": "feedback",
    "date": "lookup",
    "where": "lookup",
    "summary": "reports",
    "brief": "reports",
    "import": "interchange",
    "export": "interchange",
    "backup": "backup",
    "demo": "demo",
}
"""Each subcommand and the module of `workbench.cli` whose `register` adds it."""


PLAIN: tuple[tuple[str, ...], ...] = ((), ("list",), ("instr", "list"))
"""What runs without click: the app (no subcommand), `workbench list` bare — the first
page of the to-do list, the command typed and polled most — `workbench instr list` bare
(the open instructions), and `workbench add` followed by nothing but the words of a task,
none of them an option (see _is_plain), the quick capture. Click's import and command
tree were a twentieth of the app's start-up, a tenth of `workbench list`, a fifth of
`workbench add` and a quarter of `workbench instr list`."""


def _is_plain(words: tuple[str, ...]) -> bool:
    if words[:1] == ("add",):
        return len(words) > 1 and not any(word.startswith("-") for word in words)
    return words in PLAIN


def _plain_call(args: Sequence[str]) -> tuple[Path | None, str | None, tuple[str, ...]] | None:
    """`--db` and `--lang` (and WORKBENCH_DB), each at most once and valid, and the words
    after them, when those are one of PLAIN. Anything else — another subcommand, an
    option, `--help`, a language we do not have — is click's, which also says what is
    wrong."""
    found: dict[str, str] = {}
    rest = list(args)
    while rest and rest[0].startswith("-"):
        name, eq, value = rest.pop(0).partition("=")
        if name not in ("--db", "--lang") or name in found:
            return None
        if not eq:
            if not rest:
                return None
            value = rest.pop(0)
        if not value:
            return None
        found[name] = value
    words = tuple(rest)
    if not _is_plain(words):
        return None
    lang = found.get("--lang") or os.environ.get("WORKBENCH_LANG") or None
    if lang is not None:
        try:
            i18n.normalize_lang(lang)
        except i18n.UnknownLanguage:
            return None
    db = found.get("--db") or os.environ.get("WORKBENCH_DB") or None
    return (Path(db) if db else None), lang, words


def _run_plain(db: Path | None, lang: str | None, words: tuple[str, ...], config: Config) -> None:
    """What the command group and the named command do, without click (and without reading
    the settings a second time)."""
    if lang:
        i18n.set_language(lang)
    db_path = db or locations.default_db_path()
    if not words:
        from workbench.tui.app import run

        run(db_path, config)
        return
    from workbench.cli.context import Context

    collector.release()
    obj = Context(db_path, config)
    try:
        if words[0] == "add":
            from workbench.cli.tasks import add_task

            add_task(obj, words[1:], _echo)
        elif words[0] == "instr":
            from workbench.cli.instructions import show_instructions

            show_instructions(obj, _echo)
        else:
            from workbench.cli.tasks import show_tasks

            show_tasks(obj, _echo)
        sys.stdout.flush()
    finally:
        obj.close()


def _echo(line: str) -> None:
    sys.stdout.write(line + "\n")


def _run_click(args: list[str], config: Config) -> object:
    import click

    cli = build_cli(config)
    try:
        return cli.main(args=args, prog_name="workbench", standalone_mode=False)
    except click.ClickException as err:
        if isinstance(err, click.MissingParameter):
            _end_with_a_full_stop(err)
        err.show()
        sys.exit(err.exit_code)
    except click.Abort:
        say(t("cli.aborted"))
        sys.exit(1)


def _end_with_a_full_stop(err: click.MissingParameter) -> None:
    """Click ends "Missing option '--leader'" with a full stop of its own, outside the
    words it looks up: in Chinese that is 。, not a Latin point."""
    if i18n.get_language() == "en":
        return
    message = err.format_message()
    if message.endswith("."):
        message = message[:-1] + "。"
        err.format_message = lambda: message  # type: ignore[method-assign]


def _tolerant_output() -> None:
    """Write what the output's encoding cannot hold as "?" instead of failing the command:
    a Simplified 发 on a Big5 (cp950) console, any Chinese in a pipe that a script opened as
    Latin-1. An ASCII output is taken for an unset locale and written in UTF-8, as click
    does for the commands it runs. JSON output stays whole (see `echo_json`)."""
    stream = sys.stdout
    if not hasattr(stream, "reconfigure") or getattr(stream, "errors", None) != "strict":
        return
    import codecs

    if codecs.lookup(stream.encoding).name == "ascii":
        stream.reconfigure(encoding="utf-8", errors="replace")
    else:
        stream.reconfigure(errors="replace")


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point of the `workbench` console script."""
    os.umask(0o077)  # everything we create (database, backups, exports) is the owner's only
    _tolerant_output()
    args = list(sys.argv[1:] if argv is None else argv)
    config_error = None
    try:
        config = load_config()
    except ConfigError as err:
        config, config_error = None, err
    try:
        i18n.set_language(_early_language(args, config))
    except i18n.UnknownLanguage:
        i18n.set_language(i18n.lang_from_locale())
    if config_error is not None:
        say(str(config_error))
        sys.exit(1)
    plain = _plain_call(args)
    try:
        if plain is not None:
            assert config is not None  # a config error has ended the command above
            result: object = _run_plain(*plain, config)
        else:
            result = _run_click(args, config)
    except KeyboardInterrupt:
        sys.exit(130)
    except (BrokenPipeError, ReaderGone):
        # The reader went away (`workbench list | head`): not an error.
        sys.stderr.close()
        sys.exit(0)
    except Exception as err:
        if isinstance(err, _user_errors()):  # looked up only now: the date grammar is large
            say(t("cli.error", message=str(err)))
            sys.exit(1)
        # A bug. Its transaction was rolled back; say so plainly and keep the details
        # for whoever fixes it, instead of a traceback the user cannot act on.
        say(t("cli.error.unexpected", problem=type(err).__name__, log=write_report(err)))
        sys.exit(1)
    sys.exit(result if isinstance(result, int) else 0)
