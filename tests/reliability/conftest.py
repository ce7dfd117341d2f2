"""Fixtures of the reliability tests."""

from __future__ import annotations

import os

import pytest


@pytest.fixture
def run_main(capsys):
    """Run the command line in this process: `code, out, err = run_main("list")`.

    Faster than a new process, and lets a test limit SQLite or hand over arguments no
    process could receive (a NUL). The umask `main()` sets is put back afterwards.
    """
    from workbench.cli.main import main

    def run(*args: str) -> tuple[int, str, str]:
        mask = os.umask(0o022)
        os.umask(mask)
        code: int | str | None = 0
        try:
            main(list(args))
        except SystemExit as exit_:
            code = exit_.code
        finally:
            os.umask(mask)
        out = capsys.readouterr()
        return int(code or 0), out.out, out.err

    return run
