"""The large benchmark sub-district survives a dump and a load unchanged (bench/ times them)."""

from __future__ import annotations

import datetime as dt

from roster_tui.domain.model import (
    Community,
    Compound,
    CompoundKind,
    Duty,
    Household,
    Leave,
    Override,
    Person,
    Post,
    Role,
    Roster,
    Rotation,
    ShiftPattern,
    Subdistrict,
)
from roster_tui.interchange import dumps_roster, loads_roster

START = dt.date(2026, 11, 30)
THREE_SHIFTS = tuple(
    ShiftPattern(name, start, (start + 480) % 1440, need=2)
    for name, start in (("早班", 0), ("中班", 480), ("晚班", 960))
)


def large_roster() -> Roster:
    """15 communities, 300 compounds and posts, 2,000 people, 5,000 households, 4 weeks."""
    communities = [Community(f"c{i:02d}", f"第{i}社区") for i in range(15)]
    compounds = [
        Compound(f"k{i:03d}", f"{i}号院", f"c{i % 15:02d}", list(CompoundKind)[i % 3], None, 100)
        for i in range(300)
    ]
    people = [
        Person(f"p{i:04d}", "张伟" if i % 50 == 0 else f"居民{i}", f"138{i:08d}",
               f"c{i % 15:02d}", (Role.PARTY_MEMBER,) if i % 3 else (Role.VOLUNTEER,),
               available=("mon-fri 18:00-24:00", "sat,sun 00:00-24:00") if i % 7 == 0 else None)
        for i in range(2000)
    ]  # fmt: skip
    posts = [Post(f"x{i:03d}", f"{i}号院门岗", f"k{i:03d}", THREE_SHIFTS) for i in range(300)]
    end = START + dt.timedelta(days=27)
    rotations = [
        Rotation(f"r{i:03d}", f"x{i:03d}", tuple(f"p{(6 * i + j) % 2000:04d}" for j in range(6)),
                 START, end)
        for i in range(300)
    ]  # fmt: skip
    overrides = [
        Override(f"x{i % 300:03d}", START + dt.timedelta(days=i % 28), "中班",
                 (f"p{(6 * (i % 300)) % 2000:04d}",), (f"p{1800 + i % 200:04d}",))
        for i in range(500)
    ]  # fmt: skip
    leaves = [
        Leave(f"p{i * 6:04d}", dt.datetime(2026, 12, 1 + i % 20, 8),
              dt.datetime(2026, 12, 3 + i % 20, 8))
        for i in range(300)
    ]  # fmt: skip
    households = [
        Household(f"h{i:05d}", f"k{i % 300:03d}", f"{i % 30}号楼{i % 6}单元{i % 40}01", "李某",
                  f"139{i:08d}", 1 + i % 5, START + dt.timedelta(days=i % 20),
                  carer=f"p{i % 2000:04d}", notes="孕妇" if i % 97 == 0 else None)
        for i in range(5000)
    ]  # fmt: skip
    duties = [Duty(f"p{i:04d}", compound=f"k{i:03d}") for i in range(300)]
    return Roster(
        Subdistrict("文化路街道"),
        communities=communities,
        compounds=compounds,
        people=people,
        posts=posts,
        rotations=rotations,
        overrides=overrides,
        leaves=leaves,
        duties=duties,
        households=households,
    )


def test_the_large_sub_district_dumps_and_loads_back_unchanged() -> None:
    # bench/run.py times this; the test holds the round trip at the benchmark's full size.
    roster = large_roster()
    assert loads_roster(dumps_roster(roster)) == roster
