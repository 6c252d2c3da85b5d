"""The names a generated sub-district is made of, and the builders that hand them out.

Places (communities, streets, compounds), Party groups, people and flat addresses for
``generate.py``. Every builder draws from the one ``random.Random`` it is given, in a fixed order,
so the same seed gives the same sub-district.
"""

from __future__ import annotations

import itertools
import random
from collections import defaultdict

from roster_tui.domain.model import (
    Community,
    Compound,
    CompoundKind,
    PartyGroup,
    Person,
    Role,
    Street,
)

TEAM = 6  # 2 a shift, 3 shifts a day: each member on one shift every day
STAFF = 3  # cadres per community, and as many grid workers


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


COMMUNITY_NAMES = _words(
    "东风社区 红旗社区 农科社区 黄河社区 文化路社区 南阳新村社区 丰产路社区 经八路社区 "
    "省建社区 花园路社区 政七街社区 宏达社区 杨君刘村 庙李村 金水社区"
)
STREET_NAMES = _words(
    "文化路 农科路 红专路 东风路 丰产路 黄河路 金水路 花园路 南阳路 丰庆路 国基路 宏达路 博学路 "
    "科教路 健康路 民主路 胜岗路 索凌路 沙口路 园田路 天明路 优胜路 经一路 经二路 经三路 经四路 "
    "经五路 经六路 经七路 经八路 纬一路 纬二路 纬三路 纬四路 纬五路 政一街 政二街 政三街 政四街 "
    "政五街 政六街 政七街 北环路 东明路 未来路 英才街 青年路 商城路 顺河路 城东路"
)
ESTATES = _words("金水 绿城 建业 锦艺 正商 永威 鑫苑 美景 升龙 康桥 亚星 百合 兴华 福元 瑞祥")
ESTATE_ENDS = _words("花园 小区 家园 新城 公寓 华府 苑 雅居 名门 嘉园")
GATES = _words("东门 南门 西门 北门 1号楼入口 主入口")
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋"
GIVEN = _words(
    "伟 芳 娜 敏 静 丽 强 磊 军 洋 勇 艳 杰 娟 涛 明 超 霞 平 刚 "
    "秀英 桂英 建华 建国 志强 海燕 红梅 晓东 文博"
)
WINDOWS = ("mon-fri 18:00-24:00", "sat,sun 00:00-24:00", "daily 08:00-20:00")
NOTES = ("孕妇，需产检报备", "独居老人", "需代购药品", "行动不便，需上门采样", "慢性病，需每日服药")
REASONS = ("病假", "外出", "事假", "自身隔离")


