"""What a gap's fix offers: the person's shifts, the carer's households, the groups."""

from __future__ import annotations

import datetime as dt

from roster_tui.domain.gaps import Gap, GapKind
from roster_tui.domain.model import Roster
from roster_tui.domain.week import Week
from roster_tui.engine.check import check
from roster_tui.engine.expand import Expander
from roster_tui.interchange import load_roster_file
from roster_tui.services.demo import demo_roster, sample_file
from roster_tui.services.gap_fixes import (
    carer_households,
    gap_key,
    gap_week,
    groups_for_compound,
    other_key,
    person_shifts,
)

TODAY = dt.date(2026, 12, 2)
MONDAY = dt.date(2026, 11, 30)


def _demo() -> Roster:
    return demo_roster(load_roster_file(sample_file()), TODAY)


def _gap(roster: Roster, kind: GapKind) -> Gap:
    return next(g for g in check(roster, MONDAY, MONDAY + dt.timedelta(days=6)) if g.kind == kind)


def test_a_pair_offers_the_later_shift_then_the_earlier() -> None:
    roster = _demo()
    instances = {i.key: i for i in Expander(roster).instances(MONDAY, MONDAY + dt.timedelta(6))}
    for kind in (GapKind.DOUBLE_BOOKED, GapKind.SHORT_REST):
        gap = _gap(roster, kind)
        assert person_shifts(gap, instances) == [gap_key(gap), other_key(gap)]


def test_overtime_offers_every_counted_shift_of_the_week_in_time_order() -> None:
    roster = _demo()
    instances = {i.key: i for i in Expander(roster).instances(MONDAY, MONDAY + dt.timedelta(6))}
    gap = _gap(roster, GapKind.OVERTIME)
    keys = person_shifts(gap, instances)
    assert keys and all(gap.person in instances[k].counted for k in keys)
    starts = [instances[k].start for k in keys]
    assert starts == sorted(starts)
    hours = sum((instances[k].end - instances[k].start).total_seconds() for k in keys) / 3600
    assert hours == gap.hours
    assert gap_week(gap) == Week(MONDAY)


def test_an_overloaded_carer_lists_the_households_of_the_peak_day() -> None:
    roster = _demo()
    gap = _gap(roster, GapKind.CARER_OVERLOADED)
    assert gap.date is not None and gap.person is not None
    found = carer_households(roster, gap.person, gap.date)
    assert len(found) == gap.count
    assert all(h.carer == gap.person and h.active_on(gap.date, roster.settings) for h in found)


def test_a_compound_can_be_taken_by_its_own_communitys_groups() -> None:
    roster = _demo()
    gap = _gap(roster, GapKind.NO_PARTY_GROUP)
    compound = roster.index.compounds[gap.compound or ""]
    groups = groups_for_compound(roster, compound.id)
    assert groups and all(g.community == compound.community for g in groups)
    assert groups_for_compound(roster, "no-such-compound") == []
