"""What every test shares: Hypothesis' profile, a private home for user files, PostgreSQL's gate.

Hypothesis: the profiles are in ``hypothesis_profiles``; ``HYPOTHESIS_PROFILE`` picks one.

User files: tests run with their own empty config and data directories, and without
``ROSTER_DB``, so nothing a test does can read or write a person's real database or preferences.

Pilot: ``pilot_waits`` makes Pilot wait until the app under test has nothing left to do,
instead of until the process looks idle (see there why).

PostgreSQL: without ``ROSTER_TEST_PG_URL`` its tests skip. With it set, a server that cannot be
reached stops the whole run before the first test, rather than letting tests skip or error one
by one: a run that meant to test PostgreSQL must not pass without it.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator

import pytest

import hypothesis_profiles
import pilot_waits

PG_ENV = "ROSTER_TEST_PG_URL"
PG_CONNECT_SECONDS = 5

hypothesis_profiles.load()
pilot_waits.install()


@pytest.fixture(autouse=True)
def _same_language_for_every_test() -> Iterator[None]:
    """Every test starts in the language the suite started in, whatever the last one switched to.

    (A test that switches to English and fails before switching back must not turn the next
    test's Chinese labels into English: which test runs after which is the scheduler's choice.)
    """
    from roster_tui.i18n import set_language

    set_language(STARTING_LANGUAGE)
    yield
    set_language(STARTING_LANGUAGE)


@pytest.fixture(autouse=True)
def _heap_unfrozen_after_each_test() -> Iterator[None]:
    """The app freezes the heap for the cycle collector once it has read a roster; what a test
    left frozen (its app and widgets) is given back, or every test's app would stay in memory."""
    yield
    gc.unfreeze()


def _starting_language() -> str:
    from roster_tui.i18n import current_language

    return current_language()


STARTING_LANGUAGE = _starting_language()


@pytest.fixture(autouse=True, scope="session")
def _private_user_dirs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Empty XDG config/data/cache/state homes for this test process, and no ``ROSTER_DB``."""
    home = tmp_path_factory.mktemp("user-home")
    with pytest.MonkeyPatch.context() as patch:
        for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
            patch.setenv(var, str(home / var.lower()))
        patch.delenv("ROSTER_DB", raising=False)
        yield


def postgres_problem(url: str) -> str | None:
    """Why the PostgreSQL server at ``url`` cannot be used, or None when it answers."""
    from sqlalchemy import create_engine, text

    try:
        engine = create_engine(url, connect_args={"connect_timeout": PG_CONNECT_SECONDS})
        try:
            with engine.connect() as conn:
                conn.execute(text("select 1"))
        finally:
            engine.dispose()
    except Exception as error:  # any reason at all is a reason to stop: say it
        return f"{type(error).__name__}: {str(error).strip()}"
    return None


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """``-n auto``: one worker more than the cores this process may run on.

    Some tests wait rather than compute (on PostgreSQL, on a printed PDF or a browser in a
    child process, on editors in processes of their own); a worker more keeps the cores busy
    while one waits, and shortens the end of the run, where the last long tests would otherwise
    leave a core idle. More than one more only adds workers' start-up and per-process fixtures.
    """
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return cores + 1


def pytest_sessionstart(session: pytest.Session) -> None:
    if hasattr(session.config, "workerinput"):
        return  # an xdist worker: the controller has checked already
    url = os.environ.get(PG_ENV)
    if not url:
        return
    problem = postgres_problem(url)
    if problem is not None:
        from sqlalchemy.engine import make_url

        where = make_url(url).render_as_string(hide_password=True)
        pytest.exit(
            f"{PG_ENV} is set, but PostgreSQL at {where} cannot be reached, so its tests "
            f"cannot run. Start the server, or unset {PG_ENV} to test on SQLite only.\n"
            f"{problem}",
            returncode=3,
        )
