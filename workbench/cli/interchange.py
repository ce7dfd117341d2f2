"""`workbench import FILE [--from json|taskwarrior]` and `workbench export [--format
json|taskwarrior|ics] [-o FILE]` (DESIGN.md's contract).

An export goes to standard output unless -o names a file (all our formats are text). A
progress bar is drawn on standard error only when it is a terminal and the work is long.
A refused import prints one line and changes nothing (main() turns the service's error into
exit status 1). The service is imported when a command runs, so that importing
`workbench.cli.main` stays fast.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

import click

from workbench.i18n import t

IMPORT_FORMATS = ("json", "taskwarrior")
EXPORT_FORMATS = ("json", "taskwarrior", "ics")
LONG_IMPORT_BYTES = 2 << 20
"""Files smaller than this import in well under a second: no bar."""
LONG_EXPORT_RECORDS = 5000


class _Bar:
    """A click progress bar that appears only once the work proves long."""

    def __init__(self, label: str, threshold: int, enabled: bool) -> None:
        self.label, self.threshold, self.enabled = label, threshold, enabled
        self.bar: Any = None
        self.shown = 0

    def __call__(self, done: int, total: int | None) -> None:
        if not self.enabled or not total or total < self.threshold:
            return
        if self.bar is None:
            self.bar = click.progressbar(length=total, label=self.label, file=sys.stderr)
            self.bar.__enter__()
        step = min(done, total) - self.shown
        if step > 0:
            self.bar.update(step)
            self.shown += step

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None


@contextmanager
def progress_bar(label: str, threshold: int) -> Iterator[_Bar]:
    bar = _Bar(label, threshold, enabled=sys.stderr.isatty())
    try:
        yield bar
    finally:
        bar.close()


@contextmanager
def _stdout() -> Iterator[IO[str]]:
    """Standard output as UTF-8 whatever the locale, line ends untouched (.ics has CRLF)."""
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        yield sys.stdout
        return
    sys.stdout.flush()
    stream = io.TextIOWrapper(buffer, encoding="utf-8", newline="", write_through=True)
    try:
        yield stream
    finally:
        stream.flush()
        stream.detach()


def _warn(lines: list[str]) -> None:
    for line in lines:
        click.echo(t("interchange.cli.warning", message=line), err=True)


def register(cli: click.Group) -> None:
    """Add `import` and `export` to the command tree."""

    @cli.command("import", help=t("interchange.cli.import"))
    @click.argument("file", type=click.Path(path_type=Path, dir_okay=False, allow_dash=True))
    @click.option(
        "--from", "fmt", type=click.Choice(IMPORT_FORMATS), default=None,
        help=t("interchange.cli.from"),
    )  # fmt: skip
    @click.pass_obj
    def import_(obj: Any, file: Path, fmt: str | None) -> None:
        from workbench.service import interchange

        wb = obj.workbench()
        with progress_bar(t("interchange.cli.reading"), LONG_IMPORT_BYTES) as bar:
            result = interchange.import_file(wb, file, fmt=fmt, progress=bar)
        for line in result.lines():
            click.echo(line)
        _warn(result.warnings)

    @cli.command("export", help=t("interchange.cli.export"))
    @click.option(
        "--format", "fmt", type=click.Choice(EXPORT_FORMATS), default="json",
        show_default=True, help=t("interchange.cli.format"),
    )  # fmt: skip
    @click.option(
        "-o", "--output", type=click.Path(path_type=Path, dir_okay=False, allow_dash=True),
        metavar="FILE", default=None, help=t("interchange.cli.output"),
    )  # fmt: skip
    @click.option(
        "--include-confidential", is_flag=True, help=t("interchange.cli.include_confidential")
    )
    @click.option("--overwrite", is_flag=True, help=t("interchange.cli.overwrite"))
    @click.pass_obj
    def export(
        obj: Any, fmt: str, output: Path | None, include_confidential: bool, overwrite: bool
    ) -> None:
        from workbench.service import interchange

        wb = obj.workbench()
        options = dict(include_confidential=include_confidential, overwrite=overwrite)
        to_stdout = output is None or str(output) == "-"
        with progress_bar(t("interchange.cli.writing"), LONG_EXPORT_RECORDS) as bar:
            if to_stdout:
                with _stdout() as stream:
                    result = interchange.export_file(wb, stream, fmt, progress=bar, **options)
            else:
                result = interchange.export_file(wb, output, fmt, progress=bar, **options)
        if to_stdout:
            _warn([*result.lines()[1:], *result.warnings])  # stdout holds the data only
            return
        for line in result.lines():
            click.echo(line)
        _warn(result.warnings)
