"""The care loop's paper in HTML, PDF and CSV: a page per carer for the daily round, a page per
community for the requests. Both are internal sheets, stamped so on every page; plain text for
``lp`` is in :mod:`care_text`.

Each printed page names the sub-district, community, sheet, carer and day (or the moment of the
requests), 第N页/共M页 and when it was printed. A round sheet is a form: a tick box for the
morning and the evening call, a blank for the reading and a line for the needs.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from roster_tui.export.care_tables import (
    CareFacts,
    open_at,
    requests_table,
    round_table,
)
from roster_tui.export.csv_writer import table_csv
from roster_tui.export.html_base import Foot, document, esc, page, table_html
from roster_tui.export.labels import (
    date_label_full,
    for_whom,
    internal_mark,
    language,
    phone_label,
    printed_time,
    weekday_label,
)
from roster_tui.export.sanitize import sanitize
from roster_tui.export.tables import Row, Table, date_text
from roster_tui.export.view import ScopeKind, WeekView
from roster_tui.i18n import t

if TYPE_CHECKING:
    from fpdf import FPDF

# Paper columns of the round: no, compound, address, head, phone, people, days left, notes,
# morning, evening, reading, needs (mm on A4 landscape, 277 mm between the margins).
_ROUND_MM = (9, 28, 30, 17, 27, 11, 14, 43, 13, 13, 17, 55)
_ROUND_TICKS = (8, 9)  # the morning and evening boxes
# id, compound, address, head, phone, kind, what, asked, due, handler, handler's phone, status
_REQUEST_MM = (16, 25, 27, 15, 25, 20, 43, 20, 20, 16, 25, 25)

_CARE_CSS = """
table.form td { height: 11mm; }
table.form td.tick { text-align: center; }
table.form td.tick::before { content: ""; display: inline-block; width: 4.5mm; height: 4.5mm;
  border: 1pt solid #000; vertical-align: middle; }
table.form th { font-size: 10pt; }
table.form td { font-size: 10pt; }
.hint { font-size: 9.5pt; margin: 0 0 2mm; }
"""


@dataclass(frozen=True, slots=True)
class SheetPage:
    """One printed page's heading: the place and sheet, what it is about, its facts."""

    place: str  # the sub-district and, where there is one, the community
    title: str  # the sheet, naming the person on a person's sheet
    subheading: str
    facts: list[str]
    group: str

    @property
    def heading(self) -> str:
        return f"{self.place} {self.title}".strip()


def _percent(widths: tuple[int, ...]) -> list[str]:
    total = sum(widths)
    return [f"{100 * w / total:.1f}%" for w in widths]


def day_label(day: dt.date, lang: str) -> str:
    """``2026年12月2日 周三``."""
    return t(
        "export.care.day",
        lang=lang,
        date=date_label_full(day, lang),
        weekday=weekday_label(day, lang),
    )


def moment_label(moment: dt.datetime, lang: str) -> str:
    """``截至 2026年12月2日 周三 09:30``: the moment a requests list was judged at."""
    when = f"{day_label(moment.date(), lang)} {moment:%H:%M}"
    return t("export.care.as_of", lang=lang, time=when)


def care_stamp(view: WeekView, printed_at: dt.datetime | None, lang: str) -> str:
    """When the sheet was printed. No edition: a day's sheet is new every day."""
    printed = printed_time(view, printed_at)
    return t("export.care.stamp", lang=lang, printed=f"{printed:%Y-%m-%d %H:%M}")


def _place(view: WeekView, community: str) -> str:
    parts = (sanitize(view.roster.subdistrict.name), community)
    return " ".join(p for p in parts if p)


def round_pages(view: WeekView, table: Table, facts: CareFacts, lang: str) -> list[SheetPage]:
    """A page per carer: heading, carer and phone, the day, how many households, the hint."""
    pages = []
    # A community's sheets name that community (a carer may live in another); otherwise the
    # carer's own community heads the page.
    scoped = view.scope.id if view.scope.kind is ScopeKind.COMMUNITY else None
    for group, rows in table.groups() or [("", [])]:
        carer = view.people.get(group)
        home = scoped or (carer.community if carer else None)
        community = sanitize(view.community_name(home)) if home else ""
        if carer is not None:
            phone = phone_label(view, carer.phone, carer.id)
            name = table.group_names.get(group, "")
            who = t("export.care.carer", lang=lang, name=name, phone=phone)
        else:
            who = t("export.care.no_carer", lang=lang) if rows else ""
        count = t("export.care.count", lang=lang, count=len(rows))
        facts_line = [day_label(facts.day, lang), count]
        pages.append(SheetPage(_place(view, community), table.title, who, facts_line, group))
    return pages


def request_pages(view: WeekView, table: Table, facts: CareFacts, lang: str) -> list[SheetPage]:
    """A page per community, the tally of open, overdue and lately done requests."""
    pages = []
    requests = {r.id: r for r in view.roster.requests}
    for group, rows in table.groups() or [("", [])]:
        listed = [requests[str(row.values[0])] for row in rows]
        still_open = [r for r in listed if open_at(r, facts.now)]
        tally = t(
            "export.care.tally",
            lang=lang,
            open=len(still_open),
            overdue=sum(1 for r in still_open if r.id in facts.overdue),
            done=len(listed) - len(still_open),
        )
        community = table.group_names.get(group, "")
        title = for_whom(view, table.title, lang)
        moment = moment_label(facts.now, lang)
        pages.append(SheetPage(_place(view, community), title, "", [moment, tally], group))
    return pages


def overdue_legend(view: WeekView, lang: str) -> str:
    return t("export.care.legend", lang=lang, hours=f"{view.roster.settings.request_hours:g}")


@dataclass(frozen=True, slots=True)
class Layout:
    """A care sheet ready for paper: its table, pages, the note above each table, the period
    every page names, and the form's column widths (mm on A4 landscape)."""

    what: str  # contacts (a daily round) or requests
    table: Table
    pages: list[SheetPage]
    note: str
    period: str
    widths: tuple[int, ...]
    lang: str
    ticks: tuple[int, ...] = ()  # columns drawn as tick boxes
    row_mm: float | None = None  # room to write in

    def rows(self, sheet: SheetPage) -> list[Row]:
        return self.table.rows_of(sheet.group)


def round_layout(view: WeekView, facts: CareFacts, lang: str) -> Layout:
    table = round_table(view, facts, lang, paper=True)
    note = t("export.care.hint" if table.rows else "export.care.no_households", lang=lang)
    pages = round_pages(view, table, facts, lang)
    period = day_label(facts.day, lang)
    return Layout("contacts", table, pages, note, period, _ROUND_MM, lang, _ROUND_TICKS, row_mm=11)


def requests_layout(view: WeekView, facts: CareFacts, lang: str) -> Layout:
    table = requests_table(view, facts, lang, paper=True)
    note = overdue_legend(view, lang) if table.rows else t("export.care.no_requests", lang=lang)
    pages = request_pages(view, table, facts, lang)
    moment = moment_label(facts.now, lang)
    return Layout("requests", table, pages, note, moment, _REQUEST_MM, lang)


def care_layout(view: WeekView, facts: CareFacts, what: str, lang: str | None = None) -> Layout:
    """``contacts``: 每日问访表, a page per carer; ``requests``: 诉求清单, a page per community."""
    lang = language(lang)
    return (round_layout if what == "contacts" else requests_layout)(view, facts, lang)


# -- HTML -----------------------------------------------------------------------------------


def write_care_html(
    view: WeekView, layout: Layout, *, printed_at: dt.datetime | None = None
) -> str:
    """A care sheet as printable HTML: A4 landscape, every page headed and marked internal."""
    lang = layout.lang
    mark = internal_mark(view, lang)
    foot = Foot(care_stamp(view, printed_at, lang), layout.period, mark, lang)
    html_pages = []
    for sheet in layout.pages:
        body = f'<p class="hint">{esc(layout.note)}</p>\n' + table_html(
            layout.table,
            layout.rows(sheet),
            widths=_percent(layout.widths),
            column_classes={i: "tick" for i in layout.ticks},
            css_class="form",
        )
        html_pages.append(page(sheet.heading, sheet.subheading, sheet.facts, body, foot))
    return document(layout.table.title, html_pages, lang=lang, extra_css=_CARE_CSS)


# -- PDF ------------------------------------------------------------------------------------


def write_care_pdf(
    view: WeekView, layout: Layout, *, printed_at: dt.datetime | None = None
) -> bytes:
    """A care sheet as a PDF with the embedded CJK font, the same pages as the HTML."""
    from fpdf.fonts import FontFace

    from roster_tui.export.pdf_writer import (
        ALERT_FILL,
        FONT,
        HEAD_FILL,
        Heading,
        new_page,
        sheet_pdf,
    )

    lang = layout.lang
    pdf: FPDF = sheet_pdf(view, lang, care_stamp(view, printed_at, lang), "L")
    plain, alert = FontFace(), FontFace(fill_color=ALERT_FILL)
    box = FontFace(size_pt=18)  # a tick box the size of a written tick
    for sheet in layout.pages:
        new_page(pdf, Heading(sheet.heading, sheet.subheading, sheet.facts))
        pdf.set_font(FONT, size=9)
        pdf.multi_cell(0, 5, layout.note, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1)
        pdf.set_font(FONT, size=10)
        with pdf.table(
            col_widths=layout.widths,
            repeat_headings=1,
            headings_style=FontFace(emphasis="", fill_color=HEAD_FILL),
            line_height=5,
            min_row_height=layout.row_mm,
            text_align="LEFT",
        ) as out:
            out.row(list(layout.table.columns))
            for row in layout.rows(sheet):
                line = out.row()
                for index, value in enumerate(row.values):
                    if index in layout.ticks:
                        line.cell("□", style=box, align="C")
                        continue
                    text = date_text(value) if isinstance(value, dt.date) else str(value or "")
                    line.cell(text, style=alert if index in row.alerts else plain)
    return bytes(pdf.output())


# -- CSV ------------------------------------------------------------------------------------


def write_care_csv(
    view: WeekView,
    facts: CareFacts,
    what: str,
    *,
    lang: str | None = None,
    encoding: str = "utf-8-sig",
) -> bytes:
    """A care sheet as a spreadsheet: a row per household (the carer in a column, blanks to
    fill) or per request (the community in a column, status in words)."""
    lang = language(lang)
    table = (round_table if what == "contacts" else requests_table)(view, facts, lang, paper=False)
    return table_csv(table, encoding=encoding)
