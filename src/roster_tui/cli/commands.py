"""What each subcommand does; every failure a person can cause ends as a message and exit 2.

Anything else is a fault of the program: exit 3, one line, and the traceback in a log file.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

from roster_tui.domain.bounds import FIRST_YEAR, LAST_YEAR, in_years
from roster_tui.domain.clock import at_wall_clock, now_in, today_in
from roster_tui.domain.model import Roster
from roster_tui.domain.text import printable
from roster_tui.domain.week import Week
from roster_tui.engine.gc_pause import gc_paused
from roster_tui.i18n import t, tn
from roster_tui.services.safe_write import RefusedTarget
from roster_tui.services.workspace import (
    StoreError,
    Workspace,
    demo_db_path,
    demo_instead_of_default,
    display_location,
    install_demo,
    resolve_db_url,
)

EXIT_OK, EXIT_GAPS, EXIT_BAD_INPUT = 0, 1, 2


class UsageProblem(Exception):
    """A bad argument value that argparse cannot see (a date, a week, a path)."""


class BadFile(Exception):
    """An interchange file with problems; each one is a line for the user."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


def _load_file(path: Path) -> Roster:
    # The reader is imported only by the commands that read files, not at every start.
    from roster_tui.interchange import InterchangeError, load_roster_file

    try:
        return load_roster_file(path)
    except InterchangeError as exc:
        raise BadFile([str(problem) for problem in exc.problems]) from exc


def run(args: argparse.Namespace, db: str | None) -> int:
    handlers: dict[str | None, Callable[[argparse.Namespace, str | None], int]] = {
        None: _open_tui,
        "demo": _demo,
        "import": _import,
        "dump": _dump,
        "backup": _backup,
        "check": _check,
        "export": _export,
        "fill": _fill,
    }
    if args.command not in ("demo", "import"):
        db = _demo_until_real_data(db)
    try:
        return handlers[args.command](args, db)
    except BadFile as exc:
        for problem in exc.problems:
            _err(problem)
        _err(t("cli.import_nothing_written"))
    except (StoreError, UsageProblem, RefusedTarget) as exc:
        _err(printable(str(exc)))
    except OSError as exc:
        _err(t("cli.os_error", path=printable(str(exc.filename or "")), error=exc.strerror or exc))
    except Exception as exc:
        from roster_tui.cli.crash import report_crash

        return report_crash(exc, args.command)
    return EXIT_BAD_INPUT


def _demo_until_real_data(db: str | None) -> str | None:
    """Before any real data is imported, the commands open the demo (and say so)."""
    demo = demo_instead_of_default(db)
    if demo is None:
        return db
    _err(t("safety.using_demo", path=demo))
    return str(demo)


def _err(message: str) -> None:
    print(message, file=sys.stderr)


def _today(roster_zone: str | None = None) -> dt.date:
    return today_in(roster_zone or "Asia/Shanghai")


def _parse_date(text: str, option: str) -> dt.date:
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        raise UsageProblem(t("cli.bad_date", option=option, value=printable(text))) from None
    if not in_years(day):
        raise UsageProblem(
            t("cli.date_out_of_range", option=option, value=day, first=FIRST_YEAR, last=LAST_YEAR)
        )
    return day


def _parse_week(text: str) -> Week:
    try:
        week = Week.parse(text)
    except ValueError:
        raise UsageProblem(t("cli.bad_week", value=printable(text))) from None
    if not in_years(week.monday):
        raise UsageProblem(
            t("cli.week_out_of_range", value=printable(text), first=FIRST_YEAR, last=LAST_YEAR)
        )
    return week


def _workspace(db: str | None, *, create: bool = False) -> Workspace:
    return Workspace.open(resolve_db_url(db), create=create)


def _reading_workspace(db: str | None) -> Workspace:
    """For a command that only reads: a read-only database opens, and the user is told so."""
    url = resolve_db_url(db)
    workspace = Workspace.open(url, reading=True)
    if workspace.read_only:
        _err(t("cli.read_only", where=t("db.where", where=display_location(url))))
    return workspace


def _open_tui(args: argparse.Namespace, db: str | None) -> int:
    workspace = _workspace(db)
    return _run_tui(workspace)


def _run_tui(workspace: Workspace) -> int:
    from roster_tui.services.preferences import Preferences
    from roster_tui.tui.launch import launch

    launch(workspace, Preferences.for_user())
    return EXIT_OK


