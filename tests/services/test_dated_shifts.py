"""A post's new shift times apply from a date: every earlier day keeps the shifts it had."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from roster_tui.domain.model import EarlierShifts, Override, Post, ShiftPattern
from roster_tui.domain.week import Week
from roster_tui.engine.check import check
from roster_tui.engine.expand import expand_instances
from roster_tui.interchange.reader import loads_roster
from roster_tui.interchange.writer import dumps_roster
from roster_tui.services.exporting import ExportRequest, render
from roster_tui.services.place_edits import save_place
from roster_tui.services.place_rows import SetupErrors, post_from
from roster_tui.services.workspace import Workspace

WEDNESDAY = dt.date(2026, 12, 2)
THURSDAY = WEDNESDAY + dt.timedelta(days=1)
MONDAY = WEDNESDAY - dt.timedelta(days=2)
PRINTED = dt.datetime(2026, 12, 2, 9, 0, tzinfo=dt.UTC)


def _days_before(workspace: Workspace) -> list[object]:
    """Instances (with their times), gaps and the printed roster of the weeks before Thursday."""
    roster = workspace.load()
    out: list[object] = []
    for back in range(2, 0, -1):
        monday = MONDAY - dt.timedelta(weeks=back)
        sunday = monday + dt.timedelta(days=6)
        instances = expand_instances(roster, monday, sunday)
        out.append(sorted((i.key, i.start, i.end, i.assigned, i.shift) for i in instances))
        out.append([g.to_json() for g in check(roster, monday, sunday)])
        request = ExportRequest("roster", "csv", Week(monday), lang="zh", today=WEDNESDAY)
        out.append(render(roster, request))
        sheet = ExportRequest("signin", "html", Week(monday), lang="zh", today=WEDNESDAY)
        out.append(render(roster, dataclasses.replace(sheet, printed_at=PRINTED)))
        for person in sorted({r.members[0] for r in roster.rotations}):  # their calendars
            calendar = ExportRequest(
                "roster", "ics", Week(monday), person=person, lang="zh", printed_at=PRINTED
            )
            out.append(render(roster, calendar))
    this_week = expand_instances(roster, MONDAY, WEDNESDAY)
    out.append(sorted((i.key, i.start, i.end, i.assigned, i.shift) for i in this_week))
    return out


def _typed_shifts(post: Post, start: str, end: str) -> list[dict[str, object]]:
    """The post form's shift rows: the first shift moved to ``start``-``end``."""
    rows: list[dict[str, object]] = []
    for number, shift in enumerate(post.shifts):
        rows.append(
            {
                "name": shift.name,
                "start": start if number == 0 else f"{shift.start // 60:02}:{shift.start % 60:02}",
                "end": end if number == 0 else f"{shift.end // 60:02}:{shift.end % 60:02}",
                "need": str(shift.need),
                "need_role": None if shift.need_role is None else shift.need_role.value,
            }
        )
    return rows


def _edit_post(workspace: Workspace, day: dt.date) -> tuple[Post, Post]:
    roster = workspace.load()
    before = next(p for p in roster.posts if any(r.post == p.id for r in roster.rotations))
    typed = {"name": before.name, "compound": before.compound}
    after = post_from(roster, before, typed, _typed_shifts(before, "07:00", "19:00"), effective=day)
    assert save_place(workspace, before, after) is not None
    return before, after


def test_new_shift_times_leave_every_earlier_day_as_it_was(workspace: Workspace) -> None:
    earlier = _days_before(workspace)

    before, _ = _edit_post(workspace, THURSDAY)

    assert _days_before(workspace) == earlier  # same times, picks, gaps and printed roster
    stored = next(p for p in workspace.load().posts if p.id == before.id)
    assert stored.shifts_from == THURSDAY
    assert stored.shifts_on(WEDNESDAY) == before.shifts
    assert stored.shifts_on(THURSDAY)[0].start == 7 * 60
    thursday = [
        i for i in expand_instances(workspace.load(), THURSDAY, THURSDAY) if i.post.id == before.id
    ]
    assert thursday[0].start.hour == 7


