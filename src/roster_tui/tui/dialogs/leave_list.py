"""A person's leaves, to look over or cancel one (撤销请假)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from roster_tui.domain.model import Leave
from roster_tui.domain.text import printable
from roster_tui.i18n import t
from roster_tui.tui.translate import translate_bindings
from roster_tui.tui.widgets.cells import plain_cells


class LeaveList(ModalScreen[Leave | None]):
    """Dismisses with the leave to cancel, or None."""

    CSS_PATH = "leave_list.tcss"
    BINDINGS = [
        Binding("x,delete", "cancel_leave", "tui.people.key.cancel_leave"),
        Binding("escape", "close", "tui.key.close"),
    ]

    def __init__(self, who: str, leaves: list[Leave]) -> None:
        super().__init__()
        translate_bindings(self)
        self.who = who
        self.leaves = leaves

    def compose(self) -> ComposeResult:
        with Vertical(id="leave-list"):
            title = t("tui.people.leaves.title", who=self.who)
            yield Static(Content(title), classes="title")  # the name is data, not markup
            yield DataTable(cursor_type="row", zebra_stripes=True, id="ll-table")
            hint = "tui.people.leaves.hint" if self.leaves else "tui.people.leaves.empty"
            yield Static(t(hint), classes="hint")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns(
            t("tui.people.leave.from"), t("tui.people.leave.to"), t("tui.people.leave.reason")
        )
        for index, leave in enumerate(self.leaves):
            table.add_row(
                *plain_cells(
                    f"{leave.start:%Y-%m-%d %H:%M}",
                    f"{leave.end:%Y-%m-%d %H:%M}",
                    printable(leave.reason or ""),
                ),
                key=str(index),
            )
        table.focus()

    def action_cancel_leave(self) -> None:
        table = self.query_one(DataTable)
        if self.leaves and 0 <= table.cursor_row < len(self.leaves):
            self.dismiss(self.leaves[table.cursor_row])

    def action_close(self) -> None:
        self.dismiss(None)
