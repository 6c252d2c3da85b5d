"""The care loop's paper: a carer's daily round and the volunteers' requests, in every format.

Both are internal sheets: full addresses and phones, 内部资料 on every page, and a public
audience refused. Days left count from the round's day as the Households screen counts them.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import unicodedata

import pytest
from wcwidth import wcswidth

from roster_tui.export import Scope, WeekView
from roster_tui.export.care_sheets import care_layout, write_care_html
from roster_tui.export.care_tables import requests_table, round_table
from roster_tui.services.exporting import ExportProblem, ExportRequest, render
from roster_tui.services.exporting_care import care_facts
from roster_tui.services.households import days_left

from .care_sample import NOW, TOMORROW, care_roster
from .sample import PRINTED_AT, WEEK


def _render(what: str, fmt: str, **options: object) -> bytes:
    request = ExportRequest(
        what=what,
        fmt=fmt,
        week=WEEK,
        audience="internal",
        lang="zh",
        printed_at=PRINTED_AT,
        day=TOMORROW if what == "contacts" else None,
        now=NOW,
    )
    return render(care_roster(), dataclasses.replace(request, **options))  # type: ignore[arg-type]


def _csv(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def test_the_round_lists_the_days_households_with_days_left_as_the_app_counts() -> None:
    rows = _csv(_render("contacts", "csv"))
    roster = care_roster()
    by_head = {h.head: h for h in roster.households}
    # h0002 starts on the round's day, h0003 has its second-last day: all three are on it.
    assert sorted(r["户主"] for r in rows) == sorted(by_head)
    for row in rows:
        household = by_head[row["户主"]]
        assert int(row["剩余天数"]) == days_left(household, roster.settings, TOMORROW)
    # Blanks to fill in by hand: the two calls, the reading and the needs.
    assert all(row["上午"] == row["晚上"] == row["体温"] == row["需求"] == "" for row in rows)


def test_the_round_says_fevers_and_overdue_requests_in_words() -> None:
    rows = {r["户主"]: r for r in _csv(_render("contacts", "csv"))}
    assert "孕妇" in rows["李某"]["提示"]
    assert "发热38.2度" in rows["李某"]["提示"]
    assert "待办1件，其中超时1件" in rows["李某"]["提示"]
    assert "上次体温36.5度" in rows["赵某"]["提示"]
    html = _render("contacts", "html").decode("utf-8")
    assert '<td class="alert">孕妇' in html  # highlighted, and said in words too


def test_a_carers_round_holds_only_their_households_and_names_them() -> None:
    rows = _csv(_render("contacts", "csv", person="p002"))
    assert [r["户主"] for r in rows] == ["李某"]
    html = _render("contacts", "html", person="p002").decode("utf-8")
    assert "包户人：李娜 138 0000 0002" in html
    assert "2026年12月3日 周四" in html


def test_a_household_without_a_carer_gets_a_page_saying_so() -> None:
    html = _render("contacts", "html").decode("utf-8")
    assert html.count('<section class="page"') == 3  # 李娜, 𠮷明 (on leave), nobody
    assert "未分配包户人" in html


def test_text_fits_lp_pages_with_form_feeds_and_boxes() -> None:
    roster = care_roster()
    many = [
        dataclasses.replace(
            roster.households[0], id=f"h9{i:03d}", address=f"{i}号楼很长很长的地址" * 3
        )
        for i in range(30)
    ]
    roster = dataclasses.replace(roster, households=[*roster.households, *many])
    csv_request = ExportRequest(
        "contacts", "csv", WEEK, person="p002", audience="internal", day=TOMORROW, now=NOW
    )
    addresses = [r["住址"][:3] for r in _csv(render(roster, csv_request))]
    assert addresses[:3] == ["0号楼", "1号楼", "2号楼"]  # numbers by value: 2 before 10
    request = ExportRequest(
        "contacts", "txt", WEEK, audience="internal", lang="zh", day=TOMORROW, now=NOW
    )
    pages = render(roster, request).decode("utf-8").split("\f")
    assert len(pages) > 2  # 31 households of one carer run over several pages
    for number, page in enumerate(pages, 1):
        lines = page.rstrip("\n").split("\n")
        assert len(lines) <= 66
        assert all(0 <= wcswidth(line) <= 80 for line in lines), lines
        assert lines[0].startswith("文化路街道") and lines[0].endswith(
            f"第{number}页/共{len(pages)}页"
        )
        assert "每日问访表" in lines[0] and lines[1] == "2026年12月3日 周四"
        assert "内部资料" in page
    text = "".join(pages)
    assert "上午[ ]  晚上[ ]" in text
    odd = {
        c
        for c in text
        if ord(c) > 0x7E and not unicodedata.name(c, "").startswith("CJK UNIFIED IDEOGRAPH")
    }
    assert odd <= {"\U00020bb7"}, odd  # 𠮷, a name character outside the BMP


def test_the_requests_list_puts_overdue_first_and_says_so_without_colour() -> None:
    rows = _csv(_render("requests", "csv"))
    # A page per community (c01, then c02), open ones by due time, then the ones done lately;
    # q0004 was done days ago, q0005 is asked after the sheet's moment.
    assert [r["编号"] for r in rows] == ["q0001", "q0003", "q0002"]
    status = {r["编号"]: r["状态"] for r in rows}
    assert status == {"q0001": "已超时", "q0002": "待办", "q0003": "已办 12-01 15:00"}
    handler = {r["编号"]: r["办理人"] for r in rows}
    assert handler["q0002"] == "未指派"
    assert rows[0]["应办时间"] == "2026-12-02 08:00"
    text = _render("requests", "txt").decode("utf-8")
    assert "[!已超时!]" in text and "! 已超时 = 提出后24小时仍未办结" in text


def test_a_handlers_list_and_a_communitys_list() -> None:
    mine = _csv(_render("requests", "csv", person="p003"))
    assert [r["编号"] for r in mine] == ["q0001"]
    c02 = _csv(_render("requests", "csv", community="c02"))
    assert [r["编号"] for r in c02] == ["q0002"]


def test_csv_cells_stay_text_and_never_run_as_formulas() -> None:
    rows = _csv(_render("contacts", "csv"))
    hostile = next(r for r in rows if r["户主"] == "𠮷某")
    assert hostile["住址"].startswith("'=")  # neutralised
    assert all(" " in r["电话"] for r in rows)  # a spreadsheet keeps 139 0000 0000 as text
    requests = _csv(_render("requests", "csv"))
    assert requests[0]["办理人"] == "'=1+2"


@pytest.mark.parametrize("fmt", ["html", "txt"])
def test_every_page_is_marked_internal(fmt: str) -> None:
    for what in ("contacts", "requests"):
        text = _render(what, fmt).decode("utf-8")
        pages = text.split("\f") if fmt == "txt" else text.split('<section class="page"')[1:]
        assert pages
        for page in pages:
            assert "内部资料" in page


@pytest.mark.parametrize("what", ["contacts", "requests"])
def test_a_public_care_sheet_is_refused(what: str) -> None:
    with pytest.raises(ExportProblem, match="内部资料"):
        _render(what, "html", audience="public")


def test_options_that_do_not_apply_are_refused() -> None:
    with pytest.raises(ExportProblem, match="--post"):
        _render("contacts", "html", post="x001")
    with pytest.raises(ExportProblem, match="--date"):
        _render("contacts", "html", day=None)
    with pytest.raises(ExportProblem, match="--date"):
        _render("requests", "html", day=TOMORROW)
    with pytest.raises(ExportProblem):
        _render("requests", "xlsx")
    with pytest.raises(ExportProblem, match="--date"):
        render(care_roster(), ExportRequest("roster", "csv", WEEK, day=TOMORROW))
    with pytest.raises(ExportProblem, match="找不到"):
        _render("contacts", "html", person="p404")


def test_a_public_view_would_still_mask_what_the_public_may_not_see() -> None:
    """The writers follow the audience like every sheet: masked phones, no address or notes."""
    roster = care_roster()
    facts = care_facts(roster, NOW, TOMORROW)
    public = WeekView(roster, WEEK, [], Scope.whole(), "public")
    table = round_table(public, facts, "zh", paper=False)
    cells = [dict(zip(table.columns, row.values, strict=True)) for row in table.rows]
    assert all("****" in str(c["电话"]) and c["住址"] == "" for c in cells)
    assert all("孕妇" not in str(c["提示"]) for c in cells)
    requests = requests_table(public, facts, "zh", paper=False)
    assert all("****" in str(row.values[5]) for row in requests.rows)
    round_html = write_care_html(public, care_layout(public, facts, "contacts", "zh"))
    assert "139 0000" not in round_html  # residents' phones
    requests_html = write_care_html(public, care_layout(public, facts, "requests", "zh"))
    assert "3号楼2单元401" not in requests_html


def test_english_sheets_are_all_english() -> None:
    html = _render("requests", "html", lang="en").decode("utf-8")
    assert "Requests list" in html and "OVERDUE" in html and "INTERNAL" in html
    rows = _csv(_render("contacts", "csv", lang="en"))
    assert {"Head", "Days left", "AM", "PM", "Needs"} <= set(rows[0])


def test_a_communitys_round_names_that_community_on_every_page() -> None:
    """A carer from another community still prints under the community asked for."""
    roster = care_roster()
    roster.households[2] = dataclasses.replace(roster.households[2], carer="p002")  # c01's 李娜
    request = ExportRequest(
        "contacts", "html", WEEK, community="c02", audience="internal", lang="zh",
        day=TOMORROW, now=NOW,
    )  # fmt: skip
    html = render(roster, request).decode("utf-8")
    headings = [line for line in html.splitlines() if line.startswith("<h1>")]
    assert headings and all("𠮷祥社区" in h and "东风社区" not in h for h in headings)
    assert "包户人：李娜" in html
