"""The places tree at 80 columns: a name wider than the tree is cut, never scrolled to."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from helpers import app_on, open_screen, settle, walk_to
from textual.widget import Widget

from roster_tui.domain.model import Roster
from roster_tui.store.db import open_store
from roster_tui.tui.screens.places import PlacesScreen
from roster_tui.tui.widgets.place_tree import PlaceRef, PlaceTree


def _rendered(widget: Widget) -> list[str]:
    return [widget.render_line(y).text for y in range(widget.size.height)]


async def test_right_on_a_long_place_name_leaves_the_tree_in_place(
    tmp_path: Path, demo: Roster
) -> None:
    """The arrows never push the tree's lines (their - and + marks) off the left edge, and
    no scroll bar takes the tree's last line."""
    compound = demo.compounds[0]
    roster = dataclasses.replace(
        demo,
        compounds=[
            dataclasses.replace(c, name="省水利厅家属院东区北侧生活区二期")
            if c.id == compound.id
            else c
            for c in demo.compounds
        ],
    )
    store = open_store(f"sqlite:///{tmp_path / 'long.sqlite'}", create=True)
    store.import_roster(roster, replace=True, user="tester")
    try:
        app = app_on(store)
        async with app.run_test(size=(80, 24)) as pilot:
            await open_screen(app, pilot, "5", PlacesScreen)
            await walk_to(app, pilot, PlaceRef("compound", compound.id))
            tree = app.screen.query_one(PlaceTree)
            assert tree.virtual_size.width > tree.size.width  # the long line is wider
            await pilot.press("right", "right")
            await settle(app, pilot)
            assert tree.scroll_x == 0
            assert _rendered(tree)[0].startswith("-")
            assert not tree.show_horizontal_scrollbar
    finally:
        store.close()
