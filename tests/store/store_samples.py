"""Rosters built straight from the domain model for the store's tests."""

from __future__ import annotations

import datetime as dt

from roster_tui.domain.model import (
    Community,
    Compound,
    CompoundKind,
    Contact,
    ContactMethod,
    Duty,
    Household,
    Leave,
    Override,
    PartyGroup,
    Person,
    Post,
    Request,
    RequestKind,
    Role,
    Roster,
    Rotation,
    Settings,
    ShiftPattern,
    Street,
    Subdistrict,
)

DAY = ShiftPattern("白班", 8 * 60, 20 * 60, 2, Role.PARTY_MEMBER)
NIGHT = ShiftPattern("夜班", 20 * 60, 8 * 60, 1)


def small_roster() -> Roster:
    """Every entity type, every optional field both set and unset, and a reference cycle."""
    return Roster(
        subdistrict=Subdistrict("文化路街道", "Asia/Shanghai"),
        settings=Settings(min_rest_hours=10, max_hours_per_week=48.5, quarantine_days=7),
        communities=[Community("c02", "西湖社区"), Community("c01", "东风社区")],
        streets=[Street("s01", "文化路", "c01")],
        compounds=[
            Compound("k002", "=SUM(A1)", "c02", CompoundKind.RENTAL),
            Compound("k001", "农科路12号院", "c01", CompoundKind.UNMANAGED, "s01", 120),
        ],
        party_groups=[PartyGroup("g01", "农科路12号院党小组", "c01", ("k001", "k002"), "p001")],
        people=[
            Person(
                "p001",
                "张伟",
                "13800000001",
                "c01",
                (Role.PARTY_MEMBER, Role.CADRE),
                party_group="g01",
                max_hours_per_week=40,
                available=("mon-fri 18:00-24:00", "sat,sun 00:00-24:00"),
            ),
            Person("p002", "张伟", "13800000002", "c01", (Role.VOLUNTEER,)),
            Person("p003", "李娜", "13800000003", "c02", available=(), active=False),
            Person("p004", "王芳", "13800000004", "c02", (Role.DOCTOR,), max_hours_per_week=30.5),
        ],
        posts=[
            Post("x001", "农科路12号院东门", "k001", (DAY, NIGHT)),
            Post("x002", "西湖小区北门", "k002", (ShiftPattern("全天", 0, 0, 1),)),
        ],
        rotations=[
            Rotation("r001", "x001", ("p001", "p002", "p004"), dt.date(2026, 12, 1)),
            Rotation(
                "r002",
                "x001",
                ("p004", "p002"),
                dt.date(2026, 12, 1),
                dt.date(2026, 12, 31),
                ("夜班",),
                1,
            ),
        ],
        overrides=[
            Override("x001", dt.date(2026, 12, 3), "白班", remove=("p002",), add=("p004", "p003")),
            Override("x002", dt.date(2026, 12, 4), "全天", add=("p001",)),
        ],
        leaves=[
            Leave("p003", dt.datetime(2026, 12, 2), dt.datetime(2026, 12, 5), "病假"),
            Leave("p001", dt.datetime(2026, 12, 6, 8, 30), dt.datetime(2026, 12, 6, 12)),
        ],
        duties=[
            Duty("p001", compound="k001", role="包保责任人"),
            Duty("p002", street="s01"),
        ],
        households=[
            Household(
                "h0001", "k001", "3号楼2单元401", "李某", "13900000000", 3, dt.date(2026, 12, 1)
            ),
            Household(
                "h0002",
                "k002",
                "5号楼101",
                "赵某",
                "13900000001",
                1,
                dt.date(2026, 12, 2),
                days=21,
                carer="p004",
                notes="孕妇，需产检报备\n\x1b[31m",
            ),
        ],
        contacts=[
            Contact("h0002", dt.date(2026, 12, 2), "p004", ContactMethod.PHONE, 36.8),
            Contact("h0002", dt.date(2026, 12, 3), "p001", ContactMethod.VISIT, 37.9, "退烧药"),
        ],
        requests=[
            Request(
                "q0001",
                "h0002",
                RequestKind.MEDICAL_OUTING,
                dt.datetime(2026, 12, 3, 9, 30),
                "产检报备",
                handler="p001",
                done=dt.datetime(2026, 12, 3, 15, 0),
            ),
            Request(
                "q0002", "h0002", RequestKind.SUPPLIES, dt.datetime(2026, 12, 3, 9, 45), "退烧药"
            ),
        ],
    )


