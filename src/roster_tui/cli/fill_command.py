"""``roster-tui fill --week 2026-W49 [--dry-run]``: propose, show, and (unless a dry run) save.

Prints the proposals as tables (seats; carers and duties), how the load of the four weeks
before and the week is spread among the people who serve, before and after (min, max and
standard deviation of hours, nights, weekend and holiday shifts), what the repairs move, then
why each gap that stays open cannot be closed. Without ``--dry-run`` everything is saved as
one audited change that a single undo reverses.
"""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from roster_tui.domain.week import Week
from roster_tui.i18n import t, tn
from roster_tui.services.fill import (
    FillPlan,
    apply_fill,
    explanation_lines,
    plan_fill,
    proposal_rows,
)
from roster_tui.services.fill_loads import spread_lines
from roster_tui.services.fill_repairs import repair_lines
from roster_tui.services.past import now_in
from roster_tui.services.workspace import Workspace

EXIT_OK = 0


def run_fill(
    workspace: Workspace, week: Week, *, dry_run: bool, console: Console | None = None
) -> int:
    console = console or Console(highlight=False)
    roster = workspace.load_without_care_log()  # the fill reads no contact nor request
    plan = plan_fill(roster, week, now_in(roster))  # started shifts are left as they were
    print_plan(plan, console)
    if dry_run:
        console.print(Text(t("fill.cli.dry_run")))
    elif plan.changes:
        entry = apply_fill(workspace, plan)
        if entry is not None:
            console.print(Text(t("fill.cli.applied", summary=entry.summary)))
    return EXIT_OK


def print_plan(plan: FillPlan, console: Console) -> None:
    week = plan.week
    label = t("week.label", year=week.year, week=week.number)
    if not plan.count:
        console.print(Text(t("fill.cli.none", week=label)))
    else:
        console.print(Text(tn("fill.cli.title", plan.count, week=label), style="bold"))
    rows = proposal_rows(plan)
    seats = [row for row in rows if row.kind in ("seat", "off")]
    others = [row for row in rows if row.kind not in ("seat", "off")]
    if seats:
        table = Table(title=Text(tn("fill.cli.seats_title", len(seats))), expand=False)
        for key in ("date", "weekday", "post", "shift", "person", "id", "community"):
            table.add_column(t(f"fill.cli.{key}"), no_wrap=key in ("date", "id"))
        for row in seats:
            day = row.date.isoformat() if row.date else ""
            table.add_row(
                *map(Text, (day, row.weekday, row.place, row.what)),
                *map(Text, (row.person, row.person_id, row.community)),
            )
        console.print(table)
    if others:
        table = Table(title=Text(t("fill.cli.care_title", count=len(others))), expand=False)
        for key in ("place", "task", "person", "id", "community"):
            table.add_column(t(f"fill.cli.{key}"), no_wrap=key == "id")
        for row in others:
            table.add_row(
                *map(Text, (row.place, row.what, row.person, row.person_id)), Text(row.community)
            )
        console.print(table)
    spread = spread_lines(plan)
    if spread:
        console.print(Text(spread[0], style="bold"))
        for line in spread[1:]:
            console.print(Text(f"  {line}"))
    repairs = repair_lines(plan)
    if repairs:
        console.print(Text(tn("fill.cli.repairs", len(repairs)), style="bold"))
        for line in repairs:
            console.print(Text(f"  {line}"))
    lines = explanation_lines(plan)
    if lines:
        console.print(Text(tn("fill.cli.left", len(lines)), style="bold"))
        for line in lines:
            console.print(Text(f"  {line}"))
    elif plan.seats.seats_wanted:
        console.print(Text(t("fill.cli.all_closed")))
