"""Start-up: importing the store and the CLI, and the whole ``check`` process, for comparisons.

Each figure is the median of several runs, in wall-clock time and in CPU time (user + system of
the process, which a busy machine disturbs less). To compare two versions of the code, run the
same part with ``PYTHONPATH`` at each version's ``src``:

    PYTHONPATH=src python bench/run.py --only startup
    PYTHONPATH=path/to/older/src python bench/run.py --only startup
"""

from __future__ import annotations

import os
import re
import statistics
import subprocess
import sys
import time
from typing import Any

PROCESSES = (
    ("python alone (interpreter start)", "pass"),
    ("import the store (roster_tui.store.db)", "import roster_tui.store.db"),
    ("import the CLI (roster_tui.cli)", "import roster_tui.cli"),
)
# Modules whose cumulative import time -X importtime reports, when they are imported at all.
IMPORTED = ("roster_tui.store.db", "roster_tui.store.tables", "sqlmodel", "sqlalchemy.orm")


def _run(args: list[str]) -> tuple[float, float, str]:
    """(wall seconds, CPU seconds, stderr) of one whole process."""
    began = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    assert proc.stderr is not None
    stderr = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    proc.stderr.close()
    return time.perf_counter() - began, usage.ru_utime + usage.ru_stime, stderr


def _medians(args: list[str], runs: int) -> tuple[float, float]:
    walls, cpus = [], []
    for _ in range(runs):
        wall, cpu, _ = _run(args)
        walls.append(wall)
        cpus.append(cpu)
    return statistics.median(walls), statistics.median(cpus)


def _import_times(runs: int) -> dict[str, float]:
    """Median cumulative import time (seconds) of each of IMPORTED, from -X importtime."""
    seen: dict[str, list[float]] = {name: [] for name in IMPORTED}
    code = "import roster_tui.store.db"
    for _ in range(runs):
        _, _, stderr = _run([sys.executable, "-X", "importtime", "-c", code])
        for line in stderr.splitlines():
            match = re.match(r"import time:\s+\d+ \|\s+(\d+) \|\s+(\S+)\s*$", line)
            if match and match.group(2) in seen:
                seen[match.group(2)].append(int(match.group(1)) / 1e6)
    return {name: statistics.median(values) for name, values in seen.items() if values}


def _alembic_imported(args: list[str]) -> bool:
    _, _, stderr = _run([sys.executable, "-X", "importtime", *args[1:]])
    return re.search(r"\|\s+alembic\s*$", stderr, re.MULTILINE) is not None


def measure_startup(report: Any, check_args: list[str], runs: int = 7) -> None:
    for label, code in PROCESSES:
        wall, cpu = _medians([sys.executable, "-c", code], runs)
        report.add(label, f"{wall * 1000:.0f} ms", f"cpu {cpu * 1000:.0f} ms", None)
    for name, seconds in _import_times(runs).items():
        report.add(f"  importtime, cumulative: {name}", f"{seconds * 1000:.0f} ms", "", None)
    wall, cpu = _medians(check_args, runs)
    report.add("check 4 weeks (whole process, median)", f"{wall:.2f} s", f"cpu {cpu:.2f} s", None)
    alembic = _alembic_imported(check_args)
    report.add("  check imports alembic", str(alembic), "False", not alembic)
