"""Privacy by audience: a public sheet hides members' and residents' numbers, addresses and
notes but shows the officials' numbers; an internal sheet shows everything."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import replace

import pytest

from roster_tui.export import (
    Scope,
    WeekView,
    mask_numbers,
    mask_phone,
    write_duties_csv,
    write_households_csv,
    write_households_html,
    write_roster_csv,
    write_roster_html,
    write_roster_text,
)
from roster_tui.i18n import set_language

from .sample import WEEK, build_instances, build_roster


@pytest.mark.parametrize(
    ("written", "masked"),
    [
        ("13812341234", "138****1234"),
        ("138 1234 1234", "138****1234"),
        ("138-1234-1234", "138****1234"),
        ("+86 139 0000 0009", "139****0009"),
        ("+8613900000009", "139****0009"),
        ("0086-139-0000-0009", "139****0009"),
        ("0371-12345678", "0371-****5678"),
        ("(0371)12345678", "(0371)****5678"),
        ("（010）62345678", "（010）****5678"),
        ("010-62345678转123", "010-****5678"),
        ("010 6234 5678-88", "010 **** 5678"),
        ("62345678", "****5678"),
        ("6234-5678", "****-5678"),
        ("6234567", "***4567"),
    ],
)
def test_every_chinese_phone_format_is_masked(written: str, masked: str) -> None:
    assert mask_phone(written) == masked
    assert mask_numbers(f"有事请拨{written}找王") == f"有事请拨{masked}找王"


def test_numbers_that_are_not_phones_are_left_alone() -> None:
    assert mask_numbers("2026-12-01 起 3号楼2单元401") == "2026-12-01 起 3号楼2单元401"


def _rows(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_a_public_households_sheet_has_no_address_or_notes_and_masks_residents(
    view_of: Callable[..., WeekView],
) -> None:
    public = _rows(write_households_csv(view_of(Scope.whole()), lang="zh"))
    assert "住址" not in public[0] and "备注" not in public[0]
    text = "\n".join(",".join(r) for r in public)
    assert "3号楼2单元401" not in text and "孕妇" not in text
    assert "139****0000" in text and "13900000000" not in text
    internal = _rows(write_households_csv(view_of(Scope.whole(), "internal"), lang="zh"))
    text = "\n".join(",".join(r) for r in internal)
    assert "3号楼2单元401" in text and "孕妇，需产检报备" in text and "139 0000 0000" in text


def test_officials_numbers_are_whole_on_the_public_sheets(
    view_of: Callable[..., WeekView],
) -> None:
    view = view_of(Scope.whole())
    duties = _rows(write_duties_csv(view, lang="zh"))
    phones = {r[duties[0].index("电话")] for r in duties[1:]}
    assert {"138 0000 0001", "138 0000 0002"} <= phones
    html = write_roster_html(view, lang="zh")
    assert "包保责任人：张伟 138 0000 0001" in html


def test_numbers_typed_into_names_are_masked_on_public_sheets_only() -> None:
    roster = build_roster()
    roster.people[1] = replace(roster.people[1], name="李娜13812345678")
    public = WeekView(roster, WEEK, build_instances(roster))
    for output in (
        write_roster_csv(public, lang="zh").decode("utf-8-sig"),
        write_roster_text(public, lang="zh"),
        write_roster_html(public, lang="zh"),
    ):
        assert "李娜138****5678" in output and "13812345678" not in output
    internal = WeekView(roster, WEEK, build_instances(roster), audience="internal")
    assert "李娜13812345678" in write_roster_csv(internal, lang="zh").decode("utf-8-sig")


def test_public_html_households_sheet_hides_health_notes(
    view_of: Callable[..., WeekView],
) -> None:
    assert "孕妇" not in write_households_html(view_of(Scope.whole()), lang="zh")
    assert "孕妇" in write_households_html(view_of(Scope.whole(), "internal"), lang="zh")


def test_a_persons_sheet_names_them_and_tells_namesakes_apart() -> None:
    set_language("zh")  # the sheet's title label follows the current language, not ``lang``
    roster = build_roster()
    roster.people.append(replace(roster.people[0], id="p099", phone="13912340099"))  # 张伟 too
    mine = WeekView(roster, WEEK, build_instances(roster), Scope.person("p001"))
    assert "值班表 - 张伟(东风社区, 手机尾号0001)" in write_roster_text(mine, lang="zh")
    assert "值班表 · 张伟（东风社区，手机尾号0001）" in write_roster_html(mine, lang="zh")
    alone = WeekView(build_roster(), WEEK, build_instances(build_roster()), Scope.person("p002"))
    assert "值班表 · 李娜" in write_roster_html(alone, lang="zh")
