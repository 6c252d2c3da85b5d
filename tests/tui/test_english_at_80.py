"""The English interface at 80 columns: counts read as English, lines that matter fit."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

import pytest
from conftest import TODAY
from helpers import app_on, open_screen, settle, walk_to
from rich.cells import cell_len
from textual.widget import Widget

from roster_tui.domain.model import Roster
from roster_tui.domain.week import Week
from roster_tui.engine.expand import expand_instances
from roster_tui.i18n import set_language, t
from roster_tui.store.repository import Store
from roster_tui.tui.dialogs.person_card import PersonCard, open_person_card
from roster_tui.tui.screens.places import PlacesScreen
from roster_tui.tui.screens.today import TodayScreen
from roster_tui.tui.widgets.place_tree import PlaceRef, PlaceTree


@pytest.fixture
def english() -> Iterator[None]:
    set_language("en")
    yield
    set_language("zh")


def _lines(widget: Widget) -> list[str]:
    return [widget.render_line(y).text for y in range(widget.size.height)]


async def test_the_next_handover_line_fits_80_columns(store: Store, english: None) -> None:
    app = app_on(store)
    async with app.run_test(size=(80, 24)) as pilot:
        today = await open_screen(app, pilot, "1", TodayScreen)
        line = today.query_one("#today-handover")
        text = str(line.render())
        assert "more" in text  # other posts hand over at the same time
        assert cell_len(text) <= line.size.width


async def test_a_communitys_gaps_are_counted_as_gaps_n(store: Store, english: None) -> None:
    """Read "gaps: 1", never "1 gaps"."""
    app = app_on(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(app, pilot, "5", PlacesScreen)
        tree = "\n".join(_lines(app.screen.query_one(PlaceTree)))
        assert "gaps: " in tree and not re.search(r"\d gaps", tree)


async def test_a_card_of_one_shift_does_not_say_1_shifts(
    store: Store, demo: Roster, english: None
) -> None:
    week = Week.of(TODAY)
    shifts = Counter(
        person
        for instance in expand_instances(demo, week.monday, week.sunday)
        for person in instance.assigned
    )
    person = next(p for p, n in shifts.items() if n == 1)
    app = app_on(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(app, pilot, "1", TodayScreen)
        assert app.roster is not None
        open_person_card(app, app.roster, [person], week)
        await settle(app, pilot)
        card = app.screen
        assert isinstance(card, PersonCard)
        text = str(card.query_one("#card-week").render())
        assert "shifts: 1" in text and "1 shifts" not in text


async def test_a_posts_rotation_heading_is_read_whole(store: Store, english: None) -> None:
    """'Rotations: (changes apply from …)' wraps in the narrow detail instead of losing its
    date off the right edge."""
    roster = store.load_roster()
    post = roster.rotations[0].post
    app = app_on(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(app, pilot, "5", PlacesScreen)
        await walk_to(app, pilot, PlaceRef("post", post))
        heading = app.screen.query_one("#rotations-title")
        text = str(heading.render())
        assert "apply from" in text and "  " not in text
        assert cell_len(text) <= heading.size.width * heading.size.height


async def test_the_places_marks_are_read_whole(store: Store, english: None) -> None:
    """A compound on a street, without a Party group: its kind and marks on its line, whole."""
    app = app_on(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(app, pilot, "5", PlacesScreen)
        tree = app.screen.query_one(PlaceTree)
        marks = [t("places.mark.unassigned"), t("places.mark.no_group")]
        ref = next(
            ref
            for ref, parent in tree._shape
            if ref.kind == "compound"
            and parent is not None
            and parent.kind == "street"
            and marks[1] in str(tree._by_ref[ref].label)
        )
        await walk_to(app, pilot, ref)
        label = str(tree._by_ref[ref].label)
        [line] = [line for line in _lines(tree) if label.split(" ")[0] in line]
        assert label in line  # its kind and every mark, whole
