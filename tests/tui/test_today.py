"""首页: who is on duty now, the next handover, this week's gaps worst first, households."""

from __future__ import annotations

import datetime as dt
import gc
from collections import Counter
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from conftest import TODAY
from helpers import SIZES, SMALL, settle, table_text
from textual.widgets import OptionList

from roster_tui.domain.gaps import GapKind
from roster_tui.domain.model import Person, Roster
from roster_tui.domain.week import Week
from roster_tui.engine.check import check
from roster_tui.engine.describe import gap_kind_label
from roster_tui.engine.expand import expand_instances
from roster_tui.services.overview import (
    PlaceIndex,
    frozen_moment,
    gaps_of_community,
)
from roster_tui.services.preferences import Preferences
from roster_tui.services.scope import remember_scope
from roster_tui.services.today import read_startup
from roster_tui.services.workspace import Workspace
from roster_tui.tui import app as app_module
from roster_tui.tui.app import RosterApp
from roster_tui.tui.dialogs.gap_choice import ChoiceModal
from roster_tui.tui.launch import launch
from roster_tui.tui.screens import today as today_module
from roster_tui.tui.screens.gaps import GapsScreen
from roster_tui.tui.screens.today import TodayScreen
from roster_tui.tui.widgets.gap_table import GapTable
from roster_tui.tui.widgets.today_panels import DutyTable, GapCounts, week_label

NINE = dt.time(9)


async def _open_today(app: RosterApp, pilot, presses: int | None = 0) -> TodayScreen:  # type: ignore[no-untyped-def]
    """The today screen on the community ``presses`` places down the communities (0: the
    first; the chooser lists 全街道 above them); None leaves the scope as the app started."""
    await settle(app, pilot)
    screen = app.screen
    assert isinstance(screen, TodayScreen)
    if presses is not None:
        await pilot.press("c", *["down"] * (presses + 1), "enter")
        await settle(app, pilot)
    return screen


def _community_of_post(roster: Roster) -> dict[str, str]:
    compounds = {c.id: c.community for c in roster.compounds}
    return {p.id: compounds[p.compound] for p in roster.posts}


def _understaffed_in(roster: Roster, community: str) -> list:  # type: ignore[type-arg]
    first, last = Week.of(TODAY).monday, Week.of(TODAY).sunday
    where = _community_of_post(roster)
    return [
        g
        for g in check(roster, first, last)
        if g.kind == GapKind.UNDERSTAFFED and where[g.post or ""] == community
    ]


def _count_labels(screen: TodayScreen) -> list[str]:
    counts = screen.query_one(GapCounts)
    return [str(counts.get_option_at_index(i).prompt) for i in range(counts.option_count)]


@pytest.mark.parametrize("size", SIZES)
async def test_today_shows_who_is_on_duty_at_each_post_at_nine(
    workspace: Workspace, demo: Roster, size: tuple[int, int]
) -> None:
    where = _community_of_post(demo)
    names = {p.id: p.name for p in demo.people}
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=size) as pilot:
        screen = await _open_today(app, pilot)
        assert screen.community == "c01"
        table = screen.query_one(DutyTable)
        shown = {
            str(table.get_row_at(i)[0]): str(table.get_row_at(i)[4]) for i in range(table.row_count)
        }
        nine = dt.datetime.combine(TODAY, NINE, tzinfo=ZoneInfo(demo.subdistrict.timezone))
        running = [
            i
            for i in expand_instances(demo, TODAY - dt.timedelta(days=1), TODAY)
            if where[i.post.id] == "c01" and i.start <= nine < i.end
        ]
        assert running and len(shown) == len(running)
        for instance in running:
            for person in instance.assigned:
                assert names[person] in shown[instance.post.name]
        clock = str(screen.query_one("#today-clock").render())
        assert "12月2日 周三 09:00" in clock


async def test_gap_counts_are_this_weeks_gaps_of_the_community_worst_first(
    workspace: Workspace, demo: Roster
) -> None:
    first, last = Week.of(TODAY).monday, Week.of(TODAY).sunday
    now = frozen_moment(TODAY, demo.subdistrict.timezone)
    every = check(demo, first, last, now=now)
    ours = Counter(g.kind for g in gaps_of_community(every, PlaceIndex(demo), "c02"))
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open_today(app, pilot, presses=1)
        assert screen.community == "c02"
        labels = _count_labels(screen)
        understaffed = f"{gap_kind_label(GapKind.UNDERSTAFFED)} {ours[GapKind.UNDERSTAFFED]}处"
        assert understaffed in labels
        numbers = [int(label.split()[-1].removesuffix("处")) for label in labels]
        assert numbers == sorted(numbers, reverse=True)
        assert labels[0].endswith(f" {max(ours.values())}处")


