"""Inside the app: key event → next frame written, quick-add, search as you type, refresh
after another process's change, and peak memory.

Run by the harness in a pseudo-terminal as `python -m benchmarks.probe DB OUT.json`. It
starts the real command (`workbench --db DB`, through `workbench.entry.main`) with three
wrappers: one on `App._display`, which stamps every frame written to the terminal, one on
the lists' `render_lines`, which notes when the to-do list was drawn, and one on
`WorkbenchApp.refresh_data`, which stamps when the app noticed an outside change. A
separate thread plays the part of the terminal's input thread: it hands `events.Key`
objects to the driver's `process_message`, exactly where parsed terminal input goes, and
waits for the first frame written after the key in which the key's effect is visible:
the to-do list drawn in the new state (for example, the cursor on the next row, or the
rows matching what was typed), then written out. A frame in which only the state had
changed (the search box showing the new letter, the list not yet drawn again) does not
count. Pilot's `press` cannot be used: it waits for the app to be idle, about 60 ms a
key. These are private Textual APIs, acceptable here.
"""

from __future__ import annotations

import contextlib
import faulthandler
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from textual import events
from textual.keys import _character_to_key

from benchmarks.common import PYTHON, child_env

GAP = 0.03
"""Pause between keys (faster than key repeat): the screen timer is idle when a key comes."""
TIMEOUT = 10.0
EXIT_WAIT = 30.0
"""Seconds the app has to end after the script before the probe ends itself."""

GOLDEN = (5**0.5 - 1) / 2
PHASES = ("moves", "quick_add", "search", "outside", "summary_screen")
"""What the script does, in order (BENCH_PHASES picks some)."""
SEARCH_WORDS = ("會", "會議", "家長會", "report")
"""1-, 2- and 3-character Chinese words and an English word, typed one key at a time."""


@dataclass
class _Wait:
    predicate: Callable[[], bool]
    after: float
    drawn: bool = True
    """Whether the effect is one the to-do list shows, so that it counts only from the
    first frame after the list was drawn with it (False: a dialog opening)."""
    shown: bool = False
    """The list has been drawn since `after` with the predicate true."""
    on: str = "tasks"
    """Which drawing counts: the to-do list's ("tasks") or the summary's report ("report")."""
    done: threading.Event = field(default_factory=threading.Event)
    at: float | None = None


class Recorder:
    """Frames as they are written, and the one condition the script is waiting for."""

    def __init__(self) -> None:
        self.app: Any = None
        self.ready = threading.Event()
        self.wait: _Wait | None = None
        self.refreshed: list[float] = []
        self.frames = 0

    def frame(self, app: Any) -> None:
        """Called on the app's thread right after a frame went to the terminal."""
        now = time.perf_counter()
        self.frames += 1
        if self.app is None:
            self.app = app
            self.ready.set()
        wait = self.wait
        if wait is not None and now >= wait.after and not wait.done.is_set():
            if wait.drawn and not wait.shown:
                return
            try:
                hit = wait.predicate()
            except Exception:  # the screen is changing under us; look at the next frame
                hit = False
            if hit:
                wait.at = now
                wait.done.set()

    def list_drawn(self, widget: Any) -> None:
        """Called on the app's thread when a list has drawn its rows for a frame."""
        wait = self.wait
        if wait is None or not wait.drawn or wait.shown or wait.done.is_set():
            return
        if time.perf_counter() < wait.after:
            return
        if wait.on == "tasks":
            main = getattr(self.app, "main", None)
            if main is None or widget is not main.tasks:
                return
        elif type(widget).__name__ != "ReportView":
            return
        # An exception: the screen is changing under us; look at the next drawing.
        with contextlib.suppress(Exception):
            wait.shown = bool(wait.predicate())


