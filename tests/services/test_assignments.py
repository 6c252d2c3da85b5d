"""Hand edits become one normalised override per instance, and rotations stay intact."""

from __future__ import annotations

import dataclasses
import datetime as dt

from roster_tui.domain.model import (
    Community,
    Compound,
    CompoundKind,
    Override,
    Person,
    Post,
    Roster,
    Rotation,
    ShiftPattern,
    Subdistrict,
)
from roster_tui.services import assignments
from roster_tui.services.snapshot import apply_changes

DAY = dt.date(2026, 12, 1)


def make_roster(overrides: list[Override] | None = None) -> Roster:
    people = [Person(f"p{i}", f"人员{i}", f"1380000000{i}", "c1") for i in range(1, 6)]
    post = Post("x1", "东门", "k1", (ShiftPattern("白班", 8 * 60, 20 * 60, 2),))
    return Roster(
        Subdistrict("文化路街道"),
        communities=[Community("c1", "东风社区")],
        compounds=[Compound("k1", "农科路12号院", "c1", CompoundKind.MANAGED)],
        people=people,
        posts=[post],
        rotations=[Rotation("r1", "x1", ("p1", "p2", "p3", "p4"), DAY)],
        overrides=overrides or [],
    )


KEY = ("x1", DAY, "白班")


def test_rotation_puts_the_first_members_on_the_first_day() -> None:
    assert assignments.assigned_people(make_roster(), KEY) == ("p1", "p2")


def test_assigning_someone_adds_one_override() -> None:
    roster = make_roster()
    changes = assignments.assign(roster, KEY, "p5")
    assert [c.after for c in changes] == [Override("x1", DAY, "白班", add=("p5",))]
    assert assignments.assigned_people(apply_changes(roster, changes), KEY) == ("p1", "p2", "p5")


def test_removing_a_rotation_pick_records_a_removal() -> None:
    roster = make_roster()
    changes = assignments.unassign(roster, KEY, "p1")
    after = apply_changes(roster, changes)
    assert assignments.assigned_people(after, KEY) == ("p2",)
    assert after.overrides == [Override("x1", DAY, "白班", remove=("p1",))]


def test_adding_back_a_removed_person_drops_the_override_instead_of_stacking() -> None:
    roster = apply_changes(make_roster(), assignments.unassign(make_roster(), KEY, "p1"))
    changes = assignments.assign(roster, KEY, "p1")
    after = apply_changes(roster, changes)
    assert after.overrides == []
    assert set(assignments.assigned_people(after, KEY)) == {"p1", "p2"}


def test_several_override_rows_for_one_instance_collapse_into_one() -> None:
    roster = make_roster(
        [
            Override("x1", DAY, "白班", add=("p5",)),
            Override("x1", DAY, "白班", remove=("p2",)),
        ]
    )
    assert assignments.assigned_people(roster, KEY) == ("p1", "p5")
    after = apply_changes(roster, assignments.assign(roster, KEY, "p3"))
    assert len(after.overrides) == 1
    assert assignments.assigned_people(after, KEY) == ("p1", "p5", "p3")


def test_swap_exchanges_two_people_between_instances() -> None:
    roster = make_roster()
    next_day = ("x1", DAY + dt.timedelta(days=1), "白班")
    assert assignments.assigned_people(roster, next_day) == ("p3", "p4")
    after = apply_changes(roster, assignments.swap(roster, KEY, "p1", next_day, "p3"))
    assert set(assignments.assigned_people(after, KEY)) == {"p3", "p2"}
    assert set(assignments.assigned_people(after, next_day)) == {"p1", "p4"}


def test_replace_puts_someone_in_the_persons_place_in_one_override() -> None:
    roster = make_roster()
    changes = assignments.replace(roster, KEY, "p1", "p5")
    after = apply_changes(roster, changes)
    assert assignments.assigned_people(after, KEY) == ("p2", "p5")
    assert after.overrides == [Override("x1", DAY, "白班", remove=("p1",), add=("p5",))]
    # Someone already on the shift taking the place: one person, not two.
    again = apply_changes(roster, assignments.replace(roster, KEY, "p1", "p2"))
    assert assignments.assigned_people(again, KEY) == ("p2",)


def test_copy_to_days_repeats_the_people_on_every_other_day() -> None:
    roster = make_roster()
    days = [DAY + dt.timedelta(days=i) for i in range(3)]
    after = apply_changes(roster, assignments.copy_to_days(roster, KEY, days))
    for day in days:
        assert assignments.assigned_people(after, ("x1", day, "白班")) == ("p1", "p2")


def test_apply_changes_leaves_the_original_roster_untouched() -> None:
    roster = make_roster()
    apply_changes(roster, assignments.assign(roster, KEY, "p5"))
    assert roster.overrides == []
    assert dataclasses.replace(roster) == roster