def make_places(
    rng: random.Random, community_count: int, compound_count: int
) -> tuple[list[Community], list[Street], list[Compound]]:
    """Communities with four streets each, and compounds spread evenly over the communities."""
    names = [*COMMUNITY_NAMES, *(f"第{i + 1}社区" for i in range(len(COMMUNITY_NAMES), 99))]
    communities = [Community(f"c{i + 1:02d}", names[i]) for i in range(community_count)]
    streets = []
    for i in range(community_count * 4):
        base = STREET_NAMES[i % len(STREET_NAMES)]
        name = base if i < len(STREET_NAMES) else f"{base}{i // len(STREET_NAMES) + 1}段"
        streets.append(Street(f"s{i + 1:03d}", name, communities[i // 4].id))
    compounds: list[Compound] = []
    used: set[str] = set()
    for i in range(compound_count):
        community = communities[i * community_count // compound_count].id
        street = rng.choice([s for s in streets if s.community == community])
        kind = rng.choices(list(CompoundKind), weights=(30, 50, 20))[0]
        if kind is CompoundKind.MANAGED:
            name = rng.choice(ESTATES) + rng.choice(ESTATE_ENDS)
        else:
            name = f"{street.name}{rng.randint(1, 199)}号院"
        name = next(
            n
            for n in itertools.chain([name], (f"{name}{k}期" for k in range(2, 99)))
            if n not in used
        )
        used.add(name)
        street_id = street.id if rng.random() < 0.9 else None
        households = rng.randint(40, 900)
        compounds.append(Compound(f"k{i + 1:03d}", name, community, kind, street_id, households))
    return communities, streets, compounds


def make_party_groups(rng: random.Random, compounds: list[Compound]) -> list[PartyGroup]:
    """Unmanaged compounds in groups of one to three; one in a hundred left without a group."""
    unmanaged = [c for c in compounds if c.kind is CompoundKind.UNMANAGED]
    left_out = set(rng.sample([c.id for c in unmanaged], max(1, len(unmanaged) // 100)))
    groups: list[PartyGroup] = []
    pending: list[Compound] = []
    for index, compound in enumerate(unmanaged):
        if compound.id not in left_out:
            pending.append(compound)
        following = unmanaged[index + 1] if index + 1 < len(unmanaged) else None
        last_here = following is None or following.community != compound.community
        if pending and (last_here or len(pending) >= rng.randint(1, 3)):
            gid, name = f"g{len(groups) + 1:03d}", f"{pending[0].name}党小组"
            groups.append(PartyGroup(gid, name, compound.community, tuple(c.id for c in pending)))
            pending = []
    return groups


class Crowd:
    """People with ids p0001… in creation order, and what each of them is there for."""

    def __init__(self, rng: random.Random, groups: list[PartyGroup]) -> None:
        self.rng = rng
        self.people: list[Person] = []
        self.group_of = {k: g.id for g in groups for k in g.compounds}
        self.leaders: dict[str, str] = {}
        self.staff: dict[str, list[str]] = defaultdict(list)
        self.captains: dict[str, list[str]] = defaultdict(list)
        self.reserves: dict[str, list[str]] = defaultdict(list)
        self.carers: dict[str, list[str]] = defaultdict(list)  # staff, captains, Party members

    def add(self, community: str, roles: tuple[Role, ...], **extra: object) -> str:
        pid = f"p{len(self.people) + 1:04d}"
        name = self.rng.choice(SURNAMES) + self.rng.choice(GIVEN)
        phone = f"138{len(self.people) + 1:08d}"
        self.people.append(Person(pid, name, phone, community, roles, **extra))  # type: ignore[arg-type]
        return pid

    def team(self, compound: Compound) -> tuple[str, ...]:
        """Party members on even places, so every instance has one (picks go in pairs)."""
        group = self.group_of.get(compound.id)
        members = []
        for i in range(TEAM):
            if i % 2 == 0:
                members.append(
                    self.add(compound.community, (Role.PARTY_MEMBER,), party_group=group)
                )
                if group is not None:
                    self.leaders.setdefault(group, members[-1])
            else:
                roles = (Role.VOLUNTEER, Role.BUILDING_CAPTAIN) if i == 1 else (Role.VOLUNTEER,)
                members.append(self.add(compound.community, roles))
        self.captains[compound.community].append(members[1])
        self.carers[compound.community] += members[:2]
        return tuple(members)

    def staff_and_reserves(self, communities: list[Community], reserves: int) -> None:
        for community in communities:
            for _ in range(STAFF):
                self.staff[community.id].append(
                    self.add(community.id, (Role.CADRE, Role.PARTY_MEMBER))
                )
                self.staff[community.id].append(self.add(community.id, (Role.GRID_WORKER,)))
            self.carers[community.id] += self.staff[community.id]
        for i in range(reserves):
            home = communities[i % len(communities)].id
            extra: dict[str, object] = {}
            draw = self.rng.random()
            if draw < 0.2:
                extra["available"] = (self.rng.choice(WINDOWS),)
            elif draw < 0.35:
                extra["max_hours_per_week"] = 40
            elif draw < 0.39:
                extra["active"] = False
            role = self.rng.choices((Role.VOLUNTEER, Role.DOCTOR, Role.POLICE), (18, 1, 1))[0]
            pid = self.add(home, (role,), **extra)
            if extra.get("active", True):
                self.reserves[home].append(pid)


def make_address(rng: random.Random) -> str:
    building, entrance, floor, door = (rng.randint(1, n) for n in (20, 4, 18, 4))
    return f"{building}号楼{entrance}单元{floor}0{door}"
