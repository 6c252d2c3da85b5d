"""What every writer reads: one week of a roster, seen through a scope.

The caller (CLI or TUI) expands the week's shift instances and hands them in with the roster;
the writers never touch a database or the engine. A :class:`WeekView` indexes the roster once,
keeps only the instances of its week and scope, and orders everything the way the roster file
lists it, which is the order the office already knows.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from zoneinfo import ZoneInfo

from roster_tui.domain.gaps import Gap, GapKind
from roster_tui.domain.instances import ShiftInstance
from roster_tui.domain.model import (
    Community,
    Compound,
    Duty,
    Household,
    PartyGroup,
    Person,
    Post,
    Roster,
    Street,
)
from roster_tui.domain.names import PersonName, PersonNames
from roster_tui.domain.week import Week
from roster_tui.export.privacy import Audience, mask_numbers
from roster_tui.i18n import t

# The role a compound's duty row names when it makes someone the compound's lead official.
LEAD_DUTY_ROLE = "包保责任人"


# The person gaps a sheet marks beside a name, in the order the marks are written.
MARKED_GAPS = (GapKind.DOUBLE_BOOKED, GapKind.SHORT_REST, GapKind.OVERTIME)


class ScopeKind(StrEnum):
    SUBDISTRICT = "subdistrict"
    COMMUNITY = "community"
    PERSON = "person"
    POST = "post"


@dataclass(frozen=True, slots=True)
class Scope:
    """Which part of the sub-district an export covers."""

    kind: ScopeKind = ScopeKind.SUBDISTRICT
    id: str | None = None

    @classmethod
    def whole(cls) -> Scope:
        return cls()

    @classmethod
    def community(cls, community_id: str) -> Scope:
        return cls(ScopeKind.COMMUNITY, community_id)

    @classmethod
    def person(cls, person_id: str) -> Scope:
        return cls(ScopeKind.PERSON, person_id)

    @classmethod
    def post(cls, post_id: str) -> Scope:
        return cls(ScopeKind.POST, post_id)


class WeekView:
    """A roster, one ISO week, that week's instances, a scope and an audience.

    ``instances`` may hold more than the week (they are filtered by start date) and may come in
    any order. Raises ``ValueError`` when the scope names an id the roster does not have. For a
    ``public`` audience, phone numbers typed into names and notes are masked once here, so no
    writer can forget to.
    """

    def __init__(
        self,
        roster: Roster,
        week: Week,
        instances: Iterable[ShiftInstance],
        scope: Scope | None = None,
        audience: Audience = "public",
        gaps: Iterable[Gap] = (),
    ) -> None:
        self.roster = roster
        self.week = week
        self.scope = scope or Scope.whole()
        self.audience: Audience = audience
        self.zone = ZoneInfo(roster.subdistrict.timezone)
        self.communities: Mapping[str, Community] = roster.index.communities
        self.streets: Mapping[str, Street] = roster.index.streets
        self.compounds: Mapping[str, Compound] = roster.index.compounds
        # People as they stood at the week's end: a later deactivation changes no earlier sheet.
        week_end = dt.datetime.combine((week + 1).monday, dt.time())
        self.people: Mapping[str, Person] = {
            p.id: dataclasses.replace(p, name=mask_numbers(p.name)) if self.public else p
            for p in (person.as_at(week_end) for person in roster.people)
        }
        # Raw parts: every writer sanitises what it writes, in its own way (a tab becomes a space).
        self.names = PersonNames(self.people, self.communities, clean=str)
        # The responsible officials: the public is told to call them, so their numbers show.
        self.officials: frozenset[str] = frozenset(d.person for d in roster.duties)
        self.posts: Mapping[str, Post] = roster.index.posts
        self.party_groups: Mapping[str, PartyGroup] = roster.index.party_groups
        self._check_scope()
        self._duties_by_compound: dict[str, list[Duty]] = {}
        self._duties_by_street: dict[str, list[Duty]] = {}
        for duty in roster.duties:
            if self.public and duty.role:
                duty = dataclasses.replace(duty, role=mask_numbers(duty.role))
            if duty.compound is not None:
                self._duties_by_compound.setdefault(duty.compound, []).append(duty)
            if duty.street is not None:
                self._duties_by_street.setdefault(duty.street, []).append(duty)
        self._leaders: dict[str, tuple[Person, Duty] | None] = {}
        self._community_rank = {c.id: i for i, c in enumerate(roster.communities)}
        self._compound_rank = {c.id: i for i, c in enumerate(roster.compounds)}
        self._post_rank = {p.id: i for i, p in enumerate(roster.posts)}
        self._index_gaps(gaps)
        self.instances: list[ShiftInstance] = sorted(
            (i for i in instances if self._instance_in_view(i)), key=self._instance_order
        )

    # -- what `check` found -------------------------------------------------------------------

    def _index_gaps(self, gaps: Iterable[Gap]) -> None:
        """The person gaps `check` found, by the (post, date, shift, person) they concern, so a
        sheet can mark the name where it stands; overloaded carers by person."""
        self.person_gaps: dict[tuple[str, dt.date, str, str], set[GapKind]] = {}
        self.overtime: set[str] = set()
        self.overloaded_carers: set[str] = set()
        for gap in gaps:
            if gap.kind is GapKind.OVERTIME and gap.person:
                self.overtime.add(gap.person)
            elif gap.kind is GapKind.CARER_OVERLOADED and gap.person:
                self.overloaded_carers.add(gap.person)
            elif gap.kind in (GapKind.DOUBLE_BOOKED, GapKind.SHORT_REST) and gap.person:
                for post, date, shift in (
                    (gap.post, gap.date, gap.shift),
                    (gap.other_post, gap.other_date, gap.other_shift),
                ):
                    if post and date and shift:
                        key = (post, date, shift, gap.person)
                        self.person_gaps.setdefault(key, set()).add(gap.kind)

    def gaps_of(self, instance: ShiftInstance, person_id: str) -> list[GapKind]:
        """The person gaps to mark beside ``person_id`` on ``instance``, in a fixed order."""
        found = set(self.person_gaps.get((*instance.key, person_id), ()))
        if person_id in self.overtime:
            found.add(GapKind.OVERTIME)
        return [kind for kind in MARKED_GAPS if kind in found]

    @property
    def public(self) -> bool:
        return self.audience == "public"

    # -- the week ---------------------------------------------------------------------------

    @property
    def monday(self) -> dt.date:
        return self.week.monday

    @property
    def sunday(self) -> dt.date:
        return self.week.sunday

    @property
    def days(self) -> list[dt.date]:
        return list(self.week.days)

    # -- lookups that tolerate a missing row ---------------------------------------------------

    def compound_of(self, post: Post) -> Compound | None:
        return self.compounds.get(post.compound)

    def community_id_of_compound(self, compound_id: str) -> str | None:
        compound = self.compounds.get(compound_id)
        return compound.community if compound else None

    def community_name(self, community_id: str | None) -> str:
        community = self.communities.get(community_id or "")
        return community.name if community else (community_id or "")

    def compound_name(self, compound_id: str | None) -> str:
        compound = self.compounds.get(compound_id or "")
        return compound.name if compound else (compound_id or "")

    def person_label(self, person_id: str, lang: str | None = None) -> str:
        """The person's name, made unambiguous for a sheet of its own: namesakes (three 张伟)
        are told apart by community and the last four digits of the phone."""
        named = self.names.get(person_id)
        if named is None:
            return person_id
        if not named.namesake:
            return named.name
        return self.namesake_label(named, lang)

    def namesake_label(self, named: PersonName, lang: str | None = None) -> str:
        """``张伟（东风社区，手机尾号0001）``."""
        return t(
            "export.namesake",
            lang=lang,
            name=named.name,
            community=named.community,
            tail=named.tail,
        )

    def person_name(self, person_id: str) -> str:
        return self.names.name(person_id)

    # -- scope --------------------------------------------------------------------------------

    def _check_scope(self) -> None:
        known: set[str] | None = {
            ScopeKind.COMMUNITY: set(self.communities),
            ScopeKind.PERSON: set(self.people),
            ScopeKind.POST: set(self.posts),
        }.get(self.scope.kind)
        if known is not None and self.scope.id not in known:
            raise ValueError(
                t("export.error.unknown_scope", kind=self.scope.kind.value, id=self.scope.id)
            )

    def compound_in_scope(self, compound_id: str) -> bool:
        kind, wanted = self.scope.kind, self.scope.id
        if kind is ScopeKind.COMMUNITY:
            return self.community_id_of_compound(compound_id) == wanted
        if kind is ScopeKind.POST:
            return self.posts[wanted or ""].compound == compound_id
        return True

    def _instance_in_view(self, instance: ShiftInstance) -> bool:
        if not self.monday <= instance.date <= self.sunday:
            return False
        kind, wanted = self.scope.kind, self.scope.id
        if kind is ScopeKind.PERSON:
            return wanted in instance.assigned or wanted in instance.counted
        if kind is ScopeKind.POST:
            return instance.post.id == wanted
        return self.compound_in_scope(instance.post.compound)

    def posts_in_scope(self) -> list[Post]:
        """Posts the week grid shows a row for, even when no instance was handed in."""
        if self.scope.kind is ScopeKind.PERSON:
            return list({i.post.id: i.post for i in self.instances}.values())
        return [p for p in self.roster.posts if self.compound_in_scope(p.compound)]

    def compounds_in_scope(self) -> list[Compound]:
        if self.scope.kind is ScopeKind.PERSON:
            wanted = {p.compound for p in self.posts_in_scope()}
            return [c for c in self.roster.compounds if c.id in wanted]
        return [c for c in self.roster.compounds if self.compound_in_scope(c.id)]

    def streets_in_scope(self) -> list[Street]:
        kind, wanted = self.scope.kind, self.scope.id
        if kind is ScopeKind.COMMUNITY:
            return [s for s in self.roster.streets if s.community == wanted]
        if kind is ScopeKind.POST:
            compound = self.compounds.get(self.posts[wanted or ""].compound)
            return [s for s in self.roster.streets if compound and s.id == compound.street]
        if kind is ScopeKind.PERSON:
            held = {d.street for d in self.roster.duties if d.person == wanted}
            return [s for s in self.roster.streets if s.id in held]
        return list(self.roster.streets)

    def households_in_scope(self) -> list[Household]:
        """Households in quarantine on at least one day of the week, in the scope."""
        settings = self.roster.settings
        week_end = self.sunday + dt.timedelta(days=1)
        out = []
        for household in self.roster.households:
            if not (household.start < week_end and household.end_date(settings) > self.monday):
                continue
            if self.scope.kind is ScopeKind.PERSON:
                if household.carer != self.scope.id:
                    continue
            elif not self.compound_in_scope(household.compound):
                continue
            if self.public:  # no address or note leaves the office
                household = dataclasses.replace(
                    household, head=mask_numbers(household.head), address="", notes=None
                )
            out.append(household)
        return out

    # -- responsibility -----------------------------------------------------------------------

    def duties_for_compound(self, compound_id: str) -> list[Duty]:
        return self._duties_by_compound.get(compound_id, [])

    def duties_for_street(self, street_id: str) -> list[Duty]:
        return self._duties_by_street.get(street_id, [])

    def duty_leader(self, compound_id: str) -> tuple[Person, Duty] | None:
        """The compound's lead official: an active holder of a 包保责任人 duty, else of any duty."""
        if compound_id not in self._leaders:
            self._leaders[compound_id] = self._find_leader(compound_id)
        return self._leaders[compound_id]

    def _find_leader(self, compound_id: str) -> tuple[Person, Duty] | None:
        held = [
            (self.people[d.person], d)
            for d in self.duties_for_compound(compound_id)
            if d.person in self.people and self.people[d.person].active
        ]
        lead = [pair for pair in held if (pair[1].role or "").strip() == LEAD_DUTY_ROLE]
        chosen = lead or held
        return chosen[0] if chosen else None

    def party_groups_for(self, compound_id: str) -> list[PartyGroup]:
        return [g for g in self.roster.party_groups if compound_id in g.compounds]

    # -- order --------------------------------------------------------------------------------

    def post_order(self, post: Post) -> tuple[int, int, int, str]:
        compound = self.compounds.get(post.compound)
        community_rank = self._community_rank.get(compound.community, 1 << 30) if compound else 0
        return (
            community_rank,
            self._compound_rank.get(post.compound, 1 << 30),
            self._post_rank.get(post.id, 1 << 30),
            post.id,
        )

    def _instance_order(self, instance: ShiftInstance) -> tuple[object, ...]:
        shifts = instance.post.shifts_on(instance.date)
        shift_rank = next((i for i, s in enumerate(shifts) if s.name == instance.shift.name), 0)
        return (*self.post_order(instance.post), instance.date, shift_rank)
