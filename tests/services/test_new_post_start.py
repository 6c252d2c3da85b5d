"""A new post's shifts begin on a day that has not started: the days before have none to staff."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pendulum

from roster_tui.domain.week import Week
from roster_tui.engine.check import check
from roster_tui.engine.expand import expand_instances
from roster_tui.interchange.reader import loads_roster
from roster_tui.interchange.writer import dumps_roster
from roster_tui.services.exporting import ExportRequest, render
from roster_tui.services.past import first_open_day
from roster_tui.services.place_edits import save_place
from roster_tui.services.place_rows import post_from
from roster_tui.services.workspace import Workspace

WEDNESDAY = dt.date(2026, 12, 2)
THURSDAY = WEDNESDAY + dt.timedelta(days=1)
MONDAY = WEDNESDAY - dt.timedelta(days=2)
SUNDAY = MONDAY + dt.timedelta(days=6)
DAY_SHIFT = {"name": "白班", "start": "08:00", "end": "20:00", "need": "2", "need_role": None}


def _add_post(workspace: Workspace, day: dt.date | None) -> str:
    roster = workspace.load()
    typed = {"name": "北门", "compound": roster.compounds[0].id}
    post = post_from(roster, None, typed, [DAY_SHIFT], effective=day)
    assert save_place(workspace, None, post) is not None
    return post.id


def test_a_new_post_from_thursday_has_no_gaps_before_it(workspace: Workspace) -> None:
    post_id = _add_post(workspace, THURSDAY)
    roster = workspace.load()  # as the store holds it

    stored = roster.index.posts[post_id]
    assert stored.shifts_on(WEDNESDAY) == () and stored.shifts_from == THURSDAY
    mine = [i for i in expand_instances(roster, MONDAY, SUNDAY) if i.post.id == post_id]
    assert sorted(i.date for i in mine) == [THURSDAY + dt.timedelta(days=n) for n in range(4)]
    gaps = [g for g in check(roster, MONDAY, SUNDAY) if g.post == post_id]
    assert sorted(g.date for g in gaps) == [THURSDAY + dt.timedelta(days=n) for n in range(4)]
    sheet = render(roster, ExportRequest("roster", "csv", Week(MONDAY), lang="zh", today=WEDNESDAY))
    rows = [line for line in sheet.decode("utf-8-sig").splitlines() if ",北门," in line]
    assert [row[:10] for row in rows] == [f"2026-12-0{n}" for n in range(3, 7)]


def test_a_new_post_from_its_day_dumps_and_loads_back_the_same(workspace: Workspace) -> None:
    post_id = _add_post(workspace, THURSDAY)
    roster = workspace.load()

    text = dumps_roster(roster)

    again = loads_roster(text)
    assert again == roster
    assert again.index.posts[post_id].shifts_on(WEDNESDAY) == ()
    assert dumps_roster(again) == text


def test_editing_the_new_post_later_keeps_its_empty_days(workspace: Workspace) -> None:
    post_id = _add_post(workspace, THURSDAY)
    roster = workspace.load()
    before = roster.index.posts[post_id]
    later = THURSDAY + dt.timedelta(days=2)
    typed = {"name": before.name, "compound": before.compound}
    earlier_start = {**DAY_SHIFT, "start": "07:00"}

    after = post_from(roster, before, typed, [earlier_start], effective=later)
    assert save_place(workspace, before, after) is not None

    stored = workspace.load().index.posts[post_id]
    assert stored.shifts_on(WEDNESDAY) == ()
    assert stored.shifts_on(THURSDAY)[0].start == 8 * 60
    assert stored.shifts_on(later)[0].start == 7 * 60
    workspace.undo()  # the edit, audited with the empty days before it, undone whole
    assert workspace.load().index.posts[post_id] == before


def test_the_first_open_day_of_a_new_post_goes_by_its_own_shifts(workspace: Workspace) -> None:
    roster = workspace.load()
    noon = pendulum.datetime(2026, 12, 2, 12, tz=roster.subdistrict.timezone)

    assert first_open_day(roster, noon, [8 * 60]) == THURSDAY  # 白班 has begun
    assert first_open_day(roster, noon, [20 * 60]) == WEDNESDAY  # 夜班 is still to come
    assert first_open_day(roster, noon, []) == WEDNESDAY
    unchanged = dataclasses.replace(roster)
    assert first_open_day(unchanged, noon) == THURSDAY  # of every post: some shift has begun
