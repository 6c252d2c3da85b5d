"""The fuller contact (问访) as one user action: the day's contact, the household's standing
notes, and the request a need typed in it becomes, recorded together so that one undo takes
the whole of it back.

A household has one contact a day (the household_uncontacted rule asks whether there is one):
recording a day that already has a contact corrects that contact instead of adding a second.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from roster_tui.domain.changes import Change
from roster_tui.domain.entities import TEMPERATURE_MAX, TEMPERATURE_MIN
from roster_tui.domain.model import Contact, ContactMethod, Household, Request, Roster
from roster_tui.services.care import request_from_need


@dataclasses.dataclass(frozen=True, slots=True)
class ContactEntry:
    """What the contact form records, as one audited change."""

    household: Household  # as it stands now
    contact: Contact  # the day's contact as recorded
    replaces: Contact | None = None  # the same day's contact this one corrects
    notes: str | None = None  # the household's standing notes afterwards
    request: Request | None = None  # the request the contact's need becomes

    def changes(self) -> list[Change]:
        changes = [Change(self.replaces, self.contact)]
        if (self.household.notes or None) != self.notes:
            after = dataclasses.replace(self.household, notes=self.notes)
            changes.append(Change(self.household, after))
        if self.request is not None:
            changes.append(Change(None, self.request))
        return changes


def contact_on(roster: Roster, household: str, day: dt.date) -> Contact | None:
    """The household's contact of ``day``, if one was recorded."""
    return next((c for c in roster.contacts if c.household == household and c.date == day), None)


def contact_maker(household: Household, operator: str | None) -> str | None:
    """Who a contact is recorded as made by: the carer, else the person at this terminal."""
    return household.carer or operator


def read_temperature(text: str) -> float | None:
    """A typed reading (``37.5``, ``37,5``): None when empty; ValueError when not a reading a
    thermometer at home can give (SPEC §2: 34.0 to 43.0)."""
    text = text.strip().replace(",", ".").replace("，", ".")
    if not text:
        return None
    reading = float(text)  # ValueError for anything that is not a number
    if not TEMPERATURE_MIN <= reading <= TEMPERATURE_MAX:
        raise ValueError(text)
    return round(reading, 1)


def contact_entry(
    roster: Roster,
    household: Household,
    day: dt.date,
    by: str,
    how: ContactMethod,
    temperature: float | None,
    needs: str | None,
    notes: str | None,
    *,
    request_at: dt.datetime | None = None,
) -> ContactEntry:
    """The entry for ``household`` on ``day``; with ``request_at`` (naive local time) the need
    becomes a request asked then."""
    replaces = contact_on(roster, household.id, day)
    if replaces is None:
        contact = Contact(household.id, day, by, how, temperature, needs)
    else:  # keeps the stored row's id and version: the correction is an edit of that row
        contact = dataclasses.replace(
            replaces, by=by, how=how, temperature=temperature, needs=needs
        )
    request = None
    if request_at is not None and needs:
        request = request_from_need(roster, contact, request_at)
    return ContactEntry(household, contact, replaces, notes, request)
