"""Use cases over one database: one call is one user action, in one session.

The CLI and the TUI hold a :class:`Workspace`; it hands out domain objects and takes edits as
domain objects, so nothing above it sees a table or a session. It is the one door to the store
(an import contract in pyproject.toml holds every other module to that): where the database
is and what can go wrong with it are said here too, in the store's own terms.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from roster_tui.domain.changes import AuditEntry, Change
from roster_tui.domain.gaps import Gap
from roster_tui.domain.model import Contact, Duty, Household, Leave, Person, Request, Roster
from roster_tui.domain.week import Week
from roster_tui.engine.check import check
from roster_tui.engine.gc_pause import gc_paused
from roster_tui.i18n import t
from roster_tui.services import assignments, past, printing
from roster_tui.services.assignments import InstanceKey
from roster_tui.services.care_contact import ContactEntry
from roster_tui.services.operator import current_user
from roster_tui.services.safe_write import database_files, private_copy_for, write_safely
from roster_tui.store.backup import backup_sqlite
from roster_tui.store.db import (
    demo_db_path,
    demo_instead_of_default,
    display_location,
    open_store,
    resolve_db_url,
    sqlite_file,
)
from roster_tui.store.errors import (
    ConflictError,
    DatabaseLocked,
    DatabaseMissing,
    NotADemo,
    NothingToUndo,
    StoreError,
)
from roster_tui.store.repository import Store

if TYPE_CHECKING:
    from roster_tui.services.exporting import ExportRequest

__all__ = [
    "ConflictError",
    "DatabaseLocked",
    "NothingToUndo",
    "StoreError",
    "Workspace",
    "copy_week_changes",
    "demo_db_path",
    "demo_instead_of_default",
    "display_location",
    "install_demo",
    "resolve_db_url",
]


class Workspace:
    def __init__(self, store: Store, *, user: str | None = None) -> None:
        self.store = store
        self.user = user or current_user()

    @classmethod
    def open(
        cls, url: str, *, create: bool = False, user: str | None = None, reading: bool = False
    ) -> Workspace:
        """``reading``: for a use that only reads, which a read-only database allows."""
        return cls(open_store(url, create=create, reading=reading), user=user)

    @property
    def read_only(self) -> bool:
        """Opened for reading only: nothing, not even a print record, can be written."""
        return self.store.read_only

    # -- reading ---------------------------------------------------------------------------
    def load(self) -> Roster:
        return self.store.load_roster()

    def load_without_care_log(self) -> Roster:
        """The roster without its contacts and requests (the largest tables), for a use that
        never reads them, such as the fill; the roster is not for writing those back."""
        return self.store.load_roster(skip=("contacts", "requests"))

    def data_version(self) -> int:
        return self.store.data_version()

    def gaps(
        self,
        first: dt.date,
        last: dt.date,
        roster: Roster | None = None,
        *,
        now: dt.datetime | None = None,
    ) -> list[Gap]:
        return check(roster or self.load(), first, last, now=now)

    def history(self, *, limit: int = 200, offset: int = 0) -> list[AuditEntry]:
        return self.store.history(limit=limit, offset=offset)

    # -- whole files -----------------------------------------------------------------------
    def own_files(self) -> list[Path]:
        """The database's files on disk (none for PostgreSQL): never a target for a write."""
        if self.store.engine.dialect.name != "sqlite":
            return []
        return database_files(sqlite_file(self.store.engine.url.render_as_string()))

    def import_roster(self, roster: Roster, *, replace: bool = False) -> None:
        """A whole sub-district read from a file, into this database (``replace``: over one)."""
        self.store.import_roster(roster, replace=replace, user=self.user)

    def dump_file(self, path: Path) -> None:
        """The interchange file of one consistent reading of the database (SPEC §2)."""
        # Imported here: the TOML writer is needed by this command only, not at every start.
        from roster_tui.interchange import dumps_roster

        with gc_paused():  # a whole roster read and written out, and no cycle in it
            text = dumps_roster(self.load())
        write_safely(path, text.encode("utf-8"), protected=self.own_files())

    def backup(self, path: Path) -> None:
        """A restorable copy of the live database: SQLite's own file, or a dump elsewhere."""
        if self.store.engine.dialect.name != "sqlite":
            # PostgreSQL: the dump reads one snapshot, and `import --replace` restores it.
            self.dump_file(path)
            return
        with private_copy_for(path, protected=self.own_files()) as copy:
            backup_sqlite(self.store.engine, copy)

    # -- edits: each one audited transaction --------------------------------------------------
    def apply(self, changes: Sequence[Change], action: str, summary: str) -> AuditEntry | None:
        if not changes:
            return None
        return self.store.apply(changes, user=self.user, action=action, summary=summary)

    def print_edition(self, week: Week) -> int:
        """第N版 for the next print of the week (1 until the week has been printed)."""
        # Two narrow queries: the week's prints, then only what was recorded after the first.
        prints = self.store.history(limit=None, action=printing.print_action(week))
        first = prints[-1] if prints else None
        since = self.store.history(limit=None, after=first.id) if first else []
        return printing.edition(first, since, week)

    def with_calendar_memory(self, request: ExportRequest) -> ExportRequest:
        """A calendar request carrying what its calendar was last issued (others unchanged)."""
        if request.fmt != "ics":
            return request
        from roster_tui.services.exporting import calendar_key  # the writers: when exporting

        issued = self.store.calendar_issued(calendar_key(request))
        return dataclasses.replace(request, issued=issued)

    def remember_calendar(self, roster: Roster, request: ExportRequest) -> None:
        """After a calendar file went out: remember what it issued, to cancel it later."""
        if request.fmt == "ics":
            from roster_tui.services.exporting import calendar_key, issued_after

            self.store.remember_calendar(calendar_key(request), issued_after(roster, request))

    def record_print(self, week: Week, what: str) -> None:
        """Remember the print in the history; undo passes over it."""
        summary = t("action.print", week=str(week), what=what)
        self.store.apply([], user=self.user, action=printing.print_action(week), summary=summary)

    def undo(self) -> AuditEntry:
        return self.store.undo_last(user=self.user)

    def assign(
        self, roster: Roster, key: InstanceKey, person: Person, *, past: bool = False
    ) -> AuditEntry | None:
        """``past``: a confirmed correction of a shift that has started, marked in the history."""
        summary = t("action.assign", person=person.name, pid=person.id, where=_where(roster, key))
        changes = assignments.assign(roster, key, person.id)
        return self.apply(changes, "assign", _marked(summary, past))

    def unassign(
        self, roster: Roster, key: InstanceKey, person: Person, *, past: bool = False
    ) -> AuditEntry | None:
        summary = t("action.unassign", person=person.name, pid=person.id, where=_where(roster, key))
        changes = assignments.unassign(roster, key, person.id)
        return self.apply(changes, "unassign", _marked(summary, past))

    def replace(
        self,
        roster: Roster,
        key: InstanceKey,
        leaving: Person,
        coming: Person,
        *,
        past: bool = False,
    ) -> AuditEntry | None:
        """``coming`` takes ``leaving``'s place on one shift: one change, undone as one."""
        summary = t(
            "action.replace",
            person=leaving.name,
            pid=leaving.id,
            other=coming.name,
            other_pid=coming.id,
            where=_where(roster, key),
        )
        changes = assignments.replace(roster, key, leaving.id, coming.id)
        return self.apply(changes, "replace", _marked(summary, past))

    def swap(
        self,
        roster: Roster,
        first: InstanceKey,
        a: Person,
        second: InstanceKey,
        b: Person,
        *,
        past: bool = False,
    ) -> AuditEntry | None:
        changes = assignments.swap(roster, first, a.id, second, b.id)
        summary = t("action.swap", a=a.name, b=b.name, where=_where(roster, first))
        return self.apply(changes, "swap", _marked(summary, past))

    def copy_to_week(
        self, roster: Roster, key: InstanceKey, now: dt.datetime | None = None
    ) -> AuditEntry | None:
        """The cell's people onto the same shift on every day of its week not yet started."""
        changes = copy_week_changes(roster, key, now or past.now_in(roster))[0]
        return self.apply(changes, "copy_week", t("action.copy_week", where=_where(roster, key)))

    def add_leave(self, leave: Leave, person: Person) -> AuditEntry | None:
        summary = t("action.leave_add", person=person.name, pid=person.id)
        return self.apply([Change(None, leave)], "leave.add", summary)

    def remove_leave(self, leave: Leave, person: Person) -> AuditEntry | None:
        summary = t("action.leave_remove", person=person.name, pid=person.id)
        return self.apply([Change(leave, None)], "leave.remove", summary)

    def save_person(self, before: Person | None, after: Person) -> AuditEntry | None:
        action = "person.add" if before is None else "person.edit"
        summary = t(f"action.{action}", person=after.name, pid=after.id)
        return self.apply([Change(before, after)], action, summary)

    def set_active(
        self, person: Person, active: bool, now: dt.datetime | None = None
    ) -> AuditEntry | None:
        """Deactivate rather than delete: history keeps pointing at the person, and shifts that
        have started by ``now`` (by default the present) keep them too."""
        action = "person.activate" if active else "person.deactivate"
        if active:
            after = dataclasses.replace(person, active=True, inactive_from=None)
        else:
            after = past.deactivated(person, now or past.now_in(self.load()))
        summary = t(f"action.{action}", person=person.name, pid=person.id)
        return self.apply([Change(person, after)], action, summary)

    def set_carer(self, household: Household, carer: Person | None) -> AuditEntry | None:
        after = dataclasses.replace(household, carer=carer.id if carer else None)
        name = carer.name if carer else "-"
        summary = t("action.carer", household=household.address, person=name)
        return self.apply([Change(household, after)], "household.carer", summary)

    def save_household(self, before: Household | None, after: Household) -> AuditEntry | None:
        action = "household.add" if before is None else "household.edit"
        summary = t(f"action.{action}", household=after.address)
        return self.apply([Change(before, after)], action, summary)

    # -- the care loop -------------------------------------------------------------------------
    def record_contact(self, contact: Contact, household: Household) -> AuditEntry | None:
        how = t(f"contact.how.{contact.how.value}")
        summary = t(
            "action.contact.add",
            household=household.address,
            date=contact.date.isoformat(),
            how=how,
        )
        return self.apply([Change(None, contact)], "contact.add", summary)

    def save_contact(self, entry: ContactEntry) -> AuditEntry | None:
        """The contact form's answer: the contact, the household's notes and the request a need
        becomes, in one audited change."""
        contact, household = entry.contact, entry.household
        key = "action.contact.edit" if entry.replaces is not None else "action.contact.add"
        summary = t(
            key,
            household=household.address,
            date=contact.date.isoformat(),
            how=t(f"contact.how.{contact.how.value}"),
        )
        if entry.request is not None:
            summary = t("action.contact.with_request", summary=summary, request=entry.request.id)
        action = "contact.edit" if entry.replaces is not None else "contact.add"
        return self.apply(entry.changes(), action, summary)

    def remove_contact(self, contact: Contact, household: Household) -> AuditEntry | None:
        summary = t(
            "action.contact.remove", household=household.address, date=contact.date.isoformat()
        )
        return self.apply([Change(contact, None)], "contact.remove", summary)

    def add_request(self, request: Request, household: Household) -> AuditEntry | None:
        summary = t(
            "action.request.add", request=request.id, household=household.address, what=request.what
        )
        return self.apply([Change(None, request)], "request.add", summary)

    def set_handler(self, request: Request, person: Person) -> AuditEntry | None:
        after = dataclasses.replace(request, handler=person.id)
        summary = t("action.request.handler", request=request.id, person=person.name)
        return self.apply([Change(request, after)], "request.handler", summary)

    def set_done(self, request: Request, done: dt.datetime | None) -> AuditEntry | None:
        """Mark a request done at ``done`` (naive local time), or open again with None."""
        after = dataclasses.replace(request, done=done)
        action = "request.done" if done is not None else "request.reopen"
        summary = t(f"action.{action}", request=request.id)
        return self.apply([Change(request, after)], action, summary)

    def add_duty(self, duty: Duty, person: Person, place: str) -> AuditEntry | None:
        summary = t("action.duty_add", person=person.name, pid=person.id, place=place)
        return self.apply([Change(None, duty)], "duty.add", summary)

    def remove_duty(self, duty: Duty, person: Person, place: str) -> AuditEntry | None:
        summary = t("action.duty_remove", person=person.name, pid=person.id, place=place)
        return self.apply([Change(duty, None)], "duty.remove", summary)


