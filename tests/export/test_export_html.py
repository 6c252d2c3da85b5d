"""Printable HTML: self-contained, a page per compound, gaps marked in words, text escaped."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import replace
from html.parser import HTMLParser

import pytest

from roster_tui.domain.model import Roster
from roster_tui.export import (
    Scope,
    WeekView,
    write_duties_html,
    write_households_html,
    write_roster_html,
    write_signin_html,
)
from roster_tui.export.html_base import FONT_STACK

from .sample import PRINTED_AT, WEEK, build_instances


class Outline(HTMLParser):
    """Counts pages, collects tags and the text of every element, checks nesting."""

    VOID = {"meta", "col", "br"}

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.pages = 0
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "section" and dict(attrs).get("class") == "page":
            self.pages += 1
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, (self.stack[-3:], tag)
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def outline(document: str) -> Outline:
    parser = Outline()
    parser.feed(document)
    parser.close()
    assert parser.stack == []
    return parser


def test_one_page_per_compound_with_posts_when_asked(view: WeekView) -> None:
    document = write_roster_html(view, lang="zh", by="compound", printed_at=PRINTED_AT)
    assert outline(document).pages == 3  # 老粮站家属院 has no post and no page
    for compound in ("农科路12号院", "金水花园", "吉祥里"):
        assert f"<h2>{compound}</h2>" in document


def test_one_page_per_community_by_default(view: WeekView) -> None:
    document = write_roster_html(view, lang="zh", printed_at=PRINTED_AT)
    assert outline(document).pages == 2
    with pytest.raises(ValueError):
        write_roster_html(view, by="street")  # type: ignore[arg-type]


def test_page_is_a4_landscape_with_page_breaks_and_cjk_fonts(view: WeekView) -> None:
    document = write_roster_html(view, lang="zh", printed_at=PRINTED_AT)
    assert "@page { size: A4 landscape;" in document
    assert "break-after: page" in document
    assert FONT_STACK.startswith('"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei"')
    assert f"font-family: {FONT_STACK}" in document


def test_nothing_is_fetched_from_anywhere(view: WeekView) -> None:
    for document in (
        write_roster_html(view, printed_at=PRINTED_AT),
        write_signin_html(view, printed_at=PRINTED_AT),
        write_duties_html(view, printed_at=PRINTED_AT),
        write_households_html(view, printed_at=PRINTED_AT),
    ):
        assert not re.search(r"https?:|//[a-z]|@import|url\(", document)
        tags = outline(document).tags
        assert not [t for t, attrs in tags if t in {"link", "script", "img", "iframe"}]


def test_header_names_the_week_and_the_duty_leader(view: WeekView) -> None:
    document = write_roster_html(view, lang="zh", printed_at=PRINTED_AT)
    assert "文化路街道 东风社区 值班表" in document
    assert "2026年第49周（11月30日—12月6日）" in document
    assert "包保责任人：张伟 138 0000 0001" in document  # 包保责任人 before the 楼栋长 duty
    assert "包保责任人：未落实" in document  # 吉祥里's only holder is inactive


def test_days_are_labelled_with_date_and_weekday(view: WeekView) -> None:
    text = "".join(outline(write_roster_html(view, lang="zh", printed_at=PRINTED_AT)).text)
    assert "11月30日周一" in text and "12月6日周日" in text


def test_footer_stamp_carries_edition_and_print_time(view: WeekView) -> None:
    document = write_roster_html(view, lang="zh", edition=3, printed_at=PRINTED_AT)
    assert document.count('<footer class="stamp">第3版 · 打印于 2026-11-28 09:30</footer>') == 2
    assert document.count('content: "第3版 · 打印于 2026-11-28 09:30 · "') == 2  # page margins
    aware = dt.datetime(2026, 11, 28, 1, 30, tzinfo=dt.UTC)
    assert "打印于 2026-11-28 09:30" in write_roster_html(view, printed_at=aware, lang="zh")


def test_understaffed_cells_say_how_many_are_missing(view: WeekView) -> None:
    document = write_roster_html(view, lang="zh", printed_at=PRINTED_AT)
    marks = re.findall(r'<td class="alert">.*?<span class="mark">(.*?)</span></td>', document)
    assert sorted(marks) == ["缺1人", "缺1人", "缺2人 缺党员"]


def test_names_are_escaped_and_control_characters_shown(view: WeekView) -> None:
    document = write_roster_html(view, lang="zh", printed_at=PRINTED_AT)
    assert "\x1b" not in document and "\u202e" not in document
    assert "王\\x1b[31m红\\u202e" in document
    assert "=1+2" in document


def test_markup_in_a_name_is_text_not_markup(roster: Roster) -> None:
    roster.people = [
        replace(p, name='<script>alert("x")</script>') if p.id == "p002" else p
        for p in roster.people
    ]
    view = WeekView(roster, WEEK, build_instances(roster))
    document = write_roster_html(view, lang="zh", printed_at=PRINTED_AT)
    assert "<script>" not in document
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in document


def test_a_person_sees_only_the_rows_they_stand_on(view_of: Callable[[Scope], WeekView]) -> None:
    document = write_roster_html(view_of(Scope.person("p009")), lang="zh", printed_at=PRINTED_AT)
    assert outline(document).pages == 1
    assert document.count('class="shift"') == 1


def test_signin_sheets_are_one_portrait_page_per_post(view: WeekView) -> None:
    document = write_signin_html(view, lang="zh", printed_at=PRINTED_AT)
    parsed = outline(document)
    assert parsed.pages == 3
    assert "@page { size: A4 portrait;" in document
    for heading in ("签到", "签退", "排班人员"):
        assert f"<th>{heading}</th>" in document
    # A line per expected person and shift: 7 days x (2 + 1 | 1 | 1 + 1), three blanks each.
    assert document.count('<td class="blank"></td>') == 7 * (3 + 1 + 2) * 3


def test_empty_week_prints_a_page_that_says_so(roster: Roster) -> None:
    view = WeekView(roster, WEEK, [], Scope.person("p009"))
    document = write_roster_html(view, lang="zh", printed_at=PRINTED_AT)
    assert outline(document).pages == 1 and "本周没有排班" in document


def test_responsibility_pages_mark_gaps(view: WeekView, view_of: Callable[..., WeekView]) -> None:
    duties = write_duties_html(view, lang="zh", printed_at=PRINTED_AT)
    assert outline(duties).pages == 2
    assert re.search(r'<td class="[^"]*alert[^"]*">未落实</td>', duties)
    internal = view_of(Scope.whole(), "internal")
    households = write_households_html(internal, lang="zh", printed_at=PRINTED_AT)
    assert "未落实：无包户人" in households
    assert "=cmd|&#x27; /C calc&#x27;!A0" in households


def test_a_name_cannot_break_out_of_the_page_margins_css(roster: Roster) -> None:
    roster.communities[0] = replace(roster.communities[0], name='东风"}</style><script>x</script>')
    document = write_roster_html(WeekView(roster, WEEK, build_instances(roster)), lang="zh")
    assert "<script>" not in document
    assert document.count("</style>") == document.count("<style>")
