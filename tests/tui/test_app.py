"""The app as a whole: too small a terminal, language, other secretaries' changes, conflicts."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
import time

from conftest import TODAY
from helpers import settle

from pilot_waits import wait_until_quiet
from roster_tui.i18n import current_language, set_language
from roster_tui.services.workspace import Workspace
from roster_tui.tui.app import RosterApp
from roster_tui.tui.screens.too_small import TooSmallScreen


async def test_a_terminal_under_80x24_asks_to_be_enlarged_then_recovers(
    workspace: Workspace,
) -> None:
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=(70, 20)) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, TooSmallScreen)
        assert "80" in str(app.screen.query_one("#too-small").render())
        await pilot.resize_terminal(80, 24)
        await settle(app, pilot)
        assert not isinstance(app.screen, TooSmallScreen)


async def test_f10_switches_the_interface_to_english_and_back(workspace: Workspace) -> None:
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        descriptions = {b.description for bs in app._bindings.key_to_bindings.values() for b in bs}
        assert "帮助" in descriptions
        await pilot.press("f10")
        await settle(app, pilot)
        assert current_language() == "en"
        descriptions = {b.description for bs in app._bindings.key_to_bindings.values() for b in bs}
        assert "Help" in descriptions
        await pilot.press("f10")
        await settle(app, pilot)
        assert current_language() == "zh"
    set_language("zh")


def _deactivate_elsewhere(db_url: str, person_id: str) -> None:
    """Another secretary's process deactivates a person."""
    code = f"""
import dataclasses
from roster_tui.store.db import open_store
from roster_tui.services.workspace import Workspace
ws = Workspace(open_store({db_url!r}), user="other")
person = next(p for p in ws.load().people if p.id == {person_id!r})
ws.set_active(person, False)
"""
    subprocess.run([sys.executable, "-c", code], check=True)


async def test_another_process_change_appears_within_two_seconds(
    workspace: Workspace, db_url: str
) -> None:
    app = RosterApp(workspace, today=TODAY, poll_seconds=0.2)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert app.roster is not None
        person = next(p for p in app.roster.people if p.active)
        _deactivate_elsewhere(db_url, person.id)
        deadline = time.monotonic() + 2
        seen = False
        while time.monotonic() < deadline and not seen:
            await pilot.pause(0.1)
            seen = any(p.id == person.id and not p.active for p in app.roster.people)
        assert seen


async def test_an_edit_of_a_row_changed_meanwhile_is_refused_and_reloaded(
    workspace: Workspace, db_url: str
) -> None:
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert app.roster is not None
        stale = next(p for p in app.roster.people if p.active)
        _deactivate_elsewhere(db_url, stale.id)
        renamed = dataclasses.replace(stale, name=stale.name + "甲")
        app.edit(lambda ws: ws.save_person(stale, renamed))
        await settle(app, pilot)
        stored = next(p for p in workspace.load().people if p.id == stale.id)
        assert stored.name == stale.name and not stored.active  # theirs kept, ours refused
        assert any("别人改过" in n.message for n in app._notifications)
        assert any(p.id == stale.id and not p.active for p in app.roster.people)


async def test_no_input_blinks_its_cursor(workspace: Workspace) -> None:
    from textual.widgets import Input

    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        for mode, key in (("people", "4"), ("households", "6"), ("week", "2")):
            await pilot.press(key)
            await settle(app, pilot)
            for box in app.screen.query(Input):
                box.focus()
                await pilot.pause()
                assert not box.cursor_blink, (mode, box.id)


async def test_a_failing_computation_is_a_message_not_a_crash(workspace: Workspace) -> None:
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)

        def broken() -> None:
            raise RuntimeError("disk on fire")

        app.screen.run_worker(broken, thread=True, exit_on_error=False)
        await wait_until_quiet(app)  # not settle(): its wait_for_complete re-raises the error
        await pilot.pause()
        assert app.return_code is None
        assert any("disk on fire" in n.message for n in app._notifications)
