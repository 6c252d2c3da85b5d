"""Names in toasts are text: a name that looks like markup or an action is shown as typed."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from helpers import app_on, open_screen, settle
from textual.widgets._toast import Toast

from roster_tui.domain.model import Roster
from roster_tui.store.db import open_store
from roster_tui.tui.screens.people import PeopleScreen

HOSTILE = "[@click=app.quit]甲[/] [b]乙[/b] [@click=screen.toggle_active]丙[/]"


async def test_a_name_like_markup_in_a_toast_is_shown_as_typed(
    demo: Roster, tmp_path: Path
) -> None:
    first, *rest = demo.people
    roster = dataclasses.replace(demo, people=[dataclasses.replace(first, name=HOSTILE), *rest])
    store = open_store(f"sqlite:///{tmp_path / 'hostile.sqlite'}", create=True)
    store.import_roster(roster, replace=True, user="tester")
    app = app_on(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_screen(app, pilot, "4", PeopleScreen)
        assert app.roster is not None
        stored = next(p for p in app.roster.people if p.id == first.id)
        app.edit(lambda ws: ws.set_active(stored, False))  # saved, then a toast names them
        await settle(app, pilot)
        notification = list(app._notifications)[-1]
        shown = Toast(notification).render().plain
        assert HOSTILE in shown  # brackets and all: nothing was read as markup or an action
    store.close()
