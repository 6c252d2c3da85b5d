"""A rotation edit applies from a date: every earlier week checks and exports as before."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from roster_tui.engine.check import check
from roster_tui.engine.expand import expand_instances
from roster_tui.interchange import load_roster_file
from roster_tui.services.demo import demo_roster, sample_file
from roster_tui.services.exporting import ExportRequest, render
from roster_tui.services.places import move_member, save_rotation
from roster_tui.services.rotation_edits import due_first
from roster_tui.services.workspace import Workspace
from roster_tui.store.db import open_store

WEDNESDAY = dt.date(2026, 12, 2)
THURSDAY = WEDNESDAY + dt.timedelta(days=1)
MONDAY = WEDNESDAY - dt.timedelta(days=2)


@pytest.fixture
def workspace(tmp_path: Path) -> Workspace:
    store = open_store(f"sqlite:///{tmp_path / 'rot.sqlite'}", create=True)
    store.import_roster(
        demo_roster(load_roster_file(sample_file()), WEDNESDAY), replace=True, user="t"
    )
    return Workspace(store, user="t")


def _weeks_before(workspace: Workspace) -> list[object]:
    roster = workspace.load()
    out: list[object] = []
    for back in range(2, 0, -1):  # the demo rotations start two weeks back
        monday = MONDAY - dt.timedelta(weeks=back)
        sunday = monday + dt.timedelta(days=6)
        out.append(sorted((i.key, i.assigned) for i in expand_instances(roster, monday, sunday)))
        out.append([g.to_json() for g in check(roster, monday, sunday)])
        request = ExportRequest("roster", "csv", monday, lang="zh", today=WEDNESDAY)
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