def install_demo(
    url: str, today: dt.date, *, own_file: bool, now: dt.datetime | None = None
) -> Workspace:
    """The demo sub-district, dated to ``today``'s week, written into the database at ``url``.

    Only an empty database or an earlier demo is replaced; real data is refused with
    ``NotADemo`` and left as it was, even in the demo's own file (``own_file``: the message then
    says to delete that file rather than to leave out ``--db``).
    """
    from roster_tui.interchange import load_roster_file
    from roster_tui.services.demo import demo_roster, sample_file  # only the demo needs these

    try:
        store = open_store(url)
    except DatabaseMissing:
        store = open_store(url, create=True)  # nothing there yet: a fresh database
    if not (store.is_empty() or store.is_demo()):
        store.close()
        raise NotADemo(where=display_location(url), own=own_file)
    roster = demo_roster(load_roster_file(sample_file()), today, now)
    workspace = Workspace(store)
    store.import_roster(roster, replace=True, user=workspace.user, demo=True)
    return workspace


def copy_week_changes(
    roster: Roster, key: InstanceKey, now: dt.datetime
) -> tuple[list[Change], list[dt.date], list[dt.date]]:
    """Copy to the week: the changes, the days written, and the started days left alone."""
    week = [day for day in Week.of(key[1]).days if day != key[1]]
    days, begun = past.open_days(roster, key, week, now)
    return assignments.copy_to_days(roster, key, days), days, begun


def _marked(summary: str, past: bool) -> str:
    """A correction of a started shift says so in the history."""
    return t("safety.past.mark", summary=summary) if past else summary


def _where(roster: Roster, key: InstanceKey) -> str:
    post_id, date, shift = key
    post = next((p for p in roster.posts if p.id == post_id), None)
    name = post.name if post else post_id
    return t("action.where", post=name, date=date.isoformat(), shift=shift)