async def test_enter_on_the_understaffed_count_opens_the_gaps_filtered_to_understaffed(
    workspace: Workspace,
) -> None:
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=SMALL) as pilot:
        screen = await _open_today(app, pilot, presses=1)
        counts = screen.query_one(GapCounts)
        counts.focus()
        ids = [counts.get_option_at_index(i).id for i in range(counts.option_count)]
        await pilot.press(*["down"] * ids.index(GapKind.UNDERSTAFFED.value), "enter")
        await settle(app, pilot)
        gaps = app.screen
        assert isinstance(gaps, GapsScreen)
        assert gaps.kind == GapKind.UNDERSTAFFED
        assert gaps._rows and {row.gap.kind for row in gaps._rows} == {GapKind.UNDERSTAFFED}
        table = gaps.query_one(GapTable)
        assert gaps._rows[table.current_number() or 0].community == "c02"
        assert "缺员" in str(gaps.query_one("#gaps-kind").render())


def _free_person(roster: Roster, community: str) -> Person:
    """Someone of the community who is always available and never on leave."""
    away = {leave.person for leave in roster.leaves}
    return next(
        p
        for p in roster.people
        if p.community == community and p.active and p.available is None and p.id not in away
    )


async def test_an_assignment_lowers_the_understaffed_count(
    workspace: Workspace, demo: Roster
) -> None:
    before = _understaffed_in(demo, "c02")
    gap = next(g for g in before if g.need == 1)
    person = _free_person(demo, "c02")
    label = gap_kind_label(GapKind.UNDERSTAFFED)
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open_today(app, pilot, presses=1)
        assert f"{label} {len(before)}处" in _count_labels(screen)
        key = (gap.post, gap.date, gap.shift)
        app.edit(lambda ws: ws.assign(app.roster, key, person))
        await settle(app, pilot)
        labels = _count_labels(screen)
        if len(before) > 1:
            assert f"{label} {len(before) - 1}处" in labels
        else:
            assert not any(text.startswith(label) for text in labels)


async def test_the_chosen_community_is_remembered_across_screens(workspace: Workspace) -> None:
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open_today(app, pilot, presses=2)
        assert screen.community == "c03"
        await pilot.press("3")
        await settle(app, pilot)
        await pilot.press("1")
        await settle(app, pilot)
        assert app.screen is screen and screen.community == "c03"
        assert "农科社区" in str(screen.query_one("#today-community").render())


async def test_the_scope_line_names_the_scope_key_every_screen_has(workspace: Workspace) -> None:
    """The hint under the mode bar says g, as the footer and every other screen do."""
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open_today(app, pilot, presses=None)
        hint = str(screen.query_one("#today-community").render())
        assert "按 g 换范围" in hint and "按 c" not in hint
        await pilot.press("f10")
        await settle(app, pilot)
        assert "(g:" in str(screen.query_one("#today-community").render())
        await pilot.press("g")
        await settle(app, pilot)
        assert isinstance(app.screen, ChoiceModal)


async def test_household_lines_count_and_open_the_households_without_carer(
    workspace: Workspace, demo: Roster
) -> None:
    compounds = {c.id: c.community for c in demo.compounds}
    active = [
        h
        for h in demo.households
        if compounds[h.compound] == "c01" and h.active_on(TODAY, demo.settings)
    ]
    uncared = sum(1 for h in active if h.carer is None)
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open_today(app, pilot)
        lines = screen.query_one("#today-households", OptionList)
        texts = [str(lines.get_option_at_index(i).prompt) for i in range(lines.option_count)]
        first = texts.index(f"在管 {len(active)}户")  # after the care loop's alerts
        assert texts[first + 2] == f"未定照料人 {uncared}户"
        lines.focus()
        await pilot.press(*["down"] * (first + 2), "enter")
        await settle(app, pilot)
        assert app.current_mode == "households"
        households = app.screen
        assert (households.soon, households.no_carer) == (False, True)  # type: ignore[attr-defined]


