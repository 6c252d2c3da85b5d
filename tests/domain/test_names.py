"""Names as they are shown: three 张伟 told apart by community and phone tail, safe to print."""

from __future__ import annotations

from roster_tui.domain.model import Community, Person, Roster, Subdistrict
from roster_tui.domain.names import PersonName, PersonNames, namesakes, phone_tail


def _roster() -> Roster:
    return Roster(
        Subdistrict("文化路街道"),
        communities=[Community("c1", "东风社区"), Community("c2", "金水社区")],
        people=[
            Person("p1", "张伟", "13800000001", "c1"),
            Person("p2", "张伟", "138-0000-0002", "c2"),
            Person("p3", "张伟", "13800000003 (宅)", "c1"),
            Person("p4", "李娜", "13800000004", "c9"),
            Person("p5", "王\x1b[31m芳", "13800000005", "c1"),
        ],
    )


def test_the_phone_tail_is_its_last_four_digits_whatever_separates_or_follows_them() -> None:
    assert phone_tail("138-0000-1234") == "1234"
    assert phone_tail("13800001234 (宅)") == "1234"
    assert phone_tail("12") == "12"


def test_namesakes_are_names_that_more_than_one_person_carries() -> None:
    assert namesakes(_roster().people) == {"张伟"}


def test_three_zhang_wei_are_told_apart_by_community_and_phone_tail() -> None:
    names = PersonNames.of_roster(_roster())
    found = [names.get(pid) for pid in ("p1", "p2", "p3")]
    assert found == [
        PersonName("张伟", "东风社区", "0001", namesake=True),
        PersonName("张伟", "金水社区", "0002", namesake=True),
        PersonName("张伟", "东风社区", "0003", namesake=True),
    ]
    assert len({(n.community, n.tail) for n in found if n}) == 3


def test_a_name_nobody_else_carries_is_no_namesake_and_a_lost_community_shows_its_id() -> None:
    assert PersonNames.of_roster(_roster()).get("p4") == PersonName("李娜", "c9", "0004", False)


def test_parts_are_printable_by_default_and_an_unknown_id_shows_as_itself() -> None:
    names = PersonNames.of_roster(_roster())
    assert names.name("p5") == "王\\x1b[31m芳"
    assert names.get("p404") is None
    assert names.name("p404") == "p404"


def test_a_writer_cleans_the_parts_its_own_way() -> None:
    roster = _roster()
    names = PersonNames.of_roster(roster, clean=str)
    assert names.name("p5") == "王\x1b[31m芳"


def test_people_are_looked_up_through_the_roster_index() -> None:
    roster = _roster()
    names = PersonNames.of_roster(roster)
    assert names.people is roster.index.people
