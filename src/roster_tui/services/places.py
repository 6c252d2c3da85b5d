"""The places screen's use cases: who answers for what, finding people, editing rotations.

Everything here is pure over a :class:`Roster` except :func:`save_rotation`, which is one
audited user action through the workspace, like every other edit.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Sequence
from functools import lru_cache

from pypinyin import Style, lazy_pinyin

from roster_tui.domain.changes import AuditEntry, Change
from roster_tui.domain.gaps import GapKind
from roster_tui.domain.model import Duty, PartyGroup, Person, Post, Roster, Rotation
from roster_tui.engine.coverage import structural_gaps
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
    """The same rule the gap check applies (SPEC §3), so the tree and ``check`` never disagree."""
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


def party_groups_for(roster: Roster, compound: str) -> list[PartyGroup]:
    return [g for g in roster.party_groups if compound in g.compounds]


def posts_of(roster: Roster, compound: str) -> list[Post]:
    return [p for p in roster.posts if p.compound == compound]


def rotations_of(roster: Roster, post: str) -> list[Rotation]:
    return [r for r in roster.rotations if r.post == post]


# -- finding a person ------------------------------------------------------------------------
@lru_cache(maxsize=8192)
def name_initials(name: str) -> str:
    """``张伟`` → ``zw``: what people type to find a name without a Chinese input method."""
    letters = lazy_pinyin(name, style=Style.FIRST_LETTER, errors="ignore")
    return "".join(letters).lower()


def _match_rank(person: Person, query: str) -> int | None:
    """Lower is better; None: no match. Name first, then initials, then phone tail, then id."""
    if person.name == query:
        return 0
    if person.name.startswith(query):
        return 1
    if query in person.name:
        return 2
    lowered = query.lower()
    if lowered.isascii() and lowered.isalpha():
        initials = name_initials(person.name)
        if initials.startswith(lowered):
            return 3
        if lowered in initials:
            return 4
    if query.isdigit() and person.phone.endswith(query):
        return 5
    if person.id.lower() == lowered:
        return 6
    return None


def find_people(
    people: Sequence[Person],
    query: str,
    *,
    community: str | None = None,
    limit: int = SEARCH_LIMIT,
) -> list[Person]:
    """Active people matching ``query`` by name, pinyin initials, phone tail or id.

    The place's own community comes first within each kind of match; an empty query lists
    that community's people (references may cross communities, so others still match).
    """
    query = query.strip()
    ranked: list[tuple[int, bool, str, Person]] = []
    for person in people:
        if not person.active:
            continue
        rank = (
            _match_rank(person, query) if query else (0 if person.community == community else None)
        )
        if rank is not None:
            ranked.append((rank, person.community != community, person.id, person))
    ranked.sort(key=lambda row: row[:3])
    return [row[3] for row in ranked[:limit]]


def phone_tail(phone: str) -> str:
    return phone[-4:]


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


def save_rotation(
    workspace: Workspace, before: Rotation, after: Rotation, *, action: str, summary: str
) -> AuditEntry | None:
    """One audited rotation edit; ``before`` is the rotation as loaded (its version is checked)."""
    if before == after:
        return None
    return workspace.apply([Change(before, after)], action, summary)
