"""The care sheets where they are used: the PDF as a viewer draws it, the HTML as Chromium prints
it, the text as CUPS' texttopdf (what ``lp`` runs) lays it out. Every page stands alone."""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest

from roster_tui.interchange import load_roster_file
from roster_tui.services.exporting import ExportRequest, render

from .care_sample import NOW, TOMORROW, care_roster
from .sample import PRINTED_AT, WEEK
from .test_csv_in_a_spreadsheet import OFFICE, _column, open_as_excel
from .test_export_pdf import dark_share, pages_text
from .test_html_in_chromium import CHROMIUM, printed_pages

DEMO = Path(__file__).parents[2] / "sample_data" / "wenhualu.toml"
TEXTTOPDF = shutil.which("texttopdf") or next(
    (p for p in ("/usr/lib/cups/filter/texttopdf",) if Path(p).exists()), None
)
poppler = pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="no poppler-utils")


def _sheet(what: str, fmt: str) -> bytes:
    request = ExportRequest(
        what,
        fmt,
        WEEK,
        audience="internal",
        lang="zh",
        printed_at=PRINTED_AT,
        day=TOMORROW if what == "contacts" else None,
        now=NOW,
    )
    return render(load_roster_file(DEMO), request)


def _assert_pages_stand_alone(pages: list[str], title: str, period: str) -> None:
    assert len(pages) > 1
    for number, text in enumerate(pages, 1):
        assert "文化路街道" in text and "社区" in text and title in text, text
        assert period in text
        assert f"第{number}页/共{len(pages)}页" in text
        assert "打印于 2026-11-28 09:30" in text and "内部资料 · 注意保密" in text


@poppler
@pytest.mark.parametrize(
    ("what", "title", "period"),
    [
        ("contacts", "每日问访表", "2026年12月3日 周四"),
        ("requests", "诉求清单", "截至 2026年12月2日"),
    ],
)
def test_the_care_pdfs_show_chinese_and_every_page_stands_alone(
    what: str, title: str, period: str, tmp_path: Path
) -> None:
    pdf = tmp_path / f"{what}.pdf"
    pdf.write_bytes(_sheet(what, "pdf"))
    _assert_pages_stand_alone(pages_text(pdf), title, period)
    subprocess.run(["pdftoppm", "-png", "-r", "40", "-l", "1", str(pdf), str(tmp_path / "p")])
    (image,) = tmp_path.glob("p-*.png")
    assert dark_share(image, (0.03, 0.03, 0.3, 0.07)) > 0.02  # the Chinese title drew ink


def test_every_page_of_a_round_has_a_box_for_each_call(tmp_path: Path) -> None:
    if shutil.which("pdftotext") is None:
        pytest.skip("no poppler-utils")
    pdf = tmp_path / "round.pdf"
    pdf.write_bytes(_sheet("contacts", "pdf"))
    for text in pages_text(pdf):
        rows = text.count("□")
        assert rows >= 2 and rows % 2 == 0  # a morning and an evening box per household


@pytest.mark.skipif(CHROMIUM is None or shutil.which("pdftotext") is None, reason="no Chromium")
def test_chromium_prints_every_care_page_with_its_heading(tmp_path: Path) -> None:
    html = _sheet("contacts", "html").decode("utf-8")
    _assert_pages_stand_alone(printed_pages(html, tmp_path), "每日问访表", "2026年12月3日 周四")
    html = _sheet("requests", "html").decode("utf-8")
    _assert_pages_stand_alone(printed_pages(html, tmp_path), "诉求清单", "截至 2026年12月2日")


@pytest.mark.skipif(
    TEXTTOPDF is None or shutil.which("pdfinfo") is None, reason="no CUPS filters or poppler"
)
def test_lp_lays_the_text_out_page_for_page(tmp_path: Path) -> None:
    """texttopdf (what ``lp`` runs on text) starts no page of its own: no line wraps, no page
    overflows, so the printed pages are exactly the sheet's pages."""
    for what in ("contacts", "requests"):
        text = _sheet(what, "txt")
        source = tmp_path / f"{what}.txt"
        source.write_bytes(text)
        done = subprocess.run(
            [TEXTTOPDF or "", "1", "office", what, "1", "", str(source)],
            capture_output=True,
            check=True,
            env={"CHARSET": "utf-8", "PATH": "/usr/bin:/bin"},
            timeout=120,
        )
        pdf = tmp_path / f"{what}.pdf"
        pdf.write_bytes(done.stdout)
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, check=True).stdout
        pages = int(
            next(line for line in info.decode().splitlines() if "Pages" in line).split()[-1]
        )
        assert pages == text.count(b"\f") + 1


@pytest.mark.skipif(OFFICE is None, reason="LibreOffice is not installed")
def test_the_care_csvs_keep_their_types_the_way_excel_opens_them(tmp_path: Path) -> None:
    roster = care_roster()

    def sheet(what: str) -> bytes:
        request = ExportRequest(
            what, "csv", WEEK, audience="internal", lang="zh", day=TOMORROW, now=NOW
        )
        if what == "requests":
            request = dataclasses.replace(request, day=None)
        return render(roster, request)

    sheets = open_as_excel({"round": sheet("contacts"), "requests": sheet("requests")}, tmp_path)
    rows = sheets["round"]
    assert all(isinstance(p, str) and " " in p for p in _column(rows, "电话"))
    assert all(isinstance(n, int) for n in _column(rows, "剩余天数"))
    assert all(v is None for v in _column(rows, "需求"))  # blanks to fill in stay blank
    quoted = {v for row in rows for v in row if isinstance(v, str) and v.startswith("'")}
    # Only what would run as a formula: an address, and a carer named -赵六.
    assert quoted == {"'=cmd|' /C calc'!A0", "'-赵六"}
    requests = sheets["requests"]
    assert all(isinstance(d, dt.datetime) for d in _column(requests, "应办时间"))
    assert all(isinstance(s, str) for s in _column(requests, "状态"))
    assert all(isinstance(p, str) for p in _column(requests, "户主电话"))
    assert "'=1+2" in _column(requests, "办理人")
