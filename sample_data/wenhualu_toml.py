"""Writes the demo roster as hand-readable TOML: grouped tables, comments, one row per block.

The interchange reader accepts this exactly as it accepts its own dumps (docs/format.md); the layout
only adds headings and a comment above some rows telling their story.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence

from roster_tui.domain.model import Roster
from roster_tui.interchange.tables import SETTINGS  # the keys [settings] has in the file

HEADER = """\
# 文化路街道 —— roster-tui 演示数据（格式见 docs/format.md）
#
# 以 2026 年第 49 周（2026-11-30 周一 至 12-06 周日）为准；`roster-tui demo` 会把所有日期
# 整周平移到本周。4 个社区、20 个楼院（有物业 / 无主管 / 出租户集中）、20 个卡点、120 人。
# 电话号码均为虚构（1380000xxxx、1390000xxxx）。
#
# 本周大体正常，只故意留了几处缺口，方便体验"缺口"功能：
#   人手不足 2 处、白班缺党员 1 处、一人两岗 1 处、休息不足 1 处、超时 1 人、
#   请假仍在岗 1 处、丰产路无人包街、丰乐园小区无包保责任人、丰产路9号院无党小组、
#   2 户隔离户未落实照护人、1 名照护人超过 8 户。
#
# 本文件由 sample_data/make_wenhualu.py 生成，改动请改脚本后重新生成。
"""

SECTIONS = (
    ("community", "communities", "社区"),
    ("street", "streets", "街道（路）"),
    ("compound", "compounds", "楼院：managed 有物业 / unmanaged 无主管 / rental 出租户集中"),
    ("party_group", "party_groups", "党小组"),
    ("person", "people", "人员（同名同姓用社区和电话区分）"),
    ("post", "posts", "卡点与每日班次"),
    ("rotation", "rotations", "24小时轮值"),
    ("override", "overrides", "换班 / 顶班"),
    ("leave", "leaves", "请假 / 外出 / 自身隔离"),
    ("duty", "duties", "包街包院责任人"),
    ("household", "households", "居家隔离户（点对点、包干到人）"),
    ("contact", "contacts", "每日问访"),
    ("request", "requests", "隔离户诉求（代购、就医报备）"),
)


def _value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, dt.datetime):
        return json.dumps(value.strftime("%Y-%m-%dT%H:%M"))
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):  # a StrEnum too
        return json.dumps(str(value), ensure_ascii=False)
    if isinstance(value, tuple | list):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    raise TypeError(type(value))


def _hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _row(table: str, row: object) -> list[str]:
    """One ``[[table]]`` block: the row's set fields in docs/format.md's order and key names."""
    keys = {"start": "from", "end": "to"} if table == "leave" else {}
    lines = [f"[[{table}]]"]
    for name in row.__dataclass_fields__:  # type: ignore[attr-defined]
        field = row.__dataclass_fields__[name]  # type: ignore[attr-defined]
        value = getattr(row, name)
        if not field.compare or (name in ("shifts", "earlier") and table == "post"):
            continue  # a post's shifts are [[post.shift]] rows below; the demo's are undated
        if value is None or (value == () and name in ("remove", "add")):
            continue
        if table == "person" and name == "active" and value:
            continue
        lines.append(f"{keys.get(name, name)} = {_value(value)}")
    if table == "post":
        assert not row.earlier, "the demo's posts keep their shifts all along"  # type: ignore[attr-defined]
        for shift in row.shifts:  # type: ignore[attr-defined]
            lines += ["", "[[post.shift]]", f"name = {_value(shift.name)}"]
            lines += [f'start = "{_hhmm(shift.start)}"', f'end = "{_hhmm(shift.end)}"']
            lines.append(f"need = {shift.need}")
            if shift.need_role is not None:
                lines.append(f"need_role = {_value(shift.need_role.value)}")
    return lines


def render_roster(roster: Roster, notes: Mapping[str, Mapping[int, str]]) -> str:
    """The whole file; ``notes[table][i]`` is a comment written above that table's i-th row."""
    settings = roster.settings
    lines = [HEADER, 'format = "roster-tui/1"', "", "[subdistrict]"]
    lines += [f"name = {_value(roster.subdistrict.name)}"]
    lines += [f"timezone = {_value(roster.subdistrict.timezone)}", "", "[settings]"]
    lines += [f"{name} = {_value(getattr(settings, name))}" for name in SETTINGS]
    for table, attribute, heading in SECTIONS:
        rows: Sequence[object] = getattr(roster, attribute)
        lines += ["", f"# ── {heading} ──"]
        for index, row in enumerate(rows):
            lines.append("")
            if index in notes.get(table, {}):
                lines.append(f"# {notes[table][index]}")
            lines += _row(table, row)
    return "\n".join(lines) + "\n"
