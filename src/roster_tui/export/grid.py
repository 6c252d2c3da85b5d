"""The week as a wall grid: post-shifts down, seven days across, one page per compound.

Built once and drawn by both the HTML and the plain-text writers, so the printed sheet and the
text pasted into a chat group always agree.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from roster_tui.domain.instances import ShiftInstance
from roster_tui.domain.model import Post, ShiftPattern
from roster_tui.export.labels import (
    leader_label,
    marked_names,
    pattern_range_label,
    shortage_label,
)
from roster_tui.export.sanitize import sanitize
from roster_tui.export.view import ScopeKind, WeekView
from roster_tui.i18n import t

PageBy = Literal["compound", "community"]


@dataclass(frozen=True, slots=True)
class GridCell:
    names: tuple[str, ...]  # counted people, sanitized
    shortage: str  # "" when fully staffed
    scheduled: bool  # False: no instance was handed in for this day

    @property
    def short(self) -> bool:
        return bool(self.shortage)


@dataclass(frozen=True, slots=True)
class GridRow:
    compound_id: str
    compound: str
    post: str
    shift: str
    hours: str
    cells: tuple[GridCell, ...]


@dataclass(slots=True)
class GridPage:
    community: str
    compound: str | None  # None when the page covers a whole community
    leaders: list[str]
    rows: list[GridRow] = field(default_factory=list)
    compound_ids: list[str] = field(default_factory=list)

    @property
    def title(self) -> str:
        return self.compound if self.compound is not None else self.community


_EMPTY = GridCell((), "", scheduled=False)


def _cell(view: WeekView, instance: ShiftInstance | None, lang: str) -> GridCell:
    if instance is None:
        return _EMPTY
    return GridCell(
        tuple(marked_names(view, instance, lang)), shortage_label(view, instance, lang), True
    )


def _row(
    view: WeekView,
    post: Post,
    shift: ShiftPattern,
    found: dict[tuple[str, dt.date, str], ShiftInstance],
    lang: str,
    dash: str,
) -> GridRow:
    # On each day, the instance of this form of the shift (its times may change in the week).
    on_days = (found.get((post.id, day, shift.name)) for day in view.days)
    cells = tuple(_cell(view, i if i and i.shift == shift else None, lang) for i in on_days)
    return GridRow(
        compound_id=post.compound,
        compound=sanitize(view.compound_name(post.compound)),
        post=sanitize(post.name),
        shift=sanitize(shift.name),
        hours=pattern_range_label(shift.start, shift.end, lang, dash=dash),
        cells=cells,
    )


def grid_pages(
    view: WeekView,
    lang: str,
    *,
    by: PageBy = "community",
    dash: str = "–",
) -> list[GridPage]:
    """Pages in roster order; a person's view keeps only the post-shifts they stand on."""
    if by not in ("compound", "community"):
        raise ValueError(t("export.error.by", lang=lang, by=by))
    found = {i.key: i for i in view.instances}
    on_shift = {(i.post.id, i.shift.name) for i in view.instances}
    only_theirs = view.scope.kind is ScopeKind.PERSON
    pages: dict[str, GridPage] = {}
    for post in sorted(view.posts_in_scope(), key=view.post_order):
        compound = view.compounds.get(post.compound)
        community_id = compound.community if compound else ""
        key = post.compound if by == "compound" else community_id
        page = pages.get(key)
        if page is None:
            page = pages[key] = GridPage(
                community=sanitize(view.community_name(community_id)),
                compound=sanitize(view.compound_name(post.compound)) if by == "compound" else None,
                leaders=[],
            )
        if post.compound not in page.compound_ids:
            page.compound_ids.append(post.compound)
        for shift in post.shifts_between(view.monday, view.sunday):
            if only_theirs and (post.id, shift.name) not in on_shift:
                continue
            page.rows.append(_row(view, post, shift, found, lang, dash))
    for page in pages.values():
        for compound_id in page.compound_ids:
            label = leader_label(view, compound_id, lang)
            if by == "community":
                label = f"{sanitize(view.compound_name(compound_id))} · {label}"
            page.leaders.append(label)
    return [page for page in pages.values() if page.rows]
