"""`python -m benchmarks [--quick]`: measure everything, print one table, write RESULTS.md.

Generate the data of each size (cached under benchmarks/data/ while the generator is
unchanged) and copy it for this run; then measure, going round the sizes in turn,
as medians of repeated runs: first frames in a pseudo-terminal (the workbench, then an
empty Textual app), the in-app key, quick-add, search and refresh latencies
(benchmarks.probe), the reports, and the command line and Taskwarrior on the same tasks as
fresh processes.
"""

from __future__ import annotations

import argparse
import compileall
import json
import shlex
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from benchmarks import backlog as backlog_
from benchmarks import data, importing, machine, processes, taskwarrior
from benchmarks.common import (
    DATA,
    HERE,
    PYTHON,
    RESULTS,
    ROOT,
    WORKBENCH,
    child_env,
    median,
    p95,
)
from benchmarks.empty_app import MARKER
from benchmarks.probe import SEARCH_WORDS
from benchmarks.terminal import Terminal

SIZES = (1_000, 10_000, 100_000)
QUICK_SIZES = (1_000, 10_000)


@dataclass(frozen=True)
class Plan:
    """How many times each thing is measured."""

    first_frames: int
    probe_runs: int
    probe_reps: int
    probe_downs: int
    """Cursor-down presses per repetition (page downs: a fifth as many)."""
    report_runs: int
    process_runs: int


FULL = Plan(first_frames=7, probe_runs=3, probe_reps=2, probe_downs=150, report_runs=7,
            process_runs=7)  # fmt: skip
QUICK = Plan(first_frames=3, probe_runs=1, probe_reps=1, probe_downs=80, report_runs=2,
             process_runs=4)  # fmt: skip


def say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


# --------------------------------------------------------------------------- measuring


# Every measurement goes round the sizes in turn (1,000, 10,000, 100,000, 1,000, …): the
# machine is shared and its load drifts over minutes, and comparing sizes measured minutes
# apart would mostly compare the load.


def _one_first_frame(dataset: data.Dataset, title: str, warm_up: bool) -> dict[str, Any]:
    env = child_env()
    term = Terminal.spawn([WORKBENCH, "--db", str(dataset.work)], env)
    # The warm-up round may open on the day's briefing, which can hide the title.
    shown = term.wait_for(title[:6], 8 if warm_up else 30)
    memory = term.peak_memory_mb()
    term.finish(b"\x1bq" if warm_up else b"q")
    app = None if shown is None else shown - term.started
    term = Terminal.spawn([PYTHON, str(HERE / "empty_app.py")], env)
    ready = term.wait_for(MARKER, 30)
    term.finish(b"\x11")
    empty = None if ready is None else ready - term.started
    return {"app": app, "empty": empty, "memory": memory}


def first_frames(datasets: list[data.Dataset], runs: int) -> dict[int, dict[str, Any]]:
    """Process start → first frame showing the top task's title, and right after it an
    empty Textual app's first frame (the same machine load for both); peak memory at that
    frame. The first round is not counted: it warms the caches and takes the day's
    briefing."""
    titles = {d.size: data.top_title(d) for d in datasets}
    samples: dict[int, list[dict[str, Any]]] = {d.size: [] for d in datasets}
    for n in range(runs + 1):
        for dataset in datasets:
            found = _one_first_frame(dataset, titles[dataset.size], warm_up=n == 0)
            if n:
                samples[dataset.size].append(found)
    out = {}
    for size, runs_ in samples.items():
        apps = [r["app"] for r in runs_ if r["app"] is not None]
        empties = [r["empty"] for r in runs_ if r["empty"] is not None]
        memory = [r["memory"] for r in runs_ if r["memory"] is not None]
        out[size] = {"app": median(apps), "empty": median(empties),
                     "memory": max(memory or [0]), "missed": len(runs_) - len(apps),
                     "title": titles[size]}  # fmt: skip
    return out


def _empty_probe() -> dict[str, Any]:
    return {"down": [], "down_scrolls": [], "pagedown": [], "end": [], "quick_add": [],
            "search": {w: [] for w in SEARCH_WORDS}, "outside": [], "summary_screen": [],
            "memory": [], "errors": []}  # fmt: skip


