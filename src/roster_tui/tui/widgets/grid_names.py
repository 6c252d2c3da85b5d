"""How the week grid names people: 张伟 张伟 in one cell says nothing, so a name that more than
one active person in the roster carries gets the phone's last four digits, the tail every
screen tells namesakes apart by (domain/names.py). In a cell it is kept short (张伟0003); the
line under the grid names each person the same way, with the id."""

from __future__ import annotations

from collections.abc import Mapping

from rich.cells import cell_len

from roster_tui.domain.model import Person
from roster_tui.domain.names import namesakes, phone_tail
from roster_tui.domain.text import printable
from roster_tui.i18n import t
from roster_tui.tui.widgets.cells import clip


class CellNames:
    """The grid's names of one roster's people (its index), by id; an id nobody carries shows
    as itself. Each name is worked out once, at its first cell."""

    def __init__(self, people: Mapping[str, Person]) -> None:
        self.people = people
        # Who has left does not make a name shared: only the active can be put on a shift.
        self.shared = namesakes(p for p in people.values() if p.active)
        # By id: the name, its tail, the label and the label's width, worked out once (a
        # large week has thousands of cells, most of them naming people seen before).
        self._named: dict[str, tuple[str, str, str, int]] = {}

    def _of(self, person_id: str) -> tuple[str, str, str, int]:
        found = self._named.get(person_id)
        if found is None:
            person = self.people.get(person_id)
            if person is None:
                name, tail = printable(person_id), ""
            else:
                shared = person.name in self.shared
                name, tail = printable(person.name), phone_tail(person.phone) if shared else ""
            label = t("tui.week.namesake", name=name, tail=tail) if tail else name
            found = self._named[person_id] = (name, tail, label, cell_len(label))
        return found

    def label(self, person_id: str) -> str:
        """``张伟0003`` for a namesake, else just the name."""
        return self._of(person_id)[2]

    def fitted(self, person_id: str, before: str, after: str, width: int) -> tuple[str, int]:
        """``before``, the label and ``after`` (the grid's marks, ASCII) in ``width`` cells, and
        the cells they take: where they do not fit, a namesake's name is cut rather than its
        tail or the marks, which are what tell it apart; any other label is cut at its end."""
        name, tail, label, used = self._of(person_id)
        used += len(before) + len(after)
        if used <= width:
            return (f"{before}{label}{after}" if before or after else label), used
        text = f"{before}{label}{after}"
        if tail:
            rest = cell_len(before + t("tui.week.namesake", name="", tail=tail) + after)
            if rest < width:
                short = t("tui.week.namesake", name=clip(name, width - rest), tail=tail)
                text = f"{before}{short}{after}"
                return text, cell_len(text)
        text = clip(text, width)
        return text, cell_len(text)
