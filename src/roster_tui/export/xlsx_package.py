"""A minimal SpreadsheetML (ECMA-376) package writer: styled cells, print setup, nothing else.

openpyxl needs tens of microseconds per styled cell; a large sub-district's week is 180,000
cells, so the workbook is written here as plain XML into a zip, which takes a small fraction of
that. The output is read back with openpyxl in the tests and rendered with LibreOffice.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import IntEnum
from xml.sax.saxutils import escape

_MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_DOC_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_EXCEL_EPOCH = dt.date(1899, 12, 30)
_FIXED_TIME = (1980, 1, 1, 0, 0, 0)  # same bytes for the same workbook


class Style(IntEnum):
    """Indexes into ``cellXfs`` of :data:`STYLES_XML`."""

    DEFAULT = 0
    TEXT = 1
    DATE = 2
    GAP = 3
    GAP_DATE = 4
    HEADER = 5
    TEXT_QUOTED = 6  # text that starts like a formula: Excel keeps it text when edited
    GAP_QUOTED = 7


Cell = tuple[str | int | float | dt.date | None, Style]


@dataclass(slots=True)
class Sheet:
    name: str
    widths: Sequence[float]
    rows: Iterable[Sequence[Cell]]
    print_header: str = ""  # plain text, centred at the top of each printed page
    print_footer: str = ""  # may hold the codes &P (page) and &N (pages)
    frozen_rows: int = 1


STYLES_XML = (
    _XML_HEAD + f'<styleSheet xmlns="{_MAIN_NS}">'
    '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts>'
    '<fonts count="3">'
    '<font><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font>'
    '<font><b/><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font>'
    '<font><b/><sz val="11"/><color rgb="FF9C0006"/><name val="等线"/><family val="2"/>'
    '<charset val="134"/></font></fonts>'
    '<fills count="4"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill>'
    '<fill><patternFill patternType="solid"><fgColor rgb="FFD9D9D9"/></patternFill></fill>'
    '<fill><patternFill patternType="solid"><fgColor rgb="FFFFC7CE"/></patternFill></fill>'
    "</fills>"
    '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>'
    '<border><left style="thin"><color rgb="FF999999"/></left>'
    '<right style="thin"><color rgb="FF999999"/></right>'
    '<top style="thin"><color rgb="FF999999"/></top>'
    '<bottom style="thin"><color rgb="FF999999"/></bottom><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="8">'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" '
    'applyAlignment="1"><alignment vertical="center" wrapText="1"/></xf>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" '
    'applyBorder="1" applyAlignment="1"><alignment vertical="center" wrapText="1"/></xf>'
    '<xf numFmtId="0" fontId="2" fillId="3" borderId="1" xfId="0" applyFont="1" applyFill="1" '
    'applyBorder="1" applyAlignment="1"><alignment vertical="center" wrapText="1"/></xf>'
    '<xf numFmtId="164" fontId="2" fillId="3" borderId="1" xfId="0" applyNumberFormat="1" '
    'applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1">'
    '<alignment vertical="center" wrapText="1"/></xf>'
    '<xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" '
    'applyBorder="1" applyAlignment="1">'
    '<alignment horizontal="center" vertical="center" wrapText="1"/></xf>'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" '
    'applyAlignment="1" quotePrefix="1"><alignment vertical="center" wrapText="1"/></xf>'
    '<xf numFmtId="0" fontId="2" fillId="3" borderId="1" xfId="0" applyFont="1" applyFill="1" '
    'applyBorder="1" applyAlignment="1" quotePrefix="1">'
    '<alignment vertical="center" wrapText="1"/></xf>'
    "</cellXfs>"
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    "</styleSheet>"
)


def column_letter(index: int) -> str:
    """0 → ``A``, 25 → ``Z``, 26 → ``AA``."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _attr(text: str) -> str:
    return escape(text, {'"': "&quot;"})


class _SharedStrings:
    def __init__(self) -> None:
        self.index: dict[str, int] = {}
        self.count = 0

    def add(self, text: str) -> int:
        """The index of ``text`` in the table (``count`` is kept by the caller, per use)."""
        found = self.index.get(text)
        if found is None:
            found = self.index[text] = len(self.index)
        return found

    def xml(self) -> str:
        items = "".join(f'<si><t xml:space="preserve">{escape(s)}</t></si>' for s in self.index)
        return (
            _XML_HEAD + f'<sst xmlns="{_MAIN_NS}" count="{self.count}" '
            f'uniqueCount="{len(self.index)}">{items}</sst>'
        )


def _cell_tail(cell: Cell, strings: _SharedStrings) -> str:
    """Everything of a ``<c>`` element after its reference."""
    value, style = cell
    if value is None or value == "":
        return f' s="{style:d}"/>'
    if isinstance(value, str):
        return f' s="{style:d}" t="s"><v>{strings.add(value)}</v></c>'
    if isinstance(value, dt.date):
        return f' s="{style:d}"><v>{(value - _EXCEL_EPOCH).days}</v></c>'
    return f' s="{style:d}"><v>{value!r}</v></c>'


