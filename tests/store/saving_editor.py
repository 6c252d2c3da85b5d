"""A secretary saving edit after edit, in a process a test can kill: ``saving_editor.py URL N``.

Editor N of :mod:`editors` adds their people to the shared shifts one edit at a time, and
prints ``uid person`` for each edit only once its save has returned: every line printed is an
edit the store said was saved.
"""

from __future__ import annotations

import sys

from editors import PEOPLE_EACH, add_to

from roster_tui.store.db import open_store


def main(url: str, editor: int) -> None:
    store = open_store(url)
    for n in range(PEOPLE_EACH):
        person = f"p{editor}-{n}"
        roster = store.load_roster()
        slot = roster.overrides[n % len(roster.overrides)]
        add_to(store, slot, person, user=f"editor{editor}")
        print(slot.uid, person, flush=True)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
