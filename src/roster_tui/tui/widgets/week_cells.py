"""What the week grid's cells say: a timetable laid out for the terminal's width.

Each compound has a heading line across the whole width (name, community, kind), each post a
heading line under it, then one row per shift labelled with its name and hours (08-20; 08:30-20
off the hour). In a week whose shift times change, the label has each form's hours in turn
(08-20/07-19) and every cell of the row starts with its own day's hours. Columns share
the width: at 80 columns a day has room for one name of four characters a line, wider terminals
put several names on a line. Past days are dimmed, today's column is headed 今天, and every gap
mark is a word or a sign (缺1人, 缺党员, !name, name*), readable without colour.

The table draws no padding of its own (so a heading runs on across the columns); each cell
starts with one space instead.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from rich.cells import cell_len
from rich.text import Span, Text

from roster_tui.domain.gaps import Gap, GapKind
from roster_tui.domain.instances import ShiftInstance
from roster_tui.domain.model import Person, Roster, ShiftPattern
from roster_tui.domain.text import printable
from roster_tui.i18n import current_language, t
from roster_tui.services.week_grid import GroupRow, ShiftRow
from roster_tui.tui.widgets.cells import clip
from roster_tui.tui.widgets.grid_names import CellNames
from roster_tui.tui.widgets.week_headings import EMPTY as _EMPTY
from roster_tui.tui.widgets.week_headings import PAD, compound_heading, lay_heading

DAY_COLUMNS = tuple(f"d{i}" for i in range(7))
MIN_DAY = 9  # a space and a name of four characters (eight cells)
MIN_LABEL = 12
MAX_LABEL = 24
SCROLLBAR = 2  # room kept for the table's vertical scrollbar
PAST_STYLE = "dim"


@dataclass(frozen=True, slots=True)
class GridLayout:
    """The width of the label column and of each day column, in terminal cells."""

    label: int
    day: int

    @classmethod
    def for_width(cls, width: int) -> GridLayout:
        """Seven day columns as wide as the room allows, the rest to the label column."""
        room = max(width - SCROLLBAR, MIN_LABEL + 7 * MIN_DAY)
        wanted = min(MAX_LABEL, max(MIN_LABEL, room * 14 // 100))  # about a seventh
        day = max(MIN_DAY, (room - wanted) // 7)
        label = min(MAX_LABEL, room - 7 * day)  # what the days leave, up to a limit
        return cls(max(label, MIN_LABEL), day)

    @property
    def total(self) -> int:
        return self.label + 7 * self.day


@dataclass(frozen=True, slots=True)
class RenderedRow:
    key: str
    cells: tuple[Text, ...]
    height: int
    shift: tuple[str, str] | None = None  # (post id, shift name) of a shift row


def short_post_name(post_name: str, compound_name: str) -> str:
    """农科路12号院东门 under 农科路12号院 reads 东门: the heading already names the compound."""
    if post_name.startswith(compound_name) and len(post_name) > len(compound_name):
        return post_name[len(compound_name) :]
    return post_name


def day_heading(day: dt.date, index: int, today: dt.date | None) -> Text:
    """周三 over 12/2; today's column says 今天, past days are dimmed."""
    if day == today:
        return Text(f"{PAD}{t('tui.week.today')}\n{PAD}{day.month}/{day.day}", "bold reverse")
    style = PAST_STYLE if today is not None and day < today else ""
    return Text(f"{PAD}{t(f'weekday.{index}')}\n{PAD}{day.month}/{day.day}", style)


# Gaps that mark a name in its cell (name*): the person is booked twice, or rests too little.
_FLAGGING = (GapKind.DOUBLE_BOOKED, GapKind.SHORT_REST)


