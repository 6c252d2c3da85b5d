"""The places screen's use cases: who answers for what, finding people, editing rotations.

Everything here is pure over a :class:`Roster` except :func:`save_rotation`, which is one
audited user action through the workspace, like every other edit.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Collection, Iterable

from roster_tui.domain.changes import AuditEntry, Change
from roster_tui.domain.gaps import GapKind
from roster_tui.domain.model import Duty, PartyGroup, Person, Post, Roster, Rotation
from roster_tui.domain.text import printable
from roster_tui.engine.coverage import structural_gaps
from roster_tui.i18n import t
from roster_tui.services.people import search_people
from roster_tui.services.rotation_edits import dated_edit
from roster_tui.services.workspace import Workspace

SEARCH_LIMIT = 50


@dataclasses.dataclass(frozen=True, slots=True)
class PlaceMarks:
    """The structural gaps of the sub-district, by the id of the place they belong to."""

    unassigned_streets: frozenset[str]
    unassigned_compounds: frozenset[str]
    compounds_without_group: frozenset[str]

    def count_in(self, streets: Iterable[str], compounds: Iterable[str]) -> int:
        """How many marks fall on these streets and compounds (for a community's label)."""
        count = sum(1 for s in streets if s in self.unassigned_streets)
        for compound in compounds:
            count += compound in self.unassigned_compounds
            count += compound in self.compounds_without_group
        return count


def place_marks(roster: Roster) -> PlaceMarks:
    """The gap check's own rule (docs/format.md), so the tree and ``check`` never disagree."""
    by_kind: dict[GapKind, set[str]] = {kind: set() for kind in GapKind}
    for gap in structural_gaps(roster):
        by_kind[gap.kind].add(gap.street or gap.compound or "")
    return PlaceMarks(
        unassigned_streets=frozenset(by_kind[GapKind.STREET_UNASSIGNED]),
        unassigned_compounds=frozenset(by_kind[GapKind.COMPOUND_UNASSIGNED]),
        compounds_without_group=frozenset(by_kind[GapKind.NO_PARTY_GROUP]),
    )


def duties_for_street(roster: Roster, street: str) -> list[Duty]:
    return [d for d in roster.duties if d.street == street]


def duties_for_compound(roster: Roster, compound: str) -> list[Duty]:
    return [d for d in roster.duties if d.compound == compound]


def duty_holders(roster: Roster, kind: str, place: str) -> frozenset[str]:
    """Who answers for the street or compound ``place`` (``kind``) already: the picker that
    adds a duty there leaves them out (one duty per person and place)."""
    duties = duties_for_street if kind == "street" else duties_for_compound
    return frozenset(d.person for d in duties(roster, place))


def new_duty(person: str, kind: str, place: str) -> Duty:
    """``person`` answering for the street or compound ``place`` (``kind``), with the usual
    role. Who already does is not offered (:func:`duty_holders`)."""
    street = place if kind == "street" else None
    compound = place if kind == "compound" else None
    role = t(f"places.duty.default_role.{kind}")
    return Duty(person=person, compound=compound, street=street, role=role)


def party_groups_for(roster: Roster, compound: str) -> list[PartyGroup]:
    return [g for g in roster.party_groups if compound in g.compounds]


def posts_of(roster: Roster, compound: str) -> list[Post]:
    return [p for p in roster.posts if p.compound == compound]


def rotations_of(roster: Roster, post: str) -> list[Rotation]:
    return [r for r in roster.rotations if r.post == post]


# -- finding a person ------------------------------------------------------------------------
def find_people(
    roster: Roster,
    query: str,
    *,
    community: str | None = None,
    limit: int = SEARCH_LIMIT,
    leave_out: Collection[str] = (),
) -> list[Person]:
    """Active people matching ``query`` (name, pinyin, phone tail or id), best first, but for
    ``leave_out`` (a rotation's members, or who answers for a place: who is in already is
    not offered again).

    With nothing typed yet, the place's own community comes first: that is who usually takes
    its duties, though references may cross communities and anyone can still be found.
    """
    found = [p for p in search_people(roster, query) if p.active and p.id not in leave_out]
    if not query.strip():
        found.sort(key=lambda person: person.community != community)
    return found[:limit]


# -- rotations -------------------------------------------------------------------------------
def move_member(rotation: Rotation, index: int, step: int) -> Rotation | None:
    """The member at ``index`` moved ``step`` places; None when that would leave the list."""
    target = index + step
    if not (0 <= index < len(rotation.members) and 0 <= target < len(rotation.members)):
        return None
    members = list(rotation.members)
    members[index], members[target] = members[target], members[index]
    return dataclasses.replace(rotation, members=tuple(members))


def insert_member(rotation: Rotation, person: str, at: int) -> Rotation | None:
    """``person`` taking the turn at ``at``; None when already a member (one turn per cycle)."""
    if person in rotation.members:
        return None
    members = list(rotation.members)
    members.insert(max(0, min(at, len(members))), person)
    return dataclasses.replace(rotation, members=tuple(members))


def remove_member(rotation: Rotation, index: int) -> Rotation | None:
    """The rotation without the member at ``index``; None for the last one (never empty)."""
    if len(rotation.members) <= 1 or not 0 <= index < len(rotation.members):
        return None
    members = rotation.members[:index] + rotation.members[index + 1 :]
    return dataclasses.replace(rotation, members=members)


def with_dates(rotation: Rotation, start: dt.date, end: dt.date | None) -> Rotation | None:
    """The rotation over ``start``…``end`` (inclusive); None when the end comes first."""
    if end is not None and end < start:
        return None
    return dataclasses.replace(rotation, start=start, end=end)


def rotation_summary(roster: Roster, key: str, rotation: Rotation, person: str) -> str:
    """The history's words for a change to ``person``'s turn in ``rotation`` (``key``: which)."""
    post = roster.index.posts.get(rotation.post)
    who = roster.index.people.get(person)
    return t(
        key,
        rotation=printable(rotation.id),
        post=printable(post.name) if post else rotation.post,
        person=printable(who.name) if who else person,
        pid=person,
    )


def dates_summary(roster: Roster, rotation: Rotation, start: dt.date, end: dt.date | None) -> str:
    post = roster.index.posts.get(rotation.post)
    return t(
        "places.summary.dates",
        rotation=printable(rotation.id),
        post=printable(post.name) if post else rotation.post,
        start=start.isoformat(),
        end=end.isoformat() if end else t("places.rotation.open_end"),
    )


def save_rotation(
    workspace: Workspace,
    before: Rotation,
    after: Rotation,
    *,
    action: str,
    summary: str,
    roster: Roster | None = None,
    effective: dt.date | None = None,
) -> AuditEntry | None:
    """One audited rotation edit; ``before`` is the rotation as loaded (its version is checked).

    With ``roster`` and ``effective``, a change of who is picked applies from that day on
    (:func:`roster_tui.services.rotation_edits.dated_edit`): earlier days keep the old rotation.
    """
    if before == after:
        return None
    if roster is not None and effective is not None:
        return workspace.apply(dated_edit(roster, before, after, effective), action, summary)
    return workspace.apply([Change(before, after)], action, summary)
