"""Builds the demo sub-district 文化路街道 and writes it to ``sample_data/wenhualu.toml``.

The TOML file is the artifact; this script only keeps it reproducible. Run it from the project
root (``python sample_data/make_wenhualu.py``) after changing anything here, and commit both.

Everything is anchored on ISO week 2026-W49 (Monday 2026-11-30); ``roster-tui demo`` moves all
dates by whole weeks onto the current week. The week is healthy except for a handful of gaps put
in on purpose, so a new user sees the gap finder at work; ``EXPECTED_GAPS_W49`` lists them.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from wenhualu_people import PeopleBook, households
from wenhualu_toml import render_roster

from roster_tui.domain.model import (
    Community,
    Compound,
    CompoundKind,
    Duty,
    Leave,
    Override,
    PartyGroup,
    Post,
    Role,
    Roster,
    Rotation,
    Settings,
    ShiftPattern,
    Street,
    Subdistrict,
)
from roster_tui.services.care_story import demo_story
from roster_tui.services.demo import DEMO_MORNING

ANCHOR_MONDAY = dt.date(2026, 11, 30)  # 2026-W49
ROTATIONS_FROM = ANCHOR_MONDAY - dt.timedelta(weeks=2)  # 2026-W47
TEAM_SWAP_MONDAY = ANCHOR_MONDAY + dt.timedelta(weeks=1)  # 2026-W50
TEAMS_SWAP = ("x15", "x16")  # neighbouring gates that trade teams on TEAM_SWAP_MONDAY
SEED = 49
OUTPUT = Path(__file__).resolve().parent / "wenhualu.toml"

# kind -> how many of that kind the gap finder reports for 2026-W49.
EXPECTED_GAPS_W49 = {
    "understaffed": 2,
    "missing_role": 1,
    "double_booked": 1,
    "short_rest": 1,
    "overtime": 1,
    "unavailable": 1,
    "street_unassigned": 1,
    "compound_unassigned": 1,
    "no_party_group": 1,
    "household_uncared": 2,
    "carer_overloaded": 1,
    # the care loop at STORY_NOW: one household missed on Tuesday, eleven not yet called on
    # Wednesday morning, one fever, one request past its 24 hours
    "household_uncontacted": 12,
    "fever": 1,
    "request_overdue": 1,
}
# The care loop as the file tells it: the morning of Wednesday 2026-12-02 (see services.demo).
STORY_NOW = dt.datetime.combine(dt.date(2026, 12, 2), DEMO_MORNING)

COMMUNITIES = [("c01", "东风社区"), ("c02", "红旗社区"), ("c03", "农科社区"), ("c04", "黄河社区")]
STREETS = [
    ("s01", "文化路", "c01"),
    ("s02", "东风路", "c01"),
    ("s03", "红专路", "c02"),
    ("s04", "红旗路", "c02"),
    ("s05", "农科路", "c03"),
    ("s06", "经五路", "c03"),
    ("s07", "黄河路", "c04"),
    ("s08", "丰产路", "c04"),  # nobody answers for it: street_unassigned
]
M, U, R = CompoundKind.MANAGED, CompoundKind.UNMANAGED, CompoundKind.RENTAL
COMPOUNDS = [
    ("k01", "文化路56号院", "c01", "s01", U, 96),
    ("k02", "金水花园", "c01", "s02", M, 640),
    ("k03", "东风路18号院", "c01", "s02", U, 72),
    ("k04", "东风新村", "c01", "s01", R, 310),
    ("k05", "省建一公司家属院", "c01", "s01", U, 180),
    ("k06", "红专路32号院", "c02", "s03", U, 64),
    ("k07", "红旗小区", "c02", "s04", M, 820),
    ("k08", "绿城百合公寓", "c02", "s03", M, 450),
    ("k09", "红专路8号院", "c02", "s03", R, 150),
    ("k10", "红旗路11号院", "c02", "s04", U, 48),
    ("k11", "农科路12号院", "c03", "s05", U, 120),
    ("k12", "农科路甲5号院", "c03", "s05", U, 56),
    ("k13", "丰乐园小区", "c03", "s06", M, 900),  # no 包保责任人: compound_unassigned
    ("k14", "经五路26号院", "c03", "s06", R, 200),
    ("k15", "农科所家属院", "c03", "s05", U, 132),
    ("k16", "黄河路1号院", "c04", "s07", U, 88),
    ("k17", "建业城市花园", "c04", "s07", M, 760),
    ("k18", "黄河路36号院", "c04", "s07", R, 240),
    ("k19", "丰产路9号院", "c04", "s08", U, 40),  # no 党小组: no_party_group
    ("k20", "省水利厅家属院", "c04", "s08", M, 300),
]
COMMUNITY_OF = {k[0]: k[2] for k in COMPOUNDS}

PARTY = Role.PARTY_MEMBER


def _hm(text: str) -> int:
    hours, minutes = text.split(":")
    return int(hours) * 60 + int(minutes)


def _shift(name: str, start: str, end: str, need: int, role: Role | None = None) -> ShiftPattern:
    return ShiftPattern(name, _hm(start), _hm(end), need, role)


# The five daily patterns of the district's checkpoints.
DAY_NIGHT = (_shift("白班", "08:00", "20:00", 2, PARTY), _shift("夜班", "20:00", "08:00", 2))
THREE_EIGHTS = (
    _shift("早班", "08:00", "16:00", 1),
    _shift("中班", "16:00", "24:00", 1),
    _shift("晚班", "00:00", "08:00", 1),
)
ROUND_THE_CLOCK = (_shift("值守", "08:00", "08:00", 1),)
GATE_CLOSES_AT_MIDNIGHT = (_shift("白班", "08:00", "18:00", 1), _shift("晚班", "18:00", "24:00", 1))
DAYTIME_ONLY = (_shift("白班", "08:00", "20:00", 1),)

# (post id, name, compound, pattern, team size)
POSTS = [
    ("x01", "金水花园东门", "k02", DAY_NIGHT, 8),
    ("x02", "红旗小区南门", "k07", DAY_NIGHT, 8),
    ("x03", "丰乐园小区北门", "k13", DAY_NIGHT, 8),
    ("x04", "建业城市花园西门", "k17", DAY_NIGHT, 8),
    ("x05", "东风新村1号楼入口", "k04", THREE_EIGHTS, 4),
    ("x06", "东风新村2号楼入口", "k04", THREE_EIGHTS, 4),
    ("x07", "经五路26号院3号楼入口", "k14", THREE_EIGHTS, 4),
    ("x08", "黄河路36号院主楼入口", "k18", THREE_EIGHTS, 4),
    ("x09", "红专路8号院值守点", "k09", ROUND_THE_CLOCK, 5),
    ("x10", "文化路56号院卡点", "k01", ROUND_THE_CLOCK, 5),
    ("x11", "东风路18号院门岗", "k03", GATE_CLOSES_AT_MIDNIGHT, 4),
    ("x12", "红专路32号院门岗", "k06", GATE_CLOSES_AT_MIDNIGHT, 4),
    ("x13", "农科路12号院东门", "k11", GATE_CLOSES_AT_MIDNIGHT, 4),
    ("x14", "黄河路1号院门岗", "k16", GATE_CLOSES_AT_MIDNIGHT, 4),
    ("x15", "省建一公司家属院门岗", "k05", DAYTIME_ONLY, 3),
    ("x16", "红旗路11号院门岗", "k10", DAYTIME_ONLY, 3),
    ("x17", "农科路甲5号院门岗", "k12", DAYTIME_ONLY, 3),
    ("x18", "农科所家属院门岗", "k15", DAYTIME_ONLY, 3),
    ("x19", "丰产路9号院门岗", "k19", DAYTIME_ONLY, 3),
    ("x20", "绿城百合公寓北门", "k08", DAYTIME_ONLY, 3),
]

PARTY_GROUPS = [
    ("g01", "文化路56号院党小组", "c01", ("k01", "k05")),
    ("g02", "东风路18号院党小组", "c01", ("k03",)),
    ("g03", "金水花园党小组", "c01", ("k02",)),
    ("g04", "红专路党小组", "c02", ("k06", "k10")),
    ("g05", "农科路党小组", "c03", ("k11", "k12")),
    ("g06", "农科所家属院党小组", "c03", ("k15",)),
    ("g07", "黄河路1号院党小组", "c04", ("k16",)),
]


def on_duty(rotation: Rotation, post: Post, day: dt.date, shift_name: str) -> tuple[str, ...]:
    """Who a single rotation puts on one instance (docs/format.md), to aim overrides and leaves."""
    covered = [s for s in post.shifts if rotation.shifts is None or s.name in rotation.shifts]
    daily = sorted(covered, key=lambda s: (s.start, post.shifts.index(s)))
    position = sum(rotation.per_slot or s.need for s in daily) * (day - rotation.start).days
    for shift in daily:
        take = rotation.per_slot or shift.need
        if shift.name == shift_name:
            members = rotation.members
            return tuple(members[(position + j) % len(members)] for j in range(take))
        position += take
    raise ValueError(shift_name)


Notes = dict[str, dict[int, str]]  # table -> row index -> the comment written above the row


class _Rota:
    """The posts with their rotations, and who each rotation puts on a given instance."""

    def __init__(self, book: PeopleBook) -> None:
        self.posts: dict[str, Post] = {}
        self.rotations: list[Rotation] = []
        self.notes: dict[int, str] = {}
        self._of: dict[str, Rotation] = {}
        for post_id, name, compound, pattern, size in POSTS:
            self.posts[post_id] = Post(post_id, name, compound, pattern)
            community = COMMUNITY_OF[compound]
            rot_id = f"r{post_id[1:]}"
            if pattern is DAY_NIGHT:
                # 党员轮值 and 志愿者轮值 side by side: one Party member on every 白班.
                party = book.team(community, size // 2, "party", PARTY_GROUPS)
                self._add(f"{name}：党员轮值", post_id, rot_id + "a", party, per_slot=1)
                helpers = book.team(community, size // 2, "volunteer", PARTY_GROUPS)
                self._add(f"{name}：志愿者轮值", post_id, rot_id + "b", helpers, per_slot=1)
            elif post_id in TEAMS_SWAP:
                members = book.team(community, size, "daytime", PARTY_GROUPS)
                until = TEAM_SWAP_MONDAY - dt.timedelta(days=1)
                self._add(f"{name}：轮值（到本周日）", post_id, rot_id, members, end=until)
            else:
                kind = "daytime" if pattern is DAYTIME_ONLY else "mixed"
                members = book.team(community, size, kind, PARTY_GROUPS)
                self._add(f"{name}：轮值", post_id, rot_id, members)
        # The two neighbouring gates trade teams from 2026-W50 on.
        for post_id, other in zip(TEAMS_SWAP, reversed(TEAMS_SWAP), strict=True):
            members = self._of[other].members
            note = f"{self.posts[post_id].name}：下周起与{self.posts[other].name}换队"
            self._add(note, post_id, f"r{post_id[1:]}n", members, start=TEAM_SWAP_MONDAY)

    def _add(self, note: str, post_id: str, rot_id: str, members: tuple[str, ...],
             *, start: dt.date = ROTATIONS_FROM, **more: Any) -> None:  # fmt: skip
        rotation = Rotation(rot_id, post_id, members, start, **more)
        self.notes[len(self.rotations)] = note
        self.rotations.append(rotation)
        self._of.setdefault(post_id + ("party" if rot_id.endswith("a") else ""), rotation)

    def picked(self, post_id: str, day: dt.date, shift: str, party: bool = False) -> str:
        """The first person the post's first rotation (or its Party one) puts on that instance."""
        rotation = self._of[post_id + ("party" if party else "")]
        return on_duty(rotation, self.posts[post_id], day, shift)[0]


