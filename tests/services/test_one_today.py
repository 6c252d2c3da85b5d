"""One today: a household's days left on every sheet counts from today, as the TUI does."""

from __future__ import annotations

import csv
import datetime as dt
import io

from roster_tui.domain.model import Roster
from roster_tui.domain.week import Week
from roster_tui.interchange import load_roster_file
from roster_tui.services.demo import demo_roster, sample_file
from roster_tui.services.exporting import ExportRequest, render
from roster_tui.services.households import HouseholdStatus, days_left, household_status

WEDNESDAY = dt.date(2026, 12, 2)


def sheet_days_left(roster: Roster, fmt_today: dt.date | None) -> dict[str, int]:
    request = ExportRequest("households", "csv", Week.of(WEDNESDAY), lang="en", today=fmt_today)
    rows = list(csv.DictReader(io.StringIO(render(roster, request).decode("utf-8-sig"))))
    return {row["ID"]: int(row["Days left"]) for row in rows}  # by heading: columns vary


def test_days_left_on_the_sheet_are_the_tuis_days_left_on_a_wednesday() -> None:
    roster = demo_roster(load_roster_file(sample_file()), WEDNESDAY)
    on_sheet = sheet_days_left(roster, WEDNESDAY)
    active = [
        h
        for h in roster.households
        if household_status(h, roster.settings, WEDNESDAY) is HouseholdStatus.ACTIVE
    ]
    assert len(active) >= 10
    for household in active:
        assert on_sheet[household.id] == days_left(household, roster.settings, WEDNESDAY)
