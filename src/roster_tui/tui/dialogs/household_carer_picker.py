"""Choose a household's carer: free people first, the same community first, lightest load first.

People at the cap (settings.max_households_per_carer) or on leave today stay on the list, last,
with the reason beside them: sometimes the secretary has no one else.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import DataTable, Input, Static

from roster_tui.domain.model import Household, Person, Roster
from roster_tui.domain.names import phone_tail
from roster_tui.domain.text import printable
from roster_tui.i18n import t
from roster_tui.services.households import CarerChoice, rank_carers
from roster_tui.services.people import search_people
from roster_tui.tui.translate import translate_bindings
from roster_tui.tui.widgets.cells import plain_cells

MAX_ROWS = 300  # the best few hundred; typing a name narrows the rest


@dataclasses.dataclass(frozen=True, slots=True)
class CarerPick:
    """The answer: a person, or ``None`` to leave the household without a carer."""

    person: Person | None


class CarerPicker(ModalScreen[CarerPick | None]):
    CSS_PATH = "household_carer_picker.tcss"
    AUTO_FOCUS = "#cp-table"
    BINDINGS = [
        Binding("slash", "search", "tui.households.key.search"),
        Binding("x", "clear", "tui.households.key.clear_carer"),
        Binding("escape", "cancel", "tui.key.cancel"),
    ]

    def __init__(self, roster: Roster, household: Household, today: dt.date) -> None:
        super().__init__()
        translate_bindings(self)
        self.roster = roster
        self.household = household
        self.today = today
        self.choices: list[CarerChoice] = []
        self.communities = {c.id: c.name for c in roster.communities}

    def compose(self) -> ComposeResult:
        compound = next((c for c in self.roster.compounds if c.id == self.household.compound), None)
        where = printable(compound.name) if compound else self.household.compound
        cap = self.roster.settings.max_households_per_carer
        with Vertical(id="carer-picker"):
            title = t(
                "tui.households.pick.title", where=where, address=printable(self.household.address)
            )
            yield Static(Content(title), classes="title")  # names are data, not markup
            yield Static(t("tui.households.pick.cap", cap=cap), classes="hint")
            search = Input(
                placeholder=t("tui.households.pick.search"), compact=True, id="cp-search"
            )
            search.cursor_blink = False  # no blinking cursor over SSH
            yield search
            yield DataTable(cursor_type="row", zebra_stripes=True, id="cp-table")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for column in ("name", "community", "tail", "load", "note"):
            table.add_column(t(f"tui.households.pick.col.{column}"), key=column)
        self._fill("")

    @on(Input.Changed, "#cp-search")
    def _query_changed(self, event: Input.Changed) -> None:
        self._fill(event.value)

    @on(Input.Submitted, "#cp-search")
    def _query_done(self) -> None:
        self.query_one(DataTable).focus()

    def _fill(self, query: str) -> None:
        people = search_people(self.roster, query) if query.strip() else None
        self.choices = rank_carers(self.roster, self.household, self.today, people)[:MAX_ROWS]
        cap = self.roster.settings.max_households_per_carer
        table = self.query_one(DataTable)
        table.clear()
        for index, choice in enumerate(self.choices):
            person = choice.person
            if choice.block is not None:
                note = Text(t(f"tui.households.pick.{choice.block.value}", cap=cap), style="red")
            elif person.id == self.household.carer:
                note = Text(t("tui.households.pick.current"), style="bold")
            elif choice.same_community:
                note = Text(t("tui.households.pick.same_community"), style="green")
            else:
                note = Text("")
            community = self.communities.get(person.community, person.community)
            table.add_row(
                *plain_cells(
                    printable(person.name),
                    printable(community),
                    phone_tail(person.phone),
                    f"{choice.load}/{cap}",
                    note,
                ),
                key=str(index),
            )

    @on(DataTable.RowSelected, "#cp-table")
    def _picked(self, event: DataTable.RowSelected) -> None:
        if 0 <= event.cursor_row < len(self.choices):
            self.dismiss(CarerPick(self.choices[event.cursor_row].person))

    def action_search(self) -> None:
        self.query_one("#cp-search", Input).focus()

    def action_clear(self) -> None:
        self.dismiss(CarerPick(None))

    def action_cancel(self) -> None:
        self.dismiss(None)
