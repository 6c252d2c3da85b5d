"""A rotation edit applies from a date: every earlier week checks and exports as before."""

from __future__ import annotations

import datetime as dt

from roster_tui.domain.model import Rotation
from roster_tui.domain.week import Week
from roster_tui.engine.check import check
from roster_tui.engine.expand import expand_instances
from roster_tui.services.exporting import ExportRequest, render
from roster_tui.services.places import move_member, save_rotation
from roster_tui.services.rotation_edits import (
    apply_from,
    dates_problem,
    due_first,
    parse_apply_from,
)
from roster_tui.services.workspace import Workspace

WEDNESDAY = dt.date(2026, 12, 2)
THURSDAY = WEDNESDAY + dt.timedelta(days=1)
MONDAY = WEDNESDAY - dt.timedelta(days=2)


def _weeks_before(workspace: Workspace) -> list[object]:
    roster = workspace.load()
    out: list[object] = []
    for back in range(2, 0, -1):  # the demo rotations start two weeks back
        monday = MONDAY - dt.timedelta(weeks=back)
        sunday = monday + dt.timedelta(days=6)
        out.append(sorted((i.key, i.assigned) for i in expand_instances(roster, monday, sunday)))
        out.append([g.to_json() for g in check(roster, monday, sunday)])
        request = ExportRequest("roster", "csv", Week(monday), lang="zh", today=WEDNESDAY)
        out.append(render(roster, request))
    wednesday = sorted((i.key, i.assigned) for i in expand_instances(roster, MONDAY, WEDNESDAY))
    out.append(wednesday)
    return out


def test_moving_a_member_changes_nothing_before_the_date_and_keeps_the_due_person(
    workspace: Workspace,
) -> None:
    roster = workspace.load()
    rotation = next(
        r for r in roster.rotations if len(r.members) >= 3 and r.start < MONDAY and r.end is None
    )
    due = due_first(roster, rotation, THURSDAY)
    earlier = _weeks_before(workspace)
    after = move_member(rotation, 0, 1)
    assert after is not None
    save_rotation(
        workspace,
        rotation,
        after,
        action="rotation.edit",
        summary="x",
        roster=roster,
        effective=THURSDAY,
    )
    assert _weeks_before(workspace) == earlier  # byte-identical exports, same checks
    now = workspace.load()
    old = next(r for r in now.rotations if r.id == rotation.id)
    new = next(r for r in now.rotations if r.post == rotation.post and r.start == THURSDAY)
    assert old.end == WEDNESDAY
    assert new.members[0] == due and set(new.members) == set(rotation.members)
    assert due_first(now, new, THURSDAY) == due  # the cycle goes on where it stood


def test_the_day_an_edit_applies_from_is_never_one_that_has_started() -> None:
    earliest = THURSDAY
    assert apply_from(None, earliest) == earliest
    assert apply_from(THURSDAY + dt.timedelta(days=3), earliest) == THURSDAY + dt.timedelta(3)
    assert apply_from(WEDNESDAY, earliest) == earliest  # a choice overtaken by time
    assert parse_apply_from(" 2026-12-07 ", earliest) == dt.date(2026, 12, 7)
    assert parse_apply_from(WEDNESDAY.isoformat(), earliest) == "places.from.started"
    assert parse_apply_from("12/07", earliest) == "places.from.bad"


def test_new_rotation_dates_may_not_reach_back_into_started_days() -> None:
    rotation = Rotation("r", "x", ("a", "b"), MONDAY, None)
    later = THURSDAY + dt.timedelta(days=7)
    assert dates_problem(rotation, MONDAY, later, THURSDAY) is None  # ends in the future
    assert dates_problem(rotation, MONDAY, WEDNESDAY, THURSDAY) is None  # ends yesterday
    assert dates_problem(rotation, MONDAY, MONDAY, THURSDAY) == "places.dates.end_started"
    assert dates_problem(rotation, THURSDAY, None, THURSDAY) == "places.dates.start_started"
    assert dates_problem(rotation, MONDAY - dt.timedelta(1), None, THURSDAY) == (
        "places.dates.start_started"
    )
    ahead = Rotation("r", "x", ("a",), later, None)
    assert dates_problem(ahead, THURSDAY, None, THURSDAY) is None  # nothing has started
    assert dates_problem(ahead, WEDNESDAY, None, THURSDAY) == "places.dates.start_started"