def _changes(book: PeopleBook, rota: _Rota) -> tuple[list[Override], list[Leave], Notes]:
    """The week's swaps, extra hands and absences: some healthy, some the deliberate gaps."""
    # A retired volunteer who asked for at most 24 hours a week is on the gate that gives him 36
    # in 2026-W49: overtime.
    book.limit_hours(rota.picked("x18", ANCHOR_MONDAY, "白班"), 24)
    others = book.non_rostered()
    day = {name: ANCHOR_MONDAY + dt.timedelta(days=i) for i, name in enumerate("一二三四五六日")}
    day["下周一"] = TEAM_SWAP_MONDAY
    overrides: list[Override] = []
    notes: Notes = {"override": {}, "leave": {}}

    def override(note: str, post: str, weekday: str, shift: str,
                 remove: tuple[str, ...] = (), add: tuple[str, ...] = ()) -> None:  # fmt: skip
        notes["override"][len(overrides)] = note
        overrides.append(Override(post, day[weekday], shift, remove, add))

    def on(post: str, weekday: str, shift: str, party: bool = False) -> tuple[str, ...]:
        return (rota.picked(post, day[weekday], shift, party),)

    sick, away = on("x02", "三", "白班")[0], on("x08", "六", "早班")[0]
    reserve, weekend = others["reserve"], others["weekend"]
    override("周二晚班临时抽调去核酸采样点，无人顶班（缺口：人手不足）", "x12", "二", "晚班",
             remove=on("x12", "二", "晚班"))  # fmt: skip
    override("周六外出，预备队员顶班", "x08", "六", "早班", remove=(away,), add=reserve[:1])
    override("周六白班党员与周末志愿者换班，白班没有党员了（缺口：缺党员）", "x03", "六", "白班",
             remove=on("x03", "六", "白班", party=True), add=weekend[:1])  # fmt: skip
    override("加派到2号楼入口，可他同一时间在1号楼入口值早班（缺口：一人两岗）", "x06", "四",
             "早班", add=on("x05", "四", "早班"))  # fmt: skip
    override("下了经五路的早班又来顶中班，中间没休息（缺口：休息不足）", "x08", "五", "中班",
             add=on("x07", "五", "早班"))  # fmt: skip
    override("家里有事，预备队员换班", "x15", "二", "白班",
             remove=on("x15", "二", "白班"), add=reserve[1:2])  # fmt: skip
    for weekday, post, helper in zip(
        "一三四", ("x11", "x13", "x14"), others["evening"], strict=True
    ):
        override("下班后来帮晚班", post, weekday, "晚班", add=(helper,))
    override("周末志愿者加岗", "x19", "日", "白班", add=weekend[1:2])
    override("下周一换班，已提前安排", "x20", "下周一", "白班",
             remove=on("x20", "下周一", "白班"), add=reserve[2:3])  # fmt: skip

    def at(weekday: str, hour: int = 0, days_later: int = 0) -> dt.datetime:
        return dt.datetime.combine(day[weekday] + dt.timedelta(days=days_later), dt.time(hour))

    leaves = [
        Leave(sick, at("三"), at("四"), "病假"),
        Leave(away, at("六"), at("日"), "外出"),
        Leave(others["isolating"][0], at("一", days_later=-5), at("三"), "自身隔离"),
        Leave(reserve[3], at("下周一", 8, 2), at("下周一", 20, 4), "外出"),
    ]
    notes["leave"] = {
        0: "周三病假，可他周三在红旗小区南门值白班，没人顶（缺口：请假仍在岗、人手不足）",
        1: "周六外出，已有人顶班",
        2: "密接，居家自身隔离",
        3: "下周外出",
    }
    return overrides, leaves, notes


