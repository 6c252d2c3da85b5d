"""A new post's shifts begin on a day none of them has started: the past has no gaps for it."""

from __future__ import annotations

import dataclasses
import datetime as dt

from conftest import TODAY
from helpers import app_on, open_screen, settle, walk_to
from textual.widgets import Input, Static

from roster_tui.domain.changes import Change
from roster_tui.domain.model import EarlierShifts
from roster_tui.engine.check import check
from roster_tui.store.repository import Store
from roster_tui.tui.dialogs.post_form import PostForm
from roster_tui.tui.screens.places import PlacesScreen
from roster_tui.tui.widgets.history_changes import describe_change
from roster_tui.tui.widgets.place_names import PlaceNames
from roster_tui.tui.widgets.place_tree import PlaceRef

TOMORROW = TODAY + dt.timedelta(days=1)  # frozen at noon: a shift from 08:00 has begun today
MONDAY = TODAY - dt.timedelta(days=2)
SUNDAY = MONDAY + dt.timedelta(days=6)


async def test_a_new_posts_shifts_begin_on_the_first_day_none_of_them_has_started(
    store: Store,
) -> None:
    compound = store.load_roster().compounds[0]
    app = app_on(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(app, pilot, "5", PlacesScreen)
        await walk_to(app, pilot, PlaceRef("compound", compound.id))
        await pilot.press("n", "enter")  # on a compound: a post
        form = app.screen
        assert isinstance(form, PostForm)
        day = form.query_one("#pof-from", Input)
        await pilot.press(*"北门", "tab", "tab", *"夜班", "tab", *"20:00", "tab", *"08:00")
        await pilot.press("tab", "1")
        await settle(app, pilot)
        assert day.value == TODAY.isoformat()  # tonight's 夜班 has not started yet
        form.query_one("#pof-shift2-name", Input).value = "白班"
        form.query_one("#pof-shift2-end", Input).value = "20:00"
        form.query_one("#pof-shift2-need", Input).value = "2"
        form.query_one("#pof-shift2-start", Input).value = "08:00"
        await settle(app, pilot)
        assert day.value == TOMORROW.isoformat()  # today's 白班 began at 08:00
        day.value = TODAY.isoformat()
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert app.screen is form  # today's 白班 has begun: refused next to the field
        assert form.query_one("#pof-from-error", Static).display
        day.value = TOMORROW.isoformat()
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, PlacesScreen)

        roster = store.load_roster()
        post = next(p for p in roster.posts if p.name == "北门" and p.compound == compound.id)
        assert post.shifts_from == TOMORROW and post.shifts_on(TODAY) == ()
        gaps = [g for g in check(roster, MONDAY, SUNDAY) if g.post == post.id]
        assert gaps and min(g.date for g in gaps if g.date) == TOMORROW

        await pilot.press("m")  # editing it later: from its first day, the past still empty
        edit = app.screen
        assert isinstance(edit, PostForm)
        assert edit.query_one("#pof-from", Input).value == TOMORROW.isoformat()
        edit.query_one("#pof-shift1-need", Input).value = "2"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, PlacesScreen)
    stored = store.load_roster().index.posts[post.id]
    assert stored.shifts_on(TODAY) == () and stored.shifts_on(TOMORROW)[0].need == 2


def test_the_history_says_a_new_post_had_no_shifts_before_its_day(store: Store) -> None:
    roster = store.load_roster()
    post = next(p for p in roster.posts if not p.earlier)
    fresh = dataclasses.replace(post, earlier=(EarlierShifts(TOMORROW, ()),))  # begins tomorrow

    text = describe_change(Change(None, fresh), PlaceNames(roster))

    assert any(line.endswith(f"{TOMORROW.isoformat()}前：（无）") for line in text.lines)