def large_roster() -> Roster:
    """The benchmark's size: 15 communities, 300 posts × 3 shifts, 2,000 people, 5,000 homes."""
    start = dt.date(2026, 11, 30)
    shifts = tuple(ShiftPattern(f"班{i}", i * 480, (i + 1) * 480 % 1440, 2) for i in range(3))
    communities = [Community(f"c{i:02d}", f"社区{i}") for i in range(15)]
    streets = [Street(f"s{i:03d}", f"街{i}", f"c{i % 15:02d}") for i in range(60)]
    kinds = list(CompoundKind)
    compounds = [
        Compound(f"k{i:03d}", f"楼院{i}", f"c{i % 15:02d}", kinds[i % 3], f"s{i % 60:03d}", 100)
        for i in range(300)
    ]
    people = [
        Person(
            f"p{i:04d}",
            f"人员{i}",
            f"138{i:08d}",
            f"c{i % 15:02d}",
            (Role.PARTY_MEMBER,) if i % 2 else (Role.VOLUNTEER, Role.GRID_WORKER),
            party_group=f"g{i % 100:03d}" if i % 2 else None,
            available=None if i % 5 else ("mon-fri 08:00-24:00",),
        )
        for i in range(2000)
    ]
    groups = [
        PartyGroup(
            f"g{i:03d}", f"党小组{i}", f"c{i % 15:02d}", (f"k{3 * i + 1:03d}",), f"p{2 * i + 1:04d}"
        )
        for i in range(100)
    ]
    posts = [Post(f"x{i:03d}", f"卡点{i}", f"k{i:03d}", shifts) for i in range(300)]
    rotations = [
        Rotation(
            f"r{i:03d}",
            f"x{i // 2:03d}",
            tuple(f"p{(i * 3 + j) % 2000:04d}" for j in range(6)),
            start,
            start + dt.timedelta(days=27),
            (shifts[i % 2].name,) if i % 2 else (shifts[0].name, shifts[2].name),
        )
        for i in range(600)
    ]
    overrides = [
        Override(
            f"x{i % 300:03d}",
            start + dt.timedelta(days=i % 28),
            shifts[i % 3].name,
            remove=(f"p{i % 2000:04d}",),
            add=(f"p{(i + 7) % 2000:04d}",),
        )
        for i in range(500)
    ]
    leaves = [
        Leave(
            f"p{i * 5:04d}",
            dt.datetime(2026, 12, 1 + i % 20, 8),
            dt.datetime(2026, 12, 3 + i % 20, 8),
            "事假",
        )
        for i in range(300)
    ]
    duties = [Duty(f"p{i:04d}", compound=f"k{i:03d}") for i in range(300)]
    duties += [Duty(f"p{i + 300:04d}", street=f"s{i:03d}") for i in range(60)]
    households = [
        Household(
            f"h{i:04d}",
            f"k{i % 300:03d}",
            f"{i % 30}号楼{i % 6 + 1}单元{i % 20 + 1:02d}01",
            f"户主{i}",
            f"139{i:08d}",
            1 + i % 5,
            start + dt.timedelta(days=i % 28),
            carer=f"p{i % 2000:04d}" if i % 10 else None,
        )
        for i in range(5000)
    ]
    return Roster(
        Subdistrict("大型街道"),
        Settings(),
        communities,
        streets,
        compounds,
        groups,
        people,
        posts,
        rotations,
        overrides,
        leaves,
        duties,
        households,
    )
