"""Python's cycle collector, set for a program that starts once and then stays open.

Starting the workbench creates tens of thousands of container objects (67,000 tracked by
the collector once the app is up, measured) that live as long as the process: modules,
classes, Textual's widgets and stylesheet, translations. The collector would walk them
again and again — during start-up, where it found little to free (7–35 ms of a start,
measured), and later in every full collection, which took 42 ms at 100,000 records and
landed in the middle of a keystroke's frame. So collection is held
off while the program starts; once it has started, what exists is moved out of the
collector's sight (`gc.freeze`) and collection resumes. (A larger youngest generation was
tried and is worse: a young collection costs what is alive in it, so 10,000 made each one
a 3–6 ms pause inside a frame, against 0.1 ms with Python's 700.)

Only the `workbench` command does this (`hold` is called by its entry point); code that
imports the package, tests included, keeps Python's defaults.
"""

from __future__ import annotations

import gc

_held = False


def hold() -> None:
    """No collection until `release`: the process is starting."""
    global _held
    if gc.isenabled():
        gc.disable()
        _held = True


def release(*, collect: bool = False) -> None:
    """Start-up is over: set aside what it made, and collect from here on. Does nothing
    unless `hold` was called, so that a test's app does not freeze the test process.

    `collect` first frees the cycles start-up left behind (a few thousand objects; 37 ms
    at 100,000 records, measured), which would otherwise be set aside for good: the app,
    which runs all day, does; a command, which ends in a moment, does not."""
    global _held
    if not _held:
        return
    _held = False
    if collect:
        gc.collect()
    gc.freeze()
    gc.enable()
