"""Deactivating a person changes no shift that has started: earlier weeks check and export alike."""

from __future__ import annotations

import datetime as dt

import pendulum

from roster_tui.domain.gaps import GapKind
from roster_tui.domain.model import Roster
from roster_tui.domain.week import Week
from roster_tui.engine.check import check
from roster_tui.engine.expand import expand_instances
from roster_tui.services.exporting import ExportRequest, render
from roster_tui.services.workspace import Workspace

WEDNESDAY = dt.date(2026, 12, 2)
MONDAY = WEDNESDAY - dt.timedelta(days=2)
PRINTED = dt.datetime(2026, 12, 2, 9, 30)  # a naive time is the sub-district's wall clock
SHEETS = [
    ("roster", "csv"),
    ("roster", "txt"),
    ("duties", "csv"),
    ("duties", "html"),
    ("households", "csv"),
    ("households", "html"),
    ("signin", "html"),
]


def _noon(roster: Roster) -> dt.datetime:
    return pendulum.datetime(2026, 12, 2, 12, tz=roster.subdistrict.timezone)


def _week(roster: Roster, monday: dt.date, now: dt.datetime, people: list[str]) -> list[object]:
    """Everything a week shows: its instances, its gaps and every sheet, byte for byte.

    The sheets are stamped with a fixed print time: the clock's would differ whenever the two
    renderings fall either side of a minute's turn.
    """
    sunday = monday + dt.timedelta(days=6)
    out: list[object] = [
        sorted((i.key, i.assigned, i.counted) for i in expand_instances(roster, monday, sunday)),
        [g.to_json() for g in check(roster, monday, sunday, now=now)],
    ]
    for what, fmt in SHEETS:
        out.append(
            render(
                roster,
                ExportRequest(
                    what, fmt, Week(monday), lang="zh", today=WEDNESDAY, printed_at=PRINTED
                ),
            )
        )
    for person in people:
        sheet = ExportRequest(
            "person",
            "txt",
            Week(monday),
            person=person,
            lang="zh",
            today=WEDNESDAY,
            printed_at=PRINTED,
        )
        out.append(render(roster, sheet))
    return out


def _people_to_stop(roster: Roster) -> list[str]:
    """Someone on a rotation who answers for a place, and a carer who does too."""
    duties = {d.person for d in roster.duties}
    rotating = {m for r in roster.rotations for m in r.members}
    carers = {h.carer for h in roster.households}
    on_duty = next(p.id for p in roster.people if p.active and p.id in duties & rotating)
    caring = next(p.id for p in roster.people if p.active and p.id in duties & carers)
    return [on_duty, caring]


def test_every_week_before_the_deactivation_checks_and_exports_as_before(
    workspace: Workspace,
) -> None:
    roster = workspace.load()
    now = _noon(roster)
    weeks = [MONDAY - dt.timedelta(weeks=back) for back in (3, 2, 1)]
    stopped = _people_to_stop(roster)
    before = {monday: _week(roster, monday, now, stopped) for monday in weeks}
    this_week = check(roster, MONDAY, MONDAY + dt.timedelta(days=6), now=now)
    for person_id in stopped:
        person = next(p for p in workspace.load().people if p.id == person_id)
        workspace.set_active(person, False, now)
    after_roster = workspace.load()
    assert all(not p.active for p in after_roster.people if p.id in stopped)
    for monday in weeks:
        assert _week(after_roster, monday, now, stopped) == before[monday], monday
    # From the moment on, the week does change: the shifts still to come lose the person.
    opened = check(after_roster, MONDAY, MONDAY + dt.timedelta(days=6), now=now)
    new = [g for g in opened if g not in this_week]
    assert any(g.kind == GapKind.UNAVAILABLE and g.person in stopped for g in new)
    assert all(g.date is None or g.date >= WEDNESDAY for g in new)


def test_shifts_that_started_before_the_deactivation_keep_the_person(
    workspace: Workspace,
) -> None:
    roster = workspace.load()
    now = _noon(roster)
    started = [
        i for i in expand_instances(roster, WEDNESDAY, WEDNESDAY) if i.counted and i.start <= now
    ]
    assert started
    person_id = started[0].counted[0]
    person = next(p for p in roster.people if p.id == person_id)
    workspace.set_active(person, False, now)
    after = {i.key: i for i in expand_instances(workspace.load(), WEDNESDAY, WEDNESDAY)}
    assert person_id in after[started[0].key].counted
    later = [i for i in after.values() if person_id in i.assigned and i.start > now]
    assert all(person_id not in i.counted for i in later)


def test_taking_a_person_back_forgets_the_moment(workspace: Workspace) -> None:
    roster = workspace.load()
    person = next(p for p in roster.people if p.active)
    workspace.set_active(person, False, _noon(roster))
    stopped = next(p for p in workspace.load().people if p.id == person.id)
    assert stopped.inactive_from == dt.datetime(2026, 12, 2, 12)
    workspace.set_active(stopped, True)
    back = next(p for p in workspace.load().people if p.id == person.id)
    assert back.active and back.inactive_from is None
