"""``check``'s text report: every gap described, with the name tables built once for all."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io

import pytest
from rich.console import Console

from roster_tui.cli import check_report
from roster_tui.engine.check import check
from roster_tui.engine.describe import GapDescriber, describe_gap
from roster_tui.i18n import set_language
from roster_tui.interchange import load_roster_file
from roster_tui.services.demo import demo_roster, sample_file

WEDNESDAY = dt.date(2026, 12, 2)


def test_every_gap_is_described_with_one_set_of_name_tables(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    roster = demo_roster(load_roster_file(sample_file()), WEDNESDAY)
    monday, sunday = WEDNESDAY - dt.timedelta(days=2), WEDNESDAY + dt.timedelta(days=4)
    gaps = check(roster, monday, sunday)
    assert len(gaps) > 10
    lines = [describe_gap(gap, roster) for gap in gaps]
    built = []

    class Counted(GapDescriber):
        def __init__(self, *args: object) -> None:
            built.append(1)
            super().__init__(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(check_report, "GapDescriber", Counted)
    out = io.StringIO()
    check_report.print_gaps(roster, gaps, monday, sunday, Console(file=out, width=400))
    assert built == [1]  # not one per gap: that was most of check's time on a large roster
    for line in lines:
        assert line in out.getvalue()


def test_a_line_of_wide_characters_filling_the_column_is_wrapped_whole() -> None:
    """At 80 columns the detail column is 37 cells wide: 敬老院大门 (x2) 白班, Tue 12/1: needs
    fills it exactly, and rich's default overflow cut 'needs' to 'need…'."""
    roster = demo_roster(load_roster_file(sample_file()), WEDNESDAY)
    short = {g.post for g in check(roster, WEDNESDAY, WEDNESDAY)}
    post = next(p for p in roster.posts if p.id in short)
    roster.posts[roster.posts.index(post)] = dataclasses.replace(post, name="敬老院大门")
    gaps = check(roster, WEDNESDAY, WEDNESDAY)
    out = io.StringIO()
    check_report.print_gaps(roster, gaps, WEDNESDAY, WEDNESDAY, Console(file=out, width=80))
    assert "…" not in out.getvalue()


def test_one_gap_is_counted_as_1_gap_in_english() -> None:
    roster = demo_roster(load_roster_file(sample_file()), WEDNESDAY)
    gaps = check(roster, WEDNESDAY, WEDNESDAY)
    set_language("en")
    try:
        for shown, said in ((gaps[:1], "  1 gap "), (gaps[:2], "  2 gaps ")):
            out = io.StringIO()
            check_report.print_gaps(roster, shown, WEDNESDAY, WEDNESDAY, Console(file=out))
            assert said in out.getvalue()
    finally:
        set_language("zh")


def _drawn_by_rich(roster, gaps, first, last, width):  # type: ignore[no-untyped-def]
    """The report as rich's own Table drew it, before the table was laid out by hand."""
    from collections import defaultdict

    from rich.table import Table
    from rich.text import Text

    from roster_tui.domain.gaps import GapKind
    from roster_tui.engine.describe import gap_kind_label
    from roster_tui.i18n import t

    title = check_report.report_title(roster, len(gaps), first, last)
    by_kind = defaultdict(list)
    for gap in gaps:
        by_kind[gap.kind].append(gap)
    describe = GapDescriber(roster)
    table = Table(title=Text(title), show_lines=False, expand=False)
    table.add_column(t("cli.check.kind"), no_wrap=True)
    table.add_column(t("cli.check.count"), justify="right")
    table.add_column(t("cli.check.detail"), overflow="fold")
    for kind in GapKind:
        rows = sorted(by_kind.get(kind, []), key=check_report._sort_key)
        for i, gap in enumerate(rows):
            label = Text(gap_kind_label(kind)) if i == 0 else Text("")
            table.add_row(label, Text(str(len(rows))) if i == 0 else Text(""), Text(describe(gap)))
        if rows:
            table.add_section()
    out = io.StringIO()
    Console(file=out, width=width).print(table)
    return out.getvalue()


@pytest.mark.parametrize("language", ["zh", "en"])
@pytest.mark.parametrize("width", [60, 80, 132])
def test_the_report_is_the_table_rich_draws_line_for_line(language: str, width: int) -> None:
    roster = demo_roster(load_roster_file(sample_file()), WEDNESDAY)
    monday, sunday = WEDNESDAY - dt.timedelta(days=2), WEDNESDAY + dt.timedelta(days=4)
    gaps = check(roster, monday, sunday)
    set_language(language)
    try:
        out = io.StringIO()
        check_report.print_gaps(roster, gaps, monday, sunday, Console(file=out, width=width))
        ours = [line.rstrip() for line in out.getvalue().splitlines()]
        theirs = [
            line.rstrip()
            for line in _drawn_by_rich(roster, gaps, monday, sunday, width).splitlines()
        ]
    finally:
        set_language("zh")
    assert ours == theirs
