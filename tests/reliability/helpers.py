"""Running the real program in other processes, and looking at files byte for byte."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
UNEXPECTED = "Something unexpected went wrong"
"""How the command line reports a bug it caught (tests run in English)."""


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def cli(*args: str, prefix: list[str] | None = None, timeout: float = 60, **kw):
    """`workbench ARGS` in a new process, as a user would run it."""
    return subprocess.run(
        [*(prefix or []), sys.executable, "-m", "workbench", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
        **kw,
    )


def assert_clean_failure(result, *names: str) -> None:
    """Refused the way a user should see it: non-zero exit, a message, no traceback."""
    assert result.returncode != 0, result.stdout
    assert "Traceback" not in result.stderr + result.stdout, result.stderr
    assert UNEXPECTED not in result.stderr, result.stderr  # a refusal, not a caught bug
    assert result.stderr.strip(), "a refusal must say why"
    for name in names:
        assert name in result.stderr, result.stderr


def unprivileged() -> list[str]:
    """A command prefix under which file permissions apply to us.

    Tests often run as root, who may write any file. Then we drop the two capabilities
    that let root ignore permissions (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH) with
    util-linux `setpriv`; the process stays uid 0, so it can still read the interpreter
    wherever it is installed. Without root nothing needs dropping.
    """
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: root ignores file permissions")
    caps = "-dac_override,-dac_read_search"
    prefix = [setpriv, f"--inh-caps={caps}", f"--bounding-set={caps}"]
    probe = subprocess.run([*prefix, "true"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip("cannot drop capabilities here: root ignores file permissions")
    return prefix


def integrity(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


@dataclass
class Writer:
    """A running `tests.reliability.writer` process and the lines it has printed."""

    proc: subprocess.Popen
    lines: list[str] = field(default_factory=list)
    ready: threading.Event = field(default_factory=threading.Event)
    reader: threading.Thread | None = None
    errors: str = ""
    """What it wrote to stderr, once it has ended."""

    @classmethod
    def start(cls, db: Path, writer: int, *, count: int = 0, closes: int = 0) -> Writer:
        proc = subprocess.Popen(
            [
                sys.executable, "-m", "tests.reliability.writer", str(db),
                "--writer", str(writer), "--count", str(count), "--closes", str(closes),
            ],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )  # fmt: skip
        self = cls(proc)
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()
        return self

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            if line.startswith("READY"):
                self.ready.set()
            else:
                self.lines.append(line.rstrip("\n"))
        self.ready.set()

    def kill(self) -> None:
        self.proc.kill()
        self.finish()

    def finish(self, timeout: float = 120) -> str:
        """Wait for the process to end; returns what it wrote to stderr."""
        self.proc.wait(timeout=timeout)
        if self.reader is not None:
            self.reader.join(timeout=10)
        assert self.proc.stderr is not None
        self.errors = self.proc.stderr.read()
        self.proc.stdout.close()  # type: ignore[union-attr]
        self.proc.stderr.close()
        return self.errors

    def acks(self) -> list[list[str]]:
        return [line.split(" ")[1:] for line in self.lines if line.startswith("ACK ")]