def probes(datasets: list[data.Dataset], plan: Plan) -> dict[int, dict[str, Any]]:
    """Pool the samples of each size's in-app runs."""
    pooled = {d.size: _empty_probe() for d in datasets}
    for _ in range(plan.probe_runs):
        for dataset in datasets:
            into = pooled[dataset.size]
            out = DATA / f"probe-{dataset.size}.json"
            out.unlink(missing_ok=True)
            term = Terminal.spawn([PYTHON, "-m", "benchmarks.probe", str(dataset.work),
                                   str(out), str(plan.probe_reps), str(plan.probe_downs)],
                                  child_env())  # fmt: skip
            term.run_to_end(600)
            if not out.exists():
                into["errors"].append("no results")
                continue
            found = json.loads(out.read_text())
            if found.get("error"):
                into["errors"].append(found["error"])
            for key in ("down", "down_scrolls", "pagedown", "end", "quick_add", "outside",
                        "summary_screen"):
                into[key].extend(found.get(key, []))
            for word, samples in found.get("search", {}).items():
                into["search"][word].extend(samples)
            if found.get("memory"):
                into["memory"].append(found["memory"]["VmHWM"])
    return pooled


def reports(datasets: list[data.Dataset], runs: int) -> dict[int, dict[str, Any]]:
    """Each round, one process per size makes every report twice: the first call of each
    is `cold` (imports), the second `warm`; warm ones are pooled over the rounds."""
    pooled: dict[int, dict[str, Any]] = {}
    for _ in range(runs):
        for dataset in datasets:
            out = DATA / f"reports-{dataset.size}.json"
            subprocess.run([PYTHON, "-m", "benchmarks.reports", str(dataset.work), "1",
                            str(out)], env=child_env(), check=True)  # fmt: skip
            found = json.loads(out.read_text())
            into = pooled.setdefault(dataset.size, {"population": found["population"]})
            for name, value in found.items():
                if name != "population":
                    case = into.setdefault(name, {"cold": [], "warm": []})
                    case["cold"].append(value["cold"])
                    case["warm"].extend(value["warm"])
    return pooled


Case = tuple[list[str], dict[str, str]]
"""A fresh-process case: its arguments and its environment."""


def _commands(dataset: data.Dataset, rc: Path | None, backlog: backlog_.Backlog,
              n: int) -> dict[str, Case | None]:  # fmt: skip
    """The fresh-process cases of one size, the n-th time round (adds differ each time):
    the workbench's and Taskwarrior's on the dataset, then on its open backlog."""
    db = [WORKBENCH, "--db", str(dataset.work)]
    held = [WORKBENCH, "--db", str(backlog.db)]
    add = ["add", f"命令行新增 c{n} 明天下午3點 !重 #辦會"]
    env = child_env()
    cases: dict[str, Case | None] = {
        "list": ([*db, "list"], env),
        "instr_list": ([*db, "instr", "list"], env),
        "summary_md": ([*db, "summary", "--month"], env),
        "add": ([*db, *add], env),
        "backlog_list": ([*held, "list"], env),
        "backlog_add": ([*held, *add], env),
    }
    task_add = ["add", f"命令行新增 c{n}", "due:tomorrow", "priority:H"]
    for prefix, rc_ in (("task_", rc), ("task_backlog_", backlog.rc)):
        task = taskwarrior.TASK
        if task is None or rc_ is None:
            cases[prefix + "next"] = cases[prefix + "add"] = None
            continue
        cases[prefix + "next"] = ([task, "next"], taskwarrior.env(rc_))
        cases[prefix + "add"] = ([task, *task_add], taskwarrior.env(rc_))
    return cases


