"""A small sub-district with awkward names, and its shift instances built by hand.

Two communities, four compounds (one with no post, one with no duty), three posts with day,
night and 24-hour shifts, an inactive person, a leave, and names that look like formulas,
hold escape sequences or lie outside the Basic Multilingual Plane.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from roster_tui.domain.instances import ShiftInstance
from roster_tui.domain.model import (
    Community,
    Compound,
    CompoundKind,
    Duty,
    Household,
    Leave,
    PartyGroup,
    Person,
    Post,
    Role,
    Roster,
    ShiftPattern,
    Street,
    Subdistrict,
)
from roster_tui.domain.week import Week

MONDAY = dt.date(2026, 11, 30)  # ISO week 2026-W49
WEEK = Week(MONDAY)
PRINTED_AT = dt.datetime(2026, 11, 28, 9, 30)

# Every display name the writers must carry intact (after sanitizing) through every format.
PLAIN_NAMES = ("张伟", "李娜", "𠮷明", "欧阳秀英")
HOSTILE_NAMES = ("=1+2", "-赵六", "@钱七", "+周九")
ESCAPE_NAME = "王\x1b[31m红\u202e"


def _people() -> list[Person]:
    rows = [
        ("p001", "张伟", "13800000001", "c01", (Role.PARTY_MEMBER, Role.CADRE)),
        ("p002", "李娜", "13800000002", "c01", (Role.VOLUNTEER,)),
        ("p003", "=1+2", "13800000003", "c01", (Role.VOLUNTEER,)),
        ("p004", ESCAPE_NAME, "13800000004", "c01", (Role.PARTY_MEMBER,)),
        ("p005", "𠮷明", "13800000005", "c02", (Role.PARTY_MEMBER,)),
        ("p006", "-赵六", "13800000006", "c02", (Role.VOLUNTEER,)),
        ("p007", "@钱七", "13800000007", "c02", (Role.GRID_WORKER,)),
        ("p009", "+周九", "+86 139 0000 0009", "c02", (Role.DOCTOR,)),
        ("p010", "欧阳秀英", "13800000010", "c01", (Role.BUILDING_CAPTAIN, Role.PARTY_MEMBER)),
    ]
    people = [Person(pid, name, phone, c, roles) for pid, name, phone, c, roles in rows]
    people.append(Person("p008", "孙八", "13800000008", "c01", (Role.VOLUNTEER,), active=False))
    return people


def _posts() -> list[Post]:
    day = ShiftPattern("白班", 8 * 60, 20 * 60, need=2, need_role=Role.PARTY_MEMBER)
    night = ShiftPattern("夜班", 20 * 60, 8 * 60, need=1)
    whole_day = ShiftPattern("全天", 0, 1440, need=1)
    return [
        Post("x001", "农科路12号院东门", "k001", (day, night)),
        Post("x002", "金水花园南门", "k002", (whole_day,)),
        Post("x003", "吉祥里1号楼", "k003", (ShiftPattern("白班", 480, 1200, 1), night)),
    ]


def build_roster(timezone: str = "Asia/Shanghai") -> Roster:
    return Roster(
        subdistrict=Subdistrict("文化路街道", timezone),
        communities=[Community("c01", "东风社区"), Community("c02", "𠮷祥社区")],
        streets=[Street("s01", "文化路", "c01"), Street("s02", "农业路", "c01")],
        compounds=[
            Compound("k001", "农科路12号院", "c01", CompoundKind.UNMANAGED, "s01", 120),
            Compound("k002", "金水花园", "c01", CompoundKind.MANAGED),
            Compound("k003", "吉祥里", "c02", CompoundKind.RENTAL),
            Compound("k004", "老粮站家属院", "c02", CompoundKind.UNMANAGED),
        ],
        party_groups=[PartyGroup("g01", "农科路12号院党小组", "c01", ("k001",), "p001")],
        people=_people(),
        posts=_posts(),
        duties=[
            Duty("p001", street="s01", role="包街干部"),
            Duty("p010", compound="k001", role="楼栋长"),
            Duty("p001", compound="k001", role="包保责任人"),
            Duty("p002", compound="k002", role="包保责任人"),
            Duty("p008", compound="k003", role="包保责任人"),
        ],
        households=[
            Household(
                "h0001",
                "k001",
                "3号楼2单元401",
                "李某",
                "13900000000",
                3,
                dt.date(2026, 11, 25),
                carer="p002",
                notes="孕妇，需产检报备",
            ),
            Household(
                "h0002",
                "k003",
                "=cmd|' /C calc'!A0",
                "𠮷某",
                "13900000001",
                1,
                dt.date(2026, 12, 3),
                days=7,
            ),
            Household(
                "h0003",
                "k003",
                "5号楼101",
                "赵某",
                "13900000002",
                2,
                dt.date(2026, 11, 20),
                carer="p006",
            ),
        ],
        leaves=[Leave("p006", dt.datetime(2026, 12, 1), dt.datetime(2026, 12, 3), "病假")],
    )


def make_instance(
    roster: Roster, post_id: str, day: dt.date, shift_name: str, assigned: tuple[str, ...]
) -> ShiftInstance:
    """An instance with wall-clock bounds in the sub-district's zone; inactive people uncounted."""
    zone = ZoneInfo(roster.subdistrict.timezone)
    post = next(p for p in roster.posts if p.id == post_id)
    shift = post.shift(shift_name)
    assert shift is not None
    start = dt.datetime.combine(day, dt.time()) + dt.timedelta(minutes=shift.start)
    end_day = day + dt.timedelta(days=1 if shift.overnight else 0)
    end = dt.datetime.combine(end_day, dt.time()) + dt.timedelta(minutes=shift.end % 1440)
    if shift.end == 1440:
        end = dt.datetime.combine(day + dt.timedelta(days=1), dt.time())
    active = {p.id for p in roster.people if p.active}
    return ShiftInstance(
        post=post,
        shift=shift,
        date=day,
        start=start.replace(tzinfo=zone),
        end=end.replace(tzinfo=zone),
        assigned=assigned,
        counted=tuple(p for p in assigned if p in active),
    )


# Who stands where on each day of the week (index 0 = Monday).
DAY_PAIRS = [
    ("p001", "p002"),
    ("p004", "p003"),
    ("p010", "p002"),
    ("p001",),
    (),
    ("p010", "p003"),
    ("p008", "p004"),
]
NIGHTS = ["p003", "p002", "p004", "p003", "p002", "p004", "p003"]


def build_instances(roster: Roster, monday: dt.date = MONDAY) -> list[ShiftInstance]:
    out = []
    for i in range(7):
        day = monday + dt.timedelta(days=i)
        out.append(make_instance(roster, "x001", day, "白班", DAY_PAIRS[i]))
        out.append(make_instance(roster, "x001", day, "夜班", (NIGHTS[i],)))
        out.append(make_instance(roster, "x002", day, "全天", ("p010",) if i % 2 else ("p002",)))
        out.append(make_instance(roster, "x003", day, "白班", ("p005", "p009")[i % 2 :][:1]))
        out.append(
            make_instance(roster, "x003", day, "夜班", ("p006", "p007", "p005")[i % 3 :][:1])
        )
    return out