def _demo(args: argparse.Namespace, db: str | None) -> int:
    """The demo, dated to this week, in its own database (``--db``: only over an earlier demo)."""
    # ROSTER_DB names the real database; only an explicit --db moves the demo elsewhere.
    target = args.db or str(demo_db_path())
    now = now_in("Asia/Shanghai")  # the sample sub-district's zone
    today = now.date()
    url = resolve_db_url(target)
    workspace = install_demo(url, today, own_file=args.db is None, now=now.replace(tzinfo=None))
    _err(t("safety.demo_where", path=display_location(resolve_db_url(target))))
    if not sys.stdout.isatty():
        # Scripted or piped: show the gap check instead of a screen nobody can see.
        roster = workspace.load()
        week = Week.of(today)
        gaps = workspace.gaps(week.monday, week.sunday, roster, now=now)
        from roster_tui.cli.check_report import print_gaps

        print_gaps(roster, gaps, week.monday, week.sunday)
        return EXIT_OK
    return _run_tui(workspace)


def _import(args: argparse.Namespace, db: str | None) -> int:
    # Tens of thousands of rows are parsed, checked and written, and none forms a reference
    # cycle: the collector would only walk them again and again (about 0.5 s of a large file).
    with gc_paused():
        # Validate the whole file before the database is even opened: bad input writes nothing.
        roster = _load_file(Path(args.file))
        workspace = _workspace(db, create=True)
        workspace.import_roster(roster, replace=args.replace)
    print(
        t(
            "cli.imported",
            file=printable(args.file),
            people=tn("cli.count.people", len(roster.people)),
            posts=tn("cli.count.posts", len(roster.posts)),
            households=tn("cli.count.households", len(roster.households)),
        )
    )
    return EXIT_OK


def _dump(args: argparse.Namespace, db: str | None) -> int:
    _reading_workspace(db).dump_file(Path(args.file))
    print(t("cli.dumped", file=printable(args.file)))
    return EXIT_OK


def _backup(args: argparse.Namespace, db: str | None) -> int:
    _reading_workspace(db).backup(Path(args.file))
    print(t("cli.backed_up", file=printable(args.file)))
    return EXIT_OK


def _parse_now(text: str, zone: str) -> dt.datetime:
    """``--now YYYY-MM-DDTHH:MM``, a wall-clock time in the sub-district's zone."""
    from roster_tui.domain.clock import parse_wall_clock

    try:
        moment = parse_wall_clock(text)
    except ValueError:
        raise UsageProblem(t("cli.bad_now", value=printable(text))) from None
    return at_wall_clock(moment, zone)


def _check(args: argparse.Namespace, db: str | None) -> int:
    workspace = _reading_workspace(db)
    roster = workspace.load()
    zone = roster.subdistrict.timezone
    now = _parse_now(args.now, zone) if args.now else now_in(zone)
    today = now.date()
    first = _parse_date(args.first, "--from") if args.first else Week.of(today).monday
    last = _parse_date(args.last, "--to") if args.last else first + dt.timedelta(days=6)
    if args.last and not args.first:
        first = last - dt.timedelta(days=6)
    if last < first:
        raise UsageProblem(t("cli.range_backwards", first=first, last=last))
    gaps = workspace.gaps(first, last, roster, now=now)
    if args.json:
        payload = {
            "from": first.isoformat(),
            "to": last.isoformat(),
            "gaps": [gap.to_json() for gap in gaps],
        }
        json.dump(payload, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        from roster_tui.cli.check_report import print_gaps

        print_gaps(roster, gaps, first, last)
    return EXIT_GAPS if gaps else EXIT_OK


def _export(args: argparse.Namespace, db: str | None) -> int:
    """A weekly sheet takes --week; a care sheet a day (contacts) and a moment (--now)."""
    care = args.what in ("contacts", "requests")
    if care and args.week:
        raise UsageProblem(t("export.error.sheet_option", option="--week", what=args.what))
    if not care and not args.week:
        raise UsageProblem(t("export.error.week_needed", what=args.what))
    day = _parse_date(args.date, "--date") if args.date else None
    week = _parse_week(args.week) if args.week else None
    workspace = _reading_workspace(db)
    roster = workspace.load()
    zone = roster.subdistrict.timezone
    now = _parse_now(args.now, zone) if args.now else None
    if week is None:  # the week the care sheet's day falls in
        week = Week.of(day or (now or now_in(zone)).date())
    from roster_tui.cli.export_command import run_export

    return run_export(workspace, roster, args, week, day=day, now=now)


def _fill(args: argparse.Namespace, db: str | None) -> int:
    week = _parse_week(args.week)
    from roster_tui.cli.fill_command import run_fill

    return run_fill(_workspace(db), week, dry_run=args.dry_run)


def terminal_width() -> int:
    return shutil.get_terminal_size((100, 24)).columns