def commands(datasets: list[data.Dataset], runs: int) -> dict[int, dict[str, float | None]]:
    """Median time of each command as a fresh process, after one warm-up round.

    Each command runs at every size back to back, the sizes in a new order each round, so
    that the machine's load of the moment falls on every size alike: the targets compare
    sizes. Size by size, a round took seconds, and in two runs one size's `list` median
    came out a third off the other two's, a different size each time."""
    rcs = {d.size: taskwarrior.prepare(d) for d in datasets}
    backlogs = {d.size: backlog_.prepare(d) for d in datasets}
    times: dict[int, dict[str, list[float]]] = {d.size: {} for d in datasets}
    for n in range(runs + 1):
        turn = datasets[n % len(datasets) :] + datasets[: n % len(datasets)]
        cases = {d.size: _commands(d, rcs[d.size], backlogs[d.size], n) for d in turn}
        for name in cases[turn[0].size]:
            for dataset in turn:
                case = cases[dataset.size][name]
                if case is None:
                    continue
                took = processes.once(*case)
                if n:
                    times[dataset.size].setdefault(name, []).append(took)
    return {size: {name: median(values) for name, values in found.items()}
            for size, found in times.items()}  # fmt: skip


def measure(sizes: list[int], plan: Plan, regenerate: bool) -> dict[int, dict[str, Any]]:
    results: dict[int, dict[str, Any]] = {}
    datasets = []
    for size in sizes:
        say(f"== data: {size:,} tasks")
        dataset = data.prepare(size, regenerate=regenerate)
        datasets.append(dataset)
        results[size] = {"generated_in": dataset.generated_in}
    say("== first frames")
    for size, found in first_frames(datasets, plan.first_frames).items():
        results[size]["first_frame"] = found
    say("== in-app keys, quick-add, search, refresh")
    for size, found in probes(datasets, plan).items():
        results[size]["probe"] = found
    say("== reports")
    for size, found in reports(datasets, plan.report_runs).items():
        results[size]["reports"] = found
    say("== command line and Taskwarrior")
    for size, found in commands(datasets, plan.process_runs).items():
        results[size]["cli"] = {k: v for k, v in found.items() if not k.startswith("task_")}
        results[size]["task"] = {k[5:]: v for k, v in found.items() if k.startswith("task_")}
    say("== import of every task as Taskwarrior JSON")
    for size, found in importing.measure(datasets).items():
        results[size]["import"] = found
        if found["error"] or found["bar"] != found["bar_expected"]:
            problem = found["error"] or (
                "no progress bar was drawn" if found["bar_expected"] else "a progress bar "
                "was drawn for a short import"
            )
            results[size]["probe"]["errors"].append(f"import: {problem}")
    return results


# --------------------------------------------------------------------------- the table


def _ms(values: list[float | None], stat: Callable = median) -> float | None:
    kept = [v * 1000 for v in values if v is not None]
    return stat(kept) if kept else None


@dataclass
class Row:
    label: str
    unit: str
    get: Callable[[dict[str, Any]], float | None]
    target: str = ""
    check: Callable[[float, dict[str, Any]], bool] | None = None
    scales: bool = False
    """Checked against 1.5 × its value at 1,000 (cost must not grow with the data)."""
    per: tuple[str, Callable[[dict[str, Any]], float | None]] | None = None
    """For a measure whose work is its content (a report, the briefing): what it covers,
    named, and how many; the growth check then compares the cost of one. The month's
    summary at 100,000 covers nearly twice what it covers at 1,000, whose office is six
    weeks old: its month before is half empty and nothing is carried over from earlier."""
    values: dict[int, float | None] = field(default_factory=dict)


def _split(probe: dict[str, Any], *, scrolling: bool) -> list[float | None]:
    return [t for t, s in zip(probe["down"], probe["down_scrolls"], strict=False)
            if s == scrolling]  # fmt: skip


def _div(a: float | None, b: float | None) -> float | None:
    return a / b if a is not None and b else None


def _sec(value: float | None) -> float | None:
    return None if value is None else value * 1000


def _covered(r: dict[str, Any]) -> float | None:
    """The instructions a month's summary covers: the month's, and the month before's
    for the comparison."""
    population = r["reports"]["population"]
    return population["instructions"] + (population.get("previous") or 0)


def _brief_items(r: dict[str, Any]) -> float | None:
    return r["reports"]["population"].get("brief_items")


PER_INSTRUCTION = ("instruction covered", _covered)


