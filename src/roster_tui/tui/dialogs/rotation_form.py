"""A new rotation for a post, or another choice of shifts and people per shift for one.

A new rotation starts from its first member (chosen before this form), and asks for its first
day, last day (may be empty), the shifts it covers and how many people take each; more members
join with ``a``. For a rotation in use only the shifts and slot size are offered here: a change
applies from the first day no shift has started (its dates have their own dialog, ``d``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import SelectionList, Static

from roster_tui.domain.model import Post, Roster, Rotation
from roster_tui.domain.names import phone_tail
from roster_tui.domain.text import printable
from roster_tui.i18n import t
from roster_tui.services.place_rows import SetupErrors, rotation_from
from roster_tui.tui.dialogs.form_modal import FormModal
from roster_tui.tui.dialogs.place_form import field_errors
from roster_tui.tui.widgets.tick_list import TickList


class RotationForm(FormModal[Rotation]):
    """Dismisses with the rotation to save, or None when cancelled."""

    CSS_PATH = ["form_modal.tcss", "place_form.tcss"]
    BOX_ID = "rotation-form"
    ID_PREFIX = "rof"
    LABELS = "setup.form"
    # Enter saves from a choice too, not only from a text box (as the hint under a form says).
    BINDINGS = [Binding("enter", "save", "tui.key.ok", show=False)]

    def __init__(
        self,
        roster: Roster,
        post: Post,
        before: Rotation | None,
        first_day: dt.date,
        members: tuple[str, ...] = (),
        *,
        earliest: dt.date | None = None,
    ) -> None:
        """``members``: a new rotation's people (an edited one keeps its own); ``earliest``:
        the first day on which no shift has started (a new rotation starts then or later)."""
        self.earliest = earliest
        super().__init__()
        self.members = before.members if before else members
        self.roster = roster
        self.post = post
        self.before = before
        self.first_day = first_day

    def heading(self) -> str:
        post = printable(self.post.name)
        if self.before is None:
            return t("setup.form.add_rotation", post=post)
        return t("setup.form.edit_rotation", rotation=printable(self.before.id), post=post)

    def _fields(self) -> Sequence[str]:
        return ("per_slot", "shifts") if self.before else ("start", "end", "per_slot", "shifts")

    def compose_fields(self) -> ComposeResult:
        before = self.before
        if before is None:
            people = self.roster.index.people
            first = people.get(self.members[0])
            name = printable(first.name) if first else self.members[0]
            tail = phone_tail(first.phone) if first else ""
            yield Static(t("setup.form.first_member", name=name, tail=tail), classes="form-hint")
        else:
            yield Static(
                t("setup.form.rotation_from", day=self.first_day.isoformat()), classes="form-hint"
            )
        if before is None:
            yield from self.row("start", self.text_box("start", self.first_day.isoformat()))
            yield from self.row("end", self.text_box("end", "", t("places.dates.end_placeholder")))
        per_slot = str(before.per_slot) if before and before.per_slot else ""
        hint = t("setup.form.per_slot_hint")
        yield from self.row("per_slot", self.text_box("per_slot", per_slot, hint))
        chosen = set(before.shifts) if before and before.shifts else None
        options = [
            (printable(s.name), s.name, chosen is None or s.name in chosen)
            for s in self.post.shifts
        ]
        yield from self.row(
            "shifts", TickList[str](*options, id=self.field_id("shifts"), compact=True)
        )

    def read(self) -> Rotation:
        shifts = list(self.query_one(f"#{self.field_id('shifts')}", SelectionList).selected)
        every = len(shifts) == len(self.post.shifts)
        typed: dict[str, object] = {
            "post": self.post.id,
            "per_slot": self.text("per_slot"),
            "shifts": None if every else shifts,
        }
        if not shifts:
            raise field_errors(SetupErrors({"shifts": t("setup.error.no_shift")}), self._fields())
        before = self.before
        if before is None:
            typed |= {"start": self.text("start"), "end": self.text("end")}
        else:
            typed |= {"start": before.start, "end": before.end}
        typed["members"] = self.members
        try:
            return rotation_from(self.roster, before, typed, earliest=self.earliest)
        except SetupErrors as bad:
            raise field_errors(bad, self._fields()) from None
