"""How the fill changes people's load over the four weeks before the week and the week itself:
each added person's hours, nights, weekend and holiday shifts before and after, and how the load
is spread among everyone who serves, in the user's language for the CLI and the TUI preview."""

from __future__ import annotations

from dataclasses import dataclass

from roster_tui.engine.fill import Load, LoadSpread, load_spread
from roster_tui.engine.fill.fairness import Stat
from roster_tui.i18n import t
from roster_tui.services.fill import FillNames, FillPlan

MEASURES = ("hours", "nights", "weekends", "holidays")


@dataclass(frozen=True, slots=True)
class LoadRow:
    """One person the fill adds to shifts: their load before and after it (names printable)."""

    person: str
    person_id: str
    community: str
    before: Load
    after: Load

    def cells(self) -> tuple[str, ...]:
        """``32->44``, ``2->3``, ...: one per measure in :data:`MEASURES` order."""
        return tuple(
            f"{number(getattr(self.before, m))}->{number(getattr(self.after, m))}" for m in MEASURES
        )


def number(value: float) -> str:
    """At most one decimal, none when whole: ``12``, ``9.5``."""
    return f"{value:.1f}".removesuffix(".0")


def load_rows(plan: FillPlan) -> list[LoadRow]:
    """Everyone the fill adds to a shift, the heaviest after the fill first."""
    loads = plan.seats.loads
    after = loads.after((p.key, p.person) for p in plan.seats.proposals)
    names = FillNames(plan.roster)
    rows = []
    for pid, load in after.items():
        name, community = names.person(pid)
        rows.append(LoadRow(name, pid, community, loads.of(pid), load))
    rows.sort(key=lambda row: (-row.after.weighted, row.person_id))
    return rows


def spread(plan: FillPlan) -> LoadSpread | None:
    return load_spread(plan.seats.loads, ((p.key, p.person) for p in plan.seats.proposals))


def _stat(stat: Stat) -> str:
    low, high, deviation = stat
    return t("fill.spread.stat", min=number(low), max=number(high), sd=f"{deviation:.2f}")


def spread_lines(plan: FillPlan) -> list[str]:
    """The spread of each measure, before and after, one line each, under a title."""
    found = spread(plan)
    if found is None:
        return []
    lines = [t("fill.spread.title", people=found.people)]
    for measure in MEASURES:
        before, after = getattr(found.before, measure), getattr(found.after, measure)
        what = t(f"fill.load.{measure}")
        lines.append(t("fill.spread.row", what=what, before=_stat(before), after=_stat(after)))
    return lines


def spread_summary(plan: FillPlan) -> str:
    """One line for the preview: the standard deviation of each measure, before and after."""
    found = spread(plan)
    if found is None:
        return ""
    parts = {
        m: f"{getattr(found.before, m)[2]:.1f}->{getattr(found.after, m)[2]:.1f}" for m in MEASURES
    }
    return t("fill.spread.summary", people=found.people, **parts)
