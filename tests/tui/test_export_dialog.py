"""The export dialog writes the chosen sheet and says where; bad input is a message."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from conftest import TODAY
from helpers import settle
from textual.pilot import Pilot
from textual.widgets import Input

from roster_tui.services.workspace import Workspace
from roster_tui.tui.app import RosterApp
from roster_tui.tui.dialogs.export_dialog import ExportDialog


async def _open_export(app: RosterApp, pilot: Pilot[None]) -> ExportDialog:
    await settle(app, pilot)
    await pilot.press("e")
    await pilot.pause()
    dialog = app.screen
    assert isinstance(dialog, ExportDialog)
    return dialog


async def test_export_writes_a_chinese_csv_and_shows_the_path(
    workspace: Workspace, tmp_path: Path
) -> None:
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await _open_export(app, pilot)
        target = tmp_path / "board.csv"
        dialog.query_one("#path", Input).value = str(target)
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        status = str(dialog.query_one("#export-status").render())
        assert "board.csv" in status
        rows = list(csv.reader(io.StringIO(target.read_bytes().decode("utf-8-sig"))))
        assert rows[0][0] == "日期"
        assert len(rows) > 100


async def test_a_bad_week_is_a_message_and_writes_nothing(
    workspace: Workspace, tmp_path: Path
) -> None:
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await _open_export(app, pilot)
        target = tmp_path / "x.csv"
        dialog.query_one("#path", Input).value = str(target)
        dialog.query_one("#week", Input).value = "49周"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert "YYYY-Www" in str(dialog.query_one("#export-status").render())
        assert not target.exists()


async def test_an_unwritable_path_is_a_message_not_a_traceback(workspace: Workspace) -> None:
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await _open_export(app, pilot)
        dialog.query_one("#path", Input).value = "/nonexistent-dir/x.csv"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert "nonexistent-dir" in str(dialog.query_one("#export-status").render())
        assert app.return_code is None
