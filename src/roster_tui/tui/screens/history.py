"""操作记录: who changed what and when, newest first, a page at a time.

Pages are read in a worker; any change to the roster (an edit here or elsewhere, an undo, someone
else's edit picked up by the app) reloads the page shown. Ctrl+Z is the app's undo of the user's
own last action; the store keeps the record, so it works after a restart too.
"""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Static
from textual.worker import get_current_worker

from roster_tui.domain.changes import AuditEntry
from roster_tui.domain.model import Roster
from roster_tui.domain.text import printable
from roster_tui.i18n import t
from roster_tui.services.operator import shown_operator
from roster_tui.services.workspace import StoreError
from roster_tui.tui.dialogs.history_detail import HistoryDetail
from roster_tui.tui.screens.base import RosterScreen
from roster_tui.tui.translate import PAGES
from roster_tui.tui.widgets.history_changes import local_time
from roster_tui.tui.widgets.place_names import PlaceNames

PAGE_SIZE = 50


class HistoryScreen(RosterScreen):
    MODE = "history"
    CSS_PATH = "history.tcss"
    BINDINGS = [
        Binding("n", "page(1)", "history.key.next", group=PAGES),
        Binding("p", "page(-1)", "history.key.previous", group=PAGES),
        Binding("r", "reload", "history.key.reload"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.page_offset = 0
        self.entries: list[AuditEntry] = []
        self.has_more = False

    def compose_body(self) -> ComposeResult:
        yield Static(t("tui.loading"), id="history-status")
        yield DataTable(id="history-table", cursor_type="row", zebra_stripes=True)

    def show_roster(self, roster: Roster) -> None:
        self.load_page(self.page_offset)

    def action_reload(self) -> None:
        self.load_page(self.page_offset)

    def action_page(self, step: int) -> None:
        if step > 0 and not self.has_more:
            self.notify(t("history.last_page"), timeout=2)
            return
        if step < 0 and self.page_offset == 0:
            self.notify(t("history.first_page"), timeout=2)
            return
        self.load_page(max(0, self.page_offset + step * PAGE_SIZE))

    @work(thread=True, exclusive=True, group="history", exit_on_error=False)
    def load_page(self, offset: int) -> None:
        try:
            # One more than a page tells whether another page follows.
            entries = self.roster_app.workspace.history(limit=PAGE_SIZE + 1, offset=offset)
        except StoreError as exc:
            self.app.call_from_thread(self.notify, str(exc), severity="error", timeout=6)
            return
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show_page, offset, entries)

    def _show_page(self, offset: int, entries: list[AuditEntry]) -> None:
        roster = self._shown
        if roster is None:
            return
        self.page_offset = offset
        self.entries = entries[:PAGE_SIZE]
        self.has_more = len(entries) > PAGE_SIZE
        zone = roster.subdistrict.timezone
        table = self.query_one(DataTable)
        if not table.columns:
            # The state goes before the summary: a long summary must not push it off screen.
            for key in ("time", "user", "state", "summary"):
                table.add_column(t(f"history.col.{key}"), key=key)
        cursor = table.cursor_row
        table.clear()
        for entry in self.entries:
            undone = entry.undone_by is not None
            style = "dim" if undone else ""
            state = Text(t("history.state.undone"), style="bold") if undone else Text("")
            table.add_row(
                Text(local_time(entry.at, zone), style=style),
                Text(printable(shown_operator(entry.user, self.roster_app.roster)), style=style),
                state,
                Text(printable(entry.summary), style=style),
                key=str(entry.id),
            )
        if self.entries:
            table.move_cursor(row=min(max(cursor, 0), len(self.entries) - 1))
        page = offset // PAGE_SIZE + 1
        key = "history.status" if self.entries else "history.empty"
        self.query_one("#history-status", Static).update(t(key, page=page))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        index = event.cursor_row
        if self._shown is not None and 0 <= index < len(self.entries):
            self.app.push_screen(HistoryDetail(self.entries[index], PlaceNames(self._shown)))
