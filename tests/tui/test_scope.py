"""One scope (全街道 or one community) chosen in the header, followed by every screen.

The lists and counts of Today, the gaps and the week grid agree for the same scope and week;
a filter hiding rows is marked, and an empty list says what hides the gaps there are.
"""

from __future__ import annotations

from collections import Counter

from conftest import TODAY
from helpers import app_on, open_screen, settle
from textual.pilot import Pilot

from roster_tui.domain.gaps import GapKind
from roster_tui.domain.model import Roster
from roster_tui.domain.week import Week
from roster_tui.engine.check import check
from roster_tui.engine.describe import gap_kind_label
from roster_tui.services.overview import PlaceIndex
from roster_tui.services.preferences import Preferences
from roster_tui.services.scope import remember_scope
from roster_tui.services.workspace import Workspace
from roster_tui.store.repository import Store
from roster_tui.tui.app import RosterApp
from roster_tui.tui.dialogs.export_dialog import ExportDialog
from roster_tui.tui.screens.gaps import GapsScreen
from roster_tui.tui.screens.households import HouseholdsScreen
from roster_tui.tui.screens.people import PeopleScreen
from roster_tui.tui.screens.today import TodayScreen
from roster_tui.tui.screens.week import WeekScreen
from roster_tui.tui.widgets.mode_bar import ModeBar
from roster_tui.tui.widgets.today_panels import GapCounts
from roster_tui.tui.widgets.week_table import WeekTable


def _week_gaps_by_community(demo: Roster) -> Counter[str | None]:
    first, last = Week.of(TODAY).monday, Week.of(TODAY).sunday
    index = PlaceIndex(demo)
    return Counter(index.community_of_gap(g) for g in check(demo, first, last))


async def _choose_scope(
    app: RosterApp, pilot: Pilot[None], demo: Roster, scope: str | None
) -> None:
    """Press g and pick the scope from the list (全街道 first, then the communities)."""
    ids = [c.id for c in demo.communities]
    steps = ["down"] * (0 if scope is None else 1 + ids.index(scope))
    await pilot.press("g", "home", *steps, "enter")  # the list opens on the current scope
    await settle(app, pilot)


def _today_total(screen: TodayScreen) -> int:
    counts = screen.query_one(GapCounts)
    labels = [str(counts.get_option_at_index(i).prompt) for i in range(counts.option_count)]
    return sum(int(label.split()[-1].removesuffix("处")) for label in labels if "处" in label)


def _scope_label(app: RosterApp) -> str:
    return str(app.screen.query_one(ModeBar).query_one("#mode-scope").render())


async def test_the_scope_chosen_on_one_screen_is_what_every_screen_shows(
    store: Store, demo: Roster
) -> None:
    by_community = _week_gaps_by_community(demo)
    community = by_community.most_common(1)[0][0]
    assert community is not None and len(by_community) > 1
    name = next(c.name for c in demo.communities if c.id == community)
    compounds = {c.id: c.community for c in demo.compounds}
    app = app_on(store)
    async with app.run_test(size=(80, 24)) as pilot:
        gaps = await open_screen(app, pilot, "3", GapsScreen)
        assert len(gaps._rows) == by_community.total()  # the whole sub-district at first
        assert "全街道" in _scope_label(app)
        week = await open_screen(app, pilot, "2", WeekScreen)
        await _choose_scope(app, pilot, demo, community)  # chosen on the week grid
        assert app.scope == community and name in _scope_label(app)
        assert week.data is not None and len(week.data.gaps) == by_community[community]
        shown_posts = {
            str(key.value).split(":")[1]
            for key in week.query_one(WeekTable).rows
            if str(key.value).startswith("r:")
        }
        assert shown_posts and {
            compounds[p.compound] for p in demo.posts if p.id in shown_posts
        } == {community}
        gaps = await open_screen(app, pilot, "3", GapsScreen)
        assert {row.community for row in gaps._rows} == {community}
        assert len(gaps._rows) == by_community[community]
        today = await open_screen(app, pilot, "1", TodayScreen)
        assert today.community == community
        assert _today_total(today) == by_community[community]
        people = await open_screen(app, pilot, "4", PeopleScreen)
        assert set(people._rows) == {p.id for p in demo.people if p.community == community}
        assert name in str(people.query_one("#people-count").render())
        households = await open_screen(app, pilot, "6", HouseholdsScreen)
        assert households._rows and all(
            compounds[h.compound] == community for h in demo.households if h.id in households._rows
        )
        await pilot.press("e")
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        assert dialog.query_one("#scope").value == community  # type: ignore[attr-defined]


async def test_back_to_the_whole_sub_district_every_count_agrees(
    store: Store, demo: Roster
) -> None:
    total = _week_gaps_by_community(demo).total()
    preferences = Preferences(None)
    remember_scope(preferences, demo.communities[0].id)  # this operator's choice last time
    app = RosterApp(
        Workspace(store, user="tester"), today=TODAY, poll_seconds=3600, preferences=preferences
    )
    async with app.run_test(size=(80, 24)) as pilot:
        today = await open_screen(app, pilot, "1", TodayScreen)
        assert today.community == demo.communities[0].id
        await _choose_scope(app, pilot, demo, None)  # chosen on Today
        assert _today_total(today) == total
        week = await open_screen(app, pilot, "2", WeekScreen)
        assert week.data is not None and len(week.data.gaps) == total
        gaps = await open_screen(app, pilot, "3", GapsScreen)
        assert len(gaps._rows) == total
    assert app.preferences.get("scope") == ""  # remembered for next time: the whole


async def test_a_kind_filter_left_on_is_marked_and_the_empty_list_says_why(
    store: Store, demo: Roster
) -> None:
    """The Gaps screen once said "no gaps" while five existed: a kind filter set from Today
    stayed on for a community without gaps of that kind."""
    first, last = Week.of(TODAY).monday, Week.of(TODAY).sunday
    index = PlaceIndex(demo)
    kinds: dict[str | None, Counter[GapKind]] = {}
    for gap in check(demo, first, last):
        kinds.setdefault(index.community_of_gap(gap), Counter())[gap.kind] += 1
    # a kind one community has and another does not, where the other has gaps all the same
    having, lacking, kind = next(
        (a, b, k)
        for a in kinds
        for b in kinds
        for k in kinds[a]
        if a and b and a != b and not kinds[b][k] and kinds[b].total()
    )
    app = app_on(store)
    async with app.run_test(size=(80, 24)) as pilot:
        gaps = await open_screen(app, pilot, "3", GapsScreen)
        await _choose_scope(app, pilot, demo, having)
        choices = [value for _, value in gaps._kind_choices(Counter(kinds[having]))]
        await pilot.press("k", *["down"] * choices.index(kind.value), "enter")
        await settle(app, pilot)
        assert gaps.kind == kind and gaps._rows
        assert "按 k 换类型" in str(gaps.query_one("#gaps-kind").render())
        await _choose_scope(app, pilot, demo, lacking)
        assert gaps._rows == []
        why = str(gaps.query_one("#gaps-detail").render())
        assert gap_kind_label(kind) in why and f"{kinds[lacking].total()} 处" in why
        assert "没有缺口" in why and "按 k" in why


def test_the_header_shows_the_scope_snapshot(snap_compare, store: Store, demo: Roster) -> None:  # type: ignore[no-untyped-def]
    """The gaps of one community at 80x24: its name marked in the header, the list narrowed."""
    app = app_on(store)

    async def run_before(pilot: Pilot[None]) -> None:
        await open_screen(app, pilot, "3", GapsScreen)
        await _choose_scope(app, pilot, demo, demo.communities[1].id)

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)