def install(recorder: Recorder) -> None:
    """Wrap the frame writer, the lists' drawing and the refresh; the app itself is not
    changed."""
    from textual.app import App

    from workbench.tui.app import WorkbenchApp
    from workbench.tui.widgets.paged_list import PagedList
    from workbench.tui.widgets.report_view import ReportView

    display = App._display

    def _display(self: Any, screen: Any, renderable: Any) -> None:
        display(self, screen, renderable)
        if renderable is not None and not self._batch_count:
            recorder.frame(self)

    App._display = _display  # type: ignore[method-assign]

    def watch_drawing(widget_class: Any) -> None:
        render_lines = widget_class.render_lines

        def _render_lines(self: Any, crop: Any) -> Any:
            lines = render_lines(self, crop)
            recorder.list_drawn(self)
            return lines

        widget_class.render_lines = _render_lines

    watch_drawing(PagedList)
    watch_drawing(ReportView)

    refresh_data = WorkbenchApp.refresh_data

    def refresh(self: Any, *args: Any, **kwargs: Any) -> None:
        recorder.refreshed.append(time.perf_counter())
        refresh_data(self, *args, **kwargs)

    WorkbenchApp.refresh_data = refresh  # type: ignore[method-assign]


class Script:
    """The user at the keyboard."""

    def __init__(self, recorder: Recorder, db: str, reps: int, downs: int = 150) -> None:
        self.rec = recorder
        self.db = db
        self.reps = reps
        self.downs = downs
        self.results: dict[str, Any] = {}
        self.misses = 0

    @property
    def app(self) -> Any:
        return self.rec.app

    @property
    def main(self) -> Any:
        return self.app.main

    @property
    def tasks(self) -> Any:
        return self.main.tasks

    def call(self, fn: Callable[[], Any]) -> Any:
        """Read app state on the app's thread."""
        return self.app.call_from_thread(fn)

    def press(self, key: str, until: Callable[[], bool], character: str | None = None,
              event: Any = None, drawn: bool = True,
              on: str = "tasks") -> float | None:  # fmt: skip
        """Send one key (or event) as the terminal would; seconds until the first frame
        in which `until()` holds (and, if `drawn`, that shows the to-do list — or, `on`
        "report", the summary's report — drawn since it held), None if none came."""
        time.sleep(GAP)
        message = event if event is not None else events.Key(key, character)
        wait = _Wait(until, time.perf_counter(), drawn, on=on)
        self.rec.wait = wait
        self.app._driver.process_message(message)
        wait.done.wait(TIMEOUT)
        self.rec.wait = None
        if wait.at is None:
            self.misses += 1
            if self.misses >= 3:  # the app changed under the script: say so, do not crawl
                raise RuntimeError(f"no frame showed the effect of {key or type(event).__name__}")
            return None
        self.misses = 0
        return wait.at - wait.after

    def settle(self, seconds: float = 0.3) -> None:
        time.sleep(seconds)

    # ------------------------------------------------------------------ the script

    def run(self) -> None:
        self.rec.ready.wait(60)
        # Wait for the list and the panes filled after the first frame (a start-of-day
        # briefing, which comes after them, is closed first).
        deadline = time.perf_counter() + 30
        while time.perf_counter() < deadline:
            screen, rows, started = self.call(self._state)
            if screen == "MainScreen" and rows and started:
                break
            if screen not in ("MainScreen", "-"):
                self.press("escape", lambda: type(self.app.screen).__name__ == "MainScreen",
                           drawn=False)  # fmt: skip
            time.sleep(0.05)
        self.settle(0.5)
        self.results["rows"] = self.call(lambda: self.tasks.row_count)
        phases = os.environ.get("BENCH_PHASES", ",".join(PHASES)).split(",")
        profile = os.environ.get("BENCH_PROFILE")
        for phase in phases:
            profiler = None
            if profile:
                from pyinstrument import Profiler  # a development tool, not a dependency

                profiler = Profiler(interval=0.0005)
                self.call(profiler.start)
            frames = self.rec.frames
            getattr(self, phase)()
            self.results.setdefault("frames", {})[phase] = self.rec.frames - frames
            if profiler is not None:
                self.call(profiler.stop)
                with open(f"{profile}.{phase}.txt", "w", encoding="utf-8") as handle:
                    every = bool(os.environ.get("BENCH_PROFILE_ALL"))
                    handle.write(profiler.output_text(unicode=True, show_all=every))
        self.results["memory"] = memory()

    def _state(self) -> tuple[str, int, bool]:
        """The screen shown, the to-do rows, and whether start-up is over: the other panes
        are filled and the briefing's check has run (its screen, if any, is up)."""
        main = self.main
        if main is None or not main.is_mounted:
            return "-", 0, False
        briefing = any(w.group == "brief" and not w.is_finished for w in self.app.workers)
        started = main.instructions.row_count > 0 and not briefing
        return type(self.app.screen).__name__, self.tasks.row_count, started

    def cursor(self) -> int:
        return self.call(lambda: self.tasks.cursor)

    def to_top(self) -> None:
        if self.cursor() != 0:
            self.press("home", lambda: self.tasks.cursor == 0)
            self.settle(0.05)

    def moves(self) -> None:
        count = self.results["rows"]
        page = self.call(lambda: max(1, self.tasks.scrollable_content_region.height - 1))
        downs: list[float | None] = []
        scrolled: list[bool] = []
        pages: list[float | None] = []
        ends: list[float | None] = []
        for _ in range(self.reps):
            self.to_top()
            for _ in range(min(self.downs, count - 1)):
                target, scrolls = self.call(self._next_down)
                downs.append(self.press("down", lambda t=target: self.tasks.cursor == t))
                scrolled.append(scrolls)
            self.to_top()
            for _ in range(max(5, self.downs // 5)):
                here = self.cursor()
                if here >= count - 1:
                    self.to_top()
                    here = 0
                target = min(here + page, count - 1)
                pages.append(self.press("pagedown", lambda t=target: self.tasks.cursor == t))
            # Twenty a round: a full run reads its 95th percentile off 120.
            for _ in range(20):
                self.to_top()
                ends.append(self.press("end", lambda: self.tasks.cursor == count - 1))
        self.results.update(down=downs, down_scrolls=scrolled, pagedown=pages, end=ends)

    def _next_down(self) -> tuple[int, bool]:
        """Where the cursor goes on the next down, and whether the list must scroll."""
        tasks = self.tasks
        bottom = round(tasks.scroll_y) + tasks.scrollable_content_region.height
        return tasks.cursor + 1, tasks.cursor + 1 >= bottom

    def quick_add(self) -> None:
        from workbench.tui.screens.quick_add import QuickAddScreen

        self.to_top()
        times: list[float | None] = []
        for n in range(5 * self.reps):
            title = f"快速新增 Q{os.getpid()}x{n}"
            line = f"{title} 明天下午3點 !重 #辦會"
            opened = self.press("a", lambda: isinstance(self.app.screen, QuickAddScreen),
                                character="a", drawn=False)  # fmt: skip
            if opened is None:
                times.append(None)
                continue
            self.press("", lambda t=title: getattr(self.app.screen, "parsed", None) is not None
                       and self.app.screen.parsed.title == t,
                       event=events.Paste(line), drawn=False)  # fmt: skip
            self.settle(0.1)

            def shown(t: str = title) -> bool:
                current = self.tasks.current
                return (not isinstance(self.app.screen, QuickAddScreen)
                        and current is not None and current.task.title == t)  # fmt: skip

            times.append(self.press("enter", shown))
            self.settle(0.2)
        self.results["quick_add"] = times

    def search(self) -> None:
        per_word: dict[str, list[float | None]] = {w: [] for w in SEARCH_WORDS}
        # A one-character word is one keystroke a round: enough rounds for its median.
        for _ in range(3 * self.reps):
            for word in SEARCH_WORDS:
                opened = self.press("slash", self._searching, character="/", drawn=False)
                if opened is None:
                    continue
                # The search box appearing lays the screen out; a person's first key comes
                # a moment later, not while that is still being drawn.
                self.settle(0.2)
                typed = ""
                for ch in word:
                    typed += ch
                    per_word[word].append(self.press(
                        _character_to_key(ch),
                        lambda q=typed: self.query() == q,
                        character=ch,
                    ))  # fmt: skip
                    self.settle(0.05)
                self.press("escape", lambda: self.query() == "")
                self.settle(0.2)
        self.results["search"] = per_word

    def query(self) -> str:
        """The search the to-do list is filtered by."""
        main = self.main
        read = getattr(main, "filter_query", None) or main._filter_query
        return read("tasks")

    def _searching(self) -> bool:
        return getattr(self.app.focused, "id", "") == "search"

    def outside(self) -> None:
        """Another process adds a task; from the app noticing it (its poll) to the frame
        that shows it, and from the other process's commit to that frame."""
        self.to_top()
        found: list[dict[str, float | None]] = []
        # A fixed pause would put each commit at the same point of the app's half-second
        # poll (the other process takes about as long to start every time), so that the
        # commit → shown line measured either almost no wait or almost all of it: 47 ms at
        # one size, 490 ms at the others. The pauses step through the interval by the
        # golden ratio, which spreads any number of them evenly (a few random ones did not:
        # seven draws clustered, the same seven in every run); then the line is the wait a
        # change from another window meets, a quarter second on average.
        from workbench.tui.app import POLL_SECONDS

        for n in range(3 + 2 * self.reps):
            self.settle(0.3 + (n * GOLDEN % 1.0) * POLL_SECONDS)
            before = self.call(lambda: self.tasks.row_count)
            self.rec.refreshed.clear()
            wait = _Wait(lambda b=before: self.tasks.row_count == b + 1, time.perf_counter())
            self.rec.wait = wait
            done = subprocess.run(
                [PYTHON, "-m", "benchmarks.outside", self.db, f"外部新增 {os.getpid()}-{n}"],
                env=child_env(), capture_output=True, text=True, check=True,
            )  # fmt: skip
            committed = float(done.stdout.split()[-1])
            wait.done.wait(TIMEOUT)
            self.rec.wait = None
            noticed = next((t for t in self.rec.refreshed if t >= committed), None)
            found.append({
                "noticed_to_shown": wait.at - noticed if wait.at and noticed else None,
                "commit_to_shown": wait.at - committed if wait.at else None,
            })  # fmt: skip
        self.results["outside"] = found


    def summary_screen(self) -> None:
        """S on the main screen: to the first frame with the month's summary drawn on the
        summary screen (its first screens; the rest is laid out after)."""
        from workbench.tui.screens.summary import SummaryScreen
        from workbench.tui.widgets.report_view import ReportView

        def shown() -> bool:
            screen = self.app.screen
            return (isinstance(screen, SummaryScreen)
                    and screen.query_one(ReportView).line_count > 0)  # fmt: skip

        times: list[float | None] = []
        for _ in range(1 + 2 * self.reps):
            self.settle(0.3)
            times.append(self.press("S", shown, character="S", on="report"))
            self.settle(0.5)
            self.press("escape", lambda: type(self.app.screen).__name__ == "MainScreen",
                       drawn=False)  # fmt: skip
        self.results["summary_screen"] = times


def memory() -> dict[str, float]:
    """Peak and current resident memory of this process, in MB."""
    out = {}
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith(("VmHWM:", "VmRSS:")):
                out[line.split(":")[0]] = int(line.split()[1]) / 1024
    return out


def main(argv: list[str]) -> None:
    db, out = argv[0], argv[1]
    reps = int(argv[2]) if len(argv) > 2 else 1
    downs = int(argv[3]) if len(argv) > 3 else 150
    recorder = Recorder()
    install(recorder)
    script = Script(recorder, db, reps, downs)
    error: list[BaseException] = []

    def write(problem: str | None) -> None:
        with open(out, "w", encoding="utf-8") as handle:
            json.dump({**script.results, "error": problem}, handle)

    def stuck() -> None:
        """The app has not ended after the script: say so (with every thread's stack, for
        whoever looks into it) rather than hold up the whole benchmark."""
        with tempfile.TemporaryFile("w+", encoding="utf-8") as stacks:
            faulthandler.dump_traceback(stacks, all_threads=True)
            stacks.seek(0)
            write(f"the app did not end within {EXIT_WAIT:.0f} s of the script:\n{stacks.read()}")
        os._exit(3)

    def play() -> None:
        try:
            script.run()
        except BaseException as err:
            error.append(err)
        finally:
            write(repr(error[0]) if error else None)
            watchdog = threading.Timer(EXIT_WAIT, stuck)
            watchdog.daemon = True
            watchdog.start()
            if recorder.app is not None:
                recorder.app.call_from_thread(recorder.app.exit)

    threading.Thread(target=play, name="benchmark-input", daemon=True).start()
    from workbench.entry import main as workbench  # what the console script runs

    with contextlib.suppress(SystemExit):  # the command exits when the app does
        workbench(["--db", db])


if __name__ == "__main__":
    main(sys.argv[1:])
