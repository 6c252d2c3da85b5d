"""The care loop in the store: contacts and requests load, save, undo, and round-trip a file."""

from __future__ import annotations

import dataclasses
import datetime as dt

from roster_tui.domain.changes import Change
from roster_tui.domain.model import Contact, ContactMethod, Request, RequestKind
from roster_tui.interchange import dumps_roster, load_roster_file, loads_roster
from roster_tui.services.demo import demo_roster, sample_file
from roster_tui.store.repository import Store

TODAY = dt.date(2026, 12, 2)


def test_the_demos_contacts_and_requests_load_back_as_imported(store: Store) -> None:
    demo = demo_roster(load_roster_file(sample_file()), TODAY)
    assert demo.contacts and demo.requests and any(r.done is None for r in demo.requests)

    store.import_roster(demo, replace=True, user="li")
    loaded = store.load_roster()

    assert loaded.contacts == demo.contacts and loaded.requests == demo.requests
    assert loaded.settings == demo.settings
    assert loads_roster(dumps_roster(loaded)) == demo


def test_a_contact_and_a_request_are_saved_changed_and_undone(loaded: Store) -> None:
    roster = loaded.load_roster()
    household = roster.households[0]
    person = roster.people[0].id
    contact = Contact(household.id, TODAY, person, ContactMethod.VISIT, 38.1, "退烧药")
    request = Request(
        "q9", household.id, RequestKind.SUPPLIES, dt.datetime(2026, 12, 2, 9), "退烧药"
    )

    entry = loaded.apply(
        [Change(None, contact), Change(None, request)], user="li", action="contact.add", summary="x"
    )
    stored_contact, stored_request = (c.after for c in entry.changes)
    assert isinstance(stored_contact, Contact) and stored_contact.uid is not None
    assert loaded.load_roster().contacts[-1] == contact
    assert isinstance(stored_request, Request)
    done = dataclasses.replace(stored_request, handler=person, done=dt.datetime(2026, 12, 2, 11))
    loaded.apply([Change(stored_request, done)], user="li", action="request.done", summary="y")
    assert loaded.load_roster().requests[-1] == done

    loaded.undo_last(user="li")
    assert loaded.load_roster().requests[-1] == request
    loaded.undo_last(user="li")
    after = loaded.load_roster()
    assert contact not in after.contacts and request not in after.requests
