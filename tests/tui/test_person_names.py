"""The duty list's names: a namesake's tail is the phone's last digits, as on every other screen."""

from __future__ import annotations

from roster_tui.domain.model import Person
from roster_tui.tui.widgets.today_panels import person_label


def test_a_namesake_on_duty_gets_the_last_four_digits_of_the_phone() -> None:
    person = Person("p3", "张伟", "13800000003 (宅)", "c1")
    # The last four characters would be " (宅)"; the last four digits tell him apart.
    assert person_label(person, "p3", frozenset({"张伟"})) == "张伟（尾号0003）"


def test_a_name_nobody_else_carries_is_shown_alone_and_an_unknown_id_as_itself() -> None:
    assert person_label(Person("p4", "李娜", "13800000004", "c1"), "p4", frozenset()) == "李娜"
    assert person_label(None, "p404", frozenset()) == "p404"
