"""The fuller contact (问访) of one household on one day: how, the reading, needs and notes.

Opened with Enter on a household of today's round, from a household's card, and from a
household_uncontacted gap (for that gap's day). A day that already has a contact is corrected,
not doubled. Ctrl+R saves and turns the need into a request in the same change; the notes are
the household's standing notes (the contact row of the format has no notes of its own).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from roster_tui.domain.model import ContactMethod, Household, Roster
from roster_tui.domain.text import printable
from roster_tui.i18n import t
from roster_tui.services.care_contact import (
    ContactEntry,
    contact_entry,
    contact_maker,
    contact_on,
    read_temperature,
)
from roster_tui.services.today import moment_of
from roster_tui.tui.dialogs.form_modal import FieldErrors, FormModal
from roster_tui.tui.widgets.choice_field import ChoiceField
from roster_tui.tui.widgets.person_label import short_label

if TYPE_CHECKING:
    from roster_tui.tui.app import RosterApp

TEXT_FIELDS = ("temperature", "needs", "notes")


@dataclasses.dataclass(frozen=True, slots=True)
class ContactAnswer:
    how: ContactMethod
    temperature: float | None
    needs: str | None
    notes: str | None
    make_request: bool  # the need becomes a request too


class ContactForm(FormModal[ContactAnswer]):
    """Dismisses with what was typed, or None when cancelled."""

    CSS_PATH = ["form_modal.tcss", "contact_form.tcss"]
    BOX_ID = "contact-form"
    ID_PREFIX = "ctf"
    LABELS = "tui.care.form"
    SCROLLS = False
    BINDINGS = [Binding("ctrl+r", "save_request", "tui.care.form.key.request")]

    def __init__(self, roster: Roster, household: Household, day: dt.date, by: str) -> None:
        super().__init__()
        self.roster = roster
        self.household = household
        self.day = day
        self.by = by
        self.before = contact_on(roster, household.id, day)
        self._with_request = False

    def heading(self) -> str:
        compound = self.roster.index.compounds.get(self.household.compound)
        where = printable(compound.name) if compound else self.household.compound
        key = "tui.care.form.edit" if self.before else "tui.care.form.add"
        address = printable(self.household.address)
        return t(key, where=where, address=address, day=self.day.isoformat())

    def compose_fields(self) -> ComposeResult:
        person = self.roster.index.people.get(self.by)
        who = short_label(person) if person else printable(self.by)
        role = "carer" if self.by == self.household.carer else "operator"
        yield Static(Text(t(f"tui.care.form.by.{role}", person=who)), classes="hint", id="ctf-by")
        before = self.before
        methods = [(t(f"contact.how.{m.value}"), m) for m in ContactMethod]
        how = before.how if before else ContactMethod.PHONE
        yield from self.row("how", ChoiceField("", methods, how, id="ctf-how"))
        initial = {
            "temperature": f"{before.temperature:.1f}" if before and before.temperature else "",
            "needs": (before.needs or "") if before else "",
            "notes": self.household.notes or "",
        }
        for field in TEXT_FIELDS:
            hint = t(f"tui.care.form.hint.{field}")
            yield from self.row(field, self.text_box(field, initial[field], hint))
        yield Static(t("tui.care.form.keys"), classes="hint")

    def on_mount(self) -> None:
        self.query_one(f"#{self.field_id('temperature')}").focus()

    def action_save_request(self) -> None:
        self._with_request = True
        self.action_save()
        self._with_request = False

    def read(self) -> ContactAnswer:
        text = {field: self.text(field) for field in TEXT_FIELDS}
        errors: dict[str, str] = {}
        temperature = None
        try:
            temperature = read_temperature(text["temperature"])
        except ValueError:
            errors["temperature"] = t("tui.care.form.error.temperature")
        if self._with_request and not text["needs"]:
            errors["needs"] = t("tui.care.form.error.needs")
        if errors:
            raise FieldErrors(errors)
        how = self.query_one("#ctf-how", ChoiceField).value
        return ContactAnswer(
            how, temperature, text["needs"] or None, text["notes"] or None, self._with_request
        )


def open_contact_form(
    app: RosterApp, roster: Roster, household: Household, day: dt.date | None = None
) -> None:
    """The form for ``household`` on ``day`` (default today); its answer is one audited edit."""
    by = contact_maker(household, app.operator.person())
    if by is None:
        app.notify(t("tui.care.round.needs_carer"), severity="warning", timeout=5)
        return
    moment = moment_of(roster, app.fixed_today)
    when = day or moment.date()

    def answered(answer: ContactAnswer | None) -> None:
        if answer is None:
            return
        asked = dt.datetime(moment.year, moment.month, moment.day, moment.hour, moment.minute)
        current = app.roster or roster  # the roster may have moved on while the form was open
        entry: ContactEntry = contact_entry(
            current,
            current.index.households.get(household.id, household),
            when,
            by,
            answer.how,
            answer.temperature,
            answer.needs,
            answer.notes,
            request_at=asked if answer.make_request else None,
        )
        app.edit(lambda ws: ws.save_contact(entry))

    app.push_screen(ContactForm(roster, household, when, by), answered)
