"""The requests board (诉求单): the scope's open requests by due time, overdue first.

Enter (or ``a``) gives the highlighted request to a handler through the picker, ``d`` marks it
done now, ``i`` opens its household's card, Ctrl+Z undoes the last of these. The columns fit 80
columns; the whole request, who asked it and when, is on the line below the table.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Static

from roster_tui.domain.model import Person, Roster
from roster_tui.domain.text import printable
from roster_tui.i18n import t
from roster_tui.services.care_views import BoardRow, requests_board
from roster_tui.services.today import moment_of
from roster_tui.tui.dialogs.care_dialog import CareDialog
from roster_tui.tui.dialogs.handler_picker import HandlerPicker
from roster_tui.tui.widgets.cells import plain_cells
from roster_tui.tui.widgets.household_labels import short_address
from roster_tui.tui.widgets.person_label import short_label

COLUMNS = ("due", "state", "address", "kind", "what", "handler")
WHAT_WIDTH = 10  # cells of the request's text in the table; the line below holds all of it


def when_text(moment: dt.datetime) -> str:
    """``12-02 09:30``: a due or asked time, short enough for the table."""
    return f"{moment.month:02d}-{moment.day:02d} {moment.hour:02d}:{moment.minute:02d}"


class RequestsBoard(CareDialog):
    CSS_PATH = "requests_board.tcss"
    AUTO_FOCUS = "#board-table"
    BINDINGS = [
        Binding("a", "handler", "tui.care.board.key.handler"),
        Binding("d", "done", "tui.care.board.key.done"),
        Binding("i", "card", "tui.care.key.card"),
    ]

    def __init__(
        self,
        roster: Roster,
        fixed_today: dt.date | None,
        community: str | None,
        *,
        focus: str | None = None,
        pick: bool = False,
    ) -> None:
        """``focus``: a request to put the cursor on; ``pick``: open its handler picker too."""
        super().__init__(roster, fixed_today, community)
        self.rows: list[BoardRow] = []
        self._focus = focus
        self._pick = pick

    def compose(self) -> ComposeResult:
        with Vertical(id="requests-board"):
            yield Static("", id="board-title", classes="title")
            yield DataTable(cursor_type="row", zebra_stripes=True, id="board-table")
            yield Static("", id="board-detail")
            yield Static(t("tui.care.board.hint"), classes="hint")

    def on_mount(self) -> None:
        table = self.query_one("#board-table", DataTable)
        for column in COLUMNS:
            table.add_column(t(f"tui.care.board.col.{column}"), key=column)
        self.show(self.roster)
        if self._pick:
            self._pick = False
            self.action_handler()

    # -- the table ----------------------------------------------------------------------------
    def show(self, roster: Roster) -> None:
        now = moment_of(roster, self.fixed_today)
        table = self.query_one("#board-table", DataTable)
        current = self.highlighted()
        wanted = self._focus or (current.request.id if current else None)
        self._focus = None
        row_index = table.cursor_row
        self.rows = requests_board(roster, now, self.community)
        table.clear()
        people = roster.index.people
        for row in self.rows:
            table.add_row(*plain_cells(*self._cells_of(row, people)), key=row.request.id)
        ids = [row.request.id for row in self.rows]
        if wanted in ids:
            table.move_cursor(row=ids.index(wanted))
        elif self.rows:  # the request is done: the cursor stays on its line
            table.move_cursor(row=min(row_index, len(self.rows) - 1))
        late = sum(row.overdue for row in self.rows)
        title = t("tui.care.board.title", count=len(self.rows), late=late)
        self.query_one("#board-title", Static).update(Text(title))
        self._show_detail()

    @staticmethod
    def _cells_of(row: BoardRow, people: Mapping[str, Person]) -> tuple[str | Text, ...]:
        request = row.request
        marks = []
        if row.overdue:
            marks.append(t("tui.care.board.overdue"))
        if row.fever:
            marks.append(t("tui.care.fever"))
        state = Text(" ".join(marks), style="bold red") if marks else Text("")
        found = people.get(request.handler) if request.handler else None
        handler: str | Text = (
            short_label(found) if found else Text(t("tui.care.board.nobody"), style="bold")
        )
        what = Text(printable(request.what))
        what.truncate(WHAT_WIDTH, overflow="crop")
        return (
            when_text(row.due),
            state,
            short_address(row.household) if row.household else request.household,
            t(f"tui.care.board.kind.{request.kind.value}"),  # short: the table fits 80
            what,
            handler,
        )

    def highlighted(self) -> BoardRow | None:
        table = self.query_one("#board-table", DataTable)
        if not table.row_count or not self.rows:
            return None
        return self.rows[min(table.cursor_row, len(self.rows) - 1)]

    @on(DataTable.RowHighlighted, "#board-table")
    def _show_detail(self) -> None:
        row = self.highlighted()
        detail = self.query_one("#board-detail", Static)
        if row is None:
            detail.update(Text(t("tui.care.board.none"), style="green"))
            return
        request = row.request
        text = t(
            "tui.care.board.detail",
            id=request.id,
            asked=when_text(request.asked),
            what=printable(request.what),
        )
        if row.household is not None:
            text += " | " + printable(row.household.head) + " " + printable(row.household.phone)
        detail.update(Text(text))

    # -- actions ------------------------------------------------------------------------------
    @on(DataTable.RowSelected, "#board-table")
    def action_handler(self) -> None:
        row = self.highlighted()
        if row is None:
            return
        request = row.request

        def chosen(person: Person | None) -> None:
            if person is not None and person.id != request.handler:
                self._app.edit(lambda ws: ws.set_handler(request, person))

        today = moment_of(self.roster, self.fixed_today).date()
        self.app.push_screen(HandlerPicker(self.roster, request, today), chosen)

    def action_done(self) -> None:
        row = self.highlighted()
        if row is None:
            return
        now = moment_of(self.roster, self.fixed_today)
        done = dt.datetime(now.year, now.month, now.day, now.hour, now.minute)
        request = row.request
        done = max(done, request.asked)  # never before it was asked (SPEC §2)
        self._app.edit(lambda ws: ws.set_done(request, done))

    def action_card(self) -> None:
        row = self.highlighted()
        if row is not None and row.household is not None:
            from roster_tui.tui.dialogs.household_card import HouseholdCard

            self.app.push_screen(HouseholdCard(self.roster, row.household, self.fixed_today))