def test_today_screen_snapshot(snap_compare, workspace: Workspace) -> None:  # type: ignore[no-untyped-def]
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(app, pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


async def test_a_language_switch_keeps_the_community_and_shows_english(
    workspace: Workspace,
) -> None:
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open_today(app, pilot, presses=1)
        await pilot.press("f10")
        await settle(app, pilot)
        assert screen.community == "c02"
        assert "Wed 12/2 09:00" in str(screen.query_one("#today-clock").render())
        assert screen.query_one(DutyTable).row_count > 0
        assert any("understaffed" in label for label in _count_labels(screen))


async def test_the_chosen_community_is_remembered_after_a_restart(
    workspace: Workspace, tmp_path: Path
) -> None:
    prefs = tmp_path / "preferences.toml"
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600, preferences=Preferences(prefs))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open_today(app, pilot, presses=2)
        assert screen.community == "c03"
    again = RosterApp(workspace, today=TODAY, poll_seconds=3600, preferences=Preferences(prefs))
    async with again.run_test(size=(80, 24)) as pilot:
        await settle(again, pilot)
        reopened = again.screen
        assert isinstance(reopened, TodayScreen) and reopened.community == "c03"


@pytest.fixture
def gap_count_calls(monkeypatch: pytest.MonkeyPatch) -> list[str | None]:
    """The communities the today screen works out gap counts for, in its own workers."""
    calls: list[str | None] = []
    real = today_module.week_gap_counts

    def counting(roster: Roster, community: str | None, *rest: object):  # type: ignore[no-untyped-def]
        calls.append(community)
        return real(roster, community, *rest)  # type: ignore[arg-type]

    monkeypatch.setattr(today_module, "week_gap_counts", counting)
    return calls


async def test_figures_read_before_the_ui_starts_are_in_the_first_frame(
    workspace: Workspace, gap_count_calls: list[str | None]
) -> None:
    """As ``roster-tui`` starts: no worker recomputes what was read ahead, and it is the same."""
    preferences = Preferences(None)
    remember_scope(preferences, "c02")
    startup = read_startup(workspace, "c02", TODAY)
    app = RosterApp(
        workspace, today=TODAY, poll_seconds=3600, preloaded=startup, preferences=preferences
    )
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, TodayScreen) and screen.community == "c02"
        read_ahead = _count_labels(screen)
        duty = table_text(screen.query_one(DutyTable))
        assert gap_count_calls == [] and duty
    worked_out = RosterApp(workspace, today=TODAY, poll_seconds=3600, preferences=preferences)
    async with worked_out.run_test(size=(80, 24)) as pilot:
        screen = await _open_today(worked_out, pilot, presses=None)
        assert gap_count_calls == ["c02"]
        assert _count_labels(screen) == read_ahead
        assert table_text(screen.query_one(DutyTable)) == duty


async def test_figures_read_ahead_for_another_community_are_not_shown(
    workspace: Workspace, gap_count_calls: list[str | None]
) -> None:
    startup = read_startup(workspace, "c02", TODAY)  # while the user's choice is the whole
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600, preloaded=startup)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open_today(app, pilot, presses=None)
        assert screen.community is None and gap_count_calls == [None]


def test_launch_opens_on_the_figures_it_read_ahead(
    workspace: Workspace, gap_count_calls: list[str | None]
) -> None:
    """What ``roster-tui`` runs: read ahead, then the first frame shows it, no worker needed."""
    seen: list[tuple[str | None, list[str]]] = []

    class FirstFrame(RosterApp):
        CSS_PATH = str(Path(app_module.__file__).with_name("app.tcss"))  # not beside this file

        def on_ready(self) -> None:
            screen = self.screen
            assert isinstance(screen, TodayScreen)
            seen.append((screen.community, _count_labels(screen)))
            self.exit()

    try:
        launch(
            workspace,
            Preferences(None),
            fixed_today=TODAY,
            app_class=FirstFrame,
            headless=True,
            size=(80, 24),
        )
    finally:
        gc.unfreeze()  # launch freezes the heap it starts with; give pytest's back
    assert gap_count_calls == []
    [(community, labels)] = seen
    view = read_startup(workspace, None, TODAY).today
    assert view is not None and community == view.community
    assert labels == [f"{week_label(kind)} {n}处" for kind, n in view.gap_counts]
