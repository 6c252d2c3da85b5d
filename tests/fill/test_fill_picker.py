"""The assign picker orders people as the fill does: one fairness over the four weeks before and
the week, and it says that load in the picker's words."""

from __future__ import annotations

import datetime as dt

from fill_rosters import MONDAY, WEEK, applied, district, person, rosters, shift
from hypothesis import given
from test_fill_fairness import chosen, covered, worked

from hypothesis_profiles import examples
from roster_tui.domain.model import Roster
from roster_tui.engine.fill.state import FillState
from roster_tui.i18n import set_language
from roster_tui.services import assignments
from roster_tui.services.candidates import CandidateRanker, load_note

NIGHT = shift("夜", "20:00", "08:00")


def night_roster() -> Roster:
    """``a`` worked three nights in the weeks before; ``b`` none; the free hand ``f0`` holds
    every night of the week but Monday's."""
    weeks_ago = [MONDAY - dt.timedelta(days=d) for d in (6, 13, 20)]
    return district(
        shifts=[NIGHT],
        people=[person("a"), person("b"), person("f0", community="c2")],
        overrides=[*worked("a", "夜", *weeks_ago), *covered(MONDAY, "夜", MONDAY)],
    )


def test_the_picker_offers_first_whom_the_fill_chooses_by_the_weeks_before() -> None:
    roster = night_roster()
    ranker = CandidateRanker.for_week(roster, WEEK)
    monday = next(i for i in ranker.context.instances if i.date == MONDAY)
    ranked = [c.person.id for c in ranker.rank(monday) if c.eligible]
    assert ranked[:2] == ["b", "a"]  # this week alone they are alike: the nights before decide
    assert chosen(roster, MONDAY) == [(MONDAY, "b")]


def test_the_picker_says_the_nights_of_the_weeks_before_for_a_night_seat() -> None:
    roster = night_roster()
    ranker = CandidateRanker.for_week(roster, WEEK)
    monday = next(i for i in ranker.context.instances if i.date == MONDAY)
    by_id = {c.person.id: c for c in ranker.rank(monday)}
    set_language("zh")
    assert load_note(by_id["a"]) == "本周0小时 近5周夜班3次"
    set_language("en")
    assert load_note(by_id["b"]) == "0h this week 0 nights in 5 wks"
    assert load_note(by_id["f0"]) == "72h this week 6 nights in 5 wks"


@examples(0.5)
@given(rosters())
def test_the_pickers_order_is_the_fills_order_of_fairness(roster: Roster) -> None:
    ranker = CandidateRanker.for_week(roster, WEEK)
    state = FillState(ranker.context.copy(), ranker.loads)
    demand_of = {d.instance.key: i for i, d in enumerate(state.demands)}
    for instance in ranker.context.instances:
        index = demand_of.get(instance.key)
        if index is None:
            continue  # nothing open: the fill does not choose for it
        role = state.demands[index].role
        eligible = [c.person.id for c in ranker.rank(instance) if c.eligible]
        by_fill = sorted(eligible, key=lambda pid: state.rank(pid, index, role))
        assert eligible == by_fill


def loads_of(ranker: CandidateRanker) -> dict[str, tuple[float, int, int, int, float]]:
    return {
        pid: (load.hours, load.nights, load.weekends, load.holidays, load.weighted)
        for pid, load in ranker.loads.before.items()
    }


def test_after_an_edit_in_the_week_the_picker_keeps_the_weeks_before_and_counts_the_edit() -> None:
    roster = night_roster()
    first = CandidateRanker.for_week(roster, WEEK)
    assert "b" not in loads_of(first)  # no shift in the five weeks
    edited = applied(roster, assignments.assign(roster, ("x1", MONDAY, "夜"), "b"))
    again = CandidateRanker.for_week(edited, WEEK, earlier=first)
    assert again.loads.past is first.loads.past  # read once
    assert loads_of(again) == loads_of(CandidateRanker.for_week(edited, WEEK))
    assert loads_of(again)["b"][:2] == (12, 1)


def test_an_edit_in_the_weeks_before_is_read_again() -> None:
    roster = night_roster()
    first = CandidateRanker.for_week(roster, WEEK)
    first.loads  # noqa: B018  # read as a picker would
    earlier_night = MONDAY - dt.timedelta(days=2)
    edited = applied(roster, assignments.assign(roster, ("x1", earlier_night, "夜"), "b"))
    again = CandidateRanker.for_week(edited, WEEK, earlier=first)
    assert again.loads.past is not first.loads.past
    assert loads_of(again) == loads_of(CandidateRanker.for_week(edited, WEEK))
    assert loads_of(again)["b"][:2] == (12, 1)
