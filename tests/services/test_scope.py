"""The scope every screen shows: remembered per operator, the whole sub-district by default."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from roster_tui.domain.model import Roster
from roster_tui.interchange import load_roster_file
from roster_tui.services.demo import demo_roster, sample_file
from roster_tui.services.preferences import Preferences
from roster_tui.services.scope import (
    OLD_TODAY_PREFERENCE,
    remember_scope,
    remembered_scope,
    resolve_scope,
)


def _demo() -> Roster:
    return demo_roster(load_roster_file(sample_file()), dt.date(2026, 12, 2))


def test_a_community_is_kept_while_it_exists_else_the_whole_sub_district() -> None:
    demo = _demo()
    assert resolve_scope(demo, "c03") == "c03"
    assert resolve_scope(demo, "c99") is None  # since deleted
    assert resolve_scope(demo, None) is None


def test_the_scope_is_remembered_in_the_operators_preferences(tmp_path: Path) -> None:
    path = tmp_path / "preferences.toml"
    prefs = Preferences(path)
    assert remembered_scope(prefs) is None  # a new operator sees the whole sub-district
    remember_scope(prefs, "c02")
    assert remembered_scope(Preferences(path)) == "c02"
    remember_scope(prefs, None)
    assert remembered_scope(Preferences(path)) is None


def test_the_community_the_today_screen_remembered_becomes_the_scope() -> None:
    prefs = Preferences(None)
    prefs.set(OLD_TODAY_PREFERENCE, "c03")  # written before the scope was app-wide
    assert remembered_scope(prefs) == "c03"
    remember_scope(prefs, None)  # a choice made since wins
    assert remembered_scope(prefs) is None
