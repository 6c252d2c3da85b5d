"""People's names as they can be shown, told apart when two people share one.

Three 张伟 in one sub-district are ordinary. What tells them apart for a reader is the community
each belongs to and the last digits of each phone (the full number is not everyone's to see).
This module finds those parts once; the words around them (``张伟（东风社区 尾号0001）``) are
each screen's and sheet's own, in their message catalogs.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from roster_tui.domain.model import Community, Person, Roster
from roster_tui.domain.text import printable

TAIL_DIGITS = 4


def phone_tail(phone: str, digits: int = TAIL_DIGITS) -> str:
    """The last digits of a phone number, whatever separates them: ``138-0000-0001`` → ``0001``."""
    return "".join(c for c in phone if c.isdigit())[-digits:]


def namesakes(people: Iterable[Person]) -> frozenset[str]:
    """Names that more than one person carries: these need telling apart."""
    counts = Counter(person.name for person in people)
    return frozenset(name for name, count in counts.items() if count > 1)


@dataclass(frozen=True, slots=True)
class PersonName:
    """A person's name and what tells it apart, each part ready to show."""

    name: str
    community: str  # the community's name; its id when the community is gone
    tail: str  # the phone's last four digits
    namesake: bool  # someone else carries the same name


class PersonNames:
    """Names of one roster's people by id, through its index; built once per screen or sheet.

    ``clean`` makes each part safe where it goes: :func:`printable` for a terminal (the
    default); a writer passes its own sanitiser. An id nobody carries shows as itself.
    """

    def __init__(
        self,
        people: Mapping[str, Person],
        communities: Mapping[str, Community],
        clean: Callable[[str], str] = printable,
    ) -> None:
        self.people = people
        self.communities = communities
        self.clean = clean
        self._namesakes: frozenset[str] | None = None

    @classmethod
    def of_roster(cls, roster: Roster, clean: Callable[[str], str] = printable) -> PersonNames:
        return cls(roster.index.people, roster.index.communities, clean)

    @property
    def namesakes(self) -> frozenset[str]:
        if self._namesakes is None:
            self._namesakes = namesakes(self.people.values())
        return self._namesakes

    def of(self, person: Person) -> PersonName:
        community = self.communities.get(person.community)
        return PersonName(
            self.clean(person.name),
            self.clean(community.name if community else person.community),
            phone_tail(person.phone),
            person.name in self.namesakes,
        )

    def get(self, person_id: str) -> PersonName | None:
        person = self.people.get(person_id)
        return None if person is None else self.of(person)

    def name(self, person_id: str) -> str:
        """Just the name (the id when nobody has it)."""
        person = self.people.get(person_id)
        return self.clean(person.name if person else person_id)
