"""The benchmark: figures against their targets for the large generated sub-district, in one run.

    python bench/run.py                   # everything, SQLite in a temporary folder
    python bench/run.py --only check,tui  # some parts
    python bench/run.py --only startup    # import and start-up figures (see bench_startup.py)
    python bench/run.py --db postgresql+psycopg://postgres@127.0.0.1:5432/test

Each line reports the figure, the target and whether it is met. Times are medians of a few
runs where a run is cheap; whole-process times include Python's own start-up, as a user
waits for it too, and read compiled bytecode, as an installed copy does.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import generate

from roster_tui.engine.check import check
from roster_tui.interchange import dumps_roster, load_roster_file
from roster_tui.store.db import open_store

START = dt.date(2026, 11, 30)
PARTS = ("import", "read", "check", "startup", "incremental", "tui", "export", "fill")


class Report:
    def __init__(self) -> None:
        self.rows: list[tuple[str, str, str, str]] = []

    def add(self, what: str, figure: str, target: str, ok: bool | None) -> None:
        verdict = "" if ok is None else ("ok" if ok else "MISSED")
        self.rows.append((what, figure, target, verdict))
        print(f"{what:<46} {figure:>16}  {target:<22} {verdict}", flush=True)


def timed(fn: Callable[[], object], runs: int = 1) -> tuple[float, object]:
    results = []
    value: object = None
    for _ in range(runs):
        began = time.perf_counter()
        value = fn()
        results.append(time.perf_counter() - began)
    return statistics.median(results), value


def run_process(args: list[str], env: dict[str, str] | None = None) -> tuple[float, int, float]:
    """(seconds, exit code, peak RSS in MB) of one whole process."""
    began = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - began
    proc.returncode = os.waitstatus_to_exitcode(status)
    return elapsed, proc.returncode, usage.ru_maxrss / 1024


def cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "roster_tui.cli", *args]


def compile_like_an_install(folder: Path) -> None:
    """Every process the benchmark starts reads compiled bytecode, as an installed package
    has it. In an environment that says PYTHONDONTWRITEBYTECODE, a source checkout would
    otherwise compile every module of ours at every start (about 0.3 s of each whole-process
    figure), which no installed copy does."""
    import roster_tui

    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    os.environ["PYTHONPYCACHEPREFIX"] = str(folder)
    package = Path(roster_tui.__file__).parent
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(package)], check=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", default=",".join(PARTS), help="comma-separated parts")
    parser.add_argument("--db", help="a database URL to use instead of a temporary SQLite file")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    parts = set(args.only.split(","))
    report = Report()
    work = Path(tempfile.mkdtemp(prefix="roster-bench-"))
    compile_like_an_install(work / "bytecode")
    db = args.db or f"sqlite:///{work / 'large.sqlite'}"
    toml_path = work / "large.toml"

    seconds, roster = timed(lambda: generate("large", args.seed, START))
    report.add("generate large sub-district", f"{seconds:.2f} s", "", None)
    toml_path.write_text(dumps_roster(roster), encoding="utf-8")  # type: ignore[arg-type]

    seconds, code, rss = run_process(cli("--db", db, "import", str(toml_path), "--replace"))
    report.add("import (whole process)", f"{seconds:.2f} s", "<= 5 s", seconds <= 5 and code == 0)
    report.add("  peak RSS of import", f"{rss:.0f} MB", "<= 250 MB", rss <= 250)
    dump_path = work / "dumped.toml"
    seconds, code, rss = run_process(cli("--db", db, "dump", str(dump_path)))
    report.add("dump (whole process)", f"{seconds:.2f} s", "<= 5 s", seconds <= 5 and code == 0)
    same = load_roster_file(dump_path) == roster
    report.add("  dump imports back to the same data", str(same), "True", same)

    store = open_store(db)
    last = START + dt.timedelta(days=27)
    span = ("--from", START.isoformat(), "--to", last.isoformat(), "--json")
    read_seconds, _ = timed(lambda: read_rows(store), runs=5)
    report.add("read every row (SQL fetch only)", f"{read_seconds * 1000:.0f} ms", "", None)
    load_seconds, loaded = timed(store.load_roster, runs=3)
    report.add("load roster (rows -> domain objects)", f"{load_seconds * 1000:.0f} ms", "", None)

    if "check" in parts:
        engine_seconds, gaps = timed(lambda: check(loaded, START, last), runs=3)  # type: ignore[arg-type]
        ratio = engine_seconds / read_seconds
        report.add("check 4 weeks, engine in process", f"{engine_seconds * 1000:.0f} ms", "", None)
        report.add("  engine / read rows", f"{ratio:.2f} x", "<= 3 x", ratio <= 3)
        report.add("  gaps found", str(len(gaps)), "", None)  # type: ignore[arg-type]
        seconds, code, rss = run_process(cli("--db", db, "check", *span))
        json_ok = seconds <= 1.5
        report.add("check 4 weeks --json (whole process)", f"{seconds:.2f} s", "<= 1.5 s", json_ok)
        text, _, _ = run_process(cli("--db", db, "check", *span[:-1]))
        report.add("check 4 weeks, text (whole process)", f"{text:.2f} s", "<= 1.5 s", text <= 1.5)
        report.add("  peak RSS of check", f"{rss:.0f} MB", "<= 250 MB", rss <= 250)

    if "startup" in parts:
        from bench_startup import measure_startup

        measure_startup(report, cli("--db", db, "check", *span))
    if "incremental" in parts:
        from bench_incremental import measure_incremental

        measure_incremental(report, loaded, START)  # type: ignore[arg-type]
    if "tui" in parts:
        from bench_tui import measure_tui

        measure_tui(report, db, START)
    if "export" in parts:
        from bench_export import measure_exports

        measure_exports(report, loaded, START, work)  # type: ignore[arg-type]
    if "fill" in parts:
        from bench_fill import measure_fill

        measure_fill(report, db, START, work)
    store.close()
    missed = [row for row in report.rows if row[3] == "MISSED"]
    print(f"\n{len(report.rows)} figures, {len(missed)} targets missed; files in {work}")


def read_rows(store: object) -> int:
    """Fetch every row of every table, converting nothing: the floor any check must stand on."""
    from sqlalchemy import select

    from roster_tui.store import tables

    count = 0
    skip = {tables.AUDIT, tables.REVISION}
    with store.engine.connect() as conn:  # type: ignore[attr-defined]
        for table in tables.ALL_TABLES:
            if table not in skip:
                count += len(conn.execute(select(table)).fetchall())
    return count


if __name__ == "__main__":
    main()
