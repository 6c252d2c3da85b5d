"""What the today (首页) and gaps (缺口) screens summarise, as plain values.

Who is on duty at a moment, the next handover, gap counts worst first, the quarantine households
of one community, and gaps sorted into groups by kind and community with the screen that can fix
each. Nothing here imports Textual; the screens call these from thread workers.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

import pendulum

from roster_tui.domain.changes import Change
from roster_tui.domain.gaps import Gap, GapKind, UnavailableReason
from roster_tui.domain.instances import ShiftInstance
from roster_tui.domain.kinds import ROW_LISTS
from roster_tui.domain.model import Post, Roster
from roster_tui.engine.check import KIND_ORDER, gap_sort_key
from roster_tui.engine.expand import Expander, InstanceKey
from roster_tui.engine.incremental import GapTracker

_ONE_DAY = dt.timedelta(days=1)
# With a fixed "today" (tests, demos) the clock stands still at this hour, so what the today
# screen shows does not depend on when it is opened.
FROZEN_HOUR = 9


def frozen_moment(day: dt.date, zone: str, hour: int = FROZEN_HOUR) -> dt.datetime:
    """``day`` at ``hour``:00 in ``zone``, zone-aware."""
    return pendulum.datetime(day.year, day.month, day.day, hour, tz=zone)


def current_moment(zone: str) -> dt.datetime:
    return pendulum.now(zone)


# -- places: which community a post, person, street, compound or household belongs to -------


class PlaceIndex:
    """Ids resolved to communities and names, built once per roster."""

    def __init__(self, roster: Roster) -> None:
        self.communities = roster.index.communities
        self.compounds = roster.index.compounds
        self.streets = roster.index.streets
        self.posts = roster.index.posts
        self.people = roster.index.people
        self.households = roster.index.households
        self._community_order = {c.id: i for i, c in enumerate(roster.communities)}

    def community_of_compound(self, compound_id: str | None) -> str | None:
        compound = self.compounds.get(compound_id) if compound_id else None
        return compound.community if compound else None

    def community_of_post(self, post_id: str | None) -> str | None:
        post = self.posts.get(post_id) if post_id else None
        return self.community_of_compound(post.compound) if post else None

    def community_of_gap(self, gap: Gap) -> str | None:
        """The community whose secretary fixes the gap.

        A gap on a shift belongs where the post is, even when it is about a person (a person
        double-booked across two communities is fixed on the post's roster); gaps about a person
        alone belong to the person's community.
        """
        if gap.post is not None:
            return self.community_of_post(gap.post)
        if gap.household is not None:
            household = self.households.get(gap.household)
            return self.community_of_compound(household.compound if household else gap.compound)
        if gap.compound is not None:
            return self.community_of_compound(gap.compound)
        if gap.street is not None:
            street = self.streets.get(gap.street)
            return street.community if street else None
        if gap.person is not None:
            person = self.people.get(gap.person)
            return person.community if person else None
        return None

    def community_rank(self, community_id: str | None) -> int:
        """Communities in the order the roster lists them; gaps with none come last."""
        if community_id is None:
            return len(self._community_order)
        return self._community_order.get(community_id, len(self._community_order))

    def posts_of(self, community_id: str | None) -> list[Post]:
        """The community's posts; None: every post of the sub-district."""
        if community_id is None:
            return list(self.posts.values())
        return [p for p in self.posts.values() if self.community_of_post(p.id) == community_id]


# -- who is on duty ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DutyNow:
    """Each post's instances running at ``moment``, and the soonest handover after it."""

    moment: dt.datetime
    running: list[ShiftInstance]  # in post order, then start
    handover: list[ShiftInstance]  # every instance starting at the next handover instant
    next_start: dict[str, dt.datetime]  # post id -> when its next shift starts
    # Running instance key -> assigned people who do not count on it, and why.
    absent: dict[InstanceKey, dict[str, UnavailableReason]]


def duty_at(roster: Roster, posts: Sequence[Post], moment: dt.datetime) -> DutyNow:
    """Instances of ``posts`` covering ``moment`` and those starting next.

    A shift lasts at most a day (25 hours on a DST day), so an instance running now started
    today or yesterday, and the next one starts today or tomorrow.
    """
    expander = Expander(roster)
    local = pendulum.instance(moment).in_timezone(roster.subdistrict.timezone)
    # A plain date: pendulum's own date arithmetic, done for every shift, costs several times more.
    day = dt.date(local.year, local.month, local.day)
    days = (day - _ONE_DAY, day, day + _ONE_DAY)
    bounds = expander.clock.bounds
    running: list[ShiftInstance] = []
    # By their times first: only the instances shown (running now, or at the next handover)
    # are built with their people, not every instance of the three days.
    upcoming: list[tuple[dt.datetime, Post, dt.date, int]] = []
    for post in posts:
        for when in days:
            for index, shift in enumerate(post.shifts_on(when)):
                start, end, _, _ = bounds(when, shift)
                if start <= moment < end:
                    running.append(expander.build(post, when, index))
                elif start > moment:
                    upcoming.append((start, post, when, index))
    next_start: dict[str, dt.datetime] = {}
    for start, post, _, _ in upcoming:
        known = next_start.get(post.id)
        if known is None or start < known:
            next_start[post.id] = start
    first_start = min(next_start.values(), default=None)
    handover = [
        expander.build(post, when, index)
        for start, post, when, index in upcoming
        if start == first_start
    ]
    absent: dict[InstanceKey, dict[str, UnavailableReason]] = {}
    for instance in running:
        if len(instance.counted) < len(instance.assigned):
            _, _, start_ts, end_ts = expander.clock.bounds(instance.date, instance.shift)
            reasons = {
                person: reason
                for person in instance.assigned
                if (
                    reason := expander.unavailable_reason(
                        person, instance.date, instance.shift, start_ts, end_ts
                    )
                )
                is not None
            }
            absent[instance.key] = reasons
    return DutyNow(moment, running, handover, next_start, absent)


# -- households ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class HouseholdSummary:
    active: int  # in quarantine on the day
    ending: int  # of those, whose last day of quarantine is the day or the next
    without_carer: int  # of those, with no carer named


def household_summary(roster: Roster, community_id: str | None, day: dt.date) -> HouseholdSummary:
    """The community's households on ``day``; None: the whole sub-district's."""
    index = PlaceIndex(roster)
    active = ending = without_carer = 0
    for household in roster.households:
        if (
            community_id is not None
            and index.community_of_compound(household.compound) != community_id
        ):
            continue
        if not household.active_on(day, roster.settings):
            continue
        active += 1
        last_day = household.end_date(roster.settings) - _ONE_DAY
        if last_day <= day + _ONE_DAY:
            ending += 1
        if household.carer is None:
            without_carer += 1
    return HouseholdSummary(active, ending, without_carer)


# -- gaps ------------------------------------------------------------------------------------


def gaps_of_community(
    gaps: Iterable[Gap], index: PlaceIndex, community_id: str | None
) -> list[Gap]:
    """The gaps whose secretary is the community's; None: every gap."""
    if community_id is None:
        return list(gaps)
    return [g for g in gaps if index.community_of_gap(g) == community_id]


def counts_worst_first(gaps: Iterable[Gap]) -> list[tuple[GapKind, int]]:
    """How many gaps of each kind there are, most first (ties in GapKind order); no zeros."""
    counts = Counter(g.kind for g in gaps)
    return sorted(counts.items(), key=lambda item: (-item[1], KIND_ORDER[item[0]]))


@dataclass(frozen=True, slots=True)
class GapRow:
    gap: Gap
    community: str | None
    first_of_kind: bool  # the first row of its kind: where the kind is written
    first_of_group: bool  # the first row of its (kind, community) group


def grouped_rows(
    gaps: Iterable[Gap], index: PlaceIndex, kind: GapKind | None = None
) -> list[GapRow]:
    """Gaps by kind (GapKind order), then community (roster order), then the check's own order."""
    keyed = [
        (KIND_ORDER[g.kind], index.community_rank(c), _when(g), gap_sort_key(g), g, c)
        for g in gaps
        if kind is None or g.kind == kind
        for c in (index.community_of_gap(g),)
    ]
    keyed.sort(key=lambda row: row[:4])
    rows: list[GapRow] = []
    previous: tuple[GapKind, str | None] | None = None
    for *_, gap, community in keyed:
        group = (gap.kind, community)
        rows.append(
            GapRow(
                gap,
                community,
                first_of_kind=previous is None or previous[0] != gap.kind,
                first_of_group=previous != group,
            )
        )
        previous = group
    return rows


def _when(gap: Gap) -> tuple[dt.date, float]:
    """Shifts of one day in the order they start (the check sorts shift names as text)."""
    return (gap.date or dt.date.min, gap.start.timestamp() if gap.start else 0.0)


class FixPlace(StrEnum):
    """Which screen a gap is fixed on."""

    WEEK = "week"
    HOUSEHOLDS = "households"
    PLACES = "places"


_FIX_PLACE = {
    GapKind.UNDERSTAFFED: FixPlace.WEEK,
    GapKind.MISSING_ROLE: FixPlace.WEEK,
    GapKind.UNAVAILABLE: FixPlace.WEEK,
    GapKind.DOUBLE_BOOKED: FixPlace.WEEK,
    GapKind.SHORT_REST: FixPlace.WEEK,
    GapKind.OVERTIME: FixPlace.WEEK,  # the person's week, narrowed to them
    GapKind.CARER_OVERLOADED: FixPlace.HOUSEHOLDS,
    GapKind.HOUSEHOLD_UNCARED: FixPlace.HOUSEHOLDS,
    GapKind.HOUSEHOLD_UNCONTACTED: FixPlace.HOUSEHOLDS,
    GapKind.FEVER: FixPlace.HOUSEHOLDS,
    GapKind.REQUEST_OVERDUE: FixPlace.HOUSEHOLDS,
    GapKind.STREET_UNASSIGNED: FixPlace.PLACES,
    GapKind.COMPOUND_UNASSIGNED: FixPlace.PLACES,
    GapKind.NO_PARTY_GROUP: FixPlace.PLACES,
}


def fix_place(kind: GapKind) -> FixPlace:
    return _FIX_PLACE[kind]


# -- gaps kept current across edits -----------------------------------------------------------

_ROSTER_LISTS = tuple(name for name in ROW_LISTS if name != "overrides")


def _same_rows(old: list[object], new: list[object]) -> bool:
    """The very same row objects in the same order (a copied list of untouched rows is)."""
    return old is new or (
        len(old) == len(new) and all(a is b for a, b in zip(old, new, strict=True))
    )


def override_changes(old: Roster, new: Roster) -> list[Change] | None:
    """The override rows ``new`` has that ``old`` has not and back, when nothing else differs.

    An edit laid over the roster in memory keeps every untouched row as the very same object,
    so comparing rows by identity is exact and cheap; ``None`` means something besides the
    overrides changed (or the roster was reloaded), and only a full check will do.
    """
    if old.subdistrict != new.subdistrict or old.settings != new.settings:
        return None
    if not all(_same_rows(getattr(old, name), getattr(new, name)) for name in _ROSTER_LISTS):
        return None
    before = {id(o): o for o in old.overrides}
    after = {id(o): o for o in new.overrides}
    gone = [Change(o, None) for key, o in before.items() if key not in after]
    came = [Change(None, o) for key, o in after.items() if key not in before]
    return gone + came


class RangeGaps:
    """The gaps of a date range for each roster the screen is handed.

    While the range stays the same and only overrides change (every assign, remove and swap),
    the engine's :class:`GapTracker` updates just the instances and people the edit touched;
    anything else builds a new tracker. Safe to call from several worker threads.

    ``fixed_today`` freezes the care loop's clock (tests, benchmarks) at that day's
    :func:`frozen_moment`; otherwise a new tracker judges contacts and requests at the time
    it is built.
    """

    def __init__(
        self,
        fixed_today: dt.date | None = None,
        *,
        seed: Callable[[Roster, dt.date, dt.date], GapTracker | None] | None = None,
    ) -> None:
        """``seed``: a tracker to start from instead of building one (another's ``fork``)."""
        self._fixed_today = fixed_today
        self._seed = seed
        self._lock = threading.Lock()
        self._tracker: GapTracker | None = None
        self._roster: Roster | None = None

    def fork(self, roster: Roster, first: dt.date, last: dt.date) -> GapTracker | None:
        """A copy of the tracker when it stands at ``roster`` over ``[first, last]``, for
        another screen to follow its own edits with (see :meth:`GapTracker.fork`)."""
        with self._lock:
            tracker = self._tracker
            if tracker is None or self._roster is not roster:
                return None
            if (tracker.first, tracker.last) != (first, last):
                return None
            return tracker.fork()

    def gaps(self, roster: Roster, first: dt.date, last: dt.date) -> list[Gap]:
        with self._lock:
            tracker, seen = self._tracker, self._roster
            if (
                tracker is not None
                and seen is not None
                and (tracker.first, tracker.last)
                == (
                    first,
                    last,
                )
            ):
                if roster is seen:
                    return tracker.gaps
                changes = override_changes(seen, roster)
                if changes is not None:
                    try:
                        tracker.apply(changes)
                    except ValueError:  # the tracker lost step with the roster: start afresh
                        changes = None
                if changes is not None:
                    self._roster = roster
                    return tracker.gaps
            seeded = self._seed(roster, first, last) if self._seed is not None else None
            if seeded is None:
                now = None
                if self._fixed_today is not None:
                    now = frozen_moment(self._fixed_today, roster.subdistrict.timezone)
                seeded = GapTracker(roster, first, last, now=now)
            self._tracker = seeded
            self._roster = roster
            return seeded.gaps