def rows() -> list[Row]:
    search_rows = [
        Row(f"search, {label}: per keystroke, median", "ms",
            lambda r, w=word: _ms(r["probe"]["search"][w]), "≤ 30",
            lambda v, r: v <= 30, scales=True)
        for word, label in zip(SEARCH_WORDS, ("1 character 會", "2 characters 會議",
                                              "3 characters 家長會", "English report"),
                               strict=True)
    ]  # fmt: skip
    return [
        Row("data: workbench demo (seconds; blank when cached)", "s",
            lambda r: r["generated_in"]),
        Row("first frame: empty Textual app (the floor)", "ms",
            lambda r: _sec(r["first_frame"]["empty"])),
        Row("first frame: workbench, list visible", "ms",
            lambda r: _sec(r["first_frame"]["app"]), "≤ 1.5 × floor",
            lambda v, r: v <= 1.5 * 1000 * r["first_frame"]["empty"], scales=True),
        Row("first frame ÷ floor", "×",
            lambda r: _div(r["first_frame"]["app"], r["first_frame"]["empty"]), "≤ 1.5",
            lambda v, r: v <= 1.5),
        Row("cursor down: median", "ms", lambda r: _ms(r["probe"]["down"]), "≤ 8",
            lambda v, r: v <= 8, scales=True),
        Row("cursor down: p95", "ms", lambda r: _ms(r["probe"]["down"], p95), "≤ 16",
            lambda v, r: v <= 16, scales=True),
        Row("  of which: highlight moves only (no scroll), median", "ms",
            lambda r: _ms(_split(r["probe"], scrolling=False))),
        Row("  of which: the list scrolls one row, median", "ms",
            lambda r: _ms(_split(r["probe"], scrolling=True))),
        Row("page down: median", "ms", lambda r: _ms(r["probe"]["pagedown"]), "≤ 16",
            lambda v, r: v <= 16, scales=True),
        Row("page down: p95", "ms", lambda r: _ms(r["probe"]["pagedown"], p95), "≤ 33",
            lambda v, r: v <= 33, scales=True),
        Row("jump to end: median", "ms", lambda r: _ms(r["probe"]["end"]), "≤ 16",
            lambda v, r: v <= 16, scales=True),
        Row("jump to end: p95", "ms", lambda r: _ms(r["probe"]["end"], p95), "≤ 33",
            lambda v, r: v <= 33, scales=True),
        Row("quick-add: Enter → saved, shown in its place", "ms",
            lambda r: _ms(r["probe"]["quick_add"]), "≤ 50", lambda v, r: v <= 50, scales=True),
        *search_rows,
        Row("search: p95 of every keystroke", "ms",
            lambda r: _ms([x for s in r["probe"]["search"].values() for x in s], p95)),
        Row("refresh after an outside change: noticed → shown", "ms",
            lambda r: _ms([o["noticed_to_shown"] for o in r["probe"]["outside"]]), "≤ 50",
            lambda v, r: v <= 50, scales=True),
        Row("  the same from the other process's commit (incl. the 0.5 s poll)", "ms",
            lambda r: _ms([o["commit_to_shown"] for o in r["probe"]["outside"]])),
        Row("month summary, Markdown (in app)", "ms",
            lambda r: _ms(r["reports"]["summary_md"]["warm"]), "≤ 300",
            lambda v, r: v <= 300, scales=True, per=PER_INSTRUCTION),
        Row("month summary, Word (in app)", "ms",
            lambda r: _ms(r["reports"]["summary_docx"]["warm"]), "≤ 1000",
            lambda v, r: v <= 1000, scales=True, per=PER_INSTRUCTION),
        Row("month summary, Excel ledger (in app)", "ms",
            lambda r: _ms(r["reports"]["summary_xlsx"]["warm"]), scales=True,
            per=PER_INSTRUCTION),
        Row("summary screen: S → the month's summary drawn (in app)", "ms",
            lambda r: _ms(r["probe"].get("summary_screen", [])), scales=True,
            per=PER_INSTRUCTION),
        Row("  instructions in the month's summary", "",
            lambda r: r["reports"]["population"]["instructions"]),
        Row("  instructions of the month before, counted for the comparison", "",
            lambda r: r["reports"]["population"].get("previous")),
        Row("briefing (in app)", "ms", lambda r: _ms(r["reports"]["brief"]["warm"]),
            scales=True, per=("item listed", _brief_items)),
        Row("  items the briefing lists", "", _brief_items),
        Row("workbench summary --month (fresh process)", "ms",
            lambda r: _sec(r["cli"]["summary_md"]), scales=True),
        Row("workbench add (fresh process)", "ms", lambda r: _sec(r["cli"]["add"]),
            scales=True),
        Row("workbench list, first page (fresh process)", "ms",
            lambda r: _sec(r["cli"]["list"]), "≤ 1.3 × at 1,000", None, scales=True),
        Row("workbench instr list (fresh process)", "ms",
            lambda r: _sec(r["cli"]["instr_list"]), scales=True),
        Row("task next (Taskwarrior, same tasks)", "ms", lambda r: _sec(r["task"].get("next"))),
        Row("task add (Taskwarrior, same tasks)", "ms", lambda r: _sec(r["task"].get("add"))),
        Row("task next ÷ workbench list", "×",
            lambda r: _div(r["task"].get("next"), r["cli"]["list"]), "≥ 10",
            lambda v, r: v >= 10),
        Row("task add ÷ workbench add", "×",
            lambda r: _div(r["task"].get("add"), r["cli"]["add"]), "≥ 5", lambda v, r: v >= 5),
        Row("open backlog, the same tasks all to do: workbench list, first page", "ms",
            lambda r: _sec(r["cli"].get("backlog_list")), scales=True),
        Row("  workbench add", "ms", lambda r: _sec(r["cli"].get("backlog_add")), scales=True),
        Row("  task next (Taskwarrior, every task pending)", "ms",
            lambda r: _sec(r["task"].get("backlog_next"))),
        Row("  task add (Taskwarrior, every task pending)", "ms",
            lambda r: _sec(r["task"].get("backlog_add"))),
        Row("  task next ÷ workbench list, open backlog", "×",
            lambda r: _div(r["task"].get("backlog_next"), r["cli"].get("backlog_list")),
            "≥ 10", lambda v, r: v >= 10),
        Row("  task add ÷ workbench add, open backlog", "×",
            lambda r: _div(r["task"].get("backlog_add"), r["cli"].get("backlog_add")), "≥ 5",
            lambda v, r: v >= 5),
        Row("workbench import: every task, Taskwarrior JSON, into a new database", "s",
            lambda r: r["import"]["seconds"]),
        Row("  tasks in the new database", "", lambda r: r["import"]["tasks"]),
        Row("  progress bar drawn (1 = yes; drawn for a file of 2 MB or more)",
            "", lambda r: int(r["import"]["bar"])),
        Row("  size of the file", "MB", lambda r: r["import"]["megabytes"]),
        Row("app peak memory (VmHWM), whole in-app run", "MB",
            lambda r: max(r["probe"]["memory"] or [0]) or None, "≤ 60",
            lambda v, r: v <= 60, scales=True),
    ]


