"""Printable HTML: the week grid for the office wall, responsibility lists and sign-in sheets."""

from __future__ import annotations

import datetime as dt
from itertools import groupby

from roster_tui.domain.instances import ShiftInstance
from roster_tui.domain.model import Post
from roster_tui.export.grid import GridCell, GridPage, GridRow, PageBy, grid_pages
from roster_tui.export.html_base import Foot, document, esc, foot, page, table_html
from roster_tui.export.labels import (
    counted_names,
    date_label,
    date_label_full,
    for_whom,
    gap_legend,
    language,
    leader_label,
    shortage_label,
    time_range_label,
    week_label,
    weekday_label,
)
from roster_tui.export.sanitize import sanitize
from roster_tui.export.tables import Table, duties_table, households_table
from roster_tui.export.view import ScopeKind, WeekView
from roster_tui.i18n import t

_GRID_CSS = """
.grid td { height: 13mm; }
.grid tbody { break-inside: avoid; page-break-inside: avoid; }
.grid th.day { text-align: center; }
.grid th.day small { display: block; font-weight: normal; }
.grid .post { font-weight: bold; }
.grid .post small { display: block; font-weight: normal; }
.grid .shift small { display: block; font-size: 9pt; }
.grid td div { line-height: 1.35; }
"""

_SIGNIN_CSS = """
.signin td { padding-top: 0; padding-bottom: 0; }
.signin th small { display: block; font-weight: normal; }
.signin td.hours { font-size: 10pt; }
.signin td.blank { background: #fff; }
.hint { font-size: 9.5pt; margin: 1mm 0 2mm; }
"""


def _heading(view: WeekView, community: str, title: str) -> str:
    parts = [sanitize(view.roster.subdistrict.name), community, for_whom(view, title, "")]
    return " ".join(part for part in parts if part)


def _day_cell(cell: GridCell, lang: str) -> str:
    if not cell.scheduled:
        return '<td class="none">—</td>'
    names = "".join(f"<div>{esc(name)}</div>" for name in cell.names)
    if not names:
        names = f'<div class="none">{esc(t("export.nobody", lang=lang))}</div>'
    if cell.short:
        return f'<td class="alert">{names}<span class="mark">{esc(cell.shortage)}</span></td>'
    return f"<td>{names}</td>"


def _grid_table(view: WeekView, grid: GridPage, lang: str) -> str:
    days = "".join(
        f'<th class="day">{esc(date_label(day, lang))}'
        f"<small>{esc(weekday_label(day, lang))}</small></th>"
        for day in view.days
    )
    lines = [
        '<table class="grid">',
        '<colgroup><col style="width:13%"><col style="width:10.5%">'
        + '<col style="width:10.9%">' * 7
        + "</colgroup>",
        f"<thead><tr><th>{esc(t('export.grid.post', lang=lang))}</th>"
        f"<th>{esc(t('export.grid.shift', lang=lang))}</th>{days}</tr></thead>",
    ]
    for (compound, post), rows_iter in groupby(grid.rows, key=lambda r: (r.compound, r.post)):
        rows: list[GridRow] = list(rows_iter)
        where = f"<small>{esc(compound)}</small>" if grid.compound is None else ""
        # One body per post, kept on one page, so a post's shifts are never split.
        lines.append("<tbody>")
        for index, row in enumerate(rows):
            post_cell = (
                f'<th class="post" rowspan="{len(rows)}">{esc(post)}{where}</th>'
                if index == 0
                else ""
            )
            shift_cell = f'<td class="shift">{esc(row.shift)}<small>{esc(row.hours)}</small></td>'
            days_html = "".join(_day_cell(cell, lang) for cell in row.cells)
            lines.append(f"<tr>{post_cell}{shift_cell}{days_html}</tr>")
        lines.append("</tbody>")
    lines.append("</table>")
    return "\n".join(lines)


def _legend(lang: str) -> str:
    return f'<p class="legend">{esc(gap_legend(lang))}</p>'


def write_roster_html(
    view: WeekView,
    *,
    lang: str | None = None,
    by: PageBy = "community",
    edition: int = 1,
    printed_at: dt.datetime | None = None,
) -> str:
    """The week grid, one A4 landscape page per compound (or per community with ``by``)."""
    lang = language(lang)
    when = foot(view, edition, printed_at, lang)
    week = week_label(view, lang)
    pages = [
        page(
            _heading(view, grid.community, t("export.title.roster", lang=lang)),
            grid.compound or "",
            [week, *grid.leaders],
            _grid_table(view, grid, lang) + _legend(lang),
            when,
        )
        for grid in grid_pages(view, lang, by=by)
    ]
    if not pages:
        empty = f'<p class="none">{esc(t("export.no_shifts", lang=lang))}</p>'
        pages = [
            page(_heading(view, "", t("export.title.roster", lang=lang)), "", [week], empty, when)
        ]
    title = _heading(view, "", t("export.title.roster", lang=lang)) + " " + week
    return document(title, pages, lang=lang, extra_css=_GRID_CSS)


def _table_pages(view: WeekView, table: Table, lang: str, when: Foot, subtitle: str) -> list[str]:
    groups = table.groups() or [("", [])]
    return [
        page(
            _heading(view, table.group_names.get(group, ""), table.title),
            "",
            [subtitle],
            table_html(table, rows),
            when,
        )
        for group, rows in groups
    ]


