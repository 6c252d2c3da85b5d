"""Today's round (今日问访): the households in quarantine, neediest first, one key to log a call.

`space` records the everyday contact (a phone call by the household's carer, nothing to note),
so the common case is three keystrokes from anywhere: 6, t, space; Enter opens the fuller
contact form. Rows keep their place while the dialog is open, so the cursor does not jump away
from the household just called. The columns fit 80 columns; the highlighted household's
compound, head, phone and today's needs are on the line below the table.
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
from roster_tui.services.care import RoundRow, common_contact, todays_round
from roster_tui.services.care_contact import contact_on
from roster_tui.services.care_views import in_scope
from roster_tui.services.today import moment_of
from roster_tui.tui.dialogs.care_dialog import CareDialog
from roster_tui.tui.dialogs.contact_form import open_contact_form
from roster_tui.tui.dialogs.household_card import HouseholdCard
from roster_tui.tui.dialogs.requests_board import RequestsBoard
from roster_tui.tui.widgets.cells import plain, plain_cells
from roster_tui.tui.widgets.household_labels import short_address
from roster_tui.tui.widgets.person_label import short_label

COLUMNS = ("address", "carer", "contacted", "temperature", "requests")
Cells = tuple[str | Text, ...]


class RoundDialog(CareDialog):
    CSS_PATH = "care_round.tcss"
    AUTO_FOCUS = "#round-table"
    BINDINGS = [
        Binding("space", "contact", "tui.care.key.contact"),
        Binding("i", "card", "tui.care.key.card"),
        Binding("o", "requests", "tui.care.key.board"),
    ]

    def __init__(
        self, roster: Roster, fixed_today: dt.date | None, community: str | None = None
    ) -> None:
        super().__init__(roster, fixed_today, community)
        self.rows: dict[str, RoundRow] = {}
        self._cells: dict[str, Cells] = {}

    def compose(self) -> ComposeResult:
        with Vertical(id="care-round"):
            yield Static("", id="round-title", classes="title")
            yield DataTable(cursor_type="row", zebra_stripes=True, id="round-table")
            yield Static("", id="round-detail")
            yield Static(t("tui.care.round.hint"), classes="hint")

    def on_mount(self) -> None:
        table = self.query_one("#round-table", DataTable)
        for column in COLUMNS:
            table.add_column(t(f"tui.care.round.col.{column}"), key=column)
        self.show(self.roster)

    # -- the table ----------------------------------------------------------------------------
    def show(self, roster: Roster) -> None:
        now = moment_of(roster, self.fixed_today)
        households = [h for h in roster.households if in_scope(roster, h, self.community)]
        rows = {row.household.id: row for row in todays_round(roster, now, households)}
        people = roster.index.people
        cells = {hid: self._cells_of(row, people) for hid, row in rows.items()}
        table = self.query_one("#round-table", DataTable)
        if set(cells) == set(self._cells):  # same households: update in place, keep the order
            for hid, new in cells.items():
                for index, (old, value) in enumerate(zip(self._cells[hid], new, strict=True)):
                    if old != value:
                        table.update_cell(hid, COLUMNS[index], plain(value))
        else:
            table.clear()
            for hid, new in cells.items():
                table.add_row(*plain_cells(*new), key=hid)
        self.rows, self._cells = rows, cells
        waiting = sum(not row.contacted_today for row in rows.values())
        title = t("tui.care.round.title", day=now.date().isoformat(), total=len(rows), left=waiting)
        self.query_one("#round-title", Static).update(Text(title))
        self._show_detail()

    @staticmethod
    def _cells_of(row: RoundRow, people: Mapping[str, Person]) -> Cells:
        household = row.household
        carer = people.get(household.carer) if household.carer else None
        carer_cell: str | Text = (
            short_label(carer) if carer else Text(t("tui.households.no_carer"), style="bold red")
        )
        contacted: str | Text = (
            Text(t("tui.care.round.contacted"), style="green")
            if row.contacted_today
            else Text(t("tui.care.round.not_contacted"), style="bold")
        )
        if row.last_temperature is None:
            temperature: str | Text = "-"
        elif row.fever:
            words = t("tui.care.round.fever", temperature=f"{row.last_temperature:.1f}")
            temperature = Text(words, style="bold red")
        else:
            temperature = t("tui.care.round.reading", temperature=f"{row.last_temperature:.1f}")
        requests: str | Text = ""
        if row.overdue_requests:
            requests = Text(
                t("tui.care.round.overdue", open=row.open_requests, overdue=row.overdue_requests),
                style="bold red",
            )
        elif row.open_requests:
            requests = t("tui.care.round.open", open=row.open_requests)
        return (
            short_address(household),
            carer_cell,
            contacted,
            temperature,
            requests,
        )

    @on(DataTable.RowHighlighted, "#round-table")
    def _show_detail(self) -> None:
        """The highlighted household's compound, head, phone and today's needs."""
        row = self.highlighted()
        detail = self.query_one("#round-detail", Static)
        if row is None:
            detail.update("")
            return
        household = row.household
        compound = self.roster.index.compounds.get(household.compound)
        parts = [
            printable(compound.name) if compound else printable(household.compound),
            t("tui.care.round.head", head=printable(household.head)),
            printable(household.phone),
        ]
        today = moment_of(self.roster, self.fixed_today).date()
        contact = contact_on(self.roster, household.id, today)
        if contact is not None and contact.needs:
            parts.append(t("tui.care.round.needs", needs=printable(contact.needs)))
        detail.update(Text(" | ".join(parts)))

    def highlighted(self) -> RoundRow | None:
        table = self.query_one("#round-table", DataTable)
        if not table.row_count:
            return None
        row_key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
        return self.rows.get(str(row_key.value))

    # -- actions ------------------------------------------------------------------------------
    def action_contact(self) -> None:
        """The everyday contact, by the household's carer; none without a carer or twice a day."""
        row = self.highlighted()
        if row is None:
            return
        household = row.household
        if not household.carer:
            self.notify(t("tui.care.round.needs_carer"), severity="warning", timeout=5)
            return
        if row.contacted_today:
            self.notify(t("tui.care.round.already"), timeout=4)
            return
        today = moment_of(self.roster, self.fixed_today).date()
        contact = common_contact(household, household.carer, today)
        self._app.edit(lambda ws: ws.record_contact(contact, household))

    @on(DataTable.RowSelected, "#round-table")
    def action_contact_form(self) -> None:
        """Enter: the fuller contact form (how, reading, needs, notes) for today."""
        row = self.highlighted()
        if row is not None:
            open_contact_form(self._app, self.roster, row.household)

    def action_card(self) -> None:
        row = self.highlighted()
        if row is not None:
            self.app.push_screen(HouseholdCard(self.roster, row.household, self.fixed_today))

    def action_requests(self) -> None:
        self.app.push_screen(RequestsBoard(self.roster, self.fixed_today, self.community))