def _content(count: Callable[[dict[str, Any]], float | None], found: dict[str, Any]) -> float:
    try:
        return count(found) or 0.0
    except (KeyError, TypeError):
        return 0.0


def _fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "–"
    if unit in ("×", "s"):
        return f"{value:.2f}"
    if unit == "":
        return f"{value:.0f}"
    return f"{value:.1f}" if value < 100 else f"{value:,.0f}"


def table(results: dict[int, dict[str, Any]]) -> tuple[str, int, int]:
    sizes = sorted(results)
    largest, smallest = sizes[-1], sizes[0]
    head = ["measure", *(f"{s:,}" for s in sizes), "unit", "target",
            f"at {largest:,}", f"{largest:,} ÷ {smallest:,}"]  # fmt: skip
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    passed = failed = 0
    for row in rows():
        for size in sizes:
            try:
                row.values[size] = row.get(results[size])
            except (KeyError, TypeError, IndexError):
                row.values[size] = None
        top, base = row.values[largest], row.values[smallest]
        verdict = ""
        if row.label.startswith("workbench list"):
            ok = top is not None and base is not None and top <= 1.3 * base
            verdict = "PASS" if ok else "FAIL"
        elif row.check is not None and top is not None:
            verdict = "PASS" if row.check(top, results[largest]) else "FAIL"
        elif row.check is not None:
            verdict = "FAIL (not measured)"
        growth = ""
        if row.scales and top is not None and base:
            ratio = top / base
            per = ""
            if row.per is not None:
                name, content = row.per
                covered = (_content(content, results[largest]),
                           _content(content, results[smallest]))  # fmt: skip
                ratio = ratio / (covered[0] / covered[1]) if all(covered) else float("nan")
                per = f" per {name}"
            growth = f"{ratio:.2f}{per} {'PASS' if ratio <= 1.5 else 'FAIL'}"
        for mark in (verdict, growth):
            passed += mark.endswith("PASS")
            failed += "FAIL" in mark
        cells = [row.label, *(_fmt(row.values[s], row.unit) for s in sizes), row.unit,
                 row.target, verdict, growth]  # fmt: skip
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines), passed, failed


