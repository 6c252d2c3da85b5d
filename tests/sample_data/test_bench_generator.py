"""The benchmark generator (bench/generate.py): the large sizes, deterministic, mostly healthy."""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest

from roster_tui.domain.gaps import Gap, GapKind
from roster_tui.domain.model import CompoundKind, Roster
from roster_tui.engine.check import check
from roster_tui.interchange import dumps_roster, load_roster_file, loads_roster

GENERATOR = Path(__file__).resolve().parents[2] / "bench" / "generate.py"
START = dt.date(2026, 11, 30)


def _load_generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_generate", GENERATOR)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    # It imports its sibling module the way a script run from bench/ does.
    sys.path.insert(0, str(GENERATOR.parent))
    try:
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(GENERATOR.parent))
    return module


@pytest.fixture(scope="module")
def gen() -> ModuleType:
    return _load_generator()


@pytest.fixture(scope="module")
def large(gen: ModuleType) -> Roster:
    return gen.generate_large(seed=1, start=START)


@pytest.fixture(scope="module")
def large_gaps(large: Roster) -> list[Gap]:
    return check(large, START, START + dt.timedelta(weeks=4, days=-1))


def test_same_seed_gives_the_same_dumped_text(gen: ModuleType) -> None:
    for size in ("small", "medium"):
        assert dumps_roster(gen.generate(size, 7, START)) == dumps_roster(
            gen.generate(size, 7, START)
        )


def test_the_large_district_is_the_same_every_time(gen: ModuleType, large: Roster) -> None:
    assert dumps_roster(gen.generate("large", 1, START)) == dumps_roster(large)


def test_another_seed_gives_another_district(gen: ModuleType) -> None:
    assert dumps_roster(gen.generate("small", 1, START)) != dumps_roster(
        gen.generate("small", 2, START)
    )


def test_the_large_district_has_the_spec_sizes(large: Roster) -> None:
    assert len(large.communities) == 15
    assert len(large.compounds) == 300
    assert {c.kind for c in large.compounds} == set(CompoundKind)
    assert len(large.posts) == 300
    for post in large.posts:
        assert len(post.shifts) == 3
        assert all(s.duration_minutes == 480 and s.need == 2 for s in post.shifts)
    assert len(large.people) == 2000
    assert len(large.households) == 5000
    assert len(large.overrides) == 500
    assert len(large.leaves) == 300
    assert large.duties and large.party_groups and large.streets


def test_rotations_cover_four_weeks_from_the_start_monday(large: Roster) -> None:
    last = START + dt.timedelta(weeks=4, days=-1)
    assert {(r.start, r.end) for r in large.rotations} == {(START, last)}
    assert {p.id for p in large.posts} == {r.post for r in large.rotations}
    assert all(START <= o.date <= last for o in large.overrides)


def test_another_start_moves_the_whole_district(gen: ModuleType) -> None:
    later = START + dt.timedelta(weeks=5)
    moved = gen.generate("small", 1, later)
    assert {r.start for r in moved.rotations} == {later}
    assert len(moved.people) == len(gen.generate("small", 1, START).people)


def test_the_start_must_be_a_monday(gen: ModuleType) -> None:
    with pytest.raises(ValueError):
        gen.generate("small", 1, START + dt.timedelta(days=1))


def test_the_large_district_has_modest_gaps(large: Roster, large_gaps: list[Gap]) -> None:
    gaps = large_gaps
    instances = sum(len(p.shifts) for p in large.posts) * 28
    kinds = Counter(g.kind for g in gaps)
    assert 0 < len(gaps) < 0.05 * instances
    rule_breaks = kinds[GapKind.DOUBLE_BOOKED] + kinds[GapKind.SHORT_REST] + kinds[GapKind.OVERTIME]
    assert rule_breaks < 0.005 * instances
    assert kinds[GapKind.HOUSEHOLD_UNCARED] < 0.02 * len(large.households)


def test_the_large_district_shows_most_gap_kinds(large_gaps: list[Gap]) -> None:
    kinds = {g.kind for g in large_gaps}
    assert len(kinds) >= 9


def test_generated_districts_survive_a_toml_round_trip(gen: ModuleType) -> None:
    roster = gen.generate("small", 3, START)
    assert loads_roster(dumps_roster(roster)) == roster


def test_the_command_line_writes_the_district_as_toml(gen: ModuleType, tmp_path: Path) -> None:
    out = tmp_path / "small.toml"
    gen.main(["--size", "small", "--seed", "5", "--start", "2026-11-30", "-o", str(out)])
    assert load_roster_file(out) == gen.generate("small", 5, START)
