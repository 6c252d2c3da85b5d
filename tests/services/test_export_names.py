"""Default export names differ by scope, so one community's file never replaces another's."""

from __future__ import annotations

import datetime as dt

from roster_tui.domain.week import Week
from roster_tui.interchange import load_roster_file
from roster_tui.services.demo import demo_roster, sample_file
from roster_tui.services.export_names import default_file_name, scope_name

MONDAY = dt.date(2026, 11, 30)


def test_every_scope_has_its_own_default_name() -> None:
    roster = demo_roster(load_roster_file(sample_file()), MONDAY)
    scopes = [scope_name(roster)]
    scopes += [scope_name(roster, community=c.id) for c in roster.communities]
    scopes += [scope_name(roster, post=p.id) for p in roster.posts]
    scopes += [scope_name(roster, person=p.id) for p in roster.people]
    names = [default_file_name("排班表", scope, Week(MONDAY), "csv") for scope in scopes]
    assert len(set(names)) == len(names)
    assert names[0] == "排班表-文化路街道-2026-W49.csv"


def test_a_name_never_holds_a_path_separator_or_control_character() -> None:
    name = default_file_name("排班表", "a/b\\c:\x1b", Week(MONDAY), "txt")
    assert "/" not in name and "\\" not in name and "\x1b" not in name
