"""Fixtures: the sample sub-district's week, whole or in a scope."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from roster_tui.domain.model import Roster
from roster_tui.export import Audience, Scope, WeekView

from .sample import WEEK, build_instances, build_roster


@pytest.fixture
def roster() -> Roster:
    return build_roster()


@pytest.fixture
def view(roster: Roster) -> WeekView:
    return WeekView(roster, WEEK, build_instances(roster))


@pytest.fixture
def view_of() -> Callable[..., WeekView]:
    """A view of the sample week in any scope, for the public (the default) or the office."""

    def make(scope: Scope, audience: Audience = "public") -> WeekView:
        roster = build_roster()
        return WeekView(roster, WEEK, build_instances(roster), scope, audience)

    return make
