"""The printable HTML shell: one self-contained file, inline CSS, A4 pages, CJK fonts.

No external URL of any kind: the file prints the same on an office PC with no network.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from rich.cells import cell_len

from roster_tui.export.labels import (
    internal_mark,
    is_unassigned,
    printed_time,
    stamp_label,
    week_label,
)
from roster_tui.export.sanitize import sanitize
from roster_tui.export.tables import Row, Table, Value, date_text
from roster_tui.export.view import WeekView
from roster_tui.i18n import t

FONT_STACK = (
    '"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", SimSun, sans-serif'
)

# Text up to this many display cells never wraps (dates, phones, names); longer text may.
_SHORT_TEXT = 14

_BASE_CSS = """
@page { size: A4 %(orientation)s; margin: 12mm 10mm; font-family: %(fonts)s; font-size: 8.5pt; }
.legend { font-size: 9pt; margin: 1.5mm 0 0; }
.meta .alert { padding: 0 1mm; }
.internal { float: right; margin: 0; font-weight: bold; border: 1pt solid #000; padding: 0 2mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: %(fonts)s; font-size: 11pt; color: #000; }
.page { break-after: page; page-break-after: always; padding: 0; }
.page:last-child { break-after: auto; page-break-after: auto; }
header { margin-bottom: 3mm; }
h1 { font-size: 15pt; margin: 0 0 1.5mm; }
h2 { font-size: 12.5pt; margin: 0 0 1mm; font-weight: normal; }
.meta { margin: 0; font-size: 10pt; }
.meta span + span { margin-left: 6mm; }
table { width: 100%%; border-collapse: collapse; table-layout: fixed; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 0.8pt solid #000; padding: 1mm 1.2mm; vertical-align: middle;
         overflow-wrap: anywhere; }
th { background: #e6e6e6; font-weight: bold; }
td.num { text-align: right; }
table.list { table-layout: auto; }
td.nw { white-space: nowrap; }
.alert { background: #fbd5d5; font-weight: bold; }
.mark { display: inline-block; border: 1pt solid #000; padding: 0 1mm; margin-top: 0.5mm;
        font-weight: bold; }
.none { color: #555; }
footer { margin-top: 2mm; font-size: 9pt; text-align: right; }
"""


def esc(text: str | None) -> str:
    """Sanitized and HTML-escaped: safe in element text and in quoted attributes."""
    return html.escape(sanitize(text), quote=True)


def document(
    title: str,
    pages: Iterable[str],
    *,
    lang: str,
    extra_css: str = "",
    orientation: str = "landscape",
) -> str:
    css = _BASE_CSS % {"orientation": orientation, "fonts": FONT_STACK} + extra_css
    html_lang = "zh-CN" if lang == "zh" else "en"
    body = "\n".join(pages)
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{html_lang}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{esc(title)}</title>\n<style>{css}</style>\n</head>\n<body>\n{body}\n"
        "</body>\n</html>\n"
    )


@dataclass(frozen=True, slots=True)
class Foot:
    """What every printed page of a document repeats besides its own heading."""

    stamp: str  # 第N版 · 打印于 …
    week: str
    mark: str  # 内部资料 · 注意保密, or "" on a public sheet
    lang: str


def css_string(text: str) -> str:
    """``text`` as a CSS string literal that cannot close the string or the style element."""
    out = []
    for char in sanitize(text):
        if char in '"\\<>&' or ord(char) < 0x20:
            out.append(f"\\{ord(char):x} ")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def _page_counter(lang: str) -> str:
    """第N页/共M页 as CSS content: the words around the page and pages counters."""
    words = t("export.page_of", lang=lang, page="\x00", pages="\x01")
    first, rest = words.split("\x00")
    middle, last = rest.split("\x01")
    return (
        f"{css_string(first)} counter(page) {css_string(middle)} counter(pages) {css_string(last)}"
    )


def page(heading: str, subheading: str, meta: Iterable[str], body: str, foot: Foot) -> str:
    """One sheet: headings, a line of facts, the body and the edition stamp. When the sheet runs
    onto more paper, every printed page still names the sheet, week, page, edition and mark in
    its margins (a named @page per sheet: Chromium and other CSS paged-media printers)."""
    # A fact saying nobody is named (未落实) is a gap too: highlighted like one.
    facts = "".join(
        f'<span class="alert">{esc(item)}</span>'
        if is_unassigned(item)
        else f"<span>{esc(item)}</span>"
        for item in meta
        if item
    )
    running = " · ".join(p for p in (heading, subheading, foot.week) if p)
    name = "s" + hashlib.sha1(running.encode("utf-8")).hexdigest()[:10]
    margins = (
        f"@page {name} {{ @top-left {{ content: {css_string(running)}; }}"
        f" @bottom-left {{ content: {css_string(foot.mark)}; }}"
        f" @bottom-right {{ content: {css_string(foot.stamp + ' · ')}"
        f" {_page_counter(foot.lang)}; }} }}"
    )
    mark = f'<p class="internal">{esc(foot.mark)}</p>\n' if foot.mark else ""
    return (
        f"<style>{margins}</style>\n"
        f'<section class="page" style="page: {name}">\n<header>\n'
        f"{mark}<h1>{esc(heading)}</h1>\n"
        + (f"<h2>{esc(subheading)}</h2>\n" if subheading else "")
        + f'<p class="meta">{facts}</p>\n</header>\n{body}\n'
        f'<footer class="stamp">{esc(foot.stamp)}</footer>\n</section>'
    )


def foot(view: WeekView, edition: int, printed_at: dt.datetime | None, lang: str) -> Foot:
    return Foot(
        stamp_label(edition, printed_time(view, printed_at), lang),
        week_label(view, lang),
        internal_mark(view, lang),
        lang,
    )


def _value_html(value: Value) -> tuple[str, bool]:
    if value is None:
        return "", False
    if isinstance(value, dt.date):
        return date_text(value), False
    if isinstance(value, str):
        return esc(value), False
    return str(value), True


def table_html(
    table: Table,
    rows_of_group: list[Row],
    *,
    widths: Sequence[str] = (),
    column_classes: Mapping[int, str] | None = None,
    css_class: str = "list",
) -> str:
    """A bordered table of ``rows_of_group`` under the table's column headings; ``widths`` and
    ``column_classes`` shape a form's columns (blanks to write in, tick boxes)."""
    head = "".join(f"<th>{esc(c)}</th>" for c in table.columns)
    cols = "".join(f'<col style="width:{w}">' for w in widths)
    lines = [f'<table class="{css_class}">']
    if cols:
        lines.append(f"<colgroup>{cols}</colgroup>")
    lines.append(f"<thead><tr>{head}</tr></thead>\n<tbody>")
    extra = column_classes or {}
    for row in rows_of_group:
        cells = []
        for index, value in enumerate(row.values):
            text, numeric = _value_html(value)
            short = cell_len(html.unescape(text)) <= _SHORT_TEXT
            flags = (("num", numeric), ("nw", short), ("alert", index in row.alerts))
            classes = " ".join([name for name, on in flags if on] + [extra.get(index, "")]).strip()
            cells.append(f'<td class="{classes}">{text}</td>' if classes else f"<td>{text}</td>")
        lines.append("<tr>" + "".join(cells) + "</tr>")
    lines.append("</tbody>\n</table>")
    return "\n".join(lines)
