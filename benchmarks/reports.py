"""The month's summary (Markdown, Word, Excel) and the briefing, inside one process the way
the summary screen makes them: the first call of each pays its imports (reported as
`cold`), the median of the next N is the cost a secretary waits for each time after.
Run as `python -m benchmarks.reports DB RUNS OUT.json`."""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path


def main(db: str, runs: int, out: str) -> None:
    from workbench.config import load_config
    from workbench.domain.report_text import brief_text
    from workbench.domain.summary import Period
    from workbench.service import reports
    from workbench.service.workbench import Workbench, clock_from_env
    from workbench.store.reports import instructions_alive as alive

    wb = Workbench.open(Path(db), load_config(), clock_from_env(), create=False)
    month = reports.ReportRequest("summary", Period.this_month(wb.now().date()))
    folder = Path(tempfile.mkdtemp(prefix="workbench-bench-"))
    cases = {
        "summary_md": lambda: reports.render(wb, month, "md"),
        "summary_docx": lambda: reports.write(wb, month, "docx", folder / "m.docx", overwrite=True),
        "summary_xlsx": lambda: reports.write(wb, month, "xlsx", folder / "m.xlsx", overwrite=True),
        "brief": lambda: brief_text(reports.brief(wb)),
    }
    results: dict[str, dict[str, object]] = {}
    try:
        for name, case in cases.items():
            times = []
            for _ in range(runs + 1):
                started = time.perf_counter()
                case()
                times.append(time.perf_counter() - started)
            results[name] = {"cold": times[0], "warm": times[1:]}
        summary = reports.summary(wb, month.period)  # type: ignore[arg-type]
        before = month.period.previous()  # type: ignore[union-attr]
        previous = alive(wb.store, before.start_instant, before.end_instant)
        day = reports.brief(wb)
        listed = (len(day.overdue_tasks) + len(day.today_tasks) + len(day.red) + len(day.yellow)
                  + len(day.feedback_due) + len(day.upcoming))  # fmt: skip
        results["population"] = {"instructions": len(summary.items), "previous": len(previous),
                                 "brief_items": listed}  # fmt: skip
    finally:
        wb.close()
        for path in folder.iterdir():
            path.unlink()
        folder.rmdir()
    Path(out).write_text(json.dumps(results), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), sys.argv[3])
