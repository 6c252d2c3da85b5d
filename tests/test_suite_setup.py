"""The suite itself: it never touches a person's files, CI repeats itself, PostgreSQL is not
silently skipped when it was asked for."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from hypothesis import settings

from roster_tui.services.preferences import Preferences
from roster_tui.store.db import default_db_path, resolve_db_url

ROOT = Path(__file__).resolve().parents[1]


def test_the_default_database_and_preferences_are_in_the_tests_own_home() -> None:
    home = Path(os.environ["XDG_DATA_HOME"]).parent
    assert home.name.startswith("user-home")
    assert default_db_path().is_relative_to(home)
    assert Preferences.for_user().path is not None
    assert Preferences.for_user().path.is_relative_to(home)
    assert "ROSTER_DB" not in os.environ
    assert resolve_db_url(None).startswith(f"sqlite:///{home}")


def test_the_ci_profile_is_derandomised_with_a_fixed_budget() -> None:
    ci = settings.get_profile("ci")
    assert ci.derandomize and ci.database is None
    assert ci.deadline is None and ci.print_blob
    assert ci.max_examples == settings.get_profile("dev").max_examples
    assert not settings.get_profile("dev").derandomize


def test_ci_runs_the_suite_on_the_ci_profile() -> None:
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "HYPOTHESIS_PROFILE=ci" in script


def test_an_unreachable_postgresql_stops_the_run_instead_of_skipping() -> None:
    # Port 1 on the loopback refuses at once: nothing listens there.
    env = {
        **os.environ,
        "ROSTER_TEST_PG_URL": "postgresql+psycopg://postgres@127.0.0.1:1/test",
    }
    ran = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-p",
            "no:cacheprovider",
            "-n",
            "0",
            "--co",
            "tests/test_layers.py",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert ran.returncode == 3, ran.stdout + ran.stderr
    output = ran.stdout + ran.stderr
    assert "ROSTER_TEST_PG_URL is set, but PostgreSQL at" in output
    assert "127.0.0.1:1" in output
