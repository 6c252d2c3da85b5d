"""Add or edit a party group (党小组): its name, the compounds it looks after, members, leader.

Members and compounds are ticked from the group's community (party members first); the leader is
one of the ticked members. Saving sets each person's party group in the same action. Ctrl+D
retires the group instead (what it changes is shown before anything is written).
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import SelectionList

from roster_tui.domain.model import CompoundKind, PartyGroup, Role, Roster
from roster_tui.domain.names import phone_tail
from roster_tui.domain.text import printable
from roster_tui.i18n import t
from roster_tui.services.place_rows import SetupErrors, party_group_from
from roster_tui.tui.dialogs.form_modal import FormModal
from roster_tui.tui.dialogs.place_form import field_errors
from roster_tui.tui.widgets.choice_field import ChoiceField
from roster_tui.tui.widgets.tick_list import TickList

RETIRE = "retire"  # the answer when the user asks to retire the group
GroupAnswer = tuple[PartyGroup, tuple[str, ...]] | str
FIELDS = ("name", "compounds", "members", "leader")


class PartyGroupForm(FormModal[GroupAnswer]):
    """Dismisses with (group, member ids), :data:`RETIRE`, or None when cancelled."""

    CSS_PATH = ["form_modal.tcss", "place_form.tcss"]
    BOX_ID = "group-form"
    ID_PREFIX = "pgf"
    LABELS = "setup.form"
    BINDINGS = [Binding("ctrl+d", "retire", "setup.key.retire_group")]

    def __init__(
        self,
        roster: Roster,
        before: PartyGroup | None,
        community: str,
        *,
        compound: str | None = None,
    ) -> None:
        """``compound``: the compound the form is opened for: a new group is named after it
        and looks after it; an existing group has it ticked while it belongs to no group."""
        super().__init__()
        self.roster = roster
        self.before = before
        self.community = before.community if before else community
        self.compound = compound

    def heading(self) -> str:
        if self.before is None:
            return t("setup.form.add", what=t("setup.kind.party_group"))
        what = t("setup.kind.party_group")
        return t("setup.form.edit", what=what, name=printable(self.before.name))

    def compose_fields(self) -> ComposeResult:
        before, roster = self.before, self.roster
        name = before.name if before else ""
        compound = roster.index.compounds.get(self.compound or "")
        if before is None and compound is not None:
            name = t("setup.form.group_name", compound=compound.name)
        yield from self.row("name", self.text_box("name", name))
        ticked = set(before.compounds) if before else {self.compound}
        if self.compound and not any(self.compound in g.compounds for g in roster.party_groups):
            ticked.add(self.compound)  # opened for a compound in no group: it joins this one
        compounds = [c for c in roster.compounds if c.community == self.community]
        compounds.sort(key=lambda c: c.kind != CompoundKind.UNMANAGED)
        yield from self.row(
            "compounds",
            TickList[str](
                *[
                    (f"{printable(c.name)} {t(f'kind.{c.kind.value}')}", c.id, c.id in ticked)
                    for c in compounds
                ],
                id=self.field_id("compounds"),
                compact=True,
            ),
        )
        members = {p.id for p in roster.people if before and p.party_group == before.id}
        people = [
            p
            for p in roster.people
            if p.id in members or (p.active and p.community == self.community)
        ]
        people.sort(key=lambda p: (p.id not in members, Role.PARTY_MEMBER not in p.roles))
        yield from self.row(
            "members",
            TickList[str](
                *[(self._person(p.id), p.id, p.id in members) for p in people],
                id=self.field_id("members"),
                compact=True,
            ),
        )
        leader = before.leader if before else None
        yield from self.row(
            "leader", ChoiceField("", self._leaders(members), leader, id=self.field_id("leader"))
        )

    def _person(self, person_id: str) -> str:
        person = self.roster.index.people[person_id]
        return t("setup.form.member", name=printable(person.name), tail=phone_tail(person.phone))

    def _leaders(self, members: set[str] | list[str]) -> list[tuple[str, Any]]:
        return [(t("tui.none"), None), *[(self._person(m), m) for m in members]]

    def on_selection_list_selected_changed(self, event: SelectionList.SelectedChanged) -> None:
        """The leader is chosen among the members ticked."""
        if event.selection_list.id != self.field_id("members"):
            return
        leader = self.query_one(f"#{self.field_id('leader')}", ChoiceField)
        leader.set_choices(self._leaders(list(event.selection_list.selected)), leader.value)

    def _ticked(self, field: str) -> tuple[str, ...]:
        return tuple(self.query_one(f"#{self.field_id(field)}", SelectionList).selected)

    def read(self) -> GroupAnswer:
        members = self._ticked("members")
        typed = {
            "name": self.text("name"),
            "community": self.community,
            "compounds": self._ticked("compounds"),
            "leader": self.query_one(f"#{self.field_id('leader')}", ChoiceField).value,
        }
        try:
            group = party_group_from(self.roster, self.before, typed, members)
        except SetupErrors as bad:
            raise field_errors(bad, FIELDS) from None
        return group, members

    def action_retire(self) -> None:
        if self.before is not None:
            self.dismiss(RETIRE)
