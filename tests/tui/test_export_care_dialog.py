"""The export dialog prints the care loop's paper: tomorrow's round for one carer, the requests."""

from __future__ import annotations

import csv
import datetime as dt
import io
import shutil
import subprocess
from pathlib import Path

from conftest import TODAY
from helpers import printed, settle
from test_export_dialog import _choose, _open_export
from textual.widgets import Input

from roster_tui.services.workspace import Workspace
from roster_tui.tui.app import RosterApp
from roster_tui.tui.widgets.choice_field import ChoiceField


async def test_tomorrows_round_for_one_carer_without_leaving_the_app(
    workspace: Workspace, tmp_path: Path
) -> None:
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await _open_export(app, pilot)
        roster = app.roster
        assert roster is not None
        await _choose(pilot, dialog.query_one("#what", ChoiceField), "contacts")
        # A day's sheet: a day instead of a week, and for the office only.
        assert not dialog.query_one("#week-row").display
        assert dialog.query_one("#day").display
        assert [v for _, v in dialog.query_one("#audience", ChoiceField).choices] == ["internal"]
        await _choose(pilot, dialog.query_one("#scope-kind", ChoiceField), "person")
        carers = {h.carer for h in roster.households}
        offered = [v for _, v in dialog.query_one("#scope", ChoiceField).choices]
        assert offered and set(offered) <= carers  # only people who care for a household
        carer = next(
            h.carer
            for h in roster.households
            if h.carer and h.active_on(TODAY + dt.timedelta(days=1), roster.settings)
        )
        await _choose(pilot, dialog.query_one("#scope", ChoiceField), carer)
        await _choose(pilot, dialog.query_one("#fmt", ChoiceField), "txt")
        await _choose(pilot, dialog.query_one("#day", ChoiceField), TODAY + dt.timedelta(days=1))
        path = dialog.query_one("#path", Input)
        assert path.value.endswith("-2026-12-03.txt") and carer in path.value
        path.value = str(tmp_path / "round.txt")
        path.focus()
        await pilot.press("enter")
        await settle(app, pilot)
        text = (tmp_path / "round.txt").read_text(encoding="utf-8")
        name = next(p.name for p in roster.people if p.id == carer)
        assert "每日问访表" in text and name in text and "2026年12月3日 周四" in text
        assert "内部资料" in text
        # The week's editions are the roster's: a day's sheet is not recorded as a print.
        history = workspace.store.history(limit=None)
        assert not [e for e in history if e.action.startswith("print:")]


async def test_the_requests_list_from_the_dialog(workspace: Workspace, tmp_path: Path) -> None:
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await _open_export(app, pilot)
        await _choose(pilot, dialog.query_one("#what", ChoiceField), "requests")
        assert not dialog.query_one("#week-row").display
        assert not dialog.query_one("#day").display  # the requests as they stand now
        kinds = [v for _, v in dialog.query_one("#scope-kind", ChoiceField).choices]
        assert kinds == ["subdistrict", "community", "person"]
        await _choose(pilot, dialog.query_one("#fmt", ChoiceField), "csv")
        dialog.query_one("#path", Input).value = str(tmp_path / "requests.csv")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        rows = list(csv.DictReader(io.StringIO((tmp_path / "requests.csv").read_text("utf-8-sig"))))
        assert rows and {"编号", "状态", "办理人"} <= set(rows[0])
        # Back to the roster: its week, scopes and audiences come back.
        await _choose(pilot, dialog.query_one("#what", ChoiceField), "roster")
        assert dialog.query_one("#week-row").display
        assert len(dialog.query_one("#audience", ChoiceField).choices) == 2
        assert "post" in [v for _, v in dialog.query_one("#scope-kind", ChoiceField).choices]


async def test_print_sends_the_round_to_lp_as_a_pdf(workspace: Workspace, fake_lp: Path) -> None:
    app = RosterApp(workspace, today=TODAY, poll_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await _open_export(app, pilot)
        await _choose(pilot, dialog.query_one("#what", ChoiceField), "contacts")
        await pilot.click("#do-print")
        await settle(app, pilot)
        assert (await printed(pilot, fake_lp)).startswith(b"%PDF")
        if shutil.which("pdftotext"):
            text = subprocess.run(["pdftotext", str(fake_lp), "-"], capture_output=True)
            assert "每日问访表" in text.stdout.decode("utf-8")
        history = workspace.store.history(limit=None)
        assert not [e for e in history if e.action.startswith("print:")]
