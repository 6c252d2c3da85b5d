"""The demo sub-district, moved to the current week so it never goes stale."""

from __future__ import annotations

import dataclasses
import datetime as dt
from importlib import resources
from pathlib import Path
from typing import TypeVar

from roster_tui.domain.model import Contact, Household, Leave, Override, Request, Roster, Rotation
from roster_tui.domain.week import Week
from roster_tui.services.care_story import demo_story
from roster_tui.services.overview import FROZEN_HOUR

RowT = TypeVar("RowT", Rotation, Override, Leave, Household, Contact, Request)

# sample_data/wenhualu.toml is written around this ISO week.
SAMPLE_WEEK = Week.parse("2026-W49")
SAMPLE_FILE_NAME = "wenhualu.toml"


def sample_file() -> Path:
    """The sample sub-district: inside an installed wheel, else the source tree's sample_data/."""
    packaged = resources.files("roster_tui").joinpath("sample_data", SAMPLE_FILE_NAME)
    if packaged.is_file():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[3] / "sample_data" / SAMPLE_FILE_NAME


def shift_roster_dates(roster: Roster, days: int) -> Roster:
    """Every date and leave time moved by ``days`` (whole weeks keep weekdays and rotations)."""
    delta = dt.timedelta(days=days)

    def move(row: RowT, *names: str) -> RowT:
        values = {n: getattr(row, n) + delta for n in names if getattr(row, n) is not None}
        return dataclasses.replace(row, **values)

    return dataclasses.replace(
        roster,
        rotations=[move(r, "start", "end") for r in roster.rotations],
        overrides=[move(o, "date") for o in roster.overrides],
        leaves=[move(lv, "start", "end") for lv in roster.leaves],
        households=[move(h, "start") for h in roster.households],
        contacts=[move(c, "date") for c in roster.contacts],
        requests=[move(r, "asked", "done") for r in roster.requests],
    )


# The demo's "now" when only a day is given: the moment screens freeze at (stable tests).
DEMO_MORNING = dt.time(FROZEN_HOUR, 0)


def demo_roster(roster: Roster, today: dt.date, now: dt.datetime | None = None) -> Roster:
    """The sample roster with its anchor week moved onto the week of ``today``.

    The care loop's contacts and requests are made afresh up to ``now`` (naive local time;
    by default mid-morning of ``today``): a sub-district where most households were called
    today, one reported a fever and two requests are open, one of them overdue.
    """
    moved = shift_roster_dates(roster, (Week.of(today).monday - SAMPLE_WEEK.monday).days)
    moved.contacts, moved.requests = demo_story(
        moved, now or dt.datetime.combine(today, DEMO_MORNING)
    )
    return moved