def report(results: dict[int, dict[str, Any]], command: str, seconds: float) -> str:
    details = machine.details(taskwarrior.version())
    info = "\n".join(f"- {name}: {value}" for name, value in details)
    body, passed, failed = table(results)
    errors = [f"- {size:,}: {e}" for size, r in results.items() for e in r["probe"]["errors"]]
    notes = (
        "Latencies are medians (and 95th percentiles) over every sample of the run. "
        "Keys: an `events.Key` handed to the driver the way terminal input arrives, timed "
        "to the first frame written to the pseudo-terminal that shows its effect. Refresh: "
        "another process adds a task; *noticed → shown* runs from the app's poll noticing "
        "the commit to the frame with the new row (the poll's own wait, up to 0.5 s, is the "
        "next line). Import: a fresh process with its output on a pseudo-terminal, where "
        "its progress bar is drawn when the file is large enough for the wait to be felt; "
        "its cost grows with the file, as it must. The \"÷ 1,000\" column checks that "
        "cost does not grow with the data (≤ 1.5); for a report and the briefing, whose "
        "work is what they cover, it compares the cost of one instruction covered or one "
        "item listed, since a month at 100,000 covers nearly twice what the six-week-old "
        "1,000 office's month does (the counts are in the table)."
    )
    return (
        f"# Benchmark results\n\n`{command}` — {datetime.now():%Y-%m-%d %H:%M}, "
        f"{seconds:.0f} s, clock fixed at {child_env()['WORKBENCH_NOW']}\n\n{info}\n\n"
        f"{body}\n\n{passed} PASS, {failed} FAIL.\n\n{notes}\n"
        + ("\nProblems during the run:\n" + "\n".join(errors) + "\n" if errors else "")
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="1,000 and 10,000 tasks only")
    parser.add_argument("--sizes", type=lambda s: [int(x) for x in s.split(",")],
                        help="comma-separated task counts (default: 1000,10000,100000)")
    parser.add_argument("--regenerate", action="store_true", help="generate the data again")
    parser.add_argument("--no-write", action="store_true", help="do not write RESULTS.md")
    args = parser.parse_args(argv)
    sizes = args.sizes or (QUICK_SIZES if args.quick else SIZES)
    plan = QUICK if args.quick else FULL
    started = time.perf_counter()
    # An installed package starts from bytecode; after an edit the cached bytecode is stale
    # and, where Python does not write it back (PYTHONDONTWRITEBYTECODE), every run would
    # compile from source. Compile first, as the Makefile does after installing.
    for package in ("workbench", "benchmarks"):
        compileall.compile_dir(str(ROOT / package), quiet=1)
    results = measure(list(sizes), plan, args.regenerate)
    seconds = time.perf_counter() - started
    command = "make bench-quick" if args.quick else "make bench"
    if args.sizes:
        command = "python -m benchmarks " + shlex.join(sys.argv[1:] if argv is None else argv)
    text = report(results, command, seconds)
    print(text)
    (DATA / "last-results.json").write_text(json.dumps(results, default=str), encoding="utf-8")
    if not args.no_write:
        RESULTS.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
