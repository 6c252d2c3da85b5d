"""``roster-tui fill --week … [--dry-run]`` as a secretary runs it."""

from __future__ import annotations

import pytest
from fill_store import WEEK, demo_db_url  # noqa: F401  (fixture)

from roster_tui.cli import main
from roster_tui.services.fill import plan_fill
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
    assert "本周工时" in out and "预演：没有写入任何改动。" in out
    assert workspace.data_version() == version
    workspace.store.close()


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
