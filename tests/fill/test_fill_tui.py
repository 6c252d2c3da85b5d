"""The week screen's f (自动补位): a preview of every change, applied as one undoable edit."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pendulum
from fill_store import MONDAY, SUNDAY, TODAY, WEEK, demo_db_url, demo_workspace  # noqa: F401
from textual.widgets import DataTable, Static

from pilot_waits import wait_until_quiet
from roster_tui.domain.gaps import GapKind
from roster_tui.domain.instances import ShiftInstance
from roster_tui.domain.model import Leave
from roster_tui.engine.check import check
from roster_tui.engine.eligibility import is_night
from roster_tui.engine.expand import Expander
from roster_tui.services.fill import plan_fill
from roster_tui.services.fill_loads import number
from roster_tui.services.past import started
from roster_tui.services.workspace import Workspace
from roster_tui.tui.app import RosterApp
from roster_tui.tui.dialogs.fill_preview import FillPreview
from roster_tui.tui.screens.week import WeekScreen

SHIFT_KINDS = {GapKind.UNDERSTAFFED, GapKind.MISSING_ROLE}


async def _settle(app: RosterApp, pilot) -> None:  # type: ignore[no-untyped-def]
    """Every worker finished (a failed one fails the test) and the screen caught up."""
    await wait_until_quiet(app)
    await app.workers.wait_for_complete()
    await pilot.pause()


async def _open_preview(app: RosterApp, pilot) -> FillPreview:  # type: ignore[no-untyped-def]
    await _settle(app, pilot)
    await pilot.press("2")
    await _settle(app, pilot)
    assert isinstance(app.screen, WeekScreen)
    await pilot.press("f")
    await _settle(app, pilot)
    preview = app.screen
    assert isinstance(preview, FillPreview)
    return preview


def _shift_gaps(workspace: Workspace) -> int:
    return sum(1 for g in check(workspace.load(), MONDAY, SUNDAY) if g.kind in SHIFT_KINDS)


async def test_f_previews_every_change_and_a_applies_them_as_one_undoable_edit(
    workspace: Workspace,
) -> None:
    roster = workspace.load()
    noon = pendulum.datetime(*TODAY.timetuple()[:3], 12, tz=roster.subdistrict.timezone)
    plan = plan_fill(roster, WEEK, noon)  # the app's frozen now: shifts begun by then stay
    before = Counter(workspace.load().overrides)
    assert _shift_gaps(workspace) > 0
    begun = sum(
        1
        for g in check(roster, MONDAY, SUNDAY)
        if g.kind in SHIFT_KINDS
        and g.post
        and g.date
        and g.shift
        and started(roster, (g.post, g.date, g.shift), noon)
    )
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        preview = await _open_preview(app, pilot)
        assert preview.query_one("#fill-table", DataTable).row_count == plan.count
        await pilot.press("a")
        await _settle(app, pilot)
        assert isinstance(app.screen, WeekScreen)
        assert _shift_gaps(workspace) == begun  # what had begun stays as it was
        assert workspace.history(limit=1)[0].summary == f"自动补位：{plan.count} 项"
        await pilot.press("ctrl+z")
        await _settle(app, pilot)
        assert Counter(workspace.load().overrides) == before


async def test_escape_leaves_everything_as_it_was(workspace: Workspace) -> None:
    version = workspace.data_version()
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_preview(app, pilot)
        await pilot.press("escape")
        await _settle(app, pilot)
        assert isinstance(app.screen, WeekScreen)
    assert workspace.data_version() == version


def test_fill_preview_snapshot(snap_compare, workspace: Workspace) -> None:  # type: ignore[no-untyped-def]
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)

    async def open_preview(pilot) -> None:  # type: ignore[no-untyped-def]
        await _open_preview(app, pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=open_preview)


async def test_a_member_off_sick_for_three_days_is_replaced_on_every_shift_with_reasons(
    workspace: Workspace,
) -> None:
    """As a secretary would: three days' sick leave for someone on shifts, f in the week grid,
    every one of their shifts goes to someone else with the reason shown, apply, undo."""
    roster = workspace.load()
    # Thursday to Saturday: after the app's today, so no shift of theirs has begun.
    first, last = MONDAY + dt.timedelta(days=3), MONDAY + dt.timedelta(days=5)
    held: dict[str, list[tuple[str, dt.date, str]]] = {}
    for instance in Expander(roster).instances(first, last):
        for pid in instance.counted:
            held.setdefault(pid, []).append(instance.key)
    sick = max(held, key=lambda pid: (len(held[pid]), pid))
    assert len(held[sick]) >= 2
    person = next(p for p in roster.people if p.id == sick)
    start = dt.datetime.combine(first, dt.time())
    workspace.add_leave(Leave(sick, start, start + dt.timedelta(days=3), "病假"), person)
    before = Counter(workspace.load().overrides)
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        preview = await _open_preview(app, pilot)
        taken_off = {r.key for r in preview.plan.seats.removals if r.person == sick}
        assert taken_off == set(held[sick])
        repairs = str(preview.query_one("#fill-repairs", Static).render())
        assert repairs.count(f"{person.name}（{sick}）在请假") == len(held[sick])
        assert "暂无人接替" not in repairs
        assert not taken_off & {s.instance.key for s in preview.plan.seats.shortfalls}
        await pilot.press("a")
        await _settle(app, pilot)
        after = workspace.load()
        for key in held[sick]:
            instance = Expander(after).instance(*key)
            assert instance is not None
            assert sick not in instance.assigned
            assert instance.have >= instance.need  # someone else took their seat
        await pilot.press("ctrl+z")
        await _settle(app, pilot)
        assert Counter(workspace.load().overrides) == before


async def test_l_shows_each_added_persons_load_before_and_after_and_back(
    workspace: Workspace,
) -> None:
    """Hours and nights over the four weeks before and the week, as the roster has them, and
    with the seats the fill gives; l again brings the proposals back."""
    roster = workspace.load()
    noon = pendulum.datetime(*TODAY.timetuple()[:3], 12, tz=roster.subdistrict.timezone)
    plan = plan_fill(roster, WEEK, noon)
    given: dict[str, list[tuple[str, dt.date, str]]] = {}
    for proposal in plan.seats.proposals:
        given.setdefault(proposal.person, []).append(proposal.key)
    assert given
    expander = Expander(roster)
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        preview = await _open_preview(app, pilot)
        table = preview.query_one("#fill-table", DataTable)
        assert "标准差" in str(preview.query_one("#fill-spread", Static).render())
        await pilot.press("l")
        await pilot.pause()
        assert table.row_count == len(given)
        for pid, keys in given.items():
            worked = [
                i
                for i in expander.instances(MONDAY - dt.timedelta(weeks=4), SUNDAY)
                if pid in i.counted
            ]
            new = [i for key in keys if (i := expander.instance(*key)) is not None]
            hours = [sum(_hours(i) for i in worked), sum(_hours(i) for i in [*worked, *new])]
            nights = [sum(map(_night, worked)), sum(map(_night, [*worked, *new]))]
            cells = [str(cell) for cell in table.get_row(pid)]
            assert pid in cells[0]
            assert cells[1] == "->".join(number(h) for h in hours)
            assert cells[2] == "->".join(str(n) for n in nights)
        await pilot.press("l")
        await pilot.pause()
        assert table.row_count == plan.count


def _hours(instance: ShiftInstance) -> float:
    return (instance.end - instance.start).total_seconds() / 3600


def _night(instance: ShiftInstance) -> int:
    return int(is_night(instance.shift))
