"""One line per gap, in Chinese or English, naming places and people by name and id."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from builders import day, household, person, post, roster, shift

from roster_tui.domain.gaps import Gap, GapKind
from roster_tui.domain.week import Week
from roster_tui.engine.describe import GapDescriber, describe_gap, gap_kind_label
from roster_tui.i18n import current_language, set_language
from roster_tui.i18n.catalogs import engine as engine_catalog

R = roster(
    people=[person("p001", name="张伟"), person("p002", name="张伟")],
    posts=[post("x001", shift("白班", "08:00", "20:00", need=2), name="农科路12号院东门")],
    households=[household("h0001", "2026-12-01")],
)
SHIFT_GAP = dict(post="x001", date=day("2026-12-03"), shift="白班")


@pytest.fixture(params=["zh", "en"])
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    before = current_language()
    set_language(request.param)
    yield request.param
    set_language(before)


@pytest.fixture
def chinese() -> Iterator[None]:
    before = current_language()
    set_language("zh")
    yield
    set_language(before)


@pytest.fixture
def english() -> Iterator[None]:
    before = current_language()
    set_language("en")
    yield
    set_language(before)


def test_both_languages_have_the_same_keys() -> None:
    assert engine_catalog.ZH.keys() == engine_catalog.EN.keys()


def test_every_kind_has_a_label_in_each_language(language: str) -> None:
    labels = {gap_kind_label(kind) for kind in GapKind}
    assert len(labels) == len(GapKind)
    assert not any(label.startswith("gap.") for label in labels)


def test_understaffed_reads_like_the_notice_board(chinese: None) -> None:
    gap = Gap(GapKind.UNDERSTAFFED, **SHIFT_GAP, need=2, have=1, people=("p001",))  # type: ignore[arg-type]
    assert describe_gap(gap, R) == "农科路12号院东门（x001） 白班 12月3日 周四：需 2 人，实到 1 人"


def test_namesakes_are_told_apart_by_their_ids(chinese: None) -> None:
    first, second = (
        describe_gap(
            Gap(GapKind.OVERTIME, person=p, week=Week.parse("2026-W49"), hours=60, max=56), R
        )
        for p in ("p001", "p002")
    )
    assert first != second
    assert "张伟（p001）" in first and "张伟（p002）" in second
    assert first == "张伟（p001）2026年第49周排班 60 小时，超过上限 56 小时"


def test_a_pair_names_both_instances_and_the_rest(chinese: None) -> None:
    gap = Gap(
        GapKind.SHORT_REST,
        person="p001",
        **SHIFT_GAP,  # type: ignore[arg-type]
        other_post="x001",
        other_date=day("2026-12-02"),
        other_shift="白班",
        hours=7.5,
    )
    text = describe_gap(gap, R)
    assert "12月2日 周三" in text and "12月3日 周四" in text and "7.5 小时" in text


def test_an_id_with_no_row_is_shown_as_the_id(chinese: None) -> None:
    gap = Gap(GapKind.UNAVAILABLE, person="p999", **SHIFT_GAP, reason="leave")  # type: ignore[arg-type]
    assert describe_gap(gap, R).startswith("p999排在 农科路12号院东门（x001）")
    assert describe_gap(gap, R).endswith("在请假")


EVERY_KIND = [
    Gap(GapKind.UNDERSTAFFED, **SHIFT_GAP, need=2, have=0, people=()),  # type: ignore[arg-type]
    Gap(GapKind.MISSING_ROLE, **SHIFT_GAP, role="party_member"),  # type: ignore[arg-type]
    Gap(
        GapKind.DOUBLE_BOOKED,
        person="p001",
        **SHIFT_GAP,  # type: ignore[arg-type]
        other_post="x001",
        other_date=day("2026-12-03"),
        other_shift="夜班",
    ),
    Gap(GapKind.UNAVAILABLE, person="p002", **SHIFT_GAP, reason="availability"),  # type: ignore[arg-type]
    Gap(GapKind.STREET_UNASSIGNED, street="s1"),
    Gap(GapKind.COMPOUND_UNASSIGNED, compound="k1"),
    Gap(GapKind.NO_PARTY_GROUP, compound="k1"),
    Gap(GapKind.HOUSEHOLD_UNCARED, household="h0001", compound="k1", reason="missing"),
    Gap(GapKind.HOUSEHOLD_UNCARED, household="h0001", compound="k1", reason="leave", person="p002"),
    Gap(GapKind.CARER_OVERLOADED, person="p001", date=day("2026-12-05"), count=9, max=8),
]


@pytest.mark.parametrize("gap", EVERY_KIND, ids=lambda g: f"{g.kind}-{g.reason}")
def test_every_kind_is_described_with_its_names_and_ids(gap: Gap, language: str) -> None:
    text = GapDescriber(R)(gap)
    assert "{" not in text and "gap." not in text
    for table, id_ in (
        ("post", gap.post),
        ("person", gap.person),
        ("street", gap.street),
        ("compound", gap.compound),
        ("household", gap.household),
    ):
        if id_ is not None:
            assert id_ in text, (table, text)
    if gap.compound == "k1":
        assert "农科路12号院" in text
    if gap.street == "s1":
        assert "文化路" in text


def test_english_descriptions(english: None) -> None:
    gap = Gap(GapKind.UNDERSTAFFED, **SHIFT_GAP, need=2, have=1, people=("p001",))  # type: ignore[arg-type]
    assert describe_gap(gap, R) == "农科路12号院东门 (x001) 白班, Thu 12/3: needs 2, has 1"
    assert gap_kind_label("short_rest") == "short rest"


def test_control_characters_in_names_are_shown_escaped_never_raw(chinese: None) -> None:
    hostile = roster(
        people=[person("p001", name="张\x1b[2J伟")],
        posts=[post("x001", shift("白班", "08:00", "20:00"), name="东门\x07")],
    )
    gap = Gap(GapKind.OVERTIME, person="p001", week=Week.parse("2026-W49"), hours=60.0, max=56.0)
    text = describe_gap(gap, hostile)
    assert "\x1b" not in text and "\\x1b[2J" in text
    shift_gap = Gap(GapKind.MISSING_ROLE, role="party_member", **SHIFT_GAP)  # type: ignore[arg-type]
    assert "\x07" not in describe_gap(shift_gap, hostile)
