"""The fuller contact: one audited change holding the contact, the notes and the request."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from roster_tui.domain.model import ContactMethod, RequestKind, Roster
from roster_tui.interchange import load_roster_file
from roster_tui.services.care_contact import contact_entry, contact_on, read_temperature
from roster_tui.services.demo import demo_roster, sample_file
from roster_tui.services.workspace import Workspace
from roster_tui.store.db import open_store

TODAY = dt.date(2026, 12, 2)
MORNING = dt.datetime(2026, 12, 2, 9, 30)


@pytest.fixture(scope="module")
def demo() -> Roster:
    return demo_roster(load_roster_file(sample_file()), TODAY)


@pytest.fixture
def workspace(tmp_path: Path, demo: Roster) -> Iterator[Workspace]:
    store = open_store(f"sqlite:///{tmp_path / 'care.sqlite'}", create=True)
    store.import_roster(demo, replace=True, user="tester")
    yield Workspace(store, user="tester")
    store.close()


def uncontacted(roster: Roster) -> str:
    contacted = {c.household for c in roster.contacts if c.date == TODAY}
    return next(
        h.id
        for h in roster.households
        if h.active_on(TODAY, roster.settings) and h.carer and h.id not in contacted
    )


def test_a_contact_with_a_need_notes_and_a_request_is_one_change_undone_whole(
    workspace: Workspace,
) -> None:
    roster = workspace.load()
    household = roster.index.households[uncontacted(roster)]
    assert household.carer is not None
    entry = contact_entry(
        roster,
        household,
        TODAY,
        household.carer,
        ContactMethod.VISIT,
        37.9,
        "降压药、去医院复诊",
        "老人独居",
        request_at=MORNING,
    )
    workspace.save_contact(entry)
    after = workspace.load()
    contact = contact_on(after, household.id, TODAY)
    assert contact is not None
    assert (contact.how, contact.temperature, contact.needs) == (
        ContactMethod.VISIT,
        37.9,
        "降压药、去医院复诊",
    )
    assert after.index.households[household.id].notes == "老人独居"
    (request,) = [r for r in after.requests if r.household == household.id and r.asked == MORNING]
    assert request.kind is RequestKind.MEDICAL_OUTING and request.what == "降压药、去医院复诊"
    assert request.id not in {r.id for r in roster.requests}

    workspace.undo()
    undone = workspace.load()
    assert contact_on(undone, household.id, TODAY) is None
    assert undone.index.households[household.id].notes == household.notes
    assert len(undone.requests) == len(roster.requests)


def test_a_second_contact_the_same_day_corrects_the_first(workspace: Workspace) -> None:
    roster = workspace.load()
    household = roster.index.households[uncontacted(roster)]
    assert household.carer is not None
    first = contact_entry(
        roster, household, TODAY, household.carer, ContactMethod.PHONE, None, None, household.notes
    )
    workspace.save_contact(first)
    roster = workspace.load()
    again = contact_entry(
        roster, household, TODAY, household.carer, ContactMethod.PHONE, 36.5, None, household.notes
    )
    assert again.replaces is not None and len(again.changes()) == 1  # notes unchanged
    workspace.save_contact(again)
    today = [c for c in workspace.load().contacts if c.household == household.id]
    assert [c.temperature for c in today if c.date == TODAY] == [36.5]


@pytest.mark.parametrize(
    ("typed", "reading"), [("", None), (" 37.25 ", 37.2), ("37,5", 37.5), ("36", 36.0)]
)
def test_a_typed_reading_is_read_to_one_decimal(typed: str, reading: float | None) -> None:
    assert read_temperature(typed) == reading


@pytest.mark.parametrize("typed", ["abc", "33.9", "43.1", "98.6", "nan"])
def test_a_reading_no_thermometer_gives_is_refused(typed: str) -> None:
    with pytest.raises(ValueError):
        read_temperature(typed)
