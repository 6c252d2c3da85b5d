"""The people and the home-quarantined households of the demo 文化路街道 (see make_wenhualu.py).

Names are drawn from common Chinese surnames and given names with a seeded generator, except a
few namesakes placed on purpose (three 张伟, two 王芳, two 李娜, two 刘洋): the app must tell them
apart by community and phone, never by name.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from itertools import cycle

from roster_tui.domain.model import CompoundKind, Household, Person, Role

SURNAMES = (
    "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡"
    "贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段"
)
GIVEN = (  # noqa: SIM905  (a wall of names reads better than a list of quoted ones)
    "秀英 桂英 秀兰 玉兰 桂兰 淑珍 凤英 建华 建国 建军 国强 国庆 志强 志刚 海燕 红梅 "
    "春梅 丽娟 晓东 晓燕 文博 文静 子涵 浩然 宇航 俊杰 振华 立新 卫东 爱华 敏 静 "
    "丽 强 磊 军 勇 艳 杰 娟 涛 明 超 霞 平 刚 辉 鹏 华 飞 鑫 波 斌 宇 浩 "
    "凯 健 琳 颖 慧 婷 雪 梅 倩"
).split()
# creation index -> name: the namesakes the UI must tell apart
NAMESAKES = {
    2: "张伟",
    47: "张伟",
    96: "张伟",
    11: "王芳",
    58: "王芳",
    21: "李娜",
    83: "李娜",
    30: "刘洋",
    33: "刘洋",
}
NOTES = (
    "孕妇，需产检报备",
    "独居老人",
    "需代购药品",
    "家有婴幼儿，需代购奶粉",
    "行动不便，需上门采样",
    "慢性病，需每日服药",
    "高龄老人，子女在外地",
    "需定期透析，出行需报备",
)

PARTY, VOLUNTEER, CAPTAIN = Role.PARTY_MEMBER, Role.VOLUNTEER, Role.BUILDING_CAPTAIN
PARTY_GROUP_SPEC = Sequence[tuple[str, str, str, tuple[str, ...]]]


class PeopleBook:
    """Hands out people with ids p001… in creation order and remembers what each is for."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.people: list[Person] = []
        self._used_names = set(NAMESAKES.values())
        self._roles_by_community: dict[tuple[str, str], list[str]] = {}
        self._keepers: dict[str, cycle[str]] = {}
        self._captains: dict[str, cycle[str]] = {}

    def _name(self) -> str:
        index = len(self.people)
        if index in NAMESAKES:
            return NAMESAKES[index]
        while True:
            name = self.rng.choice(SURNAMES) + self.rng.choice(GIVEN)
            if name not in self._used_names:
                self._used_names.add(name)
                return name

    def add(
        self,
        community: str,
        purpose: str,
        roles: tuple[Role, ...],
        **extra: object,
    ) -> str:
        person_id = f"p{len(self.people) + 1:03d}"
        person = Person(
            id=person_id,
            name=self._name(),
            phone=f"1380000{len(self.people) + 1:04d}",
            community=community,
            roles=roles,
            **extra,  # type: ignore[arg-type]
        )
        self.people.append(person)
        self._roles_by_community.setdefault((community, purpose), []).append(person_id)
        return person_id

    def ids(self, community: str, purpose: str) -> list[str]:
        return self._roles_by_community.get((community, purpose), [])

    def team(
        self, community: str, size: int, kind: str, groups: PARTY_GROUP_SPEC
    ) -> tuple[str, ...]:
        """A rotation's members: ``party``, ``volunteer``, ``mixed`` or ``daytime`` people."""
        own_groups = [g[0] for g in groups if g[2] == community]
        members = []
        for i in range(size):
            if kind == "party" or (kind == "mixed" and i % 2 == 0):
                roles: tuple[Role, ...] = (PARTY, CAPTAIN) if i == 1 else (PARTY,)
                taken = len(self.ids(community, "party"))
                group = own_groups[taken % len(own_groups)] if own_groups else None
                extra: dict[str, object] = {"party_group": group}
                if i == 2:
                    extra["max_hours_per_week"] = 48
                members.append(self.add(community, "party", roles, **extra))
            elif kind == "daytime":
                extra = {"available": ("daily 07:00-21:00",)} if i == 0 else {}
                roles = (VOLUNTEER, CAPTAIN) if i == 1 else (VOLUNTEER,)
                members.append(self.add(community, "volunteer", roles, **extra))
            else:
                roles = (VOLUNTEER, CAPTAIN) if i == 3 else (VOLUNTEER,)
                if kind == "mixed" and i == 1 and size == 4:
                    roles = (Role.POLICE,)  # 辅警 on the rental buildings' entrances
                members.append(self.add(community, "volunteer", roles))
        return tuple(members)

    def limit_hours(self, person_id: str, hours: float) -> None:
        index = int(person_id[1:]) - 1
        old = self.people[index]
        self.people[index] = Person(
            old.id, old.name, old.phone, old.community, old.roles, old.party_group, hours,
            old.available, old.active,
        )  # fmt: skip

    def non_rostered(self) -> dict[str, tuple[str, ...]]:
        """Cadres, grid workers, doctors, reserves and weekend or evening helpers."""
        pools: dict[str, list[str]] = {}

        def put(pool: str, community: str, roles: tuple[Role, ...], **extra: object) -> None:
            pools.setdefault(pool, []).append(self.add(community, pool, roles, **extra))

        for community in ("c01", "c02", "c03", "c04"):
            put("cadre", community, (Role.CADRE, PARTY))
            put("cadre", community, (Role.CADRE,), max_hours_per_week=40)
            put("grid", community, (Role.GRID_WORKER,))
        put("doctor", "c02", (Role.DOCTOR,))
        put("police", "c03", (Role.POLICE,))
        for community in ("c01", "c02", "c03", "c04"):
            put("reserve", community, (VOLUNTEER,))
        for community in ("c01", "c03", "c04"):
            put("evening", community, (VOLUNTEER,), available=("mon-fri 18:00-24:00",))
        for community in ("c02", "c03"):
            put("weekend", community, (VOLUNTEER,), available=("sat,sun 00:00-24:00",))
        put("isolating", "c02", (VOLUNTEER,))
        for community in ("c01", "c02", "c03", "c04"):
            put("inactive", community, (VOLUNTEER,), active=False)
        return {pool: tuple(ids) for pool, ids in pools.items()}

    def cadre_of(self, community: str) -> str:
        return self.ids(community, "cadre")[0]

    def carers_of(self, community: str) -> list[str]:
        return [self.ids(community, "grid")[0], self.ids(community, "cadre")[1]]

    def keeper_of(self, community: str, compound: str) -> str:
        """The 包保责任人: cadres, grid workers and Party members of the community in turn."""
        if community not in self._keepers:
            pool = self.ids(community, "cadre") + self.ids(community, "grid")
            self._keepers[community] = cycle(pool + self.ids(community, "party")[::4])
        return next(self._keepers[community])

    def captain_of(self, community: str) -> str:
        if community not in self._captains:
            captains = [
                p.id for p in self.people if p.community == community and CAPTAIN in p.roles
            ]
            self._captains[community] = cycle(captains)
        return next(self._captains[community])

    def group_leader(self, group: str) -> str | None:
        return next((p.id for p in self.people if p.party_group == group), None)


