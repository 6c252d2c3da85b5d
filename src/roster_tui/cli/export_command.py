"""``roster-tui export``: a week's roster or sheet to a file, or to stdout with ``-o -``."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from roster_tui.domain.model import Roster
from roster_tui.domain.text import printable
from roster_tui.domain.week import Week
from roster_tui.i18n import current_language, t
from roster_tui.services.exporting import (
    ExportProblem,
    ExportRequest,
    render,
    write_atomically,
)
from roster_tui.services.exporting_care import CARE_SHEETS
from roster_tui.services.workspace import Workspace


def run_export(
    workspace: Workspace,
    roster: Roster,
    args: argparse.Namespace,
    week: Week,
    *,
    day: dt.date | None = None,
    now: dt.datetime | None = None,
) -> int:
    care = args.what in CARE_SHEETS
    request = ExportRequest(
        what=args.what,
        fmt=args.fmt,
        week=week,
        community=args.community,
        person=args.person,
        post=args.post,
        by=args.by,
        encoding=args.encoding,
        # Unless asked otherwise, the weekly sheets are public and the care sheets internal.
        audience=args.audience or ("internal" if care else "public"),
        width=args.width,
        lang=current_language(),
        edition=1 if care else workspace.print_edition(week),
        day=day,
        now=now,
    )
    try:
        request = workspace.with_calendar_memory(request)
        data = render(roster, request)
    except ExportProblem as exc:
        print(printable(str(exc)), file=sys.stderr)
        return 2
    if args.output == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        _remember(workspace, roster, request)  # `… -o - | lp` is a print too
        return 0
    write_atomically(data, Path(args.output), protected=workspace.own_files())
    _remember(workspace, roster, request)
    print(t("cli.exported", path=printable(args.output)), file=sys.stderr)
    return 0


def _remember(workspace: Workspace, roster: Roster, request: ExportRequest) -> None:
    """Record a print (for the next edition) and what a calendar issued, where it can be."""
    if workspace.read_only:
        if request.records_print:
            print(t("cli.read_only_print"), file=sys.stderr)
        return
    workspace.remember_calendar(roster, request)
    if request.records_print:
        workspace.record_print(request.week, f"{request.what}.{request.fmt}")
