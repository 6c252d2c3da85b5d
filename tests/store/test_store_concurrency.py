"""Several secretaries saving at once: nothing is lost and nobody sees "database is locked"."""

from __future__ import annotations

import multiprocessing
from multiprocessing.synchronize import Event

from roster_tui.domain.changes import Change
from roster_tui.domain.model import Community, Duty, Person, Roster, Street, Subdistrict
from roster_tui.store.db import open_store
from roster_tui.store.repository import Store

WRITERS = 4
EDITS_EACH = 25


def _writer(url: str, writer: int, go: Event, errors: multiprocessing.Queue[str]) -> None:
    """One secretary: renames their own street, and adds a duty, 25 times, as fast as possible."""
    store = open_store(url)
    go.wait()
    try:
        for n in range(EDITS_EACH):
            street = next(s for s in store.load_roster().streets if s.id == f"s{writer}")
            renamed = Street(street.id, f"街{writer}-{n}", street.community, version=street.version)
            store.apply(
                [Change(street, renamed), Change(None, Duty(f"p{writer}", street=street.id))],
                user=f"user{writer}",
                action="edit",
                summary=f"{writer}-{n}",
            )
    except Exception as error:
        errors.put(f"{type(error).__name__}: {error}")
    finally:
        store.close()


def test_four_writers_at_once_lose_nothing(store: Store, db_url: str) -> None:
    store.import_roster(
        Roster(
            Subdistrict("文化路街道"),
            communities=[Community("c01", "东风社区")],
            streets=[Street(f"s{w}", f"街{w}", "c01") for w in range(WRITERS)],
            people=[Person(f"p{w}", f"人{w}", "1", "c01") for w in range(WRITERS)],
        ),
        replace=False,
        user="admin",
    )
    context = multiprocessing.get_context("spawn")
    go = context.Event()
    errors: multiprocessing.Queue[str] = context.Queue()
    workers = [
        context.Process(target=_writer, args=(db_url, w, go, errors)) for w in range(WRITERS)
    ]
    for worker in workers:
        worker.start()
    go.set()
    for worker in workers:
        worker.join(timeout=120)

    reported = []
    while not errors.empty():
        reported.append(errors.get())
    assert reported == []
    assert [w.exitcode for w in workers] == [0] * WRITERS
    roster = store.load_roster()
    assert sorted(s.name for s in roster.streets) == [f"街{w}-24" for w in range(WRITERS)]
    assert all(s.version == EDITS_EACH + 1 for s in roster.streets)
    assert len(roster.duties) == WRITERS * EDITS_EACH
    assert len(store.history(limit=1000)) == WRITERS * EDITS_EACH + 1
