"""import → dump → import gives identical data, for every valid roster (docs/format.md)."""

from __future__ import annotations

import tomllib
import unicodedata

from hypothesis import given

from roster_tui.domain.model import Roster
from roster_tui.interchange import dumps_roster, loads_roster

from .strategies import rosters


@given(rosters())
def test_loading_a_dump_gives_the_same_roster(roster: Roster) -> None:
    assert loads_roster(dumps_roster(roster)) == roster


@given(rosters())
def test_dumping_what_was_loaded_gives_the_same_text(roster: Roster) -> None:
    text = dumps_roster(roster)
    assert dumps_roster(loads_roster(text)) == text


@given(rosters())
def test_a_dump_is_plain_toml_with_the_format_first(roster: Roster) -> None:
    text = dumps_roster(roster)
    assert text.startswith('format = "roster-tui/1"\n')
    assert tomllib.loads(text)["format"] == "roster-tui/1"
    # Names hold control characters as data; the file holds them only as escapes.
    assert all(ch == "\n" or ch.isprintable() or unicodedata.category(ch) == "Zs" for ch in text)


def test_the_example_file_survives_a_round_trip(valid_text: str) -> None:
    roster = loads_roster(valid_text)
    text = dumps_roster(roster)
    assert loads_roster(text) == roster
    assert dumps_roster(loads_roster(text)) == text
