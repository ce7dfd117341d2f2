"""A process in a pseudo-terminal of our own: start it, read what it draws, find a text on
the screen, quit it. Time is `time.perf_counter()` (CLOCK_MONOTONIC, the same clock in
every process), taken just before the fork."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import signal
import struct
import termios
import time
from collections.abc import Sequence
from dataclasses import dataclass, field

from benchmarks.common import COLUMNS, LINES

_ESCAPE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)"  # OSC
    r"|\x1bP[^\x1b]*\x1b\\"  # DCS
    r"|\x1b[ -/]*[0-~]"  # two-byte escapes
)


@dataclass
class Terminal:
    """One child process on a pty; `text` is everything it printed, escapes removed."""

    pid: int
    fd: int
    started: float
    raw: bytearray = field(default_factory=bytearray)
    exit_status: int | None = None

    @classmethod
    def spawn(cls, argv: Sequence[str], env: dict[str, str], cwd: str | None = None) -> Terminal:
        started = time.perf_counter()
        pid, fd = pty.fork()
        if pid == 0:  # the child: size the terminal before the program looks at it
            try:
                fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", LINES, COLUMNS, 0, 0))
                if cwd:
                    os.chdir(cwd)
                os.execve(argv[0], list(argv), env)
            finally:
                os._exit(127)
        return cls(pid, fd, started)

    @property
    def text(self) -> str:
        return _ESCAPE.sub("", self.raw.decode("utf-8", "ignore"))

    def pump(self, timeout: float) -> bool:
        """Read what is there (waiting up to `timeout`); False once the child closed it."""
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return True
        try:
            chunk = os.read(self.fd, 1 << 16)
        except OSError:
            return False
        if not chunk:
            return False
        self.raw += chunk
        return True

    def wait_for(self, needle: str, timeout: float) -> float | None:
        """The moment `needle` first appeared on the screen (None: it did not in time)."""
        deadline = time.perf_counter() + timeout
        checked = 0
        while time.perf_counter() < deadline:
            alive = self.pump(0.002)
            # Escapes can be split across reads: look again a little before the last end.
            start = max(0, checked - 256)
            if needle in _ESCAPE.sub("", self.raw[start:].decode("utf-8", "ignore")):
                return time.perf_counter()
            checked = len(self.raw)
            if not alive:
                return None
        return None

    def peak_memory_mb(self) -> float | None:
        """VmHWM (peak resident memory) of the child so far."""
        try:
            with open(f"/proc/{self.pid}/status", encoding="ascii") as status:
                for line in status:
                    if line.startswith("VmHWM:"):
                        return int(line.split()[1]) / 1024
        except OSError:
            return None
        return None

    def send(self, data: bytes) -> None:
        os.write(self.fd, data)

    def finish(self, quit_keys: bytes | None = None, timeout: float = 5.0) -> int | None:
        """Quit with `quit_keys` (else a SIGTERM), draining output until the child exits;
        kill it if it will not."""
        if quit_keys:
            self.send(quit_keys)
        else:
            os.kill(self.pid, signal.SIGTERM)
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            done, status = os.waitpid(self.pid, os.WNOHANG)
            if done:
                self.exit_status = os.waitstatus_to_exitcode(status)
                break
            if not self.pump(0.01):
                _, status = os.waitpid(self.pid, 0)
                self.exit_status = os.waitstatus_to_exitcode(status)
                break
        else:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        os.close(self.fd)
        return self.exit_status

    def run_to_end(self, timeout: float) -> int | None:
        """Let the child run by itself, draining its output, until it exits."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            if not self.pump(0.05):
                break
            done, status = os.waitpid(self.pid, os.WNOHANG)
            if done:
                self.exit_status = os.waitstatus_to_exitcode(status)
                os.close(self.fd)
                return self.exit_status
        return self.finish(timeout=2.0)