def write_duties_html(
    view: WeekView,
    *,
    lang: str | None = None,
    edition: int = 1,
    printed_at: dt.datetime | None = None,
) -> str:
    """包街包院 responsibility, one page per community; uncovered streets and compounds marked."""
    lang = language(lang)
    table = duties_table(view, lang)
    when = foot(view, edition, printed_at, lang)
    pages = _table_pages(view, table, lang, when, week_label(view, lang))
    return document(table.title, pages, lang=lang)


def write_households_html(
    view: WeekView,
    *,
    lang: str | None = None,
    edition: int = 1,
    printed_at: dt.datetime | None = None,
    as_of: dt.date | None = None,
) -> str:
    """Quarantined households and their carers, one page per community, gaps marked."""
    lang = language(lang)
    table = households_table(view, lang, as_of=as_of)
    when = foot(view, edition, printed_at, lang)
    day = as_of or view.monday
    subtitle = date_label_full(day, lang)
    pages = _table_pages(view, table, lang, when, subtitle)
    return document(table.title, pages, lang=lang)


def _signin_table(
    view: WeekView,
    post: Post,
    found: dict[tuple[str, dt.date, str], ShiftInstance],
    on_shift: set[tuple[str, str]],
    lang: str,
) -> str:
    only_theirs = view.scope.kind is ScopeKind.PERSON
    heads = ("date", "shift", "time", "people", "sign_in", "sign_out", "note")
    widths = ("11%", "7%", "17%", "19%", "16%", "16%", "14%")
    cols = "".join(f'<col style="width:{w}">' for w in widths)
    head = "".join(f"<th>{esc(t(f'export.signin.{h}', lang=lang))}</th>" for h in heads)
    lines = [
        f'<table class="signin"><colgroup>{cols}</colgroup>',
        f"<thead><tr>{head}</tr></thead>",
    ]
    lines.append("<tbody>")
    # A signature line per person and shift, all of the week on one A4 portrait page: the
    # lines share the page's height (about 225 mm under the heading), 9 mm at most each.
    per_day = [
        [
            (shift, found.get((post.id, day, shift.name)))
            for shift in post.shifts_on(day)
            if not only_theirs or (post.id, shift.name) in on_shift
        ]
        for day in view.days
    ]
    counts = [
        max(1, shift.need, len(instance.counted) if instance else 0)
        for day in per_day
        for shift, instance in day
    ]
    line_mm = min(9.0, 225 / max(1, sum(counts)))
    for day, day_shifts in zip(view.days, per_day, strict=True):
        day_rows = sum(max(1, s.need, len(i.counted) if i else 0) for s, i in day_shifts)
        for index, (shift, instance) in enumerate(day_shifts):
            names = counted_names(view, instance) if instance else []
            short = shortage_label(view, instance, lang) if instance else ""
            hours = time_range_label(view, instance, lang) if instance else ""
            rows = max(1, shift.need, len(names))
            for line in range(rows):
                cells = []
                if index == 0 and line == 0:
                    cells.append(
                        f'<th rowspan="{day_rows}">{esc(date_label(day, lang))}'
                        f"<small>{esc(weekday_label(day, lang))}</small></th>"
                    )
                if line == 0:
                    cells.append(
                        f'<td rowspan="{rows}">{esc(shift.name)}</td>'
                        f'<td class="hours" rowspan="{rows}">{esc(hours)}</td>'
                    )
                name = esc(names[line]) if line < len(names) else ""
                if short and line == rows - 1:
                    name += f' <span class="mark">{esc(short)}</span>'
                alert = ' class="alert"' if short and line >= len(names) else ""
                cells.append(f"<td{alert}>{name}</td>")
                cells.append('<td class="blank"></td>' * 3)
                lines.append(f'<tr style="height:{line_mm:.1f}mm">{"".join(cells)}</tr>')
    lines.append("</tbody>\n</table>")
    return "\n".join(lines)


def write_signin_html(
    view: WeekView,
    *,
    lang: str | None = None,
    edition: int = 1,
    printed_at: dt.datetime | None = None,
) -> str:
    """签到表: one A4 portrait sheet per post for the week, blank 签到/签退 columns to sign."""
    lang = language(lang)
    when = foot(view, edition, printed_at, lang)
    week = week_label(view, lang)
    hint = f'<p class="hint">{esc(t("export.signin.hint", lang=lang))}</p>'
    found = {i.key: i for i in view.instances}
    on_shift = {(i.post.id, i.shift.name) for i in view.instances}
    pages = []
    for post in sorted(view.posts_in_scope(), key=view.post_order):
        compound = view.compounds.get(post.compound)
        community = sanitize(view.community_name(compound.community if compound else None))
        pages.append(
            page(
                _heading(view, community, t("export.title.signin", lang=lang)),
                f"{sanitize(view.compound_name(post.compound))} · {sanitize(post.name)}",
                [week, leader_label(view, post.compound, lang)],
                hint + _signin_table(view, post, found, on_shift, lang),
                when,
            )
        )
    title = _heading(view, "", t("export.title.signin", lang=lang)) + " " + week
    return document(title, pages, lang=lang, extra_css=_SIGNIN_CSS, orientation="portrait")