def _sheet_xml(sheet: Sheet, strings: _SharedStrings) -> str:
    letters = [column_letter(i) for i in range(len(sheet.widths))]
    rows_xml: list[str] = []
    row_number = 0
    # A week repeats the same names, dates and places on thousands of rows: each distinct
    # (value, style) is turned into XML once.
    tails: dict[Cell, str] = {}
    for row_number, row in enumerate(sheet.rows, start=1):
        cells = []
        for letter, cell in zip(letters, row, strict=False):
            tail = tails.get(cell)
            if tail is None:
                tail = tails[cell] = _cell_tail(cell, strings)
            if cell[0].__class__ is str and cell[0]:
                strings.count += 1
            cells.append(f'<c r="{letter}{row_number}"{tail}')
        rows_xml.append(f'<row r="{row_number}">{"".join(cells)}</row>')
    last = f"{letters[-1] if letters else 'A'}{max(row_number, 1)}"
    frozen = sheet.frozen_rows
    pane = (
        f'<pane ySplit="{frozen}" topLeftCell="A{frozen + 1}" activePane="bottomLeft" '
        f'state="frozen"/><selection pane="bottomLeft" activeCell="A{frozen + 1}" '
        f'sqref="A{frozen + 1}"/>'
        if frozen
        else ""
    )
    cols = "".join(
        f'<col min="{i}" max="{i}" width="{width:g}" customWidth="1"/>'
        for i, width in enumerate(sheet.widths, start=1)
    )
    header = f"<oddHeader>{escape('&C' + sheet.print_header)}</oddHeader>"
    footer = f"<oddFooter>{escape('&R' + sheet.print_footer)}</oddFooter>"
    return (
        _XML_HEAD + f'<worksheet xmlns="{_MAIN_NS}" xmlns:r="{_REL_NS}">'
        '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>'
        f'<dimension ref="A1:{last}"/>'
        f'<sheetViews><sheetView workbookViewId="0">{pane}</sheetView></sheetViews>'
        '<sheetFormatPr defaultRowHeight="15"/>'
        f"<cols>{cols}</cols>"
        f"<sheetData>{''.join(rows_xml)}</sheetData>"
        '<printOptions horizontalCentered="1"/>'
        '<pageMargins left="0.4" right="0.4" top="0.7" bottom="0.6" header="0.3" footer="0.3"/>'
        '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>'
        f"<headerFooter>{header}{footer}</headerFooter>"
        "</worksheet>"
    )


def _quoted_sheet(name: str) -> str:
    return "'" + name.replace("'", "''") + "'"


def _workbook_xml(sheets: Sequence[Sheet]) -> str:
    entries = "".join(
        f'<sheet name="{_attr(s.name)}" sheetId="{i}" r:id="rId{i}"/>'
        for i, s in enumerate(sheets, start=1)
    )
    titles = "".join(
        f'<definedName name="_xlnm.Print_Titles" localSheetId="{i}">'
        f"{escape(_quoted_sheet(s.name))}!$1:${s.frozen_rows}</definedName>"
        for i, s in enumerate(sheets)
        if s.frozen_rows
    )
    names = f"<definedNames>{titles}</definedNames>" if titles else ""
    return (
        _XML_HEAD + f'<workbook xmlns="{_MAIN_NS}" xmlns:r="{_REL_NS}">'
        f"<bookViews><workbookView/></bookViews><sheets>{entries}</sheets>{names}</workbook>"
    )


def _workbook_rels(count: int) -> str:
    sheets = "".join(
        f'<Relationship Id="rId{i}" Type="{_DOC_TYPE}/worksheet" Target="worksheets/sheet{i}.xml"/>'
        for i in range(1, count + 1)
    )
    return (
        _XML_HEAD + f'<Relationships xmlns="{_PKG_REL_NS}">{sheets}'
        f'<Relationship Id="rId{count + 1}" Type="{_DOC_TYPE}/styles" Target="styles.xml"/>'
        f'<Relationship Id="rId{count + 2}" Type="{_DOC_TYPE}/sharedStrings" '
        'Target="sharedStrings.xml"/></Relationships>'
    )


def _content_types(count: int) -> str:
    sheet_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
    overrides = "".join(
        f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="{sheet_type}"/>'
        for i in range(1, count + 1)
    )
    office = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    return (
        _XML_HEAD + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{office}.sheet.main+xml"/>'
        f'<Override PartName="/xl/styles.xml" ContentType="{office}.styles+xml"/>'
        f'<Override PartName="/xl/sharedStrings.xml" ContentType="{office}.sharedStrings+xml"/>'
        f"{overrides}</Types>"
    )


_ROOT_RELS = (
    _XML_HEAD + f'<Relationships xmlns="{_PKG_REL_NS}">'
    f'<Relationship Id="rId1" Type="{_DOC_TYPE}/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)


def write_workbook(sheets: Sequence[Sheet]) -> bytes:
    """The ``.xlsx`` bytes of ``sheets`` (at least one)."""
    strings = _SharedStrings()
    parts = [
        (f"xl/worksheets/sheet{i}.xml", _sheet_xml(s, strings)) for i, s in enumerate(sheets, 1)
    ]
    parts += [
        ("[Content_Types].xml", _content_types(len(sheets))),
        ("_rels/.rels", _ROOT_RELS),
        ("xl/workbook.xml", _workbook_xml(sheets)),
        ("xl/_rels/workbook.xml.rels", _workbook_rels(len(sheets))),
        ("xl/styles.xml", STYLES_XML),
        ("xl/sharedStrings.xml", strings.xml()),
    ]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as package:
        for name, text in sorted(parts, key=lambda p: p[0] != "[Content_Types].xml"):
            info = zipfile.ZipInfo(name, date_time=_FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            package.writestr(info, text.encode("utf-8"))
    return buffer.getvalue()
