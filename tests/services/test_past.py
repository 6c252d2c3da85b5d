"""Started shifts are the record: bulk actions leave them, a correction is marked."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pendulum
import pytest

from roster_tui.domain.model import Roster
from roster_tui.domain.week import Week
from roster_tui.engine.expand import expand_instances
from roster_tui.interchange import load_roster_file
from roster_tui.services.assignments import assigned_people
from roster_tui.services.demo import demo_roster, sample_file
from roster_tui.services.fill import plan_fill
from roster_tui.services.past import first_open_day, started
from roster_tui.services.workspace import Workspace
from roster_tui.store.db import open_store

WEDNESDAY = dt.date(2026, 12, 2)
MONDAY = WEDNESDAY - dt.timedelta(days=2)
WEEK = Week(MONDAY)
NOON = pendulum.datetime(2026, 12, 2, 12, tz="Asia/Shanghai")


@pytest.fixture
def workspace(tmp_path: Path) -> Workspace:
    store = open_store(f"sqlite:///{tmp_path / 'past.sqlite'}", create=True)
    roster = demo_roster(load_roster_file(sample_file()), WEDNESDAY)
    store.import_roster(roster, replace=True, user="tester")
    return Workspace(store, user="tester")


def _week(roster: Roster) -> dict[tuple[str, dt.date, str], tuple[str, ...]]:
    return {i.key: i.assigned for i in expand_instances(roster, MONDAY, MONDAY + dt.timedelta(6))}


def test_started_is_by_the_shifts_own_start_time() -> None:
    roster = demo_roster(load_roster_file(sample_file()), WEDNESDAY)
    post = roster.posts[0]
    shift = post.shifts[0]
    assert started(roster, (post.id, MONDAY, shift.name), NOON)
    assert not started(roster, (post.id, WEDNESDAY + dt.timedelta(1), shift.name), NOON)
    assert first_open_day(roster, NOON) == WEDNESDAY + dt.timedelta(1)


def test_copy_to_the_week_leaves_every_started_shift_as_it_was(workspace: Workspace) -> None:
    roster = workspace.load()
    sunday = MONDAY + dt.timedelta(6)
    instance = next(
        i
        for i in expand_instances(roster, sunday, sunday)
        if i.assigned and not started(roster, i.key, NOON)
    )
    before = _week(roster)
    workspace.copy_to_week(roster, instance.key, NOON)
    after = _week(workspace.load())
    for key, people in before.items():
        if started(roster, key, NOON):
            assert after[key] == people, key
    post, _, shift = instance.key
    for offset in range(3, 6):  # Thursday to Saturday
        day = MONDAY + dt.timedelta(offset)
        assert assigned_people(workspace.load(), (post, day, shift)) == instance.assigned


def test_auto_fill_proposes_nothing_for_a_started_shift(workspace: Workspace) -> None:
    roster = workspace.load()
    plan = plan_fill(roster, WEEK, NOON)
    assert all(not started(roster, p.key, NOON) for p in plan.seats.proposals)
    everything = plan_fill(roster, WEEK)
    assert any(started(roster, p.key, NOON) for p in everything.seats.proposals)


def test_a_correction_of_a_started_shift_says_so_in_the_history(workspace: Workspace) -> None:
    roster = workspace.load()
    instance = next(i for i in expand_instances(roster, MONDAY, MONDAY) if len(i.assigned) == 1)
    person = next(p for p in roster.people if p.id not in instance.assigned and p.active)
    workspace.assign(roster, instance.key, person, past=True)
    assert "更正已过班次" in workspace.history(limit=1)[0].summary
