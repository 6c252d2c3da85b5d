"""A user's own choices survive a restart; a broken file costs the choice, never the app."""

from __future__ import annotations

from pathlib import Path

from roster_tui.services.preferences import Preferences


def test_a_choice_is_read_back_by_the_next_session(tmp_path: Path) -> None:
    path = tmp_path / "config" / "preferences.toml"
    Preferences(path).set("today.community", "c03")
    assert Preferences(path).get("today.community") == "c03"


def test_an_unreadable_file_starts_from_defaults(tmp_path: Path) -> None:
    path = tmp_path / "preferences.toml"
    path.write_bytes(b"\xff\xfe not toml")
    prefs = Preferences(path)
    assert prefs.get("today.community") is None
    prefs.set("today.community", "c02")
    assert Preferences(path).get("today.community") == "c02"


def test_in_memory_preferences_write_nothing(tmp_path: Path) -> None:
    prefs = Preferences(None)
    prefs.set("today.community", "c01")
    assert prefs.get("today.community") == "c01"
    assert list(tmp_path.iterdir()) == []