def render_cell(
    instance: ShiftInstance | None,
    gaps: list[Gap],
    people: Mapping[str, Person],
    width: int,
    past: bool = False,
    names: CellNames | None = None,
    hours: str | None = None,
) -> Text:
    """One day of one shift: who is on it, then what it lacks (``width`` counts the pad).

    Names sit side by side while they fit, else one a line (cut to fit). A grid has thousands
    of cells, so the text and its styles are laid out by hand, line after line, straight into
    one string and its spans. ``names``: how the grid names ``people`` (namesakes told
    apart), shared by a grid's cells. ``hours``: the shift's hours that day, a dim first line
    (in a week whose hours change).

    Each line starts with the pad; a line's first name's style runs over the whole line (as
    rich carries a line's own style), followed by the later names' own styles.
    """
    if instance is None:
        return Text("")
    if names is None:
        names = CellNames(people)
    room = width - len(PAD)
    pad = len(PAD)
    flagged = {g.person for g in gaps if g.kind in _FLAGGING} if gaps else ()
    parts: list[str] = []
    spans: list[Span] = []
    offset = 0  # characters laid so far
    if hours is not None:  # too wide (08:30-20:30 at 80 columns): its end on a line of its own
        for part in _fold_hours(hours, room):
            if offset:
                parts.append("\n")
                offset += 1
            parts += (PAD, part)
            offset += pad
            spans.append(Span(offset, offset + len(part), "dim"))
            offset += len(part)
    # The open line of names, if any: where its text starts, its style, the cells it uses
    # (-1: none open, the names start on a line of their own) and its later names' spans.
    line_start, line_style, line_used = 0, "", -1
    later: list[Span] = []
    counted = instance.counted
    for pid in instance.assigned:
        if pid not in counted:  # assigned but not there: struck out and marked !
            (text, used), style = names.fitted(pid, "!", "", room), "strike dim"
        else:
            (text, used), style = names.fitted(pid, "", "*" if pid in flagged else "", room), ""
        if line_used >= 0 and line_used + 1 + used <= room:
            parts += (" ", text)
            offset += 1
            if style:
                later.append(Span(offset, offset + len(text), style))
            offset += len(text)
            line_used += 1 + used
            continue
        if line_used >= 0:  # the open line is full: its styles, then a line of its own
            if line_style:
                spans.append(Span(line_start, offset, line_style))
            if later:
                spans += later
                later = []
        if offset:
            parts.append("\n")
            offset += 1
        parts += (PAD, text)
        line_start = offset + pad
        offset = line_start + len(text)
        line_style, line_used = style, used
    if line_used >= 0:
        if line_style:
            spans.append(Span(line_start, offset, line_style))
        spans += later
    marks = []
    short = instance.shift.need - len(counted)
    if short > 0:
        marks.append((t("tui.week.short", n=short), "bold reverse red"))
    if gaps and any(g.kind is GapKind.MISSING_ROLE for g in gaps):
        marks.append((t("tui.week.no_role"), "bold reverse yellow"))
    for text, style in marks:
        if offset:
            parts.append("\n")
            offset += 1
        parts += (PAD, text)
        offset += pad
        spans.append(Span(offset, offset + len(text), style))
        offset += len(text)
    cell = Text("".join(parts), spans=spans)
    if past:
        cell.stylize(PAST_STYLE)
    return cell


CellKey = tuple[object, ...]  # what a cell shows: people, need, gap marks, past, hours


class CellMemo:
    """Cells already drawn, by what they show. A large week has some 6,300 cells but only about
    a thousand different ones, and the next week shows mostly the same. A memo holds for one
    index of people (their names), one width and one language, and starts afresh on another.
    """

    LIMIT = 50_000  # cells kept at most, then it starts afresh

    def __init__(self) -> None:
        self._owner: tuple[Mapping[str, Person], int, str] | None = None
        self._cells: dict[CellKey, tuple[Text, int]] = {}  # a cell and its height

    def cells_for(
        self, people: Mapping[str, Person], width: int
    ) -> dict[CellKey, tuple[Text, int]]:
        owner = self._owner
        language = current_language()
        if (
            owner is None
            or owner[0] is not people
            or owner[1:] != (width, language)
            or len(self._cells) > self.LIMIT
        ):
            self._owner, self._cells = (people, width, language), {}
        return self._cells


def render_rows(
    rows: list[GroupRow | ShiftRow],
    roster: Roster,
    gaps_by_cell: dict[tuple[str, dt.date, str], list[Gap]],
    layout: GridLayout,
    today: dt.date | None = None,
    memo: CellMemo | None = None,
    names: CellNames | None = None,
) -> list[RenderedRow]:
    """The table's rows: compound and post headings, and a row per shift (``names``: see
    :func:`render_cell`, made here when not given)."""
    people = roster.index.people
    drawn = memo.cells_for(people, layout.day) if memo is not None else None
    compound_names = {c.id: c.name for c in roster.compounds}
    if names is None:
        names = CellNames(people)
    rendered: list[RenderedRow] = []
    last_post: str | None = None
    for row in rows:
        if isinstance(row, GroupRow):
            parts = (
                printable(row.compound.name),
                printable(row.community),
                t(f"kind_short.{row.compound.kind.value}"),
            )
            heading = compound_heading(*parts, layout)
            rendered.append(RenderedRow(f"g:{row.compound.id}", heading, 1))
            last_post = None
            continue
        if row.post.id != last_post:
            name = short_post_name(row.post.name, compound_names.get(row.post.compound, ""))
            heading = lay_heading(((printable(name), "bold"),), layout)
            rendered.append(RenderedRow(f"p:{row.post.id}", heading, 1))
            last_post = row.post.id
        rendered.append(render_shift_row(row, people, gaps_by_cell, layout, today, names, drawn))
    return rendered


