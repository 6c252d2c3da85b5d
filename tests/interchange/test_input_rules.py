"""The rules the forms apply hold on import too: phone numbers, availability also in Chinese."""

from __future__ import annotations

import pytest

from roster_tui.domain.availability import AvailabilityError, WeeklyAvailability, canonical_window
from roster_tui.domain.contact import is_phone
from roster_tui.interchange import loads_roster

from .conftest import FILE, edit, line_of
from .test_bad_input import assert_reads, only_problem, row_where


@pytest.mark.parametrize(
    "text",
    [
        "13800138000",
        "138 0013 8000",
        "+86 138-0013-8000",
        "0371-68123456",
        "010-62345678",
        "(021)87654321",
        "0371-6812345-801",
        "0371-68123456转801",
    ],
)
def test_mobiles_and_landlines_with_area_code_are_phone_numbers(text: str) -> None:
    assert is_phone(text)


@pytest.mark.parametrize(
    "text", ["138abc12345", "abc", "12345678901", "1380013800", "138001380001", "68123456", ""]
)
def test_anything_else_is_not_a_phone_number(text: str) -> None:
    assert not is_phone(text)


@pytest.mark.parametrize(
    ("chinese", "english"),
    [
        ("周一至周五 18:00-24:00", "mon-fri 18:00-24:00"),
        ("每天", "daily 00:00-24:00"),
        ("周末", "sat,sun 00:00-24:00"),
        ("周六、周日 8:00-12:00", "sat,sun 08:00-12:00"),
        ("星期三 20:00～08:00", "wed 20:00-08:00"),
        ("mon-fri 18:00-24:00", "mon-fri 18:00-24:00"),
    ],
)
def test_availability_reads_chinese_as_the_english_it_means(chinese: str, english: str) -> None:
    assert canonical_window(chinese) == english
    assert WeeklyAvailability.parse([chinese]) == WeeklyAvailability.parse([english])


@pytest.mark.parametrize("text", ["周八 08:00-12:00", "每天 25:00-26:00", "abc", "周一 至"])
def test_a_window_that_means_nothing_is_refused(text: str) -> None:
    with pytest.raises(AvailabilityError):
        canonical_window(text)


def test_an_import_refuses_a_phone_that_is_not_one(valid_text: str) -> None:
    text = edit(valid_text, 'phone = "13800000003"', 'phone = "138abc12345"')
    assert_reads(
        only_problem(text),
        row_where(line_of(text, "138abc12345"), "person", 3, "p003", "phone"),
        "电话号码不对",
        "not a phone number",
    )


def test_an_import_takes_availability_written_in_chinese(valid_text: str) -> None:
    text = edit(
        valid_text,
        'available = ["mon-fri 18:00-24:00", "sat,sun 00:00-24:00"]',
        'available = ["周一至周五 18:00-24:00", "周末"]',
    )
    roster = loads_roster(text, source=FILE)
    person = next(p for p in roster.people if p.id == "p001")
    assert WeeklyAvailability.parse(person.available or ()) == WeeklyAvailability.parse(
        ["mon-fri 18:00-24:00", "sat,sun 00:00-24:00"]
    )


@pytest.mark.parametrize(
    "written", ["+1-213-555-0001", "+852 2345 6789", "+44 (20) 7946 0958", "+8613800000003"]
)
def test_an_import_keeps_a_number_abroad_as_written(valid_text: str, written: str) -> None:
    text = edit(valid_text, 'phone = "13800000003"', f'phone = "{written}"')
    roster = loads_roster(text, source=FILE)
    assert next(p for p in roster.people if p.id == "p003").phone == written


@pytest.mark.parametrize("written", ["+86123", "+12345", "+1-213-555-0001-99999999999"])
def test_an_import_refuses_a_number_abroad_too_short_or_too_long(
    valid_text: str, written: str
) -> None:
    text = edit(valid_text, 'phone = "13800000003"', f'phone = "{written}"')
    assert_reads(
        only_problem(text),
        row_where(line_of(text, written), "person", 3, "p003", "phone"),
        "境外号码以 +",
        "a number abroad starts with +",
    )