def build() -> tuple[Roster, Notes]:
    """The roster, and the comments written above some of its rows."""
    rng = random.Random(SEED)
    book = PeopleBook(rng)
    rota = _Rota(book)
    overrides, leaves, notes = _changes(book, rota)
    notes["rotation"] = rota.notes
    roster = Roster(
        subdistrict=Subdistrict("文化路街道", "Asia/Shanghai"),
        settings=Settings(),
        communities=[Community(i, n) for i, n in COMMUNITIES],
        streets=[Street(i, n, c) for i, n, c in STREETS],
        compounds=[Compound(i, n, c, kind, s, h) for i, n, c, s, kind, h in COMPOUNDS],
        party_groups=[
            PartyGroup(i, n, c, ks, book.group_leader(i)) for i, n, c, ks in PARTY_GROUPS
        ],
        people=book.people,
        posts=list(rota.posts.values()),
        rotations=rota.rotations,
        overrides=overrides,
        leaves=leaves,
        duties=_duties(book),
        households=households(book, rng, COMPOUNDS, ANCHOR_MONDAY),
    )
    roster.contacts, roster.requests = demo_story(roster, STORY_NOW)
    notes["household"] = {
        i: "尚未落实照护人（缺口）" for i, h in enumerate(roster.households) if h.carer is None
    }
    notes["person"] = {i: "已不参加值守" for i, p in enumerate(roster.people) if not p.active}
    return roster, notes


def _duties(book: PeopleBook) -> list[Duty]:
    duties = [
        Duty(book.cadre_of(community), street=street_id, role="包街干部")
        for street_id, _, community in STREETS
        if street_id != "s08"
    ]
    for compound_id, _, community, _, kind, _ in COMPOUNDS:
        if compound_id == "k13":
            continue
        duties.append(Duty(book.keeper_of(community, compound_id), compound_id, role="包保责任人"))
        if kind is CompoundKind.UNMANAGED:
            duties.append(Duty(book.captain_of(community), compound_id, role="楼院长"))
    return duties


def main() -> None:
    roster, notes = build()
    OUTPUT.write_text(render_roster(roster, notes), encoding="utf-8")


if __name__ == "__main__":
    main()
