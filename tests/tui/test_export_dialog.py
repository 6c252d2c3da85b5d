"""The export dialog writes the chosen sheet and says where; bad input is a message."""

from __future__ import annotations

import csv
import datetime as dt
import io
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import TODAY
from helpers import printed, settle
from rich.cells import cell_len
from textual.pilot import Pilot
from textual.widgets import Input

from roster_tui.i18n import set_language
from roster_tui.services.households import days_left
from roster_tui.services.workspace import Workspace
from roster_tui.tui.app import RosterApp
from roster_tui.tui.dialogs.confirm import ConfirmDialog
from roster_tui.tui.dialogs.export_dialog import ExportDialog
from roster_tui.tui.widgets.choice_field import ChoiceField


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


async def test_the_household_sheet_counts_days_left_from_the_apps_today(
    workspace: Workspace, tmp_path: Path
) -> None:
    friday = TODAY + dt.timedelta(days=2)
    app = RosterApp(workspace, today=friday, poll_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await _open_export(app, pilot)
        what = dialog.query_one("#what", ChoiceField)
        while what.value != "households":
            await pilot.press("right")
        assert dialog.query_one("#fmt", ChoiceField).value == "csv"
        target = tmp_path / "households.csv"
        dialog.query_one("#path", Input).value = str(target)
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        rows = list(csv.reader(io.StringIO(target.read_bytes().decode("utf-8-sig"))))
        roster = app.roster
        assert roster is not None
        by_id = {h.id: h for h in roster.households}
        active = [r for r in rows[1:] if by_id[r[0]].active_on(friday, roster.settings)]
        assert active
        days_column = rows[0].index("剩余天数")
        for row in active:
            assert int(row[days_column]) == days_left(by_id[row[0]], roster.settings, friday)


async def _choose(pilot: Pilot[None], field: ChoiceField[str], value: str) -> None:
    for _ in range(len(field.choices)):
        if field.value == value:
            return
        field.focus()
        await pilot.press("right")
    assert field.value == value


async def test_enter_in_the_path_writes_a_persons_sheet_naming_them(
    workspace: Workspace, tmp_path: Path
) -> None:
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await _open_export(app, pilot)
        roster = app.roster
        assert roster is not None
        await _choose(pilot, dialog.query_one("#fmt", ChoiceField), "txt")
        await _choose(pilot, dialog.query_one("#scope-kind", ChoiceField), "person")
        names = [name for name, _ in dialog.query_one("#scope", ChoiceField).choices]
        assert len(names) == len(set(names))  # namesakes told apart
        person = next(p for p in roster.people if p.active and p.name == "张伟")
        await _choose(pilot, dialog.query_one("#scope", ChoiceField), person.id)
        path = dialog.query_one("#path", Input)
        path.value = str(tmp_path / "mine.txt")
        path.focus()
        await pilot.press("enter")
        await settle(app, pilot)
        text = (tmp_path / "mine.txt").read_text(encoding="utf-8")
        assert person.name in text


async def test_print_sends_the_chosen_sheet_to_lp_as_a_pdf(
    workspace: Workspace, fake_lp: Path
) -> None:
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await _open_export(app, pilot)
        await _choose(pilot, dialog.query_one("#what", ChoiceField), "duties")
        await pilot.click("#do-print")
        await settle(app, pilot)
        assert (await printed(pilot, fake_lp)).startswith(b"%PDF")
        if shutil.which("pdftotext"):
            text = subprocess.run(["pdftotext", str(fake_lp), "-"], capture_output=True)
            assert "包街包院责任表" in text.stdout.decode("utf-8")


async def test_the_default_name_carries_the_scope_and_an_existing_file_is_not_replaced_unasked(
    workspace: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await _open_export(app, pilot)
        whole = dialog.query_one("#path", Input).value
        assert "文化路街道" in whole and "2026-W49" in whole
        dialog.query_one("#scope-kind", ChoiceField).focus()
        while dialog.query_one("#scope-kind", ChoiceField).value != "community":
            await pilot.press("right")
        await pilot.pause()
        community = dialog.query_one("#path", Input).value
        assert community != whole and "社区" in Path(community).name
        Path(community).write_text("keep me", encoding="utf-8")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("escape")
        await settle(app, pilot)
        assert Path(community).read_text(encoding="utf-8") == "keep me"


async def test_a_communitys_screens_offer_a_file_named_after_that_community(
    workspace: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The path shown at once, before any choice is touched, names the scope offered."""
    monkeypatch.chdir(tmp_path)
    community = workspace.load().communities[0]
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        app.scope = community.id
        dialog = await _open_export(app, pilot)
        assert dialog.query_one("#scope", ChoiceField).value == community.id
        name = Path(dialog.query_one("#path", Input).value).name
        assert community.name in name and "文化路街道" not in name


@pytest.mark.parametrize("language", ["zh", "en"])
async def test_the_choices_line_up_with_the_week_and_the_path(
    workspace: Workspace, language: str
) -> None:
    """Every value of the dialog starts in one column, in either language."""
    set_language(language)
    try:
        app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
        async with app.run_test(size=(80, 24)) as pilot:
            dialog = await _open_export(app, pilot)
            column = dialog.query_one("#week", Input).content_region.x
            assert dialog.query_one("#path", Input).content_region.x == column
            for field in dialog.query(ChoiceField):
                if field.display:
                    drawn = str(field.render())
                    arrow = field.content_region.x + cell_len(drawn[: drawn.index("<")])
                    assert arrow == column, field.id
    finally:
        set_language("zh")