def test_undo_puts_the_old_shifts_back_on_every_day(workspace: Workspace) -> None:
    before, _ = _edit_post(workspace, THURSDAY)
    ahead = [i.key for i in expand_instances(workspace.load(), THURSDAY, THURSDAY)]

    workspace.undo()

    restored = next(p for p in workspace.load().posts if p.id == before.id)
    assert restored == before and restored.earlier == ()
    again = expand_instances(workspace.load(), THURSDAY, THURSDAY)
    assert [i.key for i in again] == ahead
    assert all(i.shift in before.shifts for i in again if i.post.id == before.id)


def test_a_change_of_need_moves_the_rotation_only_from_its_day(workspace: Workspace) -> None:
    roster = workspace.load()
    post = next(p for p in roster.posts if any(r.post == p.id for r in roster.rotations))
    more = tuple(dataclasses.replace(s, need=s.need + 1) for s in post.shifts)
    changed = post.with_shifts_from(THURSDAY, more)
    edited = dataclasses.replace(
        roster, posts=[changed if p.id == post.id else p for p in roster.posts]
    )

    def picks(r: object, first: dt.date, last: dt.date) -> dict[object, tuple[str, ...]]:
        return {i.key: i.assigned for i in expand_instances(r, first, last) if i.post.id == post.id}  # type: ignore[arg-type]

    assert picks(edited, MONDAY, WEDNESDAY) == picks(roster, MONDAY, WEDNESDAY)
    # The cycle stands where the old pattern left it: whoever was due first still is.
    mine = [i for i in expand_instances(roster, THURSDAY, THURSDAY) if i.post.id == post.id]
    first = min(mine, key=lambda i: i.start)
    assert picks(edited, THURSDAY, THURSDAY)[first.key][0] == first.assigned[0]


def test_a_post_with_dated_shifts_dumps_and_loads_back_the_same(workspace: Workspace) -> None:
    _edit_post(workspace, THURSDAY)
    roster = workspace.load()

    text = dumps_roster(roster)

    assert "from = 2026-12-03" in text
    assert loads_roster(text) == roster
    assert dumps_roster(loads_roster(text)) == text


def test_a_planned_pattern_gives_way_to_an_earlier_change() -> None:
    day = ShiftPattern("白班", 8 * 60, 20 * 60, 2)
    late = ShiftPattern("白班", 9 * 60, 21 * 60, 2)
    early = ShiftPattern("白班", 7 * 60, 19 * 60, 2)
    post = Post(
        "x1", "东门", "k1", (late,), earlier=(EarlierShifts(dt.date(2026, 12, 10), (day,)),)
    )

    changed = post.with_shifts_from(dt.date(2026, 12, 5), (early,))

    assert changed.earlier == (EarlierShifts(dt.date(2026, 12, 5), (day,)),)
    assert changed.shifts == (early,)
    assert post.with_shifts_from(dt.date(2026, 12, 5), (day,)).earlier == ()  # as it always was


def test_the_week_of_the_change_prints_each_form_of_the_shift_with_its_own_times(
    workspace: Workspace,
) -> None:
    before, _ = _edit_post(workspace, THURSDAY)

    request = ExportRequest("roster", "txt", Week(MONDAY), lang="zh", today=WEDNESDAY)
    out = render(workspace.load(), request)
    text = out.decode("utf-8") if isinstance(out, bytes) else str(out)

    block = text[text.index(f"- {before.name} ==") :]
    shift = before.shifts[0].name
    assert block.index(f"{shift} 08:00-20:00") < block.index(f"{shift} 07:00-19:00")


def test_a_swap_before_the_day_does_not_stop_a_rename_from_that_day(workspace: Workspace) -> None:
    roster = workspace.load()
    post = next(
        p
        for p in roster.posts
        if not any(r.post == p.id and r.shifts for r in roster.rotations)
        and not any(o.post == p.id for o in roster.overrides)
    )
    roster.overrides.append(Override(post.id, MONDAY, post.shifts[0].name, add=("p001",)))
    rows = _typed_shifts(post, "07:00", "19:00")
    rows[0]["name"] = "早班"
    typed = {"name": post.name, "compound": post.compound}

    renamed = post_from(roster, post, typed, rows, effective=THURSDAY)

    assert renamed.shifts_on(MONDAY)[0].name == post.shifts[0].name  # Monday's swap still fits
    assert renamed.shifts_on(THURSDAY)[0].name == "早班"
    with pytest.raises(SetupErrors):  # in place, Monday's swap would name a shift no more
        post_from(roster, post, typed, rows)
