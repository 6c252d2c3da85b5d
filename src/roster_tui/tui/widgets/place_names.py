"""Ids turned into the words people know, told apart when two people share a name."""

from __future__ import annotations

from roster_tui.domain.model import Person, Roster
from roster_tui.domain.names import PersonNames, phone_tail
from roster_tui.domain.text import printable
from roster_tui.i18n import t


class PlaceNames:
    """Look-ups over one roster; an id that is gone shows as itself."""

    def __init__(self, roster: Roster) -> None:
        self.people = roster.index.people
        self._person_names = PersonNames.of_roster(roster)
        self.communities = {c.id: c.name for c in roster.communities}
        self.streets = {s.id: s.name for s in roster.streets}
        self.compounds = {c.id: c.name for c in roster.compounds}
        self.posts = {p.id: p.name for p in roster.posts}
        self.groups = {g.id: g.name for g in roster.party_groups}
        self.households = {h.id: h.address for h in roster.households}
        self.zone = roster.subdistrict.timezone

    def community(self, community_id: str) -> str:
        return printable(self.communities.get(community_id, community_id))

    def street(self, street_id: str) -> str:
        return printable(self.streets.get(street_id, street_id))

    def compound(self, compound_id: str) -> str:
        return printable(self.compounds.get(compound_id, compound_id))

    def post(self, post_id: str) -> str:
        return printable(self.posts.get(post_id, post_id))

    def group(self, group_id: str) -> str:
        return printable(self.groups.get(group_id, group_id))

    def household(self, household_id: str) -> str:
        return printable(self.households.get(household_id, household_id))

    def person_name(self, person_id: str) -> str:
        return self._person_names.name(person_id)

    def person(self, person_id: str) -> str:
        """``张伟（东风社区 尾号0001）``: enough to tell namesakes apart."""
        named = self._person_names.get(person_id)
        if named is None:
            return person_id
        return t("places.person", name=named.name, community=named.community, tail=named.tail)

    def tail(self, person: Person) -> str:
        return t("places.tail", tail=printable(phone_tail(person.phone)))
