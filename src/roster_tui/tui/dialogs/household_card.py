"""A household's card: who lives there, its quarantine and carer, every contact and request.

Opened with ``i`` on a household (Households, today's round, the requests board), from a fever
alert on Today and from a fever gap. A fever is said in words at the top until a later contact
records a normal reading. ``a`` records today's contact (the fuller form), ``o`` opens the
requests board on this household's first open request.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

from roster_tui.domain.model import Household, Roster
from roster_tui.domain.text import printable
from roster_tui.i18n import t
from roster_tui.services.care import contacts_of, latest_readings, requests_of
from roster_tui.services.care_views import requests_board
from roster_tui.services.today import moment_of
from roster_tui.tui.dialogs.contact_form import open_contact_form
from roster_tui.tui.dialogs.requests_board import RequestsBoard, when_text
from roster_tui.tui.messages import RosterChanged
from roster_tui.tui.translate import translate_bindings
from roster_tui.tui.widgets.household_labels import days_left_text
from roster_tui.tui.widgets.person_label import short_label

if TYPE_CHECKING:
    from roster_tui.tui.app import RosterApp


class HouseholdCard(ModalScreen[None]):
    CSS_PATH = "household_card.tcss"
    BINDINGS = [
        Binding("a", "contact", "tui.care.card.key.contact"),
        Binding("o", "requests", "tui.care.key.board"),
        Binding("escape,q", "dismiss", "tui.key.close"),
    ]

    def __init__(self, roster: Roster, household: Household, fixed_today: dt.date | None) -> None:
        super().__init__()
        translate_bindings(self)
        self.roster = roster
        self.household = household
        self.fixed_today = fixed_today

    @property
    def _app(self) -> RosterApp:
        return cast("RosterApp", self.app)

    def compose(self) -> ComposeResult:
        with Vertical(id="hcard-box"):
            yield Static(id="hcard-title")
            with VerticalScroll(id="hcard-body"):
                yield Static(id="hcard-text")
            yield Footer()

    def on_mount(self) -> None:
        self._show()

    def on_roster_changed(self, message: RosterChanged) -> None:
        self.roster = message.roster
        self.household = message.roster.index.households.get(self.household.id, self.household)
        self._show()

    def _show(self) -> None:
        roster, household = self.roster, self.household
        compound = roster.index.compounds.get(household.compound)
        where = printable(compound.name) if compound else household.compound
        title = Text(f"{where} {printable(household.address)}", style="bold")
        title.append(
            "  " + t("tui.care.card.head", head=printable(household.head), people=household.people)
        )
        title.append("  " + printable(household.phone), style="bold reverse")
        self.query_one("#hcard-title", Static).update(title)
        self.query_one("#hcard-text", Static).update(Text("\n").join(self._lines()))

    def _lines(self) -> list[Text]:
        roster, household = self.roster, self.household
        now = moment_of(roster, self.fixed_today)
        today = now.date()
        people = roster.index.people
        carer = people.get(household.carer) if household.carer else None
        end = household.end_date(roster.settings) - dt.timedelta(days=1)
        lines = [
            Text(
                t(
                    "tui.care.card.quarantine",
                    start=household.start.isoformat(),
                    end=end.isoformat(),
                    left=days_left_text(household, roster.settings, today),
                    carer=short_label(carer) if carer else t("tui.households.no_carer"),
                )
            )
        ]
        reading = latest_readings(roster, today).get(household.id)
        if reading is not None and reading >= roster.settings.fever_temperature:
            words = t("tui.care.card.fever", temperature=f"{reading:.1f}")
            lines.append(Text(words, style="bold red"))
        if household.notes:
            lines.append(Text(t("tui.care.card.notes", notes=printable(household.notes))))
        contacts = contacts_of(roster, household.id)
        lines += [Text(""), Text(t("tui.care.card.contacts", count=len(contacts)), style="bold")]
        line = roster.settings.fever_temperature
        for contact in contacts:
            by = people.get(contact.by)
            text = Text(f"  {contact.date.month:02d}-{contact.date.day:02d} ")
            text.append(t(f"contact.how.{contact.how.value}") + " ")
            text.append((short_label(by) if by else printable(contact.by)) + " ")
            if contact.temperature is not None:
                fever = contact.temperature >= line
                key = "tui.care.round.fever" if fever else "tui.care.round.reading"
                reading_text = t(key, temperature=f"{contact.temperature:.1f}")
                text.append(reading_text + " ", style="bold red" if fever else "")
            if contact.needs:
                text.append(t("tui.care.card.needs", needs=printable(contact.needs)))
            lines.append(text)
        requests = requests_of(roster, household.id)
        lines += [Text(""), Text(t("tui.care.card.requests", count=len(requests)), style="bold")]
        late = {row.request.id for row in requests_board(roster, now, None) if row.overdue}
        for request in requests:
            handler = people.get(request.handler) if request.handler else None
            text = Text(f"  {request.id} {when_text(request.asked)} ")
            text.append(t(f"request.kind.{request.kind.value}") + " ")
            text.append(printable(request.what) + " ")
            who = short_label(handler) if handler else t("tui.care.board.nobody")
            text.append(t("tui.care.card.handler", person=who) + " ")
            if request.done is not None:
                text.append(t("tui.care.card.done", when=when_text(request.done)), style="green")
            elif request.id in late:
                text.append(t("tui.care.board.overdue"), style="bold red")
            else:
                text.append(t("tui.care.card.open"), style="bold")
            lines.append(text)
        return lines

    def action_contact(self) -> None:
        open_contact_form(self._app, self.roster, self.household)

    def action_requests(self) -> None:
        mine = [r for r in requests_of(self.roster, self.household.id) if r.done is None]
        first = min(mine, key=lambda r: r.asked).id if mine else None
        board = RequestsBoard(self.roster, self.fixed_today, None, focus=first)
        self.app.push_screen(board)
