"""The cycle collector is held off while the `workbench` command starts and resumes, with
what start-up made set aside, once it has: for a subcommand when it is chosen, for the app
at its first frame (tests/tui/test_app.py). Code that only imports the package keeps
Python's defaults."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
import textwrap

from workbench import collector


def _run(code: str, db_path) -> str:
    env = {**os.environ, "WORKBENCH_NOW": "2026-11-26T10:00", "WORKBENCH_LANG": "en"}
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code), str(db_path)],
        capture_output=True, text=True, env=env, timeout=60,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_a_subcommand_collects_again_once_chosen(db_path):
    out = _run(
        """
        import gc, sys
        from workbench import collector, entry
        seen = []
        release = collector.release
        def watching():
            seen.append(gc.isenabled())
            release()
            seen.append((gc.isenabled(), gc.get_freeze_count() > 0))
        collector.release = watching
        try:
            entry.main(["--db", sys.argv[1], "list"])
        except SystemExit:
            pass
        print(seen, gc.isenabled())
        """,
        db_path,
    )
    assert out.strip().splitlines()[-1] == "[False, (True, True)] True"


def test_release_without_hold_changes_nothing():
    assert gc.isenabled()
    frozen = gc.get_freeze_count()
    collector.release()
    assert gc.isenabled()
    assert gc.get_freeze_count() == frozen