@lru_cache(maxsize=1024)
def short_hours(start: int, end: int) -> str:
    """08-20 for 08:00 to 20:00; minutes only where they are not :00 (08:30-20). Kept: every
    row of a week asks for its shift's hours, and a sub-district has a few dozen forms."""

    def one(minutes: int) -> str:
        hour, minute = divmod(minutes, 60)
        return f"{hour:02d}" if minute == 0 else f"{hour:02d}:{minute:02d}"

    return f"{one(start)}-{one(end)}"


def _fold_hours(hours: str, width: int) -> list[str]:
    """``hours`` on one line when it fits ``width``, else broken after its dash (08:30- over
    20:30), each part cut only if even that is too wide."""
    if cell_len(hours) <= width or "-" not in hours:
        return [clip(hours, width)]
    start, end = hours.split("-", 1)
    return [clip(f"{start}-", width), clip(end, width)]


@lru_cache(maxsize=4096)
def _shift_label(name: str, hours: tuple[str, ...], width: int) -> tuple[Text, int]:
    """A shift row's label, its name and its hours (each form's in turn, in a week whose hours
    change), and its height; the hours go under the name rather than be cut, a form a line
    where they do not fit on one. The same at every week (kept)."""
    head = f"{PAD * 2}{printable(name)}"
    tail = "/".join(hours)
    if cell_len(f"{head} {tail}") <= width:
        return Text(f"{head} {tail}", "dim"), 1
    lines = [clip(head, width)]
    for form in hours:
        joined = f"{lines[-1]}/{form}" if len(lines) > 1 else ""
        if joined and cell_len(joined) <= width:
            lines[-1] = joined
        else:
            lines += [PAD * 2 + part for part in _fold_hours(form, width - len(PAD) * 2)]
    return Text("\n".join(lines), "dim"), len(lines)


def render_shift_row(
    row: ShiftRow,
    people: Mapping[str, Person],
    gaps_by_cell: Mapping[tuple[str, dt.date, str], list[Gap]],
    layout: GridLayout,
    today: dt.date | None = None,
    names: CellNames | None = None,
    drawn: dict[CellKey, tuple[Text, int]] | None = None,
) -> RenderedRow:
    """One shift's row: its label and its seven days (``names``: see :func:`render_cell`;
    ``drawn``: cells already drawn for ``people`` at this width, with their heights, see
    :class:`CellMemo`)."""
    shift = row.shift
    post_id, shift_name = row.post.id, shift.name
    forms: list[tuple[int, int]] = []  # the shift's forms in the week, in order
    seen: ShiftPattern | None = None
    for instance in row.cells:
        if instance is not None and instance.shift is not seen:  # mostly one form, one object
            seen = instance.shift
            if (seen.start, seen.end) not in forms:
                forms.append((seen.start, seen.end))
    hours = tuple(short_hours(start, end) for start, end in forms or [(shift.start, shift.end)])
    label, height = _shift_label(shift_name, hours, layout.label)
    day_cells: list[Text] = [label]
    append = day_cells.append
    kept = drawn if drawn is not None else {}
    if names is None:
        names = CellNames(people)
    several = len(forms) > 1
    for instance in row.cells:  # a large week has 6,300: what is the same for all is outside
        if instance is None:
            append(_EMPTY)
            continue
        day = instance.date
        gaps = gaps_by_cell.get((post_id, day, shift_name))
        past = today is not None and day < today
        own = short_hours(instance.shift.start, instance.shift.end) if several else None
        key: CellKey = (
            instance.assigned,
            instance.counted,
            instance.shift.need,
            tuple([(gap.kind, gap.person) for gap in gaps]) if gaps else (),  # all a cell reads
            past,
            own,
        )
        found = kept.get(key)
        if found is None:
            cell = render_cell(
                instance, gaps or [], people, layout.day, past=past, names=names, hours=own
            )
            found = kept[key] = (cell, cell.plain.count("\n") + 1 if cell.plain else 1)
        append(found[0])
        if found[1] > height:
            height = found[1]
    key_text = f"r:{row.post.id}:{row.shift.name}"
    return RenderedRow(key_text, tuple(day_cells), height, (row.post.id, row.shift.name))
