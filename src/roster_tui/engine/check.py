"""The gap check (docs/format.md): every kind of 缺口 over a date range, as :class:`Gap` values.

Gaps fall in three groups by what they depend on, and the incremental tracker relies on it:
instance gaps (understaffed, missing_role, unavailable) depend on one instance only; person gaps
(double_booked, short_rest, overtime) on one person's counted instances only; the rest (streets,
compounds, households, carers, and the care loop's contacts, fevers and requests) on neither
shifts nor overrides. The care loop's gaps also depend on the check's clock (``now``).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import defaultdict
from collections.abc import Iterable, Sequence

from roster_tui.domain.gaps import Gap, GapKind
from roster_tui.domain.instances import ShiftInstance
from roster_tui.domain.model import Roster
from roster_tui.domain.week import Week
from roster_tui.engine.care import care_gaps
from roster_tui.engine.clock import ZoneClock
from roster_tui.engine.coverage import coverage_gaps
from roster_tui.engine.expand import Expander, Timed
from roster_tui.engine.gc_pause import gc_paused

KIND_ORDER = {kind: i for i, kind in enumerate(GapKind)}
_NO_DATE = dt.date.min


def instance_gaps(instance: ShiftInstance, expander: Expander) -> list[Gap]:
    """understaffed, missing_role and unavailable gaps of one instance."""
    gaps: list[Gap] = []
    post, shift, day = instance.post.id, instance.shift.name, instance.date
    counted = instance.counted
    if len(counted) < instance.shift.need:
        gaps.append(
            Gap(
                GapKind.UNDERSTAFFED,
                post=post,
                date=day,
                shift=shift,
                start=instance.start,
                end=instance.end,
                need=instance.shift.need,
                have=len(counted),
                people=tuple(sorted(counted)),
            )
        )
    role = instance.shift.need_role
    if role is not None:
        people = expander.people
        if not any(role in people[p].roles for p in counted):
            gaps.append(
                Gap(
                    GapKind.MISSING_ROLE,
                    post=post,
                    date=day,
                    shift=shift,
                    start=instance.start,
                    end=instance.end,
                    role=role.value,
                )
            )
    if len(counted) < len(instance.assigned):
        _, _, start_ts, end_ts = expander.clock.bounds(day, instance.shift)
        for person in instance.assigned:
            reason = expander.unavailable_reason(person, day, instance.shift, start_ts, end_ts)
            if reason is not None:
                gaps.append(
                    Gap(
                        GapKind.UNAVAILABLE,
                        person=person,
                        post=post,
                        date=day,
                        shift=shift,
                        start=instance.start,
                        end=instance.end,
                        reason=reason.value,
                    )
                )
    return gaps


def _pair_gap(
    kind: GapKind, person: str, later: ShiftInstance, earlier: ShiftInstance, hours: float | None
) -> Gap:
    return Gap(
        kind,
        person=person,
        post=later.post.id,
        date=later.date,
        shift=later.shift.name,
        start=later.start,
        end=later.end,
        other_post=earlier.post.id,
        other_date=earlier.date,
        other_shift=earlier.shift.name,
        hours=hours,
    )


_week_of = functools.cache(Week.of)


def timed(instance: ShiftInstance, expander: Expander) -> Timed:
    """The row of an instance expanded elsewhere (see :data:`~roster_tui.engine.expand.Timed`)."""
    _, _, start_ts, end_ts = expander.clock.bounds(instance.date, instance.shift)
    post = instance.post
    if post.earlier:  # a post whose shifts changed: the place in that day's pattern
        order = expander.shift_order(post.id, instance.date, instance.shift.name)
        assert order is not None  # the instance was expanded from that pattern
    else:
        order = expander.shift_index[post.id][instance.shift.name]
    return (start_ts, end_ts, instance.post.id, order, _week_of(instance.date), instance)


def person_gaps(person: str, instances: list[Timed], expander: Expander) -> list[Gap]:
    """double_booked, short_rest and overtime gaps of one person's counted in-range instances."""
    settings = expander.roster.settings
    ordered = sorted(instances)  # rows order by start, end, post, shift: see Timed
    gaps: list[Gap] = []
    min_rest = settings.min_rest_hours * 3600
    starts = [row[0] for row in ordered]
    count = len(ordered)
    for i in range(count - 1):
        earlier_end = ordered[i][1]
        if starts[i + 1] >= earlier_end + min_rest:
            continue  # the next one starts late enough, and every later one later still
        earlier = ordered[i][5]
        for j in range(i + 1, count):
            later_start = starts[j]
            if later_start >= earlier_end + min_rest:
                break
            later = ordered[j][5]
            if later_start < earlier_end:
                gaps.append(_pair_gap(GapKind.DOUBLE_BOOKED, person, later, earlier, None))
            else:
                rest = (later_start - earlier_end) / 3600
                gaps.append(_pair_gap(GapKind.SHORT_REST, person, later, earlier, rest))
    # By Monday, a plain date: a Week hashes and compares in Python, twice a row.
    weekly: dict[dt.date, float] = {}
    for start_ts, end_ts, _, _, week, _ in ordered:
        monday = week.monday
        weekly[monday] = weekly.get(monday, 0.0) + end_ts - start_ts
    found = expander.people.get(person)
    limit = settings.max_hours_per_week
    if found is not None and found.max_hours_per_week is not None:
        limit = found.max_hours_per_week
    for monday, seconds in sorted(weekly.items()):
        if seconds / 3600 > limit:
            gaps.append(
                Gap(
                    GapKind.OVERTIME,
                    person=person,
                    week=Week(monday),
                    hours=seconds / 3600,
                    max=limit,
                )
            )
    return gaps


