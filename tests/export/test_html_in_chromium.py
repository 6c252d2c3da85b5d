"""The HTML printed by Chromium, the way the office prints it: every page stands alone."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest

from roster_tui.engine.expand import expand_instances
from roster_tui.export import WeekView, write_roster_html, write_signin_html
from roster_tui.interchange import load_roster_file

from .sample import MONDAY, PRINTED_AT, WEEK

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None or shutil.which("pdftotext") is None,
    reason="Chromium or poppler-utils is not installed",
)
DEMO = Path(__file__).parents[2] / "sample_data" / "wenhualu.toml"


def printed_pages(html: str, tmp: Path) -> list[str]:
    source, pdf = tmp / "sheet.html", tmp / "sheet.pdf"
    source.write_text(html, encoding="utf-8")
    subprocess.run(
        [CHROMIUM or "", "--headless", "--no-sandbox", "--disable-gpu",
         "--no-pdf-header-footer", f"--print-to-pdf={pdf}", source.as_uri()],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True)
    return text.stdout.decode("utf-8").split("\f")[:-1]


def test_every_printed_page_names_its_sheet_week_page_and_edition(tmp_path: Path) -> None:
    roster = load_roster_file(DEMO)
    instances = expand_instances(roster, MONDAY, MONDAY + dt.timedelta(days=6))
    view = WeekView(roster, WEEK, instances, audience="internal")
    html = write_roster_html(view, lang="zh", edition=2, printed_at=PRINTED_AT)
    pages = printed_pages(html, tmp_path)
    # One section per community by default: a handful of pages, not one per compound.
    assert 1 < len(pages) <= 2 * len(roster.communities)
    for number, text in enumerate(pages, 1):
        assert "文化路街道" in text and "社区" in text and "值班表" in text
        assert "2026年第49周" in text
        assert f"第{number}页/共{len(pages)}页" in text
        assert "第2版" in text and "内部资料 · 注意保密" in text

    signin = printed_pages(write_signin_html(view, lang="zh", printed_at=PRINTED_AT), tmp_path)
    assert len(signin) == len(roster.posts)  # one post-week per page, never spilling
