"""Undo is per operator: two terminals on one login each take back only their own actions."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from roster_tui.interchange import load_roster_file
from roster_tui.services.demo import sample_file
from roster_tui.services.operator import OperatorAtTerminal, shown_operator, split_operator
from roster_tui.services.preferences import Preferences
from roster_tui.services.workspace import Workspace
from roster_tui.store.db import open_store


def test_a_second_terminal_on_the_login_is_a_shared_login_and_is_asked(tmp_path: Path) -> None:
    preferences = Preferences(tmp_path / "preferences.toml")
    first = OperatorAtTerminal(preferences, "office", "TMUX_PANE=%1")
    assert not first.should_ask() and first.name() == "office"
    second = OperatorAtTerminal(
        Preferences(tmp_path / "preferences.toml"), "office", "TMUX_PANE=%2"
    )
    assert second.should_ask()
    assert second.choose("p002") == "office/p002"
    again = OperatorAtTerminal(Preferences(tmp_path / "preferences.toml"), "office", "TMUX_PANE=%2")
    assert not again.should_ask() and again.name() == "office/p002"  # remembered per terminal


def test_undo_takes_back_this_terminals_action_never_the_other_ones(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'shared.sqlite'}"
    store = open_store(url, create=True)
    store.import_roster(load_roster_file(sample_file()), replace=True, user="office")
    mine = Workspace(open_store(url), user="office/p001")
    theirs = Workspace(open_store(url), user="office/p002")
    roster = mine.load()
    first, second = roster.people[10], roster.people[11]
    mine.save_person(first, dataclasses.replace(first, name="我改的"))
    theirs.save_person(second, dataclasses.replace(second, name="别人改的"))
    mine.undo()
    names = {p.id: p.name for p in mine.load().people}
    assert names[first.id] == first.name  # my edit is taken back
    assert names[second.id] == "别人改的"  # the other terminal's stays


def test_history_shows_the_person_and_old_rows_stay_readable() -> None:
    roster = load_roster_file(sample_file())
    person = roster.people[0]
    assert shown_operator(f"office/{person.id}", roster) == f"{person.name}（office）"
    assert shown_operator("office", roster) == "office"
    assert split_operator("office") == ("office", None)
