"""Another process changes the database: adds one task through the service, then prints
the moment its transaction committed (perf_counter, comparable across processes)."""

from __future__ import annotations

import sys
import time
from pathlib import Path


def main(db: str, title: str) -> None:
    from workbench.config import load_config
    from workbench.service.workbench import Workbench, clock_from_env

    wb = Workbench.open(Path(db), load_config(), clock_from_env())
    try:
        wb.add_task(f"{title} !重急")
        committed = time.perf_counter()
    finally:
        wb.close()
    print(committed)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
