"""What a gap's fix offers: which shifts a person gap can be mended on, which households an
overloaded carer can hand over, which party groups can take a compound.

Plain values for the screens that open the fix; nothing here imports Textual.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from roster_tui.domain.gaps import Gap, GapKind
from roster_tui.domain.instances import ShiftInstance
from roster_tui.domain.model import Household, PartyGroup, Roster
from roster_tui.domain.week import Week
from roster_tui.engine.expand import InstanceKey

# Gaps about one person on one or two shifts (or a week of them): mended by taking the person
# off a shift, or putting someone else in their place.
PERSON_SHIFT_KINDS = frozenset(
    {GapKind.DOUBLE_BOOKED, GapKind.SHORT_REST, GapKind.UNAVAILABLE, GapKind.OVERTIME}
)
# Gaps of a shift short of people: mended by assigning someone.
SEAT_KINDS = frozenset({GapKind.UNDERSTAFFED, GapKind.MISSING_ROLE})


def gap_key(gap: Gap) -> InstanceKey | None:
    """The shift instance a gap names (the later one of a pair), if it names one."""
    if gap.post is None or gap.date is None or gap.shift is None:
        return None
    return (gap.post, gap.date, gap.shift)


def other_key(gap: Gap) -> InstanceKey | None:
    """The earlier instance of a double-booked or short-rest pair."""
    if gap.other_post is None or gap.other_date is None or gap.other_shift is None:
        return None
    return (gap.other_post, gap.other_date, gap.other_shift)


def gap_week(gap: Gap) -> Week | None:
    """The week the gap is in: its shift's or its day's, or the week it names."""
    return Week.of(gap.date) if gap.date is not None else gap.week


def person_shifts(gap: Gap, instances: Mapping[InstanceKey, ShiftInstance]) -> list[InstanceKey]:
    """The shifts of the gap's person the fix offers, the gap's own first.

    An unavailable person: the shift they cannot take. A pair: the later shift, then the
    earlier. Too many hours: every shift of theirs in the week that counts, in time order.
    """
    if gap.person is None:
        return []
    if gap.kind is GapKind.OVERTIME:
        mine = [i for i in instances.values() if gap.person in i.counted]
        return [i.key for i in sorted(mine, key=lambda i: (i.start, i.end, i.post.id))]
    keys = [gap_key(gap)]
    if gap.kind in (GapKind.DOUBLE_BOOKED, GapKind.SHORT_REST):
        keys.append(other_key(gap))
    return [k for k in keys if k is not None and k in instances]


def carer_households(roster: Roster, carer: str, day: dt.date) -> list[Household]:
    """The households ``carer`` looks after that are in quarantine on ``day``, by address."""
    settings = roster.settings
    mine = [h for h in roster.households if h.carer == carer and h.active_on(day, settings)]
    return sorted(mine, key=lambda h: (h.compound, h.address, h.id))


def groups_for_compound(roster: Roster, compound_id: str) -> list[PartyGroup]:
    """The party groups that could take a compound: its community's, fewest compounds first."""
    compound = roster.index.compounds.get(compound_id)
    if compound is None:
        return []
    groups = [g for g in roster.party_groups if g.community == compound.community]
    return sorted(groups, key=lambda g: (len(g.compounds), g.id))
