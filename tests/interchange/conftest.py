"""A small, valid sub-district file, and helpers to break it one way at a time."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from roster_tui.i18n import current_language, set_language

# Two namesakes (张伟), a name outside the BMP (𠮷), an overnight shift, one ending at 24:00,
# references across communities, someone never available and someone inactive.
VALID = """\
format = "roster-tui/1"

[subdistrict]
name = "文化路街道"
timezone = "Asia/Shanghai"

[settings]
min_rest_hours = 10
max_households_per_carer = 6

[[community]]
id = "c01"
name = "东风社区"

[[community]]
id = "c02"
name = "红旗社区"

[[street]]
id = "s01"
name = "文化路"
community = "c01"

[[compound]]
id = "k001"
name = "农科路12号院"
community = "c01"
street = "s01"
kind = "unmanaged"
households = 120

[[compound]]
id = "k002"
name = "金水花园"
community = "c02"
kind = "managed"

[[party_group]]
id = "g01"
name = "农科路12号院党小组"
community = "c01"
compounds = ["k001"]
leader = "p001"

[[person]]
id = "p001"
name = "张伟"
phone = "13800000001"
community = "c01"
roles = ["party_member"]
party_group = "g01"
max_hours_per_week = 40
available = ["mon-fri 18:00-24:00", "sat,sun 00:00-24:00"]

[[person]]
id = "p002"
name = "张伟"
phone = "13800000002"
community = "c02"
roles = ["volunteer", "doctor"]

[[person]]
id = "p003"
name = "𠮷田"
phone = "13800000003"
community = "c01"
roles = []
available = []

[[person]]
id = "p004"
name = "李娜"
phone = "13800000004"
community = "c02"
roles = ["cadre"]
active = false

[[post]]
id = "x001"
name = "农科路12号院东门"
compound = "k001"

[[post.shift]]
name = "白班"
start = "08:00"
end = "20:00"
need = 2
need_role = "party_member"

[[post.shift]]
name = "夜班"
start = "20:00"
end = "08:00"
need = 1

[[post]]
id = "x002"
name = "金水花园北门"
compound = "k002"

[[post.shift]]
name = "晚班"
start = "16:00"
end = "24:00"
need = 1

[[rotation]]
id = "r001"
post = "x001"
members = ["p001", "p002", "p003"]
start = 2026-12-01
end = "2026-12-31"
shifts = ["白班", "夜班"]
per_slot = 1

[[rotation]]
id = "r002"
post = "x002"
members = ["p002"]
start = 2026-12-01

[[override]]
post = "x001"
date = 2026-12-03
shift = "白班"
remove = ["p002"]
add = ["p004"]

[[leave]]
person = "p003"
from = "2026-12-02T00:00"
to = "2026-12-05T00:00"
reason = "病假"

[[duty]]
person = "p001"
compound = "k001"
role = "包保责任人"

[[duty]]
person = "p002"
street = "s01"

[[household]]
id = "h0001"
compound = "k001"
address = "3号楼2单元401"
head = "李某"
phone = "13900000000"
people = 3
start = 2026-12-01
days = 14
carer = "p002"
notes = "孕妇，需产检报备"

[[household]]
id = "h0002"
compound = "k002"
address = "1号楼101"
head = "王某"
phone = "13900000001"
people = 1
start = "2026-12-04"
"""

FILE = "wenhualu.toml"


def edit(text: str, old: str, new: str) -> str:
    """``text`` with its one occurrence of ``old`` replaced: a bad file made from a good one."""
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times"
    return text.replace(old, new)


def line_of(text: str, needle: str) -> int:
    """The 1-based line of the one line of ``text`` that contains ``needle``."""
    hits = [number for number, line in enumerate(text.splitlines(), 1) if needle in line]
    assert len(hits) == 1, f"{needle!r} is on lines {hits}"
    return hits[0]


@pytest.fixture
def valid_text() -> str:
    return VALID


@pytest.fixture(autouse=True)
def _keep_language() -> Iterator[None]:
    """Tests switch languages; leave the process-wide choice as it was."""
    before = current_language()
    yield
    set_language(before)
