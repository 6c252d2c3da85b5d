"""The today screen's figures, and the first screen read ahead of the UI, on the demo data."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from roster_tui.domain.model import Roster
from roster_tui.domain.week import Week
from roster_tui.engine.check import check
from roster_tui.interchange import load_roster_file
from roster_tui.services.demo import demo_roster, sample_file
from roster_tui.services.overview import (
    PlaceIndex,
    RangeGaps,
    counts_worst_first,
    duty_at,
    frozen_moment,
    gaps_of_community,
    household_summary,
)
from roster_tui.services.today import read_startup, week_gap_counts
from roster_tui.services.workspace import Workspace
from roster_tui.store.db import open_store

TODAY = dt.date(2026, 12, 2)  # a Wednesday


@pytest.fixture(scope="module")
def demo() -> Roster:
    return demo_roster(load_roster_file(sample_file()), TODAY)


@pytest.fixture
def workspace(tmp_path: Path, demo: Roster) -> Iterator[Workspace]:
    store = open_store(f"sqlite:///{tmp_path / 'demo.sqlite'}", create=True)
    store.import_roster(demo, replace=True, user="tester")
    yield Workspace(store, user="tester")
    store.close()


def test_week_gap_counts_are_the_engines_gaps_of_the_community(demo: Roster) -> None:
    first, last = Week.of(TODAY).monday, Week.of(TODAY).sunday
    expected = counts_worst_first(
        gaps_of_community(check(demo, first, last), PlaceIndex(demo), "c02")
    )
    assert expected  # the demo week has gaps in c02, or this test proves nothing
    assert week_gap_counts(demo, "c02", RangeGaps(), TODAY) == expected


def test_the_whole_sub_district_counts_every_gap_of_the_week(demo: Roster) -> None:
    first, last = Week.of(TODAY).monday, Week.of(TODAY).sunday
    everything = counts_worst_first(check(demo, first, last))
    assert week_gap_counts(demo, None, RangeGaps(), TODAY) == everything
    by_community = sum(
        n for c in demo.communities for _, n in week_gap_counts(demo, c.id, RangeGaps(), TODAY)
    )
    assert sum(n for _, n in everything) >= by_community > 0


def test_read_startup_holds_the_roster_its_version_and_the_today_figures(
    workspace: Workspace, demo: Roster
) -> None:
    startup = read_startup(workspace, "c02", TODAY)
    assert startup.roster == demo
    assert startup.version == workspace.data_version()
    view = startup.today
    assert view is not None and view.roster is startup.roster and view.community == "c02"
    nine = frozen_moment(TODAY, demo.subdistrict.timezone)
    assert view.moment == nine
    posts = PlaceIndex(demo).posts_of("c02")
    assert view.duty_view.duty == duty_at(demo, posts, nine)
    assert view.duty_view.households == household_summary(demo, "c02", TODAY)
    assert view.gap_counts == week_gap_counts(demo, "c02", RangeGaps(), TODAY)
    # The tracker it built is the week's: the screen goes on from it edit by edit.
    first, last = Week.of(TODAY).monday, Week.of(TODAY).sunday
    assert Counter(view.week_gaps.gaps(view.roster, first, last)) == Counter(
        check(demo, first, last)
    )


def test_read_startup_falls_back_to_the_whole_sub_district(workspace: Workspace) -> None:
    startup = read_startup(workspace, "gone", TODAY)
    assert startup.today.community is None
