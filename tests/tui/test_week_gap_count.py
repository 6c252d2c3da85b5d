"""The week title's gap count follows the grid: with a filter on it counts the gaps on the rows
the filter leaves, and says it is filtered; Esc brings back the whole week's count."""

from __future__ import annotations

from conftest import TODAY
from helpers import SMALL, app_on, open_screen, screen_line, settle

from roster_tui.domain.gaps import GapKind
from roster_tui.domain.model import Roster
from roster_tui.domain.week import Week
from roster_tui.engine.check import check
from roster_tui.i18n import set_language
from roster_tui.store.repository import Store
from roster_tui.tui.screens.week import WeekScreen

TITLE_LINE = 1  # under the mode bar


async def test_a_filter_to_a_compound_counts_only_its_gaps_and_esc_counts_the_week(
    store: Store, demo: Roster
) -> None:
    week = Week.of(TODAY)
    gaps = check(demo, week.monday, week.sunday)
    query = "红旗小区"
    index = demo.index
    posts = {p.id for p in demo.posts if query in index.compounds[p.compound].name}
    on_compound = [g for g in gaps if g.post in posts or g.other_post in posts]
    assert 1 < len(on_compound) < len(gaps)
    head = "2026年第49周  11月30日 至 12月6日  "
    app = app_on(store)
    async with app.run_test(size=SMALL) as pilot:
        await open_screen(app, pilot, "2", WeekScreen)
        assert screen_line(app, TITLE_LINE) == f"{head}本周缺口 {len(gaps)} 处"
        await pilot.press("slash", *query, "enter")
        await settle(app, pilot)
        filtered = f"{head}本周缺口 {len(on_compound)} 处（筛选后）"
        assert screen_line(app, TITLE_LINE) == filtered
        await pilot.press("escape")
        await settle(app, pilot)
        assert screen_line(app, TITLE_LINE) == f"{head}本周缺口 {len(gaps)} 处"


async def test_a_filter_to_one_person_counts_their_week_of_too_many_hours_in_the_singular(
    store: Store, demo: Roster
) -> None:
    """The overtime gap names no shift, but its person's shifts are the rows left."""
    set_language("en")
    week = Week.of(TODAY)
    overtime = [g for g in check(demo, week.monday, week.sunday) if g.kind is GapKind.OVERTIME]
    assert len(overtime) == 1
    person = demo.index.people[overtime[0].person or ""]
    app = app_on(store)
    async with app.run_test(size=SMALL) as pilot:
        await open_screen(app, pilot, "2", WeekScreen)
        await pilot.press("slash", *person.name, "enter")
        await settle(app, pilot)
        title = "2026 week 49  11/30 to 12/6  1 gap this week (filtered)"
        assert screen_line(app, TITLE_LINE) == title