def _address(rng: random.Random, kind: CompoundKind) -> str:
    building = rng.randint(1, 12)
    room = rng.randint(1, 6) * 100 + rng.randint(1, 4)
    if kind is CompoundKind.RENTAL:
        return f"{building}号楼{room}室"
    return f"{building}号楼{rng.randint(1, 3)}单元{room}"


def households(
    book: PeopleBook,
    rng: random.Random,
    compounds: Sequence[tuple[str, str, str, str, CompoundKind, int]],
    anchor_monday: dt.date,
) -> list[Household]:
    """40 home-quarantined households, all in quarantine during the anchor week.

    The first grid worker of 农科社区 looks after nine at once (one over the cap of eight), two
    households have no carer yet, every other carer has at most six.
    """
    in_community = {c: [k for k in compounds if k[2] == c] for c in ("c01", "c02", "c03", "c04")}
    overloaded = book.carers_of("c03")[0]
    plan: list[tuple[str, str | None, int]] = []  # (community, carer, start offset in days)
    plan += [("c03", overloaded, rng.randint(-6, 1)) for _ in range(9)]  # all in on 12-01
    plan += [("c01", None, -1), ("c04", None, 2)]
    turns = {c: cycle(book.carers_of(c)) for c in in_community}
    for i in range(29):
        community = ("c01", "c02", "c04", "c03")[i % 4] if i < 28 else "c02"
        turn = next(turns[community])
        if turn == overloaded:
            turn = next(turns[community])
        plan.append((community, turn, rng.randint(-10, 4)))
    rows = []
    for number, (community, carer, offset) in enumerate(plan, start=1):
        compound = rng.choice(in_community[community])
        days = 14 if carer == overloaded else rng.choice((14, 14, 14, 14, 7, 21))
        note = rng.choice(NOTES) if rng.random() < 0.45 else None
        rows.append(
            Household(
                id=f"h{number:04d}",
                compound=compound[0],
                address=_address(rng, compound[4]),
                head=rng.choice(SURNAMES) + "某",
                phone=f"1390000{number:04d}",
                people=rng.choice((1, 1, 2, 2, 3, 3, 3, 4, 5)),
                start=anchor_monday + dt.timedelta(days=offset),
                days=None if days == 14 else days,
                carer=carer,
                notes=note,
            )
        )
    return rows
