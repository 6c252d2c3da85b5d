"""Prints show what `check` finds for the people on them, with a short legend."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from roster_tui.engine.check import check_instances
from roster_tui.export import WeekView, write_roster_html, write_roster_text
from roster_tui.export.pdf_writer import write_roster_pdf

from .sample import MONDAY, WEEK, build_instances, build_roster, make_instance


def _view_with_gaps() -> WeekView:
    roster = build_roster()
    roster.settings = dataclasses.replace(roster.settings, max_hours_per_week=40)
    instances = build_instances(roster)
    # 𠮷明 also at the east gate on Monday's day shift while on the rental compound's.
    index = next(i for i, x in enumerate(instances) if x.key == ("x001", MONDAY, "白班"))
    instances[index] = make_instance(roster, "x001", MONDAY, "白班", ("p001", "p002", "p005"))
    gaps = check_instances(roster, instances, MONDAY, MONDAY + dt.timedelta(days=6))
    return WeekView(roster, WEEK, instances, gaps=gaps)


def test_double_booking_short_rest_and_overtime_are_marked_with_a_legend() -> None:
    view = _view_with_gaps()
    text = write_roster_text(view, lang="zh")
    assert re.search(r"𠮷明(\[.\])*\[重\]", text)  # two gates at the same hour
    assert re.search(r"李娜(\[.\])*\[休\]", text)  # Tuesday night, then Wednesday at 08:00
    assert "[超]" in text  # someone over the 40 hours of the week
    assert "[重] 同一时间排在两处" in text and "[休] 两班之间休息不足" in text
    html = write_roster_html(view, lang="zh")
    assert re.search(r"𠮷明(\[.\])*\[重\]", html) and "同一时间排在两处" in html
    assert write_roster_pdf(view, lang="zh").startswith(b"%PDF")


def test_a_compound_with_nobody_named_is_highlighted_in_the_header() -> None:
    html = write_roster_html(_view_with_gaps(), lang="zh", by="compound")
    assert '<span class="alert">包保责任人：未落实</span>' in html