def counted_by_person(rows: Iterable[Timed]) -> dict[str, list[Timed]]:
    by_person: dict[str, list[Timed]] = defaultdict(list)
    for row in rows:
        for person in row[5].counted:
            by_person[person].append(row)
    return by_person


def gap_sort_key(gap: Gap) -> tuple[object, ...]:
    """A total order on gaps: by kind, then date, place and person."""
    return (
        KIND_ORDER[gap.kind],
        gap.date or _NO_DATE,
        gap.post or "",
        gap.shift or "",
        gap.person or "",
        gap.week.monday if gap.week else _NO_DATE,
        gap.street or "",
        gap.compound or "",
        gap.household or "",
        gap.request or "",
        gap.other_date or _NO_DATE,
        gap.other_post or "",
        gap.other_shift or "",
    )


def moment(now: dt.datetime | None, clock: ZoneClock) -> dt.datetime:
    """The check's "now": as given (zone-aware), else the current time in the sub-district."""
    return now if now is not None else dt.datetime.now(clock.zone)


def _check_rows(
    roster: Roster,
    rows: list[Timed],
    first: dt.date,
    last: dt.date,
    expander: Expander,
    now: dt.datetime | None,
) -> list[Gap]:
    gaps: list[Gap] = []
    for row in rows:
        instance = row[5]
        counted, shift = instance.counted, instance.shift
        # Most instances are fully staffed by people who all count: skip them fast.
        if len(counted) < shift.need or shift.need_role or len(counted) < len(instance.assigned):
            gaps.extend(instance_gaps(instance, expander))
    for person, theirs in counted_by_person(rows).items():
        gaps.extend(person_gaps(person, theirs, expander))
    gaps.extend(coverage_gaps(roster, first, last, expander.clock))
    gaps.extend(care_gaps(roster, first, last, moment(now, expander.clock), expander.clock))
    gaps.sort(key=gap_sort_key)
    return gaps


def check_instances(
    roster: Roster,
    instances: Sequence[ShiftInstance],
    first: dt.date,
    last: dt.date,
    expander: Expander | None = None,
    *,
    now: dt.datetime | None = None,
) -> list[Gap]:
    """All gaps, given the range's instances already expanded (as the week grid has them).

    Instances outside ``[first, last]`` are ignored, so the pair and overtime rules see the
    range only.
    """
    with gc_paused():
        expander = expander or Expander(roster)
        rows = [timed(i, expander) for i in instances if first <= i.date <= last]
        return _check_rows(roster, rows, first, last, expander, now)


def check(
    roster: Roster, first: dt.date, last: dt.date, *, now: dt.datetime | None = None
) -> list[Gap]:
    """Every gap in ``roster`` over ``[first, last]`` (docs/format.md), by :func:`gap_sort_key`.

    ``now`` (zone-aware) is the moment the care loop's gaps are judged at; by default the
    current time in the sub-district's zone.
    """
    with gc_paused():
        expander = Expander(roster)
        rows = expander.timed_instances(first, last)
        return _check_rows(roster, rows, first, last, expander, now)
