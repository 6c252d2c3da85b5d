"""An unexpected error: one short line for the person, the traceback in a private log file.

Exit 3 says "the program failed", distinct from 1 ("check found gaps") and 2 (bad input), so a
cron job can tell a broken run from a roster with gaps. The log lives in the user's log folder
(owner-only: a traceback can quote names from the data).
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import traceback
from pathlib import Path

import platformdirs

from roster_tui.domain.text import printable
from roster_tui.i18n import t

EXIT_CRASH = 3
LOG_NAME = "errors.log"


def log_path() -> Path:
    return Path(platformdirs.user_log_dir("roster-tui")) / LOG_NAME


def _append_private(path: Path, text: str) -> None:
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND | os.O_NOFOLLOW
    fd = os.open(path, flags, 0o600)
    try:
        os.fchmod(fd, 0o600)
        os.write(fd, text.encode("utf-8", "backslashreplace"))
    finally:
        os.close(fd)


def report_crash(error: BaseException, command: str | None) -> int:
    """Log ``error`` with its traceback, tell the person where, and give the crash exit code."""
    stamp = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    details = "".join(traceback.format_exception(error))
    entry = f"--- {stamp} roster-tui {command or ''}\n{details}\n"
    summary = printable(f"{type(error).__name__}: {error}")[:200]
    path = log_path()
    try:
        _append_private(path, entry)
    except OSError as failure:
        print(t("cli.crashed_no_log", error=summary, reason=failure), file=sys.stderr)
        print(details, file=sys.stderr)
    else:
        print(t("cli.crashed", error=summary, log=printable(str(path))), file=sys.stderr)
    return EXIT_CRASH
