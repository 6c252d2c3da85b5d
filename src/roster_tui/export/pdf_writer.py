"""A direct PDF of the same sheets as the HTML, to send to ``lp`` or share in a chat group.

fpdf2 (pure Python) draws it with an embedded CJK font, WenQuanYi Micro Hei from the
``paperang-p2-fonts-cjk`` package (Apache-2.0 or GPL-3.0 with the font exception), subset to the
characters used, so Chinese shows in every viewer with no font installed. Both are imported only
when a PDF is asked for: the TUI and ``check`` never pay for them.

Every page repeats its heading (sub-district, community, sheet, compound or post, week) and its
footer (第N页/共M页, 第N版 and, on an internal sheet, 内部资料 · 注意保密); a table that runs
onto the next page repeats its column headings.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING, Any

from roster_tui.export.grid import GridCell, PageBy, grid_pages
from roster_tui.export.labels import (
    date_label,
    for_whom,
    gap_legend,
    internal_mark,
    language,
    leader_label,
    pattern_range_label,
    printed_time,
    stamp_label,
    week_label,
    weekday_label,
)
from roster_tui.export.sanitize import sanitize
from roster_tui.export.tables import Table, duties_table, households_table
from roster_tui.export.view import WeekView
from roster_tui.i18n import t

if TYPE_CHECKING:
    from fpdf import FPDF

FONT = "cjk"
ALERT_FILL = (251, 213, 213)
HEAD_FILL = (230, 230, 230)


def font_path() -> str:
    """The bundled CJK font file (a TrueType collection)."""
    return str(resources.files("paperang_p2_fonts_cjk") / "fonts" / "wqy-microhei.ttc")


@dataclass(slots=True)
class Heading:
    title: str
    subtitle: str
    facts: list[str]


def sheet_pdf(view: WeekView, lang: str, stamp: str, orientation: str) -> Any:
    from fpdf import FPDF  # lazy: a PDF is the only thing that needs it

    mark = internal_mark(view, lang)

    class Sheet(FPDF):
        heading = Heading("", "", [])

        def header(self) -> None:
            self.set_font(FONT, size=14)
            self.multi_cell(0, 7, self.heading.title, new_x="LMARGIN", new_y="NEXT")
            self.set_font(FONT, size=11)
            if self.heading.subtitle:
                self.multi_cell(0, 6, self.heading.subtitle, new_x="LMARGIN", new_y="NEXT")
            self.set_font(FONT, size=9.5)
            facts = "    ".join(f for f in self.heading.facts if f)
            self.multi_cell(0, 5, facts, new_x="LMARGIN", new_y="NEXT")
            self.ln(2)

        def footer(self) -> None:
            self.set_y(-12)
            self.set_font(FONT, size=9)
            if mark:
                self.cell(0, 6, mark, align="L")
                self.set_x(self.l_margin)
            pages = t("export.page_of", lang=lang, page=self.page_no(), pages="{nb}")
            self.cell(0, 6, f"{stamp}    {pages}", align="R")

    pdf = Sheet(orientation=orientation, format="A4")
    pdf.set_margins(10, 10, 10)
    pdf.set_auto_page_break(True, margin=15)
    pdf.add_font(FONT, fname=font_path())
    pdf.set_font(FONT, size=10)
    pdf.set_creator("roster-tui")
    return pdf


def new_page(pdf: FPDF, heading: Heading) -> None:
    pdf.heading = heading  # type: ignore[attr-defined]
    pdf.add_page()


def _cell_text(cell: GridCell, lang: str) -> str:
    if not cell.scheduled:
        return "—"
    names = "\n".join(cell.names) or t("export.nobody", lang=lang)
    return f"{names}\n【{cell.shortage}】" if cell.short else names


def _grid_table(pdf: FPDF, view: WeekView, rows: Sequence[Any], lang: str, many: bool) -> None:
    from fpdf.fonts import FontFace

    plain, alert = FontFace(), FontFace(fill_color=ALERT_FILL)
    widths = (34, 26, *(31,) * 7)
    with pdf.table(
        col_widths=widths,
        repeat_headings=1,
        headings_style=FontFace(emphasis="", fill_color=HEAD_FILL),
        line_height=5,
        text_align="LEFT",
    ) as table:
        days = [f"{date_label(d, lang)} {weekday_label(d, lang)}" for d in view.days]
        table.row([t("export.grid.post", lang=lang), t("export.grid.shift", lang=lang), *days])
        for row in rows:
            post = f"{row.post}\n({row.compound})" if many else row.post
            line = table.row()
            line.cell(post)
            line.cell(f"{row.shift}\n{row.hours}")
            for cell in row.cells:
                line.cell(_cell_text(cell, lang), style=alert if cell.short else plain)


def write_roster_pdf(
    view: WeekView,
    *,
    lang: str | None = None,
    by: PageBy = "community",
    edition: int = 1,
    printed_at: dt.datetime | None = None,
) -> bytes:
    """The week grid, one section per community (or compound), A4 landscape."""
    lang = language(lang)
    stamp = stamp_label(edition, printed_time(view, printed_at), lang)
    pdf = sheet_pdf(view, lang, stamp, "L")
    subdistrict = sanitize(view.roster.subdistrict.name)
    title = for_whom(view, t("export.title.roster", lang=lang), lang)
    week = week_label(view, lang)
    pages = grid_pages(view, lang, by=by)
    for grid in pages:
        heading = " ".join(p for p in (subdistrict, grid.community, title) if p)
        new_page(pdf, Heading(heading, grid.compound or "", [week, *grid.leaders]))
        _grid_table(pdf, view, grid.rows, lang, many=grid.compound is None)
        pdf.set_font(FONT, size=9)
        pdf.multi_cell(0, 5, gap_legend(lang), new_x="LMARGIN", new_y="NEXT")
        pdf.set_font(FONT, size=10)
    if not pages:
        new_page(pdf, Heading(f"{subdistrict} {title}", "", [week]))
        pdf.cell(0, 8, t("export.no_shifts", lang=lang))
    return bytes(pdf.output())


def _table_pdf(view: WeekView, table: Table, lang: str, stamp: str, subtitle: str) -> bytes:
    from fpdf.fonts import FontFace

    pdf = sheet_pdf(view, lang, stamp, "L")
    subdistrict = sanitize(view.roster.subdistrict.name)
    plain, alert = FontFace(), FontFace(fill_color=ALERT_FILL)
    for group, rows in table.groups() or [("", [])]:
        community = table.group_names.get(group, "")
        heading = " ".join(p for p in (subdistrict, community, table.title) if p)
        new_page(pdf, Heading(heading, "", [subtitle]))
        with pdf.table(
            repeat_headings=1,
            headings_style=FontFace(emphasis="", fill_color=HEAD_FILL),
            line_height=5,
            text_align="LEFT",
        ) as out:
            out.row(list(table.columns))
            for row in rows:
                line = out.row()
                for index, value in enumerate(row.values):
                    text = value.isoformat() if isinstance(value, dt.date) else str(value or "")
                    line.cell(text, style=alert if index in row.alerts else plain)
    return bytes(pdf.output())


def write_duties_pdf(
    view: WeekView,
    *,
    lang: str | None = None,
    edition: int = 1,
    printed_at: dt.datetime | None = None,
) -> bytes:
    lang = language(lang)
    stamp = stamp_label(edition, printed_time(view, printed_at), lang)
    return _table_pdf(view, duties_table(view, lang), lang, stamp, week_label(view, lang))


def write_households_pdf(
    view: WeekView,
    *,
    lang: str | None = None,
    edition: int = 1,
    printed_at: dt.datetime | None = None,
    as_of: dt.date | None = None,
) -> bytes:
    lang = language(lang)
    stamp = stamp_label(edition, printed_time(view, printed_at), lang)
    table = households_table(view, lang, as_of=as_of)
    return _table_pdf(view, table, lang, stamp, week_label(view, lang))


def write_signin_pdf(
    view: WeekView,
    *,
    lang: str | None = None,
    edition: int = 1,
    printed_at: dt.datetime | None = None,
) -> bytes:
    """签到表: one A4 portrait page per post and week, a signature line per person and shift."""
    from fpdf.fonts import FontFace

    lang = language(lang)
    stamp = stamp_label(edition, printed_time(view, printed_at), lang)
    pdf = sheet_pdf(view, lang, stamp, "P")
    found = {i.key: i for i in view.instances}
    week = week_label(view, lang)
    heads = ("date", "shift", "people", "sign_in", "sign_out", "note")
    for post in sorted(view.posts_in_scope(), key=view.post_order):
        compound = view.compounds.get(post.compound)
        community = sanitize(view.community_name(compound.community if compound else None))
        title = " ".join(
            p
            for p in (
                sanitize(view.roster.subdistrict.name),
                community,
                t("export.title.signin", lang=lang),
            )
            if p
        )
        where = f"{sanitize(view.compound_name(post.compound))} · {sanitize(post.name)}"
        new_page(pdf, Heading(title, where, [week, leader_label(view, post.compound, lang)]))
        week_shifts = post.shifts_between(view.monday, view.sunday)
        lines = sum(max(1, s.need) for s in week_shifts) * 7
        height = max(4.5, min(8.0, 215 / max(1, lines)))  # one page per post-week
        pdf.set_font(FONT, size=9 if height < 6 else 10)
        with pdf.table(
            col_widths=(28, 44, 38, 26, 26, 28),
            headings_style=FontFace(emphasis="", fill_color=HEAD_FILL),
            line_height=height,
            text_align="LEFT",
        ) as table:
            table.row([t(f"export.signin.{h}", lang=lang) for h in heads])
            for day in view.days:
                for shift in post.shifts_on(day):
                    instance = found.get((post.id, day, shift.name))
                    names = (
                        [sanitize(view.person_name(p)) for p in instance.counted]
                        if instance
                        else []
                    )
                    for index in range(max(1, shift.need, len(names))):
                        first = index == 0
                        when = f"{date_label(day, lang)} {weekday_label(day, lang)}"
                        table.row(
                            [
                                when if first else "",
                                f"{shift.name} {pattern_range_label(shift.start, shift.end, lang)}"
                                if first
                                else "",
                                names[index] if index < len(names) else "",
                                "",
                                "",
                                "",
                            ]
                        )
    return bytes(pdf.output())
