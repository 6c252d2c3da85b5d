"""``roster-tui fill --week … [--dry-run]`` as a secretary runs it."""

from __future__ import annotations

import datetime as dt
import statistics
from collections import defaultdict

import pytest
from fill_store import WEEK, demo_db_url  # noqa: F401  (fixture)

from roster_tui.cli import main
from roster_tui.engine.eligibility import is_night
from roster_tui.engine.expand import Expander
from roster_tui.services.fill import plan_fill
from roster_tui.services.fill_loads import number
from roster_tui.services.past import now_in
from roster_tui.services.workspace import Workspace


def test_dry_run_lists_the_proposals_and_writes_nothing(
    db_url: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    workspace = Workspace.open(db_url)
    version = workspace.data_version()
    roster = workspace.load()
    plan = plan_fill(roster, WEEK, now_in(roster))  # the command leaves started shifts alone
    code = main(["--db", db_url, "--lang", "zh", "fill", "--week", "2026-W49", "--dry-run"])
    out = capsys.readouterr().out
    assert code == 0
    assert f"2026年第49周 自动补位方案：共 {plan.count} 项" in out
    for proposal in plan.seats.proposals:
        assert proposal.person in out
    assert "预演：没有写入任何改动。" in out
    assert workspace.data_version() == version
    workspace.store.close()


def test_the_spread_of_hours_and_nights_over_five_weeks_is_reported_before_and_after(
    db_url: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Min, max and standard deviation among everyone who serves in the four weeks before
    and the week, worked out here from the expanded shifts."""
    workspace = Workspace.open(db_url)
    roster = workspace.load()
    workspace.store.close()
    plan = plan_fill(roster, WEEK, now_in(roster))
    assert plan.seats.proposals
    expander = Expander(roster)
    hours: dict[str, float] = defaultdict(float)
    nights: dict[str, int] = defaultdict(int)
    for instance in expander.instances(WEEK.monday - dt.timedelta(weeks=4), WEEK.sunday):
        for pid in instance.counted:
            hours[pid] += (instance.end - instance.start).total_seconds() / 3600
            nights[pid] += is_night(instance.shift)
    after_hours, after_nights = dict(hours), dict(nights)
    for proposal in plan.seats.proposals:
        instance = expander.instance(*proposal.key)
        assert instance is not None
        after_hours[proposal.person] = (
            after_hours.get(proposal.person, 0.0)
            + (instance.end - instance.start).total_seconds() / 3600
        )
        after_nights[proposal.person] = after_nights.get(proposal.person, 0) + is_night(
            instance.shift
        )
    serving = sorted(after_hours)

    def stat(values: dict[str, float] | dict[str, int]) -> str:
        figures = [float(values.get(pid, 0)) for pid in serving]
        low, high = (number(f) for f in (min(figures), max(figures)))
        return f"{low}/{high}/{statistics.pstdev(figures):.2f}"

    assert main(["--db", db_url, "--lang", "zh", "fill", "--week", "2026-W49", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert f"近四周及本周在班的 {len(serving)} 人" in out
    assert f"工时：{stat(hours)} -> {stat(after_hours)}" in out
    assert f"夜班：{stat(nights)} -> {stat(after_nights)}" in out
    assert "节假日班：0/0/0.00 -> 0/0/0.00" in out  # no public holiday near 2026-W49


def test_fill_saves_one_change_and_says_how_to_undo_it(
    db_url: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    code = main(["--db", db_url, "--lang", "zh", "fill", "--week", "2026-W49"])
    out = capsys.readouterr().out
    assert code == 0
    assert "已保存：自动补位：" in out and "ctrl+z" in out
    workspace = Workspace.open(db_url)
    assert workspace.history(limit=1)[0].action == "fill"
    workspace.store.close()
    assert main(["--db", db_url, "--lang", "zh", "fill", "--week", "2026-W49"]) == 0
    assert "没有可以自动补上的缺口" in capsys.readouterr().out


def test_a_bad_week_is_a_usage_error(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", db_url, "fill", "--week", "2026-49"]) == 2
    assert "2026-49" in capsys.readouterr().err
