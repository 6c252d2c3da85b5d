"""The direct PDF, looked at the way a viewer shows it: rendered by poppler to an image.

Every page must carry visible Chinese (the embedded font, not one the viewer happens to have),
and read alone: sub-district, community, week, 第N页/共M页 and 第N版 on each page.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image

from roster_tui.engine.expand import expand_instances
from roster_tui.export import Scope, WeekView
from roster_tui.export.pdf_writer import write_roster_pdf, write_signin_pdf
from roster_tui.interchange import load_roster_file

from .sample import MONDAY, PRINTED_AT, WEEK

POPPLER = shutil.which("pdftoppm")
pytestmark = pytest.mark.skipif(POPPLER is None, reason="poppler-utils is not installed")
DEMO = Path(__file__).parents[2] / "sample_data" / "wenhualu.toml"


def demo_view(audience: str = "public") -> WeekView:
    roster = load_roster_file(DEMO)
    instances = expand_instances(roster, MONDAY, MONDAY + dt.timedelta(days=6))
    return WeekView(roster, WEEK, instances, audience=audience)  # type: ignore[arg-type]


def pages_text(pdf: Path) -> list[str]:
    done = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True)
    return done.stdout.decode("utf-8").split("\f")[:-1]


def dark_share(png: Path, box: tuple[float, float, float, float]) -> float:
    """The share of dark pixels in ``box`` (fractions of the page: left, top, right, bottom)."""
    image = Image.open(png).convert("L")
    w, h = image.size
    crop = image.crop((int(box[0] * w), int(box[1] * h), int(box[2] * w), int(box[3] * h)))
    # Pillow 12.1 renamed getdata (deprecated, removed in 14); older releases have only it.
    pixels = list(getattr(crop, "get_flattened_data", crop.getdata)())
    return sum(1 for p in pixels if p < 128) / len(pixels)


def test_the_roster_pdf_shows_chinese_on_every_page(tmp_path: Path) -> None:
    pdf = tmp_path / "roster.pdf"
    pdf.write_bytes(write_roster_pdf(demo_view(), lang="zh", edition=2, printed_at=PRINTED_AT))
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, check=True).stdout
    assert b"WenQuanYi" in fonts and b" yes " in fonts  # embedded, not the viewer's
    subprocess.run([POPPLER or "", "-png", "-r", "40", str(pdf), str(tmp_path / "p")], check=True)
    images = sorted(tmp_path.glob("p-*.png"))
    assert len(images) > 1
    for image in images:
        assert dark_share(image, (0, 0, 1, 1)) > 0.01  # not blank
        # The title line holds only Chinese (文化路街道 …社区 值班表): its glyphs drew ink.
        assert dark_share(image, (0.03, 0.02, 0.3, 0.06)) > 0.02


def test_every_pdf_page_stands_alone(tmp_path: Path) -> None:
    pdf = tmp_path / "roster.pdf"
    pdf.write_bytes(
        write_roster_pdf(demo_view("internal"), lang="zh", edition=3, printed_at=PRINTED_AT)
    )
    pages = pages_text(pdf)
    assert len(pages) > 1
    for number, text in enumerate(pages, 1):
        assert "文化路街道" in text and "社区" in text and "值班表" in text
        assert "2026年第49周" in text
        assert f"第{number}页/共{len(pages)}页" in text
        assert "第3版" in text and "内部资料 · 注意保密" in text


def test_a_sign_in_sheet_is_one_page_per_post_and_week(
    view_of: Callable[..., WeekView], tmp_path: Path
) -> None:
    view = view_of(Scope.whole())
    pdf = tmp_path / "signin.pdf"
    pdf.write_bytes(write_signin_pdf(view, lang="zh", printed_at=PRINTED_AT))
    pages = pages_text(pdf)
    posts = view.posts_in_scope()
    assert len(pages) == len(posts)
    for page, post in zip(pages, posts, strict=True):
        assert post.name in page and "签到" in page and "签退" in page
