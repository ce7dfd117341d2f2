"""A writer process for the crash and concurrency tests.

`python -m tests.reliability.writer DB --writer 3 [--count N] [--closes K]` adds tasks
(and, every K-th step, registers an instruction and closes it with completion feedback)
and prints one `ACK …` line after each change has been committed — exactly what a user is
told. The tests kill it at random moments and check every acknowledged change is there.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path


def _ack(*parts: object) -> None:
    sys.stdout.write("ACK " + " ".join(str(p) for p in parts) + "\n")
    sys.stdout.flush()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("db", type=Path)
    parser.add_argument("--writer", type=int, required=True)
    parser.add_argument("--count", type=int, default=0, help="changes to make; 0: until killed")
    parser.add_argument("--closes", type=int, default=0, help="every K-th change closes")
    args = parser.parse_args()

    from workbench.service.workbench import Workbench

    wb = Workbench.open(args.db)
    sys.stdout.write("READY\n")
    sys.stdout.flush()
    w = args.writer
    step = 0
    while args.count == 0 or step < args.count:
        step += 1
        # A breath between changes (a person's are seconds apart). SQLite's busy wait is
        # not fair: it sleeps 50-100 ms between tries, and a process committing every few
        # milliseconds — each commit an fsync, slow when the disk is shared — can keep the
        # other writer from finding the lock free for the 5 s it waits; that one then says
        # "busy": a refusal, not a loss, and not what these tests are about. A 2 ms gap
        # still lost that race in some loaded runs; at 20 ms a try finds the lock free
        # about one time in three.
        time.sleep(0.02)
        if args.closes and step % args.closes == 0:
            view = wb.add_instruction(f"w{w}-i{step}", leader="校長")
            iid = view.instruction.id
            _ack("instr", iid, f"w{w}-i{step}")
            wb.close_instruction(iid, feedback=f"w{w}-f{step}")
            _ack("close", iid, f"w{w}-f{step}")
        else:
            wb.add_task(f"w{w}-t{step} 明天 #壓力")
            _ack("task", f"w{w}-t{step}")
    wb.close()


if __name__ == "__main__":
    main()
