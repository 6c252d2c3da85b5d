"""The demo sub-district (sample_data/wenhualu.toml): what a new user sees first.

It must load cleanly, be big enough to feel real, look healthy around its anchor week 2026-W49
and still show each kind of gap once or twice, so the gap finder has something to find.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

import pendulum
import pytest

from roster_tui.domain.gaps import GapKind
from roster_tui.domain.model import CompoundKind, Roster
from roster_tui.engine.check import check
from roster_tui.interchange import load_roster_file
from roster_tui.services.demo import SAMPLE_WEEK, demo_roster, sample_file

SAMPLE_DIR = Path(__file__).resolve().parents[2] / "sample_data"
SAMPLE = SAMPLE_DIR / "wenhualu.toml"
W49 = (dt.date(2026, 11, 30), dt.date(2026, 12, 6))
INSTANCE_KINDS = {
    GapKind.UNDERSTAFFED,
    GapKind.MISSING_ROLE,
    GapKind.DOUBLE_BOOKED,
    GapKind.SHORT_REST,
    GapKind.OVERTIME,
    GapKind.UNAVAILABLE,
}


def _maker() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_wenhualu", SAMPLE_DIR / "make_wenhualu.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def maker() -> ModuleType:
    return _maker()


@pytest.fixture(scope="module")
def sample() -> Roster:
    return load_roster_file(SAMPLE)


def _kinds(roster: Roster, first: dt.date, last: dt.date) -> Counter[str]:
    """Gap kinds of the range, as seen on its Wednesday morning (when the file's story is told)."""
    now = pendulum.datetime(first.year, first.month, first.day, 9, tz="Asia/Shanghai")
    return Counter(gap.kind.value for gap in check(roster, first, last, now=now.add(days=2)))


def test_the_demo_command_reads_this_file() -> None:
    assert sample_file().resolve() == SAMPLE
    assert (SAMPLE_WEEK.monday, SAMPLE_WEEK.sunday) == W49


def test_the_committed_file_is_what_its_generator_writes(maker: ModuleType) -> None:
    roster, notes = maker.build()
    assert SAMPLE.read_text(encoding="utf-8") == maker.render_roster(roster, notes)


def test_the_file_loads_into_exactly_the_generated_roster(maker: ModuleType, sample: Roster):
    roster, _ = maker.build()
    assert sample == roster


def test_the_file_opens_with_comments_that_explain_it() -> None:
    head = SAMPLE.read_text(encoding="utf-8").splitlines()[:12]
    assert all(line.startswith("#") or not line for line in head)
    assert any("2026-11-30" in line for line in head)


def test_the_sub_district_has_the_promised_sizes(sample: Roster) -> None:
    assert sample.subdistrict.name == "文化路街道"
    assert sample.subdistrict.timezone == "Asia/Shanghai"
    assert len(sample.communities) >= 3
    assert len(sample.compounds) >= 20
    assert {c.kind for c in sample.compounds} == set(CompoundKind)
    assert len(sample.posts) >= 20
    assert len(sample.people) >= 120
    assert len(sample.households) >= 40
    assert len(sample.rotations) >= 20
    assert sample.overrides and sample.leaves and sample.duties and sample.party_groups


def test_namesakes_are_told_apart_by_community_and_phone(sample: Roster) -> None:
    by_name = Counter(p.name for p in sample.people)
    assert by_name["张伟"] >= 2 and by_name["王芳"] >= 2 and by_name["李娜"] >= 2
    zhang_wei = [p for p in sample.people if p.name == "张伟"]
    assert len({p.community for p in zhang_wei}) >= 2
    assert len({p.phone for p in sample.people}) == len(sample.people)


def test_phones_are_well_formed_and_obviously_fictional(sample: Roster) -> None:
    phones = [p.phone for p in sample.people] + [h.phone for h in sample.households]
    assert all(len(phone) == 11 and phone.isdigit() for phone in phones)
    assert all(phone.startswith(("1380000", "1390000")) for phone in phones)


def test_shift_patterns_include_overnight_24_hour_and_midnight_endings(sample: Roster) -> None:
    shifts = [s for post in sample.posts for s in post.shifts]
    assert any(s.start == s.end for s in shifts)  # 24-hour duty, 08:00-08:00
    assert any(s.end < s.start for s in shifts)  # overnight, 20:00-08:00
    assert any(s.end == 24 * 60 for s in shifts)
    assert any(s.need_role is not None for s in shifts)
    assert {s.name for s in shifts} >= {"白班", "夜班", "早班", "中班", "晚班"}


def test_people_vary_in_roles_availability_limits_and_activity(sample: Roster) -> None:
    assert len({role for p in sample.people for role in p.roles}) >= 6
    windows = {w for p in sample.people for w in p.available or ()}
    assert {"mon-fri 18:00-24:00", "sat,sun 00:00-24:00"} <= windows
    assert any(p.max_hours_per_week is not None for p in sample.people)
    assert 1 <= sum(not p.active for p in sample.people) <= 6


def test_rotations_overrides_and_leaves_use_the_whole_vocabulary(sample: Roster) -> None:
    assert any(r.per_slot is not None for r in sample.rotations)
    assert any(r.end is not None for r in sample.rotations)
    assert any(o.remove and o.add for o in sample.overrides)  # 换班
    assert any(o.add and not o.remove for o in sample.overrides)  # 顶班
    assert {"病假", "外出", "自身隔离"} <= {lv.reason for lv in sample.leaves}
    near = (W49[0] - dt.timedelta(weeks=3), W49[1] + dt.timedelta(weeks=3))
    dates = [r.start for r in sample.rotations] + [o.date for o in sample.overrides]
    dates += [lv.start.date() for lv in sample.leaves] + [h.start for h in sample.households]
    assert all(near[0] <= day <= near[1] for day in dates)


def test_households_carry_addresses_heads_notes_and_carers(sample: Roster) -> None:
    assert all(h.head.endswith("某") and "号楼" in h.address for h in sample.households)
    notes = {h.notes for h in sample.households if h.notes}
    assert {"孕妇，需产检报备", "独居老人", "需代购药品"} & notes
    assert sum(h.carer is not None for h in sample.households) >= 38


def test_week_49_shows_each_deliberate_gap_and_little_else(maker, sample: Roster) -> None:
    kinds = _kinds(sample, *W49)
    assert kinds == Counter(maker.EXPECTED_GAPS_W49)
    assert set(kinds) == set(GapKind)
    assert sum(kinds.values()) <= 30


def test_the_person_on_leave_is_reported_for_leave(sample: Roster) -> None:
    unavailable = [g for g in check(sample, *W49) if g.kind is GapKind.UNAVAILABLE]
    assert [g.reason for g in unavailable] == ["leave"]


def test_the_weeks_around_it_are_fully_staffed(sample: Roster) -> None:
    for weeks in (-1, 1, 2):
        first = W49[0] + dt.timedelta(weeks=weeks)
        kinds = _kinds(sample, first, first + dt.timedelta(days=6))
        assert not INSTANCE_KINDS & set(kinds), (first, kinds)


def test_moved_to_another_week_the_demo_shows_the_same_gaps(sample: Roster) -> None:
    today = dt.date(2027, 3, 17)  # a Wednesday, 15 weeks later
    moved = demo_roster(sample, today)
    monday = today - dt.timedelta(days=today.weekday())
    assert _kinds(moved, monday, monday + dt.timedelta(days=6)) == _kinds(sample, *W49)
